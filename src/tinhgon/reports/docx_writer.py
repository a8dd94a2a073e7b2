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
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from tinhgon.reports import decree30 as f
from tinhgon.reports import docx_parts as dp
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


def _header(doc: Any, data: ReportData) -> None:
    HEADER_RIGHT_CM, HEADER_LEFT_CM = header_columns_cm(data.national_title)
    table = doc.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    dp.no_borders(table)
    dp.cell_margins(table, 0.03)
    dp.widths(table, [HEADER_LEFT_CM, HEADER_RIGHT_CM])
    left, right = table.cell(0, 0), table.cell(0, 1)

    first = True

    def line(cell: Any, text: str, size: float, bold: bool) -> None:
        nonlocal first
        paragraph = (
            dp.clear(cell) if not cell.paragraphs[0].runs and first else cell.add_paragraph()
        )
        first = False
        paragraph.alignment = dp.CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        dp.run(paragraph, text, size, bold=bold)

    # The superior agency (not bold), the issuing agency (bold), a short rule under it.
    if data.superior:
        line(left, balanced(data.superior, f.AGENCY_PT, HEADER_LEFT_CM), f.AGENCY_PT, False)
    line(left, balanced(data.agency, f.AGENCY_PT, HEADER_LEFT_CM, bold=True), f.AGENCY_PT, True)
    agency_lines = balanced(data.agency, f.AGENCY_PT, HEADER_LEFT_CM, bold=True).split("\n")
    agency_width = min(
        max(text_width_pt(part, f.AGENCY_PT, bold=True) for part in agency_lines) / PT_PER_CM,
        HEADER_LEFT_CM,
    )
    dp.rule(left, max(agency_width / 3, 1.5), HEADER_LEFT_CM)

    first = True
    line(right, data.national_title, f.NATIONAL_TITLE_PT, True)
    line(right, data.motto, f.MOTTO_PT, True)
    motto_width = text_width_pt(data.motto, f.MOTTO_PT, bold=True) / PT_PER_CM
    dp.rule(right, min(motto_width, HEADER_RIGHT_CM), HEADER_RIGHT_CM)

    number = table.cell(1, 0)
    paragraph = dp.cell_text(number, data.number_line, f.NUMBER_LINE_PT)
    paragraph.paragraph_format.space_before = Pt(6)
    date = table.cell(1, 1)
    paragraph = dp.cell_text(date, data.date_line, f.DATE_LINE_PT, italic=True)
    paragraph.paragraph_format.space_before = Pt(6)


def _table(doc: Any, table: Table) -> None:
    title = dp.paragraph(
        doc, table.title, f.CAPTION_PT, bold=True, align=dp.CENTER, before=6, after=4
    )
    title.paragraph_format.keep_with_next = True
    grid = doc.add_table(rows=1 + len(table.rows), cols=len(table.columns))
    grid.style = doc.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    scale = min(1.0, TEXT_WIDTH_CM / sum(c.width_cm for c in table.columns))
    dp.widths(grid, [c.width_cm * scale for c in table.columns])
    header = grid.rows[0]
    tr_pr = header._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    tr_pr.append(repeat)
    for cell, column in zip(header.cells, table.columns, strict=True):
        dp.cell_text(cell, column.header, f.TABLE_PT, bold=True)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    dp.keep_row(header)
    for r, row in enumerate(table.rows, start=1):
        dp.keep_row(grid.rows[r])
        cells = grid.rows[r].cells
        for cell, column, value in zip(cells, table.columns, row, strict=True):
            text = show_cell(column, value)
            numeric = column.kind in ("int", "delta", "date", "money")
            dp.cell_text(cell, text, f.TABLE_PT, align=dp.CENTER if numeric else dp.LEFT)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    dp.paragraph(doc, "", f.TABLE_PT, after=0)


def _figure(doc: Any, figure: Figure) -> None:
    paragraph = dp.paragraph(doc, "", f.BODY_PT, align=dp.CENTER, before=6, after=2)
    paragraph.paragraph_format.keep_with_next = True
    run = paragraph.add_run()
    png = figure.draw()
    w_cm, h_cm = fit_figure(png, figure.width_cm)
    run.add_picture(io.BytesIO(png), width=Cm(w_cm), height=Cm(h_cm))
    dp.paragraph(doc, figure.caption, f.CAPTION_PT, italic=True, align=dp.CENTER, after=8)


