"""Writing Excel workbooks: the staff list and the structure on a date, blank templates, and
the copy of a rejected spreadsheet with its errors (docs/excel.md).

Every sheet has Vietnamese headers in a frozen first row with a filter, column widths, a note
on each header, dates as real dates shown dd/mm/yyyy, ID numbers and rank codes as text (so
leading zeros stay), and drop-down lists where a column has a fixed set of values. What is
written reads back through ``tinhgon import`` to the same data.

Each export is a list of ``Column`` and rows given to ``write_sheet``: the staff list, the
structure, the agency, and the findings of the law layer (``export_findings``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.format import Format as XlsxFormat
from xlsxwriter.worksheet import Worksheet

from tinhgon.domain import (
    Category,
    Project,
    State,
)
from tinhgon.io.columns import (
    AGENCY_FIELDS,
    PAY_COLUMNS,
    QUOTA_HEADERS,
    RATING_HEADER,
    SHEET_AGENCY,
    SHEET_GUIDE,
    SHEET_STAFF,
    SHEET_UNITS,
    STAFF_COLUMNS,
    UNIT_COLUMNS,
    Column,
    Format,
)
from tinhgon.io.errors import SheetProblem
from tinhgon.io.export_rows import (
    FINDING_COLUMNS,
    agency_rows,
    findings_rows,
    rating_columns,
    staff_rows,
    structure_rows,
)
from tinhgon.io.sheets import CellValue, RawWorkbook
from tinhgon.law.engine import Report

TEMPLATE_ROWS = 1000  # rows below the header that the drop-down lists cover in a template
POST_SUGGESTIONS = (
    "Trưởng phòng",
    "Phó Trưởng phòng",
    "Chánh Văn phòng",
    "Phó Chánh Văn phòng",
    "Chánh Thanh tra",
    "Phó Chánh Thanh tra",
    "Giám đốc",
    "Phó Giám đốc",
    "Trưởng ban",
    "Phó Trưởng ban",
    "Chuyên viên",
)


class _Formats:
    def __init__(self, book: xlsxwriter.Workbook) -> None:
        base = {"font_name": "Times New Roman", "font_size": 12, "valign": "top"}
        self.header = book.add_format(
            {
                **base,
                "bold": True,
                "text_wrap": True,
                "align": "center",
                "valign": "vcenter",
                "bg_color": "#DDEBF7",
                "border": 1,
            }
        )
        self.required = book.add_format(
            {
                **base,
                "bold": True,
                "text_wrap": True,
                "align": "center",
                "valign": "vcenter",
                "bg_color": "#BDD7EE",
                "border": 1,
            }
        )
        self.plain = book.add_format(base)
        self.text = book.add_format({**base, "num_format": "@"})
        self.wrap = book.add_format({**base, "text_wrap": True})
        self.date = book.add_format({**base, "num_format": "dd/mm/yyyy", "align": "left"})
        self.number = book.add_format({**base, "num_format": "0"})
        self.error = book.add_format({**base, "bg_color": "#FFC7CE", "font_color": "#9C0006"})
        self.error_text = book.add_format({**base, "text_wrap": True, "font_color": "#9C0006"})
        self.title = book.add_format({**base, "bold": True, "font_size": 14})
        self._indents: dict[int, XlsxFormat] = {}
        self._book = book
        self._base = base

    def column(self, column: Column) -> XlsxFormat:
        return {
            Format.TEXT: self.text,
            Format.DATE: self.date,
            Format.NUMBER: self.number,
            Format.GENERAL: self.plain,
        }[column.format]

    def indent(self, level: int) -> XlsxFormat:
        if level not in self._indents:
            self._indents[level] = self._book.add_format({**self._base, "indent": level})
        return self._indents[level]


def _new_book(path: Path) -> tuple[xlsxwriter.Workbook, _Formats]:
    book = xlsxwriter.Workbook(
        str(path), {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    )
    return book, _Formats(book)


def _write(ws: Worksheet, row: int, col: int, value: CellValue, fmt: XlsxFormat | None) -> None:
    """One cell by its type: text is always text, never a formula or a link."""
    if value is None:
        return
    if isinstance(value, bool):
        ws.write_boolean(row, col, value, fmt)
    elif isinstance(value, int | float):
        ws.write_number(row, col, value, fmt)
    elif isinstance(value, dt.datetime | dt.date):
        moment = (
            value
            if isinstance(value, dt.datetime)
            else dt.datetime(value.year, value.month, value.day)
        )
        ws.write_datetime(row, col, moment, fmt)
    else:
        ws.write_string(row, col, str(value), fmt)


@dataclass(frozen=True)
class Sheet:
    """A sheet to write: its name, its columns and its rows (one value a column)."""

    name: str
    columns: Sequence[Column]
    rows: Iterable[Sequence[Any]]
    validation_rows: int = TEMPLATE_ROWS


def write_sheet(
    book: xlsxwriter.Workbook, formats: _Formats, sheet: Sheet, *, indent: Sequence[int] = ()
) -> int:
    """A table with a frozen, filtered header row; returns the number of rows written."""
    ws = book.add_worksheet(sheet.name)
    columns = list(sheet.columns)
    ws.set_row(0, 32)
    for index, column in enumerate(columns):
        ws.set_column(index, index, column.width, formats.column(column))
        header_format = formats.required if column.required else formats.header
        ws.write_string(0, index, column.header, header_format)
        if column.note_vi:
            ws.write_comment(
                0,
                index,
                f"{column.note_vi}\n({column.note_en})" if column.note_en else column.note_vi,
                {"x_scale": 2.2, "y_scale": 1.6},
            )
    ws.freeze_panes(1, 0)
    count = 0
    for count, values in enumerate(sheet.rows, start=1):
        for index, (column, value) in enumerate(zip(columns, values, strict=False)):
            fmt = formats.column(column)
            if index == 2 and indent and count - 1 < len(indent) and indent[count - 1]:
                fmt = formats.indent(indent[count - 1])
            _write(ws, count, index, value, fmt)
    last = max(count + sheet.validation_rows, 1)
    for index, column in enumerate(columns):
        choices = column.choices or (POST_SUGGESTIONS if column.key == "post" else ())
        if not choices:
            continue
        strict = column.key in ("sex", "category", "autonomy")
        ws.data_validation(
            1,
            index,
            last,
            index,
            {
                "validate": "list",
                "source": list(choices),
                "error_type": "stop" if strict else "information",
                "error_title": column.header,
                "error_message": column.note_vi[:255],
                "ignore_blank": True,
            },
        )
    if columns:
        ws.autofilter(0, 0, max(count, 1), len(columns) - 1)
    return count


def _guide(
    book: xlsxwriter.Workbook, formats: _Formats, sheets: Sequence[tuple[str, Sequence[Column]]]
) -> None:
    ws = book.add_worksheet(SHEET_GUIDE)
    ws.set_column(0, 0, 30)
    ws.set_column(1, 1, 11)
    ws.set_column(2, 2, 70, formats.wrap)
    ws.set_column(3, 3, 50, formats.wrap)
    row = 0
    ws.write_string(row, 0, "Hướng dẫn nhập liệu / How to fill in", formats.title)
    row += 1
    for line in (
        "Mỗi dòng một người (trang Nhân sự) hoặc một đơn vị (trang Đơn vị). Tiêu đề cột có thể viết "
        "hoa, thường, có hoặc không dấu; không dùng công thức; ngày ghi dd/mm/yyyy.",
        "Nhập vào tệp dự án: tinhgon import TỆP.xlsx --into DU-AN.yaml --on dd/mm/yyyy --basis "
        "SỐ/KÝ-HIỆU (xem docs/excel.md). Có lỗi thì không ghi gì, và tinhgon ghi bản sao TỆP.loi.xlsx "
        "có cột 'Lỗi'.",
        "One row per person (Nhân sự) or unit (Đơn vị). Headers match whatever their case and "
        "accents; no formulas; dates as dd/mm/yyyy.",
    ):
        ws.write_string(row, 0, line, formats.plain)
        row += 1
    for name, columns in sheets:
        row += 1
        ws.write_string(row, 0, f"Trang tính '{name}'", formats.title)
        row += 1
        for col, text in enumerate(
            ("Cột / Column", "Bắt buộc", "Ý nghĩa, giá trị", "Meaning, values")
        ):
            ws.write_string(row, col, text, formats.header)
        row += 1
        for column in columns:
            ws.write_string(row, 0, column.header, formats.plain)
            ws.write_string(row, 1, "bắt buộc" if column.required else "", formats.plain)
            choices = f" — chọn: {', '.join(column.choices)}" if column.choices else ""
            ws.write_string(row, 2, column.note_vi + choices, formats.wrap)
            ws.write_string(row, 3, column.note_en, formats.wrap)
            row += 1
        if name == SHEET_STAFF:
            ws.write_string(row, 0, RATING_HEADER.format(year="2024"), formats.plain)
            ws.write_string(
                row,
                2,
                "Một cột mỗi năm (Xếp loại 2023, Xếp loại 2024…): Hoàn thành xuất sắc nhiệm vụ, "
                "Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ "
                "(hoặc HTXSNV, HTTNV, HTNV, KHTNV)",
                formats.wrap,
            )
            ws.write_string(row, 3, "One column per year: the yearly rating", formats.wrap)
            row += 1
        if name == SHEET_UNITS:
            ws.write_string(
                row, 0, QUOTA_HEADERS[Category.CIVIL_SERVANT].format(year="2024"), formats.plain
            )
            ws.write_string(
                row,
                2,
                "Biên chế được giao theo năm, một cột mỗi loại và năm: Biên chế công chức 2024, "
                "Biên chế cán bộ 2024, Số lượng người làm việc 2024 (viên chức), Hợp đồng lao "
                "động 2024",
                formats.wrap,
            )
            ws.write_string(
                row, 3, "Allotted quota by year, one column per category and year", formats.wrap
            )
            row += 1


def _agency_sheet(book: xlsxwriter.Workbook, formats: _Formats, rows: list[list[Any]]) -> None:
    ws = book.add_worksheet(SHEET_AGENCY)
    ws.set_column(0, 0, 26)
    ws.set_column(1, 1, 60)
    ws.set_column(2, 2, 70, formats.wrap)
    ws.write_string(0, 0, "Thông tin", formats.header)
    ws.write_string(0, 1, "Giá trị", formats.header)
    ws.write_string(0, 2, "Ghi chú", formats.header)
    ws.freeze_panes(1, 0)
    by_header = {f.header: f for f in AGENCY_FIELDS}
    for number, (label, value) in enumerate(rows, start=1):
        field = by_header[label]
        ws.write_string(number, 0, label, formats.plain)
        _write(ws, number, 1, value, formats.column(field))
        ws.write_string(number, 2, field.note_vi, formats.wrap)


# -- the files --------------------------------------------------------------------------------


def export_staff(path: Path, project: Project, state: State, *, order: str = "name") -> int:
    book, formats = _new_book(path)
    columns, rows = staff_rows(project, state, order=order)
    count = write_sheet(book, formats, Sheet(SHEET_STAFF, columns, rows, validation_rows=0))
    book.close()
    return count


def export_structure(path: Path, project: Project, state: State) -> int:
    book, formats = _new_book(path)
    columns, rows, depths = structure_rows(state)
    count = write_sheet(
        book, formats, Sheet(SHEET_UNITS, columns, rows, validation_rows=0), indent=depths
    )
    book.close()
    return count


def export_workbook(
    path: Path, project: Project, state: State, *, order: str = "name"
) -> tuple[int, int]:
    """Cơ quan, Đơn vị and Nhân sự on a date: a workbook that imports back into a new project
    (once the basis document is filled in)."""
    book, formats = _new_book(path)
    _agency_sheet(book, formats, agency_rows(project, state.on))
    unit_columns, unit_values, depths = structure_rows(state)
    units = write_sheet(
        book,
        formats,
        Sheet(SHEET_UNITS, unit_columns, unit_values, validation_rows=0),
        indent=depths,
    )
    staff_columns, staff_values = staff_rows(project, state, order=order)
    staff = write_sheet(
        book, formats, Sheet(SHEET_STAFF, staff_columns, staff_values, validation_rows=0)
    )
    _guide(
        book,
        formats,
        [(SHEET_AGENCY, AGENCY_FIELDS), (SHEET_UNITS, UNIT_COLUMNS), (SHEET_STAFF, STAFF_COLUMNS)],
    )
    book.close()
    return units, staff


def write_template(path: Path, what: str, *, rating_years: Sequence[int] = ()) -> None:
    """A blank workbook to fill in: 'staff', 'structure' or 'workbook' (all three sheets)."""
    book, formats = _new_book(path)
    guide: list[tuple[str, Sequence[Column]]] = []
    if what == "workbook":
        _agency_sheet(book, formats, [[f.header, None] for f in AGENCY_FIELDS])
        guide.append((SHEET_AGENCY, AGENCY_FIELDS))
    if what in ("structure", "workbook"):
        write_sheet(
            book, formats, Sheet(SHEET_UNITS, [c for c in UNIT_COLUMNS if not c.export_only], ())
        )
        guide.append((SHEET_UNITS, [c for c in UNIT_COLUMNS if not c.export_only]))
    if what in ("staff", "workbook"):
        columns = [*STAFF_COLUMNS, *rating_columns(rating_years), *PAY_COLUMNS]
        write_sheet(book, formats, Sheet(SHEET_STAFF, columns, ()))
        guide.append((SHEET_STAFF, [*STAFF_COLUMNS, *PAY_COLUMNS]))
    _guide(book, formats, guide)
    book.close()


def export_findings(path: Path, report: Report) -> int:
    """The findings of a check on a date (tinhgon check) as a sheet 'Phát hiện'."""
    book, formats = _new_book(path)
    rows = findings_rows(report)
    write_sheet(book, formats, Sheet("Phát hiện", FINDING_COLUMNS, rows, validation_rows=0))
    book.close()
    return len(rows)


def write_error_copy(path: Path, book_in: RawWorkbook, problems: Sequence[SheetProblem]) -> None:
    """The copy of a refused spreadsheet to fix and import again (``tinhgon.io.error_copy``)."""
    from tinhgon.io.error_copy import write_error_copy as write

    write(path, book_in, problems)
