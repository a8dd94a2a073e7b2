"""The state on a date in columns (numpy arrays): one row per unit, one row per person in post.

``ColumnarState`` holds what the legal check reads in bulk — for each person in post the unit,
role, category, sex, birth date and the early-retirement facts; for each unit its parent and
class — as small integer arrays, beside the plain domain objects that findings are made of:
the ``Unit`` objects (a twentieth of the people), and people and assignments made only for the
few a finding concerns (``person``, ``assignment``).

Built from a domain ``State`` (``from_state``) or straight from rows (``from_rows``: the fast
path for the whole country, where making two million ``Person`` objects would cost more than
the check itself).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import is_
from types import MappingProxyType
from typing import Any

from tinhgon.domain import BirthDate, Category, Person, QuotaKey, Role, Sex, State, Unit, UnitClass
from tinhgon.domain.state import Assignment
from tinhgon.law.columnar.table import CATEGORIES as CATEGORIES
from tinhgon.law.columnar.table import NONE as NONE
from tinhgon.law.columnar.table import ROLES as ROLES
from tinhgon.law.columnar.table import SEXES as SEXES
from tinhgon.law.columnar.table import Names, People, table_of

# A numpy array (of int64, or of bool for a mask); numpy is imported only where it is used.
Ints = Any

CLASSES: tuple[UnitClass, ...] = tuple(UnitClass)


@dataclass(frozen=True, slots=True)
class PeopleRows:
    """People in post on the date, one list (or array) per column, all of the same length.

    ``sex``, ``category`` and ``role`` are the domain's labels; ``birth_month`` and
    ``birth_day`` may hold None; the three early-retirement facts are optional columns."""

    id: Sequence[str]
    full_name: Sequence[str]
    sex: Sequence[Sex]
    birth_year: Sequence[int]
    birth_month: Sequence[int | None]
    birth_day: Sequence[int | None]
    category: Sequence[Category]
    unit_id: Sequence[str]
    role: Sequence[Role]
    since: Sequence[dt.date]
    hazardous_work_years: Sequence[int | None] | None = None
    difficult_area_years: Sequence[int | None] | None = None
    work_capacity_loss: Sequence[int | None] | None = None


@dataclass(eq=False, slots=True)
class ColumnarState:
    """Units and people in post on a date, in columns (see the module's text)."""

    on: dt.date
    units: list[Unit]
    unit_index: dict[str, int]
    parent: Ints  # index of the parent unit, -1 for a root (or a parent not in the state)
    unit_class: Ints  # index in CLASSES
    person_ids: list[str]
    full_names: Sequence[str]
    person_unit: Ints  # index of the unit
    role: Ints  # index in ROLES
    category: Ints  # index in CATEGORIES
    sex: Ints  # index in SEXES
    birth_year: Ints
    birth_month: Ints  # NONE when unknown
    birth_day: Ints
    hazardous: Ints  # the early-retirement facts, NONE when not given
    difficult: Ints
    loss: Ints
    quotas: dict[QuotaKey, int]
    person: Callable[[int], Person]
    assignment: Callable[[int], Assignment]
    cache: dict[str, Any] = field(default_factory=dict)
    # what depends only on the units, the quotas and the year (the tree's order, each rule's
    # units): shared by the columnar states of dates with the same ones (``from_state``)
    shared: dict[Any, Any] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return len(self.person_ids)

    @classmethod
    def from_state(cls, state: State) -> ColumnarState:
        """The columns of a domain state (its date, units, people in post and quotas).

        Built by C loops (``map`` over getters, labels by identity). Each person's own columns
        (category, sex, birth, the early-retirement facts) depend only on the ``Person`` object,
        which the states of every date share while the person is unchanged: they are taken from
        the table of the last state built, by identity, and worked out for the others only; so
        are the unit and role of each post whose ``Assignment`` is the same object, when the
        units are the same objects in the same order (``table``). Names are read when asked.
        """
        if state.on is None:
            raise ValueError("a columnar state needs a state on a date")
        units = list(state.units.values())
        assignments = list(state.assignments.values())
        ids = list(state.assignments)  # keyed by person id, in the same order
        people = People(_plain(state.people), ids)
        index, parent, unit_class = _unit_columns(units)
        table = table_of(units, assignments, people, index)
        quotas = dict(state.quotas)
        columns = table.columns
        return cls(
            on=state.on,
            units=units,
            unit_index=index,
            parent=parent,
            unit_class=unit_class,
            person_ids=ids,
            full_names=Names(people),
            person_unit=table.unit,
            role=table.role,
            category=columns["category"],
            sex=columns["sex"],
            birth_year=columns["birth_year"],
            birth_month=columns["birth_month"],
            birth_day=columns["birth_day"],
            hazardous=columns["hazardous"],
            difficult=columns["difficult"],
            loss=columns["loss"],
            quotas=quotas,
            person=people.person,
            assignment=assignments.__getitem__,
            shared=_shared_for(units, quotas, state.on.year),
        )

    @classmethod
    def from_rows(
        cls,
        *,
        on: dt.date,
        units: Iterable[Unit],
        people: PeopleRows,
        quotas: Mapping[QuotaKey, int] = {},
    ) -> ColumnarState:
        """The columns straight from rows: the units on the date, the people in post (one row
        each, with their post) and the quotas. People and assignments are made as domain
        objects only for those a finding names."""
        import numpy as np

        unit_list = list(units)
        index, parent, unit_class = _unit_columns(unit_list)
        n = len(people.id)

        def codes(values: Sequence[Any], labels: tuple[Any, ...]) -> Ints:
            lookup = {label: i for i, label in enumerate(labels)}
            return np.fromiter(map(lookup.__getitem__, values), dtype=np.int64, count=n)

        def opt(values: Sequence[int | None] | None) -> Ints:
            if values is None:
                return np.full(n, NONE, dtype=np.int64)
            return np.fromiter((NONE if v is None else v for v in values), dtype=np.int64, count=n)

        facts = (
            people.hazardous_work_years,
            people.difficult_area_years,
            people.work_capacity_loss,
        )

        def person(i: int) -> Person:
            month, day = people.birth_month[i], people.birth_day[i]
            return Person(
                id=people.id[i],
                full_name=people.full_name[i],
                sex=people.sex[i],
                birth=BirthDate(people.birth_year[i], month, day),
                category=people.category[i],
                hazardous_work_years=None if facts[0] is None else facts[0][i],
                difficult_area_years=None if facts[1] is None else facts[1][i],
                work_capacity_loss=None if facts[2] is None else facts[2][i],
            )

        def assignment(i: int) -> Assignment:
            return Assignment(people.id[i], people.unit_id[i], people.role[i], people.since[i])

        return cls(
            on=on,
            units=unit_list,
            unit_index=index,
            parent=parent,
            unit_class=unit_class,
            person_ids=list(people.id),
            full_names=people.full_name,
            person_unit=np.fromiter(map(index.__getitem__, people.unit_id), np.int64, count=n),
            role=codes(people.role, ROLES),
            category=codes(people.category, CATEGORIES),
            sex=codes(people.sex, SEXES),
            birth_year=np.fromiter(people.birth_year, dtype=np.int64, count=n),
            birth_month=opt(people.birth_month),
            birth_day=opt(people.birth_day),
            hazardous=opt(facts[0]),
            difficult=opt(facts[1]),
            loss=opt(facts[2]),
            quotas=dict(quotas),
            person=person,
            assignment=assignment,
        )


# The units, quotas and year of the last state built, and what its check derived of them alone.
_last_units: tuple[list[Unit], dict[QuotaKey, int], int, dict[Any, Any]] | None = None


def _shared_for(units: list[Unit], quotas: dict[QuotaKey, int], year: int) -> dict[Any, Any]:
    """The derivations of the last state built when its units are the same objects in the same
    order, its quotas equal and its year the same; else a new (empty) dictionary, kept."""
    global _last_units
    last = _last_units
    if (
        last is not None
        and last[2] == year
        and len(last[0]) == len(units)
        and all(map(is_, units, last[0]))
        and last[1] == quotas
    ):
        return last[3]
    shared: dict[Any, Any] = {}
    _last_units = (units, quotas, year, shared)
    return shared


def _plain(mapping: Mapping[str, Person]) -> dict[str, Person]:
    """A state's read-only view of its people as the dictionary under it (a copy: one C call;
    looking 50,000 people up through the view costs twice as much)."""
    if isinstance(mapping, MappingProxyType | dict):
        return mapping.copy()
    return dict(mapping)


def _unit_columns(units: list[Unit]) -> tuple[dict[str, int], Ints, Ints]:
    import numpy as np

    index = {u.id: i for i, u in enumerate(units)}
    class_of = {c: i for i, c in enumerate(CLASSES)}
    n = len(units)
    parent = np.fromiter(
        (index.get(u.parent_id, -1) if u.parent_id is not None else -1 for u in units),
        dtype=np.int64,
        count=n,
    )
    unit_class = np.fromiter((class_of[u.kind.unit_class] for u in units), np.int64, count=n)
    return index, parent, unit_class
