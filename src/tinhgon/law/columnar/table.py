"""The columns of the people in post of the last state built, kept for the next one (issue 14,
aim 4: a date never asked of a 50,000-person agency).

Two states of one history on nearby dates share most of their objects: an ``Assignment``
(frozen: the person, the unit, the role) is the very same object as long as its holder has not
moved, a ``Person`` as long as they were not registered again, a ``Unit`` as long as it was not
changed. So ``_Table.of`` finds each post of the new state in the last table by identity of its
``Assignment`` (a sorted array of identities and ``searchsorted``, no dictionary to build) and
takes from that row

- the unit and the role, when the units are the same objects in the same order (a unit's
  place is then the same), and
- the person's own columns (category, sex, birth, the early-retirement facts), when the
  ``Person`` of the post is the same object as the row's (when the state's people are keyed as
  the last state's, in the same order, their values are compared in order and only the people
  registered again are looked for among the posts; else each post's ``Person`` is looked up);

and works out the rest only: posts not found (people moved, hired) and people registered again.
When more than a quarter of the rows is missing, people's own columns are found by identity of
the ``Person`` (a dictionary of the last table) and the unit and role worked out for all, as
before. The table holds the objects themselves, so an identity found in it is that object's (an
``id`` is reused only once its object is gone); its columns are read-only, shared by the
columnar states made from it. One table is kept (up to ``_KEPT_UP_TO`` people), replaced whole
(one assignment): safe to share between threads.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import repeat
from operator import attrgetter, is_
from typing import Any, overload

from tinhgon.domain import Category, Person, Role, Sex, Unit
from tinhgon.domain.state import Assignment

Ints = Any  # a numpy array; numpy is imported only where it is used

ROLES: tuple[Role, ...] = tuple(Role)
CATEGORIES: tuple[Category, ...] = tuple(Category)
SEXES: tuple[Sex, ...] = tuple(Sex)
NONE = -1  # an absent month, day or early-retirement fact

_I64 = "int64"
_UNIT_ID = attrgetter("unit_id")
_ROLE = attrgetter("role")
PERSON_COLUMNS = (
    "category",
    "sex",
    "birth_year",
    "birth_month",
    "birth_day",
    "hazardous",
    "difficult",
    "loss",
)


def _optional(values: Iterable[int | None], n: int) -> Ints:
    """Whole numbers or None as int64, None as NONE (through floats: None becomes NaN; the
    numbers are years, months, days and percentages, exact as floats)."""
    import numpy as np

    floats = np.array(list(values), dtype=np.float64) if n else np.zeros(0)
    return np.where(np.isnan(floats), NONE, floats).astype(np.int64)


def person_columns(persons: Sequence[Person]) -> dict[str, Ints]:
    """Each person's own columns (``PERSON_COLUMNS``), by C loops."""
    import numpy as np

    n = len(persons)
    categories = {id(c): i for i, c in enumerate(CATEGORIES)}
    sexes = {id(s): i for i, s in enumerate(SEXES)}
    births = list(map(attrgetter("birth"), persons))
    return {
        "category": np.fromiter(
            map(categories.__getitem__, map(id, map(attrgetter("category"), persons))), _I64, n
        ),
        "sex": np.fromiter(
            map(sexes.__getitem__, map(id, map(attrgetter("sex"), persons))), _I64, n
        ),
        "birth_year": np.fromiter(map(attrgetter("year"), births), _I64, n),
        "birth_month": _optional(map(attrgetter("month"), births), n),
        "birth_day": _optional(map(attrgetter("day"), births), n),
        "hazardous": _optional(map(attrgetter("hazardous_work_years"), persons), n),
        "difficult": _optional(map(attrgetter("difficult_area_years"), persons), n),
        "loss": _optional(map(attrgetter("work_capacity_loss"), persons), n),
    }


