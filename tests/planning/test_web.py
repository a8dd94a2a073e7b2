"""The planning pages: the propose button, the surplus page, the forecast chart, scenarios."""

from __future__ import annotations

from tests.web.conftest import as_, fast_passwords, kontum, other, users  # noqa: F401
from tinhgon.web import models


def test_the_propose_button_saves_a_lawful_draft_plan(as_, users, kontum):  # noqa: F811
    editor = as_("editor")
    page = editor.get(f"/co-quan/{kontum.code}/de-an/")
    assert "Đề xuất phương án" in page.content.decode()

    response = editor.post(
        f"/co-quan/{kontum.code}/tinh-gon/de-xuat/",
        {"on": "01/01/2021", "effective": "01/01/2021", "max_departments": "4"},
    )

    assert response.status_code == 302
    row = models.Plan.objects.get(agency=kontum, title__startswith="Phương án đề xuất")
    assert response["Location"].endswith(f"/de-an/{row.pid}/")
    assert row.status == "draft"
    assert row.changes
    plan_page = editor.get(response["Location"])
    assert plan_page.status_code == 200

    surplus = editor.get(f"/co-quan/{kontum.code}/tinh-gon/doi-du/{row.pid}/")
    assert surplus.status_code == 200
    assert "Người dôi dư và chế độ, chính sách" in surplus.content.decode()


def test_a_viewer_may_not_propose(as_, users, kontum):  # noqa: F811
    response = as_("viewer").post(
        f"/co-quan/{kontum.code}/tinh-gon/de-xuat/", {"on": "01/01/2021", "max_departments": "4"}
    )
    assert response.status_code == 403
    assert not models.Plan.objects.filter(agency=kontum, title__startswith="Phương án đề xuất")


def test_unsatisfiable_constraints_are_explained(as_, users, kontum):  # noqa: F811
    editor = as_("editor")
    response = editor.post(
        f"/co-quan/{kontum.code}/tinh-gon/de-xuat/",
        {"on": "01/01/2021", "max_departments": "0"},
        follow=True,
    )
    assert "nới bớt" in response.content.decode()


def test_forecast_page_draws_a_chart(as_, users, kontum):  # noqa: F811
    response = as_("viewer").get(
        f"/co-quan/{kontum.code}/tinh-gon/du-bao/?from=31/12/2020&until=2026"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert '<svg class="chart forecast"' in html
    assert "Phòng Quản lý quy hoạch và xây dựng" in html  # the table by unit
    assert "185/KH-UBND" in html


def test_scenarios_side_by_side(as_, users, kontum):  # noqa: F811
    plans = ["de-an-2018", "de-an-dvsn-2018", "phuong-an-3-phong"]
    query = "&".join(f"p={p}" for p in plans)
    response = as_("viewer").get(f"/co-quan/{kontum.code}/tinh-gon/phuong-an/?{query}")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("/tinh-gon/doi-du/") >= 3
    assert "Tổng trợ cấp nếu nghỉ trong 12 tháng" in html
