"""Personal data (personal ID, exact birth date, ratings) only to the roles that need them, in
pages and exports alike; every export in the audit log."""

from __future__ import annotations

import io

import openpyxl
import pytest

from tinhgon.web import models

NATIONAL_ID = "062064190069"  # p001 in the example (illustrative)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "sees"),
    [("viewer", False), ("approver", False), ("editor", True), ("province_admin", True)],
)
def test_the_person_page_shows_personal_data_only_to_roles_that_need_it(as_, role, sees):
    body = as_(role).get("/co-quan/bqlkkt/nhan-su/p001/?on=31/12/2019").content.decode()

    assert (NATIONAL_ID in body) is sees
    assert ("12/03/1964" in body) is sees
    assert ("Xuất sắc" in body or "xuất sắc" in body) is sees
    assert "1964" in body


@pytest.mark.django_db
def test_a_viewer_cannot_find_someone_by_a_hidden_personal_id(as_):
    viewer = as_("viewer").get(f"/co-quan/bqlkkt/nhan-su/?on=31/12/2019&q={NATIONAL_ID}")
    editor = as_("editor").get(f"/co-quan/bqlkkt/nhan-su/?on=31/12/2019&q={NATIONAL_ID}")

    assert "Nguyễn Văn Hùng" not in viewer.content.decode()
    assert "Nguyễn Văn Hùng" in editor.content.decode()
    assert "12/03/1964" not in viewer.content.decode()


def _sheet_text(content: bytes) -> str:
    book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
    cells = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            cells.extend(str(c) for c in row if c is not None)
    return " ".join(cells)


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "sees"), [("viewer", False), ("editor", True)])
def test_the_staff_export_masks_personal_data_and_is_audited(as_, users, role, sees):
    response = as_(role).get("/co-quan/bqlkkt/nhan-su/xuat-excel/?on=31/12/2019")

    text = _sheet_text(response.content)
    assert "Nguyễn Văn Hùng" in text
    assert (NATIONAL_ID in text) is sees
    assert ("1964-03-12" in text) is sees
    entry = models.AuditEntry.objects.get(action="export")
    assert entry.user == users[role]
    assert entry.data["what"] == "staff"
    assert entry.data["personal"] is sees
    assert entry.data["on"] == "2019-12-31"


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "sees"), [("viewer", False), ("editor", True)])
def test_the_project_file_export_masks_personal_data_and_is_audited(as_, role, sees):
    text = as_(role).get("/co-quan/bqlkkt/xuat/").content.decode()

    assert "Nguyễn Văn Hùng" in text
    assert (NATIONAL_ID in text) is sees
    assert ("1964-03-12" in text) is sees
    assert ("excellent" in text) is sees
    entry = models.AuditEntry.objects.get(action="export")
    assert entry.data == {"what": "project", "personal": sees}


@pytest.mark.django_db
def test_the_audit_log_cannot_be_changed_or_deleted_through_the_application(as_):
    as_("viewer").get("/co-quan/bqlkkt/xuat/")
    entry = models.AuditEntry.objects.get(action="export")

    entry.summary = "sửa"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        models.AuditEntry.objects.filter(pk=entry.pk).update(summary="sửa")
    with pytest.raises(PermissionError):
        models.AuditEntry.objects.filter(pk=entry.pk).delete()
    with pytest.raises(PermissionError):
        models.AuditEntry.objects.all().delete()
    assert models.AuditEntry.objects.get(pk=entry.pk).summary.startswith("Xuất tệp dự án")
