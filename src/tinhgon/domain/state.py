"""The organisation as it stands on one date, derived from the timeline, never stored.

``State`` is immutable. ``StateBuilder`` is the mutable form that changes are applied to while
the timeline is replayed; it keeps the indexes (members of a unit, its head, its children) that
make each change cost the same whatever the size of the organisation.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING

from tinhgon.domain.documents import DocumentKey
from tinhgon.domain.model import (
    Category,
    Label,
    LeaveReason,
    Person,
    QuotaKey,
    Role,
    Unit,
    UnitClass,
)

if TYPE_CHECKING:
    from tinhgon.domain.changes import Change

_CLASS_ORDER = {
    UnitClass.AGENCY: 0,
    UnitClass.DEPARTMENT: 1,
    UnitClass.SUB_DEPARTMENT: 2,
    UnitClass.DIVISION: 3,
    UnitClass.PUBLIC_SERVICE_UNIT: 4,
    UnitClass.LOCAL_GOVERNMENT: 5,
}


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where someone works: the unit, the role held there and since when."""

    person_id: str
    unit_id: str
    role: Role
    since: date


class EndKind(Label):
    """How a unit ended."""

    MERGED = "merged", "sáp nhập, hợp nhất", "merged"
    SPLIT = "split", "chia", "divided"
    DISSOLVED = "dissolved", "giải thể", "dissolved"


@dataclass(frozen=True, slots=True)
class UnitEnd:
    """A unit that no longer exists, how and when it ended, and its successors (lineage)."""

    unit: Unit
    on: date
    how: EndKind
    successors: tuple[str, ...]
    basis: DocumentKey | None


@dataclass(frozen=True, slots=True)
class Departure:
    """Someone who left the staff: when, why, and from which unit and role."""

    person_id: str
    on: date
    reason: LeaveReason
    unit_id: str
    role: Role


