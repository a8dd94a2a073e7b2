"""Properties of the engine over every rule and many dates: no finding cites a text issued after
the date checked, and no rule is applied outside its windows."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from tests.law.builders import Structure, agency_of
from tinhgon.domain import Category, Role, Sex, State
from tinhgon.law import RULES, Coverage, Report, check, check_province, load_parameters
from tinhgon.law.parameters import ParameterSet, parameter_files
from tinhgon.law.province import Member

PARAMETERS = load_parameters()
AGENCIES = ("provincial_department", "economic_zone_board", "commune_committee", "other")


def _dates(parameters: ParameterSet) -> list[dt.date]:
    """Each window edge (the day before and the day a value takes effect), each citation's date
    of issue and the day before it, the first of every year, and a spread of other days."""
    days: set[dt.date] = set()
    for parameter in parameters.values():
        for entry in parameter.values:
            days.update({entry.since, entry.since - dt.timedelta(days=1)})
            if entry.citation.issued_on is not None:
                issued = entry.citation.issued_on
                days.update({issued, issued - dt.timedelta(days=1)})
    days.update(dt.date(y, 1, 1) for y in range(2012, 2032))
    rng = random.Random(8)
    start = dt.date(2012, 1, 1).toordinal()
    days.update(dt.date.fromordinal(start + rng.randrange(20 * 365)) for _ in range(40))
    return sorted(days)


DATES = _dates(PARAMETERS)


def _state(agency_type: str, on: dt.date) -> State:
    """A structure every rule has something to say about: departments, the office, an
    inspectorate, a chi cục with a department, a service centre, a public service unit, too many
    deputies, too few staff, people near or past retirement, contract workers, early retirement
    facts, and quotas for the year."""
    s = Structure(agency_of({"agency_type": agency_type, "province_class": "II"}))
    s.root_leaders(1, 4)
    for spec in (
        {
            "id": "d1",
            "staff": 9,
            "deputies": 3,
            "established": on - dt.timedelta(days=400),
            "predecessors": ["x"],
        },
        {"id": "d2", "staff": 4, "deputies": 1},
        {"id": "vp", "kind": "office", "staff": 7, "deputies": 2},
        {"id": "tt", "kind": "inspectorate", "staff": 7, "deputies": 2},
        {"id": "cc", "kind": "sub_department", "staff": 6, "deputies": 3},
        {"id": "cd", "parent": "cc", "staff": 3},
        {"id": "hcc", "kind": "public_administrative_service_centre", "staff": 6, "deputies": 3},
        {"id": "su", "kind": "public_service_unit", "staff": 9, "category": "public_employee"},
        {"id": "nh", "staff": 0, "deputies": 2},
        {"id": "h2", "staff": 6, "heads": 2},
    ):
        s.unit(spec)
    for year, sex in (
        (on.year - 60, Sex.MALE),
        (on.year - 55, Sex.FEMALE),
        (on.year - 62, Sex.MALE),
    ):
        s.person("d1", born=f"{year}-{on.month:02d}", sex=sex)
    s.person("d1", born=f"{on.year - 61}-01", category=Category.CONTRACT_WORKER)
    s.person("d2", born=f"{on.year - 56}-03", facts={"hazardous_work_years": 20})
    s.person(
        "d2",
        Role.STAFF,
        born=f"{on.year - 52}-03",
        sex=Sex.FEMALE,
        facts={"work_capacity_loss": 70},
    )
    s.quota("root", "civil_servant", on.year, 20)
    return s.state(on)


def late_citations(report: Report) -> list[tuple[str, str, str]]:
    """(rule, citation, date issued) of every citation issued after the report's date."""
    return [
        (f.rule, c.text(), c.issued_on.isoformat())
        for f in report.findings
        for c in f.citations
        if c.issued_on is not None and c.issued_on > report.on
    ]


@pytest.mark.parametrize("agency_type", AGENCIES)
def test_no_finding_cites_a_text_issued_after_the_date_checked(agency_type: str) -> None:
    late: list[tuple[str, str, str, str]] = []
    for on in DATES:
        agency = agency_of({"agency_type": agency_type, "province_class": "II"})
        report = check(_state(agency_type, on), on=on, agency=agency, parameters=PARAMETERS)
        late += [(on.isoformat(), *item) for item in late_citations(report)]
    assert late == []


@pytest.mark.parametrize("agency_type", AGENCIES)
def test_no_rule_is_applied_outside_its_windows(agency_type: str) -> None:
    wrong: list[tuple[str, str, str]] = []
    for on in DATES:
        agency = agency_of({"agency_type": agency_type, "province_class": "II"})
        report = check(_state(agency_type, on), on=on, agency=agency, parameters=PARAMETERS)
        by_id = {r.id: r for r in RULES}
        for finding in report.findings:
            rule = by_id[finding.rule]
            coverage = finding.detail.get("coverage")
            in_force = rule.in_force(on, PARAMETERS)
            ended = rule.ended(on, PARAMETERS) is not None
            expected = Coverage.ENDED if ended else None if in_force else Coverage.NOT_ENCODED
            if coverage != expected:
                wrong.append((on.isoformat(), finding.rule, str(coverage)))
        for line in report.coverage:
            if line.status == Coverage.IN_FORCE and not line.rule.in_force(on, PARAMETERS):
                wrong.append((on.isoformat(), line.rule.id, line.status))
    assert wrong == []


def test_every_rule_is_exercised_by_the_property_states() -> None:
    seen: set[str] = set()
    for on in (dt.date(2021, 6, 1), dt.date(2026, 6, 1), dt.date(2023, 6, 1)):
        for agency_type in AGENCIES:
            agency = agency_of({"agency_type": agency_type, "province_class": "II"})
            report = check(_state(agency_type, on), on=on, agency=agency, parameters=PARAMETERS)
            seen |= {f.rule for f in report.findings if "coverage" not in f.detail}
    missing = {r.id for r in RULES} - seen
    assert missing == set(), (
        f"extend _state() so that {sorted(missing)} give a finding: the properties above are "
        "only as good as the findings they see"
    )


def test_the_catalogue_of_a_date_cites_no_later_text() -> None:
    late = [
        (on.isoformat(), rule.id, c.text())
        for on in DATES
        for rule in RULES
        if rule.in_force(on, PARAMETERS)
        for c in rule.citations(PARAMETERS, on)
        if c.issued_on is not None and c.issued_on > on
    ]
    assert late == []


def test_the_province_checks_cite_no_later_text() -> None:
    late = []
    for on in DATES:
        members = [
            Member(agency_of({"agency_type": t, "province_class": "II"}), _state(t, on))
            for t in ("provincial_department", "commune_committee")
        ]
        report = check_province(
            members, on=on, province="Tỉnh thử", province_class="II", parameters=PARAMETERS
        )
        late += late_citations(report)
    assert late == []


def test_the_property_sees_a_citation_issued_too_late(tmp_path: Path) -> None:
    """The property is not vacuous: a parameter citing a text issued after its own date is caught."""
    for file in parameter_files():
        text = file.read_text(encoding="utf-8")
        if file.name == "ez_board_deputy_heads.yaml":
            text = text.replace("issued_on: 2022-05-28", "issued_on: 2030-01-01")
        (tmp_path / file.name).write_text(text, encoding="utf-8")
    parameters = load_parameters(tmp_path)
    on = dt.date(2023, 1, 1)
    agency = agency_of({"agency_type": "economic_zone_board", "province_class": "II"})

    report = check(_state("economic_zone_board", on), on=on, agency=agency, parameters=parameters)

    assert {rule for rule, _, _ in late_citations(report)} == {"EZ-2"}
