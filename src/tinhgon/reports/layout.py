"""Measures shared by the Word and PDF writers, so that both lay the page out alike."""

from __future__ import annotations

from tinhgon.reports import decree30 as f
from tinhgon.reports.fonts import text_width_pt

PT_PER_CM = 72 / 2.54
TEXT_WIDTH_CM = (f.PAGE_WIDTH_MM - f.MARGIN_LEFT_MM - f.MARGIN_RIGHT_MM) / 10


def header_columns_cm(national_title: str) -> tuple[float, float]:
    """The widths of the header's right column (just wide enough for the national title on
    one line) and left column (the rest, for the agency lines)."""
    right = text_width_pt(national_title, f.NATIONAL_TITLE_PT, bold=True) / PT_PER_CM + 0.3
    return right, TEXT_WIDTH_CM - right


def width_cm(text: str, size: float, *, bold: bool = False) -> float:
    return text_width_pt(text, size, bold=bold) / PT_PER_CM
