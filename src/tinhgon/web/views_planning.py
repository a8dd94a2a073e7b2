"""Planning pages: propose a plan, the surplus staff of a plan, the forecast, scenarios side by side.

Thin views over ``tinhgon.planning``; a proposed plan is saved through the same services as a
plan drafted by hand (``services.plan_create`` and ``services.plan_change_add``).
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_POST

from tinhgon.domain import TinhgonError
from tinhgon.domain.vietnamese import sort_key
from tinhgon.io.codec import FieldError, change_to_plain, parse_date
from tinhgon.planning.allowances import money
from tinhgon.planning.forecast import GROUPS, Forecast, forecast_of
from tinhgon.planning.proposer import Constraints, PlanningError, Unsatisfiable, propose
from tinhgon.planning.scenarios import compare_scenarios
from tinhgon.planning.surplus import REASONS, surplus_of
from tinhgon.web import models, repository, services
from tinhgon.web.permissions import Action
from tinhgon.web.services.scope import visible_plan, visible_plans
from tinhgon.web.views.base import agency_page, date_param, page, show_error, today


def _form_date(request: HttpRequest, name: str, default: dt.date) -> dt.date:
    raw = request.POST.get(name, "").strip()
    if not raw:
        return default
    try:
        return parse_date(raw)
    except FieldError as error:
        raise PlanningError(f"{name}: {error.vi}", f"{name}: {error.en}") from None


def _form_int(request: HttpRequest, name: str) -> int | None:
    raw = request.POST.get(name, "").strip()
    if not raw:
        return None
    if not raw.isdigit():
        raise PlanningError(f"'{raw}' không phải một số", f"'{raw}' is not a number")
    return int(raw)


@require_POST
@agency_page(Action.EDIT)
def plan_propose(request: HttpRequest, agency: models.Agency) -> HttpResponse:
    """Đề xuất phương án: solve, then save the result as a new draft plan."""
    project = repository.project_of(agency)
    try:
        on = _form_date(request, "on", today())
        effective = _form_date(request, "effective", on)
        constraints = Constraints(
            effective=effective,
            max_units=_form_int(request, "max_departments"),
            max_leaders=_form_int(request, "max_leaders"),
            keep=frozenset(request.POST.getlist("keep")),
            max_merged=_form_int(request, "max_merged") or 3,
            time_limit=10.0,
        )
        proposal = propose(project, on=on, constraints=constraints, plan_id="de-xuat")
    except Unsatisfiable as error:
        messages.error(request, error.vi)
        return redirect("plans", code=agency.code)
    except TinhgonError as error:
        show_error(request, error)
        return redirect("plans", code=agency.code)
    except PlanningError as error:
        messages.error(request, error.vi)
        return redirect("plans", code=agency.code)
    row = services.plan_create(
        agency=agency,
        title=f"Phương án đề xuất ngày {effective:%d/%m/%Y}",
        description=proposal.plan.description,
        user=request.user,
    )
    for change in proposal.plan.changes:
        row.refresh_from_db()
        services.plan_change_add(
            plan=row,
            plain=change_to_plain(change, project.documents),
            version=row.version,
            user=request.user,
            reason="Phương án do tinhgon đề xuất",
        )
    names = ", ".join(o.name for o in proposal.without_post) or "không có"
    messages.success(
        request,
        f"Đã đề xuất phương án: {proposal.units_before} → {proposal.units_after} đơn vị, "
        f"{proposal.leaders_before} → {proposal.leaders_after} lãnh đạo, "
        f"{proposal.moved} người chuyển đơn vị. Lãnh đạo không còn chức vụ: {names}.",
    )
    return redirect("plan", code=agency.code, pid=row.pid)


@agency_page()
def plan_surplus(request: HttpRequest, agency: models.Agency, pid: str) -> HttpResponse:
    visible_plan(agency=agency, user=request.user, pid=pid)
    project = repository.project_of(agency)
    report = None
    try:
        report = surplus_of(project, pid)
    except (TinhgonError, PlanningError) as error:
        messages.error(request, error.vi)
    return page(
        request,
        "tinhgon/planning_surplus.html",
        agency,
        plan=project.plans.get(pid),
        report=report,
        reasons={k: v[0] for k, v in REASONS.items()},
        totals=_surplus_totals(report) if report else [],
    )


def _surplus_totals(report: Any) -> list[tuple[str, str]]:
    return [
        (
            "Nghỉ hưu trước tuổi, trong 12 tháng",
            money(report.total("early_retirement", within=True)),
        ),
        (
            "Nghỉ hưu trước tuổi, từ tháng thứ 13",
            money(report.total("early_retirement", within=False)),
        ),
        ("Thôi việc, trong 12 tháng", money(report.total("resignation", within=True))),
        ("Thôi việc, từ tháng thứ 13", money(report.total("resignation", within=False))),
    ]


def forecast_chart(result: Forecast, *, width: int = 560, height: int = 180) -> SafeString:
    """Headcount by year, one line per group; projected years dashed; targets as marks."""
    pad = 28
    years = [y.year for y in result.years]
    top = max((max(y.by_group.values()) for y in result.years), default=1) or 1
    span = max(len(years) - 1, 1)

    def x(i: int) -> float:
        return round(pad + (width - 2 * pad) * i / span, 1)

    legend = 30  # room above the lines for the legend

    def y(v: float) -> float:
        return round(height - pad - (height - 2 * pad - legend) * v / top, 1)

    parts = [
        f'<svg class="chart forecast" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape("Dự báo số người theo năm")}">',
        f'<line class="axis" stroke="#999" x1="{pad}" y1="{height - pad}" x2="{width - pad}" '
        f'y2="{height - pad}"/>',
    ]
    # Presentation attributes, not style: the colours of the other charts (app.css series-a, -b).
    colours = ("#1f5f8b", "#8b4d1f")
    for n, (group, (label, _, _)) in enumerate(GROUPS.items()):
        colour = colours[n % len(colours)]
        points = " ".join(f"{x(i)},{y(yc.by_group[group])}" for i, yc in enumerate(result.years))
        dash = ' stroke-dasharray="6 3"' if n else ""  # readable without colour
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2.5"{dash}>'
            f"<title>{escape(label)}</title></polyline>"
        )
        parts.append(
            f'<text x="{pad + 4}" y="{12 + 12 * n}" fill="{colour}" font-size="10">'
            f"{'—' if not n else '- -'} {escape(label)}</text>"
        )
        for t in result.targets:
            if t.group == group and t.allowed is not None and t.target_year in years:
                i = years.index(t.target_year)
                parts.append(
                    f'<rect class="target" fill="{colour}" x="{x(i) - 4}" y="{y(t.allowed) - 4}" '
                    f'width="8" height="8"><title>{escape(t.vi)}: {t.allowed}</title></rect>'
                )
    parts.append(f'<text x="{pad}" y="{height - 6}" font-size="10">{years[0]}</text>')
    parts.append(
        f'<text x="{width - pad}" y="{height - 6}" font-size="10" text-anchor="end">{years[-1]}</text>'
    )
    parts.append("</svg>")
    return mark_safe("".join(parts))


@agency_page()
def forecast(request: HttpRequest, agency: models.Agency) -> HttpResponse:
    project = repository.project_of(agency)
    last = project.timeline.last_date or today()
    start = date_param(request, "from", last)
    raw = request.GET.get("until", "").strip()
    until = int(raw) if raw.isdigit() else max(start.year + 1, 2026)
    result = None
    try:
        result = forecast_of(project, start=start, until=until)
    except (TinhgonError, PlanningError) as error:
        messages.error(request, error.vi)
    unit_rows = []
    if result is not None:
        names = result.unit_names
        for unit_id in sorted(names, key=lambda u: sort_key(names[u])):
            counts = [sum(y.by_unit.get(unit_id, {}).values()) for y in result.years]
            if any(counts):
                unit_rows.append((names[unit_id], counts))
    return page(
        request,
        "tinhgon/planning_forecast.html",
        agency,
        result=result,
        chart=forecast_chart(result) if result else None,
        groups=[(g, v[0]) for g, v in GROUPS.items()],
        start=start,
        until=until,
        unit_rows=unit_rows,
    )


@agency_page()
def scenarios(request: HttpRequest, agency: models.Agency) -> HttpResponse:
    project = repository.project_of(agency)
    seen = {r.pid for r in visible_plans(agency=agency, user=request.user, rows=agency.plans.all())}
    chosen = [p for p in request.GET.getlist("p") if p in project.plans and p in seen][:6]
    rows = []
    try:
        rows = compare_scenarios(project, chosen) if chosen else []
    except (TinhgonError, PlanningError) as error:
        messages.error(request, error.vi)
    return page(
        request,
        "tinhgon/planning_scenarios.html",
        agency,
        scenarios=rows,
        money={s.plan_id: money(s.allowances_within) for s in rows},
        plans=[p for pid, p in project.plans.items() if pid in seen],
        chosen=chosen,
    )
