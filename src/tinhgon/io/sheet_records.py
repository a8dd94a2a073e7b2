"""What the sheets of a workbook are read into: the place a value came from (``Loc``), a sheet
recognised by its header row (``SheetView``), a row of the structure (``UnitRow``) and a row of
the staff list (``StaffRow``), each settled further while the import resolves it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tinhgon.domain import AutonomyGroup, Category, Person, Role, Unit, UnitKind
from tinhgon.io.columns import SheetKind
from tinhgon.io.layout import Title
from tinhgon.io.sheets import CellValue, Table

__all__ = ["Loc", "SheetView", "StaffRow", "Text", "UnitRow", "cell_at"]

Text = tuple[str, str]  # a Vietnamese text and its English


@dataclass(frozen=True)
class Loc:
    """Where a value came from: a sheet, a row, a column (0-based) and its header."""

    sheet: str
    row: int | None = None
    column: int | None = None
    header: str = ""


@dataclass
class SheetView:
    table: Table
    kind: SheetKind
    header_row: int
    columns: dict[str, int]  # key → column index
    headers: dict[int, str]  # column index → header text as written
    title: Title = field(default_factory=lambda: Title([]))
    first_header_row: int = 0

    def loc(self, row: int, key: str | None = None) -> Loc:
        column = self.columns.get(key) if key else None
        return Loc(
            self.table.name, row, column, self.headers.get(column, "") if column is not None else ""
        )


@dataclass
class UnitRow:
    loc: Loc
    sheet: SheetView
    unit_id: str | None
    name: str
    kind: UnitKind | None
    parent: str | None
    fields: tuple[str, ...] | None
    autonomy: AutonomyGroup | None
    quotas: dict[tuple[Category, int], int]
    # settled while resolving
    target_id: str = ""
    existing: Unit | None = None


@dataclass
class StaffRow:
    loc: Loc
    sheet: SheetView
    values: dict[str, Any]  # key → read value, only for cells that are filled
    present: frozenset[str]  # keys whose column exists in the sheet
    person_id: str = ""
    existing: Person | None = None
    person: Person | None = None
    unit_id: str = ""
    role: Role = Role.STAFF
    agency_leader: bool = False  # under a group row 'Lãnh đạo Ban': the agency itself
    demotes: bool = False  # a head or deputy on record whom the row makes staff
    unit_loc: Loc | None = None  # the group row that names the unit, when not a column


def cell_at(values: tuple[CellValue, ...], index: int | None) -> CellValue:
    """The cell of a row at a column, or None past its end or for a column not there."""
    if index is None or index >= len(values):
        return None
    return values[index]
