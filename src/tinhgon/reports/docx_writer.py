"""The report as a Word document in the format of Decree 30/2020/NĐ-CP (``decree30``).

Page: A4 portrait, the margins of RULES.md §7, Times New Roman in black throughout (every run
names its font and size, so that Word and LibreOffice agree). First page: the two-column
header (issuing agency and number on the left; national title, motto and date line on the
right), the document type and its subject; then the legal bases, the body, the recipients
and the signature side by side. Page numbers from the second page, centred in the top margin.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor, Twips

from tinhgon.reports import decree30 as f
from tinhgon.reports.fonts import text_width_pt
from tinhgon.reports.layout import (
    PT_PER_CM,
    TEXT_WIDTH_CM,
    balanced,
    fit_figure,
    header_columns_cm,
)
from tinhgon.reports.model import (
    Figure,
    Heading,
    Paragraph,
    ReportData,
    Table,
    show_cell,
)
from tinhgon.reports.output import Target, deliver, stamp_zip

BLACK = RGBColor(*f.COLOUR_RGB)

CENTER = WD_ALIGN_PARAGRAPH.CENTER
LEFT = WD_ALIGN_PARAGRAPH.LEFT
RIGHT = WD_ALIGN_PARAGRAPH.RIGHT
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY


def _fonts(rpr: Any) -> None:
    """Name Times New Roman for every script (Vietnamese letters fall outside 'ascii')."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), f.FONT_NAME)


def _run(
    paragraph: Any, text: str, size: float, *, bold: bool = False, italic: bool = False
) -> Any:
    run = paragraph.add_run(text)
    run.font.name = f.FONT_NAME
    _fonts(run._element.get_or_add_rPr())
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    run.font.color.rgb = BLACK
    return run


