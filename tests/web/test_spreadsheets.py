"""Excel in the web application: template, export, and an import that applies whole or not at all."""

from __future__ import annotations

import datetime as dt
import io
import re

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tinhgon.web import models, repository


def exported(client) -> openpyxl.Workbook:  # type: ignore[no-untyped-def]
    response = client.get("/co-quan/bqlkkt/nhan-su/xuat-excel/?on=31/12/2020")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="nhan-su-bqlkkt-20201231.xlsx"'
    return openpyxl.load_workbook(io.BytesIO(response.content))


def upload(book: openpyxl.Workbook, name: str = "nhan-su.xlsx") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def row_of(sheet, person_id: str) -> int:  # type: ignore[no-untyped-def]
    headers = [c.value for c in sheet[1]]
    column = headers.index("Mã") + 1
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, column).value == person_id:
            return row
    raise AssertionError(person_id)


@pytest.mark.django_db
def test_the_staff_list_exports_to_a_formatted_workbook(as_):
    book = exported(as_("viewer"))

    sheet = book.worksheets[0]
    assert [c.value for c in sheet[1]][:5] == ["STT", "Mã", "Họ và tên", "Ngày sinh", "Giới tính"]
    assert sheet.freeze_panes == "A2"
    assert sheet.max_row == 64


@pytest.mark.django_db
def test_a_blank_template_downloads(as_):
    response = as_("viewer").get("/mau/staff.xlsx")

    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert "Họ và tên" in [c.value for c in book.worksheets[0][1]]


@pytest.mark.django_db
def test_an_exported_list_edited_and_imported_back_records_a_dated_transfer(as_):
    client = as_("editor")
    book = exported(client)
    sheet = book.worksheets[0]
    headers = [c.value for c in sheet[1]]
    row = row_of(sheet, "p008")
    sheet.cell(row, headers.index("Mã đơn vị") + 1).value = "qhxd"
    sheet.cell(row, headers.index("Đơn vị") + 1).value = "Phòng Quản lý quy hoạch và xây dựng"

    response = client.post(
        "/co-quan/bqlkkt/nhap-excel/",
        {
            "file": upload(book),
            "on": "01/03/2021",
            "basis": "61/QĐ-BQLKKT|2020-05-15",
            "reason": "điều động",
        },
        follow=True,
    )

    page = response.content.decode()
    assert "Đã nhập nhan-su.xlsx" in page, re.findall(r"<li[^>]*>([^<]*)</li>", page)[:10]
    project = repository.project_of(models.Agency.objects.get(code="bqlkkt"))
    assert project.state_on(dt.date(2021, 3, 1)).assignments["p008"].unit_id == "qhxd"
    assert project.state_on(dt.date(2021, 2, 28)).assignments["p008"].unit_id == "vp"


@pytest.mark.django_db
def test_a_workbook_with_a_bad_row_applies_nothing_and_offers_a_copy_with_an_error_column(as_):
    client = as_("editor")
    book = exported(client)
    sheet = book.worksheets[0]
    headers = [c.value for c in sheet[1]]
    sheet.cell(row_of(sheet, "p008"), headers.index("Ngày sinh") + 1).value = "31/02/1990"
    before = models.ChangeRecord.objects.count()

    response = client.post(
        "/co-quan/bqlkkt/nhap-excel/",
        {"file": upload(book), "on": "01/03/2021", "basis": "61/QĐ-BQLKKT|2020-05-15"},
    )

    page = response.content.decode()
    assert "Không nhập gì: 1 lỗi" in page
    assert "nhan-su.xlsx" in page
    assert "Nhân sự" in page
    assert "Ngày sinh" in page
    assert models.ChangeRecord.objects.count() == before
    link = re.search(r'href="(/co-quan/bqlkkt/nhap-excel/loi/[^"]+)"', page).group(1)  # type: ignore[union-attr]
    copy = b"".join(client.get(link).streaming_content)
    errors = openpyxl.load_workbook(io.BytesIO(copy))
    assert errors.worksheets[0].title == "Danh sách lỗi"


@pytest.mark.django_db
def test_a_file_that_is_not_a_spreadsheet_is_refused(as_):
    response = as_("editor").post(
        "/co-quan/bqlkkt/nhap-excel/",
        {
            "file": SimpleUploadedFile("x.xlsx", b"not a zip at all"),
            "on": "01/03/2021",
            "basis": "61/QĐ-BQLKKT|2020-05-15",
        },
    )

    assert "Không nhập gì: 1 lỗi" in response.content.decode()


@pytest.mark.django_db
def test_only_editors_import_spreadsheets(as_):
    assert as_("viewer").get("/co-quan/bqlkkt/nhap-excel/").status_code == 403
    assert as_("outsider").get("/co-quan/bqlkkt/nhap-excel/").status_code == 404
    assert as_("editor").get("/co-quan/bqlkkt/nhap-excel/").status_code == 200


@pytest.mark.django_db
def test_an_import_adds_to_the_history_and_leaves_the_past_as_it_was_recorded(as_, users):
    client = as_("editor")
    book = exported(client)
    sheet = book.worksheets[0]
    headers = [c.value for c in sheet[1]]
    row = row_of(sheet, "p008")
    sheet.cell(row, headers.index("Mã đơn vị") + 1).value = "qhxd"
    sheet.cell(row, headers.index("Đơn vị") + 1).value = "Phòng Quản lý quy hoạch và xây dựng"
    past = list(
        models.ChangeRecord.objects.order_by("seq").values_list("seq", "recorded_by", "recorded_at")
    )
    plan_versions = dict(models.Plan.objects.values_list("pid", "version"))

    client.post(
        "/co-quan/bqlkkt/nhap-excel/",
        {"file": upload(book), "on": "01/03/2021", "basis": "61/QĐ-BQLKKT|2020-05-15"},
    )

    after = list(
        models.ChangeRecord.objects.order_by("seq").values_list("seq", "recorded_by", "recorded_at")
    )
    assert after[: len(past)] == past
    added = models.ChangeRecord.objects.filter(seq__gt=past[-1][0])
    assert [(r.kind, r.recorded_by) for r in added] == [("transfer", users["editor"])]
    assert dict(models.Plan.objects.values_list("pid", "version")) == plan_versions
    entry = models.AuditEntry.objects.filter(action="spreadsheet_import").get()
    assert entry.summary.startswith("Nhập từ nhan-su.xlsx: 1 thay đổi ngày 01/03/2021")
