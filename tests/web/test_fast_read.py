"""The command line's quick reading of an agency's rows (``reader.read_agency`` with
``fast_rows``) gives what the codec and the web application's whole reading give: the same
objects for every plain value, valid or not (or the same error), the same project on every
date for made-up histories and a province, and a loud failure for a row that is not valid."""

from __future__ import annotations

import datetime as dt
import gc
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.builders import BASIS
from tests.domain.test_properties import histories
from tinhgon.domain import (
    BUILTIN_KINDS,
    Document,
    DocumentKind,
    DocumentRegister,
    Hire,
    Project,
    Timeline,
    parse_symbol,
)
from tinhgon.domain import Agency as DomainAgency
from tinhgon.io.codec import Context, change_from_plain, person_from_plain
from tinhgon.web.fast_rows import RowDecoder

# -- the decoder against the codec, value by value ------------------------------------------

JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 2100),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.sampled_from(["", " ", "x", "1980", "01.003", "so", "p1", "male", "head"]),
    st.text(max_size=4),
    st.lists(st.sampled_from(["a", "", 1]), max_size=2),
    st.dictionaries(st.sampled_from(["code", "name", "x"]), st.sampled_from(["01.003", "", 2])),
)
BORN = (["1980-05-12", "1980-05", "1980", "12/05/1980", "5/1980", " 1975-01-31 "],
        ["1980-02-30", "1980-13", "1800", "12-05-1980", "1980-5-1", "１９８０", ""])  # fmt: skip
NAMES = (["Nguyễn Văn An", "  Lê   Thị  Hà ", "Trần\tBình"], ["", "   "])


def _value(draw: st.DrawFn, field: tuple[list[Any], list[Any]]) -> Any:
    """Mostly a valid value of the field, else an invalid one, else anything (a value of
    another type). Hypothesis leans to 0, hence the order."""
    valid, invalid = field
    which = draw(st.integers(0, 9))
    if which < 7:
        return draw(st.sampled_from(valid))
    if which < 9 and invalid:
        return draw(st.sampled_from(invalid))
    return draw(JUNK)


@st.composite
def plain_people(draw: st.DrawFn) -> dict[str, Any]:
    """A person's plain data as ``person_to_plain`` writes it, each field sometimes another
    value or another type, sometimes missing, sometimes with a field the quick path leaves
    to the codec."""
    data = {key: _value(draw, field) for key, field in PERSON_FIELDS.items()}
    for key, field in PERSON_OPTIONAL.items():
        rare = 2 if key in _QUICK_KEYS else 30  # a field the quick path leaves: now and then
        if draw(st.integers(0, rare)) == rare:
            data[key] = _value(draw, field)
    if draw(st.integers(0, 9)) == 9:
        data.pop(draw(st.sampled_from(sorted(data))))
    return data


PERSON_FIELDS: dict[str, tuple[list[Any], list[Any]]] = {
    "id": (["p1", "p-2", "ng.4"], ["P 3", ""]),
    "name": NAMES,
    "born": BORN,
    "sex": (["male", "female"], ["Male"]),
    "category": (["civil_servant", "public_employee"], ["x"]),
}
PERSON_OPTIONAL: dict[str, tuple[list[Any], list[Any]]] = {
    "national_id": (["001100000001", ""], ["12345", "0011000000012"]),
    "rank": (
        [{"code": "01.003", "name": "Chuyên viên"}, {"code": "", "name": "x"}],
        ["01.003", "Chuyên viên chính", "Kỹ sư", {}, {"code": "01.003"}],
    ),
    "qualifications": ([["Thạc sĩ"], [], ["", "Cử nhân luật"]], [[1], "Thạc sĩ", None]),
    "title": (["Lái xe", "  Kế toán   trưởng ", ""], [None, 5]),
    "ratings": ([{}, {"2023": "excellent"}], [{"2023": "x"}]),
    "hazardous_work_years": ([3, None], [61]),
    "salary_coefficient": ([2.34, "2,67", None], [101]),
    "social_insurance_months": ([120, None], [1.5]),
    "social_insurance_on": (["2024-01-01", None], ["x"]),
    "unknown": ([1, "x"], []),
}


_QUICK_KEYS = frozenset(("national_id", "rank", "qualifications", "title", "unknown"))


def _outcome(call: Any) -> tuple[Any, ...]:
    """What a call gives: the object (its repr shows every field's type), or the error."""
    try:
        made = call()
    except Exception as error:
        return ("refused", type(error).__name__, str(error), getattr(error, "path", None))
    return ("made", made, repr(made))


@settings(max_examples=400, deadline=None)
@given(st.lists(plain_people(), min_size=1, max_size=6))
def test_a_person_is_what_the_codec_makes_of_it_or_the_same_refusal(people):
    ctx = Context(kinds=dict(BUILTIN_KINDS), documents=DocumentRegister(), people={})
    decoder = RowDecoder(ctx)  # one for all: what it shares from one person to the next
    for data in people:
        quick = _outcome(lambda data=data: decoder.person(data, "p"))
        assert quick == _outcome(lambda data=data: person_from_plain(data, ("people", "p")))


