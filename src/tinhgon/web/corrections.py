"""Correcting mistakes: an official change recorded by mistake is withdrawn or corrected (its
date, its basis), and a draft plan is deleted — each with its reason, in the audit log, and
the original kept there whole (the change as it was recorded, the plan with its changes).

The official timeline is rebuilt without the change (or with the corrected one) before
anything is written: a later change that depended on it (the transfer of someone whose hire is
withdrawn) is named and nothing is written. Draft and submitted plans must still apply.

A user limited to one agency inside a province's history withdraws, corrects or deletes only
what lies inside that agency (``services.scope``, as for the other writes): the change as it
was recorded and as it is corrected, the draft plan as one the user may see.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from tinhgon.domain import ChangeRefused, DocumentKey, Timeline
from tinhgon.domain import PlanStatus as DomainPlanStatus
from tinhgon.domain.describe import describe_change
from tinhgon.io.codec import FieldError, basis_to_plain, change_from_plain
from tinhgon.web import models, repository
from tinhgon.web.services import ServiceError, _bump, audit
from tinhgon.web.services.scope import OutsideScope, check_inside, visible_plans


def _need_reason(reason: str) -> str:
    reason = " ".join(reason.split())
    if not reason:
        raise ServiceError(
            "cần ghi lý do sửa hoặc rút (ghi vào nhật ký)",
            "a reason is needed (it goes into the audit log)",
        )
    return reason


def _record(agency: models.Agency, seq: int) -> models.ChangeRecord:
    record = agency.changes.filter(seq=seq).first()
    if record is None:
        raise ServiceError(f"không có thay đổi số {seq}", f"there is no change number {seq}")
    first = agency.changes.order_by("seq").values_list("seq", flat=True).first()
    if seq == first:
        raise ServiceError(
            "không rút hay sửa được việc thành lập cơ quan (thay đổi đầu tiên)",
            "the creation of the agency (the first change) cannot be withdrawn or corrected",
        )
    if record.plan_id is not None:
        raise ServiceError(
            "thay đổi này thuộc một đề án đã thực hiện: không rút hay sửa riêng được",
            "this change belongs to an implemented plan: it cannot be withdrawn or corrected "
            "on its own",
        )
    return record


def _rebuilt(agency: models.Agency, seq: int, replacement: dict[str, Any] | None) -> Timeline:
    """The official timeline without change ``seq`` (or with ``replacement`` instead); a
    change that no longer applies is named in a ServiceError."""
    ctx = repository.context_of(agency)
    changes = []
    try:
        for record in agency.changes.order_by("seq"):
            plain = record.payload if record.seq != seq else replacement
            if plain is not None:
                changes.append(change_from_plain(plain, ctx, ()))
        timeline = Timeline(changes)
    except FieldError as error:
        raise ServiceError(error.vi, error.en) from None
    except ChangeRefused as refused:
        raise ServiceError(
            f"không được: sau đó, thay đổi '{refused.change.label.vi}' ngày "
            f"{refused.change.on:%d/%m/%Y} không còn áp dụng được ({refused.reason_vi}); "
            "sửa hoặc rút thay đổi đó trước",
            f"not possible: then the change '{refused.change.label.en}' of "
            f"{refused.change.on.isoformat()} no longer applies ({refused.reason_en}); correct "
            "or withdraw that one first",
        ) from None
    project = repository.project_of(agency)
    for plan in project.plans.values():
        if plan.status not in (DomainPlanStatus.DRAFT, DomainPlanStatus.SUBMITTED):
            continue
        try:
            plan.project(timeline)
        except ChangeRefused as refused:
            raise ServiceError(
                f"không được: đề án '{plan.title}' không còn áp dụng được "
                f"({refused.reason_vi}); sửa đề án trước",
                f"not possible: the plan '{plan.title}' would no longer apply "
                f"({refused.reason_en}); edit the plan first",
            ) from None
    return timeline


def check_scope(
    agency: models.Agency, user: Any, payload: dict[str, Any], timeline: Timeline | None = None
) -> None:
    """Refuse (``OutsideScope``) a user limited to one agency a change that reaches outside
    it, as it stands in ``timeline`` (the official one when not given)."""
    project = repository.project_of_whole(agency)
    try:
        change = change_from_plain(payload, repository.context_from(project), ())
    except FieldError as error:
        raise ServiceError(error.vi, error.en) from None
    official = timeline if timeline is not None else project.timeline
    check_inside(agency=agency, user=user, change=change, before=official, after=official)


def _describe(agency: models.Agency, record: models.ChangeRecord) -> str:
    project = repository.project_of(agency)
    ctx = repository.context_from(project)
    change = change_from_plain(record.payload, ctx, ())
    before = project.timeline.state_on(change.on - dt.timedelta(days=1))
    return f"{describe_change(change, before).vi} ({change.on:%d/%m/%Y})"


def change_withdraw(*, agency: models.Agency, seq: int, user: Any, reason: str) -> None:
    """Rút một thay đổi ghi nhầm: the change leaves the official timeline; the audit log keeps
    it as it was recorded, with who, when and why."""
    reason = _need_reason(reason)
    with transaction.atomic():
        agency = models.Agency.objects.select_for_update().get(pk=agency.pk)
        record = _record(agency, seq)
        check_scope(agency, user, record.payload)
        summary = _describe(agency, record)
        _rebuilt(agency, seq, None)
        original = {
            "seq": record.seq,
            "payload": record.payload,
            "recorded_at": record.recorded_at.isoformat(),
            "recorded_by": record.recorded_by.get_username() if record.recorded_by else "",
        }
        record.delete()
        _bump(agency)
        audit(
            agency=agency,
            user=user,
            action="change_withdraw",
            summary=f"Rút thay đổi ghi nhầm: {summary}",
            reason=reason,
            data={"original": original},
        )
    repository.forget(agency.pk)


def change_correct(
    *,
    agency: models.Agency,
    seq: int,
    on: dt.date,
    basis: str,
    basis_date: dt.date,
    user: Any,
    reason: str,
) -> None:
    """Sửa một thay đổi ghi nhầm ngày hoặc căn cứ: the change keeps its place in the record
    with the corrected date and basis; the audit log keeps the original."""
    reason = _need_reason(reason)
    with transaction.atomic():
        agency = models.Agency.objects.select_for_update().get(pk=agency.pk)
        record = _record(agency, seq)
        check_scope(agency, user, record.payload)
        summary = _describe(agency, record)
        corrected = dict(record.payload)
        corrected["on"] = on.isoformat()
        documents = repository.context_of(agency).documents
        corrected["basis"] = basis_to_plain(DocumentKey(basis, basis_date), documents)
        if corrected == record.payload:
            raise ServiceError("không có gì khác để sửa", "nothing differs")
        check_scope(agency, user, corrected, _rebuilt(agency, seq, corrected))
        original = dict(record.payload)
        record.payload = corrected
        record.on = on
        record.save(update_fields=["payload", "on"])
        _bump(agency)
        audit(
            agency=agency,
            user=user,
            action="change_correct",
            summary=f"Sửa thay đổi ghi nhầm: {summary} → ngày {on:%d/%m/%Y}, căn cứ {basis}",
            reason=reason,
            data={"seq": seq, "original": original, "corrected": corrected},
        )
    repository.forget(agency.pk)


def plan_delete(*, plan: models.Plan, user: Any, reason: str) -> None:
    """Xóa một đề án nháp: only a draft; the audit log keeps it with its changes."""
    reason = _need_reason(reason)
    with transaction.atomic():
        agency = models.Agency.objects.select_for_update().get(pk=plan.agency_id)
        plan = models.Plan.objects.select_for_update().get(pk=plan.pk)
        if plan.status != models.PlanStatus.DRAFT:
            raise ServiceError(
                "chỉ xóa được đề án đang soạn (nháp); đề án đã trình, đã duyệt hay đã thực "
                "hiện thì trả lại, bác bỏ hoặc giữ làm hồ sơ",
                "only a draft plan can be deleted",
            )
        if user is not None and not visible_plans(agency=agency, user=user, rows=[plan]):
            raise OutsideScope(
                "Bạn chỉ được xóa đề án của cơ quan mình",
                "You may only delete your own agency's plans",
            )
        original = {
            "pid": plan.pid,
            "title": plan.title,
            "description": plan.description,
            "changes": plan.changes,
            "version": plan.version,
        }
        title = plan.title
        plan.delete()
        _bump(agency)
        audit(
            agency=agency,
            user=user,
            action="plan_delete",
            summary=f"Xóa đề án nháp '{title}'",
            reason=reason,
            data={"original": original},
        )
    repository.forget(agency.pk)
