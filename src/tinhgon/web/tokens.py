"""API tokens: made with an expiry (90 days unless said, at most a year), listed, revoked.
Only the SHA-256 of a token is stored; the token itself is shown once, when it is made."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import Any

from django.db import transaction

from tinhgon.web import models


class TokenError(ValueError):
    def __init__(self, vi: str, en: str) -> None:
        super().__init__(vi)
        self.vi, self.en = vi, en


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def token_create(
    *,
    user: Any,
    name: str,
    now: dt.datetime,
    days: int = models.ApiToken.DEFAULT_DAYS,
    by: Any = None,
) -> tuple[models.ApiToken, str]:
    """A new token for ``user`` valid ``days`` days from ``now``; returns the row and the token
    (to be shown once)."""
    from tinhgon.web.services import audit

    if not 1 <= days <= models.ApiToken.MAX_DAYS:
        raise TokenError(
            f"thời hạn phải từ 1 đến {models.ApiToken.MAX_DAYS} ngày",
            f"the validity must be from 1 to {models.ApiToken.MAX_DAYS} days",
        )
    label = name.strip()[:100] or "api"
    value = secrets.token_urlsafe(32)
    with transaction.atomic():
        row = models.ApiToken.objects.create(
            user=user,
            name=label,
            digest=token_digest(value),
            expires_at=now + dt.timedelta(days=days),
        )
        audit(
            agency=None,
            user=by if by is not None else user,
            action="token_create",
            summary=f"Tạo mã API '{label}' cho {user.get_username()}, hết hạn {row.expires_at:%d/%m/%Y}",
        )
    return row, value


def token_revoke(*, token: models.ApiToken, now: dt.datetime, by: Any = None) -> None:
    from tinhgon.web.services import audit

    with transaction.atomic():
        updated = models.ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
            revoked_at=now
        )
        if updated:
            audit(
                agency=None,
                user=by if by is not None else token.user,
                action="token_revoke",
                summary=f"Thu hồi mã API '{token.name}' của {token.user.get_username()}",
            )
    token.refresh_from_db()


def token_for(value: str, now: dt.datetime) -> tuple[models.ApiToken | None, str]:
    """The active token a bearer value stands for, or None and why ('invalid', 'expired',
    'revoked')."""
    row = models.ApiToken.objects.select_related("user").filter(digest=token_digest(value)).first()
    if row is None or not row.user.is_active:
        return None, "invalid"
    state = row.state(now)
    if state != "active":
        return None, state
    return row, state
