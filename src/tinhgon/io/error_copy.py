"""The copy of a refused spreadsheet, to fix and import again (docs/excel.md, "Lỗi").

A workbook is copied as it is — merged cells, title rows, formats, real dates, formulas of its
summary sheets — with the wrong cells in red, a 'Lỗi' column after the last one saying what is
wrong on each row, and a first sheet 'Danh sách lỗi' listing every problem. Importing the copy
again reads it like the original: the list sheet and the 'Lỗi' column are not read.

A CSV file, or a workbook of more than ``LAYOUT_ROWS`` rows (copying it whole with openpyxl
would take minutes), gets the plain copy: each sheet as read, values only.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path

import openpyxl
from openpyxl.cell.cell import MergedCell
from openpyxl.styles import Alignment, Font, PatternFill

from tinhgon.io.errors import SheetProblem, column_letter
from tinhgon.io.sheets import RawWorkbook
from tinhgon.io.xlsx_export import _new_book, _write

LIST_SHEET = "Danh sách lỗi"
ERROR_HEADER = "Lỗi"
LAYOUT_ROWS = 20_000

_RED = PatternFill("solid", fgColor="FFC7CE")
_RED_TEXT = Font(name="Times New Roman", color="9C0006")
_BOLD = Font(name="Times New Roman", bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")


def write_error_copy(path: Path, book_in: RawWorkbook, problems: Sequence[SheetProblem]) -> None:
    rows = sum(len(t.rows) for t in book_in.tables)
    if book_in.format == "xlsx" and rows <= LAYOUT_ROWS:
        try:
            _annotated_original(path, book_in, problems)
            return
        except (OSError, KeyError, ValueError, TypeError, zipfile.BadZipFile):
            pass  # openpyxl cannot rewrite this workbook: the plain copy still says it all
    write_plain_copy(path, book_in, problems)


def _annotated_original(path: Path, book_in: RawWorkbook, problems: Sequence[SheetProblem]) -> None:
    book = openpyxl.load_workbook(book_in.path, rich_text=True)
    by_sheet: dict[str, dict[int, list[SheetProblem]]] = {}
    for p in problems:
        by_sheet.setdefault(p.sheet, {}).setdefault(p.row or 0, []).append(p)
    headers = {t.name: t.header_row or (t.rows[0][0] if t.rows else 1) for t in book_in.tables}
    for name, rows in by_sheet.items():
        if name not in book.sheetnames:
            continue
        sheet = book[name]
        column = sheet.max_column + 1
        letter = column_letter(column - 1)
        sheet.column_dimensions[letter].width = 60
        top = sheet.cell(row=headers.get(name, 1), column=column, value=ERROR_HEADER)
        top.font = _BOLD
        for number, here in sorted(rows.items()):
            if number == 0:
                continue
            for p in here:
                if p.column is not None:
                    cell = sheet.cell(row=number, column=p.column + 1)
                    if not isinstance(cell, MergedCell):
                        cell.fill = _RED
            note = sheet.cell(
                row=number, column=column, value="\n".join(f"{p.vi} ({p.en})" for p in here)
            )
            note.font = _RED_TEXT
            note.alignment = _WRAP
    listing = book.create_sheet(LIST_SHEET, 0)
    for col, (header, width) in enumerate(
        (("Trang tính", 16), ("Dòng", 8), ("Cột", 8), ("Lỗi", 80), ("Error", 60)), start=1
    ):
        listing.cell(row=1, column=col, value=header).font = _BOLD
        listing.column_dimensions[column_letter(col - 1)].width = width
    for number, p in enumerate(problems, start=2):
        listing.cell(row=number, column=1, value=p.sheet or book_in.file)
        if p.row is not None:
            listing.cell(row=number, column=2, value=p.row)
        if p.column is not None:
            listing.cell(row=number, column=3, value=column_letter(p.column))
        listing.cell(row=number, column=4, value=p.vi).alignment = _WRAP
        listing.cell(row=number, column=5, value=p.en).alignment = _WRAP
    listing.freeze_panes = "A2"
    book.active = 0
    for sheet in book.worksheets:
        sheet.sheet_view.tabSelected = sheet.title == LIST_SHEET
    book.save(path)


def write_plain_copy(path: Path, book_in: RawWorkbook, problems: Sequence[SheetProblem]) -> None:
    """The spreadsheet as it was read (values only), each sheet with a 'Lỗi' column saying
    what is wrong on each row and the wrong cells in red, after a first sheet listing every
    problem. For CSV files, and workbooks too large to copy whole quickly."""
    book, formats = _new_book(path)
    summary = book.add_worksheet(LIST_SHEET)
    for col, (header, width) in enumerate(
        (("Trang tính", 16), ("Dòng", 8), ("Cột", 8), ("Lỗi", 80), ("Error", 60))
    ):
        summary.set_column(col, col, width, formats.wrap)
        summary.write_string(0, col, header, formats.header)
    summary.freeze_panes(1, 0)

    for number, p in enumerate(problems, start=1):
        summary.write_string(number, 0, p.sheet or book_in.file, formats.wrap)
        if p.row is not None:
            summary.write_number(number, 1, p.row, formats.plain)
        if p.column is not None:
            summary.write_string(number, 2, column_letter(p.column), formats.plain)
        summary.write_string(number, 3, p.vi, formats.wrap)
        summary.write_string(number, 4, p.en, formats.wrap)
    by_sheet: dict[str, dict[int, list[SheetProblem]]] = {}
    for p in problems:
        by_sheet.setdefault(p.sheet, {}).setdefault(p.row or 0, []).append(p)
    used_names = {LIST_SHEET}
    for table in book_in.tables:
        name = table.name or "Dữ liệu"
        if name in used_names:
            continue
        used_names.add(name)
        ws = book.add_worksheet(name[:31])
        rows = by_sheet.get(table.name, {})
        width = max((len(values) for _, values in table.rows), default=0)
        ws.set_column(0, max(width - 1, 0), 16)
        ws.set_column(width, width, 60, formats.error_text)
        first = table.rows[0][0] if table.rows else 1
        for number, values in table.rows:
            here = rows.get(number, [])
            bad = {p.column for p in here if p.column is not None}
            for col, value in enumerate(values):
                fmt = formats.error if col in bad else None
                if value is None and col in bad:
                    ws.write_blank(number - 1, col, None, fmt)
                else:
                    _write(ws, number - 1, col, value, fmt)
            if number == first and not here:
                ws.write_string(number - 1, width, "Lỗi", formats.header)
            elif here:
                ws.write_string(
                    number - 1,
                    width,
                    "\n".join(f"{p.vi} ({p.en})" for p in here),
                    formats.error_text,
                )
    book.close()
