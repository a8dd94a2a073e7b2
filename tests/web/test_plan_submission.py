"""The approving decision must be dated after the plan's submission (issue 11 item 1)."""

from __future__ import annotations

import datetime as dt
import sys

import pytest

from tinhgon.web import models, services
from tinhgon.web.services.approval import approving_decisions
from tinhgon.web.services.base import ServiceError


def _plan(kontum):  # type: ignore[no-untyped-def]
    return models.Plan.objects.get(agency=kontum, pid="phuong-an-3-phong")


@pytest.mark.django_db
def test_the_submission_date_is_stored_from_the_transitions_date(kontum, users):
    plan = _plan(kontum)
    services.plan_submit(
        plan=plan, version=plan.version, user=users["editor"], on=dt.date(2020, 9, 1)
    )
    plan.refresh_from_db()
    assert plan.submitted_on == dt.date(2020, 9, 1)


@pytest.mark.django_db
def test_a_decision_dated_before_or_on_the_submission_does_not_approve(
    kontum, users, approving_decision
):
    # approving_decision is dated 15/09/2020; the plan takes effect on 01/10/2020.
    plan = _plan(kontum)
    services.plan_submit(
        plan=plan, version=plan.version, user=users["editor"], on=dt.date(2020, 9, 15)
    )
    plan.refresh_from_db()
    with pytest.raises(ServiceError, match="không sau ngày trình đề án \\(15/09/2020\\)"):
        services.plan_approve(
            plan=plan, decision=approving_decision, version=plan.version, user=users["approver"]
        )
    assert approving_decision not in approving_decisions(plan)
    plan.refresh_from_db()
    assert plan.status == "submitted"


@pytest.mark.django_db
def test_a_decision_dated_after_the_submission_approves(kontum, users, approving_decision):
    plan = _plan(kontum)
    services.plan_submit(
        plan=plan, version=plan.version, user=users["editor"], on=dt.date(2020, 9, 14)
    )
    plan.refresh_from_db()
    assert approving_decision in approving_decisions(plan)
    services.plan_approve(
        plan=plan, decision=approving_decision, version=plan.version, user=users["approver"]
    )
    plan.refresh_from_db()
    assert plan.status == "approved"


@pytest.mark.django_db
def test_a_plan_submitted_before_the_field_existed_is_not_checked_on_this_point(
    kontum, users, approving_decision
):
    plan = _plan(kontum)
    services.plan_submit(
        plan=plan, version=plan.version, user=users["editor"], on=dt.date(2020, 9, 20)
    )
    models.Plan.objects.filter(pk=plan.pk).update(submitted_on=None)
    plan.refresh_from_db()
    services.plan_approve(
        plan=plan, decision=approving_decision, version=plan.version, user=users["approver"]
    )
    plan.refresh_from_db()
    assert plan.status == "approved"


@pytest.mark.django_db
def test_the_page_and_the_api_take_the_submission_date(as_, kontum):
    plan = _plan(kontum)
    as_("editor").post(
        f"/co-quan/bqlkkt/de-an/{plan.pid}/submit/", {"version": plan.version, "on": "02/09/2020"}
    )
    plan.refresh_from_db()
    assert (plan.status, plan.submitted_on) == ("submitted", dt.date(2020, 9, 2))


@pytest.mark.django_db
def test_without_a_date_the_page_submits_on_today_through_the_seam(as_, kontum, monkeypatch):
    monkeypatch.setattr(
        sys.modules["tinhgon.web.views.plans"], "today", lambda: dt.date(2020, 9, 3)
    )
    plan = _plan(kontum)
    as_("editor").post(f"/co-quan/bqlkkt/de-an/{plan.pid}/submit/", {"version": plan.version})
    plan.refresh_from_db()
    assert plan.submitted_on == dt.date(2020, 9, 3)


@pytest.mark.django_db
def test_the_approver_sees_the_submission_date_on_the_plan_page(as_, kontum):
    plan = _plan(kontum)
    as_("editor").post(
        f"/co-quan/bqlkkt/de-an/{plan.pid}/submit/", {"version": plan.version, "on": "02/09/2020"}
    )
    page = as_("approver").get(f"/co-quan/bqlkkt/de-an/{plan.pid}/").content.decode()
    assert "Đề án trình ngày 02/09/2020: quyết định phê duyệt phải ban hành sau ngày này." in page
