"""Measures shared by the Word and PDF writers, so that both lay the page out alike."""

from __future__ import annotations

import struct

from tinhgon.reports import decree30 as f
from tinhgon.reports.fonts import text_width_pt

PT_PER_CM = 72 / 2.54
TEXT_WIDTH_CM = (f.PAGE_WIDTH_MM - f.MARGIN_LEFT_MM - f.MARGIN_RIGHT_MM) / 10
TEXT_HEIGHT_CM = (f.PAGE_HEIGHT_MM - f.MARGIN_TOP_MM - f.MARGIN_BOTTOM_MM) / 10
# A figure and its caption fit on one page.
FIGURE_MAX_HEIGHT_CM = TEXT_HEIGHT_CM - 3.5


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height in pixels, from the PNG header."""
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG image")
    width, height = struct.unpack(">II", png[16:24])
    return int(width), int(height)


def fit_figure(png: bytes, width_cm: float) -> tuple[float, float]:
    """The size to print a figure at: the asked width at most the text width, smaller if its
    height would not fit on a page."""
    w_px, h_px = png_size(png)
    width = min(width_cm, TEXT_WIDTH_CM)
    height = width * h_px / w_px
    if height > FIGURE_MAX_HEIGHT_CM:
        width, height = width * FIGURE_MAX_HEIGHT_CM / height, FIGURE_MAX_HEIGHT_CM
    return width, height


def header_columns_cm(national_title: str) -> tuple[float, float]:
    """The widths of the header's right column (just wide enough for the national title on
    one line) and left column (the rest, for the agency lines)."""
    right = text_width_pt(national_title, f.NATIONAL_TITLE_PT, bold=True) / PT_PER_CM + 0.3
    return right, TEXT_WIDTH_CM - right


def width_cm(text: str, size: float, *, bold: bool = False) -> float:
    return text_width_pt(text, size, bold=bold) / PT_PER_CM


def balanced(text: str, size: float, box_cm: float, *, bold: bool = False) -> str:
    """A header line too wide for its column, broken into two lines of similar length at a
    space ('ỦY BAN NHÂN DÂN\\nTỈNH KON TUM') instead of leaving one word alone."""
    if "\n" in text or width_cm(text, size, bold=bold) <= box_cm - 0.1:
        return text
    words = text.split(" ")
    best, best_gap = text, float("inf")
    for cut in range(1, len(words)):
        first, second = " ".join(words[:cut]), " ".join(words[cut:])
        widths = (width_cm(first, size, bold=bold), width_cm(second, size, bold=bold))
        if max(widths) > box_cm - 0.1:
            continue
        gap = abs(widths[0] - widths[1])
        if gap < best_gap:
            best, best_gap = f"{first}\n{second}", gap
    return best
