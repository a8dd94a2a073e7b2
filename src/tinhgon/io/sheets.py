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
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path

import defusedxml.ElementTree as SafeET
import python_calamine

from tinhgon.io.errors import FileRefused, SheetProblem, column_letter
from tinhgon.io.sheets_deadline import Deadline

CellValue = str | float | int | bool | dt.date | dt.datetime | dt.time | dt.timedelta | None


@dataclass(frozen=True)
class Limits:
    """What a file may be before it is refused as too big (each cap is documented in
    docs/excel.md)."""

    file_bytes: int = 64 * 1024 * 1024
    zip_members: int = 1000
    uncompressed_bytes: int = 400 * 1024 * 1024
    ratio: int = 200  # uncompressed / compressed, for members above 1 MiB
    rows: int = 200_000  # rows of one sheet, empty ones included, up to its last cell
    columns: int = 256
    cells: int = 6_000_000  # rows x columns of the rectangle a sheet spans
    formulas_listed: int = 20
    formulas_kept: int = 200_000  # formula cells remembered per sheet; more refuses the file


LIMITS = Limits()


@dataclass
class Table:
    """One sheet (or a CSV file): its name and its non-empty rows, numbered as Excel shows them."""

    name: str
    rows: list[tuple[int, tuple[CellValue, ...]]] = field(default_factory=list)
    # Cells holding a formula (Excel row number → 0-based columns). A formula is refused only
    # where data is read (by the importer), so a summary sheet beside the list does no harm.
    formulas: dict[int, set[int]] = field(default_factory=dict)
    formula_count: int = 0
    header_row: int | None = None  # set by the importer once it has found the header


@dataclass
class RawWorkbook:
    file: str
    path: Path
    format: str  # "xlsx" or "csv"
    tables: list[Table]
    notices: list[tuple[str, str]] = field(default_factory=list)


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
            raise FileRefused.because(name, *_not_xlsx(looks))
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


def _vn(number: int) -> str:
    """1048576 → '1.048.576', as Vietnamese writes numbers."""
    return f"{number:,}".replace(",", ".")


def _mib(size: int) -> str:
    return f"{size / (1024 * 1024):.0f}"


def _looks_like(head: bytes) -> str:
    if head.startswith(_ZIP):
        return "zip"
    if head.startswith(_OLE):
        return "ole"
    if head.startswith(b"%PDF"):
        return "pdf"
    return "other"


def _not_xlsx(looks: str) -> tuple[str, str]:
    if looks == "ole":
        return (
            "không phải tệp .xlsx: đây là tệp Excel cũ (.xls) hoặc tệp có đặt mật khẩu; mở bằng "
            "Excel, bỏ mật khẩu và lưu lại dưới dạng 'Excel Workbook (*.xlsx)'",
            "not an .xlsx file: this is an old Excel file (.xls) or a password-protected "
            "workbook; open it in Excel, remove the password and save it as .xlsx",
        )
    if looks == "pdf":
        return (
            "không phải bảng tính: đây là tệp PDF đặt đuôi .xlsx",
            "not a spreadsheet: this is a PDF file named .xlsx",
        )
    return (
        "không phải bảng tính Excel (.xlsx): nội dung tệp không phải dạng Excel; mở bằng Excel "
        "và lưu lại dưới dạng 'Excel Workbook (*.xlsx)'",
        "not an Excel workbook (.xlsx): the content is not in Excel's format; open it in Excel "
        "and save it as 'Excel Workbook (*.xlsx)'",
    )


# -- xlsx ---------------------------------------------------------------------------------

_DAMAGED = (
    "tệp Excel bị hỏng hoặc không đúng chuẩn: mở bằng Excel và lưu lại",
    "the Excel file is damaged or non-standard: open it in Excel and save it again",
)
_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NS_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"

_CELL_REF = re.compile(rb' r="([A-Z]{1,3})([0-9]{1,7})"')
_FORMULA = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")
_CHUNK = 4 * 1024 * 1024


def _column_number(letters: bytes) -> int:
    number = 0
    for byte in letters:
        number = number * 26 + (byte - 64)
    return number


@dataclass
class _SheetScan:
    max_row: int = 0
    max_column: int = 0
    formulas: list[tuple[int, int]] = field(default_factory=list)  # Excel row, 0-based column
    formula_count: int = 0


