"""What every part of the import shares: the options, the units after the import, and the
place each planned change came from (so that a refused change is reported at its row)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from tinhgon.domain import (
    BUILTIN_KINDS,
    Change,
    Person,
    Project,
    UnitKind,
)
from tinhgon.io.columns import (
    STAFF_COLUMNS,
    match_key,
)
from tinhgon.io.import_rows import Loc, RowReader, SheetView
from tinhgon.io.sheets import RawWorkbook

T = TypeVar("T")
C = TypeVar("C", bound=Change)
Text = tuple[str, str]


@dataclass(frozen=True)
class ImportOptions:
    """What the command line (or the web form) says; the ``Cơ quan`` sheet may say the same
    things, and the two must then agree."""

    on: dt.date | None = None
    basis: str = ""
    basis_date: dt.date | None = None
    basis_kind: str = ""
    basis_issuer: str = ""
    basis_title: str = ""
    agency_id: str = ""
    agency_name: str = ""
    agency_kind: str = ""
    agency_type: str = ""
    complete: bool = False


class ImporterBase(RowReader):
    def __init__(self, book: RawWorkbook, project: Project | None, options: ImportOptions) -> None:
        super().__init__(book, project.unit_kinds if project else BUILTIN_KINDS)
        self.project = project
        self.options = options
        self.all_kinds = tuple(self.kinds.values())
        self._missing_columns: set[tuple[str, str]] = set()
        self.refs: dict[str, Loc] = {}
        self.updated_fields: dict[str, list[str]] = {}
        self.absent: list[tuple[str, str]] = []
        self.people_after: dict[str, Person] = {}
        self.final_units: dict[str, str] = {}
        self.final_kinds: dict[str, UnitKind] = {}
        self.name_index: dict[str, list[str]] = {}
        self._ids_casefolded: dict[str, list[str]] = {}
        self._unit_lookup: dict[str, str] = {}

    def find_unit(self, text: str, where: Callable[[], Loc]) -> str | None:
        """A unit after the import by its id or its name; a problem at ``where()`` if there is
        none, or more than one."""
        found = self._unit_lookup.get(text)
        if found is not None:
            return found
        if text in self.final_units:
            return text
        by_id = self._ids_casefolded.get(text.casefold(), [])
        matches = by_id if len(by_id) == 1 else self.name_index.get(match_key(text), [])
        if len(matches) == 1:
            self._unit_lookup[text] = matches[0]
            return matches[0]
        if matches:
            self.problem(
                where(),
                f"có {len(matches)} đơn vị tên '{text}' ({', '.join(matches)}): ghi mã đơn vị",
                f"{len(matches)} units are named '{text}' ({', '.join(matches)}): give the id",
            )
            return None
        self.problem(
            where(),
            f"không có đơn vị '{text}' (tại ngày nhập, trong dự án hay trong trang tính đơn vị)",
            f"no unit '{text}' (on the date, in the project or in the units sheet)",
        )
        return None

    def change(self, cls: type[C], loc: Loc, common: dict[str, Any], **kwargs: Any) -> C:
        ref = f"{loc.sheet}!{loc.row}#{len(self.refs)}"
        self.refs[ref] = loc
        return cls(ref=ref, **common, **kwargs)

    # -- staff ---------------------------------------------------------------------------

    def missing_column(self, sheet: SheetView, key: str) -> None:
        if (sheet.table.name, key) in self._missing_columns:
            return
        self._missing_columns.add((sheet.table.name, key))
        header = next(c.header for c in STAFF_COLUMNS if c.key == key)
        self.problem(
            Loc(sheet.table.name, sheet.header_row),
            f"thiếu cột '{header}' (cần cho người mới)",
            f"column '{header}' is missing (someone new needs it)",
        )


_CONNECTORS = {"va"}  # "và"; folding cannot tell "của" from "cửa"


def _initials(name: str) -> str:
    words = [w for w in match_key(name).split() if w not in _CONNECTORS]
    return "".join(w[0] for w in words if w[0].isalnum())


def unit_id_from_name(name: str, kind: UnitKind | None) -> str:
    """'Phòng Quản lý đầu tư' → 'qldt'; 'Văn phòng' → 'vp'; 'Thanh tra' → 'tt'."""
    words = [w for w in match_key(name).split() if w not in _CONNECTORS]
    if kind is not None:
        prefix = match_key(kind.name_vi).split()
        if (
            len(words) > len(prefix)
            and words[: len(prefix)] == prefix
            and kind.code == "department"
        ):
            words = words[len(prefix) :]
    return "".join(w[0] for w in words) or "dv"
