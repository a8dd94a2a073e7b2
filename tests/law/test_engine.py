"""The engine: which rules apply to a kind of unit on a date, coverage, and the public API."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import tinhgon.law
from tests.law.builders import Structure, agency_of
from tinhgon.domain import BUILTIN_KINDS
from tinhgon.law import RULES, Severity, applicable_rules, check

LAW = Path(tinhgon.law.__file__).parent


def _applicable(on: str, kind: str, agency_type: str) -> dict[str, str]:
    return {
        rule.id: status
        for rule, status in applicable_rules(
            on=dt.date.fromisoformat(on), kind=BUILTIN_KINDS[kind], agency_type=agency_type
        )
    }


def test_a_department_of_a_board_is_checked_by_ez1_inside_its_window() -> None:
    rules = _applicable("2019-01-01", "department", "economic_zone_board")

    assert rules["EZ-1"] == "in_force"
    assert "SO-2" not in rules


def test_a_department_of_a_board_before_decree_82_has_no_rule_encoded() -> None:
    rules = _applicable("2018-07-09", "department", "economic_zone_board")

    assert rules["EZ-1"] == "not_encoded"
    assert rules["LD-2"] == "in_force"


def test_a_department_of_a_so_is_checked_by_so1_and_so2_from_decree_107() -> None:
    rules = _applicable("2021-01-01", "department", "provincial_department")

    assert rules["SO-1"] == "in_force"
    assert rules["SO-2"] == "in_force"
    assert "EZ-1" not in rules


def test_a_public_service_unit_is_expected_to_carry_a_quota() -> None:
    rules = _applicable("2021-01-01", "public_service_unit", "economic_zone_board")

    assert rules["QT-2"] == "in_force"
    assert "EZ-1" not in rules


def test_rule_ids_are_unique() -> None:
    ids = [rule.id for rule in RULES]

    assert len(ids) == len(set(ids))


def test_every_rule_has_a_bilingual_title_and_a_docstring() -> None:
    for rule in RULES:
        assert rule.title.vi
        assert rule.title.en
        assert type(rule).__doc__, rule.id


def test_findings_come_violations_first() -> None:
    agency = agency_of({"agency_type": "economic_zone_board"})
    s = Structure(agency)
    s.unit({"id": "d", "staff": 10, "deputies": 3})
    s.unit({"id": "e", "staff": 3, "heads": 0})
    on = dt.date(2019, 1, 1)

    report = check(s.state(on), on=on, agency=agency)

    ranks = [f.severity.rank for f in report.findings]
    assert ranks == sorted(ranks)
    assert report.findings[0].severity is Severity.VIOLATION
    assert report.has_violations


def test_a_finding_carries_the_parameter_values_it_used() -> None:
    agency = agency_of({"agency_type": "economic_zone_board"})
    s = Structure(agency)
    s.unit({"id": "d", "staff": 10, "deputies": 3})
    on = dt.date(2019, 1, 1)

    finding = next(f for f in check(s.state(on), on=on, agency=agency).findings if f.rule == "EZ-1")

    assert [t.parameter for t in finding.trace] == ["ez_department_deputy_heads"]
    assert finding.trace[0].since == dt.date(2018, 7, 10)
    assert finding.trace[0].value == {"from": 10, "to": None, "limit": 2}
    assert "82/2018/NĐ-CP" in finding.citation


def test_the_public_api_is_sorted_and_complete() -> None:
    names = tinhgon.law.__all__

    def style(name: str) -> tuple[int, str]:  # constants, then classes, then functions
        return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)

    assert list(names) == sorted(names, key=style)
    assert all(hasattr(tinhgon.law, name) for name in names)


def test_nothing_in_the_law_reads_the_clock() -> None:
    sources = [p.read_text(encoding="utf-8") for p in LAW.glob("*.py")]

    assert not any("today()" in s or "now()" in s for s in sources)