class State:
    """Cơ cấu tổ chức và nhân sự tại một ngày: units, staff, leaders and quotas on a date."""

    __slots__ = (
        "_children",
        "_members",
        "assignments",
        "departures",
        "ended",
        "on",
        "people",
        "quotas",
        "units",
    )

    def __init__(
        self,
        *,
        on: date | None,
        units: Mapping[str, Unit],
        ended: Mapping[str, UnitEnd],
        people: Mapping[str, Person],
        assignments: Mapping[str, Assignment],
        departures: Mapping[str, Departure],
        quotas: Mapping[QuotaKey, int],
    ) -> None:
        self.on = on
        self.units = MappingProxyType(dict(units))
        self.ended = MappingProxyType(dict(ended))
        self.people = MappingProxyType(dict(people))
        self.assignments = MappingProxyType(dict(assignments))
        self.departures = MappingProxyType(dict(departures))
        self.quotas = MappingProxyType(dict(quotas))
        self._children: dict[str | None, list[str]] | None = None
        self._members: dict[str, list[Assignment]] | None = None

    @classmethod
    def empty(cls, on: date | None = None) -> State:
        return cls(on=on, units={}, ended={}, people={}, assignments={}, departures={}, quotas={})

    def apply(self, change: Change) -> State:
        """The state with one more change applied (this one is left as it was).

        Replaying a timeline gives the same result as applying its changes one by one; the
        timeline does it in place, which is faster for many changes.
        """
        builder = StateBuilder(self)
        change.apply(builder)
        on = change.on if self.on is None else max(self.on, change.on)
        return builder.snapshot(on)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, State):
            return NotImplemented
        return (
            self.units == other.units
            and self.ended == other.ended
            and self.people == other.people
            and self.assignments == other.assignments
            and self.departures == other.departures
            and self.quotas == other.quotas
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<State on={self.on} units={len(self.units)} staff={len(self.assignments)}>"

    # -- structure -------------------------------------------------------------------------

    def _child_index(self) -> dict[str | None, list[str]]:
        """Children of each unit: by class (departments before public service units), then in
        the order they came into being."""
        if self._children is None:
            index: dict[str | None, list[str]] = {}
            for unit in self.units.values():
                index.setdefault(unit.parent_id, []).append(unit.id)
            for ids in index.values():
                ids.sort(key=lambda i: _CLASS_ORDER[self.units[i].kind.unit_class])
            self._children = index
        return self._children

    def roots(self) -> tuple[Unit, ...]:
        return tuple(self.units[i] for i in self._child_index().get(None, ()))

    def children(self, unit_id: str) -> tuple[Unit, ...]:
        return tuple(self.units[i] for i in self._child_index().get(unit_id, ()))

    def walk(self, unit_id: str | None = None) -> Iterator[tuple[int, Unit]]:
        """Units in tree order with their depth (0 for a root), from one unit or from the roots."""
        stack: list[tuple[int, str]]
        if unit_id is None:
            stack = [(0, u.id) for u in reversed(self.roots())]
        else:
            stack = [(0, unit_id)]
        index = self._child_index()
        while stack:
            depth, current = stack.pop()
            yield depth, self.units[current]
            stack.extend((depth + 1, c) for c in reversed(index.get(current, ())))

    def ancestors(self, unit_id: str) -> tuple[Unit, ...]:
        """The chain of parents from the unit's parent up to its root."""
        chain: list[Unit] = []
        parent = self.units[unit_id].parent_id
        while parent is not None:
            chain.append(self.units[parent])
            parent = self.units[parent].parent_id
        return tuple(chain)

    def units_of_class(self, unit_class: UnitClass) -> tuple[Unit, ...]:
        return tuple(u for u in self.units.values() if u.kind.unit_class is unit_class)

    # -- people ----------------------------------------------------------------------------

    def _member_index(self) -> dict[str, list[Assignment]]:
        if self._members is None:
            index: dict[str, list[Assignment]] = {}
            for assignment in self.assignments.values():
                index.setdefault(assignment.unit_id, []).append(assignment)
            self._members = index
        return self._members

    def members(self, unit_id: str) -> tuple[Assignment, ...]:
        """Everyone whose post is in this unit (not in its sub-units)."""
        return tuple(self._member_index().get(unit_id, ()))

    def head(self, unit_id: str) -> Assignment | None:
        for a in self._member_index().get(unit_id, ()):
            if a.role is Role.HEAD:
                return a
        return None

    def deputies(self, unit_id: str) -> tuple[Assignment, ...]:
        return tuple(a for a in self._member_index().get(unit_id, ()) if a.role is Role.DEPUTY)

    def headcount(self, unit_id: str, *, recursive: bool = False) -> int:
        if not recursive:
            return len(self._member_index().get(unit_id, ()))
        return sum(len(self._member_index().get(u.id, ())) for _, u in self.walk(unit_id))

    def headcount_by_category(self, unit_id: str, *, recursive: bool = True) -> dict[Category, int]:
        counts: dict[Category, int] = {}
        units = [u.id for _, u in self.walk(unit_id)] if recursive else [unit_id]
        for uid in units:
            for a in self._member_index().get(uid, ()):
                category = self.people[a.person_id].category
                counts[category] = counts.get(category, 0) + 1
        return counts

    def quota(self, unit_id: str, category: Category, year: int) -> int | None:
        return self.quotas.get(QuotaKey(unit_id, category, year))


class StateBuilder:
    """The mutable state the timeline replays changes into; primitives only, no validation.

    Validation belongs to the changes (``tinhgon.domain.changes``), which check what they need
    against the builder's indexes before they call its primitives.
    """

    def __init__(self, state: State | None = None) -> None:
        self.units: dict[str, Unit] = {}
        self.ended: dict[str, UnitEnd] = {}
        self.people: dict[str, Person] = {}
        self.assignments: dict[str, Assignment] = {}
        self.departures: dict[str, Departure] = {}
        self.quotas: dict[QuotaKey, int] = {}
        self._children: dict[str | None, dict[str, None]] = {}
        self._members: dict[str, dict[str, None]] = {}
        self._heads: dict[str, str] = {}
        if state is not None:
            self._load(state)

    def _load(self, state: State) -> None:
        """Start from a state (the timeline's snapshots): bulk copies, indexes in one pass."""
        self.units = dict(state.units)
        children = self._children
        for unit in self.units.values():
            siblings = children.get(unit.parent_id)
            if siblings is None:
                siblings = children[unit.parent_id] = {}
            siblings[unit.id] = None
        self.ended = dict(state.ended)
        self.people = dict(state.people)
        self.assignments = dict(state.assignments)
        self.departures = dict(state.departures)
        self.quotas = dict(state.quotas)
        members, heads, head = self._members, self._heads, Role.HEAD
        for assignment in self.assignments.values():
            group = members.get(assignment.unit_id)
            if group is None:
                group = members[assignment.unit_id] = {}
            group[assignment.person_id] = None
            if assignment.role is head:
                heads[assignment.unit_id] = assignment.person_id

    def snapshot(self, on: date | None) -> State:
        return State(
            on=on,
            units=self.units,
            ended=self.ended,
            people=self.people,
            assignments=self.assignments,
            departures=self.departures,
            quotas=self.quotas,
        )

    # -- queries ---------------------------------------------------------------------------

    def known_unit_id(self, unit_id: str) -> bool:
        """Whether the id was ever used (unit ids are never reused: lineage depends on it)."""
        return unit_id in self.units or unit_id in self.ended

    def children(self, unit_id: str) -> list[str]:
        return list(self._children.get(unit_id, ()))

    def members(self, unit_id: str) -> list[str]:
        return list(self._members.get(unit_id, ()))

    def head(self, unit_id: str) -> str | None:
        return self._heads.get(unit_id)

    def is_ancestor(self, ancestor_id: str, unit_id: str) -> bool:
        """Whether ``ancestor_id`` is the unit or one of its parents (stops on a loop)."""
        current: str | None = unit_id
        seen: set[str] = set()
        while current is not None and current not in seen:
            if current == ancestor_id:
                return True
            seen.add(current)
            unit = self.units.get(current)
            current = unit.parent_id if unit is not None else None
        return False

    # -- primitives ------------------------------------------------------------------------

    def add_unit(self, unit: Unit) -> None:
        self.units[unit.id] = unit
        self._children.setdefault(unit.parent_id, {})[unit.id] = None

    def update_unit(self, unit: Unit) -> None:
        old = self.units[unit.id]
        if old.parent_id != unit.parent_id:
            del self._children[old.parent_id][unit.id]
            self._children.setdefault(unit.parent_id, {})[unit.id] = None
        self.units[unit.id] = unit

    def end_unit(
        self,
        unit_id: str,
        *,
        on: date,
        how: EndKind,
        successors: tuple[str, ...],
        basis: DocumentKey | None,
    ) -> None:
        unit = self.units.pop(unit_id)
        del self._children[unit.parent_id][unit_id]
        self._children.pop(unit_id, None)
        self._members.pop(unit_id, None)
        self._heads.pop(unit_id, None)
        self.ended[unit_id] = UnitEnd(unit, on, how, successors, basis)

    def reparent_children(self, unit_id: str, new_parent_id: str) -> None:
        for child_id in self.children(unit_id):
            self.update_unit(replace(self.units[child_id], parent_id=new_parent_id))

    def _place(self, assignment: Assignment) -> None:
        self.assignments[assignment.person_id] = assignment
        self._members.setdefault(assignment.unit_id, {})[assignment.person_id] = None
        if assignment.role is Role.HEAD:
            self._heads[assignment.unit_id] = assignment.person_id

    def assign(self, person_id: str, unit_id: str, role: Role, since: date) -> None:
        """Put someone on the staff at a unit and role, leaving any post they held."""
        if person_id in self.assignments:
            self.unassign(person_id)
        self.departures.pop(person_id, None)
        self._place(Assignment(person_id, unit_id, role, since))

    def register(self, person: Person) -> None:
        self.people[person.id] = person

    def unassign(self, person_id: str) -> Assignment:
        assignment = self.assignments.pop(person_id)
        members = self._members.get(assignment.unit_id)
        if members is not None:
            members.pop(person_id, None)
        if self._heads.get(assignment.unit_id) == person_id:
            del self._heads[assignment.unit_id]
        return assignment

    def depart(self, person_id: str, on: date, reason: LeaveReason) -> None:
        old = self.unassign(person_id)
        self.departures[person_id] = Departure(person_id, on, reason, old.unit_id, old.role)

    def set_quota(self, key: QuotaKey, value: int) -> None:
        self.quotas[key] = value