def post_columns(assignments: Sequence[Assignment], index: dict[str, int]) -> tuple[Ints, Ints]:
    """Each post's unit (its place in ``index``) and role (its place in ROLES), by C loops
    (a label by identity: an enum's hash is a Python call)."""
    import numpy as np

    n = len(assignments)
    roles = {id(r): i for i, r in enumerate(ROLES)}
    return (
        np.fromiter(map(index.__getitem__, map(_UNIT_ID, assignments)), _I64, n),
        np.fromiter(map(roles.__getitem__, map(id, map(_ROLE, assignments))), _I64, n),
    )


def _identities(objects: Sequence[object]) -> Ints:
    import numpy as np

    return np.fromiter(map(id, objects), np.uint64, len(objects))


class Names(Sequence[str]):
    """People's full names, read from their ``Person`` objects when asked (the check names a
    few hundred people of fifty thousand)."""

    __slots__ = ("_people",)

    def __init__(self, people: People) -> None:
        self._people = people

    def __len__(self) -> int:
        return len(self._people.ids)

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[str]: ...
    def __getitem__(self, i: int | slice) -> str | Sequence[str]:
        if isinstance(i, slice):
            return [p.full_name for p in self._people.persons()[i]]
        return self._people.person(i).full_name


class People:
    """The people of a state's posts: the state's people (a plain dictionary, and its keys and
    values in order) and who holds each post (``ids``). The ``Person`` of each post is looked up
    only when asked (``persons``): the next table compares the values in order instead."""

    __slots__ = ("_persons", "by_id", "ids", "keys", "values")

    def __init__(self, by_id: dict[str, Person], ids: list[str]) -> None:
        self.by_id = by_id
        self.ids = ids
        self.keys = list(by_id)
        self.values = list(by_id.values())
        self._persons: list[Person] | None = None

    def persons(self) -> list[Person]:
        if self._persons is None:
            self._persons = list(map(self.by_id.__getitem__, self.ids))
        return self._persons

    def person(self, i: int) -> Person:
        return self.by_id[self.ids[i]]


