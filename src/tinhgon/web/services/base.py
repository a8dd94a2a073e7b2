"""What every write shares: its errors, the audit entry and the agency's revision."""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import F

from tinhgon.domain import TinhgonError
from tinhgon.io.codec import (
    FieldError,
)
from tinhgon.web import models


class ServiceError(TinhgonError):
    """A write that cannot be done, with the reason for the user."""


class StaleEdit(ServiceError):
    """Someone else saved the plan since this user opened it."""


def audit(
    *,
    agency: models.Agency | None,
    user: Any,
    action: str,
    summary: str,
    reason: str = "",
    data: dict[str, Any] | None = None,
) -> models.AuditEntry:
    return models.AuditEntry.objects.create(
        agency=agency,
        agency_code=agency.code if agency else "",
        user=user if user and user.is_authenticated else None,
        username=user.get_username() if user and user.is_authenticated else "",
        action=action,
        summary=summary,
        reason=reason,
        data=data or {},
    )


def _bump(agency: models.Agency) -> None:
    """Every write marks the agency changed, so that its cached project is rebuilt."""
    models.Agency.objects.filter(pk=agency.pk).update(
        revision=F("revision") + 1, stamp=uuid.uuid4()
    )
    agency.refresh_from_db(fields=["revision", "stamp"])


def _field_error(error: FieldError) -> ServiceError:
    return ServiceError(error.vi, error.en)
