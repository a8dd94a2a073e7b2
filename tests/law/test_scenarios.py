"""Legal scenarios as data (tests/law/scenarios/*.yaml): one file per rule, each case a sentence,
a date, a small structure and the findings expected of that rule."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.law.builders import agency_of, build
from tinhgon.law import Finding, Member, Report, check, check_province

SCENARIOS = Path(__file__).parent / "scenarios"


def _cases() -> list[Any]:
    yaml = YAML(typ="safe", pure=True)
    out = []
    for file in sorted(SCENARIOS.glob("*.yaml")):
        data = yaml.load(file.read_text(encoding="utf-8"))
        for case in data["cases"]:
            agency = {**data.get("agency", {}), **case.get("agency", {})}
            out.append(pytest.param(data["rule"], agency, case, id=f"{file.stem}: {case['name']}"))
    return out


def _matches(finding: Finding, expected: dict[str, Any]) -> bool:
    got = {
        "severity": finding.severity.value,
        "unit": finding.unit_id,
        "person": finding.person_id,
        "actual": finding.actual,
        "limit": finding.limit,
        "coverage": finding.detail.get("coverage"),
        "verified": finding.verified,
        "retires_on": finding.detail.get("retires_on"),
        "basis": finding.detail.get("basis"),
        "transition_until": finding.detail.get("transition_until"),
        "early_from": finding.detail.get("early_from"),
    }
    return all(got[key] == value for key, value in expected.items())


def _agency(agency_spec: dict[str, Any], case: dict[str, Any], on: dt.date) -> Report:
    agency = agency_of(agency_spec)
    state = build(case.get("structure", {}), agency, on)
    return check(state, on=on, agency=agency, planned=case.get("planned", ()))


def _province(spec: dict[str, Any], case: dict[str, Any], on: dt.date) -> Report:
    """``agencies``: every agency of a small province, each ``{agency_type, structure}``; the
    file's ``agency.province_class`` is the province's."""
    members = []
    for item in case["agencies"]:
        agency = agency_of({**spec, "agency_type": item["agency_type"]})
        members.append(Member(agency, build(item.get("structure", {}), agency, on)))
    return check_province(
        members, on=on, province="Tỉnh thử", province_class=spec.get("province_class")
    )


@pytest.mark.parametrize(("rule", "agency_spec", "case"), _cases())
def test_legal_scenario(rule: str, agency_spec: dict[str, Any], case: dict[str, Any]) -> None:
    on = case["on"] if isinstance(case["on"], dt.date) else dt.date.fromisoformat(case["on"])
    report = (
        _province(agency_spec, case, on) if "agencies" in case else _agency(agency_spec, case, on)
    )

    found = [f for f in report.findings if f.rule == rule]
    expected = case.get("expect") or []
    assert len(found) == len(expected), [f.message.en for f in found]
    unmatched = list(found)
    for item in expected:
        match = next((f for f in unmatched if _matches(f, item)), None)
        assert match is not None, (item, [f.as_dict() for f in unmatched])
        unmatched.remove(match)
