"""One upload cannot stop the server: a body over the limit is refused before it is read, at
most one import per agency runs at a time and imports have a bounded number of workers."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import pytest
from django.utils import timezone

from tests.web.conftest import client_for, kontum_project
from tinhgon.web import imports, models, services


@pytest.mark.django_db
def test_an_upload_over_the_limit_is_refused_before_it_is_read(users, settings):
    settings.TINHGON_UPLOAD_MAX_BYTES = 1000
    client = client_for(users["editor"])
    before = models.AuditEntry.objects.count()

    response = client.post(
        "/co-quan/bqlkkt/nhap-excel/",
        data=b"x" * 5000,
        content_type="application/octet-stream",
    )

    assert response.status_code == 413
    assert "Tệp quá lớn" in response.content.decode()
    assert models.AuditEntry.objects.count() == before


@pytest.mark.django_db
def test_a_second_import_of_the_same_agency_is_refused_while_one_runs(kontum, users):
    models.ImportLock.objects.create(
        agency=kontum, started_at=timezone.now(), username="editor", filename="a.xlsx"
    )
    revision = models.Agency.objects.get(pk=kontum.pk).revision

    with pytest.raises(services.ServiceError, match="đang có một lần nhập khác"):
        services.agency_import(
            text="",
            filename="b.yaml",
            user=users["system_admin"],
            agency=kontum,
            project=kontum_project(),
        )

    assert models.Agency.objects.get(pk=kontum.pk).revision == revision


@pytest.mark.django_db
def test_a_lock_left_by_a_process_that_died_is_taken_over_and_released(kontum, users):
    models.ImportLock.objects.create(
        agency=kontum, started_at=timezone.now() - dt.timedelta(minutes=30), username="x"
    )

    services.agency_import(
        text="",
        filename="b.yaml",
        user=users["system_admin"],
        agency=kontum,
        project=kontum_project(),
    )

    assert not models.ImportLock.objects.exists()


@pytest.mark.django_db
def test_imports_beyond_the_workers_are_refused_at_once(kontum, users):
    taken = 0
    while imports._workers.acquire(blocking=False):
        taken += 1
    try:
        with pytest.raises(services.ServiceError, match="máy chủ đang xử lý"):
            services.agency_import(
                text="",
                filename="b.yaml",
                user=users["system_admin"],
                agency=kontum,
                project=kontum_project(),
            )
    finally:
        for _ in range(taken):
            imports._workers.release()
    assert taken >= 1


def test_a_malformed_setting_stops_the_start_with_a_clear_message(tmp_path):
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(TINHGON_DATA_DIR=str(tmp_path), TINHGON_UPLOAD_MAX_MB="nhiều")

    done = subprocess.run(
        [sys.executable, "-m", "tinhgon", "token-list"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert done.returncode == 2
    assert "TINHGON_UPLOAD_MAX_MB" in done.stderr
    assert "Traceback" not in done.stderr
