"""Reading a CSV file into a table, refusing what cannot be read right (docs/excel.md).

A CSV file must be UTF-8 (with or without BOM) or UTF-16 with a BOM: bytes that are not UTF-8
(a file saved as Windows-1258 or TCVN3) and UTF-8 text that is really Windows-1252 read wrongly
("Nguyá»…n") are refused naming the line, never guessed at. The delimiter (',' ';' or tab) is
the one the header line uses most. Lines are counted against ``Limits`` as they are read.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

from tinhgon.io.errors import FileRefused
from tinhgon.io.sheet_tables import Limits, RawWorkbook, Table
from tinhgon.io.sheet_tables import clean_cell as _clean
from tinhgon.io.sheet_tables import vn_number as _vn
from tinhgon.io.sheets_deadline import Deadline

# -- csv ----------------------------------------------------------------------------------

# UTF-8 read as Windows-1252/1258 and saved again: a lead byte (Ã Ä Å Æ á â ...) followed by a
# continuation byte shown as a Windows-1252 character. Vietnamese text never has these pairs.
_MOJIBAKE = re.compile(
    "[ÂÃÄÅÆáâãäå][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160"
    "\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153"
    "\u017e\u0178]"
)


def _decode_csv(name: str, raw: bytes) -> str:
    if raw.startswith(codecs.BOM_UTF8):
        encoding, body = "utf-8", raw[len(codecs.BOM_UTF8) :]
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding, body = "utf-16", raw
    else:
        encoding, body = "utf-8", raw
        if b"\x00" in raw:
            line = raw[: raw.index(b"\x00")].count(b"\n") + 1
            raise FileRefused.because(
                name,
                "tệp có byte 0: có thể là UTF-16 không có BOM, hoặc không phải tệp văn "
                "bản; lưu lại tệp dưới dạng 'CSV UTF-8'",
                "the file has NUL bytes: UTF-16 without a BOM, or not a text file; save "
                "it again as 'CSV UTF-8'",
                row=line,
            )
    try:
        return body.decode(encoding)
    except UnicodeDecodeError as error:
        line = body[: error.start].decode(encoding, errors="replace").count("\n")
        bad = body[error.start : error.start + 4].hex(" ")
        raise FileRefused.because(
            name,
            f"dòng {line + 1} có byte không đọc được theo {encoding.upper()} ({bad}): "
            "tệp có lẽ được lưu bằng bảng mã khác (Windows-1258, Windows-1252, TCVN3); "
            "mở bằng Excel và lưu lại dưới dạng 'CSV UTF-8'",
            f"line {line + 1} has bytes that are not {encoding.upper()} ({bad}): the "
            "file was probably saved in another encoding (Windows-1258, Windows-1252, "
            "TCVN3); open it in Excel and save it as 'CSV UTF-8'",
            row=line + 1,
        ) from None


def _delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(path: Path, limits: Limits, *, deadline: Deadline | None = None) -> RawWorkbook:
    name = path.name
    text = _decode_csv(name, path.read_bytes())
    for number, line in enumerate(text.splitlines(), start=1):
        if found := _MOJIBAKE.search(line):
            snippet = line[max(found.start() - 10, 0) : found.end() + 10]
            raise FileRefused.because(
                name,
                f"dòng {number} có chữ bị lỗi mã hóa ('{snippet}'): tệp UTF-8 đã bị đọc "
                "nhầm bảng mã Windows rồi lưu lại; lấy lại bản gốc, hoặc lưu lại từ "
                "Excel dưới dạng 'CSV UTF-8'",
                f"line {number} has garbled letters ('{snippet}'): UTF-8 text was read "
                "as a Windows code page and saved again; use the original, or save it "
                "from Excel as 'CSV UTF-8'",
                row=number,
            )
    table = Table("")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        for number, values in _numbered(reader):
            if deadline is not None:
                deadline.check(name, "", number)
            if number > limits.rows:
                raise FileRefused.because(
                    name,
                    f"tệp có hơn {_vn(limits.rows)} dòng: xóa các dòng trống hoặc thừa ở cuối, "
                    "hoặc chia thành nhiều tệp",
                    f"the file has more than {limits.rows:,} lines: delete the empty or extra "
                    "lines at its end, or split it",
                )
            if len(values) > limits.columns:
                raise FileRefused.because(
                    name,
                    f"dòng có {len(values)} cột (tối đa {limits.columns})",
                    f"the line has {len(values)} columns (at most {limits.columns})",
                    row=number,
                )
            row = tuple(_clean(v) for v in values)
            if any(v is not None for v in row):
                table.rows.append((number, row))
    except csv.Error as error:
        raise FileRefused.because(
            name,
            f"dòng CSV không đọc được: {error}",
            f"unreadable CSV line: {error}",
            row=reader.line_num,
        ) from None
    return RawWorkbook(name, path, "csv", [table])


def _numbered(reader: Iterator[list[str]]) -> Iterator[tuple[int, list[str]]]:
    """Rows with the line they start on (a quoted cell may span lines)."""
    line = 1
    for values in reader:
        yield line, values
        line = reader.line_num + 1  # type: ignore[attr-defined]
