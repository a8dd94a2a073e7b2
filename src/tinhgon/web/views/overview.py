"""An agency on a date: the dashboard, the org chart and the official report."""

from __future__ import annotations

import io

from django.http import Http404, HttpRequest, HttpResponse

from tinhgon.domain import ChangeRefused, TinhgonError
from tinhgon.reports import CONTENT_TYPES, ReportFormat, build_report, write_report
from tinhgon.web import forms, models, repository, selectors
from tinhgon.web.services.scope import visible_plan, visible_plan_ids, visible_plans
from tinhgon.web.views.base import (
    agency_page,
    date_param,
    page,
    show_error,
)


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