def _paragraph(
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
        _run(paragraph, text, size, bold=bold, italic=italic)
    return paragraph


def _rule(container: Any, width_cm: float, box_cm: float) -> Any:
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
    _run(paragraph, "", 2)
    return paragraph


def _no_borders(table: Any) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr.append(borders)


def _cell_margins(table: Any, cm: float) -> None:
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), str(int(Cm(cm).twips)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.append(margins)


def _widths(table: Any, widths_cm: list[float]) -> None:
    table.autofit = False
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths_cm, strict=True):
        col.set(qn("w:w"), str(int(Cm(width).twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)


def _clear(cell: Any) -> Any:
    """A cell's first (empty) paragraph, to write into instead of adding a blank line."""
    return cell.paragraphs[0]


def _cell_text(
    cell: Any,
    text: str,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
    align: Any = CENTER,
) -> Any:
    paragraph = _clear(cell)
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(1)
    paragraph.paragraph_format.space_before = Pt(1)
    _run(paragraph, text, size, bold=bold, italic=italic)
    return paragraph


def _header(doc: Any, data: ReportData) -> None:
    HEADER_RIGHT_CM, HEADER_LEFT_CM = header_columns_cm(data.national_title)
    table = doc.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(table)
    _cell_margins(table, 0.03)
    _widths(table, [HEADER_LEFT_CM, HEADER_RIGHT_CM])
    left, right = table.cell(0, 0), table.cell(0, 1)

    first = True

    def line(cell: Any, text: str, size: float, bold: bool) -> None:
        nonlocal first
        paragraph = _clear(cell) if not cell.paragraphs[0].runs and first else cell.add_paragraph()
        first = False
        paragraph.alignment = CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        _run(paragraph, text, size, bold=bold)

    # The superior agency (not bold), the issuing agency (bold), a short rule under it.
    if data.superior:
        line(left, balanced(data.superior, f.AGENCY_PT, HEADER_LEFT_CM), f.AGENCY_PT, False)
    line(left, balanced(data.agency, f.AGENCY_PT, HEADER_LEFT_CM, bold=True), f.AGENCY_PT, True)
    agency_lines = balanced(data.agency, f.AGENCY_PT, HEADER_LEFT_CM, bold=True).split("\n")
    agency_width = min(
        max(text_width_pt(part, f.AGENCY_PT, bold=True) for part in agency_lines) / PT_PER_CM,
        HEADER_LEFT_CM,
    )
    _rule(left, max(agency_width / 3, 1.5), HEADER_LEFT_CM)

    first = True
    line(right, data.national_title, f.NATIONAL_TITLE_PT, True)
    line(right, data.motto, f.MOTTO_PT, True)
    motto_width = text_width_pt(data.motto, f.MOTTO_PT, bold=True) / PT_PER_CM
    _rule(right, min(motto_width, HEADER_RIGHT_CM), HEADER_RIGHT_CM)

    number = table.cell(1, 0)
    paragraph = _cell_text(number, data.number_line, f.NUMBER_LINE_PT)
    paragraph.paragraph_format.space_before = Pt(6)
    date = table.cell(1, 1)
    paragraph = _cell_text(date, data.date_line, f.DATE_LINE_PT, italic=True)
    paragraph.paragraph_format.space_before = Pt(6)


def _table(doc: Any, table: Table) -> None:
    title = _paragraph(doc, table.title, f.CAPTION_PT, bold=True, align=CENTER, before=6, after=4)
    title.paragraph_format.keep_with_next = True
    grid = doc.add_table(rows=1 + len(table.rows), cols=len(table.columns))
    grid.style = doc.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    scale = min(1.0, TEXT_WIDTH_CM / sum(c.width_cm for c in table.columns))
    _widths(grid, [c.width_cm * scale for c in table.columns])
    header = grid.rows[0]
    tr_pr = header._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    tr_pr.append(repeat)
    for cell, column in zip(header.cells, table.columns, strict=True):
        _cell_text(cell, column.header, f.TABLE_PT, bold=True)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    _keep_row(header)
    for r, row in enumerate(table.rows, start=1):
        _keep_row(grid.rows[r])
        cells = grid.rows[r].cells
        for cell, column, value in zip(cells, table.columns, row, strict=True):
            text = show_cell(column, value)
            numeric = column.kind in ("int", "delta", "date")
            _cell_text(cell, text, f.TABLE_PT, align=CENTER if numeric else LEFT)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    _paragraph(doc, "", f.TABLE_PT, after=0)


def _figure(doc: Any, figure: Figure) -> None:
    paragraph = _paragraph(doc, "", f.BODY_PT, align=CENTER, before=6, after=2)
    paragraph.paragraph_format.keep_with_next = True
    run = paragraph.add_run()
    png = figure.draw()
    w_cm, h_cm = fit_figure(png, figure.width_cm)
    run.add_picture(io.BytesIO(png), width=Cm(w_cm), height=Cm(h_cm))
    _paragraph(doc, figure.caption, f.CAPTION_PT, italic=True, align=CENTER, after=8)


def _page_number(section: Any) -> None:
    """PAGE field, centred in the top margin, from the second page on."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = CENTER
    run = _run(paragraph, "", f.PAGE_NUMBER_PT)
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = "PAGE"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(code)
    run._r.append(end)


def _keep_row(row: Any) -> None:
    """A table row that never splits across pages (Word and LibreOffice honour cantSplit)."""
    keep = OxmlElement("w:cantSplit")
    keep.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(keep)


def _signature(doc: Any, data: ReportData) -> None:
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    _keep_row(table.rows[0])
    _widths(table, [7.0, TEXT_WIDTH_CM - 7.0])
    left, right = table.cell(0, 0), table.cell(0, 1)
    paragraph = _clear(left)
    paragraph.alignment = LEFT
    paragraph.paragraph_format.space_after = Pt(0)
    _run(paragraph, f.RECIPIENTS_HEADING, f.RECIPIENTS_HEADING_PT, bold=True, italic=True)
    for recipient in data.recipients:
        line = left.add_paragraph()
        line.alignment = LEFT
        line.paragraph_format.space_after = Pt(0)
        _run(line, recipient, f.RECIPIENTS_PT)

    lines: list[str] = []
    if data.signature.authority_line:
        lines.append(data.signature.authority_line)
    if data.signature.title:
        lines.append(data.signature.title)
    first = True
    for text in lines:
        paragraph = _clear(right) if first else right.add_paragraph()
        first = False
        paragraph.alignment = CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        _run(paragraph, text, f.SIGNATURE_PT, bold=True)
    for _ in range(4):  # room for the signature and the seal
        right.add_paragraph().paragraph_format.space_after = Pt(0)
    paragraph = right.add_paragraph()
    paragraph.alignment = CENTER
    _run(paragraph, data.signature.name, f.SIGNATURE_PT, bold=True)
    # Every line of the block also keeps with the next, so no line is left behind alone.
    for cell in (left, right):
        for line_paragraph in cell.paragraphs[:-1]:
            line_paragraph.paragraph_format.keep_with_next = True
            line_paragraph.paragraph_format.keep_together = True


def _at_least(mm: float) -> Twips:
    """A length in millimetres as Word stores it (whole twips), rounded up so that a margin
    never falls below the lower end of its range (15 mm is 850.4 twips: 850 would be 14.99)."""
    return Twips(math.ceil(mm * 1440 / 25.4))


def _setup(doc: Any, data: ReportData) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Mm(f.PAGE_WIDTH_MM)
    section.page_height = Mm(f.PAGE_HEIGHT_MM)
    section.top_margin = _at_least(f.MARGIN_TOP_MM)
    section.bottom_margin = _at_least(f.MARGIN_BOTTOM_MM)
    section.left_margin = _at_least(f.MARGIN_LEFT_MM)
    section.right_margin = _at_least(f.MARGIN_RIGHT_MM)
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)
    for name in ("Normal", "Table Grid"):
        style = doc.styles[name]
        style.font.name = f.FONT_NAME
        style.font.size = Pt(f.BODY_PT if name == "Normal" else f.TABLE_PT)
        style.font.color.rgb = BLACK
        rpr = style.element.get_or_add_rPr()
        _fonts(rpr)
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), "vi-VN")
        rpr.append(lang)
    moment = dt.datetime.combine(data.issued_on or data.after, dt.time())
    props = doc.core_properties
    props.title = data.title
    props.subject = data.subject
    props.author = data.agency_name
    props.last_modified_by = data.agency_name
    props.keywords = f"{data.kind}; tổ chức bộ máy; Nghị định 30/2020/NĐ-CP"
    props.comments = f"tinhgon; thể thức theo {f.SOURCE}"
    props.created = moment
    props.modified = moment
    props.revision = 1
    _page_number(section)


def write_docx(data: ReportData, target: Target) -> None:
    """Write the report as .docx to a path or a binary stream (e.g. ``io.BytesIO``)."""
    doc = Document()
    _setup(doc, data)
    body = doc.paragraphs[0] if doc.paragraphs else None
    if body is not None:
        body._p.getparent().remove(body._p)
    _header(doc, data)
    _paragraph(
        doc, data.document_type, f.DOCUMENT_TYPE_PT, bold=True, align=CENTER, before=18, after=0
    )
    _paragraph(doc, data.subject, f.SUBJECT_PT, bold=True, align=CENTER, after=0)
    subject_cm = min(
        text_width_pt(data.subject, f.SUBJECT_PT, bold=True) / PT_PER_CM, TEXT_WIDTH_CM
    )
    _rule(doc, max(subject_cm / 3, 2.0), TEXT_WIDTH_CM)
    if data.issuing_authority:
        _paragraph(
            doc, data.issuing_authority, f.DOCUMENT_TYPE_PT, bold=True, align=CENTER, before=6
        )
    if data.addressee:
        _paragraph(doc, f"Kính gửi: {data.addressee}", f.BODY_PT, align=CENTER, before=6)
    _paragraph(doc, "", f.BODY_PT, after=0)
    for basis in data.bases:
        _paragraph(doc, basis, f.BODY_PT, italic=True, indent=True)
    for block in data.body:
        if isinstance(block, Heading) and block.level == 0:
            heading = _paragraph(
                doc, block.text, f.DOCUMENT_TYPE_PT, bold=True, align=CENTER, before=6
            )
            heading.paragraph_format.keep_with_next = True
        elif isinstance(block, Heading):
            heading = _paragraph(doc, block.text, f.BODY_PT, bold=True, indent=True, before=6)
            heading.paragraph_format.keep_with_next = True
        elif isinstance(block, Paragraph) and block.lead:
            paragraph = _paragraph(doc, "", f.BODY_PT, indent=block.indent)
            _run(paragraph, block.lead + " ", f.BODY_PT, bold=True)
            _run(paragraph, block.text, f.BODY_PT, italic=block.italic)
        elif isinstance(block, Paragraph):
            paragraph = _paragraph(
                doc, block.text, f.BODY_PT, italic=block.italic, indent=block.indent
            )
            # A line that announces a list ("… như sau:") stays with the list's first item.
            paragraph.paragraph_format.keep_with_next = block.text.endswith(":")
        elif isinstance(block, Table):
            if not block.annex_only:
                _table(doc, block)
        elif isinstance(block, Figure):
            _figure(doc, block)
    if data.closing:
        closing = _paragraph(doc, data.closing, f.BODY_PT, indent=True)
    else:
        closing = doc.paragraphs[-1]  # a decision ends with its last article
    closing.paragraph_format.keep_with_next = True  # a signature never stands alone on a page
    _signature(doc, data)
    buffer = io.BytesIO()
    doc.save(buffer)
    deliver(stamp_zip(buffer.getvalue(), data.issued_on or data.after), target)
