"""The columnar check's own ways of ordering and copying findings (issue 14, aim 5): the same
order as ``engine.run``'s sort, ties kept as they came; a copied finding equal to the one
``dataclasses.replace`` makes, still frozen, with a ``detail`` of its own."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tinhgon.domain import Text
from tinhgon.law.columnar.copies import copy_of as _copy_of
from tinhgon.law.columnar.run import engine_order
from tinhgon.law.findings import Finding, Severity

ON = dt.date(2021, 6, 1)
UNITS = ["u1", "u2", "u10", "đ", "u"]
# codes and ids that sort differently as text than as numbers, prefixes of each other,
# Vietnamese letters (ordered by code point, as Python orders strings)
RULES_ = ["RA", "RA-5", "SO-1", "SO-10", "SO-2", "QT-1", "Ă", "Z"]
PEOPLE = [None, "", "p1", "p10", "p2", "p", "Đặng", "dang", "a b", "~"]


@st.composite
def findings(draw: st.DrawFn) -> list[Finding]:
    out = []
    for n in range(draw(st.integers(0, 40))):
        out.append(
            Finding(
                draw(st.sampled_from(RULES_)),
                draw(st.sampled_from(list(Severity))),
                ON,
                Text(f"m{n}", f"m{n}"),
                (),
                unit_id=draw(st.sampled_from([None, "", "gone", *UNITS])),
                person_id=draw(st.sampled_from(PEOPLE)),
            )
        )
    return out


@settings(max_examples=300, deadline=None)
@given(findings(), st.permutations(UNITS))
def test_the_columnar_order_is_the_engines(found: list[Finding], tree: list[str]) -> None:
    order = {u: n for n, u in enumerate(tree)}
    expected = sorted(
        found,
        key=lambda f: (
            f.severity.rank,
            order.get(f.unit_id or "", -1),
            f.rule,
            f.person_id or "",
        ),
    )
    got = engine_order(list(found), order)
    # the very same objects in the very same places: ties (equal keys) kept as they came
    assert [id(f) for f in got] == [id(f) for f in expected]


def test_ties_keep_the_order_they_came_in() -> None:
    same = [Finding("RA", Severity.WARNING, ON, Text(str(n), str(n)), (), "u1") for n in range(5)]
    assert [f.message.vi for f in engine_order(same[::-1], {"u1": 0})] == ["4", "3", "2", "1", "0"]


def test_a_copied_finding_is_the_replaced_one() -> None:
    f = Finding(
        "RA",
        Severity.WARNING,
        ON,
        Text("A (X) đến tuổi", "A (X) retires"),
        (),
        "x",
        "X",
        "a",
        "A",
        60,
        62,
        (),
        {"retires_on": "2021-01-01"},
        Text("Tuổi", "Age"),
    )
    message = Text("B (Y) đến tuổi", "B (Y) retires")
    got = _copy_of(f, message, "y", "Y", "b", "B")
    expected = dataclasses.replace(
        f, message=message, unit_id="y", unit_name="Y", person_id="b", person_name="B"
    )
    assert type(got) is Finding
    assert got == expected
    assert got.as_dict() == expected.as_dict()
    assert got.detail is not f.detail
    with pytest.raises(dataclasses.FrozenInstanceError):
        got.rule = "SO-1"  # type: ignore[misc]
