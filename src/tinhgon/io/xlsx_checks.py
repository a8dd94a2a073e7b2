"""An .xlsx checked before a cell is read: the zip's members, their declared sizes and
compression ratio (a zip bomb), the relationships from the workbook to its sheets, and each
worksheet streamed in chunks for the formulas it holds and the furthest row and column it
reaches (calamine allocates the whole rectangle up to the furthest cell). Also what a file
named .xlsx is told it is instead (an old .xls, a PDF, something else) and a damaged file.

Every refusal is a ``FileRefused`` naming what is wrong (docs/excel.md).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from operator import itemgetter

import defusedxml.ElementTree as SafeET

from tinhgon.io.errors import FileRefused, SheetProblem, column_letter
from tinhgon.io.sheet_tables import Limits, mib, vn_number
from tinhgon.io.sheets_deadline import Deadline

__all__ = [
    "DAMAGED",
    "SheetScan",
    "check_zip",
    "not_xlsx",
    "scan_problems",
    "scan_sheet",
    "sheet_members",
]


def not_xlsx(looks: str) -> tuple[str, str]:
    """What a file named .xlsx is instead, by its first bytes (``looks``: ole, pdf, other)."""
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


DAMAGED = (
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
class SheetScan:
    """What streaming a worksheet found: its furthest row and column, and its formula cells."""

    max_row: int = 0
    max_column: int = 0
    formulas: list[tuple[int, int]] = field(default_factory=list)  # Excel row, 0-based column
    formula_count: int = 0


def check_zip(name: str, archive: zipfile.ZipFile, limits: Limits) -> None:
    """The members of the zip, their sizes and compression ratio, before any is decompressed."""
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
            f"tệp Excel giải nén ra {mib(total)} MiB (tối đa {mib(limits.uncompressed_bytes)} "
            "MiB): có thể là 'bom nén' (zip bomb) hoặc tệp quá lớn, không nhận",
            f"the workbook expands to {mib(total)} MiB (at most "
            f"{mib(limits.uncompressed_bytes)} MiB): possibly a zip bomb, or too large; refused",
        )
    if "[Content_Types].xml" not in archive.NameToInfo:
        raise FileRefused.because(name, *not_xlsx("other"))


def _read_member(name: str, archive: zipfile.ZipFile, member: str) -> bytes:
    try:
        return archive.read(member)
    except (zipfile.BadZipFile, OSError, KeyError, EOFError, NotImplementedError):
        raise FileRefused.because(name, *DAMAGED) from None


def _parse_xml(name: str, data: bytes) -> object:
    try:
        return SafeET.fromstring(data)
    except Exception:  # defusedxml refusals and ParseError alike mean the file is unusable
        raise FileRefused.because(name, *DAMAGED) from None


def _resolve(base_dir: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(base_dir, target))


def sheet_members(name: str, archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → zip member of its XML, following the relationships as Excel does."""
    if "_rels/.rels" not in archive.NameToInfo:
        raise FileRefused.because(name, *not_xlsx("other"))
    root_rels = _parse_xml(name, _read_member(name, archive, "_rels/.rels"))
    workbook_member = None
    for rel in root_rels.iter(f"{_NS_PKG_REL}Relationship"):  # type: ignore[attr-defined]
        if str(rel.get("Type", "")).endswith("/officeDocument"):
            workbook_member = _resolve("", str(rel.get("Target", "")))
    if workbook_member is None or workbook_member not in archive.NameToInfo:
        raise FileRefused.because(name, *not_xlsx("other"))
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


def scan_sheet(
    name: str,
    archive: zipfile.ZipFile,
    member: str,
    limits: Limits,
    deadline: Deadline | None = None,
) -> SheetScan:
    """Stream a worksheet's XML: the furthest row and column any cell reaches, and formulas."""
    scan = SheetScan()
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
        raise FileRefused.because(name, *DAMAGED) from None
    scan.max_column = max((_column_number(c) for c in columns), default=0)
    return scan


def scan_problems(name: str, sheet: str, scan: SheetScan, limits: Limits) -> list[SheetProblem]:
    """What refuses a sheet: too many formulas, too many rows or columns, too many cells."""
    problems: list[SheetProblem] = []

    def refuse(vi: str, en: str) -> None:
        problems.append(SheetProblem(name, sheet, None, None, "", vi, en))

    if scan.formula_count > limits.formulas_kept:
        refuse(
            f"trang tính có {vn_number(scan.formula_count)} ô công thức (tối đa "
            f"{vn_number(limits.formulas_kept)}): sao chép rồi dán giá trị (Paste Values)",
            f"the sheet has {scan.formula_count:,} formula cells (at most "
            f"{limits.formulas_kept:,}): copy and paste the values",
        )
    if scan.max_row > limits.rows:
        refuse(
            f"trang tính kéo dài đến dòng {vn_number(scan.max_row)} (tối đa {vn_number(limits.rows)} "
            "dòng): xóa các dòng trống hoặc thừa ở cuối, hoặc chia thành nhiều tệp",
            f"the sheet reaches row {scan.max_row:,} (at most {limits.rows:,} rows): delete "
            "the empty or extra rows at its end, or split the file",
        )
    if scan.max_column > limits.columns:
        refuse(
            f"trang tính kéo dài đến cột {column_letter(scan.max_column - 1)} (tối đa "
            f"{limits.columns} cột): xóa các cột thừa",
            f"the sheet reaches column {column_letter(scan.max_column - 1)} (at most "
            f"{limits.columns} columns): delete the extra columns",
        )
    elif scan.max_row <= limits.rows and scan.max_row * scan.max_column > limits.cells:
        refuse(
            f"trang tính quá lớn ({scan.max_row} dòng x {scan.max_column} cột): chia thành "
            "nhiều tệp",
            f"the sheet is too large ({scan.max_row} rows x {scan.max_column} columns): "
            "split the file",
        )
    return problems
