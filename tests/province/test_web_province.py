"""The province in the web application: the province page, the agency selector, users limited to
one agency inside the history (pages, API, exports), the province administrator role."""

from __future__ import annotations

import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from openpyxl import load_workbook
from typer.testing import CliRunner

from tests.province.fixture import PROVINCE_YAML
from tinhgon.web import models, services
from tinhgon.web.api import token_digest

PASSWORD = "mật-khẩu-thử-2026"


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def qn(db):
    province = models.Province.objects.create(code="quang-ngai", name="Quảng Ngãi")
    return services.agency_import(
        text=PROVINCE_YAML, filename="qn.yaml", user=None, province=province
    )


def login(username: str, **extra: object) -> Client:
    user = get_user_model().objects.create_user(username=username, password=PASSWORD, **extra)
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def admin(qn) -> Client:
    client = login("snv-admin")
    user = get_user_model().objects.get(username="snv-admin")
    models.ProvinceAdmin.objects.create(user=user, province=qn.province)
    return client


@pytest.fixture
def stc_viewer(qn) -> Client:
    client = login("stc-viewer")
    user = get_user_model().objects.get(username="stc-viewer")
    models.Membership.objects.create(user=user, agency=qn, role="viewer", unit="stc")
    return client


def test_the_province_page_lists_every_agency_with_its_numbers(admin):
    page = admin.get("/co-quan/qn/cac-co-quan/?on=28/02/2025")

    assert page.status_code == 200
    html = page.content.decode()
    for name in ("Sở Kế hoạch và Đầu tư", "Sở Tài chính", "Sở Nội vụ", "Xã An Phú"):
        assert name in html
    rows = page.context["rows"]
    assert [r.id for r in rows] == ["skhdt", "stc", "snv", "xa-an"]
    skhdt = rows[0]
    assert (skhdt.staff, skhdt.quota, skhdt.departments) == (4, 5, 2)
    assert page.context["totals"]["staff"] == 9
    assert "<svg" in html  # the chart over time


def test_the_province_page_sorts_and_filters(admin):
    by_staff = admin.get("/co-quan/qn/cac-co-quan/?on=28/02/2025&sort=staff").context["rows"]
    communes = admin.get("/co-quan/qn/cac-co-quan/?on=28/02/2025&type=commune_committee")
    named = admin.get("/co-quan/qn/cac-co-quan/?on=28/02/2025&q=tai chinh").context["rows"]

    assert by_staff[0].id == "skhdt"
    assert [r.id for r in communes.context["rows"]] == ["xa-an"]
    assert communes.context["totals"]["staff"] == 1
    assert [r.id for r in named] == ["stc"]


def test_the_selector_narrows_the_pages_to_one_agency_and_back(admin):
    one = admin.get("/co-quan/qn/?agency=snv&on=28/02/2025")
    still = admin.get("/co-quan/qn/nhan-su/?on=28/02/2025")
    back = admin.get("/co-quan/qn/nhan-su/?agency=&on=28/02/2025")

    assert one.context["metrics"].staff == 2
    assert one.context["scope"] == "snv"
    assert {r.person_id for r in still.context["rows"]} == {"nv1", "nv2"}
    assert len(back.context["rows"]) == 9


def test_a_user_limited_to_one_agency_sees_only_it_on_the_pages(stc_viewer):
    dashboard = stc_viewer.get("/co-quan/qn/?on=28/02/2025")
    staff = stc_viewer.get("/co-quan/qn/nhan-su/?on=28/02/2025&agency=")  # cannot widen
    timeline = stc_viewer.get("/co-quan/qn/lich-su/").content.decode()

    assert dashboard.context["metrics"].staff == 2
    assert {r.person_id for r in staff.context["rows"]} == {"tc1", "tc2"}
    assert "Hoàng Văn Em" in timeline
    assert "Nguyễn Văn An" not in timeline
    assert "Đặng Văn Hùng" not in timeline
    assert stc_viewer.get("/co-quan/qn/nhan-su/nv1/").status_code == 404
    assert stc_viewer.get("/co-quan/qn/nhan-su/tc1/").status_code == 200
    assert stc_viewer.get("/co-quan/qn/cac-co-quan/").status_code == 404


def test_a_user_limited_to_one_agency_sees_only_it_in_exports(stc_viewer):
    export = stc_viewer.get("/co-quan/qn/nhan-su/xuat-excel/?on=28/02/2025")
    assert export.status_code == 200
    sheet = load_workbook(io.BytesIO(export.content)).active
    text = " ".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
    assert "Hoàng Văn Em" in text
    assert "Vũ Thị Giang" in text
    assert "Nguyễn Văn An" not in text
    assert "Đỗ Văn Minh" not in text
    assert stc_viewer.get("/co-quan/qn/xuat/").status_code == 403  # the whole history's file
    assert stc_viewer.get("/co-quan/qn/nhat-ky/").status_code == 403


def test_a_user_limited_to_one_agency_sees_only_it_in_the_api(qn, client):
    user = get_user_model().objects.create_user(username="api-stc", password=PASSWORD)
    models.Membership.objects.create(user=user, agency=qn, role="viewer", unit="stc")
    models.ApiToken.objects.create(user=user, name="t", digest=token_digest("t-stc"))
    headers = {"Authorization": "Bearer t-stc"}

    structure = client.get("/api/v1/agencies/qn/structure?on=2025-02-28", headers=headers)

    assert structure.status_code == 200, structure.content
    text = json.dumps(structure.json(), ensure_ascii=False)
    assert "Sở Tài chính" in text
    assert "Sở Nội vụ" not in text
    assert "Nguyễn Văn An" not in text


