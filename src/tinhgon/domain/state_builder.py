"""The mutable state the timeline replays changes into (``StateBuilder``); importable from
``tinhgon.domain.state`` as before."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from types import MappingProxyType
from typing import TypeVar, cast

from tinhgon.domain.documents import DocumentKey
from tinhgon.domain.model import Category, LeaveReason, Person, QuotaKey, Role, Unit, reaches
from tinhgon.domain.state import Assignment, Departure, EndKind, State, UnitEnd
from tinhgon.domain.state_index import (
    Counts,
    Members,
    _Index,
    _QuotaIndex,
    _Structure,
    heads_of,
)

_K = TypeVar("_K")
_V = TypeVar("_V")


class StateBuilder:
    """The mutable state the timeline replays changes into; primitives only, no validation.

    Validation belongs to the changes (``tinhgon.domain.changes``), which check what they need
    against the builder's indexes before they call its primitives.

    The builder keeps the members of each unit (in the order they were placed), its people by
    category and its last head placed as it applies changes, and hands them to the states it
    makes, shared copy-on-write (``state_index``): after a snapshot the builder copies a unit's
    members or counts the first time it writes to them. Started from a state (a timeline's
    snapshot), it copies the state's mappings and the outer dicts of its indexes (cheap); the
    children of each unit are indexed on first use. A builder nothing was applied to since it
    started or since its last snapshot gives back that state (shared).
    """

    def __init__(self, state: State | None = None) -> None:
        self.units: dict[str, Unit] = {}
        self.ended: dict[str, UnitEnd] = {}
        self.people: dict[str, Person] = {}
        self.assignments: dict[str, Assignment] = {}
        self.departures: dict[str, Departure] = {}
        self.quotas: dict[QuotaKey, int] = {}
        self._children: dict[str | None, dict[str, None]] | None = {}
        self._members: Members = {}
        self._counts: Counts | None = {}  # None: started from a state that had none worked out
        self._heads: dict[str, str] = {}
        # The units whose members (counts) dict is the builder's own, written since the last
        # snapshot; any other is shared with a state and copied before a write.
        self._own: set[str] = set()
        self._own_counts: set[str] = set()
        # The children and tree order, the quota index: shared with the states holding the same
        # units (quotas); None once the builder changed them.
        self._structure: _Structure | None = None
        self._quota_index: _QuotaIndex | None = None
        # The state nothing has been applied to since (then ``snapshot`` shares it).
        self._base: State | None = None
        if state is not None:
            self._load(state)

    def _load(self, state: State) -> None:
        """Start from a state (the timeline's snapshots): bulk copies, the state's indexes
        shared copy-on-write (worked out first for a state made from mappings alone)."""
        self.units = state.units.copy()
        self.ended = state.ended.copy()
        self.people = state.people.copy()
        self.assignments = state.assignments.copy()
        self.departures = state.departures.copy()
        self.quotas = state.quotas.copy()
        self._children = None
        index = state._index
        members = state._member_index()
        self._members = members.copy()
        self._counts = None if index.counts is None else index.counts.copy()
        if index.heads is None:
            index.heads = heads_of(members)
        self._heads = index.heads.copy()
        self._structure, self._quota_index = index.structure, index.quotas
        self._base = state

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

    def _group(self, unit_id: str) -> dict[str, Assignment]:
        """The members of a unit, to write to: the builder's own (copied on first write)."""
        if unit_id in self._own:
            return self._members[unit_id]
        group = self._members.get(unit_id)
        group = {} if group is None else group.copy()
        self._members[unit_id] = group
        self._own.add(unit_id)
        return group

    def _count(self, unit_id: str, category: Category, step: int) -> None:
        """One more (``step`` 1) or one less (-1) person of a category in post in a unit."""
        counts = self._counts
        if counts is None:
            return
        if unit_id in self._own_counts:
            group = counts[unit_id]
        else:
            shared = counts.get(unit_id)
            group = counts[unit_id] = {} if shared is None else shared.copy()
            self._own_counts.add(unit_id)
        count = group.get(category, 0) + step
        if count:
            group[category] = count
            return
        del group[category]
        if not group:
            del counts[unit_id]
            self._own_counts.discard(unit_id)

    def _index(self) -> _Index:
        """The indexes of a snapshot: the builder's, from now on shared with it."""
        if self._structure is None:
            self._structure = _Structure()
        if self._quota_index is None:
            self._quota_index = _QuotaIndex()
        self._own.clear()
        self._own_counts.clear()
        return _Index(
            members=self._members,
            counts=self._counts,
            heads=self._heads,
            structure=self._structure,
            quotas=self._quota_index,
        )

    def snapshot(self, on: date | None) -> State:
        """The state the builder holds, on a date (the builder can go on)."""
        if self._base is not None:  # nothing applied: that state, shared
            return self._base._sharing(on)
        index = self._index()
        self._members = self._members.copy()  # the state's stay as they are
        self._counts = None if self._counts is None else self._counts.copy()
        self._heads = self._heads.copy()
        mappings = (
            self.units.copy(),
            self.ended.copy(),
            self.people.copy(),
            self.assignments.copy(),
            self.departures.copy(),
            self.quotas.copy(),
        )
        self._base = State._holding(on, mappings, index)
        return self._base

    def finish(self, on: date | None) -> State:
        """The state the builder holds, on a date, taking over the builder's mappings and
        indexes without copying them: the builder is not to be used afterwards (its mappings
        are left read-only; a write to them fails)."""
        if self._base is not None:
            return self._base._sharing(on)
        index = self._index()
        mappings = (
            self.units,
            self.ended,
            self.people,
            self.assignments,
            self.departures,
            self.quotas,
        )
        state = State._holding(on, mappings, index)
        self.units = _read_only(self.units)
        self.ended = _read_only(self.ended)
        self.people = _read_only(self.people)
        self.assignments = _read_only(self.assignments)
        self.departures = _read_only(self.departures)
        self.quotas = _read_only(self.quotas)
        self._members, self._heads = _read_only(self._members), _read_only(self._heads)
        self._counts = None if self._counts is None else _read_only(self._counts)
        self._base = state
        return state

    # -- queries ---------------------------------------------------------------------------

    def known_unit_id(self, unit_id: str) -> bool:
        """Whether the id was ever used (unit ids are never reused: lineage depends on it)."""
        return unit_id in self.units or unit_id in self.ended

    def children(self, unit_id: str) -> list[str]:
        return list(self._child_map().get(unit_id, ()))

    def members(self, unit_id: str) -> list[str]:
        return list(self._members.get(unit_id, ()))

    def head(self, unit_id: str) -> str | None:
        return self._heads.get(unit_id)

    def is_ancestor(self, ancestor_id: str, unit_id: str) -> bool:
        """Whether ``ancestor_id`` is the unit or one of its parents (stops on a loop)."""
        return reaches(self.units, ancestor_id, unit_id)

    # -- primitives ------------------------------------------------------------------------

    def _units_changed(self) -> None:
        self._base = None
        self._structure = None

    def add_unit(self, unit: Unit) -> None:
        self._units_changed()
        self.units[unit.id] = unit
        if self._children is not None:
            self._children.setdefault(unit.parent_id, {})[unit.id] = None

    def update_unit(self, unit: Unit) -> None:
        self._units_changed()
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
        self._units_changed()
        unit = self.units.pop(unit_id)
        if self._children is not None:
            del self._children[unit.parent_id][unit_id]
            self._children.pop(unit_id, None)
        self._members.pop(unit_id, None)
        self._own.discard(unit_id)
        if self._counts is not None:
            self._counts.pop(unit_id, None)
            self._own_counts.discard(unit_id)
        self._heads.pop(unit_id, None)
        self.ended[unit_id] = UnitEnd(unit, on, how, successors, basis)

    def reparent_children(self, unit_id: str, new_parent_id: str) -> None:
        for child_id in self.children(unit_id):
            self.update_unit(replace(self.units[child_id], parent_id=new_parent_id))

    def _place(self, assignment: Assignment) -> None:
        # ``_group`` and ``_count`` written out: a 50,000-person history places everyone once
        self._base = None
        person_id, unit_id = assignment.person_id, assignment.unit_id
        self.assignments[person_id] = assignment
        if unit_id in self._own:
            self._members[unit_id][person_id] = assignment
        else:
            self._group(unit_id)[person_id] = assignment
        person = self.people.get(person_id)
        counts = self._counts
        if person is not None and counts is not None:
            if unit_id in self._own_counts:
                tally = counts[unit_id]
            else:
                shared = counts.get(unit_id)
                tally = counts[unit_id] = {} if shared is None else shared.copy()
                self._own_counts.add(unit_id)
            category = person.category
            tally[category] = tally.get(category, 0) + 1
        if assignment.role is Role.HEAD:
            self._heads[unit_id] = person_id

    def assign(self, person_id: str, unit_id: str, role: Role, since: date) -> None:
        """Put someone on the staff at a unit and role, leaving any post they held."""
        if person_id in self.assignments:
            self.unassign(person_id)
        self.departures.pop(person_id, None)
        self._place(Assignment(person_id, unit_id, role, since))

    def register(self, person: Person) -> None:
        self._base = None
        old = self.people.get(person.id)
        self.people[person.id] = person
        post = self.assignments.get(person.id)
        if post is not None and (old is None or old.category is not person.category):
            if old is not None:  # registered anew in place, with another category
                self._count(post.unit_id, old.category, -1)
            self._count(post.unit_id, person.category, 1)

    def unassign(self, person_id: str) -> Assignment:
        self._base = None
        assignment = self.assignments.pop(person_id)
        unit_id = assignment.unit_id
        group = self._group(unit_id)
        group.pop(person_id, None)
        if not group:
            del self._members[unit_id]
            self._own.discard(unit_id)
        person = self.people.get(person_id)
        if person is not None:
            self._count(unit_id, person.category, -1)
        if self._heads.get(unit_id) == person_id:
            del self._heads[unit_id]
        return assignment

    def depart(self, person_id: str, on: date, reason: LeaveReason) -> None:
        self._base = None
        old = self.unassign(person_id)
        self.departures[person_id] = Departure(person_id, on, reason, old.unit_id, old.role)

    def set_quota(self, key: QuotaKey, value: int) -> None:
        self._base = None
        self._quota_index = None
        self.quotas[key] = value


def _read_only(mapping: dict[_K, _V]) -> dict[_K, _V]:
    """The dict behind a read-only view, for a builder whose state took its dicts over (typed
    as the dict so that the builder's code checks; any write fails)."""
    return cast(dict[_K, _V], MappingProxyType(mapping))
