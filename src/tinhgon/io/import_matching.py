"""Matching people without an ID or a code (by name, birth date and unit), the ages a list
must make sense with, and who has reached retirement age: the import's judgement on people,
apart from the changes it plans (``tinhgon.io.import_people``)."""

from __future__ import annotations

import datetime as dt

from tinhgon.domain import (
    BirthDate,
    Person,
    State,
    UnitKind,
)
from tinhgon.io.columns import (
    match_key,
)
from tinhgon.io.errors import SheetProblem
from tinhgon.io.import_base import ImporterBase
from tinhgon.io.import_rows import StaffRow
from tinhgon.io.layout import LEADERSHIP_GROUPS
from tinhgon.law.parameters import load_parameters
from tinhgon.law.retirement import age_on, retirement_of


class MatchingMixin(ImporterBase):
    # -- matching without an ID, ages, retirements ---------------------------------------

    def row_unit(self, row: StaffRow) -> str | None:
        """The unit a row names, if it can be told now (None: not given or not known)."""
        if row.agency_leader:
            return self.root_id
        if "unit_id" in row.values:
            return self.lookup_unit(row.values["unit_id"])
        if "unit" in row.values:
            if LEADERSHIP_GROUPS.match(match_key(row.values["unit"])):
                return self.root_id
            return self.lookup_unit(row.values["unit"])
        return None

    def match_by_name(
        self,
        row: StaffRow,
        by_name_birth: dict[tuple[str, BirthDate], list[str]],
        people: dict[str, Person],
        state: State,
        matched: dict[str, StaffRow],
        *,
        nid: str | None = None,
        code: str | None = None,
    ) -> str | None:
        """Someone without ID or code, matched by name, birth date and unit: the person's id
        (certain, or doubtful and recorded to be asked), '' for someone new, or None after a
        problem."""
        v = row.values
        name = v["full_name"]
        twins = [
            pid
            for pid in by_name_birth.get((match_key(name), v["birth"]), [])
            if not (nid and people[pid].national_id and people[pid].national_id != nid)
        ]
        unit = self.row_unit(row)
        if len(twins) > 1:
            self.problem(
                row.loc,
                f"trùng họ tên và ngày sinh với {len(twins)} người trong dự án "
                f"({', '.join(twins)}): ghi Mã hoặc số định danh",
                f"same name and birth date as {len(twins)} people ({', '.join(twins)}): give "
                "the id or the national ID",
            )
            return None
        if twins:
            pid = twins[0]
            if pid not in state.assignments:
                self.problem(
                    row.loc,
                    f"trùng họ tên và ngày sinh với '{pid}' đã có trong dự án (không còn công "
                    f"tác tại ngày nhập): ghi Mã '{pid}' (hoặc số định danh) nếu là cùng một người",
                    f"same name and birth date as '{pid}' in the project (not on the staff on "
                    f"the date): give the id '{pid}' (or the national ID) if it is the same person",
                )
                return None
            if pid in matched:
                self.problem(
                    row.loc,
                    f"'{name}' đã có ở dòng {matched[pid].loc.row}",
                    f"'{name}' is already on row {matched[pid].loc.row}",
                )
                return None
            current = state.assignments[pid].unit_id
            if code:
                self.doubt(
                    row,
                    f"mã '{code}' không có trong dự án, nhưng '{name}' trùng họ tên và ngày sinh "
                    f"với '{pid}': xác nhận là cùng một người (mã trong tệp là mã của phần mềm "
                    "khác), hoặc sửa mã",
                    f"the code '{code}' is not in the project, but '{name}' has the name and "
                    f"birth date of '{pid}': confirm it is the same person, or correct the code",
                )
                return pid
            if unit is None or unit == current:
                self.matches.append((pid, name, row.loc.row))
                return pid
            self.doubt(
                row,
                f"'{name}' trùng họ tên và ngày sinh với '{pid}' đang ở "
                f"'{self.unit_name(current)}', nhưng danh sách ghi '{self.unit_name(unit)}': "
                "xác nhận là cùng một người (sẽ ghi điều động), hoặc ghi số định danh nếu "
                "là người khác",
                f"'{name}' has the name and birth date of '{pid}' in '{current}', but the list "
                f"says '{unit}': confirm it is the same person (a transfer), or give the "
                "national ID if not",
            )
            return pid
        # Not the same birth date: the same name in the same unit, born the same year.
        if self._by_name is None:
            self._by_name = {}
            for pid in state.assignments:
                self._by_name.setdefault(match_key(people[pid].full_name), []).append(pid)
        near = [
            pid
            for pid in self._by_name.get(match_key(name), [])
            if pid not in matched
            and not (nid and people[pid].national_id and people[pid].national_id != nid)
            and (unit is None or state.assignments[pid].unit_id == unit)
            and people[pid].birth.year == v["birth"].year
        ]
        if len(near) == 1:
            pid = near[0]
            self.doubt(
                row,
                f"'{name}' sinh {v['birth']} có thể là '{pid}' cùng tên, cùng đơn vị, sinh "
                f"{people[pid].birth}: xác nhận là cùng một người (ngày sinh sẽ được sửa), "
                "hoặc ghi số định danh nếu là người khác",
                f"'{name}' born {v['birth']} may be '{pid}', same name and unit, born "
                f"{people[pid].birth}: confirm (the birth date is corrected), or give the "
                "national ID if not",
            )
            return pid
        return ""

    def doubt(self, row: StaffRow, vi: str, en: str) -> None:
        self.doubts.append(SheetProblem(self.file, row.loc.sheet, row.loc.row, None, "", vi, en))

    def unit_kind(self, uid: str) -> UnitKind | None:
        if uid in self.final_kinds:
            return self.final_kinds[uid]
        for folded, (_, kind, _) in self.proposed.items():
            if self.proposed_id(folded) == uid:
                return kind
        return None

    def unit_name(self, uid: str) -> str:
        if uid in self.final_units:
            return self.final_units[uid]
        for folded, (name, _, _) in self.proposed.items():
            if self.proposed_id(folded) == uid:
                return name
        return uid

    def retired_by(self, person: Person) -> dt.date | None:
        """The retirement date, if reached on the import date."""
        if self.on is None:
            return None
        if self._parameters is None:
            self._parameters = load_parameters()
        when = retirement_of(sex=person.sex, born=person.birth, parameters=self._parameters)
        return when.retires_on if when.retires_on <= self.on else None

    def check_age(self, row: StaffRow, birth: BirthDate) -> bool:
        """Under 18 or over 70 on the date of the list: a problem (a mistyped year)."""
        if self.on is None:
            return True
        age = age_on(birth, self.on).years
        if 18 <= age <= 70:
            return True
        self.problem(
            row.sheet.loc(row.loc.row or 0, "birth"),
            f"ngày sinh {birth} cho tuổi {age} tại ngày {self.on:%d/%m/%Y} (dưới 18 hoặc trên "
            "70): kiểm tra năm sinh",
            f"the birth date {birth} gives an age of {age} on {self.on.isoformat()} (under 18 "
            "or over 70): check the year",
        )
        return False
