"""The serif font the PDF and the figures are drawn with.

The Word report names Times New Roman (RULES.md §7) and the reader's Word draws it. A PDF and
a PNG must carry their glyphs, so they embed a TrueType font with every Vietnamese letter:

0. Times New Roman itself where the machine has it (Debian's ttf-mscorefonts-installer puts
   it in /usr/share/fonts/truetype/msttcorefonts; a Windows copy in /usr/share/fonts/truetype/
   times works too), if its four faces cover Vietnamese;
1. Liberation Serif 2 (Debian's fonts-liberation2): metric-compatible with Times New Roman,
   so lines break where Word breaks them. Liberation Serif 1.07 (Debian's fonts-liberation)
   lacks most Vietnamese letters (ư, ơ, ạ, ế…): a family is taken only if every face has
   every letter of the Vietnamese alphabet;
2. otherwise DejaVu Serif, which ships inside matplotlib (a dependency): always present.

Nothing is downloaded. Which one was used is written into the PDF's metadata.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import matplotlib
from matplotlib.ft2font import FT2Font

LIBERATION_DIRS: tuple[Path, ...] = (
    Path("/usr/share/fonts/truetype/liberation2"),
    Path("/usr/share/fonts/truetype/liberation"),
)

# Every Vietnamese letter in both cases, each tone on each vowel.
VIETNAMESE = "".join(
    sorted(
        set(
            "aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ"
            "bcdghklmnpqrstvx"
        )
    )
)
VIETNAMESE += VIETNAMESE.upper()


def covers_vietnamese(path: Path) -> bool:
    """Whether a TrueType file has a glyph for every Vietnamese letter."""
    charmap = FT2Font(str(path)).get_charmap()
    return all(ord(ch) in charmap for ch in VIETNAMESE)


@dataclass(frozen=True, slots=True)
class SerifFont:
    """One family of four TrueType files, and a note for the document's metadata."""

    family: str
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path
    note: str

    def files(self) -> tuple[Path, Path, Path, Path]:
        return (self.regular, self.bold, self.italic, self.bold_italic)


TIMES_DIRS: tuple[Path, ...] = (
    Path("/usr/share/fonts/truetype/msttcorefonts"),
    Path("/usr/share/fonts/truetype/times"),
    Path("/usr/share/fonts/TTF"),
)
_TIMES_NAMES = (
    (
        "Times_New_Roman.ttf",
        "Times_New_Roman_Bold.ttf",
        "Times_New_Roman_Italic.ttf",
        "Times_New_Roman_Bold_Italic.ttf",
    ),
    ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"),
)


def _times(directory: Path) -> SerifFont | None:
    for names in _TIMES_NAMES:
        files = [directory / n for n in names]
        if all(f.is_file() for f in files) and all(covers_vietnamese(f) for f in files):
            return SerifFont(
                "Times New Roman",
                files[0],
                files[1],
                files[2],
                files[3],
                note="Times New Roman (Nghị định 30/2020/NĐ-CP)",
            )
    return None


def _liberation(directory: Path) -> SerifFont | None:
    names = ("Regular", "Bold", "Italic", "BoldItalic")
    files = [directory / f"LiberationSerif-{n}.ttf" for n in names]
    if not all(f.is_file() for f in files) or not all(covers_vietnamese(f) for f in files):
        return None
    return SerifFont(
        "Liberation Serif",
        files[0],
        files[1],
        files[2],
        files[3],
        note="Liberation Serif (tương thích kích thước với Times New Roman / metric-compatible "
        "with Times New Roman)",
    )


def _dejavu() -> SerifFont:
    base = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    names = ("", "-Bold", "-Italic", "-BoldItalic")
    files = [base / f"DejaVuSerif{n}.ttf" for n in names]
    return SerifFont(
        "DejaVu Serif",
        files[0],
        files[1],
        files[2],
        files[3],
        note="DejaVu Serif (thay cho Times New Roman vì máy không có Liberation Serif 2 / "
        "in place of Times New Roman: Liberation Serif 2 is not installed)",
    )


@functools.cache
def serif_font(
    search: Sequence[Path] = LIBERATION_DIRS, times: Sequence[Path] = TIMES_DIRS
) -> SerifFont:
    """Times New Roman, else Liberation Serif 2 where installed, else DejaVu Serif."""
    for directory in times:
        found_times = _times(directory)
        if found_times is not None:
            return found_times
    for directory in search:
        found = _liberation(directory)
        if found is not None:
            return found
    return _dejavu()


# reportlab names of the four faces, registered once per process.
PDF_REGULAR = "TinhgonSerif"
PDF_BOLD = "TinhgonSerif-Bold"
PDF_ITALIC = "TinhgonSerif-Italic"
PDF_BOLD_ITALIC = "TinhgonSerif-BoldItalic"


@functools.cache
def register_pdf_fonts() -> SerifFont:
    """Register the serif font's four faces with reportlab (embedded, subset, with their
    Unicode map so that text extracted from the PDF keeps its diacritics)."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    font = serif_font()
    names = (PDF_REGULAR, PDF_BOLD, PDF_ITALIC, PDF_BOLD_ITALIC)
    for name, path in zip(names, font.files(), strict=True):
        pdfmetrics.registerFont(TTFont(name, str(path)))
    for (bold, italic), name in zip(((0, 0), (1, 0), (0, 1), (1, 1)), names, strict=True):
        addMapping(PDF_REGULAR, bold, italic, name)
    return font


def text_width_pt(text: str, size: float, *, bold: bool = False) -> float:
    """The width of a line of text in the serif font, in points (Liberation Serif has the
    widths of Times New Roman, so this also measures the Word report)."""
    from reportlab.pdfbase import pdfmetrics

    register_pdf_fonts()
    return float(pdfmetrics.stringWidth(text, PDF_BOLD if bold else PDF_REGULAR, size))
