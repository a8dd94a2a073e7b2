"""Parameter files: every value cited, with its confidence; no duplicate dates; all in the schema."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from ruamel.yaml import YAML

from tinhgon.law import (
    RULES,
    Confidence,
    Limits,
    ParameterError,
    load_parameters,
    parse_parameter,
)
from tinhgon.law.parameters import parameter_files

PARAMETER_FILES = parameter_files()
SCHEMA = json.loads(
    resources.files("tinhgon.law").joinpath("parameter.schema.json").read_text("utf-8")
)

GOOD = """\
id: sample
title: {vi: Mẫu, en: Sample}
kind: limits
limit: at_most
counts: {vi: biên chế, en: staff, categories: [civil_servant]}
values:
  2018-07-10:
    value: [{from: 7, to: 9, limit: 1}, {from: 10, limit: 2}]
    citation: {instrument: 82/2018/NĐ-CP, issued_on: 2018-05-22}
    confidence: medium
    verified: false
"""


def _plain(text: str) -> Any:
    """The file as JSON would see it: dates as ISO strings."""

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            return {
                (k.isoformat() if isinstance(k, dt.date) else k): walk(v) for k, v in node.items()
            }
        if isinstance(node, list):
            return [walk(v) for v in node]
        if isinstance(node, dt.date):
            return node.isoformat()
        return node

    return walk(YAML(typ="safe", pure=True).load(text))


def _schema_errors(text: str) -> list[str]:
    return [e.message for e in Draft202012Validator(SCHEMA).iter_errors(_plain(text))]


@pytest.mark.parametrize("file", PARAMETER_FILES, ids=lambda f: f.name)
def test_every_parameter_file_is_in_the_schema(file: Path) -> None:
    text = file.read_text(encoding="utf-8")

    errors = _schema_errors(text)

    assert errors == []


@pytest.mark.parametrize("file", PARAMETER_FILES, ids=lambda f: f.name)
def test_every_value_has_a_citation_a_confidence_and_a_verification(file: Path) -> None:
    data = _plain(file.read_text(encoding="utf-8"))

    for since, entry in data["values"].items():
        assert entry["citation"]["instrument"], since
        assert entry["citation"]["issued_on"], since
        assert entry["confidence"] in ("high", "medium", "low"), since
        assert isinstance(entry["verified"], bool), since


def test_the_package_parameters_load() -> None:
    parameters = load_parameters()

    assert set(parameters) == {f.name.removesuffix(".yaml") for f in PARAMETER_FILES}


def test_every_parameter_a_rule_reads_exists() -> None:
    parameters = load_parameters()

    missing = {p for rule in RULES for p in rule.parameters if p not in parameters}

    assert missing == set()


def test_a_good_file_passes_both_the_schema_and_the_loader() -> None:
    parameter = parse_parameter(GOOD, name="sample.yaml")

    assert _schema_errors(GOOD) == []
    assert parameter.values[0].since == dt.date(2018, 7, 10)


BAD = {
    "a value without a citation": GOOD.replace(
        "    citation: {instrument: 82/2018/NĐ-CP, issued_on: 2018-05-22}\n", ""
    ),
    "a value without a confidence": GOOD.replace("    confidence: medium\n", ""),
    "a value without its verification": GOOD.replace("    verified: false\n", ""),
    "a citation without its date of issue": GOOD.replace(", issued_on: 2018-05-22", ""),
    "a confidence that is not a level": GOOD.replace("confidence: medium", "confidence: sure"),
    "a misspelt field": GOOD.replace(
        "    verified: false\n", "    verified: false\n    note_: x\n"
    ),
    "a date that is not a date": GOOD.replace("2018-07-10:", "10/07/2018:"),
    "a band without a limit": GOOD.replace("{from: 10, limit: 2}", "{from: 10}"),
    "an age with thirteen months": GOOD.replace(
        "kind: limits\nlimit: at_most\n", "kind: age\n"
    ).replace("[{from: 7, to: 9, limit: 1}, {from: 10, limit: 2}]", "{years: 60, months: 13}"),
    "an unknown kind": GOOD.replace("kind: limits", "kind: table"),
}


@pytest.mark.parametrize("text", BAD.values(), ids=BAD.keys())
def test_a_malformed_file_fails_the_schema_and_the_loader(text: str) -> None:
    assert _schema_errors(text) != []
    with pytest.raises(ParameterError):
        parse_parameter(text, name="sample.yaml")


def test_a_duplicate_date_is_refused() -> None:
    entry = GOOD.split("values:\n", 1)[1]
    text = GOOD + entry.replace("value: [", "value: [{limit: 3}, ")

    with pytest.raises(ParameterError, match="twice"):
        parse_parameter(text, name="sample.yaml")


def test_a_duplicate_date_written_once_as_text_is_refused() -> None:
    entry = GOOD.split("values:\n", 1)[1].replace("2018-07-10:", '"2018-07-10":')
    text = GOOD + entry

    with pytest.raises(ParameterError, match="twice"):
        parse_parameter(text, name="sample.yaml")


def test_the_id_must_match_the_file_name() -> None:
    with pytest.raises(ParameterError, match="file name"):
        parse_parameter(GOOD, name="other.yaml")


def test_a_low_confidence_band_is_recorded_but_never_applied() -> None:
    text = (
        "id: t\ntitle: {vi: t, en: t}\nkind: limits\nlimit: at_least\n"
        "counts: {vi: c, en: c, categories: [civil_servant]}\nvalues:\n  2021-01-01:\n"
        "    value: [{limit: 5}, {limit: 7, province_class: [special], confidence: low}]\n"
        "    citation: {instrument: 1/2020/NĐ-CP, issued_on: 2020-01-01}\n"
        "    confidence: medium\n    verified: false\n"
    )
    entry = parse_parameter(text, name="t.yaml").value_on(dt.date(2021, 6, 1))
    assert entry is not None
    assert isinstance(entry.value, Limits)

    band = entry.value.band_for(6, "special", entry.confidence)

    assert band is not None
    assert band.limit == 5
    assert any(b.confidence is Confidence.LOW for b in entry.value.bands)


def test_the_minimum_of_a_department_of_a_so_follows_the_province_class() -> None:
    entry = load_parameters()["so_department_minimum_staff"].value_on(dt.date(2021, 1, 1))
    assert entry is not None
    assert isinstance(entry.value, Limits)

    limits = {c: entry.value.band_for(0, c, entry.confidence) for c in ("special", "I", "II", None)}

    assert {c: b.limit for c, b in limits.items() if b} == {"special": 7, "I": 6, "II": 5, None: 5}


def test_an_officer_corrects_a_number_by_editing_the_file(tmp_path: Path) -> None:
    source = resources.files("tinhgon.law").joinpath("parameters")
    for file in parameter_files():
        (tmp_path / file.name).write_text(file.read_text(encoding="utf-8"), encoding="utf-8")
    target = tmp_path / "ez_department_deputy_heads.yaml"
    target.write_text(
        target.read_text(encoding="utf-8").replace("{from: 10, limit: 2}", "{from: 10, limit: 3}"),
        encoding="utf-8",
    )

    parameters = load_parameters(tmp_path)

    entry = parameters["ez_department_deputy_heads"].value_on(dt.date(2019, 1, 1))
    assert entry is not None
    assert isinstance(entry.value, Limits)
    assert entry.value.band_for(12, None, entry.confidence) is not None
    assert entry.value.band_for(12, None, entry.confidence).limit == 3  # type: ignore[union-attr]
    assert source.joinpath("ez_department_deputy_heads.yaml").is_file()


def test_a_null_value_ends_the_window() -> None:
    parameter = load_parameters()["so_department_deputy_heads"]

    assert parameter.in_force(dt.date(2025, 2, 27))
    assert not parameter.in_force(dt.date(2025, 2, 28))
    assert not parameter.in_force(dt.date(2025, 6, 15))
    assert parameter.in_force(dt.date(2025, 6, 16))
    assert not parameter.in_force(dt.date(2020, 11, 24))
    assert parameter.windows() == [
        (dt.date(2020, 11, 25), dt.date(2025, 2, 28)),
        (dt.date(2025, 6, 16), None),
    ]


def test_a_rule_that_ends_is_not_a_coverage_gap() -> None:
    parameter = load_parameters()["so_inspectorate_deputy_heads"]

    assert parameter.ended(dt.date(2025, 6, 15)) is None
    ended = parameter.ended(dt.date(2025, 6, 16))
    assert ended is not None
    assert ended.citation.instrument == "150/2025/NĐ-CP"


def test_ends_goes_only_with_a_null_value() -> None:
    text = (
        "id: t\ntitle: {vi: t, en: t}\nkind: limits\nlimit: at_most\n"
        "counts: {vi: c, en: c}\nvalues:\n  2021-01-01:\n    value: [{limit: 5}]\n"
        "    ends: true\n"
        "    citation: {instrument: 1/2020/NĐ-CP, issued_on: 2020-01-01}\n"
        "    confidence: medium\n    verified: false\n"
    )
    with pytest.raises(ParameterError) as error:
        parse_parameter(text, name="t.yaml")
    assert "ends" in str(error.value)
