"""The report's tables as an Excel annex (phụ lục): one sheet a table.

Each sheet: the table's title and the report's agency and period above, the Vietnamese
headers in bold with the rows below them frozen, column widths from the table's, dates as
dates (dd/mm/yyyy), counts as numbers, landscape A4 fitted to the page width (RULES.md §7:
annex tables may be landscape).
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.properties import CalcProperties

from tinhgon.reports import decree30 as f
from tinhgon.reports.model import ReportData, Table
from tinhgon.reports.output import Target, deliver, stamp_zip
from tinhgon.reports.wording import vn_date

DATE_FORMAT = "dd/mm/yyyy"
INT_FORMAT = "00"
DELTA_FORMAT = "+00;-00;0"
MONEY_FORMAT = "#,##0"
HEADER_ROW = 7
_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_FONT = f.FONT_NAME


def _number_format(kind: str) -> str:
    return {"delta": DELTA_FORMAT, "money": MONEY_FORMAT}.get(kind, INT_FORMAT)


def _sheet_title(name: str, used: set[str]) -> str:
    clean = "".join(ch for ch in name if ch not in "[]:*?/\\")[:31] or "Bảng"
    title, n = clean, 2
    while title in used:
        suffix = f" ({n})"
        title = clean[: 31 - len(suffix)] + suffix
        n += 1
    used.add(title)
    return title


def _attached_to(data: ReportData) -> str:
    """'(Kèm theo Báo cáo số 125/BC-BQLKKT ngày 05/02/2020 của Ban …)'."""
    number = data.number_line.removeprefix("Số:").strip().replace("\u00a0", " ").strip()
    when = f"ngày {vn_date(data.issued_on)}" if data.issued_on else "ngày    /    /    "
    return f"(Kèm theo {data.kind.capitalize()} số {number} {when} của {data.agency_name})"


def _write_table(ws: Any, table: Table, data: ReportData, number: int) -> None:
    width = len(table.columns)
    span = max(width, 1)

    def line(
        row: int,
        text: str,
        *,
        bold: bool = False,
        italic: bool = False,
        align: str = "center",
        size: float = 12,
    ) -> None:
        cell = ws.cell(row=row, column=1, value=text)
        cell.font = Font(name=_FONT, bold=bold, italic=italic, size=size)
        cell.alignment = Alignment(horizontal=align, vertical="center", wrap_text=True)
        if span > 1:
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=span)

    line(1, data.agency or data.agency_name.upper(), bold=True, align="left", size=11)
    # The sheet of the document's details is no annex of its own: it bears no number.
    line(2, f"Phụ lục {number:02d}" if number else "Thông tin chung", bold=True, size=13)
    line(3, table.title, bold=True, size=13)
    line(4, _attached_to(data), italic=True, size=11)
    if data.kind == "báo cáo":
        period = f"Từ ngày {vn_date(data.before)} đến ngày {vn_date(data.after)}"
        if data.plan_title:
            period += f" (dự kiến theo {data.plan_title})"
    else:  # a plan's paper: the plan it belongs to
        period = data.plan_title or ""
    line(5, period, italic=True, size=11)
    if table.unit:
        line(6, f"Đơn vị tính: {table.unit}", italic=True, align="right", size=11)
    for c, column in enumerate(table.columns, start=1):
        cell = ws.cell(row=HEADER_ROW, column=c, value=column.header)
        cell.font = Font(name=_FONT, bold=True, size=f.TABLE_PT)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = _BOX
        # Excel measures a column in characters of its default font: about 5 a centimetre.
        ws.column_dimensions[get_column_letter(c)].width = round(max(column.width_cm, 1.2) * 5, 1)
    for r, row in enumerate(table.rows, start=HEADER_ROW + 1):
        for c, (column, value) in enumerate(zip(table.columns, row, strict=True), start=1):
            cell = ws.cell(row=r, column=c, value=value)
            cell.font = Font(name=_FONT, size=f.TABLE_PT)
            cell.border = _BOX
            if isinstance(value, dt.date):
                cell.number_format = DATE_FORMAT
                cell.alignment = Alignment(horizontal="center", vertical="top")
            elif isinstance(value, int):
                cell.number_format = _number_format(column.kind)
                cell.alignment = Alignment(horizontal="right", vertical="top")
            else:
                cell.alignment = Alignment(vertical="top", wrap_text=True)
    if table.totals and table.rows:
        total_row = HEADER_ROW + 1 + len(table.rows)
        for c, column in enumerate(table.columns, start=1):
            cell = ws.cell(row=total_row, column=c)
            cell.font = Font(name=_FONT, size=f.TABLE_PT, bold=True)
            cell.border = _BOX
            if c == 1:
                cell.value = "Tổng cộng"
            elif column.kind in ("int", "delta", "money"):
                cell.value = sum(v for v in (r[c - 1] for r in table.rows) if isinstance(v, int))
                cell.number_format = _number_format(column.kind)
                cell.alignment = Alignment(horizontal="right", vertical="top")
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1).coordinate
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    # Margins in inches, as openpyxl counts them (RULES.md §7 ranges, landscape).
    ws.page_margins.left = f.MARGIN_LEFT_MM / 25.4
    ws.page_margins.right = f.MARGIN_RIGHT_MM / 25.4
    ws.page_margins.top = f.MARGIN_TOP_MM / 25.4
    ws.page_margins.bottom = f.MARGIN_BOTTOM_MM / 25.4
    ws.oddFooter.center.text = "&P"


def write_xlsx(data: ReportData, target: Target) -> None:
    """Write the annex (.xlsx) to a path or a binary stream (e.g. ``io.BytesIO``)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    for number, table in enumerate(data.tables):
        ws = workbook.create_sheet(_sheet_title(table.sheet, used))
        _write_table(ws, table, data, number)
    moment = dt.datetime.combine(data.issued_on or data.after, dt.time())
    props = workbook.properties
    props.title = f"Phụ lục: {data.title}"
    props.subject = data.subject
    props.creator = data.agency_name
    props.lastModifiedBy = data.agency_name
    props.created = moment
    props.modified = moment
    props.keywords = f"phụ lục; {data.kind}; tổ chức bộ máy"
    workbook.calculation = CalcProperties(fullCalcOnLoad=False)
    buffer = io.BytesIO()
    workbook.save(buffer)
    deliver(stamp_zip(buffer.getvalue(), data.issued_on or data.after), target)
