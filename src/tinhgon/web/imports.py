"""Imports cannot starve the pages of other users: at most ``TINHGON_IMPORT_WORKERS`` imports
run at once in a process (2 unless set; the server has more threads than that for pages), and
at most one per agency across all processes (a row in ``ImportLock``). A busy import is refused
at once with a clear message rather than queued behind a long file.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from tinhgon.web import models
from tinhgon.web.services.base import ServiceError

_workers = threading.BoundedSemaphore(getattr(settings, "TINHGON_IMPORT_WORKERS", 2))


def _take(agency: models.Agency, user: Any, filename: str, now: dt.datetime) -> None:
    username = user.get_username() if user is not None and user.is_authenticated else ""
    stale = now - dt.timedelta(minutes=models.ImportLock.STALE_MINUTES)
    models.ImportLock.objects.filter(agency=agency, started_at__lt=stale).delete()
    try:
        with transaction.atomic():
            models.ImportLock.objects.create(
                agency=agency, started_at=now, username=username, filename=filename[:300]
            )
    except IntegrityError:
        holder = models.ImportLock.objects.filter(agency=agency).first()
        who = f" ({holder.username}, {holder.filename})" if holder and holder.username else ""
        raise ServiceError(
            f"cơ quan đang có một lần nhập khác{who}; hãy đợi nó xong rồi nhập lại — "
            "chưa có gì được ghi",
            f"another import of this agency is running{who}; wait for it to finish, then "
            "import again — nothing was written",
        ) from None


@contextmanager
def import_slot(*, agency: models.Agency, user: Any, filename: str) -> Iterator[None]:
    if not _workers.acquire(blocking=False):
        raise ServiceError(
            "máy chủ đang xử lý các tệp khác; hãy thử lại sau ít phút — chưa có gì được ghi",
            "the server is busy with other files; try again in a few minutes — nothing was written",
        )
    try:
        _take(agency, user, filename, timezone.now())
        try:
            yield
        finally:
            models.ImportLock.objects.filter(agency=agency).delete()
    finally:
        _workers.release()