def _register() -> DocumentRegister:
    def document(symbol: str, issued: str) -> Document:
        return Document(
            symbol=parse_symbol(symbol),
            kind=DocumentKind.DECISION,
            issued_on=dt.date.fromisoformat(issued),
            issuer="Ủy ban nhân dân tỉnh",
            title="Quyết định",
        )

    # Two documents share a symbol: naming it alone is refused, with its date it is found.
    return DocumentRegister(
        [
            document("1055/QĐ-UBND", "2018-10-15"),
            document("12/QĐ-UBND", "2019-01-02"),
            document("12/QĐ-UBND", "2020-03-04"),
        ]
    )


@st.composite
def plain_changes(draw: st.DrawFn) -> dict[str, Any]:
    """A hire or a transfer as ``change_to_plain`` writes it, or another kind, each field
    sometimes another value or type, or missing."""
    data = {key: _value(draw, field) for key, field in CHANGE_FIELDS.items()}
    for key, field in CHANGE_OPTIONAL.items():
        if draw(st.integers(0, 2)) == 2:
            data[key] = _value(draw, field)
    if draw(st.integers(0, 9)) == 9:
        data.pop(draw(st.sampled_from(sorted(data))))
    return data


CHANGE_FIELDS: dict[str, tuple[list[Any], list[Any]]] = {
    "kind": (["hire", "transfer"], ["relieve", "set_quota", "x"]),
    "on": (["2020-03-04", " 2021-12-01"], ["01/02/2020", "2020-02-30", "2020-1-1"]),
    "person": (["p1", "p2"], ["nobody"]),
    "unit": (["so", "d1"], []),
}
CHANGE_OPTIONAL: dict[str, tuple[list[Any], list[Any]]] = {
    "basis": (
        ["1055/QĐ-UBND", {"symbol": "12/QĐ-UBND", "date": "2020-03-04"}],
        ["12/QĐ-UBND", "99/QĐ", ""],
    ),
    "note": (["", "ghi chú"], []),
    "role": (["staff", "head", "deputy"], ["boss"]),
    "category": (["civil_servant"], []),
    "year": ([2020], []),
    "value": ([3], []),
}
# Values of every JSON type, tried in every field one at a time.
ODD = [None, True, False, 0, 1, 2020, -1, 1.5, 0.0, "", " ", "x", [], ["x"], [1], {}, {"x": 1}]


def _one_field_at_a_time(
    base: dict[str, Any], fields: dict[str, tuple[list[Any], list[Any]]]
) -> list[dict[str, Any]]:
    """The base, then each field set to each of its values and to each odd value, and left out."""
    out = [base]
    for key, (valid, invalid) in fields.items():
        for value in [*valid, *invalid, *ODD]:
            out.append({**base, key: value})
        out.append({k: v for k, v in base.items() if k != key})
    return out


def test_every_field_of_a_person_one_at_a_time():
    ctx = Context(kinds=dict(BUILTIN_KINDS), documents=DocumentRegister(), people={})
    decoder = RowDecoder(ctx)
    base = {**_PERSON, "national_id": "001100000001", "title": "Lái xe"}
    cases = _one_field_at_a_time(base, {**PERSON_FIELDS, **PERSON_OPTIONAL})
    made = 0
    for data in cases:
        quick = _outcome(lambda data=data: decoder.person(data, "p"))
        assert quick == _outcome(lambda data=data: person_from_plain(data, ("people", "p")))
        made += quick[0] == "made"
    assert made > len(cases) // 3  # not all refused: the quick path was exercised


def test_every_field_of_a_change_one_at_a_time():
    people = {"p1": person_from_plain(_PERSON, ()), "p2": person_from_plain(_PERSON, ())}
    ctx = Context(kinds=dict(BUILTIN_KINDS), documents=_register(), people=people)
    decoder = RowDecoder(ctx)
    made = 0
    for kind in ("hire", "transfer"):
        base = {"kind": kind, "on": "2020-03-04", "basis": "1055/QĐ-UBND", "person": "p1"}
        cases = _one_field_at_a_time({**base, "unit": "d1"}, {**CHANGE_FIELDS, **CHANGE_OPTIONAL})
        for data in cases:
            quick = _outcome(lambda data=data: decoder.change(data))
            assert quick == _outcome(lambda data=data: change_from_plain(data, ctx, ()))
            made += quick[0] == "made"
    assert made > 40


@settings(max_examples=400, deadline=None)
@given(st.lists(plain_changes(), min_size=1, max_size=6))
def test_a_change_is_what_the_codec_makes_of_it_or_the_same_refusal(changes):
    people = {"p1": person_from_plain(_PERSON, ()), "p2": person_from_plain(_PERSON, ())}
    ctx = Context(kinds=dict(BUILTIN_KINDS), documents=_register(), people=people)
    decoder = RowDecoder(ctx)
    for data in changes:
        quick = _outcome(lambda data=data: decoder.change(data))
        assert quick == _outcome(lambda data=data: change_from_plain(data, ctx, ()))


