"""The indexes a state keeps: the members of each unit, its people by category, the last head
placed in each unit, the children of each unit and the tree order, the quotas by unit and year.

A state made by a ``StateBuilder`` is handed the members, counts and heads the builder keeps as
it applies changes (each change costs the same whatever the size of the organisation), shared
copy-on-write: a snapshot holds the builder's dicts as they were, and the builder copies a
unit's own dict the first time it writes to it after a snapshot. The children, tree order and
quota index are worked out on first use and shared by every state holding the same units (or
the same quotas). A state made from mappings alone works each index out on first use.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from operator import attrgetter

from tinhgon.domain.model import Category, Person, Role, Unit
from tinhgon.domain.state_records import Assignment

# Members of each unit: person id → post, in the order they were placed (the order of the
# state's posts). A unit nobody holds a post in has no entry.
Members = dict[str, dict[str, Assignment]]
# People in post in each unit itself, by category (no zero counts, no empty unit).
Counts = dict[str, dict[Category, int]]

_PERSON_ID = attrgetter("person_id")
_UNIT_ID = attrgetter("unit_id")
_CATEGORY = attrgetter("category")


class _Structure:
    """Children of each unit (by class, then in the order they came into being) and every unit
    in tree order: worked out once, shared by the states that hold the same units."""

    __slots__ = ("children", "order")

    def __init__(self) -> None:
        self.children: dict[str | None, list[str]] | None = None
        self.order: tuple[Unit, ...] | None = None


class _QuotaIndex:
    """Quotas by (unit, year): worked out once, shared by the states that hold the same quotas."""

    __slots__ = ("by_unit_year",)

    def __init__(self) -> None:
        self.by_unit_year: dict[tuple[str, int], list[tuple[Category, int]]] | None = None


class _Index:
    """A state's indexes (see the module's text); None: not worked out yet."""

    __slots__ = ("counts", "heads", "members", "quotas", "structure")

    def __init__(
        self,
        *,
        members: Members | None = None,
        counts: Counts | None = None,
        heads: dict[str, str] | None = None,
        structure: _Structure | None = None,
        quotas: _QuotaIndex | None = None,
    ) -> None:
        self.members = members
        self.counts = counts
        # The last head placed in each unit (as a builder replaying the history keeps it): what
        # a builder started from the state answers ``head`` with.
        self.heads = heads
        self.structure = _Structure() if structure is None else structure
        self.quotas = _QuotaIndex() if quotas is None else quotas


def members_of(posts: Iterable[Assignment]) -> Members:
    """The members of each unit among these posts, in their order."""
    index: Members = {}
    for assignment in posts:
        group = index.get(assignment.unit_id)
        if group is None:
            group = index[assignment.unit_id] = {}
        group[assignment.person_id] = assignment
    return index


def heads_of(members: Members) -> dict[str, str]:
    """The last head in each unit's members (as placing them one by one would leave it)."""
    heads: dict[str, str] = {}
    head = Role.HEAD
    for unit_id, group in members.items():
        for assignment in group.values():
            if assignment.role is head:
                heads[unit_id] = assignment.person_id
    return heads


def counted(people: Mapping[str, Person], placed: Iterable[Assignment]) -> Counts:
    """Each unit's people by category among these posts.

    Counted by C loops (zip, map, Counter): 50,000 people in a few milliseconds. The
    categories by identity: an enum member's own hash is a Python call."""
    categories = {id(c): c for c in Category}
    posts = list(placed)
    persons = map(people.__getitem__, map(_PERSON_ID, posts))
    pairs = Counter(zip(map(_UNIT_ID, posts), map(id, map(_CATEGORY, persons)), strict=True))
    counts: Counts = {}
    for (unit_id, which), count in pairs.items():
        group = counts.get(unit_id)
        if group is None:
            group = counts[unit_id] = {}
        group[categories[which]] = count
    return counts
