"""Decree 35/2022/NĐ-CP on industrial parks and economic zones, Art. 70: the management board.

RULES.md section 1, EZ-2 (from 15/07/2022): the board has a head and at most 3 deputy heads; a
department, the office and a representative office of the board need at least 7 / 6 / 5
civil-servant posts by province class (EZ-3 here); the deputy heads of a department continue EZ-1
(``ez_department_deputy_heads.yaml`` holds both decrees). Decrees 45/2025 and 150/2025 on the
sở do not apply to these boards (EZ-3 of RULES.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from tinhgon.domain import State, Text, Unit, UnitClass
from tinhgon.law.engine import Env, Rule, limits_on, parent_class
from tinhgon.law.findings import Finding, Severity
from tinhgon.law.staffing import MinimumStaffRule

EZ = frozenset({"economic_zone_board"})


class EZ2BoardDeputies(Rule):
    """EZ-2: at most 3 deputy heads of the board (``ez_board_deputy_heads.yaml``)."""

    id = "EZ-2"
    title = Text(
        "Số Phó Trưởng ban của Ban quản lý khu kinh tế",
        "Deputy heads of an economic zone management board",
    )
    agency_types = EZ
    unit_classes = frozenset({UnitClass.AGENCY})
    applies_to_text = Text("Ban quản lý (đơn vị gốc của cơ quan)", "the board itself (root unit)")
    parameters = ("ez_board_deputy_heads",)

    def selects(self, state: State, unit: Unit) -> bool:
        return unit.parent_id is None

    def check(self, state: State, on: dt.date, env: Env) -> Iterator[Finding]:
        entry, limits = limits_on(env, self.parameters[0], on)
        for unit in self.targets(state):
            deputies = len(state.deputies(unit.id))
            band = limits.band_for(deputies, env.agency.province_class, entry.confidence)
            if band is None or deputies <= band.limit:
                continue
            yield self.finding(
                Severity.VIOLATION,
                on,
                Text(
                    f"{unit.name}: {deputies:02d} {unit.kind.deputy_title}, vượt mức tối đa "
                    f"{band.limit:02d}",
                    f"{unit.name}: {deputies} deputy heads, more than the {band.limit} allowed",
                ),
                unit=unit,
                actual=deputies,
                limit=band.limit,
                used=[entry],
                trace_values=[band.as_dict()],
            )


class EZ3DepartmentMinimumStaff(MinimumStaffRule):
    """EZ-3: a department, the office or a representative office of the board needs at least
    7 / 6 / 5 civil-servant posts by province class (``ez_department_minimum_staff.yaml``)."""

    id = "EZ-3"
    title = Text(
        "Biên chế tối thiểu của phòng, Văn phòng, văn phòng đại diện thuộc Ban quản lý khu kinh tế",
        "Fewest civil-servant posts of a department or office of an economic zone board",
    )
    agency_types = EZ
    unit_classes = frozenset({UnitClass.DEPARTMENT})
    applies_to_text = Text(
        "phòng, Văn phòng và văn phòng đại diện trực thuộc Ban quản lý khu kinh tế",
        "departments, the office and representative offices directly under the board",
    )
    parameters = ("ez_department_minimum_staff",)

    def selects(self, state: State, unit: Unit) -> bool:
        return parent_class(state, unit) is UnitClass.AGENCY


RULES = (EZ2BoardDeputies(), EZ3DepartmentMinimumStaff())
