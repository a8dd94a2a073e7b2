"""Agencies inside one history: a province (or the country) holding many agencies.

An agency inside a history is a unit with an ``agency_type`` (which body of law applies): a
sở, a board, a public service unit of the province, a commune People's Committee. Every
question asked of an agency can be asked of any agency inside the history: ``scope`` gives the
state of one agency as if it were a history of its own (the agency at the root), and
``split_by_agency`` gives every agency's own state in one pass over the whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from tinhgon.domain.errors import TinhgonError
from tinhgon.domain.model import QuotaKey, Unit
from tinhgon.domain.state import Assignment, State, StateBuilder

if TYPE_CHECKING:
    from tinhgon.domain.changes import Change


class UnknownAgency(TinhgonError):
    """An agency id that names no agency of the history (on the date asked)."""


def agency_units(state: State) -> tuple[Unit, ...]:
    """The agencies inside the state (units with an agency type), in tree order."""
    return tuple(u for _, u in state.walk() if u.agency_type is not None)


def agency_of(state: State, unit_id: str) -> Unit | None:
    """The nearest agency a unit belongs to (the unit itself when it is one)."""
    current: str | None = unit_id
    while current is not None:
        unit = state.units[current]
        if unit.agency_type is not None:
            return unit
        current = unit.parent_id
    return None


def _restrict(state: State, unit_ids: set[str], root_id: str) -> State:
    """The part of the state made of ``unit_ids`` (``root_id`` becomes a root)."""
    units = {
        uid: (replace(state.units[uid], parent_id=None) if uid == root_id else state.units[uid])
        for uid in unit_ids
    }
    ended = {
        uid: end
        for uid, end in state.ended.items()
        if end.unit.parent_id in unit_ids or any(s in unit_ids for s in end.successors)
    }
    known = unit_ids | set(ended)
    assignments = {p: a for p, a in state.assignments.items() if a.unit_id in unit_ids}
    departures = {p: d for p, d in state.departures.items() if d.unit_id in known}
    people = {p: state.people[p] for p in (*assignments, *departures) if p in state.people}
    quotas = {k: v for k, v in state.quotas.items() if k.unit_id in unit_ids}
    return State(
        on=state.on,
        units=units,
        ended=ended,
        people=people,
        assignments=assignments,
        departures=departures,
        quotas=quotas,
    )


def scope(state: State, agency_id: str) -> State:
    """The state of one agency inside the history: its unit and everything under it."""
    if agency_id not in state.units:
        on = f" ngày {state.on:%d/%m/%Y}" if state.on else ""
        on_en = f" on {state.on.isoformat()}" if state.on else ""
        if agency_id in state.ended:
            end = state.ended[agency_id]
            raise UnknownAgency(
                f"cơ quan '{agency_id}' ({end.unit.name}) đã chấm dứt ngày {end.on:%d/%m/%Y}",
                f"agency '{agency_id}' ({end.unit.name}) ended on {end.on.isoformat()}",
            )
        raise UnknownAgency(
            f"không có cơ quan '{agency_id}' trong lịch sử{on}",
            f"no agency '{agency_id}' in the history{on_en}",
        )
    ids = {u.id for _, u in state.walk(agency_id)}
    return _restrict(state, ids, agency_id)


def split_by_agency(state: State) -> dict[str, State]:
    """Every agency's own state (its units, not those of an agency nested inside it), computed
    in one pass over the whole: what a province page shows for each of its agencies."""
    owned: dict[str, list[str]] = {}  # in tree order: the same order on every run
    owner: dict[str, str | None] = {}
    for _, unit in state.walk():
        if unit.agency_type is not None:
            owner[unit.id] = unit.id
            owned[unit.id] = [unit.id]
            continue
        parent_owner = owner.get(unit.parent_id) if unit.parent_id is not None else None
        owner[unit.id] = parent_owner
        if parent_owner is not None:
            owned[parent_owner].append(unit.id)
    if not owned:
        return {}
    by_unit: dict[str, str] = {uid: a for uid, a in owner.items() if a is not None}
    assignments: dict[str, dict[str, Assignment]] = {a: {} for a in owned}
    for person_id, assignment in state.assignments.items():
        agency = by_unit.get(assignment.unit_id)
        if agency is not None:
            assignments[agency][person_id] = assignment
    quotas: dict[str, dict[QuotaKey, int]] = {a: {} for a in owned}
    for key, value in state.quotas.items():
        agency = by_unit.get(key.unit_id)
        if agency is not None:
            quotas[agency][key] = value
    result: dict[str, State] = {}
    for agency_id, unit_ids in owned.items():
        mine = assignments[agency_id]
        units = {
            uid: (
                replace(state.units[uid], parent_id=None) if uid == agency_id else state.units[uid]
            )
            for uid in unit_ids
        }
        result[agency_id] = State(
            on=state.on,
            units=units,
            ended={},
            people={p: state.people[p] for p in mine},
            assignments=mine,
            departures={},
            quotas=quotas[agency_id],
        )
    return result


# Changes that move the people of the units they name (a merger, a division…).
_TAKES_PEOPLE_ALONG = frozenset({"merge", "split", "dissolve", "reorganise"})


def footprint(changes: Sequence[Change], agency_id: str) -> tuple[frozenset[int], frozenset[str]]:
    """What of a history concerns one agency: the positions of the changes that name one of
    its units or people (judged just before and just after each change: a transfer into the
    agency and out of it both concern it), and everyone who was ever on its staff. One replay.
    """
    builder = StateBuilder()
    found: set[int] = set()
    people: set[str] = set()

    def inside(unit_id: str | None) -> bool:
        return unit_id is not None and builder.is_ancestor(agency_id, unit_id)

    def staff_inside(change: Change) -> list[str]:
        named = [*change.person_ids()]
        if change.kind in _TAKES_PEOPLE_ALONG:  # with their sub-units' people
            stack = [u for u in change.unit_ids() if u in builder.units]
            while stack:
                unit_id = stack.pop()
                named.extend(builder.members(unit_id))
                stack.extend(builder.children(unit_id))
        return [
            p for p in named if p in builder.assignments and inside(builder.assignments[p].unit_id)
        ]

    for index, change in enumerate(changes):
        hit = any(inside(u) for u in change.unit_ids() if u in builder.units)
        before = staff_inside(change)
        change.apply(builder)
        after = staff_inside(change)
        hit = hit or bool(before) or bool(after) or any(inside(u) for u in change.unit_ids())
        if not hit:
            ended = [builder.ended[u] for u in change.unit_ids() if u in builder.ended]
            hit = any(inside(s) for end in ended for s in end.successors)
        if hit:
            found.add(index)
            people.update(before, after)
    return frozenset(found), frozenset(people)
