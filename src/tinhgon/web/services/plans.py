"""Writes of plans (đề án): their changes and their workflow."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone

from tinhgon.domain import CHANGE_KINDS
from tinhgon.domain import Plan as DomainPlan
from tinhgon.domain import PlanStatus as DomainPlanStatus
from tinhgon.domain.vietnamese import fold
from tinhgon.io.codec import (
    FieldError,
    change_from_plain,
    change_to_plain,
)
from tinhgon.web import models, repository
from tinhgon.web.services.approval import check_decision
from tinhgon.web.services.base import ServiceError, StaleEdit, _bump, _field_error, audit
from tinhgon.web.services.limits import check_plain, check_text
from tinhgon.web.services.scope import check_inside

# -- plans -------------------------------------------------------------------------------------


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:60] or "de-an"


def plan_create(
    *, agency: models.Agency, title: str, description: str = "", user: Any
) -> models.Plan:
    title = check_text(title, "title", required=True)
    description = check_text(description, "description")
    base = _slug(title)
    with transaction.atomic():
        # The agency row is locked while a free id is chosen: two plans of the same title
        # created at once get two ids, not an integrity error.
        agency = models.Agency.objects.select_for_update().get(pk=agency.pk)
        taken = set(agency.plans.values_list("pid", flat=True))
        pid, n = base, 2
        while pid in taken:
            pid, n = f"{base}-{n}", n + 1
        row = models.Plan.objects.create(
            agency=agency,
            pid=pid,
            title=title.strip(),
            description=description.strip(),
            created_by=user if user.is_authenticated else None,
        )
        _bump(agency)
        audit(
            agency=agency,
            user=user,
            action="plan_create",
            summary=f"Tạo đề án '{row.title}' ({pid})",
        )
    return row


def _stale(plan: models.Plan) -> StaleEdit:
    return StaleEdit(
        f"đề án '{plan.title}' vừa được người khác lưu (phiên bản {plan.version}); "
        "tải lại trang để xem thay đổi của họ rồi làm lại — thay đổi của bạn chưa được lưu",
        f"plan '{plan.title}' was just saved by someone else (version {plan.version}); "
        "reload the page to see their change, then redo yours — yours was not saved",
    )


def _check_version(plan: models.Plan, version: int) -> None:
    """Refuse at once a change made from a version of the plan that is no longer current."""
    plan.refresh_from_db()
    if plan.version != version:
        raise _stale(plan)


def _save_plan(plan: models.Plan, version: int, **fields: Any) -> None:
    """Save a plan only if nobody saved it since ``version`` was read (checked again here, in
    the same statement as the write, for two saves at the same moment)."""
    updated = models.Plan.objects.filter(pk=plan.pk, version=version).update(
        version=F("version") + 1, **fields
    )
    if not updated:
        plan.refresh_from_db()
        raise _stale(plan)
    plan.refresh_from_db()


def _domain_plan(plan: models.Plan) -> DomainPlan:
    return repository.project_of(plan.agency).plan(plan.pid)


def plan_change_add(
    *, plan: models.Plan, plain: dict[str, Any], version: int, user: Any, reason: str = ""
) -> models.Plan:
    """Add a proposed change to a draft; it must apply on top of the official timeline."""
    agency = plan.agency
    check_plain(plain)
    _check_version(plan, version)
    with transaction.atomic():
        project = repository.project_of(agency)
        ctx = repository.context_from(project)
        current = project.plan(plan.pid)
        try:
            change = change_from_plain(plain, ctx, ())
            candidate = current.with_changes((*current.changes, change))
            after = candidate.project(project.timeline)
        except FieldError as error:
            raise _field_error(error) from None
        check_inside(
            agency=agency,
            user=user,
            change=change,
            before=current.project(project.timeline),
            after=after,
        )
        _save_plan(plan, version, changes=[*plan.changes, change_to_plain(change, ctx.documents)])
        _bump(agency)
        audit(
            agency=agency,
            user=user,
            action="plan_change_add",
            summary=f"Đề án '{plan.title}': thêm '{change.label.vi}' ngày {change.on:%d/%m/%Y}",
            reason=reason,
            data={"change": plain},
        )
    return plan


def plan_change_remove(
    *, plan: models.Plan, index: int, version: int, user: Any, reason: str = ""
) -> models.Plan:
    agency = plan.agency
    _check_version(plan, version)
    with transaction.atomic():
        project = repository.project_of(agency)
        current = project.plan(plan.pid)
        if not 0 <= index < len(plan.changes):
            raise ServiceError("không có thay đổi này trong đề án", "no such change in the plan")
        # Removing is allowed on a draft even when what is left still does not apply: that is
        # how a plan broken by later official changes is repaired (with_changes checks it is a
        # draft; nothing is projected).
        current.with_changes(current.changes[:index] + current.changes[index + 1 :])
        removed = plan.changes[index]
        _save_plan(plan, version, changes=plan.changes[:index] + plan.changes[index + 1 :])
        _bump(agency)
        audit(
            agency=agency,
            user=user,
            action="plan_change_remove",
            summary=f"Đề án '{plan.title}': bỏ '{_kind_label(removed)}' ngày {_vn_iso(removed.get('on'))}",
            reason=reason,
            data={"change": removed},
        )
    return plan


def _kind_label(plain: dict[str, Any]) -> str:
    kind = CHANGE_KINDS.get(str(plain.get("kind")))
    return kind.label.vi if kind else str(plain.get("kind"))


def _vn_iso(value: Any) -> str:
    try:
        return f"{dt.date.fromisoformat(str(value)):%d/%m/%Y}"
    except ValueError:
        return str(value)


def _transition(
    plan: models.Plan,
    version: int,
    user: Any,
    action: str,
    summary: str,
    reason: str,
    domain: DomainPlan,
    **fields: Any,
) -> models.Plan:
    with transaction.atomic():
        _save_plan(plan, version, status=domain.status.value, **fields)
        _bump(plan.agency)
        audit(agency=plan.agency, user=user, action=action, summary=summary, reason=reason)
    return plan


def plan_submit(
    *, plan: models.Plan, version: int, user: Any, reason: str = "", on: dt.date | None = None
) -> models.Plan:
    """Submit ``plan`` on ``on`` (ngày trình; today when not given): the approving decision
    must be dated after it."""
    _check_version(plan, version)
    domain = _domain_plan(plan).submit()
    submitted_on = on or timezone.localdate()
    return _transition(
        plan,
        version,
        user,
        "plan_submit",
        f"Trình đề án '{plan.title}' ngày {submitted_on:%d/%m/%Y}",
        reason,
        domain,
        submitted_on=submitted_on,
    )


def plan_return(*, plan: models.Plan, version: int, user: Any, reason: str) -> models.Plan:
    _check_version(plan, version)
    domain = _domain_plan(plan).return_to_draft()
    return _transition(
        plan, version, user, "plan_return", f"Trả lại đề án '{plan.title}'", reason, domain
    )


def plan_reject(*, plan: models.Plan, version: int, user: Any, reason: str) -> models.Plan:
    _check_version(plan, version)
    if not reason.strip():
        raise ServiceError("cần ghi lý do không phê duyệt", "a reason is required to reject")
    domain = _domain_plan(plan).reject(reason)
    return _transition(
        plan,
        version,
        user,
        "plan_reject",
        f"Không phê duyệt đề án '{plan.title}'",
        reason,
        domain,
        rejection_reason=reason,
    )


def plan_approve(
    *, plan: models.Plan, decision: models.Document, version: int, user: Any, reason: str = ""
) -> models.Plan:
    _check_version(plan, version)
    check_decision(plan, decision)
    project = repository.project_of(plan.agency)
    key = project.documents.resolve(decision.symbol, decision.issued_on).key
    domain = project.plan(plan.pid).approve(key)
    return _transition(
        plan,
        version,
        user,
        "plan_approve",
        f"Phê duyệt đề án '{plan.title}' theo {decision.symbol} ngày {decision.issued_on:%d/%m/%Y}",
        reason,
        domain,
        decision=decision,
    )


def plan_implement(*, plan: models.Plan, version: int, user: Any, reason: str = "") -> models.Plan:
    """Enter the plan's changes into the official timeline, citing the approving decision."""
    agency = plan.agency
    _check_version(plan, version)
    with transaction.atomic():
        agency = models.Agency.objects.select_for_update().get(pk=agency.pk)
        project = repository.project_of(agency)
        done, official = project.plan(plan.pid).implement(project.timeline)
        seq = agency.changes.aggregate(m=Max("seq"))["m"] or 0
        records = []
        for change in done.changes:
            seq += 1
            records.append(
                repository.change_row(agency, seq, change, project.documents, plan=plan, user=user)
            )
        models.ChangeRecord.objects.bulk_create(records)
        _save_plan(
            plan,
            version,
            status=DomainPlanStatus.IMPLEMENTED.value,
            changes=[r.payload for r in records],
        )
        _bump(agency)
        audit(
            agency=agency,
            user=user,
            action="plan_implement",
            summary=f"Thực hiện đề án '{plan.title}': {len(records)} thay đổi vào lịch sử chính thức",
            reason=reason,
        )
        del official
    return plan
