"""The headcount forecast and the streamlining targets, for the đề án (and the report).

From ``tinhgon.planning.forecast_of``: the count on 31 December of each year, the history's up
to the start and, after it, with the plan (or the plans in force) and the retirements due
(nobody hired to replace them); each target with its base, the most allowed, the count in the
target year, the year it is met or the gap. The paper says it in words, with a figure
(``charts.forecast_chart``) and an annex table; a target whose text was issued after the
paper's date is not cited (nor stated) in the paper: the drafter's note says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from tinhgon import law
from tinhgon.domain import Project
from tinhgon.planning.forecast import GROUPS, Forecast, TargetResult, forecast_of
from tinhgon.planning.proposer import PlanningError
from tinhgon.reports.charts import Series, TargetMark, forecast_chart
from tinhgon.reports.citations import Citer
from tinhgon.reports.model import Block, Cell, Column, Figure, Paragraph, Table
from tinhgon.reports.wording import two_digits

SHEET = "Dự báo biên chế"
YEARS_AHEAD = 5  # the forecast runs to the last target year, and at least this far


def forecast_for(
    project: Project,
    *,
    start: dt.date,
    plans: Sequence[str] | None,
    parameters: law.ParameterSet | None = None,
) -> Forecast:
    """The forecast from ``start`` to the last target year (at least ``YEARS_AHEAD`` on)."""
    until = start.year + YEARS_AHEAD
    found = forecast_of(project, start=start, until=until, plans=plans, parameters=parameters)
    last = max((t.target_year for t in found.targets), default=until)
    if last > until and last <= start.year + 50:
        found = forecast_of(project, start=start, until=last, plans=plans, parameters=parameters)
    return found


def _groups(forecast: Forecast) -> list[str]:
    """The groups the agency has at all (a board without public employees shows one line)."""
    return [g for g in GROUPS if any(y.by_group[g] for y in forecast.years)]


def _target_line(target: TargetResult, cited: str) -> str:
    group = GROUPS[target.group][0].lower()
    percent = f"{target.percent.normalize():f}".replace(".", ",")
    head = (
        f"- Chỉ tiêu giảm ít nhất {percent}% {group} năm {target.target_year} so với năm "
        f"{target.base_year} theo {cited}"
    )
    if target.base is None or target.allowed is None:
        return f"{head}: chưa có số liệu năm {target.base_year} để đánh giá"
    said = (
        f"{head}: năm {target.base_year} có {two_digits(target.base)} người, đến năm "
        f"{target.target_year} còn tối đa {two_digits(target.allowed)} người"
    )
    if target.at_target is None:
        return said
    said += f"; dự kiến năm {target.target_year} còn {two_digits(target.at_target)} người"
    if target.met:
        return f"{said}, đạt chỉ tiêu từ năm {target.met_in}"
    return f"{said}, chưa đạt chỉ tiêu (còn vượt {two_digits(target.gap or 0)} người)"


def forecast_table(forecast: Forecast, number: int | None = None) -> Table:
    groups = _groups(forecast) or list(GROUPS)
    rows: list[tuple[Cell, ...]] = [
        (
            y.year,
            *(y.by_group[g] for g in groups),
            "Dự báo" if y.projected else "Thực tế",
        )
        for y in forecast.years
    ]
    title = "Dự báo số lượng cán bộ, công chức, viên chức tại ngày 31/12 hằng năm"
    return Table(
        title=f"Bảng {number}. {title}" if number else title,
        sheet=SHEET,
        columns=(
            Column("Năm", "text", 2.0),
            *(Column(GROUPS[g][0], "int", 5.0) for g in groups),
            Column("Số liệu", "text", 3.0),
        ),
        rows=tuple((str(r[0]), *r[1:]) for r in rows),
        annex_only=True,
        unit="người",
    )


def forecast_block(forecast: Forecast, caption: str, shown: Sequence[TargetResult]) -> Figure:
    groups = _groups(forecast) or ["cadres_civil_servants"]
    years = [y.year for y in forecast.years]
    series = [Series(GROUPS[g][0], tuple(y.by_group[g] for y in forecast.years)) for g in groups]
    marks = [
        TargetMark(f"Chỉ tiêu {t.target_year}", t.target_year, t.allowed)
        for t in shown
        if t.allowed is not None and t.target_year in years and t.group in groups
    ]
    projected = next((y.year for y in forecast.years if y.projected), None)
    return Figure(caption, lambda: forecast_chart(years, series, marks, projected))


def forecast_blocks(
    forecast: Forecast, cite: Citer, *, agency: str, figure_no: int, with_plan: bool
) -> tuple[list[Block], list[str]]:
    """The paragraphs, the figure (``Hình <figure_no>``) and the annex table; the drafter's
    notes."""
    notes: list[str] = []
    groups = _groups(forecast)
    if not groups:
        return [Paragraph("Không có số liệu biên chế để dự báo.")], notes
    last = forecast.years[-1]
    counts = "; ".join(
        f"{GROUPS[g][0].lower()} {two_digits(last.by_group[g])} người" for g in groups
    )
    if with_plan:
        basis = "Theo phương án sắp xếp và số người đến tuổi nghỉ hưu theo quy định"
    elif forecast.plans:
        basis = "Theo các đề án đã được phê duyệt và số người đến tuổi nghỉ hưu theo quy định"
    else:
        basis = "Tính theo số người đến tuổi nghỉ hưu theo quy định"
    blocks: list[Block] = [
        Paragraph(
            f"{basis} (chưa tính số người được tuyển dụng mới), đến ngày 31/12/{last.year} dự "
            f"kiến còn: {counts}; số liệu từng năm tại Hình {figure_no} và phụ lục kèm theo."
        )
    ]
    caption = (
        f"Hình {figure_no}. Dự báo số lượng cán bộ, công chức, viên chức của {agency} đến năm "
        f"{last.year}"
    )
    shown: list[TargetResult] = []
    lines: list[str] = []
    for target in forecast.targets:
        if target.group not in groups:
            continue
        cited = cite.citation(target.citation)
        if not cited:
            notes.append(
                f"Chỉ tiêu “{target.vi}” ({target.citation.text()}) ban hành sau ngày của văn "
                "bản: không nêu trong văn bản."
            )
            continue
        shown.append(target)
        lines.append(_target_line(target, cited))
        if not target.citation.verified:
            notes.append(
                f"Chỉ tiêu “{target.vi}” theo {target.citation.text()} chưa được đối chiếu với "
                "văn bản gốc; thay bằng chỉ tiêu được giao cho cơ quan nếu khác."
            )
    if lines:
        blocks.append(Paragraph("Đối chiếu với chỉ tiêu tinh giản biên chế:"))
        lines = [f"{line};" for line in lines]
        lines[-1] = lines[-1][:-1] + "."
        blocks.extend(Paragraph(line) for line in lines)
    blocks.append(forecast_block(forecast, caption, shown))
    blocks.append(forecast_table(forecast))
    notes.append(
        f"Dự báo tính từ ngày {forecast.start:%d/%m/%Y}: mỗi năm trừ số người đến tuổi nghỉ hưu "
        "theo quy định, không tính tuyển dụng mới; người soạn thảo bổ sung kế "
        "hoạch tuyển dụng nếu có."
    )
    return blocks, notes


def safe_forecast(
    project: Project,
    *,
    start: dt.date,
    plans: Sequence[str] | None,
    parameters: law.ParameterSet | None = None,
) -> tuple[Forecast | None, str]:
    """The forecast, or None and why (an empty history, a plan that cannot be projected)."""
    try:
        return forecast_for(project, start=start, plans=plans, parameters=parameters), ""
    except PlanningError as error:
        return None, str(error)


def report_forecast(
    project: Project,
    *,
    after: dt.date,
    plan: str | None,
    cite: Citer,
    figure_no: int,
    parameters: law.ParameterSet | None = None,
) -> tuple[list[Block], list[str]]:
    """The report's forecast from its "after" date (section IV): with the plan it reports on,
    else with the plans approved and not yet carried out."""
    forecast, why = safe_forecast(
        project, start=after, plans=(plan,) if plan else None, parameters=parameters
    )
    if forecast is None:
        return [], [f"Chưa lập được dự báo biên chế: {why}."]
    return forecast_blocks(
        forecast, cite, agency=project.agency.name, figure_no=figure_no, with_plan=plan is not None
    )
