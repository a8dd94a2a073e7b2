"""The staff list of a province-sized agency: everyone sorted by Vietnamese name once per
write, the ids on the staff of a date in that order, the filters on plain values, the rows
worked out for the page shown only. Importable from ``tinhgon.web.page_data`` as before."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tinhgon.domain import Project, State
from tinhgon.domain.vietnamese import fold, name_sort_key
from tinhgon.law import age_on
from tinhgon.web import repository
from tinhgon.web.page_data import state_at
from tinhgon.web.selectors import StaffRow, _retirement, staff_filter


def _people_order(agency: Any) -> dict[str, Any]:
    """Everyone the project knows, in Vietnamese name order, and their folded names (these do
    not depend on the date: worked out once per write)."""

    def compute(project: Project) -> dict[str, Any]:
        people = project.people
        order = sorted(people, key=lambda pid: name_sort_key(people[pid].full_name))
        folded = {pid: fold(people[pid].full_name) for pid in order}
        # what the search looks in: the folded name, and the national ID for those who may see
        # it (a NUL between them: a query never holds one, Django's forms refuse it)
        searched = {
            pid: f"{name}\x00{people[pid].national_id or ''}" for pid, name in folded.items()
        }
        return {"order": order, "folded": folded, "searched": searched}

    return repository.memo(agency, ("people-order",), compute)


def staff_row(state: State, person_id: str) -> StaffRow:
    """The row of the staff list of one person on the state's date."""
    from tinhgon.domain import Role

    assert state.on is not None
    assignment = state.assignments[person_id]
    person = state.people[person_id]
    unit = state.units[assignment.unit_id]
    title = unit.kind.post(assignment.role, unit.name) if assignment.role is not Role.STAFF else ""
    return StaffRow(
        person_id=person.id,
        name=person.full_name,
        unit_id=unit.id,
        unit_name=unit.name,
        role=assignment.role,
        title=title,
        category=person.category,
        rank=person.rank.name if person.rank else "",
        birth=str(person.birth),
        age_years=age_on(person.birth, state.on).years,
        sex=person.sex.vi,
        retires_on=_retirement(person.sex, person.birth).retires_on,
        national_id=person.national_id or "",
    )


def staff_ids(*, agency: Any, on: dt.date) -> list[str]:
    """The people on the staff on a date, in Vietnamese name order."""

    def compute(project: Project) -> list[str]:
        assignments = state_at(agency=agency, on=on).assignments
        return list(filter(assignments.__contains__, _people_order(agency)["order"]))

    return repository.memo(agency, ("staff-ids", on), compute)


def staff_select(
    *,
    agency: Any,
    state: State,
    ids: list[str],
    personal: bool,
    q: str = "",
    unit: str = "",
    category: str = "",
    rank: str = "",
    age_band: str = "",
    retiring_within: int | None = None,
    mask: Any = None,
) -> list[str]:
    """The ids the filters keep, in the same order, with the same meaning as
    ``selectors.staff_filter`` on every row (a hidden personal ID is never searched)."""
    assert state.on is not None
    needle = fold(q)
    known = _people_order(agency)
    if needle:  # one look a person: the folded name, with the national ID when it may be seen
        texts = known["searched"] if personal else known["folded"]
        ids = [pid for pid in ids if needle in texts[pid]]
    units: set[str] | None = None
    if unit and unit in state.units:
        units = {u.id for _, u in state.walk(unit)}
    people, assignments = state.people, state.assignments
    kept = [] if units is not None or category else list(ids)
    for pid in ids if units is not None or category else ():
        if units is not None and assignments[pid].unit_id not in units:
            continue
        if category and people[pid].category.value != category:
            continue
        kept.append(pid)
    if rank or age_band or retiring_within is not None:  # worked out on the rows left
        rows = [staff_row(state, pid) for pid in kept]
        if mask is not None:
            rows = [mask(r) for r in rows]
        rows = staff_filter(
            rows, on=state.on, rank=rank, age_band=age_band, retiring_within=retiring_within
        )
        kept = [r.person_id for r in rows]
    return kept
