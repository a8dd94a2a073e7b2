"""The official history: the timeline, recording a decision, the document register."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tinhgon.domain import TinhgonError
from tinhgon.io.codec import FieldError
from tinhgon.web import forms, models, repository, selectors, services
from tinhgon.web.permissions import (
    Action,
)
from tinhgon.web.views.base import (
    _in_language,
    _int,
    _posted_date,
    _save_change,
    agency_page,
    date_param,
    forbidden,
    page,
    show_error,
    today,
)


@agency_page()
def timeline(request: HttpRequest, agency: models.Agency) -> HttpResponse:
    return _timeline_page(request, agency, request.GET.get("kind", ""))


def _timeline_page(
    request: HttpRequest,
    agency: models.Agency,
    kind: str,
    form: forms.ChangeForm | None = None,
    status: int = 200,
) -> HttpResponse:
    """The timeline; ``form`` is a form sent back with what was typed and its errors."""
    project = repository.project_of(agency)
    since = date_param(request, "tu") if request.GET.get("tu") else None
    until = date_param(request, "den") if request.GET.get("den") else None
    history = selectors.timeline_page(
        project=project,
        page=_int(request.GET.get("trang", 1)) or 1,
        since=since,
        until=until,
        kind=request.GET.get("loai", ""),
    )
    entries = history["entries"]
    if form is None and Action.EDIT in request.rights and kind in forms.FORMS:  # type: ignore[attr-defined]
        on = date_param(request, "form_on", today())
        state = project.state_on(on)
        form = forms.FORMS[kind](
            project=project, state=state, official=True, initial={"kind": kind, "on": on}
        )
    response = page(
        request,
        "tinhgon/timeline.html",
        agency,
        entries=entries,
        history=history,
        since=since,
        until=until,
        loai=request.GET.get("loai", ""),
        kinds=forms.CHANGE_KINDS,
        form=form,
        kind=kind,
    )
    response.status_code = status
    return response


@require_POST
@agency_page(Action.EDIT)
def timeline_record(request: HttpRequest, agency: models.Agency) -> HttpResponse:
    kind = request.POST.get("kind", "")
    if kind not in forms.FORMS:
        raise Http404("Không có loại thay đổi này")
    project = repository.project_of(agency)
    on = _posted_date(request) or today()
    form = forms.FORMS[kind](
        request.POST, project=project, state=project.state_on(on), official=True
    )
    if form.is_valid():
        reason = request.POST.get("entry_reason", "")
        try:
            _save_change(
                form,
                agency,
                request,
                lambda plain: services.change_record(
                    agency=agency, plain=plain, user=request.user, reason=reason
                ),
            )
        except (TinhgonError, FieldError) as error:
            form.add_error(None, _in_language(request, error))
            return _timeline_page(request, agency, kind, form=form, status=422)
        messages.success(request, _("Đã ghi nhận thay đổi vào lịch sử chính thức."))
        return redirect("timeline", code=agency.code)
    return _timeline_page(request, agency, kind, form=form, status=422)


@agency_page()
def documents(request: HttpRequest, agency: models.Agency) -> HttpResponse:
    # Editors keep the register; approvers may register the decision they approve a plan by.
    rights = request.rights  # type: ignore[attr-defined]
    may_add = Action.EDIT in rights or Action.APPROVE in rights
    form = forms.DocumentForm(request.POST or None) if may_add else None
    if request.method == "POST":
        if form is None:
            return forbidden(request)
        if form.is_valid():
            try:
                services.document_add(agency=agency, data=form.to_plain(), user=request.user)
            except (TinhgonError, FieldError) as error:
                show_error(request, error)
            else:
                messages.success(request, _("Đã thêm văn bản vào sổ."))
                return redirect("documents", code=agency.code)
    rows = list(agency.documents.all().order_by("-issued_on", "symbol"))
    return page(request, "tinhgon/documents.html", agency, documents=rows, form=form)
