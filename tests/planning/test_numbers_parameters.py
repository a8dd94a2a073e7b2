"""The ``numbers`` kind of legal parameter: read, cited, and refused when malformed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tinhgon.law import ParameterError, load_parameters, parse_parameter
from tinhgon.law.numbers import Numbers

GOOD = """\
id: sample
title: {vi: Mẫu, en: Sample}
kind: numbers
values:
  2024-07-01:
    value: {amount: 2340000, rate: 0.45}
    citation: {instrument: 73/2024/NĐ-CP, issued_on: 2024-06-30}
    confidence: medium
    verified: false
"""


def test_named_numbers_are_read_exactly() -> None:
    parameter = parse_parameter(GOOD, name="sample.yaml")
    entry = parameter.value_on(dt.date(2025, 1, 1))
    assert entry is not None
    assert isinstance(entry.value, Numbers)
    assert entry.value["amount"] == 2_340_000
    assert entry.value["rate"] == Decimal("0.45")  # not the float 0.450000000000000011…
    assert entry.plain_value() == {"amount": 2340000, "rate": 0.45}
    assert parameter.value_on(dt.date(2024, 6, 30)) is None


@pytest.mark.parametrize(
    ("value", "field"),
    [("{amount: lots}", "values.2024-07-01.value.amount"), ("[1, 2]", "values.2024-07-01.value")],
)
def test_a_malformed_number_is_named(value: str, field: str) -> None:
    text = GOOD.replace("{amount: 2340000, rate: 0.45}", value)
    with pytest.raises(ParameterError) as raised:
        parse_parameter(text, name="sample.yaml")
    assert [p.field for p in raised.value.problems] == [field]


def test_a_numbers_parameter_takes_no_limit() -> None:
    with pytest.raises(ParameterError) as raised:
        parse_parameter(
            GOOD.replace("kind: numbers", "kind: numbers\nlimit: at_most"), name="sample.yaml"
        )
    assert "limit" in [p.field for p in raised.value.problems]


def test_the_shipped_base_salary() -> None:
    parameter = load_parameters()["base_salary"]
    on_2025 = parameter.value_on(dt.date(2025, 1, 1))
    assert on_2025 is not None
    assert isinstance(on_2025.value, Numbers)
    assert on_2025.value["amount"] == 2_340_000
    assert on_2025.citation.instrument == "73/2024/NĐ-CP"
    earlier = parameter.value_on(dt.date(2024, 6, 30))
    assert earlier is not None
    assert isinstance(earlier.value, Numbers)
    assert earlier.value["amount"] == 1_800_000
