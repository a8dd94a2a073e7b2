"""Decree 24/2014/NĐ-CP as amended by Decree 107/2020/NĐ-CP: the specialised agencies (sở) of a
provincial People's Committee.

RULES.md section 2, SO-1 to SO-8. One regime is encoded: that of Decree 107/2020, from its entry
into force (05/11/2020, not confirmed) until Decree 45/2025/NĐ-CP replaced it (28/02/2025, its
date of issue; effective date not confirmed). Before and after, the engine reports a coverage
gap. The numbers are in the ``so_*.yaml`` parameter files; where a number depends on the class
of the province, the agency's ``province_class`` (special, I, II, III) chooses it.

Where the rules say "biên chế" they count the cadres and civil servants in post, leaders
included, not contract workers (the parameter files say so too).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from tinhgon.domain import Category, State, Text, Unit, UnitClass
from tinhgon.law.engine import Env, Rule, limits_on, parent_class
from tinhgon.law.findings import Citation, Confidence, Finding, Severity
from tinhgon.law.staffing import DeputyLimitRule, MinimumStaffRule

SO = frozenset({"provincial_department"})
OFFICE = "office"
INSPECTORATE = "inspectorate"
DECREE_107 = dt.date(2020, 9, 14)


def _department_of_the_sở(state: State, unit: Unit) -> bool:
    """A phòng chuyên môn, nghiệp vụ directly under the sở (not Văn phòng, not Thanh tra)."""
    return unit.kind.code not in (OFFICE, INSPECTORATE) and (
        parent_class(state, unit) is UnitClass.AGENCY
    )


class SO1DepartmentMinimumStaff(MinimumStaffRule):
    """SO-1: a department of a sở has at least 5 to 7 civil servants by province class.

    Regime of Decree 107/2020 (window in ``so_department_minimum_staff.yaml``). Only the floor
    of 5, true for every class, is applied: the split by class (7 Hà Nội and Hồ Chí Minh City,
    6 class I, 5 class II and III) is low confidence in RULES.md and is recorded, not applied,
    until someone confirms it in the parameter file.
    """

    id = "SO-1"
    title = Text(
        "Biên chế tối thiểu của phòng thuộc sở",
        "Fewest civil servants of a department of a sở",
    )
    agency_types = SO
    unit_classes = frozenset({UnitClass.DEPARTMENT})
    applies_to_text = Text(
        "phòng chuyên môn, nghiệp vụ trực thuộc sở (không gồm Văn phòng, Thanh tra)",
        "departments directly under a sở (not its office or inspectorate)",
    )
    parameters = ("so_department_minimum_staff",)

    def selects(self, state: State, unit: Unit) -> bool:
        return _department_of_the_sở(state, unit)


class SO2DepartmentDeputies(DeputyLimitRule):
    """SO-2: deputy heads of a department of a sở, by its civil servants and the province class.

    Regime of Decree 107/2020 (``so_department_deputy_heads.yaml``): 1 deputy below 10 staff
    (Hà Nội, Hồ Chí Minh City), below 9 (class I), below 8 (class II, III); at most 2 up to 14;
    at most 3 from 15. Without a province class only the bands true for every class apply, and
    a note says so.
    """

    id = "SO-2"
    title = Text(
        "Số Phó Trưởng phòng của phòng thuộc sở",
        "Deputy heads of a department of a sở",
    )
    agency_types = SO
    unit_classes = frozenset({UnitClass.DEPARTMENT})
    applies_to_text = SO1DepartmentMinimumStaff.applies_to_text
    parameters = ("so_department_deputy_heads",)

    def selects(self, state: State, unit: Unit) -> bool:
        return _department_of_the_sở(state, unit)

    def check(self, state: State, on: dt.date, env: Env) -> Iterator[Finding]:
        if env.agency.province_class is None:
            roots = state.roots()
            entry = env.value(self.parameters[0], on)
            yield self.finding(
                Severity.INFO,
                on,
                Text(
                    "Chưa khai báo loại tỉnh (agency.province_class): chỉ áp dụng các mức đúng "
                    "với mọi loại tỉnh (đến 14 biên chế không quá 02 Phó Trưởng phòng, từ 15 không "
                    "quá 03)",
                    "No province class given (agency.province_class): only the limits true for "
                    "every class apply (at most 2 deputies up to 14 staff, at most 3 from 15)",
                ),
                unit=roots[0] if roots else None,
                used=[entry] if entry else [],
            )
        yield from super().check(state, on, env)


SO3_NOTE = Text(
    "Phó Giám đốc sở bình quân 03 người một sở; Hà Nội và TP Hồ Chí Minh thêm không quá 10 người "
    "trên toàn thành phố",
    "3 deputy directors per sở on average; Hà Nội and Hồ Chí Minh City up to 10 more in all",
)


class SO3DeputyDirectors(Rule):
    """SO-3: deputy directors of a sở — 3 per sở on average across the province.

    Regime of Decree 107/2020 (``so_deputy_directors.yaml``). The limit is a provincial average,
    so one sở above it is a note, not a violation: the province's total decides.
    """

    id = "SO-3"
    title = Text("Số Phó Giám đốc sở", "Deputy directors of a sở")
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
            if band is None or deputies <= band.limit:
                continue
            yield self.finding(
                Severity.INFO,
                on,
                Text(
                    f"{unit.name}: {deputies} {unit.kind.deputy_title}, trên mức bình quân "
                    f"{band.limit:02d} một sở; cần đối chiếu tổng số của tỉnh ({SO3_NOTE.vi})",
                    f"{unit.name}: {deputies} deputy directors, above the average of "
                    f"{band.limit} per sở; check the province's total ({SO3_NOTE.en})",
                ),
                unit=unit,
                actual=deputies,
                limit=band.limit,
                used=[entry],
                trace_values=[band.as_dict()],
            )


class SO4SubDepartmentMinimumStaff(MinimumStaffRule):
    """SO-4: a chi cục of a sở has at least 12 civil servants (itself and its departments).

    Regime of Decree 107/2020 (``so_sub_department_minimum_staff.yaml``).
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

    Regime of Decree 107/2020 (``so_sub_department_unit_minimum_staff.yaml``).
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

    Regime of Decree 107/2020 (``so_inspectorate_deputy_heads.yaml``).
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

    Regime of Decree 107/2020 (``so_sub_department_deputy_heads.yaml``); the count is the
    departments (and equivalents) directly under the chi cục.
    """

    id = "SO-7"
    title = Text("Số Phó Chi cục trưởng", "Deputy heads of a chi cục")
    agency_types = SO
    unit_classes = frozenset({UnitClass.SUB_DEPARTMENT})
    applies_to_text = SO4SubDepartmentMinimumStaff.applies_to_text
    parameters = ("so_sub_department_deputy_heads",)
    count_label = Text("phòng", "departments")

    def count(self, state: State, unit: Unit, categories: frozenset[Category]) -> int:
        return sum(1 for c in state.children(unit.id) if c.kind.unit_class is UnitClass.DEPARTMENT)


class SO8OfficeDeputies(DeputyLimitRule):
    """SO-8: the office (Văn phòng) of a sở counts as a department for SO-2.

    Regime of Decree 107/2020: the deputy heads of the office follow the limits of SO-2
    (``so_department_deputy_heads.yaml``).
    """

    id = "SO-8"
    title = Text(
        "Số Phó Chánh Văn phòng sở (như phòng thuộc sở)",
        "Deputy heads of the office of a sở (as a department)",
    )
    agency_types = SO
    unit_classes = frozenset({UnitClass.DEPARTMENT})
    applies_to_text = Text("Văn phòng sở", "the office of a sở")
    parameters = ("so_department_deputy_heads",)
    basis = (
        Citation(
            instrument="107/2020/NĐ-CP",
            issued_on=DECREE_107,
            title=(
                "Sửa đổi, bổ sung một số điều của Nghị định số 24/2014/NĐ-CP quy định tổ chức "
                "các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương"
            ),
            source=(
                "RULES.md SO-8; tphcm.dangcongsan.vn: số lượng phó chánh văn phòng sở thực hiện "
                "như phó trưởng phòng thuộc sở"
            ),
            rules_md="SO-8",
            confidence=Confidence.MEDIUM,
            verified=False,
        ),
    )

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
