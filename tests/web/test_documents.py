"""The documents pages: the report's person-written parts kept with the agency and used by the
report download, and the download buttons of a plan's papers."""

from __future__ import annotations

import io
import re

import docx
import pytest
from pypdf import PdfReader

from tinhgon.web import models

TEXTS = {
    "request": "Công văn số 15/SNV-TCBC ngày 06/01/2020 của Sở Nội vụ tỉnh Kon Tum",
    "direction": "",
    "strengths": "",
    "causes": "Biên chế được giao giảm hằng năm.\r\n\r\nMột số vị trí việc làm chưa được duyệt.",
    "directions": "",
    "proposals": "Đề nghị giao bổ sung 02 biên chế công chức.",
}


def words(content: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(content)).paragraphs)


@pytest.mark.django_db
def test_an_editor_keeps_the_texts_and_every_report_uses_them(as_, kontum):
    saved = as_("editor").post("/co-quan/bqlkkt/bao-cao/noi-dung/", TEXTS, follow=True)

    assert saved.status_code == 200
    assert "Đã lưu nội dung" in saved.content.decode()
    row = models.ReportTexts.objects.get(agency=kontum)
    assert row.proposals == TEXTS["proposals"]
    assert row.updated_by == "editor"
    assert models.AuditEntry.objects.filter(agency=kontum, action="report_texts").exists()
    page = re.sub(
        r"\s+", " ", as_("viewer").get("/co-quan/bqlkkt/bao-cao/noi-dung/").content.decode()
    )
    assert "Đề nghị giao bổ sung 02 biên chế công chức." in page  # shown again, to edit

    report = as_("viewer").get(
        "/co-quan/bqlkkt/bao-cao/?before=01/01/2018&after=31/12/2019&format=docx"
    )
    body = words(report.content)
    assert "Công văn số 15/SNV-TCBC ngày 06/01/2020 của Sở Nội vụ tỉnh Kon Tum, Ban" in body
    assert "Biên chế được giao giảm hằng năm.\nMột số vị trí việc làm chưa được duyệt." in body
    assert "Đề nghị giao bổ sung 02 biên chế công chức." in body
    assert "Tiếp tục rà soát, sắp xếp, kiện toàn" in body  # an empty field keeps its default


@pytest.mark.django_db
def test_a_viewer_sees_the_texts_but_cannot_change_them(as_, kontum):
    page = as_("viewer").get("/co-quan/bqlkkt/bao-cao/noi-dung/")
    refused = as_("viewer").post("/co-quan/bqlkkt/bao-cao/noi-dung/", TEXTS)

    assert page.status_code == 200
    assert "disabled" in page.content.decode()
    assert refused.status_code == 302
    assert not models.ReportTexts.objects.filter(agency=kontum).exists()


@pytest.mark.django_db
def test_an_outsider_cannot_see_the_texts(as_):
    assert as_("outsider").get("/co-quan/bqlkkt/bao-cao/noi-dung/").status_code in (403, 404)


@pytest.mark.django_db
def test_the_plan_page_offers_its_papers(as_):
    page = as_("viewer").get("/co-quan/bqlkkt/de-an/phuong-an-3-phong/").content.decode()

    assert 'id="plan-papers"' in page
    for paper in ("proposal", "submission", "decision"):
        for fmt in ("docx", "pdf", "txt"):
            assert f"/co-quan/bqlkkt/de-an/phuong-an-3-phong/van-ban/{paper}.{fmt}" in page


@pytest.mark.django_db
def test_the_decision_downloads_in_word_and_pdf_and_its_note_as_text(as_):
    word = as_("viewer").get("/co-quan/bqlkkt/de-an/phuong-an-3-phong/van-ban/decision.docx")
    pdf = as_("viewer").get("/co-quan/bqlkkt/de-an/phuong-an-3-phong/van-ban/decision.pdf")
    note = as_("viewer").get("/co-quan/bqlkkt/de-an/phuong-an-3-phong/van-ban/decision.txt")

    assert word.status_code == pdf.status_code == note.status_code == 200
    assert word["Content-Disposition"] == (
        'attachment; filename="du-thao-quyet-dinh-phuong-an-3-phong.docx"'
    )
    assert (
        "Sáp nhập Phòng Quản lý tài nguyên và môi trường vào Phòng Quản lý quy hoạch và xây dựng"
        in words(word.content)
    )
    text = " ".join(PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text().split())
    assert "QUYẾT ĐỊNH" in text
    assert note.content.decode("utf-8").startswith("GHI CHÚ CHO NGƯỜI SOẠN THẢO")


@pytest.mark.django_db
def test_an_unknown_paper_or_plan_is_not_found(as_):
    assert (
        as_("viewer").get("/co-quan/bqlkkt/de-an/phuong-an-3-phong/van-ban/memo.docx").status_code
        == 404
    )
    assert (
        as_("viewer").get("/co-quan/bqlkkt/de-an/khong-co/van-ban/decision.docx").status_code == 404
    )
    assert (
        as_("viewer")
        .get("/co-quan/bqlkkt/de-an/phuong-an-3-phong/van-ban/decision.odt")
        .status_code
        == 404
    )


@pytest.mark.django_db
def test_the_report_form_gives_the_drafters_note_of_the_same_report(as_):
    page = as_("viewer").get("/co-quan/bqlkkt/bao-cao/").content.decode()
    note = as_("viewer").get(
        "/co-quan/bqlkkt/bao-cao/ghi-chu/?before=01/01/2018&after=31/12/2019&format=docx"
    )

    assert 'formaction="/co-quan/bqlkkt/bao-cao/ghi-chu/"' in page
    assert note.status_code == 200
    content = note.content.decode("utf-8")
    assert content.startswith("GHI CHÚ CHO NGƯỜI SOẠN THẢO")
    # the note of this report: built from the illustrative example; 31/12/2019 is before Decree
    # 135/2020, which the law no longer cites then (the Labour Code 2012 is the basis)
    assert "dữ liệu minh họa" in content
    assert "135/2020" not in content
    assert note["Content-Disposition"] == (
        'attachment; filename="bao-cao-bqlkkt-20191231.ghi-chu.txt"'
    )
