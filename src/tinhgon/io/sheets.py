"""Reading a spreadsheet (.xlsx) or a CSV file into plain tables, refusing hostile files.

Everything a user uploads is checked before a cell is read, and refused with ``FileRefused``
naming what is wrong:

* the kind of file is told by its first bytes and must agree with its extension: an .xlsx is a
  zip holding a workbook, a .csv is text; an old .xls, a password-protected workbook, a PDF
  or anything else is refused with what to do instead;
* an .xlsx is a zip: the number of its members, their declared sizes and their compression
  ratio are capped before anything is decompressed (a zip bomb), and a member that
  decompresses to more than it declares fails its check;
* every worksheet is scanned as it decompresses, in chunks: each formula cell (``<f>``) is
  recorded (``Table.formulas``: the importer refuses a formula only where it reads data, so a
  summary sheet does no harm; too many formulas refuse the file), and a sheet whose cells
  reach past the row, column or cell caps is refused — the spreadsheet reader (calamine)
  allocates the whole rectangle up to the furthest cell, so a single cell at XFD1048576 would
  exhaust memory;
* a CSV file (``tinhgon.io.csv_sheets``) must be UTF-8 (with or without BOM) or UTF-16 with a
  BOM; anything else is refused naming the line, never guessed at.

Cells come back as Python values: text, numbers (float), booleans, dates (``datetime.date``
or ``datetime.datetime``), or None when empty.

What a file is read into is in ``sheet_tables``; the checks of an .xlsx before a cell is read in
``xlsx_checks``; a CSV file in ``csv_sheets``. Every name is importable from here.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import python_calamine

from tinhgon.io.errors import FileRefused, SheetProblem
from tinhgon.io.sheet_tables import LIMITS, CellValue, Limits, RawWorkbook, Table
from tinhgon.io.sheet_tables import clean_cell as _clean
from tinhgon.io.sheet_tables import mib as _mib
from tinhgon.io.sheets_deadline import Deadline
from tinhgon.io.xlsx_checks import (
    DAMAGED,
    SheetScan,
    check_zip,
    not_xlsx,
    scan_problems,
    scan_sheet,
    sheet_members,
)

__all__ = [
    "ACCEPTED",
    "LIMITS",
    "CellValue",
    "Limits",
    "RawWorkbook",
    "Table",
    "read_spreadsheet",
]

ACCEPTED = (".xlsx", ".csv")

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"


def read_spreadsheet(
    path: Path, *, limits: Limits = LIMITS, deadline: Deadline | None = None
) -> RawWorkbook:
    """Read an .xlsx or .csv file into tables; raise FileRefused if it cannot or must not be,
    or when ``deadline`` (``tinhgon.io.sheets_deadline``) passes while its rows are read."""
    name = path.name
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise FileRefused.because(name, "không tìm thấy tệp", "file not found") from None
    if path.is_dir():
        raise FileRefused.because(name, "đây là thư mục, không phải tệp", "this is a directory")
    if size == 0:
        raise FileRefused.because(name, "tệp rỗng", "the file is empty")
    if size > limits.file_bytes:
        raise FileRefused.because(
            name,
            f"tệp quá lớn ({_mib(size)} MiB, tối đa {_mib(limits.file_bytes)} MiB): chia thành "
            "nhiều tệp",
            f"the file is too large ({_mib(size)} MiB, at most {_mib(limits.file_bytes)} MiB): "
            "split it",
        )
    with path.open("rb") as handle:
        head = handle.read(8)
    suffix = path.suffix.lower()
    looks = _looks_like(head)
    if suffix == ".xlsx":
        if looks != "zip":
            raise FileRefused.because(name, *not_xlsx(looks))
        return _read_xlsx(path, limits, deadline)
    if suffix == ".csv":
        if looks in ("zip", "ole"):
            raise FileRefused.because(
                name,
                "tệp có đuôi .csv nhưng thực ra là tệp Excel: đổi đuôi thành .xlsx (hoặc lưu lại "
                "dưới dạng 'CSV UTF-8')",
                "the file is named .csv but is an Excel workbook: rename it to .xlsx (or save it "
                "again as 'CSV UTF-8')",
            )
        from tinhgon.io.csv_sheets import read_csv

        return read_csv(path, limits, deadline=deadline)
    if suffix in (".xls", ".xlsm", ".xlsb", ".ods"):
        raise FileRefused.because(
            name,
            f"định dạng {suffix} không được nhận: mở tệp bằng Excel và lưu lại dưới dạng "
            "'Excel Workbook (*.xlsx)' hoặc 'CSV UTF-8'",
            f"the {suffix} format is not accepted: open it in Excel and save it as "
            "'Excel Workbook (*.xlsx)' or 'CSV UTF-8'",
        )
    raise FileRefused.because(
        name,
        f"không phải bảng tính: chỉ nhận tệp .xlsx hoặc .csv (tệp này có đuôi '{suffix or '—'}')",
        f"not a spreadsheet: only .xlsx or .csv files are accepted (this one is "
        f"'{suffix or 'without extension'}')",
    )


def _looks_like(head: bytes) -> str:
    if head.startswith(_ZIP):
        return "zip"
    if head.startswith(_OLE):
        return "ole"
    if head.startswith(b"%PDF"):
        return "pdf"
    return "other"


def _read_xlsx(path: Path, limits: Limits, deadline: Deadline | None) -> RawWorkbook:
    name = path.name
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        raise FileRefused.because(name, *DAMAGED) from None
    with archive:
        check_zip(name, archive, limits)
        members = sheet_members(name, archive)
        problems: list[SheetProblem] = []
        scans: dict[str, SheetScan] = {}
        for sheet_name, member in members.items():
            if member not in archive.NameToInfo:
                raise FileRefused.because(name, *DAMAGED)
            scan = scans[sheet_name] = scan_sheet(name, archive, member, limits, deadline)
            problems.extend(scan_problems(name, sheet_name, scan, limits))
        if problems:
            raise FileRefused(problems)
    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    except Exception as error:  # calamine raises its own error types for damaged files
        if isinstance(error, python_calamine.PasswordError):
            raise FileRefused.because(name, *not_xlsx("ole")) from None
        raise FileRefused.because(name, *DAMAGED) from None
    tables: list[Table] = []
    notices: list[tuple[str, str]] = []
    with workbook:
        for meta in workbook.sheets_metadata:
            if meta.typ != python_calamine.SheetTypeEnum.WorkSheet:
                continue
            if meta.visible != python_calamine.SheetVisibleEnum.Visible:
                notices.append(
                    (
                        f"bỏ qua trang tính ẩn '{meta.name}'",
                        f"hidden sheet '{meta.name}' ignored",
                    )
                )
                continue
            try:
                sheet = workbook.get_sheet_by_name(meta.name)
            except Exception:  # calamine's own error types
                raise FileRefused.because(name, *DAMAGED) from None
            table = _table_of(meta.name, sheet, deadline, name)
            found = scans.get(meta.name)
            if found is not None:
                for row, column in found.formulas:
                    table.formulas.setdefault(row, set()).add(column)
                table.formula_count = found.formula_count
            tables.append(table)
    return RawWorkbook(name, path, "xlsx", tables, notices)


def _table_of(
    sheet_name: str,
    sheet: python_calamine.CalamineSheet,
    deadline: Deadline | None = None,
    file: str = "",
) -> Table:
    table = Table(sheet_name)
    first_row = sheet.start[0] + 1 if sheet.start else 1
    for offset, values in enumerate(sheet.iter_rows()):
        if deadline is not None:
            deadline.check(file, sheet_name, first_row + offset)
        row = tuple(_clean(v) for v in values)
        if any(v is not None for v in row):
            first_column = sheet.start[1] if sheet.start else 0
            table.rows.append((first_row + offset, (None,) * first_column + row))
    return table
