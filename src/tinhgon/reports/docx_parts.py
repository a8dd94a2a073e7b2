"""The small parts the Word writer builds its pages from: runs and paragraphs in Times New
Roman, a short rule, borderless tables of fixed widths, rows that never split."""

from __future__ import annotations

import math
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor, Twips

from tinhgon.reports import decree30 as f

BLACK = RGBColor(*f.COLOUR_RGB)

CENTER = WD_ALIGN_PARAGRAPH.CENTER
LEFT = WD_ALIGN_PARAGRAPH.LEFT
RIGHT = WD_ALIGN_PARAGRAPH.RIGHT
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY


def fonts(rpr: Any) -> None:
    """Name Times New Roman for every script (Vietnamese letters fall outside 'ascii')."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), f.FONT_NAME)


def run(paragraph: Any, text: str, size: float, *, bold: bool = False, italic: bool = False) -> Any:
    run = paragraph.add_run(text)
    run.font.name = f.FONT_NAME
    fonts(run._element.get_or_add_rPr())
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    run.font.color.rgb = BLACK
    return run


def paragraph(
    container: Any,
    text: str,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
    align: Any = JUSTIFY,
    indent: bool = False,
    before: float = 0,
    after: float = f.SPACE_AFTER_PT,
) -> Any:
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    if indent:
        fmt.first_line_indent = Mm(f.FIRST_LINE_INDENT_MM)
    if text:
        run(paragraph, text, size, bold=bold, italic=italic)
    return paragraph


def rule(container: Any, width_cm: float, box_cm: float) -> Any:
    """A thin horizontal line of the given length, centred in a box of the given width: an
    empty paragraph with a top border, narrowed by its indents."""
    paragraph = container.add_paragraph()
    fmt = paragraph.paragraph_format
    side = max((box_cm - width_cm) / 2, 0)
    fmt.left_indent = Cm(side)
    fmt.right_indent = Cm(side)
    fmt.space_before = Pt(3)
    fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(2)
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    top.set(qn("w:val"), "single")
    top.set(qn("w:sz"), "6")
    top.set(qn("w:space"), "1")
    top.set(qn("w:color"), "000000")
    borders.append(top)
    ppr.append(borders)
    run(paragraph, "", 2)
    return paragraph


def no_borders(table: Any) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr.append(borders)


def cell_margins(table: Any, cm: float) -> None:
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), str(int(Cm(cm).twips)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.append(margins)


def widths(table: Any, widths_cm: list[float]) -> None:
    table.autofit = False
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths_cm, strict=True):
        col.set(qn("w:w"), str(int(Cm(width).twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)


def clear(cell: Any) -> Any:
    """A cell's first (empty) paragraph, to write into instead of adding a blank line."""
    return cell.paragraphs[0]


def cell_text(
    cell: Any,
    text: str,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
    align: Any = CENTER,
) -> Any:
    paragraph = clear(cell)
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(1)
    paragraph.paragraph_format.space_before = Pt(1)
    run(paragraph, text, size, bold=bold, italic=italic)
    return paragraph


def keep_row(row: Any) -> None:
    """A table row that never splits across pages (Word and LibreOffice honour cantSplit)."""
    keep = OxmlElement("w:cantSplit")
    keep.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(keep)


def at_least(mm: float) -> Twips:
    """A length in millimetres as Word stores it (whole twips), rounded up so that a margin
    never falls below the lower end of its range (15 mm is 850.4 twips: 850 would be 14.99)."""
    return Twips(math.ceil(mm * 1440 / 25.4))
