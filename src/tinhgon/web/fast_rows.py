"""The rows of an agency decoded quickly for the command line's reading (``reader``): the
same domain objects ``person_from_plain`` and ``change_from_plain`` make, made for less.

A 50,000-person agency repeats a few values many times: some 12,000 birth dates, three ranks,
two documents, a few hundred change dates. Each is decoded once and shared (the objects are
frozen, so sharing one is the same as making an equal one; the birth dates across readings).
The rows' JSON is decoded in one call into typed rows (``row_structs``, msgspec). A person is
made by ``proven.person`` only after the checks ``Person.__post_init__`` makes, a hire by
``proven.hire`` (it has none); a transfer through its class. Only the shapes the codec writes
for a person or a change are taken this way (``person_to_plain``, ``change_to_plain`` of a
hire or a transfer); anything else — a field this path does not read, a value of another
type, a value refused — goes to the codec's own function, which then gives the same object or
the same error it always gives.
"""

from __future__ import annotations

import datetime as dt
import json
import operator
import re
from collections.abc import Sequence
from typing import Any

from django.db import connections
from django.db.models import QuerySet, TextField
from django.db.models.functions import Cast

from tinhgon.domain import BirthDate, Category, Change, Person, Rank, Role, Sex, Transfer
from tinhgon.domain.documents import DocumentKey
from tinhgon.io.codec import (
    EARLY_RETIREMENT_FACTS,
    Context,
    change_from_plain,
    person_from_plain,
)
from tinhgon.io.yamlsrc import path_text
from tinhgon.web import proven, row_structs

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


# Birth dates read, shared by every reading of the process (frozen values; a few thousand
# distinct dates in any staff list, bounded all the same).
_BIRTHS: dict[str, BirthDate] = {}
_SHARED_AT_MOST = 100_000


class _Other(Exception):
    """This value is not one the quick path takes: the codec's function reads it."""