class _Table:
    """The posts of a state (units, assignments, persons) and their columns (see the module)."""

    __slots__ = (
        "_by_person",
        "_by_post",
        "_post_ids",
        "assignments",
        "columns",
        "people",
        "role",
        "unit",
        "units",
    )

    def __init__(
        self,
        units: list[Unit],
        assignments: list[Assignment],
        people: People,
        post: tuple[Ints, Ints],
        columns: dict[str, Ints],
        post_ids: Ints | None,
    ) -> None:
        self.units = units
        self.assignments = assignments
        self.people = people
        self.unit, self.role = post
        for column in (*post, *columns.values()):
            column.flags.writeable = False  # shared by the states built from this table
        self.columns = columns
        self._post_ids = post_ids
        self._by_post: tuple[Ints, Ints] | None = None
        self._by_person: dict[int, int] | None = None

    @property
    def persons(self) -> list[Person]:
        return self.people.persons()

    def posts_at(self, ids: Ints) -> Ints:
        """The row of each post (identities of ``Assignment`` objects) in this table, -1 where
        there is none."""
        import numpy as np

        if self._by_post is None:
            own = self._post_ids if self._post_ids is not None else _identities(self.assignments)
            order = np.argsort(own, kind="stable")
            self._by_post = own[order], order
        known, rows = self._by_post
        if not len(known):
            return np.full(len(ids), -1, dtype=np.int64)
        place = np.minimum(np.searchsorted(known, ids), len(known) - 1)
        return np.where(known[place] == ids, rows[place], -1)

    def people_at(self, persons: Sequence[Person]) -> Ints:
        """The row of each ``Person`` object in this table, -1 where there is none."""
        import numpy as np

        if self._by_person is None:
            self._by_person = dict(
                zip(map(id, self.persons), range(len(self.persons)), strict=True)
            )
        get = self._by_person.get
        return np.fromiter(map(get, map(id, persons), repeat(-1)), _I64, len(persons))

    @classmethod
    def of(
        cls,
        units: list[Unit],
        assignments: list[Assignment],
        people: People,
        index: dict[str, int],
    ) -> _Table:
        global _kept
        n = len(assignments)
        kept = _kept
        if (
            kept is None or not kept.assignments or not 0 < n <= _KEPT_UP_TO
        ):  # beyond: not looked up
            table = cls(
                units,
                assignments,
                people,
                post_columns(assignments, index),
                person_columns(people.persons()),
                None,
            )
        else:
            table = kept._next(units, assignments, people, index)
        if n <= _KEPT_UP_TO:
            _kept = table
        return table

    def _next(
        self,
        units: list[Unit],
        assignments: list[Assignment],
        people: People,
        index: dict[str, int],
    ) -> _Table:
        """The table of another state of the same history (see the module's text)."""
        import numpy as np

        n = len(assignments)
        ids = _identities(assignments)
        at = self.posts_at(ids)
        found = at >= 0
        same_units = len(units) == len(self.units) and all(map(is_, units, self.units))
        same = self._same_people(people, at, found)
        if same_units and n == len(self.assignments) and same.all() and (at == np.arange(n)).all():
            return self  # the same posts and people: the same date again
        missing = np.flatnonzero(~same)
        columns: dict[str, Ints]
        if len(missing) * 4 < n:  # most found with their post: theirs taken, the others read
            columns = {name: self.columns[name][at] for name in PERSON_COLUMNS}
            if len(missing):
                fresh = person_columns(list(map(people.person, missing.tolist())))
                for name in PERSON_COLUMNS:
                    columns[name][missing] = fresh[name]
        else:  # many posts new: people found by identity of the ``Person`` alone
            columns = self._people(people.persons())
        lost = np.flatnonzero(~found)
        post: tuple[Ints, Ints]
        if same_units and len(lost) * 4 < n:
            post = (self.unit[at], self.role[at])
            if len(lost):
                unit, role = post_columns([assignments[i] for i in lost.tolist()], index)
                post[0][lost], post[1][lost] = unit, role
        else:
            post = post_columns(assignments, index)
        return _Table(units, assignments, people, post, columns, ids)

    def _same_people(self, people: People, at: Ints, found: Ints) -> Ints:
        """Whether each post was found (``found``, its row ``at``) with the same ``Person``. When
        the state's people are keyed as this table's, in the same order, only the keys whose
        value is another object are looked for among the posts; else each post's ``Person`` is
        compared with its row's."""
        import numpy as np

        n = len(at)
        if people.keys == self.people.keys:
            other = np.fromiter(map(is_, people.values, self.people.values), bool, len(people.keys))
            if other.all():
                return found
            changed = {people.keys[i] for i in np.flatnonzero(~other).tolist()}
            return found & ~np.fromiter(map(changed.__contains__, people.ids), bool, n)
        rows = np.maximum(at, 0).tolist()
        mine = map(self.persons.__getitem__, rows)
        return np.fromiter(map(is_, mine, people.persons()), bool, n) & found

    def _people(self, persons: list[Person]) -> dict[str, Ints]:
        import numpy as np

        at = self.people_at(persons)
        missing = np.flatnonzero(at < 0)
        if len(missing) * 4 >= len(persons):
            return person_columns(persons)
        columns = {name: self.columns[name][at] for name in PERSON_COLUMNS}
        if len(missing):
            fresh = person_columns([persons[i] for i in missing.tolist()])
            for name in PERSON_COLUMNS:
                columns[name][missing] = fresh[name]
        return columns


_KEPT_UP_TO = 300_000  # people: a table of a state this large or smaller is kept for the next
_kept: _Table | None = None


def table_of(
    units: list[Unit], assignments: list[Assignment], people: People, index: dict[str, int]
) -> _Table:
    """The columns of these posts, from the table of the last state built where it can."""
    return _Table.of(units, assignments, people, index)


def forget() -> None:
    """Drop the kept table (the next state is built from nothing)."""
    global _kept
    _kept = None
