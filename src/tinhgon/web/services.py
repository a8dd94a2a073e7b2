"""Writes: every one in a transaction, bumping the agency's revision and recording who, when,
what and why in the audit log. Named ``<noun>_<verb>``, keyword-only (HackSoftware style).

They raise ``ServiceError`` (or a domain error: ``ChangeRefused``, ``PlanError``,
``InvalidValue``) with the message in Vietnamese and English; views show it to the user.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
import uuid
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import F, Max

from tinhgon.domain import BUILTIN_KINDS, CHANGE_KINDS, Project, TinhgonError
from tinhgon.domain import Plan as DomainPlan
from tinhgon.domain import PlanStatus as DomainPlanStatus
from tinhgon.domain.describe import describe_change
from tinhgon.domain.vietnamese import fold
from tinhgon.io import dump_project, parse_project
from tinhgon.io.codec import (
    FieldError,
    change_from_plain,
    change_to_plain,
    document_from_plain,
    person_from_plain,
    unit_kind_to_plain,
)
from tinhgon.io.sheets import read_spreadsheet
from tinhgon.io.staff_import import ImportOptions, ImportResult, import_workbook
from tinhgon.web import models, repository


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


# -- agencies ---------------------------------------------------------------------------------


def agency_import(
    *,
    text: str,
    filename: str,
    user: Any,
    reason: str = "",
    province: models.Province | None = None,
    agency: models.Agency | None = None,
    project: Project | None = None,
) -> models.Agency:
    """Create an agency from a project file, or replace an existing agency's data with it.

    The whole file is validated first; on any problem nothing is written (ProjectFileError).
    Replacing keeps the previous content in the audit log, so nothing is lost. ``project``:
    the file already read (``text`` is then only recorded).
    """
    project = project or parse_project(text, name=filename)
    code = project.agency.id
    with transaction.atomic():
        if agency is None:
            if models.Agency.objects.filter(code=code).exists():
                raise ServiceError(
                    f"mã cơ quan '{code}' không dùng được cho cơ quan mới",
                    f"the agency id '{code}' cannot be used for a new agency",
                )
            agency = models.Agency.objects.create(
                code=code, name=project.agency.name, province=province
            )
            previous = None
        else:
            if agency.code != code:
                raise ServiceError(
                    f"tệp là của cơ quan '{code}', không phải '{agency.code}'",
                    f"the file is for agency '{code}', not '{agency.code}'",
                )
            previous = dump_project(repository.project_of(agency))
            agency = models.Agency.objects.select_for_update().get(pk=agency.pk)
        repository.write_project(project, agency, user=user)
        _bump(agency)
        audit(
            agency=agency,
            user=user,
            action="import",
            summary=f"Nhập tệp {filename}: {len(project.people)} người, {len(project.timeline)} thay đổi, "
            f"{len(project.plans)} đề án",
            reason=reason,
            data={"filename": filename, "previous": previous}
            if previous
            else {"filename": filename},
        )
    repository.forget(agency.pk)
    return agency


def agency_export(*, agency: models.Agency) -> str:
    return dump_project(repository.project_of_whole(agency))


# -- documents and people ----------------------------------------------------------------------


def document_add(
    *, agency: models.Agency, data: dict[str, Any], user: Any, reason: str = ""
) -> models.Document:
    try:
        document = document_from_plain(data)
    except FieldError as error:
        raise _field_error(error) from None
    with transaction.atomic():
        models.Agency.objects.select_for_update().filter(pk=agency.pk).first()
        if models.Document.objects.filter(
            agency=agency, symbol=document.symbol.text, issued_on=document.issued_on
        ).exists():
            raise ServiceError(
                f"văn bản {document.symbol} ngày {document.issued_on:%d/%m/%Y} đã có trong sổ",
                f"document {document.symbol} of {document.issued_on.isoformat()} is already registered",
            )
        row = repository.document_row(agency, document)
        row.save()
        _bump(agency)
        audit(
            agency=agency,
            user=user,
            action="document_add",
            summary=f"Thêm văn bản {document.cite()}",
            reason=reason,
        )
    return row


def person_register(
    *, agency: models.Agency, data: dict[str, Any], user: Any, reason: str = ""
) -> models.Person:
    """Add someone to the agency's registry (before a hire change puts them on the staff)."""
    try:
        person = person_from_plain(data, ())
    except FieldError as error:
        raise _field_error(error) from None
    except (KeyError, ValueError) as error:
        raise ServiceError(
            f"thiếu hoặc sai thông tin: {error}", f"missing or invalid data: {error}"
        ) from None
    with transaction.atomic():
        models.Agency.objects.select_for_update().filter(pk=agency.pk).first()
        if models.Person.objects.filter(agency=agency, pid=person.id).exists():
            raise ServiceError(
                f"mã người '{person.id}' đã có", f"person id '{person.id}' exists already"
            )
        row = repository.person_row(agency, person)
        row.save()
        _bump(agency)
        audit(
            agency=agency,
            user=user,
            action="person_register",
            summary=f"Thêm hồ sơ {person.full_name} ({person.id})",
            reason=reason,
        )
    return row


