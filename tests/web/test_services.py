"""Services: imports all or nothing, the official timeline, plans and their workflow, audit."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.web.conftest import EXAMPLE, OTHER
from tinhgon.domain import ChangeRefused, PlanError, metrics_of
from tinhgon.io import ProjectFileError
from tinhgon.web import models, repository, services


def snapshot(agency: models.Agency) -> tuple:  # type: ignore[type-arg]
    return (
        models.Agency.objects.count(),
        agency.documents.count(),
        agency.people.count(),
        agency.changes.count(),
        agency.plans.count(),
        models.AuditEntry.objects.count(),
    )


@pytest.mark.django_db
def test_an_imported_project_reads_back_as_the_same_project(kontum):
    from tests.web.conftest import kontum_project

    project = repository.build_project(kontum)

    original = kontum_project()
    assert project.timeline.changes == original.timeline.changes
    assert project.people == original.people
    assert set(project.plans) == set(original.plans)
    assert project.plans["de-an-2018"].changes == original.plans["de-an-2018"].changes
    day = dt.date(2019, 12, 31)
    assert project.state_on(day) == original.state_on(day)


@pytest.mark.django_db
def test_a_bad_file_changes_nothing(kontum, users):
    before = snapshot(kontum)
    broken = EXAMPLE.read_text(encoding="utf-8").replace("sex: male", "sex: nam", 1)

    with pytest.raises(ProjectFileError) as caught:
        services.agency_import(text=broken, filename="x.yaml", user=users["editor"], agency=kontum)

    assert "x.yaml:" in str(caught.value.problems[0])
    assert snapshot(kontum) == before


@pytest.mark.django_db
def test_a_file_whose_history_cannot_apply_changes_nothing(kontum, users):
    before = snapshot(kontum)
    broken = EXAMPLE.read_text(encoding="utf-8").replace(
        "    person: p065\n    unit: tnmt", "    person: p065\n    unit: nowhere"
    )

    with pytest.raises(ProjectFileError, match="không có đơn vị 'nowhere'"):
        services.agency_import(text=broken, filename="x.yaml", user=users["editor"], agency=kontum)

    assert snapshot(kontum) == before


@pytest.mark.django_db
def test_reimporting_replaces_the_data_and_keeps_the_previous_content_in_the_audit(kontum, users):
    text = EXAMPLE.read_text(encoding="utf-8").replace("Nguyễn Văn Hùng", "Nguyễn Văn Hưng")

    services.agency_import(
        text=text, filename="moi.yaml", user=users["editor"], agency=kontum, reason="sửa tên"
    )

    assert kontum.people.get(pid="p001").full_name == "Nguyễn Văn Hưng"
    entry = models.AuditEntry.objects.filter(action="import").first()
    assert entry.username == "editor"
    assert entry.reason == "sửa tên"
    assert "Nguyễn Văn Hùng" in entry.data["previous"]


@pytest.mark.django_db
def test_a_file_of_another_agency_cannot_replace_this_one(kontum, users):
    with pytest.raises(services.ServiceError, match="của cơ quan 'so-noi-vu-x'"):
        services.agency_import(text=OTHER, filename="x.yaml", user=users["editor"], agency=kontum)


@pytest.mark.django_db
def test_an_agency_code_is_created_once(kontum, users):
    with pytest.raises(services.ServiceError, match=r"mã cơ quan .bqlkkt. không dùng được"):
        services.agency_import(
            text=EXAMPLE.read_text(encoding="utf-8"), filename="x.yaml", user=users["system_admin"]
        )


@pytest.mark.django_db
def test_recording_a_decision_appends_it_to_the_official_history(kontum, users):
    plain = {"kind": "relieve", "on": "2021-03-01", "basis": "61/QĐ-BQLKKT", "person": "p031"}

    services.change_record(
        agency=kontum, plain=plain, user=users["editor"], reason="theo quyết định"
    )

    project = repository.project_of(kontum)
    state = project.state_on(dt.date(2021, 3, 1))
    assert state.assignments["p031"].role.value == "staff"
    entry = models.AuditEntry.objects.filter(action="change_record").first()
    assert entry.summary.startswith("Miễn nhiệm Phạm Thị Bích Ngọc")
    assert entry.reason == "theo quyết định"


@pytest.mark.django_db
def test_a_decision_that_cannot_apply_is_refused_and_nothing_is_written(kontum, users):
    before = snapshot(kontum)
    plain = {
        "kind": "appoint",
        "on": "2021-03-01",
        "basis": "61/QĐ-BQLKKT",
        "person": "p031",
        "role": "head",
    }

    with pytest.raises(ChangeRefused, match="đã có cấp trưởng"):
        services.change_record(agency=kontum, plain=plain, user=users["editor"])

    assert snapshot(kontum) == before


@pytest.mark.django_db
def test_an_official_change_needs_its_legal_basis(kontum, users):
    with pytest.raises(services.ServiceError, match="thiếu căn cứ pháp lý"):
        services.change_record(
            agency=kontum,
            plain={"kind": "relieve", "on": "2021-03-01", "person": "p031"},
            user=users["editor"],
        )


@pytest.mark.django_db
def test_a_plan_goes_from_draft_to_the_official_history(kontum, users):
    plan = services.plan_create(agency=kontum, title="Hợp nhất hai phòng", user=users["editor"])
    merge = {"kind": "merge", "on": "2021-01-01", "units": ["tnmt"], "into": "qhxd"}

    services.plan_change_add(plan=plan, plain=merge, version=plan.version, user=users["editor"])
    services.plan_submit(
        plan=plan, version=plan.version, user=users["editor"], on=dt.date(2020, 12, 1)
    )
    decision = services.document_add(
        agency=kontum,
        data={
            "symbol": "15/QĐ-UBND",
            "kind": "decision",
            "issued_on": "2020-12-15",
            "issuer": "UBND tỉnh Kon Tum",
            "title": "Phê duyệt",
        },
        user=users["editor"],
    )
    services.plan_approve(
        plan=plan, decision=decision, version=plan.version, user=users["approver"]
    )
    services.plan_implement(plan=plan, version=plan.version, user=users["approver"])

    plan.refresh_from_db()
    assert plan.status == "implemented"
    official = repository.project_of(kontum)
    assert metrics_of(official.state_on(dt.date(2021, 1, 1))).departments == 3
    record = kontum.changes.get(plan=plan)
    assert record.payload["basis"] == "15/QĐ-UBND"
    actions = list(models.AuditEntry.objects.filter(agency=kontum).values_list("action", flat=True))
    for action in (
        "plan_create",
        "plan_change_add",
        "plan_submit",
        "document_add",
        "plan_approve",
        "plan_implement",
    ):
        assert action in actions


@pytest.mark.django_db
def test_a_plan_change_that_cannot_apply_is_refused(kontum, users):
    plan = services.plan_create(agency=kontum, title="P", user=users["editor"])

    with pytest.raises(ChangeRefused, match="đề án"):
        services.plan_change_add(
            plan=plan,
            plain={"kind": "dissolve", "on": "2021-01-01", "unit": "vp"},
            version=plan.version,
            user=users["editor"],
        )

    plan.refresh_from_db()
    assert plan.changes == []


@pytest.mark.django_db
def test_the_second_of_two_people_editing_a_plan_is_refused_not_overwritten(kontum, users):
    plan = services.plan_create(agency=kontum, title="P", user=users["editor"])
    seen_by_both = plan.version
    first = {"kind": "relieve", "on": "2021-01-01", "person": "p031"}
    second = {"kind": "relieve", "on": "2021-01-01", "person": "p005"}
    services.plan_change_add(plan=plan, plain=first, version=seen_by_both, user=users["editor"])

    with pytest.raises(services.StaleEdit, match="vừa được người khác lưu"):
        services.plan_change_add(
            plan=models.Plan.objects.get(pk=plan.pk),
            plain=second,
            version=seen_by_both,
            user=users["province_admin"],
        )

    plan.refresh_from_db()
    assert [c["person"] for c in plan.changes] == ["p031"]


@pytest.mark.django_db
def test_a_plan_cannot_skip_its_workflow(kontum, users):
    plan = models.Plan.objects.get(agency=kontum, pid="phuong-an-3-phong")

    with pytest.raises(PlanError, match="cần 'đã phê duyệt'"):
        services.plan_implement(plan=plan, version=plan.version, user=users["approver"])


@pytest.mark.django_db
def test_rejecting_needs_a_reason(kontum, users):
    plan = models.Plan.objects.get(agency=kontum, pid="phuong-an-3-phong")
    services.plan_submit(plan=plan, version=plan.version, user=users["editor"])

    with pytest.raises(services.ServiceError, match="cần ghi lý do"):
        services.plan_reject(plan=plan, reason=" ", version=plan.version, user=users["approver"])
    services.plan_reject(
        plan=plan, reason="Chưa phù hợp quy định", version=plan.version, user=users["approver"]
    )
    plan.refresh_from_db()
    assert (plan.status, plan.rejection_reason) == ("rejected", "Chưa phù hợp quy định")


@pytest.mark.django_db
def test_the_audit_log_is_append_only(kontum):
    entry = models.AuditEntry.objects.first()

    entry.summary = "sửa"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()


@pytest.mark.django_db
def test_the_cached_project_follows_every_write(kontum, users):
    first = repository.project_of(kontum)
    assert repository.project_of(kontum) is first

    services.plan_create(agency=kontum, title="Mới", user=users["editor"])

    assert repository.project_of(kontum) is not first
    assert "moi" in repository.project_of(kontum).plans


@pytest.mark.django_db
def test_a_hire_registers_the_person_first(kontum, users):
    pid = services.next_person_id(kontum)
    services.person_register(
        agency=kontum,
        data={
            "id": pid,
            "name": "Trần Văn Mới",
            "born": "1995",
            "sex": "male",
            "category": "civil_servant",
        },
        user=users["editor"],
    )

    services.change_record(
        agency=kontum,
        plain={
            "kind": "hire",
            "on": "2021-02-01",
            "basis": "61/QĐ-BQLKKT",
            "person": pid,
            "unit": "vp",
        },
        user=users["editor"],
    )

    assert (
        repository.project_of(kontum).state_on(dt.date(2021, 2, 1)).assignments[pid].unit_id == "vp"
    )
    assert pid == "p066"


def _submitted_plan(kontum, users):  # type: ignore[no-untyped-def]
    plan = models.Plan.objects.get(agency=kontum, pid="phuong-an-3-phong")
    services.plan_submit(
        plan=plan, version=plan.version, user=users["editor"], on=dt.date(2019, 1, 2)
    )
    plan.refresh_from_db()
    return plan


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("symbol", "why"),
    [
        ("108/2014/NĐ-CP", "không phải là quyết định"),
        ("61/QĐ-BQLKKT", "không phải cấp có thẩm quyền"),
        ("1402/QĐ-UBND", "đã là căn cứ của thay đổi khác"),
    ],
)
def test_a_plan_is_approved_only_by_the_right_decision(kontum, users, symbol, why):
    plan = _submitted_plan(kontum, users)
    document = models.Document.objects.get(agency=kontum, symbol=symbol)

    with pytest.raises(services.ServiceError, match=why):
        services.plan_approve(
            plan=plan, decision=document, version=plan.version, user=users["approver"]
        )

    plan.refresh_from_db()
    assert plan.status == "submitted"


@pytest.mark.django_db
def test_a_decision_issued_after_the_plan_takes_effect_is_refused(kontum, users):
    plan = _submitted_plan(kontum, users)
    late = services.document_add(
        agency=kontum,
        data={
            "symbol": "900/QĐ-UBND",
            "kind": "decision",
            "issued_on": "2020-10-02",
            "issuer": "Ủy ban nhân dân tỉnh Kon Tum",
            "title": "Phê duyệt",
        },
        user=users["editor"],
    )

    with pytest.raises(services.ServiceError, match="sau ngày hiệu lực"):
        services.plan_approve(
            plan=plan, decision=late, version=plan.version, user=users["approver"]
        )


@pytest.mark.django_db
def test_the_approval_form_offers_only_decisions_that_may_approve(
    kontum, users, approving_decision
):
    from tinhgon.web import forms

    plan = _submitted_plan(kontum, users)

    offered = {d.symbol for d in forms.ApproveForm(plan=plan).fields["decision"].queryset}

    assert offered == {"800/QĐ-UBND"}
