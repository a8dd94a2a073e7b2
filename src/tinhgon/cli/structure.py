"""validate, show and compare: the structure on a date, and what changed between two dates."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from tinhgon.cli.lazy import lazy_module
from tinhgon.cli.main import (
    OnOpt,
    OutputFormat,
    app,
    fail,
    option_date,
    out,
    print_json,
    read_project,
    state_or_fail,
    vn_date,
)
from tinhgon.domain import (
    HEADLINE,
    Category,
    Metrics,
    Project,
    State,
    TinhgonError,
    diff_states,
    metrics_of,
)
from tinhgon.domain.describe import unit_tree
from tinhgon.domain.diff import DiffItem, group_moves

if TYPE_CHECKING:
    from rich.tree import Tree

    from tinhgon import law
else:
    law = lazy_module("tinhgon.law")

FileArg = Annotated[Path, typer.Argument(help="Tệp dự án YAML / project file", show_default=False)]
PlanOpt = Annotated[
    str | None,
    typer.Option("--plan", help="Áp dụng đề án này / apply this plan (its id)", show_default=False),
]
FormatOpt = Annotated[
    OutputFormat, typer.Option("--format", help="Định dạng kết quả / output format")
]
AgencyOpt = Annotated[
    str | None,
    typer.Option(
        "--agency",
        help="Một cơ quan trong lịch sử (mã đơn vị) / one agency inside the history (its unit id)",
        show_default=False,
    ),
]


def read_agency(file: Path, agency: str | None, *, on: tuple[str, ...] | None = None) -> Project:
    """The project of a file, seen from one agency inside it when ``--agency`` names one
    (``on``: the dates the command asks the state of, as ``read_project`` takes them)."""
    project = read_project(file, on=on)
    try:
        return project.for_agency(agency)
    except TinhgonError as error:
        fail(f"--agency: {error.vi} ({error.en})")


@app.command()
def validate(file: FileArg) -> None:
    """Kiểm tra tệp dự án / Validate a project file.

    Báo mọi lỗi kèm dòng và trường; mã thoát 2 nếu có lỗi.
    Reports every problem with its line and field; exit code 2 when there is one.
    """
    project = read_project(file, on=())
    timeline = project.timeline
    first = vn_date(timeline.first_date) if timeline.first_date else "—"
    last = vn_date(timeline.last_date) if timeline.last_date else "—"
    out.print(
        f"{file}: hợp lệ (valid) — {project.agency.name}: {len(project.documents)} văn bản, "
        f"{len(project.people)} người, {len(timeline)} thay đổi từ {first} đến {last}, "
        f"{len(project.plans)} đề án."
    )


def _label(entry: dict[str, Any]) -> str:
    parts = [f"[bold]{entry['name']}[/bold]"]
    if entry["head"]:
        parts.append(f"{entry['head']['title']}: {entry['head']['name']}")
    else:
        parts.append("[italic]chưa có cấp trưởng (no head)[/italic]")
    if entry["deputies"]:
        title = entry["deputies"][0]["title"]
        parts.append(f"{title}: " + ", ".join(d["name"] for d in entry["deputies"]))
    count = f"{entry['staff']} người"
    if entry["children"]:
        count += f" (cả đơn vị trực thuộc: {entry['staff_total']})"
    parts.append(count)
    return " — ".join(parts)


@app.command()
def show(
    file: FileArg,
    on: OnOpt,
    plan: PlanOpt = None,
    output: FormatOpt = OutputFormat.TEXT,
    agency: AgencyOpt = None,
) -> None:
    """Cơ cấu tổ chức tại một ngày / The structure on a date.

    Cây đơn vị với cấp trưởng, cấp phó và số người; với --agency, của một cơ quan trong lịch
    sử. The tree of units with heads, deputies and staff counts; with --agency, of one agency
    inside the history.
    """
    project = read_agency(file, agency, on=(on,))
    day = option_date(on, "--on")
    state = state_or_fail(project, day, plan)
    tree = unit_tree(state)
    metrics = metrics_of(state)
    if output is OutputFormat.JSON:
        print_json(
            {
                "on": day.isoformat(),
                "plan": plan,
                "agency": {"id": project.agency.id, "name": project.agency.name},
                "metrics": metrics.as_dict(),
                "units": tree,
            }
        )
        return
    title = f"{project.agency.name} — cơ cấu tổ chức tại ngày {vn_date(day)}"
    if plan:
        title += f" theo đề án '{plan}' ({project.plan(plan).title})"
    from rich.tree import Tree

    view = Tree(title)

    def grow(branch: Tree, entry: dict[str, Any]) -> None:
        twig = branch.add(_label(entry))
        for child in entry["children"]:
            grow(twig, child)

    for root in tree:
        grow(view, root)
    out.print(view)
    out.print(_headline(metrics))


def _headline(metrics: Metrics) -> str:
    values = metrics.as_dict()
    return "; ".join(f"{vi}: {values[key]}" for key, vi, _ in HEADLINE)


def _metric_rows(before: Metrics, after: Metrics) -> list[tuple[str, int, int]]:
    b, a = before.as_dict(), after.as_dict()
    rows = [(f"{vi} / {en}", int(b[key]), int(a[key])) for key, vi, en in HEADLINE]  # type: ignore[call-overload]
    rows.insert(
        2,
        (
            "  trong đó cấp phó / of which deputies",
            before.department_deputies,
            after.department_deputies,
        ),
    )
    for category in Category:
        rows.append(
            (
                f"  {category.vi} / {category.en}",
                before.staff_by_category[category.value],
                after.staff_by_category[category.value],
            )
        )
    rows.append(("Số đầu mối / Units", before.units, after.units))
    rows.append(("Số cấp trong cơ cấu / Layers", before.layers, after.layers))
    return rows


@app.command()
def compare(
    file: FileArg,
    before: Annotated[str, typer.Option("--before", help="Ngày trước / before (yyyy-mm-dd)")],
    after: Annotated[str, typer.Option("--after", help="Ngày sau / after (yyyy-mm-dd)")],
    plan: PlanOpt = None,
    output: FormatOpt = OutputFormat.TEXT,
    agency: AgencyOpt = None,
) -> None:
    """So sánh hai thời điểm / Compare two dates.

    Các chỉ tiêu trước và sau, và những thay đổi ở giữa. Với --plan, "sau" là cơ cấu khi áp
    dụng đề án. Metrics before and after, and the changes between; with --plan, "after" is the
    state with the plan applied. With --agency, of one agency inside the history.
    """
    project = read_agency(file, agency, on=(before, after))
    day_before = option_date(before, "--before")
    day_after = option_date(after, "--after")
    state_before = state_or_fail(project, day_before, None)
    state_after = state_or_fail(project, day_after, plan)
    items = diff_states(state_before, state_after)
    m_before, m_after = metrics_of(state_before), metrics_of(state_after)
    result = comparison(
        project, state_before, state_after, plan, items=items, measured=(m_before, m_after)
    )
    if output is OutputFormat.JSON:
        print_json(result)
        return
    title = f"{project.agency.name}: {vn_date(day_before)} → {vn_date(day_after)}"
    if plan:
        title += f" (theo đề án '{plan}' / with plan '{plan}')"
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    table.add_column("Chỉ tiêu / Metric")
    table.add_column("Trước / Before", justify="right")
    table.add_column("Sau / After", justify="right")
    table.add_column("Thay đổi / Change", justify="right")
    for label, b, a in _metric_rows(m_before, m_after):
        table.add_row(label, f"{b:02d}", f"{a:02d}", f"{a - b:+d}" if a != b else "0")
    out.print(table)
    for side, label in (("before", "Trước / before"), ("after", "Sau / after")):
        out.print(
            f"Phát hiện theo quy định / findings, {label}: "
            + findings_text(result[side]["findings"]),
            markup=False,
        )
    out.print("\n[bold]Thay đổi / Changes[/bold]")
    lines = change_lines(items)
    # One print for every line: rich takes a tenth of a second for each thousand prints.
    out.print("\n".join(f"  {line}" for line in lines or ["(không có / none)"]), markup=False)


def change_lines(items: list[DiffItem]) -> list[str]:
    """One line a change; people moved together between the same units share a line."""
    lines = []
    for item in group_moves(items):
        when = vn_date(item.on) if item.on else " " * 10
        basis = f"  [{item.basis}]" if item.basis else ""
        lines.append(f"{when}  {item.text.vi}{basis}")
    return lines


def findings_text(summary: dict[str, int]) -> str:
    return (
        f"{summary['violation']} vi phạm, {summary['warning']} cảnh báo, {summary['info']} lưu ý"
        f" ({summary['violation']} violation(s), {summary['warning']} warning(s),"
        f" {summary['info']} note(s))"
    )


def findings_summary(project: Project, state: State, plan: str | None = None) -> dict[str, int]:
    """Số phát hiện theo mức độ khi kiểm tra trạng thái theo quy định (tinhgon.law)."""
    assert state.on is not None
    return law.check_project(project, on=state.on, plan=plan, state=state).summary()


def comparison(
    project: Project,
    before: State,
    after: State,
    plan: str | None,
    *,
    items: list[DiffItem] | None = None,
    measured: tuple[Metrics, Metrics] | None = None,
) -> dict[str, Any]:
    """The compare result as JSON-ready data (the command-line contract). ``items`` and
    ``measured``: the two states' differences and metrics when the caller has them already."""
    assert before.on is not None
    assert after.on is not None
    if items is None:
        items = diff_states(before, after)
    changes = [item.as_dict() for item in items]
    if plan is None:
        events = project.timeline.between(before.on, after.on)
    else:
        events = project.plan(plan).project(project.timeline).between(before.on, after.on)
    if project.scope is not None:  # an agency inside the history: the changes that touch it
        mine = set(before.units) | set(after.units) | set(before.ended) | set(after.ended)
        people = set(before.people) | set(after.people)
        events = tuple(
            c
            for c in events
            if any(u in mine for u in c.unit_ids()) or any(p in people for p in c.person_ids())
        )
    if measured is None:
        measured = (metrics_of(before), metrics_of(after))
    m_before, m_after = measured[0].as_dict(), measured[1].as_dict()
    # A kind present on one side only is counted 0 on the other (districts 696 → 0 in 2025).
    kinds = sorted({*m_before["units_by_kind"], *m_after["units_by_kind"]})  # type: ignore[misc]
    for metrics in (m_before, m_after):
        counts: dict[str, int] = metrics["units_by_kind"]  # type: ignore[assignment]
        metrics["units_by_kind"] = {k: counts.get(k, 0) for k in kinds}
    return {
        "agency": {"id": project.agency.id, "name": project.agency.name},
        "plan": plan,
        "before": {
            "on": before.on.isoformat(),
            "metrics": m_before,
            "findings": findings_summary(project, before),
        },
        "after": {
            "on": after.on.isoformat(),
            "metrics": m_after,
            "findings": findings_summary(project, after, plan),
        },
        "changes": changes,
        "events": [
            {
                "kind": c.kind,
                "on": c.on.isoformat(),
                "basis": c.basis.symbol if c.basis else None,
                "text_vi": c.label.vi,
                "units": list(c.unit_ids()),
                "people": list(c.person_ids()),
            }
            for c in events
        ],
    }
