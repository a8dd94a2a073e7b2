"""A backup keeps every microsecond of a time: Django's JSON encoder cuts times to the
millisecond, so a restored row could differ from the row backed up (a time within the first
millisecond of a second read back as a different value)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core import serializers

from tinhgon.web import models
from tinhgon.web.admin_commands import _dump

pytestmark = pytest.mark.django_db


def test_a_backups_rows_restore_to_the_same_microsecond():
    models.Agency.objects.create(code="so-noi-vu", name="Sở Nội vụ")
    moments = {
        "so-noi-vu": dt.datetime(2026, 3, 1, 8, 0, 0, 500, tzinfo=dt.UTC),
        "so-tai-chinh": dt.datetime(2026, 3, 1, 8, 0, 0, 123456, tzinfo=dt.UTC),
    }
    models.Agency.objects.create(code="so-tai-chinh", name="Sở Tài chính")
    for code, moment in moments.items():
        models.Agency.objects.filter(code=code).update(created_at=moment)

    rows = [row for row in _dump() if row["model"] == "tinhgon.agency"]
    written = {row["fields"]["code"]: row["fields"]["created_at"] for row in rows}
    assert written == {
        "so-noi-vu": "2026-03-01T08:00:00.000500Z",
        "so-tai-chinh": "2026-03-01T08:00:00.123456Z",
    }

    models.Agency.objects.all().delete()
    for item in serializers.deserialize("json", json.dumps(rows)):
        item.save()
    assert {a.code: a.created_at for a in models.Agency.objects.all()} == moments
