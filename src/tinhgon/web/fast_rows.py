"""The rows of an agency decoded quickly for the command line's reading (``reader``): the
same domain objects ``person_from_plain`` and ``change_from_plain`` make, made for less.

A 50,000-person agency repeats a few values many times: some 12,000 birth dates, three ranks,
two documents, a few hundred change dates. Each is decoded once and shared (the objects are
frozen, so sharing one is the same as making an equal one). Persons are still built through
``Person(...)``, with every check its ``__post_init__`` makes; changes through their own
classes. Only the shapes the codec writes for a person or a change are taken this way
(``person_to_plain``, ``change_to_plain`` of a hire or a transfer); anything else — a field
this path does not read, a value of another type, a value refused — goes to the codec's own
function, which then gives the same object or the same error it always gives.
"""

from __future__ import annotations

import datetime as dt
import json
import operator
import re
from collections.abc import Iterator
from typing import Any

from django.db import connections
from django.db.models import QuerySet, TextField
from django.db.models.functions import Cast

from tinhgon.domain import BirthDate, Category, Change, Hire, Person, Rank, Role, Sex, Transfer
from tinhgon.domain.documents import DocumentKey
from tinhgon.io.codec import (
    EARLY_RETIREMENT_FACTS,
    Context,
    change_from_plain,
    person_from_plain,
)
from tinhgon.io.yamlsrc import path_text
from tinhgon.web import proven

# What person_from_plain reads besides the fields taken here: such a person takes its path.
_PERSON_OTHER = frozenset(
    (
        "ratings",
        *EARLY_RETIREMENT_FACTS,
        "salary_coefficient",
        "position_allowance_coefficient",
        "allowance_coefficient",
        "social_insurance_months",
        "social_insurance_on",
    )
)
_PERSON_FIELDS = operator.itemgetter("id", "name", "born", "sex", "category")
_CHANGE_FIELDS = operator.itemgetter("kind", "on", "person", "unit")
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_SEXES: dict[str, Sex] = dict(Sex._value2member_map_)  # type: ignore[arg-type]
_CATEGORIES: dict[str, Category] = dict(Category._value2member_map_)  # type: ignore[arg-type]
_ROLES: dict[str, Role] = dict(Role._value2member_map_)  # type: ignore[arg-type]


class _Other(Exception):
    """This value is not one the quick path takes: the codec's function reads it."""


class RowDecoder:
    """Decodes the plain data of one agency's rows, sharing the values that repeat."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self._births: dict[str, BirthDate] = {}
        self._ranks: dict[tuple[str, str], Rank] = {}
        self._days: dict[str, dt.date] = {}
        self._bases: dict[str, DocumentKey] = {}
        self._ref = path_text(())

    # -- people ----------------------------------------------------------------------------

    def person(self, data: Any, pid: str) -> Person:
        """What ``person_from_plain(data, ("people", pid))`` gives."""
        try:
            return self._person(data)
        except Exception:  # the codec decides, and words any error
            return person_from_plain(data, ("people", pid))

    def _person(self, data: Any) -> Person:
        if type(data) is not dict or not _PERSON_OTHER.isdisjoint(data):
            raise _Other
        pid, name, born, sex, category = _PERSON_FIELDS(data)
        birth = self._births.get(born)
        if birth is None:
            if type(born) is not str:
                raise _Other
            birth = self._births[born] = BirthDate.parse(born)
        if type(pid) is not str or type(name) is not str:
            raise _Other
        get = data.get
        national_id = get("national_id")
        if national_id is not None and type(national_id) is not str:
            raise _Other
        title = get("title", "")
        if type(title) is not str:
            raise _Other
        if title:
            title = " ".join(title.split())
        qualifications = get("qualifications", ())
        if qualifications != ():
            if type(qualifications) is not list or not all(type(q) is str for q in qualifications):
                raise _Other
            qualifications = tuple(qualifications)
        rank = get("rank")
        if rank:
            if type(rank) is not dict:
                raise _Other
            rank = self._ranks.get((rank["code"], rank["name"])) or self._rank(rank)
        made = proven.person(
            pid,
            " ".join(name.split()),
            _SEXES[sex],
            birth,
            _CATEGORIES[category],
            national_id or None,
            rank or None,
            qualifications,
            title,
        )
        if made is None:  # Person would refuse it
            raise _Other
        return made

    def _rank(self, value: dict[str, Any]) -> Rank:
        code, name = value["code"], value["name"]
        if type(code) is not str or type(name) is not str:
            raise _Other
        rank = self._ranks[code, name] = Rank(code, name)
        return rank

    # -- changes ---------------------------------------------------------------------------

    def change(self, data: Any) -> Change:
        """What ``change_from_plain(data, ctx, ())`` gives."""
        try:
            return self._change(data)
        except Exception:  # as for a person
            return change_from_plain(data, self.ctx, ())

    def _change(self, data: Any) -> Change:
        if type(data) is not dict:
            raise _Other
        kind, on, person, unit = _CHANGE_FIELDS(data)
        if kind != "hire" and kind != "transfer":
            raise _Other
        day = self._days.get(on) if type(on) is str else None
        if day is None:
            day = self._day(on)
        get = data.get
        basis = get("basis")
        if basis is not None:
            key = self._bases.get(basis) if type(basis) is str else None
            basis = key if key is not None else self._basis(basis)
        note = get("note", "")
        role = _ROLES[get("role", "staff")]
        if type(note) is not str or type(person) is not str or type(unit) is not str:
            raise _Other
        if kind == "hire":
            return proven.hire(day, basis, note, self._ref, self.ctx.people[person], unit, role)
        return Transfer(
            person=person, unit=unit, role=role, on=day, basis=basis, note=note, ref=self._ref
        )

    def _day(self, value: Any) -> dt.date:
        if type(value) is not str:
            raise _Other
        day = self._days.get(value)
        if day is None:
            match = _ISO_DAY.fullmatch(value.strip())
            if match is None:
                raise _Other
            day = self._days[value] = dt.date(int(match[1]), int(match[2]), int(match[3]))
        return day

    def _basis(self, value: Any) -> DocumentKey | None:
        if value is None:
            return None
        if type(value) is not str:
            raise _Other
        key = self._bases.get(value)
        if key is None:
            key = self._bases[value] = self.ctx.basis(value, ("basis",))
        return key


def json_rows(rows: QuerySet[Any], key: str, column: str) -> Iterator[tuple[Any, Any]]:
    """``(key, decoded JSON)`` of each row of a query set, in its order: the query the ORM
    writes for ``values_list(key, column)`` with the JSON fetched as text, run on a cursor
    (no per-row work of the ORM) and decoded in one call of the C decoder."""
    query = rows.annotate(_text=Cast(column, TextField())).values_list(key, "_text").query
    sql, params = query.get_compiler(using=rows.db).as_sql()
    with connections[rows.db].cursor() as cursor:
        cursor.execute(sql, params)
        pairs = cursor.fetchall()
    if not pairs:
        return iter(())
    keys, texts = zip(*pairs, strict=True)
    return zip(keys, json.loads("[" + ",".join(texts) + "]"), strict=True)
