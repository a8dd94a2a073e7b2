"""An agency on a date: the dashboard, the org chart and the official report."""

from __future__ import annotations

import io

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse

from tinhgon.domain import ChangeRefused, TinhgonError
from tinhgon.reports import CONTENT_TYPES, ReportFormat, build_report, write_report
from tinhgon.web import forms, models, page_data, repository
from tinhgon.web.services.scope import visible_plan, visible_plan_ids, visible_plans
from tinhgon.web.views.base import (
    agency_page,
    date_param,
    page,
    show_error,
)

FINDINGS_PAGE = 50
SEVERITIES = ("violation", "warning", "info")


@agency_page()
def dashboard(request: HttpRequest, agency: models.Agency) -> HttpResponse:
    on = date_param(request)
    data = page_data.dashboard_at(agency=agency, on=on)
    # The findings a page at a time (thousands at province size), of one severity if asked.
    severity = request.GET.get("muc", "")
    findings = data["report"].findings
    if severity in SEVERITIES:
        findings = [f for f in findings if f.severity.value == severity]
    else:
        severity = ""
    shown = Paginator(findings, FINDINGS_PAGE).get_page(request.GET.get("trang-kq"))
    query = request.GET.copy()
    query.pop("trang-kq", None)
    return page(
        request,
        "tinhgon/dashboard.html",
        agency,
        on=on,
        **data,
        shown_findings=shown.object_list,
        findings_pager=shown,
        severity=severity,
        findings_query=query.urlencode(),
        plans=visible_plans(
            agency=agency, user=request.user, rows=agency.plans.exclude(status="implemented")
        ),
    )


@agency_page()
def orgchart(request: HttpRequest, agency: models.Agency) -> HttpResponse:
    on = date_param(request)
    project = repository.project_of(agency)
    plan = request.GET.get("plan") or None
    if plan and plan not in project.plans:
        raise Http404("Không có đề án này")
    if plan:
        visible_plan(agency=agency, user=request.user, pid=plan)
    seen = visible_plan_ids(agency=agency, user=request.user)
    try:
        data = page_data.orgchart_at(agency=agency, on=on, plan=plan)
    except ChangeRefused as error:
        show_error(request, error)
        plan = None
        data = page_data.orgchart_at(agency=agency, on=on, plan=None)
    # A province-sized chart: the top levels, a unit's sub-units on its own page (don-vi),
    # and a search on the server (tim) since the page does not hold every unit.
    try:
        number = int(request.GET.get("trang", "1"))
    except ValueError:
        number = 1
    drawn = page_data.org_tree(data, focus=request.GET.get("don-vi") or None, page=number)
    search = request.GET.get("tim", "").strip()
    query = request.GET.copy()
    for key in ("don-vi", "tim", "trang"):
        query.pop(key, None)
    return page(
        request,
        "tinhgon/orgchart.html",
        agency,
        on=on,
        metrics=data["metrics"],
        counts=data["counts"],
        **drawn,
        search=search,
        searched=page_data.org_search(data, text=search) if search and drawn["partial"] else None,
        tree_query=query.urlencode(),
        plan=project.plans[plan] if plan else None,
        plans=[p for p in project.plans.values() if p.id in seen],
    )


@agency_page()
def report(request: HttpRequest, agency: models.Agency) -> HttpResponse:
    """Tải báo cáo: the form, and the file once the form is filled in."""
    from tinhgon.web.views_documents import audit_download, kept_issuing, kept_texts

    project = repository.project_of(agency)
    seen = visible_plan_ids(agency=agency, user=request.user)
    plans = [(p.id, p.title) for p in project.plans.values() if p.id in seen]
    form = forms.ReportForm(request.GET or None, plans=plans, initial=kept_issuing(agency))
    if request.GET and form.is_valid():
        data = form.cleaned_data
        options = form.options()
        try:
            content = build_report(
                project,
                before=data["before"],
                after=data["after"],
                plan=data["plan"] or None,
                options=options,
                texts=kept_texts(agency),  # the person-written parts (views_documents)
            )
            buffer = io.BytesIO()
            fmt = ReportFormat(data["format"])
            write_report(content, buffer, fmt)
        except TinhgonError as error:
            show_error(request, error)
        else:
            response = HttpResponse(buffer.getvalue(), content_type=CONTENT_TYPES[fmt])
            name = f"bao-cao-{agency.code}-{data['after']:%Y%m%d}.{fmt.value}"
            audit_download(
                request,
                agency,
                "report",
                f"Tải báo cáo ({data['before']:%d/%m/%Y} – {data['after']:%d/%m/%Y}, {name})",
                before=data["before"].isoformat(),
                after=data["after"].isoformat(),
                plan=data["plan"] or "",
                format=fmt.value,
                file=name,
            )
            response["Content-Disposition"] = f'attachment; filename="{name}"'
            return response
    return page(request, "tinhgon/report.html", agency, form=form)
