"""The organisation as it stands on one date, derived from the timeline, never stored.

``State`` is immutable. ``StateBuilder`` (``state_builder``) is the mutable form that changes
are applied to while the timeline is replayed; it keeps the indexes (members of a unit, its
head, its children) that make each change cost the same whatever the size of the organisation.
A state made by a builder started from another state derives its own indexes from that
state's, patched where the builder touched (``_Origin``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from itertools import chain
from operator import attrgetter, countOf
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
    reaches,
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


class _Origin:
    """What a state made by a builder started from another state (``origin``) differs by: the
    members of the units whose members changed (person ids in order; empty for a unit gone or
    left empty), the units whose people by category are to be counted again (those, or holding
    someone registered anew), whether the units and the quotas are still the origin's. The state's
    indexes are then the origin's, patched (``State._member_index``, ``category_counts``)."""

    __slots__ = ("groups", "recount", "same_quotas", "same_units", "state")

    def __init__(
        self,
        state: State,
        groups: dict[str, tuple[str, ...]],
        recount: set[str],
        *,
        same_units: bool,
        same_quotas: bool,
    ) -> None:
        self.state = state
        self.groups = groups
        self.recount = recount
        self.same_units = same_units
        self.same_quotas = same_quotas


class _Index:
    """A state's indexes (children of each unit, members of each unit), worked out on first
    use and shared by the states that hold the very same mappings; ``origin``: the state they
    may be derived from (see ``_Origin``)."""

    __slots__ = ("children", "counts", "members", "order", "origin", "quotas")

    def __init__(self, origin: _Origin | None = None) -> None:
        self.children: dict[str | None, list[str]] | None = None
        self.members: dict[str, list[Assignment]] | None = None
        self.counts: dict[str, dict[Category, int]] | None = None
        self.order: tuple[Unit, ...] | None = None
        self.quotas: dict[tuple[str, int], list[tuple[Category, int]]] | None = None
        self.origin = origin


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
        origin: _Origin | None = None,
    ) -> None:
        self.on = on
        self.units = MappingProxyType(dict(units))
        self.ended = MappingProxyType(dict(ended))
        self.people = MappingProxyType(dict(people))
        self.assignments = MappingProxyType(dict(assignments))
        self.departures = MappingProxyType(dict(departures))
        self.quotas = MappingProxyType(dict(quotas))
        self._index = _Index(origin)

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
        origin = self._index.origin
        if self._index.children is None and origin is not None and origin.same_units:
            self._index.children = origin.state._child_index()
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
        origin = self._index.origin
        if self._index.order is None and origin is not None and origin.same_units:
            self._index.order = origin.state.tree_order()
        if self._index.order is None:
            self._index.order = tuple(u for _, u in self.walk())
        return self._index.order

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

    def _member_index(self) -> dict[str, list[Assignment]]:
        if self._index.members is None:
            index: dict[str, list[Assignment]]
            origin = self._index.origin
            if origin is not None:  # the origin's, the touched units' members replaced
                index = dict(origin.state._member_index())
                posts = self.assignments.__getitem__
                for unit_id, group in origin.groups.items():
                    if group:
                        index[unit_id] = list(map(posts, group))
                    else:
                        index.pop(unit_id, None)
            else:
                index = {}
                for assignment in self.assignments.values():
                    index.setdefault(assignment.unit_id, []).append(assignment)
            self._index.members = index
        return self._index.members

    def category_counts(self) -> Mapping[str, Mapping[Category, int]]:
        """People in post in each unit itself (not its sub-units), by category (worked out once
        for the state; do not change what it gives back)."""
        counts = self._index.counts
        origin = self._index.origin
        if counts is None and origin is not None:  # the origin's, some units counted again
            origin.state.category_counts()  # the origin's, worked out (shared from now on)
            counts = dict(origin.state._index.counts or {})
            members = self._member_index()
            for unit_id in origin.recount:
                counts.pop(unit_id, None)
            placed = [a for unit_id in origin.recount for a in members.get(unit_id, ())]
            counts.update(self._counted(placed))
            self._index.counts = counts
        if counts is None:
            counts = self._counted(self.assignments.values())
            self._index.counts = counts
        return counts

    def _counted(self, placed: Iterable[Assignment]) -> dict[str, dict[Category, int]]:
        """Each unit's people by category among these posts (in their order).

        Counted by C loops (zip, map, Counter): 50,000 people in a few milliseconds. The
        categories by identity: an enum member's own hash is a Python call."""
        categories = {id(c): c for c in Category}
        posts = list(placed)
        people = map(self.people.__getitem__, map(attrgetter("person_id"), posts))
        pairs = Counter(
            zip(
                map(attrgetter("unit_id"), posts),
                map(id, map(attrgetter("category"), people)),
                strict=True,
            )
        )
        counts: dict[str, dict[Category, int]] = {}
        for (unit_id, which), count in pairs.items():
            group = counts.get(unit_id)
            if group is None:
                group = counts[unit_id] = {}
            group[categories[which]] = count
        return counts

    def leaders_in(self, unit_ids: Iterable[str]) -> int:
        """How many heads and deputies (everyone but staff) hold a post in these units: from
        the members index when it is at hand (worked out, or derived from the state this one
        was made from), else in one pass over the posts."""
        staff = Role.STAFF
        if self._index.members is None and self._index.origin is None:
            wanted = set(unit_ids)
            return sum(
                1 for a in self.assignments.values() if a.role is not staff and a.unit_id in wanted
            )
        index = self._member_index()
        posts = [index[unit_id] for unit_id in set(unit_ids) if unit_id in index]
        everyone = sum(map(len, posts))
        return everyone - countOf(map(_ROLE, chain.from_iterable(posts)), staff)

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
        origin = self._index.origin
        if index is None and origin is not None and origin.same_quotas:
            origin.state.quota(unit_id, category, year)  # the origin's index, worked out
            index = self._index.quotas = origin.state._index.quotas
        if index is None:
            index = {}
            for key, value in self.quotas.items():
                index.setdefault((key.unit_id, key.year), []).append((key.category, value))
            self._index.quotas = index
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
