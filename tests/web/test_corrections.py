"""Correcting mistakes: a change recorded by mistake is withdrawn or corrected with its reason,
the original kept in the audit log; a draft plan is deleted; nothing depending on it breaks."""

from __future__ import annotations

import datetime as dt

import pytest

from tinhgon.web import corrections, models, repository, services

BASIS = "61/QĐ-BQLKKT"


def hire(kontum, users, name: str, pid: str) -> models.ChangeRecord:
    services.person_register(
        agency=kontum,
        data={
            "id": pid,
            "name": name,
            "sex": "female",
            "born": "1995-05-05",
            "category": "civil_servant",
        },
        user=users["editor"],
    )
    return services.change_record(
        agency=kontum,
        plain={"kind": "hire", "on": "2021-03-01", "basis": BASIS, "person": pid, "unit": "vp"},
        user=users["editor"],
    )


@pytest.mark.django_db
def test_three_mistaken_hires_are_withdrawn_with_their_reason_and_kept_in_the_log(kontum, users):
    records = [hire(kontum, users, f"Nhầm Thị {n}", f"nham{n}") for n in (1, 2, 3)]

    for record in records:
        corrections.change_withdraw(
            agency=kontum, seq=record.seq, user=users["editor"], reason="ghi nhầm người"
        )

    state = repository.project_of(kontum).state_on(dt.date(2021, 3, 1))
    assert not {"nham1", "nham2", "nham3"} & set(state.assignments)
    entries = models.AuditEntry.objects.filter(action="change_withdraw").order_by("at")
    assert [e.reason for e in entries] == ["ghi nhầm người"] * 3
    assert [e.data["original"]["payload"]["person"] for e in entries] == [
        "nham1",
        "nham2",
        "nham3",
    ]
    assert entries[0].summary.startswith("Rút thay đổi ghi nhầm: ")


@pytest.mark.django_db
def test_a_change_a_later_one_depends_on_is_not_withdrawn(kontum, users):
    record = hire(kontum, users, "Nhầm Thị Một", "nham1")
    services.change_record(
        agency=kontum,
        plain={
            "kind": "transfer",
            "on": "2021-04-01",
            "basis": BASIS,
            "person": "nham1",
            "unit": "qhxd",
        },
        user=users["editor"],
    )
    count = models.ChangeRecord.objects.count()

    with pytest.raises(services.ServiceError, match="không còn áp dụng được"):
        corrections.change_withdraw(
            agency=kontum, seq=record.seq, user=users["editor"], reason="nhầm"
        )

    assert models.ChangeRecord.objects.count() == count


@pytest.mark.django_db
def test_a_reason_is_needed(kontum, users):
    record = hire(kontum, users, "Nhầm Thị Một", "nham1")

    with pytest.raises(services.ServiceError, match="cần ghi lý do"):
        corrections.change_withdraw(agency=kontum, seq=record.seq, user=users["editor"], reason=" ")


@pytest.mark.django_db
def test_a_wrong_date_is_corrected_and_the_original_kept(kontum, users):
    record = hire(kontum, users, "Nhầm Thị Một", "nham1")

    corrections.change_correct(
        agency=kontum,
        seq=record.seq,
        on=dt.date(2021, 5, 1),
        basis=BASIS,
        basis_date=dt.date(2020, 5, 15),
        user=users["editor"],
        reason="ngày trên quyết định là 01/5",
    )

    project = repository.project_of(kontum)
    assert "nham1" not in project.state_on(dt.date(2021, 4, 30)).assignments
    assert project.state_on(dt.date(2021, 5, 1)).assignments["nham1"].unit_id == "vp"
    entry = models.AuditEntry.objects.get(action="change_correct")
    assert entry.data["original"]["on"] == "2021-03-01"
    assert entry.data["corrected"]["on"] == "2021-05-01"


@pytest.mark.django_db
def test_a_draft_plan_is_deleted_but_not_a_submitted_one(kontum, users):
    draft = services.plan_create(agency=kontum, title="Đề án thử", user=users["editor"])
    submitted = services.plan_create(agency=kontum, title="Đề án đã trình", user=users["editor"])
    merge = {"kind": "merge", "on": "2021-01-01", "units": ["tnmt"], "into": "qhxd"}
    services.plan_change_add(
        plan=submitted, plain=merge, version=submitted.version, user=users["editor"]
    )
    services.plan_submit(plan=submitted, version=submitted.version, user=users["editor"])

    corrections.plan_delete(plan=draft, user=users["editor"], reason="tạo nhầm")
    with pytest.raises(services.ServiceError, match="chỉ xóa được đề án đang soạn"):
        corrections.plan_delete(
            plan=models.Plan.objects.get(pk=submitted.pk), user=users["editor"], reason="x"
        )

    assert not models.Plan.objects.filter(pk=draft.pk).exists()
    entry = models.AuditEntry.objects.get(action="plan_delete")
    assert entry.data["original"]["title"] == "Đề án thử"


@pytest.mark.django_db
def test_the_pages_withdraw_for_editors_only(as_, kontum, users):
    record = hire(kontum, users, "Nhầm Thị Một", "nham1")
    url = f"/co-quan/bqlkkt/lich-su/{record.seq}/rut/"

    assert as_("viewer").post(url, {"reason": "nhầm"}).status_code == 403
    listing = as_("editor").get("/co-quan/bqlkkt/lich-su/sua-nham/").content.decode()
    assert url in listing
    done = as_("editor").post(url, {"reason": "nhầm"}, follow=True)

    assert "Đã rút thay đổi ghi nhầm" in done.content.decode()
    assert not models.ChangeRecord.objects.filter(pk=record.pk).exists()
