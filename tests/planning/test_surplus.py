"""Who a plan makes surplus, and the figures the report carries for them."""

from __future__ import annotations

import datetime as dt

from tests.planning.builders import START, person, project, team
from tinhgon.domain import (
    Appoint,
    Category,
    Hire,
    Leave,
    LeaveReason,
    MergeUnits,
    Plan,
    Relieve,
    Role,
    SetQuota,
)
from tinhgon.planning.surplus import surplus_of

DECISION = dt.date(2026, 1, 1)


def agency():  # type: ignore[no-untyped-def]
    return project(
        team(
            "a",
            4,
            deputies=1,
            deputy1=person(
                "a1",
                born="1966-03-10",
                salary="4.98",
                position="0.3",
                si_months=300,
                si_on=DECISION,
            ),
        ),
        team("b", 3, head=person("b0", rank="01.002", salary="5.5", position="0.5", si_months=240)),
        team("c", 8, deputies=1),
    )


def test_a_plan_lists_the_leaders_left_without_a_post() -> None:
    # b merges into a; b0 (higher rank) heads it, a0 becomes deputy, a1 loses the post.
    plan = Plan(
        id="proposed",
        title="Sáp nhập",
        changes=(
            Relieve(on=DECISION, person="a0"),
            Relieve(on=DECISION, person="a1"),
            MergeUnits(on=DECISION, sources=("b",), into="a", roles={"b0": Role.HEAD}),
            Appoint(on=DECISION, person="a0", role=Role.DEPUTY),
        ),
    )
    with_plan = agency().with_plan(plan)

    report = surplus_of(with_plan, "proposed")

    assert report.decision_on == DECISION
    assert [p.person_id for p in report.people] == ["a1"]
    a1 = report.people[0]
    assert a1.reasons == ("leader_without_post",)
    assert a1.role_before is Role.DEPUTY
    assert a1.role_after is Role.STAFF
    assert a1.retires_on == dt.date(2027, 12, 31)
    early = next(o for o in a1.options if o.kind == "early_retirement" and o.within_12_months)
    assert early.total == 512_740_800  # tests/planning/test_allowances.py, by hand
    assert report.total("early_retirement", within=True) == 512_740_800
    plain = report.as_dict()
    assert plain["count"] == 1
    assert plain["totals"]["early_retirement_within_12_months"] == 512_740_800  # type: ignore[index]


def test_leaving_for_streamlining_and_above_quota() -> None:
    base = project(
        team("a", 5, deputies=1),
        extra=[
            SetQuota(on=START, unit="a", category=Category.CIVIL_SERVANT, year=2026, value=3),
            Hire(on=START, person=person("old", born="1966-04-02"), unit="a"),
        ],
    )
    plan = Plan(
        id="p",
        title="Tinh giản",
        changes=(Leave(on=DECISION, person="a4", reason=LeaveReason.STREAMLINING),),
    )
    report = surplus_of(base.with_plan(plan), "p")
    reasons = {p.person_id: p.reasons for p in report.people}
    # After the plan: 5 civil servants for a quota of 3; the two nearest to retirement are
    # 'old' (born 04/1966) and then, all others born 01/1980, the first by id.
    assert reasons["a4"] == ("left",)
    assert reasons["old"] == ("above_quota",)
    assert sum(1 for r in reasons.values() if "above_quota" in r) == 2


def test_a_retirement_recorded_earlier_does_not_date_the_decision() -> None:
    plan = Plan(
        id="p",
        title="Miễn nhiệm",
        changes=(
            Leave(on=dt.date(2025, 6, 1), person="c2", reason=LeaveReason.RETIREMENT),
            Relieve(on=DECISION, person="a1"),
        ),
    )
    report = surplus_of(agency().with_plan(plan), "p")
    assert report.decision_on == DECISION
    assert [p.person_id for p in report.people] == ["a1"]