class RowDecoder:
    """Decodes the plain data of one agency's rows, sharing the values that repeat."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self._births = _BIRTHS  # (one reading after another: the same dates come back)
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

    def people(self, rows: QuerySet[Any]) -> list[tuple[str, Person]]:
        """``(pid, person)`` of each person row of a query set, in its order: what ``person``
        gives for each row's data. The JSON is decoded in one call into typed rows
        (``row_structs``); a row not taken that way is read with ``json`` and ``person``."""
        return self.people_of_texts(text_rows(rows, "pid", "data"))

    def people_of_texts(self, pairs: Sequence[tuple[str, str]]) -> list[tuple[str, Person]]:
        """``people`` of the rows' ``(pid, JSON text)``."""
        typed = row_structs.people([text for _, text in pairs])
        out: list[tuple[str, Person]] = []
        add = out.append
        quick = self._typed_person
        for (pid, text), row in zip(pairs, typed, strict=True):
            made = quick(row) if row is not None else None
            add((pid, made if made is not None else self.person(json.loads(text), pid)))
        return out

    def _typed_person(self, row: row_structs.PersonRow) -> Person | None:
        if not row.usual():
            return None
        rank = row.rank
        try:
            return self._made(
                row.id,
                row.name,
                row.born,
                row.sex,
                row.category,
                row.national_id,
                row.title,
                row.qualifications,
                (rank.code, rank.name) if rank is not None else None,
            )
        except Exception:  # the ordinary path decides, and words any error
            return None

    def _person(self, data: Any) -> Person:
        if type(data) is not dict or not _PERSON_OTHER.isdisjoint(data):
            raise _Other
        pid, name, born, sex, category = _PERSON_FIELDS(data)
        if type(born) is not str or type(pid) is not str or type(name) is not str:
            raise _Other
        get = data.get
        national_id = get("national_id")
        if national_id is not None and type(national_id) is not str:
            raise _Other
        title = get("title", "")
        if type(title) is not str:
            raise _Other
        qualifications = get("qualifications", ())
        if qualifications != ():
            if type(qualifications) is not list or not all(type(q) is str for q in qualifications):
                raise _Other
            qualifications = tuple(qualifications)
        rank = get("rank")
        if rank:
            if type(rank) is not dict:
                raise _Other
            rank = (rank["code"], rank["name"])
        made = self._made(
            pid, name, born, sex, category, national_id, title, qualifications, rank or None
        )
        if made is None:
            raise _Other
        return made

    def _made(
        self,
        pid: str,
        name: str,
        born: str,
        sex: Any,
        category: Any,
        national_id: str | None,
        title: str,
        qualifications: tuple[str, ...],
        rank: tuple[Any, Any] | None,
    ) -> Person | None:
        """The person of these values (strings, but ``sex``, ``category`` and the rank's two
        of any type), None when ``Person`` would refuse it; raises on any value refused."""
        births = self._births
        birth = births.get(born)
        if birth is None:
            birth = BirthDate.parse(born)
            if len(births) < _SHARED_AT_MOST:
                births[born] = birth
        if title:
            title = " ".join(title.split())
        return proven.person(
            pid,
            " ".join(name.split()),
            _SEXES[sex],
            birth,
            _CATEGORIES[category],
            national_id or None,
            None if rank is None else (self._ranks.get(rank) or self._rank(*rank)),
            qualifications,
            title,
        )

    def _rank(self, code: Any, name: Any) -> Rank:
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

    def changes(self, rows: QuerySet[Any]) -> list[tuple[Any, Change]]:
        """``(plan_id, change)`` of each change row of a query set, in its order: what
        ``change`` gives for each row's payload (the JSON decoded as for ``people``)."""
        return self.changes_of_texts(text_rows(rows, "plan_id", "payload"))

    def changes_of_texts(self, pairs: Sequence[tuple[Any, str]]) -> list[tuple[Any, Change]]:
        """``changes`` of the rows' ``(plan_id, JSON text)``."""
        typed = row_structs.changes([text for _, text in pairs])
        out: list[tuple[Any, Change]] = []
        add = out.append
        quick = self._quick_change
        for (plan_id, text), row in zip(pairs, typed, strict=True):
            made = None
            if row is not None:
                try:
                    made = quick(
                        row.kind, row.on, row.person, row.unit, row.role, row.basis, row.note
                    )
                except Exception:  # the ordinary path decides, and words any error
                    made = None
            add((plan_id, made if made is not None else self.change(json.loads(text))))
        return out

    def _change(self, data: Any) -> Change:
        if type(data) is not dict:
            raise _Other
        kind, on, person, unit = _CHANGE_FIELDS(data)
        get = data.get
        return self._quick_change(
            kind, on, person, unit, get("role", "staff"), get("basis"), get("note", "")
        )

    def _quick_change(
        self, kind: Any, on: Any, person: Any, unit: Any, role: Any, basis: Any, note: Any
    ) -> Change:
        """The hire or transfer of these values (raises ``_Other`` for any other kind)."""
        if kind != "hire" and kind != "transfer":
            raise _Other
        day = self._days.get(on) if type(on) is str else None
        if day is None:
            day = self._day(on)
        if basis is not None:
            key = self._bases.get(basis) if type(basis) is str else None
            basis = key if key is not None else self._basis(basis)
        role = _ROLES[role]
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


def text_rows(rows: QuerySet[Any], key: str, column: str) -> list[tuple[Any, str]]:
    """``(key, JSON text)`` of each row of a query set, in its order: the query the ORM
    writes for ``values_list(key, column)`` with the JSON fetched as text, run on a cursor
    (no per-row work of the ORM)."""
    query = rows.annotate(_text=Cast(column, TextField())).values_list(key, "_text").query
    sql, params = query.get_compiler(using=rows.db).as_sql()
    with connections[rows.db].cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())
