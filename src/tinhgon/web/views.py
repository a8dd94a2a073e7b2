"""Pages. Thin: parse the request, call one selector or service, render."""

from __future__ import annotations

import datetime as dt
import io
import re
import secrets
import tempfile
import time
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from tinhgon.domain import ChangeRefused, InvalidValue, PlanError, TinhgonError, metrics_of
from tinhgon.io import ProjectFileError
from tinhgon.io.codec import FieldError, parse_date
from tinhgon.io.errors import FileRefused, SpreadsheetError
from tinhgon.io.sheets import read_spreadsheet
from tinhgon.io.xlsx_export import export_staff, write_error_copy, write_template
from tinhgon.law import Severity
from tinhgon.reports import CONTENT_TYPES, ReportFormat, ReportOptions, build_report, write_report
from tinhgon.web import forms, models, repository, selectors, services
from tinhgon.web.permissions import (
    Action,
    Forbidden,
    agency_for,
    may_create_agencies,
    rights_of,
    visible_agencies,
)


def today() -> dt.date:
    return timezone.localdate()


def date_param(request: HttpRequest, name: str = "on", default: dt.date | None = None) -> dt.date:
    raw = request.GET.get(name, "").strip()
    if raw:
        try:
            return parse_date(raw)
        except FieldError:
            messages.error(request, f"Ngày '{raw}' không hợp lệ (dd/mm/yyyy); dùng ngày hôm nay.")
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
            return view(request, agency, *args, **kwargs)

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


# -- home and import -----------------------------------------------------------------------


@login_required
def home(request: HttpRequest) -> HttpResponse:
    agencies = list(visible_agencies(request.user).select_related("province"))
    return page(
        request,
        "tinhgon/home.html",
        None,
        agencies=agencies,
        may_create=may_create_agencies(request.user),
    )


@login_required
def agency_new(request: HttpRequest) -> HttpResponse:
    """Create an agency from a project file (system or province administrators)."""
    if not may_create_agencies(request.user):
        return forbidden(request)
    provinces = (
        models.Province.objects.all()
        if request.user.is_superuser
        else models.Province.objects.filter(admins__user=request.user)
    )
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        province = provinces.filter(pk=max(_int(request.POST.get("province")), 0)).first()
        if province is None and not request.user.is_superuser:
            messages.error(request, "Chọn tỉnh của cơ quan.")
        else:
            try:
                agency = services.agency_import(
                    text=_read_upload(upload),
                    filename=upload.name,
                    user=request.user,
                    reason=form.cleaned_data["reason"],
                    province=province,
                )
            except (ProjectFileError, services.ServiceError, UnicodeDecodeError) as error:
                show_error(request, error)
            else:
                messages.success(request, f"Đã tạo cơ quan {agency.name}.")
                return redirect("dashboard", code=agency.code)
    return page(request, "tinhgon/import.html", None, form=form, provinces=provinces, new=True)


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


@agency_page(Action.MANAGE)
def agency_import(request: HttpRequest, agency: models.Agency) -> HttpResponse:
    """Replace an agency's data with a project file: administrators only, since a file can
    say anything of plans and of the past (the previous content is kept in the audit)."""
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            services.agency_import(
                text=_read_upload(upload),
                filename=upload.name,
                user=request.user,
                reason=form.cleaned_data["reason"],
                agency=agency,
            )
        except (ProjectFileError, services.ServiceError) as error:
            show_error(request, error)
        else:
            messages.success(request, "Đã nhập tệp; dữ liệu trước đó được lưu trong nhật ký.")
            return redirect("dashboard", code=agency.code)
    return page(request, "tinhgon/import.html", agency, form=form, new=False)


