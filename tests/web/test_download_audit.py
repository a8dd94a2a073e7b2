"""Report downloads are in the audit log like the other exports: who, when, which report or
paper, and its dates."""

from __future__ import annotations

import pytest

from tinhgon.web import models


def _exports(kontum):  # type: ignore[no-untyped-def]
    return list(models.AuditEntry.objects.filter(agency=kontum, action="export"))


@pytest.mark.django_db
def test_a_report_download_is_audited_with_who_what_and_the_dates(as_, kontum):
    response = as_("viewer").get(
        "/co-quan/bqlkkt/bao-cao/?before=01/01/2018&after=31/12/2019&format=docx"
    )
    assert response.status_code == 200
    [entry] = _exports(kontum)
    assert entry.username == "viewer"
    assert entry.at is not None
    assert entry.data == {
        "what": "report",
        "personal": False,
        "before": "2018-01-01",
        "after": "2019-12-31",
        "plan": "",
        "format": "docx",
        "file": "bao-cao-bqlkkt-20191231.docx",
    }
    assert "01/01/2018 – 31/12/2019" in entry.summary


@pytest.mark.django_db
def test_the_report_form_alone_is_not_an_export(as_, kontum):
    assert as_("viewer").get("/co-quan/bqlkkt/bao-cao/").status_code == 200
    assert _exports(kontum) == []


@pytest.mark.django_db
def test_the_drafters_note_download_is_audited(as_, kontum):
    response = as_("editor").get(
        "/co-quan/bqlkkt/bao-cao/ghi-chu/?before=01/01/2018&after=31/12/2019&format=docx"
    )
    assert response.status_code == 200
    [entry] = _exports(kontum)
    assert (entry.username, entry.data["what"], entry.data["after"]) == (
        "editor",
        "report_notes",
        "2019-12-31",
    )


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["docx", "txt"])
def test_a_plan_paper_download_is_audited(as_, kontum, fmt):
    response = as_("viewer").get(f"/co-quan/bqlkkt/de-an/phuong-an-3-phong/van-ban/decision.{fmt}")
    assert response.status_code == 200
    [entry] = _exports(kontum)
    assert entry.username == "viewer"
    assert {k: entry.data[k] for k in ("what", "paper", "plan", "format")} == {
        "what": "plan_paper",
        "paper": "decision",
        "plan": "phuong-an-3-phong",
        "format": fmt,
    }
    assert "dự thảo quyết định" in entry.summary
