"""The web import refuses a spreadsheet that takes longer than TINHGON_IMPORT_SECONDS to read,
with a clear Vietnamese message, and applies nothing."""

from __future__ import annotations

import pytest

from tests.web.test_spreadsheets import exported, upload
from tinhgon.io import sheets_deadline
from tinhgon.web import models


class SteppingClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


def _post(client, book):  # type: ignore[no-untyped-def]
    return client.post(
        "/co-quan/bqlkkt/nhap-excel/",
        {"file": upload(book), "on": "01/03/2021", "basis": "61/QĐ-BQLKKT|2020-05-15"},
        follow=True,
    )


@pytest.mark.django_db
def test_a_slow_read_is_refused_with_the_time_limit_and_nothing_is_applied(
    as_, settings, monkeypatch
):
    client = as_("editor")
    book = exported(client)
    settings.TINHGON_IMPORT_SECONDS = 5
    monkeypatch.setattr(sheets_deadline, "clock", SteppingClock())
    before = models.ChangeRecord.objects.count()

    page = _post(client, book).content.decode()

    assert "Không nhập gì: 1 lỗi" in page
    assert "đọc tệp quá 5 giây cho phép" in page
    assert models.ChangeRecord.objects.count() == before


@pytest.mark.django_db
def test_the_same_file_within_the_limit_is_read(as_, settings, monkeypatch):
    client = as_("editor")
    book = exported(client)
    settings.TINHGON_IMPORT_SECONDS = 3600
    monkeypatch.setattr(sheets_deadline, "clock", SteppingClock())

    page = _post(client, book).content.decode()

    assert "giây cho phép" not in page
    assert "Không nhập gì" not in page


def test_the_setting_defaults_to_120_seconds():
    from tinhgon.web import settings as web_settings

    assert web_settings.TINHGON_IMPORT_SECONDS == 120