def next_person_id(agency: models.Agency) -> str:
    taken = set(agency.people.values_list("pid", flat=True))
    n = len(taken) + 1
    while f"p{n:03d}" in taken:
        n += 1
    return f"p{n:03d}"


# -- the official timeline ---------------------------------------------------------------------


def change_record(
    *, agency: models.Agency, plain: dict[str, Any], user: Any, reason: str = ""
) -> models.ChangeRecord:
    """Record a decision as it is signed: one dated change with its basis, appended."""
    with transaction.atomic():
        agency = models.Agency.objects.select_for_update().get(pk=agency.pk)
        project = repository.project_of(agency)
        ctx = repository.context_from(project)
        try:
            change = change_from_plain(plain, ctx, (), require_basis=True)
            project.timeline.with_changes([change])
        except FieldError as error:
            raise _field_error(error) from None
        seq = (agency.changes.aggregate(m=Max("seq"))["m"] or 0) + 1
        row = repository.change_row(agency, seq, change, ctx.documents, plan=None, user=user)
        row.save()
        _bump(agency)
        text = describe_change(change, project.timeline.state_on(change.on - dt.timedelta(days=1)))
        audit(
            agency=agency,
            user=user,
            action="change_record",
            summary=f"{text.vi} ({change.on:%d/%m/%Y})",
            reason=reason,
            data={"change": row.payload},
        )
    return row


# -- plans -------------------------------------------------------------------------------------


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:60] or "de-an"


def plan_create(
    *, agency: models.Agency, title: str, description: str = "", user: Any
) -> models.Plan:
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
    _check_version(plan, version)
    with transaction.atomic():
        project = repository.project_of(agency)
        ctx = repository.context_from(project)
        current = project.plan(plan.pid)
        try:
            change = change_from_plain(plain, ctx, ())
            candidate = current.with_changes((*current.changes, change))
            candidate.project(project.timeline)
        except FieldError as error:
            raise _field_error(error) from None
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