def test_the_box_diagram_of_the_province_stops_at_its_agencies(admin):
    whole = admin.get("/co-quan/qn/so-do-khoi/?on=28/02/2025&paper=A3")
    one = admin.get("/co-quan/qn/so-do-khoi/?on=28/02/2025&agency=stc")

    html = whole.content.decode()
    assert whole.status_code == 200
    assert "page-a3.css" in html
    assert "Sở Tài chính" in html
    assert "Phòng Ngân sách" not in html
    assert whole.context["province_view"] is True
    one_html = one.content.decode()
    assert "Phòng Ngân sách" in one_html
    assert "Sở Nội vụ</div>" not in one_html
    assert "page-a4.css" in one_html


def test_a_plan_merging_two_so_shows_before_and_after_for_each_agency(admin):
    plan = admin.get("/co-quan/qn/de-an/hop-nhat-so/?agency=stc")

    assert plan.status_code == 200
    html = plan.content.decode()
    assert "Sáp nhập" in html


def test_the_province_administrator_is_granted_on_the_roles_page(admin, qn):
    answer = admin.post(
        "/co-quan/qn/phan-quyen/", {"username": "pho-giam-doc", "role": "province_admin"}
    )

    assert answer.status_code == 302
    user = get_user_model().objects.get(username="pho-giam-doc")
    assert models.ProvinceAdmin.objects.filter(user=user, province=qn.province).exists()
    roles = admin.get("/co-quan/qn/phan-quyen/").content.decode()
    assert "quản trị cấp tỉnh" in roles
    assert "pho-giam-doc" in roles


def test_a_membership_limited_to_one_agency_is_granted_on_the_roles_page(admin, qn):
    admin.post("/co-quan/qn/phan-quyen/", {"username": "ke-toan", "role": "editor", "unit": "snv"})

    membership = models.Membership.objects.get(user__username="ke-toan")
    assert (membership.role, membership.unit) == ("editor", "snv")
    admin.post("/co-quan/qn/phan-quyen/", {"username": "ke-toan", "role": "editor", "unit": "sai"})
    membership.refresh_from_db()
    assert membership.unit == "snv"  # an unknown agency is refused, nothing changes


def test_the_province_administrator_is_granted_from_the_command_line(qn):
    from tinhgon.entry import app

    runner = CliRunner()
    done = runner.invoke(
        app, ["grant", "ns-admin", "--province", "quang-ngai", "--role", "province_admin"]
    )
    unknown = runner.invoke(
        app, ["grant", "ns-admin", "--province", "khong-co", "--role", "province_admin"]
    )

    assert done.exit_code == 0, done.output
    assert "mật khẩu / password" in done.output
    assert models.ProvinceAdmin.objects.filter(user__username="ns-admin").count() == 1
    assert unknown.exit_code == 2


def test_a_home_affairs_officer_drafts_a_merger_of_two_so_and_downloads_the_report(admin, qn):
    """Done when: the officer sees the province, drafts a plan that merges two sở and moves
    their people, sees before/after and findings for the province and for each agency, and
    downloads the report."""
    from docx import Document as WordDocument

    assert admin.get("/co-quan/qn/cac-co-quan/").status_code == 200
    created = admin.post("/co-quan/qn/de-an/", {"title": "Sáp nhập hai sở", "description": ""})
    pid = created["Location"].rstrip("/").rsplit("/", 1)[-1]
    basis = "45/2025/NĐ-CP|2025-02-28"
    moved = admin.post(
        f"/co-quan/qn/de-an/{pid}/them/",
        {"kind": "transfer", "on": "01/03/2025", "basis": basis, "person": "kh4",
         "unit": "snv-tccb", "role": "staff", "version": "1"},
    )  # fmt: skip
    merged = admin.post(
        f"/co-quan/qn/de-an/{pid}/them/",
        {"kind": "merge", "on": "01/03/2025", "basis": basis, "units": ["skhdt"],
         "mode": "into", "into": "stc", "version": "2"},
    )  # fmt: skip
    assert moved.status_code == 302
    assert merged.status_code == 302
    plan = models.Plan.objects.get(agency=qn, pid=pid)
    assert [c["kind"] for c in plan.changes] == ["transfer", "merge"]

    whole = admin.get(f"/co-quan/qn/de-an/{pid}/?agency=").context["compare"]
    stc = admin.get(f"/co-quan/qn/de-an/{pid}/?agency=stc").context["compare"]
    assert whole["before"]["metrics"].staff == whole["after"]["metrics"].staff == 9
    assert (stc["before"]["metrics"].staff, stc["after"]["metrics"].staff) == (2, 5)
    stc_units = {f.unit_id for f in stc["after"]["report"].findings if f.unit_id}
    assert stc_units <= set(stc["after"]["state"].units)  # findings of Sở Tài chính only
    whole_units = {f.unit_id for f in whole["after"]["report"].findings if f.unit_id}
    assert whole_units - set(stc["after"]["state"].units)  # the province: other agencies too

    report = admin.get(
        "/co-quan/qn/bao-cao/",
        {"before": "28/02/2025", "after": "01/03/2025", "plan": pid, "format": "docx"},
    )
    assert report.status_code == 200
    document = WordDocument(io.BytesIO(report.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Sở Tài chính" in text


def test_an_agency_asked_on_a_date_it_did_not_exist_falls_back_to_the_whole(admin, stc_viewer):
    answer = admin.get("/co-quan/qn/?agency=stc&on=01/06/2024")  # before the history begins

    assert answer.status_code == 302
    assert "agency=&" in answer["Location"] or answer["Location"].endswith("agency=")
    assert admin.get(answer["Location"]).context["scope"] is None
    assert stc_viewer.get("/co-quan/qn/?on=01/06/2024").status_code == 404
