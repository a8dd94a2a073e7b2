"""The report as PDF, laid out as the Word report (``decree30``), drawn with reportlab.

The font is embedded: Liberation Serif (metric-compatible with Times New Roman) where
installed, otherwise DejaVu Serif from matplotlib (``fonts.serif_font``); the PDF's metadata
says which. The file is built "invariant" (no hidden creation time), so the same data give
the same bytes.
"""

from __future__ import annotations

import io
import os
from typing import IO, Any
from xml.sax.saxutils import escape

import reportlab
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Paragraph as P
from reportlab.platypus import Table as T

from tinhgon.reports import decree30 as f
from tinhgon.reports.fonts import (
    PDF_BOLD,
    PDF_BOLD_ITALIC,
    PDF_ITALIC,
    PDF_REGULAR,
    register_pdf_fonts,
    text_width_pt,
)
from tinhgon.reports.layout import balanced, fit_figure, header_columns_cm
from tinhgon.reports.model import Figure, Heading, Paragraph, ReportData, Table, show_cell

Target = str | os.PathLike[str] | IO[bytes]

PAGE_W, PAGE_H = A4
TEXT_W = PAGE_W - (f.MARGIN_LEFT_MM + f.MARGIN_RIGHT_MM) * mm


def _style(
    name: str,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
    align: int = TA_JUSTIFY,
    indent: bool = False,
    before: float = 0,
    after: float = f.SPACE_AFTER_PT,
    keep: bool = False,
) -> ParagraphStyle:
    font = {
        (False, False): PDF_REGULAR,
        (True, False): PDF_BOLD,
        (False, True): PDF_ITALIC,
        (True, True): PDF_BOLD_ITALIC,
    }[(bold, italic)]
    return ParagraphStyle(
        name,
        fontName=font,
        fontSize=size,
        leading=size * 1.2,
        alignment=align,
        firstLineIndent=f.FIRST_LINE_INDENT_MM * mm if indent else 0,
        spaceBefore=before,
        spaceAfter=after,
        textColor=colors.black,
        keepWithNext=1 if keep else 0,
    )


def _p(text: str, style: ParagraphStyle) -> P:
    return P(escape(text).replace("\n", "<br/>"), style)


class _Rule(Flowable):  # type: ignore[misc]
    """A thin line of a given length, centred in whatever width it is given (HRFlowable's
    alignment is not honoured inside a table cell)."""

    def __init__(self, length: float, *, before: float = 2, after: float = 2) -> None:
        super().__init__()
        self.length = length
        self.before = before
        self.after = after
        self.avail = length

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.avail = avail_width
        return avail_width, self.before + self.after

    def draw(self) -> None:
        length = min(self.length, self.avail)
        x = (self.avail - length) / 2
        self.canv.setLineWidth(0.6)
        self.canv.setStrokeColor(colors.black)
        self.canv.line(x, self.after, x + length, self.after)


def _rule(width: float) -> Flowable:
    return _Rule(width, before=4, after=3)


_PLAIN = TableStyle(
    [
        ("FONTNAME", (0, 0), (-1, -1), PDF_REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 1),
        ("RIGHTPADDING", (0, 0), (-1, -1), 1),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]
)


