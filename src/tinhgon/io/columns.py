"""The columns of the spreadsheets tinhgon reads and writes, and how their cells are read.

Three kinds of sheet (docs/excel.md):

* ``Cơ quan`` — the agency, as label/value rows (Mã cơ quan, Tên cơ quan, Tại ngày, Căn cứ…);
* ``Đơn vị`` — the structure, one unit a row (Mã đơn vị, Tên đơn vị, Loại đơn vị, Trực thuộc…);
* ``Nhân sự`` — the staff list, one person a row (Họ và tên, Ngày sinh, Giới tính, Đơn vị…).

A sheet is recognised by its headers, not its name (except ``Cơ quan`` and ``Hướng dẫn``).
Headers match whatever their case, spacing, punctuation and diacritics (``match_key``); so do the
values of enumerations ('Nữ', 'nu', 'NỮ'). Each reader raises ``CellError`` with a message in
Vietnamese and English; the importer adds the sheet, row and column.

This module knows the sheets and recognises their headers; what a column is lives in
``column``, the columns of each sheet in ``staff_columns``, ``unit_columns`` and
``agency_columns``, the readers of cell values in ``cell_values``. Every name is importable
from here.
"""

from __future__ import annotations

import re
from enum import StrEnum

from tinhgon.io.agency_columns import AGENCY_FIELDS, AGENCY_TYPES
from tinhgon.io.cell_values import (
    AUTONOMY_CHOICES,
    CATEGORY_CHOICES,
    POLITICAL,
    POLITICAL_LEVELS,
    RATING_CHOICES,
    SEX_CHOICES,
    CellError,
    guess_kind,
    kind_from_name,
    kind_index,
    match_key,
    political_qualification,
    read_autonomy,
    read_birth,
    read_category,
    read_count,
    read_date,
    read_list,
    read_national_id,
    read_rank,
    read_rank_code,
    read_rating,
    read_role,
    read_sex,
    split_political,
    text_of,
    text_of_multiline,
)
from tinhgon.io.column import Column, Format
from tinhgon.io.staff_columns import PAY_COLUMNS, RATING_HEADER, RATING_PATTERN, STAFF_COLUMNS
from tinhgon.io.unit_columns import QUOTA_CATEGORIES, QUOTA_HEADERS, QUOTA_PATTERN, UNIT_COLUMNS

# The readers of cell values live in tinhgon.io.cell_values, the columns in the modules above;
# they are re-exported here.
__all__ = [
    "AGENCY_FIELDS",
    "AGENCY_INDEX",
    "AGENCY_TYPES",
    "AUTONOMY_CHOICES",
    "CATEGORY_CHOICES",
    "PAY_COLUMNS",
    "POLITICAL",
    "POLITICAL_LEVELS",
    "QUOTA_HEADERS",
    "RATING_CHOICES",
    "RATING_HEADER",
    "SEX_CHOICES",
    "SHEET_AGENCY",
    "SHEET_GUIDE",
    "SHEET_STAFF",
    "SHEET_UNITS",
    "STAFF_COLUMNS",
    "UNIT_COLUMNS",
    "CellError",
    "Column",
    "Format",
    "SheetKind",
    "agency_label",
    "guess_kind",
    "is_agency_sheet",
    "is_guide_sheet",
    "kind_from_name",
    "kind_index",
    "match_key",
    "political_qualification",
    "read_autonomy",
    "read_birth",
    "read_category",
    "read_count",
    "read_date",
    "read_list",
    "read_national_id",
    "read_rank",
    "read_rank_code",
    "read_rating",
    "read_role",
    "read_sex",
    "split_political",
    "staff_header",
    "text_of",
    "text_of_multiline",
    "unit_header",
]

SHEET_AGENCY = "Cơ quan"
SHEET_UNITS = "Đơn vị"
SHEET_STAFF = "Nhân sự"
SHEET_GUIDE = "Hướng dẫn"


class SheetKind(StrEnum):
    AGENCY = "agency"
    UNITS = "units"
    STAFF = "staff"


# -- headers --------------------------------------------------------------------------------


def _header_text(text: str) -> str:
    """Headers may carry a hint in brackets or a required mark: 'Ngày sinh (dd/mm/yyyy) *'."""
    return match_key(re.sub(r"\([^)]*\)|\[[^]]*\]|\*", " ", text))


def _index(columns: tuple[Column, ...]) -> dict[str, str]:
    index: dict[str, str] = {}
    for column in columns:
        for header in (column.header, *column.aliases):
            index[_header_text(header)] = column.key
    return index


_STAFF_INDEX = _index(STAFF_COLUMNS + PAY_COLUMNS)
_UNIT_INDEX = _index(UNIT_COLUMNS)
AGENCY_INDEX = _index(AGENCY_FIELDS)


def staff_header(text: str) -> str | None:
    """'full_name', 'rating:2023', or None for a header tinhgon does not know."""
    folded = _header_text(text)
    if folded in _STAFF_INDEX:
        return _STAFF_INDEX[folded]
    if match := RATING_PATTERN.match(folded):
        return f"rating:{match[1]}"
    return None


def unit_header(text: str) -> str | None:
    """'name', 'quota:civil_servant:2019', or None."""
    folded = _header_text(text)
    if folded in _UNIT_INDEX:
        return _UNIT_INDEX[folded]
    if match := QUOTA_PATTERN.match(folded):
        return f"quota:{QUOTA_CATEGORIES[match[1]].value}:{match[2]}"
    return None


def agency_label(text: str) -> str | None:
    return AGENCY_INDEX.get(_header_text(text))


def is_guide_sheet(name: str) -> bool:
    return match_key(name) in ("huong dan", "ghi chu", "chu thich", "danh sach loi")


def is_agency_sheet(name: str) -> bool:
    return match_key(name) in ("co quan", "thong tin co quan", "thong tin chung")