def _read_xlsx(path: Path, limits: Limits, deadline: Deadline | None) -> RawWorkbook:
    name = path.name
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        raise FileRefused.because(name, *_DAMAGED) from None
    with archive:
        _check_zip(name, archive, limits)
        sheet_members = _sheet_members(name, archive)
        problems: list[SheetProblem] = []
        scans: dict[str, _SheetScan] = {}
        for sheet_name, member in sheet_members.items():
            if member not in archive.NameToInfo:
                raise FileRefused.because(name, *_DAMAGED)
            scan = scans[sheet_name] = _scan_sheet(name, archive, member, limits, deadline)
            problems.extend(_scan_problems(name, sheet_name, scan, limits))
        if problems:
            raise FileRefused(problems)
    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    except Exception as error:  # calamine raises its own error types for damaged files
        if isinstance(error, python_calamine.PasswordError):
            raise FileRefused.because(name, *_not_xlsx("ole")) from None
        raise FileRefused.because(name, *_DAMAGED) from None
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
                raise FileRefused.because(name, *_DAMAGED) from None
            table = _table_of(meta.name, sheet, deadline, name)
            found = scans.get(meta.name)
            if found is not None:
                for row, column in found.formulas:
                    table.formulas.setdefault(row, set()).add(column)
                table.formula_count = found.formula_count
            tables.append(table)
    return RawWorkbook(name, path, "xlsx", tables, notices)


def _check_zip(name: str, archive: zipfile.ZipFile, limits: Limits) -> None:
    members = archive.infolist()
    if len(members) > limits.zip_members:
        raise FileRefused.because(
            name,
            f"tệp Excel có {len(members)} thành phần (tối đa {limits.zip_members}): không nhận",
            f"the workbook has {len(members)} parts (at most {limits.zip_members}): refused",
        )
    total = 0
    for info in members:
        total += info.file_size
        big = info.file_size > 1024 * 1024
        if big and info.file_size > limits.ratio * max(info.compress_size, 1):
            raise FileRefused.because(
                name,
                f"tệp nén bất thường (thành phần '{info.filename}' giải nén lớn gấp "
                f"{info.file_size // max(info.compress_size, 1)} lần, tối đa {limits.ratio}): "
                "có thể là 'bom nén' (zip bomb), không nhận",
                f"abnormal compression (part '{info.filename}' expands "
                f"{info.file_size // max(info.compress_size, 1)} times, at most {limits.ratio}): "
                "possibly a zip bomb, refused",
            )
    if total > limits.uncompressed_bytes:
        raise FileRefused.because(
            name,
            f"tệp Excel giải nén ra {_mib(total)} MiB (tối đa {_mib(limits.uncompressed_bytes)} "
            "MiB): có thể là 'bom nén' (zip bomb) hoặc tệp quá lớn, không nhận",
            f"the workbook expands to {_mib(total)} MiB (at most "
            f"{_mib(limits.uncompressed_bytes)} MiB): possibly a zip bomb, or too large; refused",
        )
    if "[Content_Types].xml" not in archive.NameToInfo:
        raise FileRefused.because(name, *_not_xlsx("other"))


def _read_member(name: str, archive: zipfile.ZipFile, member: str) -> bytes:
    try:
        return archive.read(member)
    except (zipfile.BadZipFile, OSError, KeyError, EOFError, NotImplementedError):
        raise FileRefused.because(name, *_DAMAGED) from None


def _parse_xml(name: str, data: bytes) -> object:
    try:
        return SafeET.fromstring(data)
    except Exception:  # defusedxml refusals and ParseError alike mean the file is unusable
        raise FileRefused.because(name, *_DAMAGED) from None


def _resolve(base_dir: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(base_dir, target))