def _header(data: ReportData) -> list[Flowable]:
    centre = {"align": TA_CENTER, "after": 0}
    right_cm, left_cm = header_columns_cm(data.national_title)
    HEADER_LEFT, HEADER_RIGHT = left_cm * cm, right_cm * cm
    left: list[Flowable] = []
    if data.superior:
        superior = balanced(data.superior, f.AGENCY_PT, left_cm)
        left.append(_p(superior, _style("superior", f.AGENCY_PT, **centre)))
    agency = balanced(data.agency, f.AGENCY_PT, left_cm, bold=True)
    left.append(_p(agency, _style("agency", f.AGENCY_PT, bold=True, **centre)))
    agency_w = min(
        max(text_width_pt(part, f.AGENCY_PT, bold=True) for part in agency.split("\n")),
        HEADER_LEFT,
    )
    left.append(_rule(max(agency_w / 3, 1.5 * cm)))
    right: list[Flowable] = [
        _p(data.national_title, _style("title", f.NATIONAL_TITLE_PT, bold=True, **centre)),
        _p(data.motto, _style("motto", f.MOTTO_PT, bold=True, **centre)),
        _rule(min(text_width_pt(data.motto, f.MOTTO_PT, bold=True), HEADER_RIGHT)),
    ]
    number = _p(data.number_line, _style("number", f.NUMBER_LINE_PT, **centre))
    date = _p(data.date_line, _style("date", f.DATE_LINE_PT, italic=True, **centre))
    table = T([[left, right], [number, date]], colWidths=[HEADER_LEFT, HEADER_RIGHT])
    table.setStyle(_PLAIN)
    table.setStyle(TableStyle([("TOPPADDING", (0, 1), (-1, 1), 6)]))
    subject_w = min(text_width_pt(data.subject, f.SUBJECT_PT, bold=True), TEXT_W)
    return [
        table,
        Spacer(1, 18),
        _p(data.document_type, _style("type", f.DOCUMENT_TYPE_PT, bold=True, **centre)),
        _p(data.subject, _style("subject", f.SUBJECT_PT, bold=True, **centre)),
        _rule(max(subject_w / 3, 2 * cm)),
        Spacer(1, 10),
    ]


def _table(table: Table) -> list[Flowable]:
    text = _style("cell", f.TABLE_PT, align=TA_LEFT, after=0)
    number = _style("num", f.TABLE_PT, align=TA_CENTER, after=0)
    head = _style("head", f.TABLE_PT, bold=True, align=TA_CENTER, after=0)
    rows: list[list[Any]] = [[_p(c.header, head) for c in table.columns]]
    for row in table.rows:
        cells = []
        for column, value in zip(table.columns, row, strict=True):
            shown = show_cell(column, value)
            numeric = column.kind in ("int", "delta", "date", "money")
            cells.append(_p(shown, number if numeric else text))
        rows.append(cells)
    total = sum(c.width_cm for c in table.columns)
    scale = min(1.0, TEXT_W / (total * cm))
    grid = T(rows, colWidths=[c.width_cm * cm * scale for c in table.columns], repeatRows=1)
    grid.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), PDF_REGULAR),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    title = _p(
        table.title,
        _style("tt", f.CAPTION_PT, bold=True, align=TA_CENTER, before=6, after=4, keep=True),
    )
    return [title, grid, Spacer(1, 8)]


def _figure(figure: Figure) -> list[Flowable]:
    png = figure.draw()
    w_cm, h_cm = fit_figure(png, figure.width_cm)
    image = Image(io.BytesIO(png), width=w_cm * cm, height=h_cm * cm)
    caption = _p(
        figure.caption, _style("cap", f.CAPTION_PT, italic=True, align=TA_CENTER, before=2, after=8)
    )
    return [Spacer(1, 6), KeepTogether([image, caption])]


def _keeps_with_next(flowable: Flowable) -> bool:
    style = getattr(flowable, "style", None)
    return bool(getattr(style, "keepWithNext", False))


def _signature(data: ReportData, closing: list[Flowable]) -> Flowable:
    left: list[Flowable] = [
        _p(
            f.RECIPIENTS_HEADING,
            _style("to", f.RECIPIENTS_HEADING_PT, bold=True, italic=True, align=TA_LEFT, after=0),
        )
    ]
    line = _style("rcp", f.RECIPIENTS_PT, align=TA_LEFT, after=0)
    left.extend(_p(r, line) for r in data.recipients)
    sign = _style("sig", f.SIGNATURE_PT, bold=True, align=TA_CENTER, after=0)
    right: list[Flowable] = []
    if data.signature.authority_line:
        right.append(_p(data.signature.authority_line, sign))
    if data.signature.title:
        right.append(_p(data.signature.title, sign))
    right.append(Spacer(1, 4 * f.SIGNATURE_PT * 1.2))
    right.append(_p(data.signature.name or " ", sign))
    table = T([[left, right]], colWidths=[7 * cm, TEXT_W - 7 * cm])
    table.setStyle(_PLAIN)
    # The closing line stays with the signature: a signature never stands alone on a page.
    return KeepTogether([*closing, Spacer(1, 6), table])


