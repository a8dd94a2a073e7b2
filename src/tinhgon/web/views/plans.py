"""Plans (đề án): the list, one plan with its changes and workflow, plans side by side."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from tinhgon.domain import ChangeRefused, InvalidValue, PlanError, TinhgonError, metrics_of
from tinhgon.io.codec import FieldError
from tinhgon.law import Severity
from tinhgon.web import forms, models, repository, selectors, services
from tinhgon.web.permissions import (
    Action,
    Forbidden,
    agency_for,
)
from tinhgon.web.services.scope import visible_plan, visible_plans
from tinhgon.web.views.base import (
    _form_errors,
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
def plans(request: HttpRequest, agency: models.Agency) -> HttpResponse:
    form = forms.PlanCreateForm(request.POST or None)
    if request.method == "POST":
        if Action.EDIT not in request.rights:  # type: ignore[attr-defined]
            return forbidden(request)
        if form.is_valid():
            plan = services.plan_create(agency=agency, user=request.user, **form.cleaned_data)
            messages.success(request, _("Đã tạo đề án '%(title)s'.") % {"title": plan.title})
            return redirect("plan", code=agency.code, pid=plan.pid)
    rows = visible_plans(
        agency=agency, user=request.user, rows=agency.plans.select_related("decision")
    )
    return page(request, "tinhgon/plans.html", agency, plans=rows, form=form)


def _plan_view_data(project: Any, plan_row: models.Plan) -> dict[str, Any]:
    before_on, after_on = selectors.plan_window(project=project, plan=plan_row.pid)
    data: dict[str, Any] = {"before_on": before_on, "after_on": after_on, "error": None}
    try:
        data["compare"] = selectors.comparison(
            project=project, before_on=before_on, after_on=after_on, plan=plan_row.pid
        )
    except ChangeRefused as error:
        data["error"] = error.vi
        data["compare"] = None
    return data


@agency_page()
def plan(request: HttpRequest, agency: models.Agency, pid: str) -> HttpResponse:
    plan_row = visible_plan(agency=agency, user=request.user, pid=pid)
    return _plan_page(request, agency, plan_row, request.GET.get("kind", ""))


def _plan_page(
    request: HttpRequest,
    agency: models.Agency,
    plan_row: models.Plan,
    kind: str,
    change_form: forms.ChangeForm | None = None,
    status: int = 200,
) -> HttpResponse:
    """The plan's page; ``change_form`` is a form sent back with what was typed and its errors."""
    pid = plan_row.pid
    project = repository.project_of(agency)
    data = _plan_view_data(project, plan_row)
    if (
        change_form is None
        and plan_row.status == "draft"
        and Action.EDIT in request.rights  # type: ignore[attr-defined]
        and kind in forms.FORMS
    ):
        on = date_param(request, "form_on", data["after_on"])
        state = project.state_on(on, plan=pid)
        change_form = forms.FORMS[kind](
            project=project, state=state, official=False, initial={"kind": kind, "on": on}
        )
    entries = selectors.plan_entries(project=project, plan=pid)
    compare = data["compare"]
    rows = []
    if compare:
        rows = _metric_rows(compare["before"]["metrics"], compare["after"]["metrics"])
    response = page(
        request,
        "tinhgon/plan.html",
        agency,
        plan=plan_row,
        data=data,
        compare=compare,
        rows=rows,
        entries=entries,
        raw_changes=list(enumerate(plan_row.changes)),
        kinds=forms.CHANGE_KINDS,
        change_form=change_form,
        kind=kind,
        approve_form=forms.ApproveForm(plan=plan_row, initial={"version": plan_row.version})
        if plan_row.status == "submitted"
        else None,
        version=plan_row.version,
        on=data["after_on"],
    )
    response.status_code = status
    return response


def _metric_rows(before: Any, after: Any) -> list[dict[str, Any]]:
    b, a = before.as_dict(), after.as_dict()
    labels = [
        ("departments", _("Phòng chuyên môn và tương đương")),
        ("department_leaders", _("Lãnh đạo cấp phòng và tương đương")),
        ("department_deputies", _("trong đó cấp phó")),
        ("public_service_units", _("Đơn vị sự nghiệp công lập")),
        ("staff", _("Tổng số người làm việc")),
        ("units", _("Số đầu mối")),
    ]
    return [
        {"label": label, "before": b[key], "after": a[key], "delta": a[key] - b[key]}
        for key, label in labels
    ]


@require_POST
@agency_page(Action.EDIT)
def plan_change_add(request: HttpRequest, agency: models.Agency, pid: str) -> HttpResponse:
    plan_row = visible_plan(agency=agency, user=request.user, pid=pid)
    kind = request.POST.get("kind", "")
    if kind not in forms.FORMS:
        raise Http404("Không có loại thay đổi này")
    project = repository.project_of(agency)
    on = _posted_date(request) or today()
    try:
        state = project.state_on(on, plan=pid)
    except ChangeRefused as error:
        show_error(request, error)
        return redirect("plan", code=agency.code, pid=pid)
    form = forms.FORMS[kind](request.POST, project=project, state=state, official=False)
    version = _int(request.POST.get("version"))
    if form.is_valid():
        try:
            _save_change(
                form,
                agency,
                request,
                lambda plain: services.plan_change_add(
                    plan=plan_row, plain=plain, version=version, user=request.user
                ),
            )
        except (TinhgonError, FieldError) as error:
            # The form comes back as typed, with the refusal above its fields.
            form.add_error(None, _in_language(request, error))
            status = 409 if isinstance(error, services.StaleEdit) else 422
            plan_row.refresh_from_db()
            return _plan_page(request, agency, plan_row, kind, change_form=form, status=status)
        messages.success(request, _("Đã thêm thay đổi vào đề án."))
        return redirect("plan", code=agency.code, pid=pid)
    return _plan_page(request, agency, plan_row, kind, change_form=form, status=422)


