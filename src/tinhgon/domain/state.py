"""The organisation as it stands on one date, derived from the timeline, never stored.

``State`` is immutable. ``StateBuilder`` (``state_builder``) is the mutable form that changes
are applied to while the timeline is replayed; it keeps the indexes (members of a unit, its
people by category, its head, its children) as it applies changes, so that each change costs the
same whatever the size of the organisation, and hands them to the states it makes
(``state_index``). The records a state holds (posts, ended units, departures) are in
``state_records``; every name is importable from here as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from itertools import chain
from operator import attrgetter, countOf
from types import MappingProxyType
from typing import TYPE_CHECKING

from tinhgon.domain.model import Category, Person, QuotaKey, Role, Unit, UnitClass, reaches
from tinhgon.domain.state_index import Counts, Members, _Index, counted, members_of
from tinhgon.domain.state_records import Assignment, Departure, EndKind, UnitEnd

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

_ROLE = attrgetter("role")


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

    @classmethod
    def _holding(
        cls,
        on: date | None,
        mappings: tuple[
            dict[str, Unit],
            dict[str, UnitEnd],
            dict[str, Person],
            dict[str, Assignment],
            dict[str, Departure],
            dict[QuotaKey, int],
        ],
        index: _Index,
    ) -> State:
        """A state over these very dicts (not copied: nothing may change them afterwards) and
        the indexes given (a builder's, see ``StateBuilder.snapshot``)."""
        state = cls.__new__(cls)
        state.on = on
        units, ended, people, assignments, departures, quotas = mappings
        state.units, state.ended = MappingProxyType(units), MappingProxyType(ended)
        state.people = MappingProxyType(people)
        state.assignments = MappingProxyType(assignments)
        state.departures = MappingProxyType(departures)
        state.quotas = MappingProxyType(quotas)
        state._index = index
        return state

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
        return builder.finish(on)

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
        structure = self._index.structure
        if structure.children is None:
            index: dict[str | None, list[str]] = {}
            for unit in self.units.values():
                index.setdefault(unit.parent_id, []).append(unit.id)
            for ids in index.values():
                ids.sort(key=lambda i: _CLASS_ORDER[self.units[i].kind.unit_class])
            structure.children = index
        return structure.children

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
        structure = self._index.structure
        if structure.order is None:
            structure.order = tuple(u for _, u in self.walk())
        return structure.order

    def is_ancestor(self, ancestor_id: str, unit_id: str) -> bool:
        """Whether ``ancestor_id`` is the unit or one of its parents (stops on a loop)."""
        return reaches(self.units, ancestor_id, unit_id)

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

    def _member_index(self) -> Members:
        """Members of each unit (person id → post, in the order of the posts): the builder's,
        or worked out once from the posts (do not change what it gives back)."""
        members = self._index.members
        if members is None:
            members = self._index.members = members_of(self.assignments.values())
        return members

    def category_counts(self) -> Mapping[str, Mapping[Category, int]]:
        """People in post in each unit itself (not its sub-units), by category: kept by the
        builder, or worked out once for the state (do not change what it gives back; the order
        of the categories within a unit is not kept)."""
        counts: Counts | None = self._index.counts
        if counts is None:
            counts = self._index.counts = counted(self.people, self.assignments.values())
        return counts

    def leaders_in(self, unit_ids: Iterable[str]) -> int:
        """How many heads and deputies (everyone but staff) hold a post in these units: from
        the members index when it is at hand (a builder's, or worked out), else in one pass
        over the posts."""
        staff = Role.STAFF
        if self._index.members is None:
            wanted = set(unit_ids)
            return sum(
                1 for a in self.assignments.values() if a.role is not staff and a.unit_id in wanted
            )
        index = self._member_index()
        posts = [index[unit_id].values() for unit_id in set(unit_ids) if unit_id in index]
        everyone = sum(map(len, posts))
        return everyone - countOf(map(_ROLE, chain.from_iterable(posts)), staff)

    def members(self, unit_id: str) -> tuple[Assignment, ...]:
        """Everyone whose post is in this unit (not in its sub-units)."""
        group = self._member_index().get(unit_id)
        return () if group is None else tuple(group.values())

    def head(self, unit_id: str) -> Assignment | None:
        group = self._member_index().get(unit_id)
        if group is not None:
            for a in group.values():
                if a.role is Role.HEAD:
                    return a
        return None

    def deputies(self, unit_id: str) -> tuple[Assignment, ...]:
        return tuple(a for a in self.members(unit_id) if a.role is Role.DEPUTY)

    def headcount(self, unit_id: str, *, recursive: bool = False) -> int:
        if not recursive:
            return len(self._member_index().get(unit_id, ()))
        return sum(len(self._member_index().get(u.id, ())) for _, u in self.walk(unit_id))

    def headcount_by_category(self, unit_id: str, *, recursive: bool = True) -> dict[Category, int]:
        counts: dict[Category, int] = {}
        units = [u.id for _, u in self.walk(unit_id)] if recursive else [unit_id]
        for uid in units:
            for a in self._member_index().get(uid, {}).values():
                category = self.people[a.person_id].category
                counts[category] = counts.get(category, 0) + 1
        return counts

    def quota(self, unit_id: str, category: Category, year: int) -> int | None:
        """``quotas[QuotaKey(unit_id, category, year)]`` if there is one (through an index by
        unit and year, kept: hashing a ``QuotaKey`` hashes an enum, a Python call)."""
        shared = self._index.quotas
        index = shared.by_unit_year
        if index is None:
            index = {}
            for key, value in self.quotas.items():
                index.setdefault((key.unit_id, key.year), []).append((key.category, value))
            shared.by_unit_year = index
        for which, value in index.get((unit_id, year), ()):
            if which is category:
                return value
        return None


# The builder lives in its own module; its name is still importable from here.
from tinhgon.domain.state_builder import StateBuilder  # noqa: E402

__all__ = [
    "Assignment",
    "Departure",
    "EndKind",
    "State",
    "StateBuilder",
    "UnitEnd",
]
