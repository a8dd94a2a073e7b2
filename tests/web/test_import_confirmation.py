"""The import page's confirmation step: new units and doubtful matches are shown with a box to
tick; nothing is written until the editor confirms, and only what they confirm."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tinhgon.web import models, repository

HEADER = ["Họ và tên", "Ngày sinh", "Giới tính", "Loại", "Đơn vị", "Chức vụ"]


def upload(rows: list[list[object]]) -> SimpleUploadedFile:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["DANH SÁCH BỔ SUNG"])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("bo-sung.xlsx", buffer.getvalue())


@pytest.mark.django_db
def test_new_units_are_created_only_once_the_editor_ticks_the_box(as_):
    client = as_("editor")
    before = models.ChangeRecord.objects.count()
    rows = [["Lò Thị Mới", "15/06/1996", "Nữ", "công chức", "Phòng Hợp tác quốc tế", "PTP"]]

    asked = client.post(
        "/co-quan/bqlkkt/nhap-excel/",
        {"file": upload(rows), "on": "01/03/2021", "basis": "61/QĐ-BQLKKT|2020-05-15"},
    )

    page = asked.content.decode()
    assert "cần xác nhận trước khi nhập" in page
    assert "đơn vị mới &#x27;Phòng Hợp tác quốc tế&#x27; (Phòng, mã &#x27;htqt&#x27;)" in page
    assert 'name="create_units"' in page
    assert models.ChangeRecord.objects.count() == before
    token = asked.context["pending"]

    unticked = client.post("/co-quan/bqlkkt/nhap-excel/", {"pending": token})
    assert "cần xác nhận trước khi nhập" in unticked.content.decode()
    assert models.ChangeRecord.objects.count() == before

    done = client.post(
        "/co-quan/bqlkkt/nhap-excel/", {"pending": token, "create_units": "on"}, follow=True
    )

    assert "Đã nhập bo-sung.xlsx" in done.content.decode()
    state = repository.project_of(models.Agency.objects.get(code="bqlkkt")).state_on(
        dt.date(2021, 3, 1)
    )
    assert state.units["htqt"].name == "Phòng Hợp tác quốc tế"
    (pid,) = [p for p, a in state.assignments.items() if a.unit_id == "htqt"]
    assert state.people[pid].full_name == "Lò Thị Mới"


@pytest.mark.django_db
def test_a_pending_file_can_be_dropped(as_):
    client = as_("editor")
    rows = [["Lò Thị Mới", "15/06/1996", "Nữ", "công chức", "Phòng Hợp tác quốc tế", None]]
    asked = client.post(
        "/co-quan/bqlkkt/nhap-excel/",
        {"file": upload(rows), "on": "01/03/2021", "basis": "61/QĐ-BQLKKT|2020-05-15"},
    )
    token = asked.context["pending"]

    client.post("/co-quan/bqlkkt/nhap-excel/", {"pending": token, "cancel": "1"})
    again = client.post(
        "/co-quan/bqlkkt/nhap-excel/", {"pending": token, "create_units": "on"}, follow=True
    )

    assert "Tệp chờ xác nhận không còn" in again.content.decode()