def _page_number(canvas: Any, doc: Any) -> None:
    canvas.saveState()
    canvas.setFont(PDF_REGULAR, f.PAGE_NUMBER_PT)
    canvas.drawCentredString(f.MARGIN_LEFT_MM * mm + TEXT_W / 2, PAGE_H - 12 * mm, str(doc.page))
    canvas.restoreState()


def _dated(data: ReportData) -> Any:
    """The first page's callback: the PDF's creation date is the report's date (time is an
    argument: no clock is read)."""
    day = data.issued_on or data.after

    def first_page(canvas: Any, doc: Any) -> None:
        canvas.setDateFormatter(lambda *_: f"D:{day:%Y%m%d}000000+07'00'")

    return first_page


def write_pdf(data: ReportData, target: Target) -> None:
    """Write the report as PDF to a path or a binary stream (e.g. ``io.BytesIO``)."""
    font = register_pdf_fonts()
    doc = SimpleDocTemplate(
        os.fspath(target) if isinstance(target, os.PathLike) else target,
        pagesize=A4,
        leftMargin=f.MARGIN_LEFT_MM * mm,
        rightMargin=f.MARGIN_RIGHT_MM * mm,
        topMargin=f.MARGIN_TOP_MM * mm,
        bottomMargin=f.MARGIN_BOTTOM_MM * mm,
        title=data.title,
        author=data.agency_name,
        subject=data.subject,
        creator=f"tinhgon (reportlab {reportlab.Version}); phông chữ: {font.note}",
        keywords=f"{data.kind}; tổ chức bộ máy; Nghị định 30/2020/NĐ-CP; phông chữ {font.family}",
        lang="vi-VN",
        invariant=1,
        initialFontName=PDF_REGULAR,
        initialFontSize=f.BODY_PT,
    )
    body = _style("body", f.BODY_PT, indent=True)
    story: list[Flowable] = [*_header(data)]
    centre = {"align": TA_CENTER, "after": 0}
    if data.issuing_authority:
        story.append(
            _p(data.issuing_authority, _style("auth", f.DOCUMENT_TYPE_PT, bold=True, **centre))
        )
        story.append(Spacer(1, 6))
    if data.addressee:
        story.append(_p(f"Kính gửi: {data.addressee}", _style("to", f.BODY_PT, **centre)))
        story.append(Spacer(1, 6))
    basis = _style("basis", f.BODY_PT, italic=True, indent=True)
    story.extend(_p(b, basis) for b in data.bases)
    for block in data.body:
        if isinstance(block, Heading) and block.level == 0:
            style = _style(
                "h0", f.DOCUMENT_TYPE_PT, bold=True, align=TA_CENTER, before=6, keep=True
            )
            story.append(_p(block.text, style))
        elif isinstance(block, Heading):
            style = _style("h", f.BODY_PT, bold=True, indent=True, before=6, keep=True)
            story.append(_p(block.text, style))
        elif isinstance(block, Paragraph) and block.lead:
            style = _style("p", f.BODY_PT, italic=block.italic, indent=block.indent)
            story.append(P(f"<b>{escape(block.lead)}</b> {escape(block.text)}", style))
        elif isinstance(block, Paragraph):
            announces = block.text.endswith(":")  # stays with the list it announces
            style = _style("p", f.BODY_PT, italic=block.italic, indent=block.indent, keep=announces)
            story.append(_p(block.text, style))
        elif isinstance(block, Table):
            if not block.annex_only:
                story.extend(_table(block))
        elif isinstance(block, Figure):
            story.extend(_figure(block))
    if data.closing:
        closing: list[Flowable] = [_p(data.closing, body)]
    else:
        # A decision ends with its last article: that article stays with the signature.
        closing = [story.pop()]
    # So does a heading (or a line announcing a list) just before it.
    while story and _keeps_with_next(story[-1]):
        closing.insert(0, story.pop())
    story.append(_signature(data, closing))
    doc.build(story, onFirstPage=_dated(data), onLaterPages=_page_number)
