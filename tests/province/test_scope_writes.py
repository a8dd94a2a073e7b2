"""A user limited to one agency inside a province's history writes only inside it and sees only
the plans that concern it (follow-up F1 of issue 9): the services re-check what is posted, for
the forms and the API alike."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests.province.fixture import PROVINCE_YAML
from tinhgon.web import models, services
from tinhgon.web.api import token_digest
from tinhgon.web.services.scope import OutsideScope

PASSWORD = "mật-khẩu-thử-2026"
OUTSIDE = {"kind": "transfer", "on": "2025-03-01", "person": "kh4", "unit": "stc-ns"}
INSIDE = {"kind": "transfer", "on": "2025-03-01", "person": "tc2", "unit": "stc-vp"}


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def qn(db):
    province = models.Province.objects.create(code="quang-ngai", name="Quảng Ngãi")
    return services.agency_import(
        text=PROVINCE_YAML, filename="qn.yaml", user=None, province=province
    )


@pytest.fixture
def stc_editor(qn):
    user = get_user_model().objects.create_user(username="stc-editor", password=PASSWORD)
    models.Membership.objects.create(user=user, agency=qn, role="editor", unit="stc")
    return user


@pytest.fixture
def snv_plan(qn):
    """A plan of the Sở Nội vụ alone, drafted by the province's administrator."""
    admin = get_user_model().objects.create_user(username="qn-admin", password=PASSWORD)
    models.ProvinceAdmin.objects.create(user=admin, province=qn.province)
    plan = services.plan_create(
        agency=qn, title="Kiện toàn Phòng Tổ chức biên chế", description="", user=admin
    )
    services.plan_change_add(
        plan=plan,
        plain={"kind": "rename", "on": "2025-04-01", "unit": "snv-tccb", "name": "Phòng Tổ chức"},
        version=plan.version,
        user=admin,
    )
    return plan


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def _api(user, token: str):  # type: ignore[no-untyped-def]
    models.ApiToken.objects.create(user=user, name="t", digest=token_digest(token))
    return {"Authorization": f"Bearer {token}"}


def test_the_api_refuses_a_plan_change_reaching_another_agency(qn, stc_editor, client):
    headers = _api(stc_editor, "t-stc-ed")
    made = client.post(
        "/api/v1/agencies/qn/plans",
        {"title": "Đề án của Sở Tài chính", "description": ""},
        content_type="application/json",
        headers=headers,
    )
    assert made.status_code == 201, made.content
    pid, version = made.json()["id"], made.json()["version"]
    url = f"/api/v1/agencies/qn/plans/{pid}/changes"

    refused = client.post(
        url,
        {"version": version, "change": OUTSIDE},
        content_type="application/json",
        headers=headers,
    )
    accepted = client.post(
        url,
        {"version": version, "change": INSIDE},
        content_type="application/json",
        headers=headers,
    )

    assert refused.status_code in (403, 422), refused.content
    assert "Bạn chỉ được cập nhật Sở Tài chính" in refused.json()["detail"]
    assert "Phạm Thị Dung" in refused.json()["detail"]
    assert accepted.status_code == 200, accepted.content
    assert [c["person"] for c in models.Plan.objects.get(pid=pid).changes] == ["tc2"]


def test_the_services_refuse_an_official_change_reaching_another_agency(qn, stc_editor):
    before = qn.changes.count()
    plain = {**OUTSIDE, "basis": "200/QĐ-UBND"}

    with pytest.raises(OutsideScope) as refused:
        services.change_record(agency=qn, plain=plain, user=stc_editor)

    assert "ngoài cơ quan của bạn" in refused.value.vi
    assert qn.changes.count() == before
    services.change_record(agency=qn, plain={**INSIDE, "basis": "200/QĐ-UBND"}, user=stc_editor)
    assert qn.changes.count() == before + 1


