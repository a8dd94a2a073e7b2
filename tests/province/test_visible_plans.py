"""Whether a plan concerns an agency (``services.scope._concerns``, what a user limited to one
agency sees) from one walk of the history with the plan equals its definition: ``touches`` on
the whole states of ``Plan.project`` the day before and on each of the plan's changes."""

from __future__ import annotations

import datetime as dt
from unittest.mock import patch

import pytest

from tests.province.fixture import PROVINCE_YAML
from tinhgon.domain import Plan, PlanStatus, Project, TinhgonError
from tinhgon.io import parse_project
from tinhgon.io.codec import Context, change_from_plain
from tinhgon.web.services.scope import _concerns, touches

SCOPES = ("skhdt", "stc", "snv", "xa-an")
PLANS = {
    "transfer out then in": [
        {"kind": "transfer", "on": "2025-03-01", "person": "kh4", "unit": "snv-tccb"},
        {"kind": "transfer", "on": "2025-05-01", "person": "tc2", "unit": "snv-tccb"},
    ],
    "a rename inside one sở": [
        {"kind": "rename", "on": "2025-04-01", "unit": "snv-tccb", "name": "Phòng Tổ chức"},
    ],
    "a merger of two sở": [
        {"kind": "merge", "on": "2025-03-01", "units": ["skhdt"], "into": "stc"},
    ],
    "a new unit in a commune, then someone into it": [
        {"kind": "create", "on": "2025-02-01", "unit": {"id": "xa-an-vp", "name": "Văn phòng",
                                                        "kind": "office", "parent": "xa-an"}},
        {"kind": "transfer", "on": "2025-02-01", "person": "nv2", "unit": "xa-an-vp"},
    ],
    "before the history's own changes, same day": [
        {"kind": "transfer", "on": "2025-01-01", "person": "xa1", "unit": "stc-ns"},
    ],
    "one that does not apply": [
        {"kind": "transfer", "on": "2025-03-01", "person": "kh4", "unit": "no-such-unit"},
    ],
}  # fmt: skip


def _definition(plan: Plan, project: Project, scope: str) -> bool:
    try:
        timeline = plan.project(project.timeline)
    except TinhgonError:
        return False
    day = dt.timedelta(days=1)
    return any(
        touches(c, timeline.state_on(c.on - day), timeline.state_on(c.on), scope)
        for c in plan.changes
    )


@pytest.mark.parametrize("step", [500, 2])  # snapshots every 2 changes: walks start from one
@pytest.mark.parametrize("name", PLANS)
def test_one_walk_tells_the_same_as_the_definition(name: str, step: int):
    with patch("tinhgon.domain.timeline._MIN_STEP", step):
        province = parse_project(PROVINCE_YAML, name="province.yaml")
    ctx = Context(kinds=province.unit_kinds, documents=province.documents, people=province.people)
    changes = tuple(change_from_plain(c, ctx, ()) for c in PLANS[name])
    plan = Plan(id="p", title=name, changes=changes, status=PlanStatus.DRAFT)
    answers = {s: _concerns(plan, province.timeline, s) for s in SCOPES}

    assert answers == {s: _definition(plan, province, s) for s in SCOPES}
    if name != "one that does not apply":
        assert any(answers.values())
