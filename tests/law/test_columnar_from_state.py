"""``ColumnarState.from_state`` takes each person's own columns from the table of the last state
built, by identity of the ``Person`` objects (issue 14, aim 4: a new date of a 50,000-person
agency). Successive states of one history — people moved, replaced by another ``Person`` with
other facts, hired, gone — must give exactly the columns of a build from nothing (the previous
implementation, kept here as the reference), and the object check's report."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.law.test_columnar import PARAMETERS, cases
from tinhgon.domain import (
    Agency,
    BirthDate,
    Category,
    EndKind,
    QuotaKey,
    Role,
    Sex,
    State,
    StateBuilder,
)
from tinhgon.law import RULES
from tinhgon.law.columnar import ColumnarState, run_columnar
from tinhgon.law.columnar import table as columnar_table
from tinhgon.law.columnar.state import CATEGORIES, NONE, ROLES, SEXES
from tinhgon.law.engine import run

COLUMNS = (
    "parent",
    "unit_class",
    "person_unit",
    "role",
    "category",
    "sex",
    "birth_year",
    "birth_month",
    "birth_day",
    "hazardous",
    "difficult",
    "loss",
)


def reference(state: State) -> dict[str, Any]:
    """The columns as the first implementation built them: one generator walk per column."""
    units = list(state.units.values())
    assignments = list(state.assignments.values())
    persons = [state.people[a.person_id] for a in assignments]
    index = {u.id: i for i, u in enumerate(units)}

    def ints(values: Any) -> Any:
        return np.array(list(values), dtype=np.int64)

    def opt(values: Any) -> Any:
        return ints(NONE if v is None else v for v in values)

    from tinhgon.law.columnar.state import CLASSES

    return {
        "ids": [a.person_id for a in assignments],
        "names": [p.full_name for p in persons],
        "persons": persons,
        "parent": ints(index.get(u.parent_id, -1) if u.parent_id else -1 for u in units),
        "unit_class": ints(CLASSES.index(u.kind.unit_class) for u in units),
        "person_unit": ints(index[a.unit_id] for a in assignments),
        "role": ints(ROLES.index(a.role) for a in assignments),
        "category": ints(CATEGORIES.index(p.category) for p in persons),
        "sex": ints(SEXES.index(p.sex) for p in persons),
        "birth_year": ints(p.birth.year for p in persons),
        "birth_month": opt(p.birth.month for p in persons),
        "birth_day": opt(p.birth.day for p in persons),
        "hazardous": opt(p.hazardous_work_years for p in persons),
        "difficult": opt(p.difficult_area_years for p in persons),
        "loss": opt(p.work_capacity_loss for p in persons),
    }


def same_columns(columns: ColumnarState, state: State) -> None:
    expected = reference(state)
    assert columns.person_ids == expected["ids"]
    assert list(columns.full_names) == expected["names"]
    for name in COLUMNS:
        assert np.array_equal(getattr(columns, name), expected[name]), name
        assert getattr(columns, name).dtype == np.int64, name
    for i, person in enumerate(expected["persons"]):
        assert columns.person(i) is person
        assert columns.assignment(i) is state.assignments[person.id]
    assert columns.quotas == dict(state.quotas)


@st.composite
def edits(draw: Any, state: State) -> list[tuple[str, str, Any]]:
    """Some changes to make to a state: moves, people replaced with other facts, leavers."""
    people = sorted(state.assignments)
    units = sorted(state.units)
    out: list[tuple[str, str, Any]] = []
    for pid in draw(st.lists(st.sampled_from(people), max_size=6)) if people else []:
        what = draw(st.sampled_from(("move", "replace", "leave", "rehire", "hire")))
        if what == "move":
            out.append((what, pid, draw(st.sampled_from(units))))
        elif what == "replace":
            out.append(
                (
                    what,
                    pid,
                    {
                        "category": draw(st.sampled_from(tuple(Category))),
                        "sex": draw(st.sampled_from(tuple(Sex))),
                        "birth": BirthDate(draw(st.integers(1960, 2000)), None, None),
                        "work_capacity_loss": draw(st.sampled_from((None, 0, 61))),
                    },
                )
            )
        else:
            out.append((what, pid, None))
    # the units changed too: a unit's place then moves (one ended before others, one added)
    # or the same place holds another ``Unit`` object (renamed, given a role change with it)
    leaves = [
        u for u in units if u != "root" and not any(v.parent_id == u for v in state.units.values())
    ]
    for uid in draw(st.lists(st.sampled_from(leaves), max_size=2)) if leaves else []:
        what = draw(st.sampled_from(("rename", "end", "split", "promote")))
        out.append((what, uid, draw(st.sampled_from(people)) if people else None))
    # a quota given or changed (the units each rule checks can change with them)
    for uid in draw(st.lists(st.sampled_from(units), max_size=2)):
        out.append(("quota", uid, draw(st.sampled_from((0, 5, 500)))))
    return out


def edited(state: State, changes: list[tuple[str, str, Any]], on: dt.date) -> State:
    b = StateBuilder(state)
    gone: dict[str, Any] = {}
    for what, pid, value in changes:
        if what == "move" and pid in b.assignments:
            b.assign(pid, value, Role.STAFF, on)
        elif what == "replace" and pid in b.people:
            b.register(dataclasses.replace(b.people[pid], **value))
        elif what == "leave" and pid in b.assignments:
            gone[pid] = b.unassign(pid)
        elif what == "rehire" and pid in gone:  # back, as another (equal) Person object
            b.register(dataclasses.replace(b.people[pid]))
            b.assign(pid, gone.pop(pid).unit_id, Role.STAFF, on)
        elif what == "hire" and pid in b.people:  # someone new (the people keyed otherwise)
            b.register(dataclasses.replace(b.people[pid], id=pid + "n", full_name="Người mới"))
            b.assign(
                pid + "n",
                b.assignments[pid].unit_id if pid in b.assignments else "root",
                Role.STAFF,
                on,
            )
        elif what == "rename" and pid in b.units:
            b.update_unit(dataclasses.replace(b.units[pid], name=b.units[pid].name + " mới"))
        elif what == "end" and pid in b.units and not b.children(pid):
            for member in b.members(pid):
                gone[member] = b.unassign(member)
            b.end_unit(pid, on=on, how=EndKind.DISSOLVED, successors=(), basis=None)
        elif what == "split" and pid in b.units:  # a new unit, someone moved into it
            b.add_unit(dataclasses.replace(b.units[pid], id=pid + "b", name="Mới"))
            if value in b.assignments:
                b.assign(value, pid + "b", Role.STAFF, on)
        elif what == "promote" and value in b.assignments:  # the same unit, another role
            b.assign(value, b.assignments[value].unit_id, Role.DEPUTY, on)
        elif what == "quota" and pid in b.units:
            b.set_quota(QuotaKey(pid, Category.CIVIL_SERVANT, on.year), value)
    return b.snapshot(on)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases(), st.data())
def test_the_columns_of_successive_states_are_those_built_from_nothing(
    case: tuple[State, dt.date, Agency, frozenset[str]], data: st.DataObject
) -> None:
    state, on, agency, planned = case
    columnar_table.forget()
    states = [state]
    for step in range(data.draw(st.integers(1, 3))):
        # the next day, or a later year: what depends on the units, quotas and year is shared
        # only by states that have the same ones
        later = on + dt.timedelta(days=data.draw(st.sampled_from((step, 200 * (step + 1)))))
        states.append(edited(states[-1], data.draw(edits(states[-1])), later))
    order = data.draw(st.permutations(range(len(states))))  # dates asked in any order
    for i in [*order, *order]:  # and again: the same people table found whole
        columns = ColumnarState.from_state(states[i])
        same_columns(columns, states[i])
        current = states[i]
        expected = run(RULES, current, current.on, agency, PARAMETERS, planned)  # type: ignore[arg-type]
        got = run_columnar(RULES, columns, current.on, agency, PARAMETERS, planned)  # type: ignore[arg-type]
        assert got == expected


def test_a_person_replaced_by_an_equal_id_is_read_again() -> None:
    """Same id, another ``Person`` object with other facts: their columns are read anew."""
    from tests.builders import person
    from tinhgon.domain import BUILTIN_KINDS, Unit

    b = StateBuilder()
    b.add_unit(Unit("u", "Phòng", BUILTIN_KINDS["department"], None))
    for i in range(10):
        b.register(person(f"p{i}"))
        b.assign(f"p{i}", "u", Role.STAFF, dt.date(2020, 1, 1))
    first = b.snapshot(dt.date(2020, 1, 1))
    columnar_table.forget()
    same_columns(ColumnarState.from_state(first), first)
    again = StateBuilder(first)
    again.register(
        dataclasses.replace(
            first.people["p3"], category=Category.PUBLIC_EMPLOYEE, birth=BirthDate(1970)
        )
    )
    second = again.snapshot(dt.date(2020, 2, 1))
    columns = ColumnarState.from_state(second)
    same_columns(columns, second)
    assert columns.category[3] == CATEGORIES.index(Category.PUBLIC_EMPLOYEE)
