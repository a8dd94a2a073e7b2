"""What a column of a sheet is: its key in code, the header tinhgon writes, the headers it
accepts, the notes under the header, and the format of its cells (text, date, number).

The columns themselves are listed by sheet in ``staff_columns``, ``unit_columns`` and
``agency_columns``; how a header is recognised is in ``columns``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["ROW_NUMBER", "Column", "Format"]


class Format(StrEnum):
    TEXT = "text"  # stored as text, so '01.003' and leading zeros survive
    DATE = "date"
    NUMBER = "number"
    GENERAL = "general"


@dataclass(frozen=True)
class Column:
    """A column: its key in code, the header tinhgon writes, the other headers it accepts."""

    key: str
    header: str
    aliases: tuple[str, ...] = ()
    note_vi: str = ""
    note_en: str = ""
    width: float = 16
    format: Format = Format.GENERAL
    choices: tuple[str, ...] = ()
    required: bool = False  # must be filled for a new person or unit
    export_only: bool = False  # written by exports, read back as nothing


# The first column of the staff list and of the structure: written by tinhgon, never read.
ROW_NUMBER = Column(
    "stt",
    "STT",
    ("TT", "Số TT", "Số thứ tự"),
    "Số thứ tự; không đọc",
    "Row number; not read",
    6,
)