_PERSON = {"id": "p1", "name": "An", "born": "1980", "sex": "male", "category": "civil_servant"}


def test_the_quick_path_is_taken_for_what_the_codec_writes():
    """Not a test of equality (above) but of the speed's premise: the common shapes do not
    fall back to the codec (a fallback would be equal, and slow)."""
    ctx = Context(kinds=dict(BUILTIN_KINDS), documents=_register(), people={})
    decoder = RowDecoder(ctx)
    full = {**_PERSON, "national_id": "001100000001", "title": "Lái xe", "qualifications": ["x"]}
    full["rank"] = {"code": "01.003", "name": "Chuyên viên"}
    ctx.people["p1"] = decoder._person(full)
    hire = {"kind": "hire", "on": "2020-01-01", "basis": "1055/QĐ-UBND", "person": "p1"}
    assert isinstance(decoder._change({**hire, "unit": "so"}), Hire)
    decoder._change({**hire, "kind": "transfer", "unit": "d1", "role": "deputy"})


# -- the database: the quick reading against the whole reading -------------------------------


def _same_everywhere(agency: Any) -> None:
    from tinhgon.io.project_file import project_to_plain
    from tinhgon.web import reader, repository

    whole = repository.build_project(agency)
    days = sorted({c.on for c in whole.timeline.changes})
    asked = (days[len(days) // 2],) if days else ()
    for quick in (reader.read_agency(agency), reader.read_agency(agency, snapshots_for=asked)):
        assert project_to_plain(quick) == project_to_plain(whole)
        assert quick.timeline.changes == whole.timeline.changes
        assert [repr(c) for c in quick.timeline.changes] == [repr(c) for c in whole.timeline]
        assert [repr(p) for p in quick.people.values()] == [repr(p) for p in whole.people.values()]
        for on in [*days, days[-1] + dt.timedelta(days=1)] if days else []:
            assert quick.state_on(on) == whole.state_on(on)
            for plan in whole.plans:
                assert quick.state_on(on, plan=plan) == whole.state_on(on, plan=plan)


@pytest.mark.django_db
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(histories(max_steps=30))
def test_made_up_histories_read_back_the_same_on_every_date(changes):
    from django.db import transaction

    from tinhgon.web import models, repository

    register = DocumentRegister(
        [
            Document(
                symbol=parse_symbol(BASIS.symbol),
                kind=DocumentKind.DECISION,
                issued_on=BASIS.issued_on,
                issuer="Ủy ban nhân dân tỉnh",
                title="Quyết định",
            )
        ]
    )
    people = {c.person.id: c.person for c in changes if isinstance(c, Hire)}
    project = Project(
        agency=DomainAgency(id="root", name="Cơ quan"),
        documents=register,
        timeline=Timeline(changes),
        people=people,
    )
    with transaction.atomic():
        agency = models.Agency.objects.create(code="root", name="Cơ quan")
        repository.write_project(project, agency, user=None)
        _same_everywhere(agency)
        transaction.set_rollback(True)


def test_a_province_history_reads_back_the_same(province_history):
    _same_everywhere(province_history)


@pytest.fixture
def province_history(db):  # type: ignore[no-untyped-def]
    from tests.province.fixture import PROVINCE_YAML
    from tinhgon.web import models, services

    place = models.Province.objects.create(code="quang-ngai", name="Quảng Ngãi")
    return services.agency_import(text=PROVINCE_YAML, filename="qn.yaml", user=None, province=place)


def test_the_example_reads_back_the_same(kontum):
    _same_everywhere(kontum)


# -- a row that is not valid is refused as the whole reading refuses it ----------------------


def _refusal(call: Any) -> str:
    with pytest.raises(Exception) as caught:  # noqa: PT011 — the wording is what is compared
        call()
    return f"{type(caught.value).__name__}: {caught.value}"


@pytest.mark.parametrize(
    ("table", "change"),
    [
        ("people", {"national_id": "12345"}),  # the Person's own check
        ("people", {"born": "1980-02-30"}),
        ("people", {"sex": "x"}),
        ("changes", {"unit": "khong-co"}),  # the replay's check
        ("changes", {"basis": "99/QĐ-KHONG"}),
        ("changes", {"on": "2020-02-30"}),
    ],
)
def test_a_row_that_is_not_valid_is_refused_loudly(kontum, table, change):
    from tinhgon.web import reader, repository

    rows = kontum.people.all() if table == "people" else kontum.changes.filter(kind="hire")
    row = rows.order_by("pk").first()
    field = "data" if table == "people" else "payload"
    setattr(row, field, {**getattr(row, field), **change})
    row.save()
    refused = _refusal(lambda: reader.read_agency(kontum))
    assert refused == _refusal(lambda: repository.build_project(kontum))


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_left_as_it_was(kontum, enabled):
    from tinhgon.web import reader

    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        reader.read_agency(kontum)
        assert gc.isenabled() is enabled
        kontum.people.update(data={"id": "bad"})
        with pytest.raises(Exception):  # noqa: PT011, B017 — refused, and the collector restored
            reader.read_agency(kontum)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
