"""What a spreadsheet is read into, whatever its format: plain tables of cell values
(``Table``, ``RawWorkbook``), the caps a file must stay under (``Limits``), and the small
things both readers (``sheets`` for .xlsx, ``csv_sheets``) share: a cell cleaned of empty text
and put in NFC, and sizes written as Vietnamese writes them.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "LIMITS",
    "CellValue",
    "Limits",
    "RawWorkbook",
    "Table",
    "clean_cell",
    "mib",
    "vn_number",
]

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


def vn_number(number: int) -> str:
    """1048576 → '1.048.576', as Vietnamese writes numbers."""
    return f"{number:,}".replace(",", ".")


def mib(size: int) -> str:
    """A size in bytes as whole MiB, for a message: 67108864 → '64'."""
    return f"{size / (1024 * 1024):.0f}"


def clean_cell(value: object) -> CellValue:
    """An empty cell is None; text is put in NFC (a decomposed "ệ" becomes one letter)."""
    if value == "" or value is None:
        return None
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    return value  # type: ignore[return-value]
