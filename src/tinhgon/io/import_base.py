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
    UnitClass,
    UnitKind,
)
from tinhgon.io.columns import (
    STAFF_COLUMNS,
    guess_kind,
    match_key,
)
from tinhgon.io.errors import SheetProblem
from tinhgon.io.import_rows import Loc, RowReader, SheetView
from tinhgon.io.posts import Post
from tinhgon.io.sheets import RawWorkbook
from tinhgon.law.parameters import ParameterSet

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
    create_units: bool = False  # create the units the list names and the project lacks
    accept_matches: bool = False  # take the doubtful matches by name and birth date
    accept_warnings: bool = False  # import although something was not read


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
        self.root_id = ""
        self.known_unit_ids: set[str] = set()
        self.on: dt.date | None = None
        # Asked before anything is written (ConfirmationNeeded):
        self.proposed: dict[str, tuple[str, UnitKind, Loc]] = {}  # folded name → unit
        self.doubts: list[SheetProblem] = []
        self.units_asked: list[SheetProblem] = []
        self.retiring: list[tuple[str, str, dt.date]] = []  # absent, past retirement age
        self._parameters: ParameterSet | None = None
        self._by_name: dict[str, list[str]] | None = None  # on the staff, by folded name
        self._posts: dict[Any, Post] = {}  # posts as written, read once
        self.matches: list[tuple[str, str, int | None]] = []  # certain: id, name, row

    def lookup_unit(self, text: str) -> str | None:
        """A unit after the import (or one proposed) by its id or name, without a problem."""
        if text in self.final_units:
            return text
        by_id = self._ids_casefolded.get(text.casefold(), [])
        matches = by_id if len(by_id) == 1 else self.name_index.get(match_key(text), [])
        if len(matches) == 1:
            return matches[0]
        proposed = self.proposed.get(match_key(text))
        return self.proposed_id(match_key(text)) if proposed else None

    def proposed_id(self, folded: str) -> str:
        return self._unit_lookup[f"\0proposed:{folded}"]

    def find_unit(
        self, text: str, where: Callable[[], Loc], *, propose: bool = False
    ) -> str | None:
        """A unit after the import by its id or its name; a problem at ``where()`` if there is
        none, or more than one. With ``propose`` (the staff list), a unit the project lacks
        whose kind its name tells ('Phòng …', 'Trung tâm …') is proposed for creation."""
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
        if propose:
            folded = match_key(text)
            if folded in self.proposed:
                return self.proposed_id(folded)
            kind = guess_kind(text, self.kinds)
            if kind is not None and kind.unit_class is not UnitClass.AGENCY:
                used = set(self.final_units) | {
                    self._unit_lookup[k] for k in self._unit_lookup if k.startswith("\0proposed:")
                }
                base = unit_id_from_name(text, kind)
                candidate, n = base, 2
                while candidate in used or candidate in self.known_unit_ids:
                    candidate, n = f"{base}-{n}", n + 1
                self.proposed[folded] = (text, kind, where())
                self._unit_lookup[f"\0proposed:{folded}"] = candidate
                self._unit_lookup[text] = candidate
                return candidate
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
