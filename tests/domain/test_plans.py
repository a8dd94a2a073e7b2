"""Plans: proposed changes, projected without touching the official timeline; their workflow."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.builders import BASIS, base, day
from tinhgon.domain import (
    ChangeRefused,
    DocumentKey,
    MergeUnits,
    Plan,
    PlanError,
    PlanStatus,
    Timeline,
    Transfer,
)

DECISION = DocumentKey("1289/QĐ-UBND", dt.date(2019, 6, 1))
MERGE = MergeUnits(on=day("2019-07-01"), sources=("b",), into="a")


def _plan(*changes) -> Plan:  # type: ignore[no-untyped-def]
    return Plan(id="pa1", title="Phương án 1", changes=changes or (MERGE,))


def test_a_plan_projects_the_state_it_would_give():
    timeline = Timeline(base())

    state = _plan().state_on(timeline, day("2019-12-31"))

    assert set(state.units) == {"agency", "a"}


def test_projecting_a_plan_leaves_the_official_timeline_untouched():
    timeline = Timeline(base())
    before = timeline.state_on(day("2019-12-31"))

    _plan().state_on(timeline, day("2019-12-31"))

    assert timeline.state_on(day("2019-12-31")) == before
    assert "b" in before.units


def test_a_plan_change_that_cannot_apply_is_refused_naming_the_plan():
    bad = Transfer(on=day("2019-07-01"), person="nobody", unit="a")

    with pytest.raises(ChangeRefused, match="đề án 'pa1'"):
        _plan(bad).project(Timeline(base()))


def test_a_plan_goes_from_draft_to_submitted_to_approved_to_implemented():
    timeline = Timeline(base())

    plan = _plan().submit().approve(DECISION)
    done, official = plan.implement(timeline)

    assert plan.status is PlanStatus.APPROVED
    assert done.status is PlanStatus.IMPLEMENTED
    assert "b" not in official.state_on(day("2019-12-31")).units
    assert official.changes[-1].basis == DECISION
    assert "b" in timeline.state_on(day("2019-12-31")).units


def test_implementing_keeps_a_basis_a_change_already_had():
    change = MergeUnits(on=day("2019-07-01"), basis=BASIS, sources=("b",), into="a")

    _, official = _plan(change).submit().approve(DECISION).implement(Timeline(base()))

    assert official.changes[-1].basis == BASIS


def test_an_implemented_plan_projects_to_the_official_timeline():
    timeline = Timeline(base())
    done, official = _plan().submit().approve(DECISION).implement(timeline)

    assert done.project(official) is official


def test_a_submitted_plan_can_be_rejected_with_a_reason_or_returned_to_draft():
    submitted = _plan().submit()

    assert submitted.reject("Chưa phù hợp").rejection_reason == "Chưa phù hợp"
    assert submitted.return_to_draft().status is PlanStatus.DRAFT


@pytest.mark.parametrize(
    ("action", "message"),
    [
        (lambda p: p.approve(DECISION), "cần 'đã trình'"),
        (lambda p: p.reject("x"), "cần 'đã trình'"),
        (lambda p: p.implement(Timeline(base())), "cần 'đã phê duyệt'"),
        (lambda p: p.submit().submit(), "cần 'dự thảo'"),
        (lambda p: p.submit().with_changes(()), "không thể sửa"),
    ],
)
def test_a_plan_cannot_skip_a_step(action, message):
    with pytest.raises(PlanError, match=message):
        action(_plan())


def test_an_empty_plan_cannot_be_submitted():
    with pytest.raises(PlanError, match="chưa có thay đổi"):
        Plan(id="x", title="x").submit()


def test_an_approved_plan_needs_its_decision_and_a_rejected_one_its_reason():
    with pytest.raises(PlanError, match="quyết định phê duyệt"):
        Plan(id="x", title="x", status=PlanStatus.APPROVED)
    with pytest.raises(PlanError, match="phải có lý do"):
        Plan(id="x", title="x", status=PlanStatus.REJECTED)


def test_a_draft_can_be_edited():
    plan = _plan().with_changes(())

    assert plan.changes == ()