def plan_submit(*, plan: models.Plan, version: int, user: Any, reason: str = "") -> models.Plan:
    _check_version(plan, version)
    domain = _domain_plan(plan).submit()
    return _transition(
        plan, version, user, "plan_submit", f"Trình đề án '{plan.title}'", reason, domain
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
    if decision.agency_id != plan.agency_id:
        raise ServiceError(
            "quyết định không thuộc sổ văn bản của cơ quan",
            "the decision is not in this agency's register",
        )
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


# -- accounts and roles ------------------------------------------------------------------------


def membership_grant(
    *, agency: models.Agency, username: str, role: str, by: Any
) -> tuple[models.Membership, str | None]:
    """Give a user a role on an agency, creating the account when it does not exist (its
    generated password is returned once, to be handed to the user)."""
    from django.contrib.auth import get_user_model

    if role not in dict(models.Role.choices):
        raise ServiceError(f"vai trò '{role}' không có", f"unknown role '{role}'")
    name = username.strip()
    if not re.fullmatch(r"[\w.@+-]{1,150}", name):
        raise ServiceError(
            "tên đăng nhập chỉ gồm chữ, số và . @ + - _",
            "a user name has letters, digits and . @ + - _",
        )
    password = None
    with transaction.atomic():
        user = get_user_model().objects.filter(username=name).first()
        if user is None:
            password = secrets.token_urlsafe(12)
            user = get_user_model().objects.create_user(username=name, password=password)
        membership, _ = models.Membership.objects.update_or_create(
            user=user, agency=agency, defaults={"role": role}
        )
        audit(
            agency=agency,
            user=by,
            action="membership_grant",
            summary=f"Phân quyền '{dict(models.Role.choices)[role]}' cho {name}"
            + (" (tài khoản mới)" if password else ""),
        )
    return membership, password


def membership_revoke(*, membership: models.Membership, by: Any) -> None:
    with transaction.atomic():
        agency, name = membership.agency, membership.user.get_username()
        membership.delete()
        audit(
            agency=agency, user=by, action="membership_revoke", summary=f"Thu hồi quyền của {name}"
        )


# -- spreadsheets ------------------------------------------------------------------------------


def spreadsheet_import(
    *,
    agency: models.Agency,
    path: Path,
    filename: str,
    on: dt.date,
    basis: str,
    basis_date: dt.date | None = None,
    complete: bool,
    user: Any,
    reason: str = "",
    create_units: bool = False,
    accept_matches: bool = False,
    accept_warnings: bool = False,
) -> ImportResult:
    """Nhập từ Excel/CSV: the whole file is checked against the agency's project first; on any
    problem SpreadsheetError lists them all and nothing is written. Otherwise only what it adds
    is written: the new dated changes (citing ``basis``), new people and documents, and the
    people whose details changed. The past stays as it was recorded.

    The check takes a while on a large file; if the agency changed meanwhile, the import is
    refused (ServiceError) rather than overwriting what someone else just recorded.
    """
    stamp = models.Agency.objects.filter(pk=agency.pk).values_list("stamp", flat=True).get()
    book = read_spreadsheet(path)
    project = repository.project_of(agency)
    options = ImportOptions(
        on=on,
        basis=basis,
        basis_date=basis_date,
        complete=complete,
        create_units=create_units,
        accept_matches=accept_matches,
        accept_warnings=accept_warnings,
    )
    result = import_workbook(book, project, options)
    new = result.project
    with transaction.atomic():
        locked = models.Agency.objects.select_for_update().get(pk=agency.pk)
        if locked.stamp != stamp:
            raise ServiceError(
                "dữ liệu của cơ quan vừa được người khác thay đổi trong lúc kiểm tra tệp; "
                "hãy nhập lại tệp — chưa có gì được ghi",
                "the agency's data was changed by someone else while the file was checked; "
                "import the file again — nothing was written",
            )
        known = set(locked.documents.values_list("symbol", "issued_on"))
        for document in new.documents:
            if (document.symbol.text, document.issued_on) not in known:
                repository.document_row(locked, document).save()
        custom = [
            unit_kind_to_plain(k) for c, k in new.unit_kinds.items() if c not in BUILTIN_KINDS
        ]
        if custom != locked.unit_kinds:
            locked.unit_kinds = custom
            locked.save(update_fields=["unit_kinds"])
        rows = {p.pid: p for p in locked.people.all()}
        added = 0
        for person in new.people.values():
            fresh = repository.person_row(locked, person)
            row = rows.get(person.id)
            if row is None:
                fresh.save()
                added += 1
            elif row.data != fresh.data:
                row.data, row.full_name, row.folded_name = (
                    fresh.data,
                    fresh.full_name,
                    fresh.folded_name,
                )
                row.save(update_fields=["data", "full_name", "folded_name"])
        seq = locked.changes.aggregate(m=Max("seq"))["m"] or 0
        records = []
        for change in result.changes:
            seq += 1
            records.append(
                repository.change_row(locked, seq, change, new.documents, plan=None, user=user)
            )
        models.ChangeRecord.objects.bulk_create(records)
        _bump(locked)
        audit(
            agency=locked,
            user=user,
            action="spreadsheet_import",
            summary=f"Nhập từ {filename}: {len(result.changes)} thay đổi ngày {result.on:%d/%m/%Y}, "
            f"{added} người mới, {len(result.updated)} hồ sơ cập nhật",
            reason=reason,
            data={"filename": filename, "changes": [r.payload for r in records]},
        )
    return result
