"""The quick reading of a usual person (codec_people.person_from_plain) gives what the full
reading gives — an equal person, or the same error at the same path with the same words —
and a person's checks of optional facts, now made only when a fact is given, refuse exactly
what they refused before, with the same message."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tinhgon.domain import BirthDate, Category, InvalidValue, Person, Sex
from tinhgon.io.codec import FieldError, person_from_plain
from tinhgon.io.codec_people import _person_in_full


def outcome(call: Any) -> Any:
    try:
        person = call()
    except FieldError as error:
        return ("field error", error.path, error.vi, error.en)
    except Exception as error:  # the same kind of failure, with the same words
        return ("error", type(error).__name__, str(error))
    return ("person", person, repr(person), hash(person), [type(v) for v in _values(person)])


def _values(person: Person) -> list[Any]:
    return [getattr(person, f.name) for f in dataclasses.fields(person)]


IDS = st.sampled_from(["p1", "p-2", "a.b_c", "", "bad id", "đ1", "p1"])
BORN = st.one_of(
    st.sampled_from(
        ["1980-01-02", "1980-02-30", "1980", "1980-05", "02/01/1980", "5/1980", "1899", " 1980 "]
    ),
    st.text(alphabet="0123456789-/ ", max_size=10),
    st.integers(1890, 2110),
)
RANK = st.one_of(
    st.fixed_dictionaries(
        {"code": st.sampled_from(["01.003", "1", ""]), "name": st.text(max_size=4)}
    ),
    st.sampled_from(["01.003", "chuyên viên", "Kỹ sư", "", None]),
    st.fixed_dictionaries({"code": st.just("01.002")}),
)


@st.composite
def people(draw: st.DrawFn) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for key, values in (
        ("id", IDS),
        ("name", st.sampled_from(["Lê Thị  Hà", " ", "An", "Nguyễn\tVăn A"])),
        ("born", BORN),
        ("sex", st.sampled_from(["male", "female", "nam", "x"])),
        ("category", st.sampled_from([c.value for c in Category] + ["other"])),
        ("national_id", st.sampled_from(["001100000001", "123", "", None, 1100000001])),
        ("rank", RANK),
        ("unit", st.just("d1")),
    ):
        if draw(st.integers(0, 9)):  # now and then a key is missing
            data[key] = draw(values)
    if draw(st.integers(0, 3)) == 0:  # now and then an uncommon key: the full reading
        key = draw(st.sampled_from(["title", "qualifications", "salary_coefficient"]))
        data[key] = {"title": "Lái xe", "qualifications": ["ThS"], "salary_coefficient": 2.34}[key]
    return data


@settings(max_examples=600, deadline=None)
@given(people())
def test_the_quick_reading_gives_what_the_full_reading_gives(data: dict[str, Any]) -> None:
    path = ("people", 7)
    full = outcome(lambda: _person_in_full(data, path))
    assert outcome(lambda: person_from_plain(data, path)) == full
    assert outcome(lambda: person_from_plain(data, path)) == full  # birth and rank now shared


def test_shared_birth_dates_and_ranks_are_equal_values() -> None:
    one = person_from_plain(
        {"id": "a", "name": "A", "born": "1980-01-02", "sex": "male", "category": "civil_servant",
         "rank": {"code": "01.003", "name": "Chuyên viên"}},
        ("people", 0),
    )  # fmt: skip
    two = person_from_plain(
        {"id": "b", "name": "B", "born": "1980-01-02", "sex": "female", "category": "civil_servant",
         "rank": {"code": "01.003", "name": "Chuyên viên"}},
        ("people", 1),
    )  # fmt: skip
    assert one.birth == two.birth == BirthDate(1980, 1, 2)
    assert one.rank == two.rank
    with pytest.raises(dataclasses.FrozenInstanceError):
        one.birth.year = 1990  # type: ignore[misc]


# -- a person's own checks ------------------------------------------------------------------


def _checks_as_before(p: dict[str, Any]) -> str | None:
    """The checks of Person.__post_init__ as they were written before (the oracle), after the
    identifier: the English message of the first that fails."""
    for value, high, en in (
        (p["hazardous_work_years"], 60, "hazardous work years"),
        (p["difficult_area_years"], 60, "difficult area years"),
        (p["work_capacity_loss"], 100, "work capacity loss (%)"),
    ):
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= high
        ):
            return f"person '{p['id']}': {en} must be a whole number from 0 to {high}"
    for name in ("salary_coefficient", "position_allowance_coefficient", "allowance_coefficient"):
        number = p[name]
        if number is not None and not Decimal(0) <= number <= Decimal(100):
            return f"person '{p['id']}': {name} {number} is invalid (0 to 100)"
    months = p["social_insurance_months"]
    if months is not None and not (0 <= months <= 12 * 70):
        return f"person '{p['id']}': {months} months of social insurance is invalid"
    if not p["full_name"].strip():
        return f"person '{p['id']}': the name is empty"
    if p["national_id"] is not None and not (
        len(p["national_id"]) == 12 and p["national_id"].isdigit()
    ):
        return f"person '{p['id']}': national ID '{p['national_id']}' must be exactly 12 digits"
    return None


FACT = st.one_of(st.none(), st.integers(-5, 120), st.just(True), st.just(3.5))
COEFFICIENT = st.one_of(st.none(), st.decimals("-1", "120", places=2))


@settings(max_examples=500, deadline=None)
@given(
    hazardous=FACT,
    difficult=FACT,
    loss=FACT,
    salary=COEFFICIENT,
    position=COEFFICIENT,
    other=COEFFICIENT,
    months=st.one_of(st.none(), st.integers(-2, 900)),
    name=st.sampled_from(["An", " ", ""]),
    national_id=st.sampled_from([None, "001100000001", "12", "00110000000a"]),
)
def test_a_persons_checks_refuse_what_they_refused(**facts: Any) -> None:
    fields = {
        "id": "p1",
        "full_name": facts["name"],
        "national_id": facts["national_id"],
        "hazardous_work_years": facts["hazardous"],
        "difficult_area_years": facts["difficult"],
        "work_capacity_loss": facts["loss"],
        "salary_coefficient": facts["salary"],
        "position_allowance_coefficient": facts["position"],
        "allowance_coefficient": facts["other"],
        "social_insurance_months": facts["months"],
    }
    expected = _checks_as_before(fields)
    made = (Sex.MALE, BirthDate(1980), Category.CIVIL_SERVANT)
    if expected is None:
        Person(sex=made[0], birth=made[1], category=made[2], **fields)
    else:
        with pytest.raises(InvalidValue) as refused:
            Person(sex=made[0], birth=made[1], category=made[2], **fields)
        assert refused.value.en == expected


def _path_text_as_before(path: tuple[str | int, ...]) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


@given(st.lists(st.one_of(st.text(max_size=4), st.integers(-3, 10**6)), max_size=4))
def test_path_text_as_before(parts: list[str | int]) -> None:
    from tinhgon.io.yamlsrc import path_text

    assert path_text(tuple(parts)) == _path_text_as_before(tuple(parts))


@pytest.mark.parametrize("value", ["head", "deputy", "staff", "x", "", None, 1, "HEAD"])
def test_a_role_read_as_before(value: Any) -> None:
    from tinhgon.domain import Role
    from tinhgon.io.project_reader import _role

    def result(call: Any) -> Any:
        try:
            return call()
        except Exception as error:
            return (type(error).__name__, str(error))

    assert result(lambda: _role(value)) == result(lambda: Role(value))