def test_the_plan_form_refuses_a_change_reaching_another_agency(qn, stc_editor):
    client = _client(stc_editor)
    client.post("/co-quan/qn/de-an/", {"title": "Đề án Sở Tài chính"})
    plan = models.Plan.objects.get(title="Đề án Sở Tài chính")

    answer = client.post(
        f"/co-quan/qn/de-an/{plan.pid}/them/",
        {
            "kind": "transfer",
            "on": "01/03/2025",
            "person": "kh4",
            "unit": "stc-ns",
            "version": plan.version,
        },
        follow=True,
    )

    assert answer.status_code in (200, 403, 422)
    plan.refresh_from_db()
    assert plan.changes == []


def test_a_limited_user_does_not_see_the_plans_of_other_agencies(qn, stc_editor, snv_plan, client):
    web = _client(stc_editor)
    plans_page = web.get("/co-quan/qn/de-an/").content.decode()
    dashboard = web.get("/co-quan/qn/?on=01/03/2025").content.decode()
    detail = web.get(f"/co-quan/qn/de-an/{snv_plan.pid}/")
    headers = _api(stc_editor, "t-stc-plans")
    listed = client.get("/api/v1/agencies/qn/plans", headers=headers)
    one = client.get(f"/api/v1/agencies/qn/plans/{snv_plan.pid}", headers=headers)

    assert "Sáp nhập Sở Kế hoạch và Đầu tư vào Sở Tài chính" in plans_page  # concerns the sở
    assert "Kiện toàn Phòng Tổ chức biên chế" not in plans_page
    assert "Kiện toàn Phòng Tổ chức biên chế" not in dashboard
    assert detail.status_code == 404
    chart = web.get(f"/co-quan/qn/so-do/?on=01/04/2025&plan={snv_plan.pid}")
    assert chart.status_code == 404
    scenarios = web.get(f"/co-quan/qn/tinh-gon/phuong-an/?p={snv_plan.pid}").content.decode()
    assert "Kiện toàn Phòng Tổ chức biên chế" not in scenarios
    assert "Sáp nhập Sở Kế hoạch và Đầu tư vào Sở Tài chính" in scenarios
    titles = json.dumps(listed.json(), ensure_ascii=False)
    assert "Sáp nhập Sở Kế hoạch và Đầu tư vào Sở Tài chính" in titles
    assert "Kiện toàn Phòng Tổ chức biên chế" not in titles
    assert one.status_code == 404


def test_a_limited_user_gets_no_paper_nor_choice_of_another_agencys_plan(qn, stc_editor, snv_plan):
    web = _client(stc_editor)
    paper = web.get(f"/co-quan/qn/de-an/{snv_plan.pid}/van-ban/decision.docx")
    report_form = web.get("/co-quan/qn/bao-cao/").content.decode()
    chart = web.get("/co-quan/qn/so-do/?on=01/04/2025").content.decode()
    chosen = web.get(
        f"/co-quan/qn/bao-cao/?before=01/01/2025&after=01/04/2025&plan={snv_plan.pid}&format=docx"
    )

    assert paper.status_code == 404
    assert "Kiện toàn Phòng Tổ chức biên chế" not in report_form
    assert "Sáp nhập Sở Kế hoạch và Đầu tư vào Sở Tài chính" in report_form
    assert "Kiện toàn Phòng Tổ chức biên chế" not in chart
    # a plan the form does not offer is not a valid choice: no file
    assert chosen.get("Content-Disposition") is None
    admin = get_user_model().objects.get(username="qn-admin")
    whole = _client(admin).get(f"/co-quan/qn/de-an/{snv_plan.pid}/van-ban/decision.docx")
    assert whole.status_code == 200


def test_whoever_sees_the_whole_sees_every_plan(qn, snv_plan):
    admin = get_user_model().objects.get(username="qn-admin")
    page = _client(admin).get("/co-quan/qn/de-an/").content.decode()

    assert "Kiện toàn Phòng Tổ chức biên chế" in page
