"""The columnar check gives the object check's report, finding by finding (issue 14, aim 5).

Random states (one agency, or a forest of two of the same type) of several kinds of agency
on dates across the law's windows (2018–2026):
leaders over and under the limits, staff above and below the minimums, quotas over and under,
units formed by restructuring (transitions), people near, at and past the retirement age,
contract workers, early-retirement facts. The report of ``tinhgon.law.engine.run`` on the
domain state and the one of the columnar check (from the state, and straight from rows) must
be equal: the same findings in the same order (rule, unit, person, severity, numbers,
messages, citations, trace, detail) and the same coverage.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tinhgon.domain import (
    BUILTIN_KINDS,
    Agency,
    BirthDate,
    Category,
    Person,
    QuotaKey,
    Role,
    Sex,
    State,
    StateBuilder,
    Unit,
)
from tinhgon.law import RULES, check, load_parameters
from tinhgon.law.columnar import ColumnarState, PeopleRows, run_columnar, shape, supported
from tinhgon.law.engine import run

PARAMETERS = load_parameters()
ROOT_KIND = {
    "provincial_department": "provincial_department",
    "economic_zone_board": "board",
    "commune_committee": "agency",
    "other": "agency",
}
KINDS = (
    "department",
    "department",
    "office",
    "inspectorate",
    "sub_department",
    "public_service_unit",
    "public_administrative_service_centre",
    "division",
)
SINCE = dt.date(2010, 1, 1)


@st.composite
def cases(draw: Any) -> tuple[State, dt.date, Agency, frozenset[str]]:
    agency_type = draw(st.sampled_from(sorted(ROOT_KIND)))
    province_class = draw(st.sampled_from((None, "special", "I", "II", "III")))
    on = draw(st.dates(dt.date(2018, 1, 1), dt.date(2026, 12, 31)))
    agency = Agency(
        id="root", name="Cơ quan thử", agency_type=agency_type, province_class=province_class
    )
    b = StateBuilder()
    b.add_unit(Unit("root", "Cơ quan thử", BUILTIN_KINDS[ROOT_KIND[agency_type]], None))
    ids = ["root"]
    if draw(st.integers(0, 3)) == 0:  # a forest: agencies of one type checked together
        b.add_unit(Unit("root2", "Cơ quan hai", BUILTIN_KINDS[ROOT_KIND[agency_type]], None))
        ids.append("root2")
    for n in range(draw(st.integers(0, 9))):
        kind = draw(st.sampled_from(KINDS))
        parent = draw(st.sampled_from(ids))
        formed = draw(st.sampled_from((None, None, on - dt.timedelta(days=400), on)))
        uid = f"u{n}"
        b.add_unit(
            Unit(
                uid,
                f"Phòng {n}",
                BUILTIN_KINDS[kind],
                parent,
                established_on=formed,
                predecessors=("x",) if formed and draw(st.booleans()) else (),
            )
        )
        ids.append(uid)
    count = 0
    for uid in ids:
        roles = [Role.HEAD] * draw(st.integers(0, 2)) + [Role.DEPUTY] * draw(st.integers(0, 5))
        roles += [Role.STAFF] * draw(st.integers(0, 14))
        for role in roles:
            count += 1
            facts: dict[str, int] = {}
            if draw(st.integers(0, 9)) == 0:
                name = draw(
                    st.sampled_from(
                        ("hazardous_work_years", "difficult_area_years", "work_capacity_loss")
                    )
                )
                facts[name] = draw(st.integers(0, 60))
            # few distinct birth dates, so that people share the facts the rules read
            month = draw(st.sampled_from((None, 1, on.month, 12, draw(st.integers(1, 12)))))
            b.register(
                Person(
                    id=f"p{count:04d}",
                    full_name=f"Trần Thị {count % 7}",
                    sex=draw(st.sampled_from(tuple(Sex))),
                    birth=BirthDate(
                        on.year - draw(st.sampled_from((50, 55, 56, 60, 61, 62, 66))),
                        month,
                        None if month is None else draw(st.sampled_from((None, 1, 15, 28))),
                    ),
                    category=draw(st.sampled_from(tuple(Category))),
                    **facts,  # type: ignore[arg-type]
                )
            )
            b.assign(f"p{count:04d}", uid, role, SINCE)
    for uid in ids:
        for category in tuple(Category):
            if draw(st.integers(0, 3)) == 0:
                year = on.year if draw(st.integers(0, 4)) else on.year - 1
                b.set_quota(QuotaKey(uid, category, year), draw(st.integers(0, 25)))
    planned = frozenset(draw(st.lists(st.sampled_from(ids), max_size=2)))
    return b.snapshot(on), on, agency, planned


def rows_of(state: State) -> ColumnarState:
    """The columnar state built from rows (as the national bench does), not from the state."""
    assert state.on is not None
    a = list(state.assignments.values())
    p = [state.people[x.person_id] for x in a]
    return ColumnarState.from_rows(
        on=state.on,
        units=state.units.values(),
        people=PeopleRows(
            id=[x.person_id for x in a],
            full_name=[x.full_name for x in p],
            sex=[x.sex for x in p],
            birth_year=[x.birth.year for x in p],
            birth_month=[x.birth.month for x in p],
            birth_day=[x.birth.day for x in p],
            category=[x.category for x in p],
            unit_id=[x.unit_id for x in a],
            role=[x.role for x in a],
            since=[x.since for x in a],
            hazardous_work_years=[x.hazardous_work_years for x in p],
            difficult_area_years=[x.difficult_area_years for x in p],
            work_capacity_loss=[x.work_capacity_loss for x in p],
        ),
        quotas=state.quotas,
    )


def test_every_rule_has_a_columnar_check() -> None:
    assert supported(RULES)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_the_columnar_report_is_the_object_report(
    case: tuple[State, dt.date, Agency, frozenset[str]],
) -> None:
    state, on, agency, planned = case
    expected = run(RULES, state, on, agency, PARAMETERS, planned)
    for columns in (ColumnarState.from_state(state), rows_of(state)):
        walked = [columns.unit_index[u.id] for _, u in state.walk()]
        assert shape.walk_order(columns) == walked
        got = run_columnar(RULES, columns, on, agency, PARAMETERS, planned)
        assert [f.as_dict() for f in got.findings] == [f.as_dict() for f in expected.findings]
        assert got == expected


def test_check_takes_the_columnar_path_above_the_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    """Above the threshold ``check`` builds a columnar state (seen by counting), and its report
    is the object report."""
    from tinhgon.law import columnar

    b = StateBuilder()
    b.add_unit(Unit("root", "Sở thử", BUILTIN_KINDS["provincial_department"], None))
    b.add_unit(Unit("d", "Phòng Một", BUILTIN_KINDS["department"], "root"))
    for n, (role, year) in enumerate(((Role.HEAD, 1960), (Role.DEPUTY, 1980), (Role.DEPUTY, 1961))):
        b.register(
            Person(f"p{n}", f"Lê Văn {n}", Sex.MALE, BirthDate(year, 5), Category.CIVIL_SERVANT)
        )
        b.assign(f"p{n}", "d", role, SINCE)
    on = dt.date(2021, 6, 1)
    state = b.snapshot(on)
    agency = Agency(id="root", name="Sở thử", agency_type="provincial_department")
    built: list[int] = []
    original = ColumnarState.from_state

    def counting(s: State) -> ColumnarState:
        built.append(len(s.assignments))
        return original(s)

    monkeypatch.setattr(ColumnarState, "from_state", staticmethod(counting))
    below = check(state, on=on, agency=agency, parameters=PARAMETERS)
    assert built == []
    monkeypatch.setattr(columnar, "THRESHOLD", 3)
    above = check(state, on=on, agency=agency, parameters=PARAMETERS)
    assert built == [3]
    assert above == below
    assert "RA" in {f.rule for f in above.findings}


@pytest.mark.parametrize(
    "agency_type", ["provincial_department", "economic_zone_board", "commune_committee", "other"]
)
def test_the_columnar_report_on_the_states_that_exercise_every_rule(agency_type: str) -> None:
    """The structure of test_properties (every rule has something to say about it), on each
    window edge and citation date: the same report both ways, and every rule seen to find."""
    from tests.law.test_properties import DATES, _state

    agency = Agency(id="root", name="Cơ quan thử", agency_type=agency_type, province_class="II")
    seen: set[str] = set()
    for on in DATES:
        state = _state(agency_type, on)
        expected = run(RULES, state, on, agency, PARAMETERS)
        got = run_columnar(RULES, ColumnarState.from_state(state), on, agency, PARAMETERS)
        assert got == expected, on
        seen |= {f.rule for f in got.findings}
    applicable = {r.id for r in RULES if r.applies_to_agency(agency_type)}
    assert applicable <= seen, applicable - seen


@pytest.mark.parametrize("on", [dt.date(2025, 2, 28), dt.date(2025, 3, 1), dt.date(2025, 7, 1)])
def test_a_province_is_checked_the_same_in_columns(
    on: dt.date, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A history of several agencies (issue 9): every part (each type's forest, what lies
    outside the agencies) in columns gives the report of the object path."""
    from tests.province.fixture import PROVINCE_YAML
    from tinhgon.io import parse_project
    from tinhgon.law import check_project, columnar

    project = parse_project(PROVINCE_YAML, name="province.yaml")
    monkeypatch.setattr(columnar, "THRESHOLD", 10**9)
    expected = check_project(project, on=on, parameters=PARAMETERS)
    monkeypatch.setattr(columnar, "THRESHOLD", 0)
    got = check_project(project, on=on, parameters=PARAMETERS)
    assert [f.as_dict() for f in got.findings] == [f.as_dict() for f in expected.findings]
    assert got == expected
    assert expected.findings