@agency_page()
def agency_export(request: HttpRequest, agency: models.Agency) -> HttpResponse:
    response = HttpResponse(
        services.agency_export(agency=agency), content_type="application/yaml; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{agency.code}.yaml"'
    return response


# -- the agency on a date ------------------------------------------------------------------


@agency_page()
def dashboard(request: HttpRequest, agency: models.Agency) -> HttpResponse:
    on = date_param(request)
    data = selectors.dashboard_at(agency=agency, on=on)
    return page(
        request,
        "tinhgon/dashboard.html",
        agency,
        on=on,
        **data,
        plans=agency.plans.exclude(status="implemented"),
    )


@agency_page()
def orgchart(request: HttpRequest, agency: models.Agency) -> HttpResponse:
    on = date_param(request)
    project = repository.project_of(agency)
    plan = request.GET.get("plan") or None
    if plan and plan not in project.plans:
        raise Http404("Không có đề án này")
    try:
        data = selectors.orgchart_at(agency=agency, on=on, plan=plan)
    except ChangeRefused as error:
        show_error(request, error)
        plan = None
        data = selectors.orgchart_at(agency=agency, on=on, plan=None)
    return page(
        request,
        "tinhgon/orgchart.html",
        agency,
        on=on,
        **data,
        plan=project.plans[plan] if plan else None,
        plans=project.plans.values(),
    )


STAFF_PAGE = 200


@agency_page()
def staff(request: HttpRequest, agency: models.Agency) -> HttpResponse:
    on = date_param(request)
    project = repository.project_of(agency)
    state = selectors.structure_at(project=project, on=on)
    form = forms.StaffFilterForm(request.GET or None, state=state, ranks=selectors.ranks_of(state))
    rows = selectors.staff_at(agency=agency, on=on)
    total = len(rows)
    if form.is_valid():
        data = form.cleaned_data
        rows = selectors.staff_filter(
            rows,
            on=on,
            q=data["q"],
            unit=data["unit"],
            category=data["category"],
            rank=data["rank"],
            age_band=data["age_band"],
            retiring_within=data["retiring_within"],
            state=state,
        )
    pages = Paginator(rows, STAFF_PAGE)
    current = pages.get_page(request.GET.get("trang"))
    query = request.GET.copy()
    query.pop("trang", None)
    return page(
        request,
        "tinhgon/staff.html",
        agency,
        on=on,
        form=form,
        rows=current.object_list,
        matched=len(rows),
        total=total,
        pager=current,
        query=query.urlencode(),
        first_number=current.start_index(),
    )


@agency_page()
def person(request: HttpRequest, agency: models.Agency, pid: str) -> HttpResponse:
    on = date_param(request)
    project = repository.project_of(agency)
    if pid not in project.people:
        raise Http404("Không có người này")
    who = project.people[pid]
    state = selectors.structure_at(project=project, on=on)
    assignment = state.assignments.get(pid)
    post = None
    if assignment:
        unit = state.units[assignment.unit_id]
        post = {
            "unit": unit,
            "title": unit.kind.post(assignment.role, unit.name)
            if assignment.role.value != "staff"
            else "",
        }
    from tinhgon.law import age_on, retirement_of

    retirement = retirement_of(sex=who.sex, born=who.birth)
    return page(
        request,
        "tinhgon/person.html",
        agency,
        on=on,
        person=who,
        post=post,
        departure=state.departures.get(pid),
        retirement=retirement,
        age=age_on(who.birth, on),
        history=selectors.person_history(project=project, person_id=pid),
    )


@agency_page()
def timeline(request: HttpRequest, agency: models.Agency) -> HttpResponse:
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
    kind = request.GET.get("kind", "")
    form = None
    if Action.EDIT in request.rights and kind in forms.FORMS:  # type: ignore[attr-defined]
        on = date_param(request, "form_on", today())
        state = project.state_on(on)
        form = forms.FORMS[kind](
            project=project, state=state, official=True, initial={"kind": kind, "on": on}
        )
    return page(
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
            show_error(request, error)
        else:
            messages.success(request, "Đã ghi nhận thay đổi vào lịch sử chính thức.")
            return redirect("timeline", code=agency.code)
    else:
        _form_errors(request, form)
    return redirect(f"{reverse('timeline', args=[agency.code])}?kind={kind}")


def _posted_date(request: HttpRequest) -> dt.date | None:
    try:
        return parse_date(request.POST.get("on", ""))
    except FieldError:
        return None


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


def _form_errors(request: HttpRequest, form: Any) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else str(error))


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
                messages.success(request, "Đã thêm văn bản vào sổ.")
                return redirect("documents", code=agency.code)
    rows = list(agency.documents.all().order_by("-issued_on", "symbol"))
    return page(request, "tinhgon/documents.html", agency, documents=rows, form=form)


@agency_page()
def audit(request: HttpRequest, agency: models.Agency) -> HttpResponse:
    entries = agency.audit.all()[:500]
    return page(request, "tinhgon/audit.html", agency, entries=entries)


# -- plans ---------------------------------------------------------------------------------


@agency_page()
def plans(request: HttpRequest, agency: models.Agency) -> HttpResponse:
    form = forms.PlanCreateForm(request.POST or None)
    if request.method == "POST":
        if Action.EDIT not in request.rights:  # type: ignore[attr-defined]
            return forbidden(request)
        if form.is_valid():
            plan = services.plan_create(agency=agency, user=request.user, **form.cleaned_data)
            messages.success(request, f"Đã tạo đề án '{plan.title}'.")
            return redirect("plan", code=agency.code, pid=plan.pid)
    rows = agency.plans.select_related("decision").all()
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
    plan_row = get_object_or_404(models.Plan, agency=agency, pid=pid)
    project = repository.project_of(agency)
    data = _plan_view_data(project, plan_row)
    kind = request.GET.get("kind", "")
    change_form = None
    if plan_row.status == "draft" and Action.EDIT in request.rights and kind in forms.FORMS:  # type: ignore[attr-defined]
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
    return page(
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
        approve_form=forms.ApproveForm(agency=agency, initial={"version": plan_row.version}),
        version=plan_row.version,
        on=data["after_on"],
    )


def _metric_rows(before: Any, after: Any) -> list[dict[str, Any]]:
    b, a = before.as_dict(), after.as_dict()
    labels = [
        ("departments", "Phòng chuyên môn và tương đương"),
        ("department_leaders", "Lãnh đạo cấp phòng và tương đương"),
        ("department_deputies", "trong đó cấp phó"),
        ("public_service_units", "Đơn vị sự nghiệp công lập"),
        ("staff", "Tổng số người làm việc"),
        ("units", "Số đầu mối"),
    ]
    return [
        {"label": label, "before": b[key], "after": a[key], "delta": a[key] - b[key]}
        for key, label in labels
    ]


@require_POST
@agency_page(Action.EDIT)
def plan_change_add(request: HttpRequest, agency: models.Agency, pid: str) -> HttpResponse:
    plan_row = get_object_or_404(models.Plan, agency=agency, pid=pid)
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
            show_error(request, error)
        else:
            messages.success(request, "Đã thêm thay đổi vào đề án.")
            return redirect("plan", code=agency.code, pid=pid)
    else:
        _form_errors(request, form)
    return redirect(f"{reverse('plan', args=[agency.code, pid])}?kind={kind}")


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1


@require_POST
@agency_page(Action.EDIT)
def plan_change_remove(
    request: HttpRequest, agency: models.Agency, pid: str, index: int
) -> HttpResponse:
    plan_row = get_object_or_404(models.Plan, agency=agency, pid=pid)
    try:
        services.plan_change_remove(
            plan=plan_row, index=index, version=_int(request.POST.get("version")), user=request.user
        )
    except TinhgonError as error:
        show_error(request, error)
    else:
        messages.success(request, "Đã bỏ thay đổi khỏi đề án.")
    return redirect("plan", code=agency.code, pid=pid)


TRANSITIONS: dict[str, tuple[Action, Callable[..., Any], str]] = {
    "submit": (Action.EDIT, services.plan_submit, "Đã trình đề án."),
    "return": (Action.APPROVE, services.plan_return, "Đã trả lại đề án."),
    "reject": (Action.APPROVE, services.plan_reject, "Đã ghi nhận không phê duyệt đề án."),
    "approve": (Action.APPROVE, services.plan_approve, "Đã phê duyệt đề án."),
    "implement": (
        Action.APPROVE,
        services.plan_implement,
        "Đề án đã được đưa vào lịch sử chính thức.",
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
    plan_row = get_object_or_404(models.Plan, agency=agency, pid=pid)
    form = (
        forms.ApproveForm(request.POST, agency=agency)
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
    chosen = [p for p in request.GET.getlist("p") if p in project.plans][:4]
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
                    "report": selectors.check_at(project=project, state=state),
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


# -- roles and account ---------------------------------------------------------------------


@agency_page(Action.MANAGE)
def memberships(request: HttpRequest, agency: models.Agency) -> HttpResponse:
    if request.method == "POST":
        if "revoke" in request.POST:
            membership = get_object_or_404(
                models.Membership, agency=agency, pk=_int(request.POST["revoke"])
            )
            services.membership_revoke(membership=membership, by=request.user)
            messages.success(request, "Đã thu hồi quyền.")
        else:
            try:
                _, password = services.membership_grant(
                    agency=agency,
                    username=request.POST.get("username", ""),
                    role=request.POST.get("role", ""),
                    by=request.user,
                )
            except services.ServiceError as error:
                show_error(request, error)
            else:
                if password:
                    messages.success(
                        request,
                        f"Đã tạo tài khoản {request.POST.get('username', '').strip()} với mật khẩu {password} "
                        "— mật khẩu chỉ hiện một lần, hãy trao cho người dùng.",
                    )
                else:
                    messages.success(request, "Đã cập nhật quyền.")
        return redirect("memberships", code=agency.code)
    rows = agency.memberships.select_related("user").order_by("user__username")
    return page(
        request, "tinhgon/memberships.html", agency, memberships=rows, roles=models.Role.choices
    )


@agency_page()
def report(request: HttpRequest, agency: models.Agency) -> HttpResponse:
    """Tải báo cáo: the form, and the file once the form is filled in."""
    project = repository.project_of(agency)
    plans = [(p.id, p.title) for p in project.plans.values()]
    form = forms.ReportForm(request.GET or None, plans=plans)
    if request.GET and form.is_valid():
        data = form.cleaned_data
        options = ReportOptions(
            number=data["number"].strip() or None,
            signer=data["signer"].strip() or None,
            recipients=tuple(
                line.strip() for line in data["recipients"].splitlines() if line.strip()
            ),
        )
        try:
            content = build_report(
                project,
                before=data["before"],
                after=data["after"],
                plan=data["plan"] or None,
                options=options,
            )
            buffer = io.BytesIO()
            fmt = ReportFormat(data["format"])
            write_report(content, buffer, fmt)
        except TinhgonError as error:
            show_error(request, error)
        else:
            response = HttpResponse(buffer.getvalue(), content_type=CONTENT_TYPES[fmt])
            name = f"bao-cao-{agency.code}-{data['after']:%Y%m%d}.{fmt.value}"
            response["Content-Disposition"] = f'attachment; filename="{name}"'
            return response
    return page(request, "tinhgon/report.html", agency, form=form)


# -- spreadsheets --------------------------------------------------------------------------


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


@agency_page(Action.EDIT)
def spreadsheet_import(request: HttpRequest, agency: models.Agency) -> HttpResponse:
    project = repository.project_of(agency)
    form = forms.SpreadsheetImportForm(request.POST or None, request.FILES or None, project=project)
    problems: list[Any] = []
    copy_token = ""
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        token = secrets.token_urlsafe(16)
        folder = _uploads() / f"{agency.code}-{token}"
        folder.mkdir()
        # The file keeps the name the user knows it by: every problem names it.
        path = folder / (re.sub(r"[^\w.()\- ]+", "_", Path(upload.name).name) or "tep.xlsx")
        with path.open("wb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
        try:
            symbol, issued = form.cleaned_data["basis"].split("|")
            result = services.spreadsheet_import(
                agency=agency,
                path=path,
                filename=upload.name,
                on=form.cleaned_data["on"],
                basis=symbol,
                basis_date=dt.date.fromisoformat(issued),
                complete=form.cleaned_data["complete"],
                user=request.user,
                reason=form.cleaned_data["reason"],
            )
        except SpreadsheetError as error:
            language = getattr(request, "LANGUAGE_CODE", "vi")
            problems = [p.in_language(language) for p in error.problems]
            if not isinstance(error, FileRefused):
                try:
                    book = read_spreadsheet(path)
                    write_error_copy(_copies(agency) / f"{token}.loi.xlsx", book, error.problems)
                    copy_token = token
                except (SpreadsheetError, OSError):
                    copy_token = ""
        except TinhgonError as error:
            show_error(request, error)
        else:
            messages.success(
                request,
                f"Đã nhập {upload.name}: {len(result.changes)} thay đổi ghi nhận ngày {result.on:%d/%m/%Y}.",
            )
            return redirect("timeline", code=agency.code)
        finally:
            path.unlink(missing_ok=True)
            folder.rmdir()
    return page(
        request,
        "tinhgon/import_sheet.html",
        agency,
        form=form,
        problems=problems[:200],
        more=max(0, len(problems) - 200),
        copy_token=copy_token,
    )


@agency_page(Action.EDIT)
def spreadsheet_error_copy(request: HttpRequest, agency: models.Agency, token: str) -> HttpResponse:
    if not re.fullmatch(r"[\w-]{10,40}", token):
        raise Http404("Không có tệp này")
    path = _copies(agency) / f"{token}.loi.xlsx"
    if not path.exists():
        raise Http404("Không có tệp này")
    return FileResponse(path.open("rb"), as_attachment=True, filename="ban-sao-co-cot-loi.xlsx")


@login_required
def spreadsheet_template(request: HttpRequest, what: str) -> HttpResponse:
    """Tải mẫu: a blank workbook to fill in (staff, structure, or both)."""
    if what not in ("staff", "structure", "workbook"):
        raise Http404("Không có mẫu này")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"mau-{what}.xlsx"
        write_template(path, what)
        data = path.read_bytes()
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="mau-{what}.xlsx"'
    return response


@agency_page()
def staff_export(request: HttpRequest, agency: models.Agency) -> HttpResponse:
    """Xuất Excel: the staff list on a date."""
    on = date_param(request)
    project = repository.project_of(agency)
    state = project.state_on(on)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "nhan-su.xlsx"
        export_staff(path, project, state)
        data = path.read_bytes()
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = (
        f'attachment; filename="nhan-su-{agency.code}-{on:%Y%m%d}.xlsx"'
    )
    return response


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
