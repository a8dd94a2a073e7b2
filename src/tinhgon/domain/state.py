"""The organisation as it stands on one date, derived from the timeline, never stored.

``State`` is immutable. ``StateBuilder`` is the mutable form that changes are applied to while
the timeline is replayed; it keeps the indexes (members of a unit, its head, its children) that
make each change cost the same whatever the size of the organisation.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date
from operator import attrgetter
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


class _Index:
    """A state's indexes (children of each unit, members of each unit), worked out on first
    use and shared by the states that hold the very same mappings."""

    __slots__ = ("children", "counts", "members", "order", "quotas")

    def __init__(self) -> None:
        self.children: dict[str | None, list[str]] | None = None
        self.members: dict[str, list[Assignment]] | None = None
        self.counts: dict[str, dict[Category, int]] | None = None
        self.order: tuple[Unit, ...] | None = None
        self.quotas: dict[tuple[str, int], list[tuple[Category, int]]] | None = None


class State:
    """Cơ cấu tổ chức và nhân sự tại một ngày: units, staff, leaders and quotas on a date."""

    __slots__ = (
        "_index",
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
        self._index = _Index()

    def _sharing(self, on: date | None) -> State:
        """The same state on another date (nothing copied): the mappings are read-only and the
        indexes, worked out at most once, are shared."""
        twin = State.__new__(State)
        twin.on = on
        twin.units, twin.ended, twin.people = self.units, self.ended, self.people
        twin.assignments, twin.departures, twin.quotas = (
            self.assignments,
            self.departures,
            self.quotas,
        )
        twin._index = self._index
        return twin

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
        if self._index.children is None:
            index: dict[str | None, list[str]] = {}
            for unit in self.units.values():
                index.setdefault(unit.parent_id, []).append(unit.id)
            for ids in index.values():
                ids.sort(key=lambda i: _CLASS_ORDER[self.units[i].kind.unit_class])
            self._index.children = index
        return self._index.children

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

    def tree_order(self) -> tuple[Unit, ...]:
        """Every unit in tree order (``walk`` from the roots, without the depths), kept."""
        if self._index.order is None:
            self._index.order = tuple(u for _, u in self.walk())
        return self._index.order

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
        if self._index.members is None:
            index: dict[str, list[Assignment]] = {}
            for assignment in self.assignments.values():
                index.setdefault(assignment.unit_id, []).append(assignment)
            self._index.members = index
        return self._index.members

    def category_counts(self) -> Mapping[str, Mapping[Category, int]]:
        """People in post in each unit itself (not its sub-units), by category (worked out once
        for the state; do not change what it gives back)."""
        counts = self._index.counts
        if counts is None:
            # Counted by C loops (zip, map, Counter): 50,000 people in a few milliseconds. The
            # categories by identity: an enum member's own hash is a Python call.
            categories = {id(c): c for c in Category}
            people = map(self.people.__getitem__, self.assignments)  # keyed by person id
            pairs = Counter(
                zip(
                    map(attrgetter("unit_id"), self.assignments.values()),
                    map(id, map(attrgetter("category"), people)),
                    strict=True,
                )
            )
            counts = {}
            for (unit_id, which), count in pairs.items():
                group = counts.get(unit_id)
                if group is None:
                    group = counts[unit_id] = {}
                group[categories[which]] = count
            self._index.counts = counts
        return counts

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
        """``quotas[QuotaKey(unit_id, category, year)]`` if there is one (through an index by
        unit and year, kept: hashing a ``QuotaKey`` hashes an enum, a Python call)."""
        index = self._index.quotas
        if index is None:
            index = {}
            for key, value in self.quotas.items():
                index.setdefault((key.unit_id, key.year), []).append((key.category, value))
            self._index.quotas = index
        for which, value in index.get((unit_id, year), ()):
            if which is category:
                return value
        return None


class StateBuilder:
    """The mutable state the timeline replays changes into; primitives only, no validation.

    Validation belongs to the changes (``tinhgon.domain.changes``), which check what they need
    against the builder's indexes before they call its primitives.

    Started from a state (a timeline's snapshot), the builder copies its mappings (cheap) but
    not its indexes: the children of each unit are indexed on first use, and the members of a
    unit are taken from the state's own (shared) index the first time that unit is read or
    changed. A builder nothing was applied to gives back the state it started from (shared).
    """

    def __init__(self, state: State | None = None) -> None:
        self.units: dict[str, Unit] = {}
        self.ended: dict[str, UnitEnd] = {}
        self.people: dict[str, Person] = {}
        self.assignments: dict[str, Assignment] = {}
        self.departures: dict[str, Departure] = {}
        self.quotas: dict[QuotaKey, int] = {}
        self._children: dict[str | None, dict[str, None]] | None = {}
        self._members: dict[str, dict[str, None]] = {}
        self._heads: dict[str, str] = {}
        # The state started from while nothing has been applied (then ``snapshot`` shares it),
        # and the members index of the state started from, for the units not yet copied.
        self._base: State | None = None
        self._base_members: dict[str, list[Assignment]] | None = None
        self._taken: set[str] = set()
        if state is not None:
            self._load(state)

    def _load(self, state: State) -> None:
        """Start from a state (the timeline's snapshots): bulk copies, indexes left for later."""
        self.units = state.units.copy()
        self.ended = state.ended.copy()
        self.people = state.people.copy()
        self.assignments = state.assignments.copy()
        self.departures = state.departures.copy()
        self.quotas = state.quotas.copy()
        self._children = None
        self._base = state
        self._base_members = state._member_index()

    def _child_map(self) -> dict[str | None, dict[str, None]]:
        children = self._children
        if children is None:
            children = self._children = {}
            for unit in self.units.values():
                siblings = children.get(unit.parent_id)
                if siblings is None:
                    siblings = children[unit.parent_id] = {}
                siblings[unit.id] = None
        return children

    def _group(self, unit_id: str) -> dict[str, None]:
        """The members of a unit (person ids in the order they were placed), copied from the
        state started from on first use."""
        group = self._members.get(unit_id)
        if group is None:
            group = self._members[unit_id] = {}
            base = self._base_members
            if base is not None and unit_id not in self._taken:
                self._taken.add(unit_id)
                for assignment in base.get(unit_id, ()):
                    group[assignment.person_id] = None
                    if assignment.role is Role.HEAD:
                        self._heads[unit_id] = assignment.person_id
        return group

    def snapshot(self, on: date | None) -> State:
        if self._base is not None:  # nothing applied: the state started from, shared
            return self._base._sharing(on)
        state = State(
            on=on,
            units=self.units,
            ended=self.ended,
            people=self.people,
            assignments=self.assignments,
            departures=self.departures,
            quotas=self.quotas,
        )
        return state

    # -- queries ---------------------------------------------------------------------------

    def known_unit_id(self, unit_id: str) -> bool:
        """Whether the id was ever used (unit ids are never reused: lineage depends on it)."""
        return unit_id in self.units or unit_id in self.ended

    def children(self, unit_id: str) -> list[str]:
        return list(self._child_map().get(unit_id, ()))

    def members(self, unit_id: str) -> list[str]:
        return list(self._group(unit_id))

    def head(self, unit_id: str) -> str | None:
        self._group(unit_id)
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
        self._base = None
        self.units[unit.id] = unit
        if self._children is not None:
            self._children.setdefault(unit.parent_id, {})[unit.id] = None

    def update_unit(self, unit: Unit) -> None:
        self._base = None
        old = self.units[unit.id]
        if old.parent_id != unit.parent_id and self._children is not None:
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
        self._base = None
        unit = self.units.pop(unit_id)
        if self._children is not None:
            del self._children[unit.parent_id][unit_id]
            self._children.pop(unit_id, None)
        self._taken.add(unit_id)
        self._members.pop(unit_id, None)
        self._heads.pop(unit_id, None)
        self.ended[unit_id] = UnitEnd(unit, on, how, successors, basis)

    def reparent_children(self, unit_id: str, new_parent_id: str) -> None:
        for child_id in self.children(unit_id):
            self.update_unit(replace(self.units[child_id], parent_id=new_parent_id))

    def _place(self, assignment: Assignment) -> None:
        self._base = None
        self.assignments[assignment.person_id] = assignment
        self._group(assignment.unit_id)[assignment.person_id] = None
        if assignment.role is Role.HEAD:
            self._heads[assignment.unit_id] = assignment.person_id

    def assign(self, person_id: str, unit_id: str, role: Role, since: date) -> None:
        """Put someone on the staff at a unit and role, leaving any post they held."""
        if person_id in self.assignments:
            self.unassign(person_id)
        self.departures.pop(person_id, None)
        self._place(Assignment(person_id, unit_id, role, since))

    def register(self, person: Person) -> None:
        self._base = None
        self.people[person.id] = person

    def unassign(self, person_id: str) -> Assignment:
        self._base = None
        assignment = self.assignments.pop(person_id)
        self._group(assignment.unit_id).pop(person_id, None)
        if self._heads.get(assignment.unit_id) == person_id:
            del self._heads[assignment.unit_id]
        return assignment

    def depart(self, person_id: str, on: date, reason: LeaveReason) -> None:
        self._base = None
        old = self.unassign(person_id)
        self.departures[person_id] = Departure(person_id, on, reason, old.unit_id, old.role)

    def set_quota(self, key: QuotaKey, value: int) -> None:
        self._base = None
        self.quotas[key] = value
