"""The web report form takes the issuing details the command line's options give: number, date
of issue, signer, authority mark (TM./KT./TL.), recipients; the Word file carries them."""

from __future__ import annotations

import io
from urllib.parse import urlencode

import docx
import pytest

BASE = {"before": "01/01/2018", "after": "31/12/2019", "format": "docx"}


def text_of(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


@pytest.mark.django_db
def test_the_form_shows_the_issuing_fields_in_vietnamese(as_):
    page = as_("viewer").get("/co-quan/bqlkkt/bao-cao/").content.decode()
    for label in ("Ngày ban hành", "Thẩm quyền ký", "Chức vụ người ký", "Ký thay, thừa lệnh cho"):
        assert label in page
    assert 'value="KT."' in page


@pytest.mark.django_db
def test_the_word_report_carries_number_date_signer_authority_and_recipients(as_):
    query = {
        **BASE,
        "number": "125/BC-BQLKKT",
        "issued_on": "05/02/2020",
        "signer": "Trần Thị Lan",
        "signer_title": "Phó Trưởng ban",
        "authority": "KT.",
        "on_behalf_of": "Trưởng ban",
        "recipients": "Sở Nội vụ tỉnh Kon Tum\r\nUBND tỉnh Kon Tum",
        "archive": "VP",
    }
    response = as_("viewer").get(f"/co-quan/bqlkkt/bao-cao/?{urlencode(query)}")
    assert response.status_code == 200
    body = text_of(response.content)
    assert "125/BC-BQLKKT" in body
    assert "ngày 05 tháng 02 năm 2020" in body
    assert "KT. TRƯỞNG BAN" in body
    assert "PHÓ TRƯỞNG BAN" in body
    assert "Trần Thị Lan" in body
    assert "- Sở Nội vụ tỉnh Kon Tum;" in body
    assert "- Lưu: VT, VP." in body


@pytest.mark.django_db
def test_without_the_issuing_fields_the_date_line_is_the_after_date(as_):
    response = as_("viewer").get(f"/co-quan/bqlkkt/bao-cao/?{urlencode(BASE)}")
    body = text_of(response.content)
    assert "ngày 31 tháng 12 năm 2019" in body
    assert "KT." not in body


@pytest.mark.django_db
def test_a_blank_date_leaves_day_and_month_to_fill_in(as_):
    query = {**BASE, "blank_date": "on", "issued_on": "05/02/2020"}
    body = text_of(as_("viewer").get(f"/co-quan/bqlkkt/bao-cao/?{urlencode(query)}").content)
    assert "ngày 05 tháng 02 năm 2020" not in body
    assert "ngày 31 tháng 12 năm 2019" not in body


@pytest.mark.django_db
def test_an_unknown_authority_mark_is_refused_by_the_form(as_):
    query = {**BASE, "authority": "XX."}
    response = as_("viewer").get(f"/co-quan/bqlkkt/bao-cao/?{urlencode(query)}")
    assert response["Content-Type"].startswith("text/html")
    assert "XX." in response.content.decode()


@pytest.mark.django_db
def test_the_issuing_details_kept_with_the_texts_fill_the_report_form(as_, kontum):
    from tinhgon.web import models

    kept = {
        "signer": "Trần Thị Lan",
        "signer_title": "Phó Trưởng ban",
        "authority": "KT.",
        "on_behalf_of": "Trưởng ban",
        "recipients": "Sở Nội vụ tỉnh Kon Tum",
        "archive": "VP",
    }
    saved = as_("editor").post("/co-quan/bqlkkt/bao-cao/noi-dung/", kept, follow=True)
    assert saved.status_code == 200
    row = models.ReportTexts.objects.get(agency=kontum)
    assert (row.authority, row.signer, row.archive) == ("KT.", "Trần Thị Lan", "VP")

    form = as_("viewer").get("/co-quan/bqlkkt/bao-cao/").content.decode()
    assert 'value="Trần Thị Lan"' in form
    assert '<option value="KT." selected>' in form
    assert "Sở Nội vụ tỉnh Kon Tum</textarea>" in form


@pytest.mark.django_db
def test_a_viewer_cannot_change_the_kept_issuing_details(as_, kontum):
    from tinhgon.web import models

    as_("viewer").post("/co-quan/bqlkkt/bao-cao/noi-dung/", {"signer": "Ai đó"})
    assert not models.ReportTexts.objects.filter(agency=kontum, signer="Ai đó").exists()
