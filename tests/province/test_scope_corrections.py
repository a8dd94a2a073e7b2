"""Corrections of a user limited to one agency inside a province's history (issue 9): a
recorded change is withdrawn or corrected, a draft plan deleted, only inside that agency —
the change as it was recorded and as it is corrected (``services.scope``)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests.province.fixture import PROVINCE_YAML
from tinhgon.web import corrections, models, services
from tinhgon.web.services.scope import OutsideScope, visible_plans

PASSWORD = "mật-khẩu-thử-2026"
BASIS = "01/QĐ-UBND"


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
def admin(qn):
    user = get_user_model().objects.create_user(username="qn-admin", password=PASSWORD)
    models.ProvinceAdmin.objects.create(user=user, province=qn.province)
    return user


@pytest.fixture
def stc_editor(qn):
    user = get_user_model().objects.create_user(username="stc-editor", password=PASSWORD)
    models.Membership.objects.create(user=user, agency=qn, role="editor", unit="stc")
    return user


def _record(qn, admin, **plain) -> int:  # type: ignore[no-untyped-def]
    return services.change_record(agency=qn, plain={"basis": BASIS, **plain}, user=admin).seq


def _seqs(qn) -> list[int]:  # type: ignore[no-untyped-def]
    return list(qn.changes.order_by("seq").values_list("seq", flat=True))


def test_a_limited_user_withdraws_only_a_change_of_the_agency(qn, admin, stc_editor):
    outside = _record(qn, admin, kind="transfer", on="2025-03-01", person="kh4", unit="skhdt-dt")
    inside = _record(qn, admin, kind="transfer", on="2025-03-01", person="tc2", unit="stc-vp")

    with pytest.raises(OutsideScope, match="Phạm Thị Dung"):
        corrections.change_withdraw(agency=qn, seq=outside, user=stc_editor, reason="nhầm")
    corrections.change_withdraw(agency=qn, seq=inside, user=stc_editor, reason="ghi nhầm")

    assert outside in _seqs(qn)
    assert inside not in _seqs(qn)
    # The administrator of the province withdraws anything.
    corrections.change_withdraw(agency=qn, seq=outside, user=admin, reason="ghi nhầm")
    assert outside not in _seqs(qn)


def test_a_limited_user_corrects_only_inside_the_agency_as_recorded_and_as_corrected(
    qn, admin, stc_editor
):
    outside = _record(qn, admin, kind="transfer", on="2025-03-01", person="kh4", unit="skhdt-dt")
    # kh4 comes into Sở Tài chính on 01/03/2025, then moves inside it on 01/04/2025.
    _record(qn, admin, kind="transfer", on="2025-03-02", person="kh4", unit="stc-ns")
    moved = _record(qn, admin, kind="transfer", on="2025-04-01", person="kh4", unit="stc-vp")
    correct = {"basis": BASIS, "basis_date": dt.date(2024, 12, 20), "reason": "ghi nhầm ngày"}

    with pytest.raises(OutsideScope):
        corrections.change_correct(
            agency=qn, seq=outside, on=dt.date(2025, 3, 1), user=stc_editor,
            **{**correct, "basis": "200/QĐ-UBND", "basis_date": dt.date(2025, 2, 26)},
        )  # fmt: skip
    # Dated back to February, the move would take kh4 out of Sở Kế hoạch và Đầu tư.
    with pytest.raises(OutsideScope, match="Phạm Thị Dung"):
        corrections.change_correct(
            agency=qn, seq=moved, on=dt.date(2025, 2, 1), user=stc_editor, **correct
        )
    corrections.change_correct(
        agency=qn, seq=moved, on=dt.date(2025, 3, 15), user=stc_editor, **correct
    )

    assert qn.changes.get(seq=moved).on == dt.date(2025, 3, 15)
    assert qn.changes.get(seq=outside).payload["basis"] == BASIS


def test_a_limited_user_neither_sees_nor_deletes_another_agencys_draft(qn, admin, stc_editor):
    plan = services.plan_create(agency=qn, title="Kiện toàn Sở Nội vụ", description="", user=admin)
    services.plan_change_add(
        plan=plan,
        plain={"kind": "rename", "on": "2025-04-01", "unit": "snv-tccb", "name": "Phòng Tổ chức"},
        version=plan.version,
        user=admin,
    )
    client = Client()
    client.force_login(stc_editor)

    assert client.get(f"/co-quan/qn/de-an/{plan.pid}/xoa/").status_code == 404
    with pytest.raises(OutsideScope):
        corrections.plan_delete(plan=plan, user=stc_editor, reason="không cần")
    assert models.Plan.objects.filter(pk=plan.pk).exists()
    corrections.plan_delete(plan=plan, user=admin, reason="không cần")
    assert not models.Plan.objects.filter(pk=plan.pk).exists()


def test_the_correction_pages_of_a_change_outside_the_agency_are_not_found(qn, admin, stc_editor):
    outside = _record(qn, admin, kind="transfer", on="2025-03-01", person="kh4", unit="skhdt-dt")
    inside = _record(qn, admin, kind="transfer", on="2025-03-01", person="tc2", unit="stc-vp")
    client = Client()
    client.force_login(stc_editor)

    assert client.get(f"/co-quan/qn/lich-su/{outside}/rut/").status_code == 404
    assert client.get(f"/co-quan/qn/lich-su/{outside}/sua/").status_code == 404
    posted = client.post(f"/co-quan/qn/lich-su/{outside}/rut/", {"reason": "nhầm"})
    assert posted.status_code == 404
    assert outside in _seqs(qn)
    assert client.get(f"/co-quan/qn/lich-su/{inside}/rut/").status_code == 200


def test_the_list_of_corrections_shows_a_limited_user_only_the_agencys_changes(
    qn, admin, stc_editor
):
    outside = _record(qn, admin, kind="transfer", on="2025-03-01", person="kh4", unit="skhdt-dt")
    inside = _record(qn, admin, kind="transfer", on="2025-03-01", person="tc2", unit="stc-vp")
    into = _record(qn, admin, kind="transfer", on="2025-03-05", person="kh4", unit="stc-ns")
    client = Client()
    client.force_login(stc_editor)
    everyone = Client()
    everyone.force_login(admin)

    listed = {r["seq"] for r in client.get("/co-quan/qn/lich-su/sua-nham/").context["rows"]}
    whole = {r["seq"] for r in everyone.get("/co-quan/qn/lich-su/sua-nham/").context["rows"]}

    assert {inside, into} <= listed
    assert outside not in listed
    assert {outside, inside, into} <= whole


def test_which_plans_a_limited_user_sees_follows_a_back_dated_write(qn, admin, stc_editor):
    """Whether a plan concerns the agency is kept across writes only while the history up to
    the plan's last change is the same."""
    plan = services.plan_create(
        agency=qn, title="Điều động về Sở Nội vụ", description="", user=admin
    )
    services.plan_change_add(
        plan=plan,
        plain={"kind": "transfer", "on": "2025-06-01", "person": "kh4", "unit": "snv-tccb"},
        version=plan.version,
        user=admin,
    )
    rows = lambda: models.Plan.objects.filter(pk=plan.pk)  # noqa: E731
    assert visible_plans(agency=qn, user=stc_editor, rows=rows()) == []
    _record(qn, admin, kind="transfer", on="2025-07-01", person="tc2", unit="stc-vp")  # later
    assert visible_plans(agency=qn, user=stc_editor, rows=rows()) == []

    # Back-dated: kh4 is in Sở Tài chính when the plan moves them out.
    _record(qn, admin, kind="transfer", on="2025-03-01", person="kh4", unit="stc-ns")

    assert [r.pid for r in visible_plans(agency=qn, user=stc_editor, rows=rows())] == [plan.pid]
