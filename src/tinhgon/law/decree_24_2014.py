"""The specialised agencies (sở) of a provincial People's Committee: Decree 24/2014/NĐ-CP as
amended by Decree 107/2020/NĐ-CP, then Decree 150/2025/NĐ-CP.

RULES.md section 2, SO-1 to SO-9. Two regimes are encoded, each from the day it took effect:
Decree 107/2020 (25/11/2020) and Decree 150/2025 (16/06/2025); the window of Decree 45/2025
(28/02/2025 to 15/06/2025) is an explicit coverage gap except where its number was found. SO-6
ends with Decree 150/2025 (a sở has no inspectorate any more). The numbers and dates are in the
``so_*.yaml`` parameter files; where a number depends on the class of the province, the agency's
``province_class`` (special, I, II, III) chooses it.

Minimum sizes (SO-1, SO-4, SO-5) are criteria for setting a unit up, judged on its quota or, if
it has none, on the civil servants in post (``tinhgon.law.staffing``). Deputy limits count the
cadres and civil servants in post, leaders included, not contract workers; under Decree 150/2025
a unit formed or merged in its window has 5 years to comply (SO-9).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from tinhgon.domain import Category, State, Text, Unit, UnitClass
from tinhgon.law.engine import Env, Rule, limits_on, parent_class
from tinhgon.law.findings import Finding, Severity
from tinhgon.law.staffing import DeputyLimitRule, MinimumStaffRule

SO = frozenset({"provincial_department"})
OFFICE = "office"
INSPECTORATE = "inspectorate"
TRANSITION = "so_restructuring_transition"


def _department_of_the_sở(state: State, unit: Unit) -> bool:
    """A phòng chuyên môn, nghiệp vụ directly under the sở (not Văn phòng, not Thanh tra)."""
    return unit.kind.code not in (OFFICE, INSPECTORATE) and (
        parent_class(state, unit) is UnitClass.AGENCY
    )


class SO1DepartmentMinimumStaff(MinimumStaffRule):
    """SO-1: a department or the office of a sở needs at least 7 / 6 / 5 civil-servant posts
    (Hà Nội and Hồ Chí Minh City / class I / classes II, III) under Decree 107/2020, 7 under
    Decree 150/2025 (``so_department_minimum_staff.yaml``). Without a province class, the 5
    true for every class applies under Decree 107/2020.
    """

    id = "SO-1"
    title = Text(
        "Biên chế tối thiểu của phòng, Văn phòng thuộc sở",
        "Fewest civil-servant posts of a department or the office of a sở",
    )
    agency_types = SO
    unit_classes = frozenset({UnitClass.DEPARTMENT})
    applies_to_text = Text(
        "phòng chuyên môn, nghiệp vụ và Văn phòng trực thuộc sở (không gồm Thanh tra)",
        "departments and the office directly under a sở (not its inspectorate)",
    )
    parameters = ("so_department_minimum_staff",)

    def selects(self, state: State, unit: Unit) -> bool:
        return unit.kind.code != INSPECTORATE and parent_class(state, unit) is UnitClass.AGENCY


class SO2DepartmentDeputies(DeputyLimitRule):
    """SO-2: deputy heads of a department of a sở, by its civil servants and the province class.

    ``so_department_deputy_heads.yaml``. Decree 107/2020: 1 deputy below 10 staff (Hà Nội,
    Hồ Chí Minh City), below 9 (class I), below 8 (class II, III); at most 2 up to 14; at most 3
    from 15 — without a province class only the bands true for every class apply, and a note
    says so. Decree 150/2025: 1 below 10, 2 up to 14, 3 from 15 everywhere, with SO-9's
    transition.
    """

    id = "SO-2"
    title = Text(
        "Số Phó Trưởng phòng của phòng thuộc sở",
        "Deputy heads of a department of a sở",
    )
    agency_types = SO
    unit_classes = frozenset({UnitClass.DEPARTMENT})
    applies_to_text = Text(
        "phòng chuyên môn, nghiệp vụ trực thuộc sở (không gồm Văn phòng, Thanh tra)",
        "departments directly under a sở (not its office or inspectorate)",
    )
    parameters = ("so_department_deputy_heads", TRANSITION)
    transition = TRANSITION

    def selects(self, state: State, unit: Unit) -> bool:
        return _department_of_the_sở(state, unit)


class SO3DeputyDirectors(Rule):
    """SO-3: deputy directors of a sở — 3 per sở on average across the province.

    ``so_deputy_directors.yaml``. The limit is a provincial average: on one sở the rule says
    what this sở contributes and that the province's total decides; ``tinhgon.law.province``
    judges it on the whole province.
    """

    id = "SO-3"
    title = Text("Số Phó Giám đốc sở (bình quân toàn tỉnh)", "Deputy directors of a sở (average)")
    agency_types = SO
    unit_classes = frozenset({UnitClass.AGENCY})
    applies_to_text = Text("sở (đơn vị gốc của cơ quan)", "the sở itself (the agency's root unit)")
    parameters = ("so_deputy_directors",)

    def selects(self, state: State, unit: Unit) -> bool:
        return unit.parent_id is None

    def check(self, state: State, on: dt.date, env: Env) -> Iterator[Finding]:
        entry, limits = limits_on(env, self.parameters[0], on)
        for unit in self.targets(state):
            deputies = len(state.deputies(unit.id))
            band = limits.band_for(deputies, env.agency.province_class, entry.confidence)
            if band is None:
                continue
            above = deputies > band.limit
            yield self.finding(
                Severity.INFO,
                on,
                Text(
                    f"{unit.name} có {deputies:02d} {unit.kind.deputy_title}; quy định tính bình "
                    f"quân {band.limit:02d} Phó Giám đốc một sở trên toàn tỉnh, cần số liệu của "
                    "cả tỉnh để kết luận"
                    + (f" (sở này cao hơn mức bình quân {band.limit:02d})" if above else ""),
                    f"{unit.name} has {deputies} deputy directors; the rule is an average of "
                    f"{band.limit} per sở across the province, which needs the whole province"
                    + (f" (this sở is above the average of {band.limit})" if above else ""),
                ),
                unit=unit,
                actual=deputies,
                limit=band.limit,
                used=[entry],
                trace_values=[band.as_dict()],
                detail={"province_wide": True},
            )


class SO4SubDepartmentMinimumStaff(MinimumStaffRule):
    """SO-4: a chi cục of a sở has at least 12 civil servants (itself and its departments).

    Decrees 107/2020 and 150/2025 (``so_sub_department_minimum_staff.yaml``).
    """

    id = "SO-4"
    title = Text("Biên chế tối thiểu của chi cục thuộc sở", "Fewest civil servants of a chi cục")
    agency_types = SO
    unit_classes = frozenset({UnitClass.SUB_DEPARTMENT})
    applies_to_text = Text("chi cục và tương đương thuộc sở", "sub-departments (chi cục) of a sở")
    parameters = ("so_sub_department_minimum_staff",)
    recursive = True


class SO5SubDepartmentUnitMinimumStaff(MinimumStaffRule):
    """SO-5: a department inside a chi cục has at least 5 civil servants.

    Decrees 107/2020 and 150/2025 (``so_sub_department_unit_minimum_staff.yaml``).
    """

    id = "SO-5"
    title = Text(
        "Biên chế tối thiểu của phòng thuộc chi cục",
        "Fewest civil servants of a department inside a chi cục",
    )
    agency_types = SO
    unit_classes = frozenset({UnitClass.DEPARTMENT})
    applies_to_text = Text("phòng thuộc chi cục", "departments inside a chi cục")
    parameters = ("so_sub_department_unit_minimum_staff",)

    def selects(self, state: State, unit: Unit) -> bool:
        return parent_class(state, unit) is UnitClass.SUB_DEPARTMENT


class SO6InspectorateDeputies(DeputyLimitRule):
    """SO-6: deputy chief inspectors of a sở: 1 below 8 staff, at most 2 from 8.

    Decree 107/2020 (``so_inspectorate_deputy_heads.yaml``); ends with Decree 150/2025, under
    which a sở has no inspectorate (``ends: true``): an inspectorate still there gets a note.
    """

    id = "SO-6"
    title = Text("Số Phó Chánh Thanh tra sở", "Deputy chief inspectors of a sở")
    agency_types = SO
    unit_classes = frozenset({UnitClass.DEPARTMENT})
    applies_to_text = Text("Thanh tra sở", "the inspectorate of a sở")
    parameters = ("so_inspectorate_deputy_heads",)

    def selects(self, state: State, unit: Unit) -> bool:
        return unit.kind.code == INSPECTORATE and parent_class(state, unit) is UnitClass.AGENCY


class SO7SubDepartmentDeputies(DeputyLimitRule):
    """SO-7: deputy heads of a chi cục: 1 with 1 to 3 departments, at most 2 with none or 4+.

    Decrees 107/2020 and 150/2025 (``so_sub_department_deputy_heads.yaml``), with SO-9's
    transition; the count is the departments (and equivalents) directly under the chi cục.
    """

    id = "SO-7"
    title = Text("Số Phó Chi cục trưởng", "Deputy heads of a chi cục")
    agency_types = SO
    unit_classes = frozenset({UnitClass.SUB_DEPARTMENT})
    applies_to_text = SO4SubDepartmentMinimumStaff.applies_to_text
    parameters = ("so_sub_department_deputy_heads", TRANSITION)
    count_label = Text("phòng", "departments")
    transition = TRANSITION

    def count(self, state: State, unit: Unit, categories: frozenset[Category]) -> int:
        return sum(1 for c in state.children(unit.id) if c.kind.unit_class is UnitClass.DEPARTMENT)


class SO8OfficeDeputies(DeputyLimitRule):
    """SO-8: deputy heads of the office (Văn phòng) of a sở, as those of a department (SO-2):
    ``so_office_deputy_heads.yaml`` (Decree 150/2025, Art. 6(3)), with SO-9's transition.
    """

    id = "SO-8"
    title = Text(
        "Số Phó Chánh Văn phòng sở (như phòng thuộc sở)",
        "Deputy heads of the office of a sở (as a department)",
    )
    agency_types = SO
    unit_classes = frozenset({UnitClass.DEPARTMENT})
    applies_to_text = Text("Văn phòng sở", "the office of a sở")
    parameters = ("so_office_deputy_heads", TRANSITION)
    transition = TRANSITION

    def selects(self, state: State, unit: Unit) -> bool:
        return unit.kind.code == OFFICE and parent_class(state, unit) is UnitClass.AGENCY


RULES = (
    SO1DepartmentMinimumStaff(),
    SO2DepartmentDeputies(),
    SO3DeputyDirectors(),
    SO4SubDepartmentMinimumStaff(),
    SO5SubDepartmentUnitMinimumStaff(),
    SO6InspectorateDeputies(),
    SO7SubDepartmentDeputies(),
    SO8OfficeDeputies(),
)