def _sheet_members(name: str, archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → zip member of its XML, following the relationships as Excel does."""
    if "_rels/.rels" not in archive.NameToInfo:
        raise FileRefused.because(name, *_not_xlsx("other"))
    root_rels = _parse_xml(name, _read_member(name, archive, "_rels/.rels"))
    workbook_member = None
    for rel in root_rels.iter(f"{_NS_PKG_REL}Relationship"):  # type: ignore[attr-defined]
        if str(rel.get("Type", "")).endswith("/officeDocument"):
            workbook_member = _resolve("", str(rel.get("Target", "")))
    if workbook_member is None or workbook_member not in archive.NameToInfo:
        raise FileRefused.because(name, *_not_xlsx("other"))
    base = posixpath.dirname(workbook_member)
    rels_member = posixpath.join(base, "_rels", posixpath.basename(workbook_member) + ".rels")
    targets: dict[str, str] = {}
    if rels_member in archive.NameToInfo:
        rels = _parse_xml(name, _read_member(name, archive, rels_member))
        for rel in rels.iter(f"{_NS_PKG_REL}Relationship"):  # type: ignore[attr-defined]
            targets[str(rel.get("Id"))] = _resolve(base, str(rel.get("Target", "")))
    workbook = _parse_xml(name, _read_member(name, archive, workbook_member))
    members: dict[str, str] = {}
    for sheet in workbook.iter(f"{_NS_MAIN}sheet"):  # type: ignore[attr-defined]
        rel_id = sheet.get(f"{_NS_REL}id")
        if rel_id in targets:
            members[str(sheet.get("name", ""))] = targets[rel_id]
    return members


def _scan_sheet(
    name: str,
    archive: zipfile.ZipFile,
    member: str,
    limits: Limits,
    deadline: Deadline | None = None,
) -> _SheetScan:
    """Stream a worksheet's XML: the furthest row and column any cell reaches, and formulas."""
    scan = _SheetScan()
    last_ref = ""
    columns: set[bytes] = set()
    try:
        with archive.open(member) as stream:
            carry = b""
            while True:
                chunk = stream.read(_CHUNK)
                if not chunk:
                    break
                if deadline is not None:
                    deadline.check(name, "", scan.max_row)
                buffer = carry + chunk
                cut = buffer.rfind(b"<")
                segment, carry = buffer[:cut], buffer[cut:]
                refs = _CELL_REF.findall(segment)
                if refs:
                    columns.update(map(itemgetter(0), refs))
                    scan.max_row = max(scan.max_row, max(map(int, map(itemgetter(1), refs))))
                for match in _FORMULA.finditer(segment):
                    scan.formula_count += 1
                    if len(scan.formulas) < limits.formulas_kept:
                        start = segment.rfind(b"<c ", 0, match.start())
                        ref = _CELL_REF.search(segment, start) if start >= 0 else None
                        cell = (ref[1] + ref[2]).decode() if ref else last_ref
                        if found := re.fullmatch(r"([A-Z]+)(\d+)", cell):
                            scan.formulas.append(
                                (int(found[2]), _column_number(found[1].encode()) - 1)
                            )
                if refs:
                    last_ref = (refs[-1][0] + refs[-1][1]).decode()
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError):
        # A member that decompresses to more than it declares fails its CRC check here.
        raise FileRefused.because(name, *_DAMAGED) from None
    scan.max_column = max((_column_number(c) for c in columns), default=0)
    return scan


def _scan_problems(name: str, sheet: str, scan: _SheetScan, limits: Limits) -> list[SheetProblem]:
    problems: list[SheetProblem] = []
    if scan.formula_count > limits.formulas_kept:
        problems.append(
            SheetProblem(
                name,
                sheet,
                None,
                None,
                "",
                f"trang tính có {_vn(scan.formula_count)} ô công thức (tối đa "
                f"{_vn(limits.formulas_kept)}): sao chép rồi dán giá trị (Paste Values)",
                f"the sheet has {scan.formula_count:,} formula cells (at most "
                f"{limits.formulas_kept:,}): copy and paste the values",
            )
        )
    if scan.max_row > limits.rows:
        problems.append(
            SheetProblem(
                name,
                sheet,
                None,
                None,
                "",
                f"trang tính kéo dài đến dòng {_vn(scan.max_row)} (tối đa {_vn(limits.rows)} "
                "dòng): xóa các dòng trống hoặc thừa ở cuối, hoặc chia thành nhiều tệp",
                f"the sheet reaches row {scan.max_row:,} (at most {limits.rows:,} rows): delete "
                "the empty or extra rows at its end, or split the file",
            )
        )
    if scan.max_column > limits.columns:
        problems.append(
            SheetProblem(
                name,
                sheet,
                None,
                None,
                "",
                f"trang tính kéo dài đến cột {column_letter(scan.max_column - 1)} (tối đa "
                f"{limits.columns} cột): xóa các cột thừa",
                f"the sheet reaches column {column_letter(scan.max_column - 1)} (at most "
                f"{limits.columns} columns): delete the extra columns",
            )
        )
    elif scan.max_row <= limits.rows and scan.max_row * scan.max_column > limits.cells:
        problems.append(
            SheetProblem(
                name,
                sheet,
                None,
                None,
                "",
                f"trang tính quá lớn ({scan.max_row} dòng x {scan.max_column} cột): chia thành "
                "nhiều tệp",
                f"the sheet is too large ({scan.max_row} rows x {scan.max_column} columns): "
                "split the file",
            )
        )
    return problems


def _clean(value: object) -> CellValue:
    if value == "" or value is None:
        return None
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    return value  # type: ignore[return-value]


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
