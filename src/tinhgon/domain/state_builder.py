"""The mutable state the timeline replays changes into (``StateBuilder``); importable from
``tinhgon.domain.state`` as before."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from operator import attrgetter

from tinhgon.domain.documents import DocumentKey
from tinhgon.domain.model import LeaveReason, Person, QuotaKey, Role, Unit, reaches
from tinhgon.domain.state import (
    Assignment,
    Departure,
    EndKind,
    State,
    UnitEnd,
    _Origin,
)

# A state derives its indexes from the state its builder started from when the builder touched
# at most this share of the units (beyond it, working them out afresh costs about the same).
_DERIVED_SHARE = 4
_PERSON_ID = attrgetter("person_id")
_ROLE = attrgetter("role")


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
        # The state started from (kept after changes are applied), the people registered since,
        # whether units or quotas changed since: what a snapshot's ``_Origin`` is made of.
        self._origin: State | None = None
        self._registered: set[str] = set()
        self._moved: set[str] = set()  # units whose members changed (or that ended)
        self._units_changed = False
        self._quotas_changed = False
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
        if state._index.origin is None:  # derived from one state at most: no chains kept
            self._origin = state

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
            base = self._base_members
            posts = None
            if base is not None and unit_id not in self._taken:
                self._taken.add(unit_id)
                posts = base.get(unit_id)
            if not posts:
                group = self._members[unit_id] = {}
                return group
            # by C loops (a unit of a large agency holds hundreds): the ids in order, and the
            # last head among them, as placing them one by one would leave it
            group = self._members[unit_id] = dict.fromkeys(map(_PERSON_ID, posts))
            roles = list(map(_ROLE, posts))
            if Role.HEAD in roles:
                last = len(roles) - 1 - roles[::-1].index(Role.HEAD)
                self._heads[unit_id] = posts[last].person_id
        return group

    def snapshot(self, on: date | None) -> State:
        if self._base is not None:  # nothing applied: the state started from, shared
            return self._base._sharing(on)
        return State(
            on=on,
            units=self.units,
            ended=self.ended,
            people=self.people,
            assignments=self.assignments,
            departures=self.departures,
            quotas=self.quotas,
            origin=self._derived(),
        )

    def _derived(self) -> _Origin | None:
        """How a snapshot differs from the state started from (see ``_Origin``), when the
        builder touched few of its units."""
        origin, base = self._origin, self._base_members
        if origin is None or base is None:
            return None
        touched = self._moved
        if len(touched) * _DERIVED_SHARE > len(origin.units) + 8:
            return None
        assignments = self.assignments
        members = self._members
        groups = {unit_id: tuple(members.get(unit_id, ())) for unit_id in touched}
        recount = set(touched)
        recount.update(assignments[p].unit_id for p in self._registered if p in assignments)
        return _Origin(
            origin,
            groups,
            recount,
            same_units=not self._units_changed,
            same_quotas=not self._quotas_changed,
        )

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
        return reaches(self.units, ancestor_id, unit_id)

    # -- primitives ------------------------------------------------------------------------

    def add_unit(self, unit: Unit) -> None:
        self._base = None
        self._units_changed = True
        self.units[unit.id] = unit
        if self._children is not None:
            self._children.setdefault(unit.parent_id, {})[unit.id] = None

    def update_unit(self, unit: Unit) -> None:
        self._base = None
        self._units_changed = True
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
        self._units_changed = True
        unit = self.units.pop(unit_id)
        if self._children is not None:
            del self._children[unit.parent_id][unit_id]
            self._children.pop(unit_id, None)
        self._taken.add(unit_id)
        self._moved.add(unit_id)
        self._members.pop(unit_id, None)
        self._heads.pop(unit_id, None)
        self.ended[unit_id] = UnitEnd(unit, on, how, successors, basis)

    def reparent_children(self, unit_id: str, new_parent_id: str) -> None:
        for child_id in self.children(unit_id):
            self.update_unit(replace(self.units[child_id], parent_id=new_parent_id))

    def _place(self, assignment: Assignment) -> None:
        self._base = None
        self.assignments[assignment.person_id] = assignment
        self._moved.add(assignment.unit_id)
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
        self._registered.add(person.id)
        self.people[person.id] = person

    def unassign(self, person_id: str) -> Assignment:
        self._base = None
        assignment = self.assignments.pop(person_id)
        self._moved.add(assignment.unit_id)
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
        self._quotas_changed = True
        self.quotas[key] = value
