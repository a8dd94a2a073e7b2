"""Who may do what on which agency (phân quyền).

Roles per agency: viewer (xem), editor (cập nhật), approver (phê duyệt). A province
administrator holds every right on every agency of the province; a system administrator
(Django superuser) on all agencies. Someone without any role on an agency does not see that it
exists (404); someone who sees it but lacks the right for an action gets 403.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from tinhgon.web import models, scoping


class Action(StrEnum):
    VIEW = "view"
    EDIT = "edit"  # record changes and documents, draft and submit plans, import
    APPROVE = "approve"  # approve, reject, return and implement plans
    MANAGE = "manage"  # memberships and agency settings
    PERSONAL = "personal"  # see and export personal data (personal ID, birth date, ratings)


RIGHTS: dict[str, frozenset[Action]] = {
    "viewer": frozenset({Action.VIEW}),
    "editor": frozenset({Action.VIEW, Action.EDIT, Action.PERSONAL}),
    "approver": frozenset({Action.VIEW, Action.APPROVE}),
    "admin": frozenset(Action),
}


class Forbidden(Exception):
    """The user sees the agency but may not do this (HTTP 403)."""

    def __init__(self, action: Action) -> None:
        super().__init__(action)
        self.action = action


def visible_agencies(user: Any) -> QuerySet[models.Agency]:
    if not user.is_authenticated:
        return models.Agency.objects.none()
    if user.is_superuser:
        return models.Agency.objects.all()
    return models.Agency.objects.filter(
        Q(memberships__user=user) | Q(province__admins__user=user)
    ).distinct()


def role_of(user: Any, agency: models.Agency) -> str | None:
    if not user.is_authenticated:
        return None
    if user.is_superuser:
        return "admin"
    if (
        agency.province_id
        and models.ProvinceAdmin.objects.filter(user=user, province_id=agency.province_id).exists()
    ):
        return "admin"
    membership = models.Membership.objects.filter(user=user, agency=agency).first()
    return membership.role if membership else None


def rights_of(user: Any, agency: models.Agency) -> frozenset[Action]:
    role = role_of(user, agency)
    return RIGHTS.get(role, frozenset()) if role else frozenset()


def agency_for(user: Any, code: str, action: Action = Action.VIEW) -> models.Agency:
    """The agency if the user may do ``action`` on it; 404 when they may not even see it."""
    agency = get_object_or_404(models.Agency, code=code)
    rights = rights_of(user, agency)
    if Action.VIEW not in rights:
        raise Http404("Không tìm thấy cơ quan")
    if action not in rights:
        raise Forbidden(action)
    return scoping.limit(user, agency)  # a user limited to one agency inside the history


def may_create_agencies(user: Any) -> bool:
    return bool(user.is_authenticated and (user.is_superuser or user.province_roles.exists()))
