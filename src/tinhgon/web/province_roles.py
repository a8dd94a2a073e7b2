"""The province administrator role (quản trị cấp tỉnh) and memberships limited to one agency
inside a history: granted on the roles page and from the command line (``tinhgon grant``)."""

from __future__ import annotations

import re
import secrets
from typing import Any

from django.db import transaction

from tinhgon.web import models
from tinhgon.web.services import ServiceError, audit

PROVINCE_ADMIN = "province_admin"
PROVINCE_ADMIN_LABEL = "quản trị cấp tỉnh"


def _user(username: str) -> tuple[Any, str | None]:
    from django.contrib.auth import get_user_model

    name = username.strip()
    if not re.fullmatch(r"[\w.@+-]{1,150}", name):
        raise ServiceError(
            "tên đăng nhập chỉ gồm chữ, số và . @ + - _",
            "a user name has letters, digits and . @ + - _",
        )
    user = get_user_model().objects.filter(username=name).first()
    if user is not None:
        return user, None
    password = secrets.token_urlsafe(12)
    return get_user_model().objects.create_user(username=name, password=password), password


def province_of(agency: models.Agency) -> models.Province:
    """The province an agency belongs to; a history without one becomes its own province (a
    history whose root is the province People's Committee)."""
    if agency.province_id:
        return agency.province  # type: ignore[return-value]
    province, _ = models.Province.objects.get_or_create(
        code=agency.code, defaults={"name": agency.province_name or agency.name}
    )
    agency.province = province
    agency.save(update_fields=["province"])
    return province


def grant_province_admin(
    *, province: models.Province, username: str, by: Any, agency: models.Agency | None = None
) -> tuple[models.ProvinceAdmin, str | None]:
    """Make a user administrator of a province: every agency of the province, every right."""
    with transaction.atomic():
        user, password = _user(username)
        role, _ = models.ProvinceAdmin.objects.get_or_create(user=user, province=province)
        for row in [agency] if agency is not None else province.agencies.all():
            audit(
                agency=row,
                user=by,
                action="province_admin_grant",
                summary=f"Giao quyền quản trị cấp tỉnh ({province.name}) cho {user.get_username()}"
                + (" (tài khoản mới)" if password else ""),
            )
    return role, password


def limit_membership(
    *, agency: models.Agency, username: str, unit: str, by: Any
) -> models.Membership | None:
    """Limit a user's membership to one agency inside the history ('' for the whole)."""
    from tinhgon.web import repository

    membership = models.Membership.objects.filter(
        agency=agency, user__username=username.strip()
    ).first()
    if membership is None:
        return None
    unit = unit.strip()
    if unit:
        known = {u.id for u in repository.project_of_whole(agency).agencies_on(_today())}
        if unit not in known:
            raise ServiceError(
                f"không có cơ quan '{unit}' trong lịch sử này",
                f"no agency '{unit}' in this history",
            )
    with transaction.atomic():
        membership.unit = unit
        membership.save(update_fields=["unit"])
        audit(
            agency=agency,
            user=by,
            action="membership_limit",
            summary=(
                f"Giới hạn quyền của {membership.user.get_username()} trong cơ quan '{unit}'"
                if unit
                else f"Quyền của {membership.user.get_username()} trên cả lịch sử"
            ),
        )
    return membership


def _today() -> Any:
    from tinhgon.web.views.base import today

    return today()
