"""What every page shares: the date asked for, the agency a page is about, the page frame."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone

from tinhgon.domain import TinhgonError
from tinhgon.domain.agencies import UnknownAgency
from tinhgon.io import ProjectFileError
from tinhgon.io.codec import FieldError, parse_date
from tinhgon.web import forms, models, scoping, services
from tinhgon.web.dates import OutOfRange, in_range
from tinhgon.web.permissions import (
    Action,
    Forbidden,
    agency_for,
    rights_of,
)


def today() -> dt.date:
    return timezone.localdate()


def date_param(request: HttpRequest, name: str = "on", default: dt.date | None = None) -> dt.date:
    """The date a page is asked for; a malformed one falls back to today with a message, a date
    outside the range the application keeps is a 400 (BadRequest) with a clear page."""
    raw = request.GET.get(name, "").strip()
    if raw:
        try:
            day = parse_date(raw)
        except FieldError:
            messages.error(request, f"Ngày '{raw}' không hợp lệ (dd/mm/yyyy); dùng ngày hôm nay.")
        else:
            try:
                return in_range(day)
            except OutOfRange as error:
                raise BadRequest(error.vi) from None
    return default or today()


def agency_page(action: Action = Action.VIEW) -> Callable[..., Callable[..., HttpResponse]]:
    """Decorate a view of one agency: 404 for an agency the user may not see, 403 for an action
    they may not do; the view gets the agency and the user's rights."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @login_required
        @wraps(view)
        def wrapper(request: HttpRequest, code: str, *args: Any, **kwargs: Any) -> HttpResponse:
            try:
                agency = agency_for(request.user, code, action)
            except Forbidden:
                return forbidden(request)
            request.rights = rights_of(request.user, agency)  # type: ignore[attr-defined]
            scoping.choose(request, agency)  # the agency selector of a history with several
            try:
                return view(request, agency, *args, **kwargs)
            except UnknownAgency as error:  # the agency seen did not exist on the date asked
                return scoping.not_on_that_date(request, agency, error)

        return wrapper

    return decorate


def forbidden(request: HttpRequest) -> HttpResponse:
    html = render_to_string("tinhgon/403.html", request=request)
    return HttpResponseForbidden(html)


def page(
    request: HttpRequest, template: str, agency: models.Agency | None, **context: Any
) -> HttpResponse:
    if agency is not None:
        rights: frozenset[Action] = getattr(request, "rights", frozenset())
        context.setdefault("on", today())
        context.update(scoping.selector(agency))
        context.update(
            agency=agency,
            may_edit=Action.EDIT in rights,
            may_approve=Action.APPROVE in rights,
            may_manage=Action.MANAGE in rights,
        )
    return render(request, template, context)


def show_error(request: HttpRequest, error: Exception) -> None:
    """An error for the user, in the language of the page only."""
    english = getattr(request, "LANGUAGE_CODE", "vi") == "en"
    if isinstance(error, ProjectFileError):
        for problem in error.problems[:50]:
            messages.error(request, problem.in_language("en" if english else "vi"))
        return
    if isinstance(error, TinhgonError):
        messages.error(request, error.en if english else error.vi)
        return
    messages.error(request, str(error))


def _in_language(request: HttpRequest, error: Exception) -> str:
    """An error's text in the page's language (for a form's own error list)."""
    english = getattr(request, "LANGUAGE_CODE", "vi") == "en"
    if isinstance(error, ProjectFileError):
        return "; ".join(p.in_language("en" if english else "vi") for p in error.problems[:20])
    if isinstance(error, TinhgonError | FieldError):
        return str(error.en if english else error.vi)
    return str(error)


def _posted_date(request: HttpRequest) -> dt.date | None:
    try:
        return in_range(parse_date(request.POST.get("on", "")))
    except (FieldError, OutOfRange):
        return None


def _form_errors(request: HttpRequest, form: Any) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else str(error))


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _read_upload(upload: Any) -> str:
    raw = upload.read()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ProjectFileError(
            [services_problem(upload.name, "tệp không được mã hóa UTF-8", "the file is not UTF-8")]
        ) from None


def services_problem(name: str, vi: str, en: str) -> Any:
    from tinhgon.io import FileProblem

    return FileProblem(name, None, "", vi, en)


def _uploads() -> Path:
    """Where uploads wait while they are checked."""
    folder = Path(settings.DATA_DIR) / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _copies(agency: models.Agency) -> Path:
    """An agency's own folder of error copies, kept for a day."""
    folder = Path(settings.DATA_DIR) / "error-copies" / str(agency.pk)
    folder.mkdir(parents=True, exist_ok=True)
    old = time.time() - 24 * 3600
    for stale in folder.glob("*.loi.xlsx"):
        if stale.stat().st_mtime < old:
            stale.unlink(missing_ok=True)
    return folder


def _save_change(
    form: forms.ChangeForm,
    agency: models.Agency,
    request: HttpRequest,
    save: Callable[[dict[str, Any]], Any],
) -> None:
    """Save the change a form describes; a hire registers the new person first, in the same
    transaction, so that a refused hire leaves no person behind."""
    with transaction.atomic():
        if isinstance(form, forms.HireForm):
            pid = services.next_person_id(agency)
            services.person_register(agency=agency, data=form.person_plain(pid), user=request.user)
            save(form.to_plain(pid))
        else:
            save(form.to_plain())
