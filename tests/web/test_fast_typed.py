"""The rows' JSON decoded in one call into typed rows (``row_structs``) and the objects made
from proven values (``proven``) give what the codec gives for each row's text: the same
objects, or the same refusal of the first bad row (a reading is whole or refused)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.web.test_fast_read import (
    _PERSON,
    _outcome,
    _register,
    plain_changes,
    plain_people,
)
from tinhgon.domain import (
    BUILTIN_KINDS,
    BirthDate,
    Category,
    DocumentRegister,
    Hire,
    Person,
    Rank,
    Role,
    Sex,
)
from tinhgon.domain.errors import InvalidValue
from tinhgon.io.codec import Context, change_from_plain, person_from_plain
from tinhgon.web import proven, row_structs
from tinhgon.web.fast_rows import RowDecoder


@st.composite
def texts_of(draw: st.DrawFn, plain: st.SearchStrategy[dict[str, Any]]) -> str:
    """A row's JSON text as a database may hold it: what ``json.dumps`` writes (escaped or
    not), sometimes with a key given twice (the last one counts), a lone surrogate in a
    string, or NaN (which Python's ``json`` reads and msgspec does not)."""
    data = draw(plain)
    odd = draw(st.integers(0, 9))
    keys = sorted(data)
    if odd == 7 and keys:
        data[draw(st.sampled_from(keys))] = draw(st.sampled_from(["a\ud800", float("nan")]))
    text = json.dumps(data, ensure_ascii=draw(st.booleans()))
    if odd >= 8 and keys:  # a first value of a key, overridden by the one json.dumps wrote
        first = draw(st.sampled_from([0, None, "x", [1], {"code": 1}, "p9"]))
        text = (
            "{"
            + json.dumps(draw(st.sampled_from(keys)))
            + ": "
            + json.dumps(first)
            + ", "
            + text[1:]
        )
    return text


def _whole_or_first_refusal(rows: list[tuple[Any, str]], one: Any) -> tuple[Any, ...]:
    """What reading the rows one by one with the codec gives: every object, or the first
    refusal."""
    made = []
    for key, text in rows:
        outcome = _outcome(lambda key=key, text=text: one(key, json.loads(text)))
        if outcome[0] == "refused":
            return outcome
        made.append((key, outcome[1]))
    return ("made", made, repr(made))


@settings(max_examples=300, deadline=None)
@given(st.lists(texts_of(plain_people()), min_size=1, max_size=6))
def test_people_from_their_texts_are_what_the_codec_makes_or_the_same_refusal(texts):
    rows = [(f"p{i}", text) for i, text in enumerate(texts)]
    decoder = RowDecoder(
        Context(kinds=dict(BUILTIN_KINDS), documents=DocumentRegister(), people={})
    )

    def codec(pid: str, data: Any) -> Person:
        return person_from_plain(data, ("people", pid))

    assert _outcome(lambda: decoder.people_of_texts(rows)) == _whole_or_first_refusal(rows, codec)
    for row in rows:  # each row alone too: a refused row hides the rows after it
        assert _outcome(lambda row=row: decoder.people_of_texts([row])) == (
            _whole_or_first_refusal([row], codec)
        )


@settings(max_examples=300, deadline=None)
@given(st.lists(texts_of(plain_changes()), min_size=1, max_size=6))
def test_changes_from_their_texts_are_what_the_codec_makes_or_the_same_refusal(texts):
    people = {"p1": person_from_plain(_PERSON, ()), "p2": person_from_plain(_PERSON, ())}
    ctx = Context(kinds=dict(BUILTIN_KINDS), documents=_register(), people=people)
    rows = [(i if i % 2 else None, text) for i, text in enumerate(texts)]
    for batch in [rows, *([row] for row in rows)]:  # each alone too, as for people
        quick = _outcome(lambda batch=batch: RowDecoder(ctx).changes_of_texts(batch))
        expected = _whole_or_first_refusal(batch, lambda _, data: change_from_plain(data, ctx, ()))
        assert quick == expected
        if quick[0] == "made":  # every field, ``ref`` (left out of ==) too
            assert [vars(c) for _, c in quick[1]] == [vars(c) for _, c in expected[1]]


IDS = st.one_of(
    st.sampled_from(["p1", "t01-n000000", "a.b_c-d", "-p", "p 1", "", "p\n"]), st.text(max_size=5)
)
NAMES = st.one_of(st.sampled_from(["Võ Hồng Hạnh", " ", "", "\u3000"]), st.text(max_size=4))
NATIONAL_IDS = st.one_of(
    st.none(), st.sampled_from(["001185104729", "00118510472", "0011851047290", "00118510472\n"]),
    st.text(alphabet="0123456789٠١\n", max_size=13),
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(
    IDS,
    NAMES,
    st.sampled_from(list(Sex)),
    st.sampled_from(list(Category)),
    NATIONAL_IDS,
    st.sampled_from([None, Rank("01.003", "Chuyên viên")]),
    st.lists(st.text(max_size=3), max_size=2).map(tuple),
    st.text(max_size=4),
)
def test_a_proven_person_is_the_person_or_none_where_person_refuses(
    pid, name, sex, category, national_id, rank, qualifications, title
):
    birth = BirthDate.parse("1980-05-12")
    values = (pid, name, sex, birth, category, national_id, rank, qualifications, title)
    try:
        person = Person(
            id=pid,
            full_name=name,
            sex=sex,
            birth=birth,
            category=category,
            national_id=national_id,
            rank=rank,
            qualifications=qualifications,
            title=title,
        )
    except InvalidValue:
        assert proven.person(*values) is None
        return
    made = proven.person(*values)
    assert proven.FAST
    assert type(made) is Person
    assert made == person
    assert repr(made) == repr(person)
    assert hash(made) == hash(person)
    assert all(getattr(made, f.name) is getattr(person, f.name) for f in dataclasses.fields(Person))


def test_a_proven_hire_is_the_hire():
    person = person_from_plain(_PERSON, ())
    on = dt.date(2020, 3, 4)
    made = proven.hire(on, None, "ghi chú", "r", person, "so", Role.DEPUTY)
    hire = Hire(
        on=on, basis=None, note="ghi chú", ref="r", person=person, unit="so", role=Role.DEPUTY
    )
    assert type(made) is Hire
    assert made == hire
    assert repr(made) == repr(hire)
    assert vars(made) == vars(hire)
    assert list(vars(made)) == list(vars(hire))


def test_the_typed_path_is_taken_for_what_the_codec_writes():
    """The speed's premise (a fallback would be equal, and slow): the usual rows are taken."""
    full = {**_PERSON, "national_id": "001100000001", "title": "Lái xe", "qualifications": ["x"]}
    full["rank"] = {"code": "01.003", "name": "Chuyên viên"}
    rows = row_structs.people([json.dumps(full), json.dumps(_PERSON)])
    decoder = RowDecoder(Context(kinds=dict(BUILTIN_KINDS), documents=_register(), people={}))
    made = [decoder._typed_person(row) for row in rows if row is not None]
    assert made == [person_from_plain(full, ()), person_from_plain(_PERSON, ())]
    decoder.ctx.people["p1"] = made[0]
    hire = {"kind": "hire", "on": "2020-01-01", "basis": "1055/QĐ-UBND", "person": "p1"}
    (row,) = row_structs.changes([json.dumps({**hire, "unit": "so", "role": "head"})])
    assert row is not None
    change = decoder._quick_change(
        row.kind, row.on, row.person, row.unit, row.role, row.basis, row.note
    )
    assert change == change_from_plain({**hire, "unit": "so", "role": "head"}, decoder.ctx, ())