@require_POST
@agency_page(Action.EDIT)
def plan_change_remove(
    request: HttpRequest, agency: models.Agency, pid: str, index: int
) -> HttpResponse:
    plan_row = visible_plan(agency=agency, user=request.user, pid=pid)
    try:
        services.plan_change_remove(
            plan=plan_row, index=index, version=_int(request.POST.get("version")), user=request.user
        )
    except TinhgonError as error:
        show_error(request, error)
    else:
        messages.success(request, _("Đã bỏ thay đổi khỏi đề án."))
    return redirect("plan", code=agency.code, pid=pid)


TRANSITIONS: dict[str, tuple[Action, Callable[..., Any], Any]] = {
    "submit": (Action.EDIT, services.plan_submit, gettext_lazy("Đã trình đề án.")),
    "return": (Action.APPROVE, services.plan_return, gettext_lazy("Đã trả lại đề án.")),
    "reject": (
        Action.APPROVE,
        services.plan_reject,
        gettext_lazy("Đã ghi nhận không phê duyệt đề án."),
    ),
    "approve": (Action.APPROVE, services.plan_approve, gettext_lazy("Đã phê duyệt đề án.")),
    "implement": (
        Action.APPROVE,
        services.plan_implement,
        gettext_lazy("Đề án đã được đưa vào lịch sử chính thức."),
    ),
}


@require_POST
@login_required
def plan_transition(request: HttpRequest, code: str, pid: str, action: str) -> HttpResponse:
    if action not in TRANSITIONS:
        raise Http404("Không có thao tác này")
    needed, service, done = TRANSITIONS[action]
    try:
        agency = agency_for(request.user, code, needed)
    except Forbidden:
        return forbidden(request)
    plan_row = visible_plan(agency=agency, user=request.user, pid=pid)
    form = (
        forms.ApproveForm(request.POST, plan=plan_row)
        if action == "approve"
        else forms.VersionForm(request.POST)
    )
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("plan", code=code, pid=pid)
    kwargs: dict[str, Any] = {
        "plan": plan_row,
        "version": form.cleaned_data["version"],
        "user": request.user,
        "reason": form.cleaned_data.get("reason", ""),
    }
    if action == "approve":
        kwargs["decision"] = form.cleaned_data["decision"]
    if action == "submit":
        kwargs["on"] = _posted_date(request) or today()
    try:
        service(**kwargs)
    except (TinhgonError, PlanError, InvalidValue) as error:
        show_error(request, error)
    else:
        messages.success(request, done)
    return redirect("plan", code=code, pid=pid)


@agency_page()
def plans_compare(request: HttpRequest, agency: models.Agency) -> HttpResponse:
    project = repository.project_of(agency)
    seen = {r.pid for r in visible_plans(agency=agency, user=request.user, rows=agency.plans.all())}
    chosen = [p for p in request.GET.getlist("p") if p in project.plans and p in seen][:4]
    columns: list[dict[str, Any]] = []
    if chosen:
        on = max(selectors.plan_window(project=project, plan=p)[1] for p in chosen)
        on = date_param(request, "on", on)
        official = project.state_on(on)
        columns.append(
            {
                "title": "Hiện trạng (không áp dụng đề án)",
                "metrics": metrics_of(official),
                "report": selectors.check_at(project=project, state=official),
                "plan": None,
            }
        )
        for pid in chosen:
            try:
                state = project.state_on(on, plan=pid)
            except ChangeRefused as error:
                columns.append(
                    {
                        "title": project.plans[pid].title,
                        "error": error.vi,
                        "plan": project.plans[pid],
                    }
                )
                continue
            columns.append(
                {
                    "title": project.plans[pid].title,
                    "metrics": metrics_of(state),
                    "report": selectors.check_at(project=project, state=state, plan=pid),
                    "plan": project.plans[pid],
                }
            )
    else:
        on = date_param(request)
    rows: list[dict[str, Any]] = []
    if columns:
        keys = [
            ("departments", "Phòng chuyên môn và tương đương"),
            ("department_leaders", "Lãnh đạo cấp phòng"),
            ("public_service_units", "Đơn vị sự nghiệp công lập"),
            ("staff", "Tổng số người làm việc"),
            ("units", "Số đầu mối"),
        ]
        for key, label in keys:
            rows.append(
                {
                    "label": label,
                    "values": [
                        c["metrics"].as_dict()[key] if "metrics" in c else "—" for c in columns
                    ],
                }
            )
        rows.append(
            {
                "label": "Vi phạm",
                "values": [
                    c["report"].count(Severity.VIOLATION) if "report" in c else "—" for c in columns
                ],
            }
        )
        rows.append(
            {
                "label": "Cảnh báo",
                "values": [
                    c["report"].count(Severity.WARNING) if "report" in c else "—" for c in columns
                ],
            }
        )
    return page(
        request,
        "tinhgon/plans_compare.html",
        agency,
        on=on,
        columns=columns,
        rows=rows,
        plans=project.plans.values(),
        chosen=chosen,
    )
