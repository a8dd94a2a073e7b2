"""The units a restructuring concerns and the people counted in them."""

from __future__ import annotations

import datetime as dt

from tinhgon import law
from tinhgon.domain import Assignment, Category, Role, State, Unit, UnitClass
from tinhgon.planning.proposal import PlanningError

COUNTED = frozenset({Category.CADRE, Category.CIVIL_SERVANT})

# -- the units concerned -----------------------------------------------------------------------


def candidates(state: State, parent: str | None) -> tuple[Unit, list[Unit]]:
    """The parent (the agency's root by default) and its units that may be merged: its
    departments and equivalents, or, for a province, the agencies under it."""
    if parent is None:
        roots = state.roots()
        if len(roots) != 1:
            raise PlanningError(
                "cơ cấu có nhiều hơn một đơn vị gốc: chọn đơn vị cấp trên (--under)",
                "the structure has several roots: choose the parent unit (--under)",
            )
        top = roots[0]
    else:
        if parent not in state.units:
            raise PlanningError(
                f"không có đơn vị '{parent}' tại ngày này", f"no unit '{parent}' on that date"
            )
        top = state.units[parent]
    children = state.children(top.id)
    for unit_class in (UnitClass.DEPARTMENT, UnitClass.AGENCY):
        chosen = [u for u in children if u.kind.unit_class is unit_class]
        if chosen:
            return top, chosen
    raise PlanningError(
        f"'{top.name}' không có phòng hay cơ quan trực thuộc để sắp xếp",
        f"'{top.name}' has no department or agency under it to restructure",
    )


def leaders(state: State, unit_id: str, gone: frozenset[str] = frozenset()) -> list[Assignment]:
    return [
        a for a in state.members(unit_id) if a.role is not Role.STAFF and a.person_id not in gone
    ]


def members(state: State, unit_id: str, gone: frozenset[str]) -> list[Assignment]:
    return [a for a in state.members(unit_id) if a.person_id not in gone]


def counted(state: State, unit_id: str, gone: frozenset[str] = frozenset()) -> int:
    return sum(
        1 for a in members(state, unit_id, gone) if state.people[a.person_id].category in COUNTED
    )


def retirements_due(
    state: State, effective: dt.date, parameters: law.ParameterSet
) -> dict[str, law.Retirement]:
    """Everyone still in post whose retirement date (Decree 135/2020) is before the date."""
    due = {}
    for person_id in state.assignments:
        person = state.people[person_id]
        retirement = law.retirement_of(sex=person.sex, born=person.birth, parameters=parameters)
        if retirement.retires_on < effective:
            due[person_id] = retirement
    return due
