"""Writes of agencies, documents, people, the official timeline and accounts."""

from __future__ import annotations

import datetime as dt
import re
import secrets
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.db.models import Max

from tinhgon.domain import Project, TinhgonError
from tinhgon.domain.describe import describe_change
from tinhgon.io import ProjectFileError, dump_project, parse_project
from tinhgon.io.codec import (
    FieldError,
    change_from_plain,
    document_from_plain,
    person_from_plain,
)
from tinhgon.web import models, repository
from tinhgon.web.services.base import ServiceError, _bump, _field_error, audit
from tinhgon.web.services.limits import check_plain
from tinhgon.web.services.scope import check_inside

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
    insert: Callable[[type[Any], list[Any]], None] | None = None,
) -> models.Agency:
    """Create an agency from a project file, or replace an existing agency's data with it.

    The whole file is validated first; on any problem nothing is written (ProjectFileError).
    Replacing keeps the previous content in the audit log, so nothing is lost. ``project``:
    the file already read (``text`` is then only recorded). ``insert``: how the many rows
    are written (``repository.write_project``).
    """
    if agency is not None:
        from tinhgon.web.imports import import_slot

        with import_slot(agency=agency, user=user, filename=filename):
            return _agency_import(
                text=text,
                filename=filename,
                user=user,
                reason=reason,
                province=province,
                agency=agency,
                project=project,
                insert=insert,
            )
    return _agency_import(
        text=text,
        filename=filename,
        user=user,
        reason=reason,
        province=province,
        agency=agency,
        project=project,
        insert=insert,
    )


def _agency_import(
    *,
    text: str,
    filename: str,
    user: Any,
    reason: str,
    province: models.Province | None,
    agency: models.Agency | None,
    project: Project | None,
    insert: Callable[[type[Any], list[Any]], None] | None = None,
) -> models.Agency:
    if project is None:
        try:
            project = parse_project(text, name=filename)
        except ProjectFileError:
            raise
        except TinhgonError as error:
            # A domain refusal the loader let through (e.g. an implemented plan whose decision
            # lost its date): still a clear refusal of the file, never a server error.
            raise ServiceError(
                f"tệp {filename}: {error.vi}", f"file {filename}: {error.en}"
            ) from None
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
        repository.write_project(project, agency, user=user, insert=insert)
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


def agency_export(*, agency: models.Agency, personal: bool = True) -> str:
    """The agency's project file; without ``personal``, personal data is masked (see
    ``tinhgon.web.privacy``)."""
    project = repository.project_of_whole(agency)
    if not personal:
        from tinhgon.web.privacy import mask_project

        project = mask_project(project)
    return dump_project(project)


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
    check_plain(data)
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
    check_plain(plain)
    with transaction.atomic():
        agency = models.Agency.objects.select_for_update().get(pk=agency.pk)
        project = repository.project_of(agency)
        ctx = repository.context_from(project)
        try:
            change = change_from_plain(plain, ctx, (), require_basis=True)
            after = project.timeline.with_changes([change])
        except FieldError as error:
            raise _field_error(error) from None
        check_inside(agency=agency, user=user, change=change, before=project.timeline, after=after)
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