def test_the_tree_order_of_units_no_root_leads_to_is_the_domains() -> None:
    """A unit whose parent is not in the state, and two units each other's parent: the
    domain's walk leaves them out, and so does the columnar one."""
    kind = BUILTIN_KINDS["department"]
    units = [
        Unit("root", "Cơ quan", BUILTIN_KINDS["agency"], None),
        Unit("a", "Phòng A", kind, "root"),
        Unit("lost", "Phòng lạc", kind, "gone"),
        Unit("x", "Phòng X", kind, "y"),
        Unit("y", "Phòng Y", kind, "x"),
        Unit("s", "Đơn vị sự nghiệp", BUILTIN_KINDS["public_service_unit"], "root"),
        Unit("b", "Phòng B", kind, "root"),
    ]
    state = State(
        on=dt.date(2024, 1, 1),
        units={u.id: u for u in units},
        ended={},
        people={},
        assignments={},
        departures={},
        quotas={},
    )
    columns = ColumnarState.from_state(state)
    walked = [u.id for _, u in state.walk()]
    assert walked == ["root", "a", "b", "s"]
    assert [columns.units[i].id for i in shape.walk_order(columns)] == walked


def test_a_rule_the_columnar_check_does_not_know_keeps_the_object_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A new rule on people (it might read what the columns do not hold) or on units: ``check``
    stays on the object path rather than guess."""
    from collections.abc import Iterator

    from tinhgon.law import Finding, Rule, columnar
    from tinhgon.law import rules as rules_module

    class Someone(Rule):
        id = "NEW-1"
        people = True

        def check(self, state: State, on: dt.date, env: Any) -> Iterator[Finding]:
            return iter(())

    class SomeUnit(Rule):
        id = "NEW-2"

        def check(self, state: State, on: dt.date, env: Any) -> Iterator[Finding]:
            return iter(())

    assert not supported((*RULES, Someone()))
    assert not supported((*RULES, SomeUnit()))
    b = StateBuilder()
    b.add_unit(Unit("root", "Sở thử", BUILTIN_KINDS["provincial_department"], None))
    b.register(Person("p", "Lê Văn A", Sex.MALE, BirthDate(1960, 5), Category.CIVIL_SERVANT))
    b.assign("p", "root", Role.HEAD, SINCE)
    on = dt.date(2021, 6, 1)
    state = b.snapshot(on)
    agency = Agency(id="root", name="Sở thử", agency_type="provincial_department")
    extended = (*RULES, Someone())
    monkeypatch.setattr(rules_module, "RULES", extended)
    monkeypatch.setattr(columnar, "THRESHOLD", 0)
    monkeypatch.setattr(ColumnarState, "from_state", None)  # would fail if called
    report = check(state, on=on, agency=agency, parameters=PARAMETERS)
    assert report == run(extended, state, on, agency, PARAMETERS)
    assert "NEW-1" in {c.rule.id for c in report.coverage}