def _page_number(section: Any) -> None:
    """PAGE field, centred in the top margin, from the second page on."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = dp.CENTER
    run = dp.run(paragraph, "", f.PAGE_NUMBER_PT)
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


def _signature(doc: Any, data: ReportData) -> None:
    table = doc.add_table(rows=1, cols=2)
    dp.no_borders(table)
    dp.keep_row(table.rows[0])
    dp.widths(table, [7.0, TEXT_WIDTH_CM - 7.0])
    left, right = table.cell(0, 0), table.cell(0, 1)
    paragraph = dp.clear(left)
    paragraph.alignment = dp.LEFT
    paragraph.paragraph_format.space_after = Pt(0)
    dp.run(paragraph, f.RECIPIENTS_HEADING, f.RECIPIENTS_HEADING_PT, bold=True, italic=True)
    for recipient in data.recipients:
        line = left.add_paragraph()
        line.alignment = dp.LEFT
        line.paragraph_format.space_after = Pt(0)
        dp.run(line, recipient, f.RECIPIENTS_PT)

    lines: list[str] = []
    if data.signature.authority_line:
        lines.append(data.signature.authority_line)
    if data.signature.title:
        lines.append(data.signature.title)
    first = True
    for text in lines:
        paragraph = dp.clear(right) if first else right.add_paragraph()
        first = False
        paragraph.alignment = dp.CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        dp.run(paragraph, text, f.SIGNATURE_PT, bold=True)
    for _ in range(4):  # room for the signature and the seal
        right.add_paragraph().paragraph_format.space_after = Pt(0)
    paragraph = right.add_paragraph()
    paragraph.alignment = dp.CENTER
    dp.run(paragraph, data.signature.name, f.SIGNATURE_PT, bold=True)
    # Every line of the block also keeps with the next, so no line is left behind alone.
    for cell in (left, right):
        for line_paragraph in cell.paragraphs[:-1]:
            line_paragraph.paragraph_format.keep_with_next = True
            line_paragraph.paragraph_format.keep_together = True


def _setup(doc: Any, data: ReportData) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Mm(f.PAGE_WIDTH_MM)
    section.page_height = Mm(f.PAGE_HEIGHT_MM)
    section.top_margin = dp.at_least(f.MARGIN_TOP_MM)
    section.bottom_margin = dp.at_least(f.MARGIN_BOTTOM_MM)
    section.left_margin = dp.at_least(f.MARGIN_LEFT_MM)
    section.right_margin = dp.at_least(f.MARGIN_RIGHT_MM)
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)
    for name in ("Normal", "Table Grid"):
        style = doc.styles[name]
        style.font.name = f.FONT_NAME
        style.font.size = Pt(f.BODY_PT if name == "Normal" else f.TABLE_PT)
        style.font.color.rgb = dp.BLACK
        rpr = style.element.get_or_add_rPr()
        dp.fonts(rpr)
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
    dp.paragraph(
        doc, data.document_type, f.DOCUMENT_TYPE_PT, bold=True, align=dp.CENTER, before=18, after=0
    )
    dp.paragraph(doc, data.subject, f.SUBJECT_PT, bold=True, align=dp.CENTER, after=0)
    subject_cm = min(
        text_width_pt(data.subject, f.SUBJECT_PT, bold=True) / PT_PER_CM, TEXT_WIDTH_CM
    )
    dp.rule(doc, max(subject_cm / 3, 2.0), TEXT_WIDTH_CM)
    if data.issuing_authority:
        dp.paragraph(
            doc, data.issuing_authority, f.DOCUMENT_TYPE_PT, bold=True, align=dp.CENTER, before=6
        )
    if data.addressee:
        dp.paragraph(doc, f"Kính gửi: {data.addressee}", f.BODY_PT, align=dp.CENTER, before=6)
    dp.paragraph(doc, "", f.BODY_PT, after=0)
    for basis in data.bases:
        dp.paragraph(doc, basis, f.BODY_PT, italic=True, indent=True)
    for block in data.body:
        if isinstance(block, Heading) and block.level == 0:
            heading = dp.paragraph(
                doc, block.text, f.DOCUMENT_TYPE_PT, bold=True, align=dp.CENTER, before=6
            )
            heading.paragraph_format.keep_with_next = True
        elif isinstance(block, Heading):
            heading = dp.paragraph(doc, block.text, f.BODY_PT, bold=True, indent=True, before=6)
            heading.paragraph_format.keep_with_next = True
        elif isinstance(block, Paragraph) and block.lead:
            paragraph = dp.paragraph(doc, "", f.BODY_PT, indent=block.indent)
            dp.run(paragraph, block.lead + " ", f.BODY_PT, bold=True)
            dp.run(paragraph, block.text, f.BODY_PT, italic=block.italic)
        elif isinstance(block, Paragraph):
            paragraph = dp.paragraph(
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
        closing = dp.paragraph(doc, data.closing, f.BODY_PT, indent=True)
    else:
        closing = doc.paragraphs[-1]  # a decision ends with its last article
    closing.paragraph_format.keep_with_next = True  # a signature never stands alone on a page
    _signature(doc, data)
    buffer = io.BytesIO()
    doc.save(buffer)
    deliver(stamp_zip(buffer.getvalue(), data.issued_on or data.after), target)
