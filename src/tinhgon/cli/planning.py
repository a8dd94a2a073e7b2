"""propose: a lawful restructuring proposed by the solver, written as a plan of the project.

Exit codes: 0 a plan was proposed and written; 1 the constraints cannot all hold (the message
says which to relax); 2 bad input.
"""

from __future__ import annotations

import os
import tempfile
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from tinhgon.cli.main import (
    OnOpt,
    OutputFormat,
    app,
    fail,
    option_date,
    out,
    print_json,
    read_project,
    vn_date,
)
from tinhgon.cli.structure import FileArg, FormatOpt, findings_text
from tinhgon.domain import Project, Role, TinhgonError

if TYPE_CHECKING:
    from tinhgon.planning.proposer import Proposal

# The planning layer (OR-Tools, pandas: half a second) loads only when a command here runs.

EXIT_UNSATISFIABLE = 1


def write_atomically(path: Path, text: str) -> None:
    folder = path.resolve().parent
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=folder, prefix=f".{path.name}.", delete=False
    ) as handle:
        handle.write(text)
        temporary = Path(handle.name)
    os.replace(temporary, path)


def _groups(values: list[str]) -> tuple[frozenset[str], ...]:
    return tuple(frozenset(x.strip() for x in v.split(",") if x.strip()) for v in values)


@app.command("propose")
def propose_command(
    file: FileArg,
    on: OnOpt,
    output: Annotated[
        Path,
        typer.Option("--output", help="Tệp dự án kết quả / the project file to write"),
    ],
    max_departments: Annotated[
        int | None,
        typer.Option(
            "--max-departments",
            help="Số phòng (hoặc cơ quan) tối đa sau sắp xếp / most units after the restructuring",
        ),
    ] = None,
    max_leaders: Annotated[
        int | None,
        typer.Option("--max-leaders", help="Số lãnh đạo tối đa / most leadership posts"),
    ] = None,
    keep: Annotated[
        list[str] | None,
        typer.Option("--keep", help="Giữ nguyên đơn vị này (mã) / keep this unit (its id)"),
    ] = None,
    group: Annotated[
        list[str] | None,
        typer.Option(
            "--group",
            help="Nhóm đơn vị được sáp nhập với nhau, mã cách nhau bằng dấu phẩy / units that "
            "may merge together, ids separated by commas",
        ),
    ] = None,
    same_field: Annotated[
        bool,
        typer.Option(
            "--same-field", help="Chỉ sáp nhập đơn vị cùng lĩnh vực / merge only within a field"
        ),
    ] = False,
    max_merged: Annotated[
        int,
        typer.Option("--max-merged", help="Số đơn vị tối đa gộp thành một / most units merged"),
    ] = 3,
    under: Annotated[
        str | None,
        typer.Option("--under", help="Sắp xếp các đơn vị trực thuộc đơn vị này / parent unit"),
    ] = None,
    effective: Annotated[
        str | None,
        typer.Option("--effective", help="Ngày hiệu lực của phương án / effective date"),
    ] = None,
    plan_id: Annotated[
        str, typer.Option("--plan-id", help="Mã đề án được ghi / id of the plan written")
    ] = "proposed",
    order: Annotated[
        str,
        typer.Option(
            "--order",
            help="Thứ tự chọn lãnh đạo: post, rank, years / the order leaders are chosen by",
        ),
    ] = "post,rank,years",
    prefer: Annotated[
        list[str] | None,
        typer.Option(
            "--prefer",
            help="Ưu tiên người này (mã) khi chọn lãnh đạo / put this person first (their id)",
        ),
    ] = None,
    time_limit: Annotated[
        float, typer.Option("--time-limit", help="Giây tối đa cho bộ giải / solver seconds")
    ] = 30.0,
    output_format: FormatOpt = OutputFormat.TEXT,
) -> None:
    """Đề xuất phương án sắp xếp / Propose a lawful restructuring.

    Ít phòng nhất, rồi ít lãnh đạo nhất, rồi ít người phải chuyển nhất, theo quy định có hiệu
    lực ngày --effective (mặc định: --on). Ghi tệp dự án kèm đề án --plan-id.
    Fewest units, then fewest leaders, then fewest people moved, under the law in force on the
    effective date; writes the project with the plan under --plan-id.
    """
    from tinhgon.io import dump_project
    from tinhgon.planning.leaders import OrderError
    from tinhgon.planning.proposer import (
        Constraints,
        PlanningError,
        Unsatisfiable,
        as_of,
        propose,
    )

    project = read_project(file)
    day = option_date(on, "--on")
    when = option_date(effective, "--effective") if effective else day
    if plan_id in project.plans:
        fail(
            f"--plan-id: tệp đã có đề án '{plan_id}': chọn mã khác "
            f"(the file already has a plan '{plan_id}': choose another id)"
        )
    known, dropped = as_of(project, day)
    constraints = Constraints(
        effective=when,
        max_units=max_departments,
        max_leaders=max_leaders,
        keep=frozenset(keep or ()),
        groups=_groups(group or []),
        same_field=same_field,
        max_merged=max_merged,
        parent=under,
        order=tuple(x.strip() for x in order.split(",") if x.strip()),
        prefer=tuple(prefer or ()),
        time_limit=time_limit,
    )
    try:
        proposal = propose(known, on=day, constraints=constraints, plan_id=plan_id)
    except Unsatisfiable as error:
        out.print(error.vi, markup=False)
        out.print(error.en, markup=False)
        raise typer.Exit(EXIT_UNSATISFIABLE) from None
    except (PlanningError, OrderError) as error:
        fail(f"{error.vi} ({error.en})")
    except TinhgonError as error:
        fail(f"{error.vi} ({error.en})")
    result: Project = known.with_plan(proposal.plan)
    write_atomically(output, dump_project(result))
    if output_format is OutputFormat.JSON:
        print_json({**proposal.as_dict(), "output": str(output), "history_cut": dropped})
        return
    _print_proposal(proposal, known, output, dropped)


def _print_proposal(proposal: Proposal, project: Project, output: Path, dropped: int) -> None:
    state = project.state_on(proposal.effective)
    names = {u.id: u.name for u in state.units.values()}
    out.print(
        f"[bold]{project.agency.name} — phương án đề xuất, hiệu lực {vn_date(proposal.effective)}"
        "[/bold]"
    )
    out.print(
        f"Số đơn vị / units: {proposal.units_before} → {proposal.units_after}; "
        f"lãnh đạo / leaders: {proposal.leaders_before} → {proposal.leaders_after}; "
        f"số người chuyển đơn vị / people moved: {proposal.moved}",
        markup=False,
    )
    best = "tối ưu / optimal" if proposal.optimal else "tốt nhất tìm được / best found"
    out.print(f"Kết quả của bộ giải / solver result: {best}", markup=False)
    for into, sources in proposal.merges:
        merged = ", ".join(names.get(s, s) for s in sources)
        out.print(f"  Sáp nhập {merged} vào {names.get(into, into)}", markup=False)
    if proposal.retirements:
        people = ", ".join(project.people[p].full_name for p in proposal.retirements)
        out.print(f"Nghỉ hưu trước ngày hiệu lực / retiring before: {people}", markup=False)

    def post(role: Role, unit_id: str) -> str:
        unit = state.units.get(unit_id)
        return unit.kind.post(role, unit.name) if unit else f"{role.vi} {unit_id}"

    out.print("Lãnh đạo sau sắp xếp / leaders after:", markup=False)
    for o in proposal.leaders:
        if o.role_after is not Role.STAFF:
            out.print(
                f"  {o.name}: {post(o.role_after, o.unit_after)} "
                f"(trước / before: {post(o.role_before, o.unit_before)})",
                markup=False,
            )
    if proposal.without_post:
        out.print("Lãnh đạo không còn chức vụ / leaders left without a post:", markup=False)
        for o in proposal.without_post:
            out.print(f"  {o.name} ({post(o.role_before, o.unit_before)})", markup=False)
    out.print(f"Kiểm tra / check: {findings_text(proposal.report.summary())}", markup=False)
    if not proposal.lawful:
        out.print(
            "Phương án còn vi phạm mà bộ giải không lường trước; xem `tinhgon check` / the plan "
            "still breaks rules the solver did not foresee:",
            markup=False,
        )
        for finding in proposal.report.findings:
            if finding.severity.value == "violation":
                out.print(f"  - {finding.text_vi()}", markup=False)
    if dropped:
        out.print(
            f"Lưu ý: {dropped} thay đổi chính thức sau ngày {vn_date(proposal.on)} không được ghi "
            "vào tệp kết quả (phương án thay cho chúng). / Note: "
            f"{dropped} official change(s) after {proposal.on.isoformat()} are left out of the "
            "output (the proposal replaces them).",
            markup=False,
        )
    out.print(f"Đã ghi / written: {output} (đề án / plan '{proposal.plan.id}')", markup=False)


class SurplusFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    XLSX = "xlsx"


@app.command("surplus")
def surplus_command(
    file: FileArg,
    plan: Annotated[str, typer.Option("--plan", help="Mã đề án / the plan's id")],
    output_format: Annotated[
        SurplusFormat, typer.Option("--format", help="Định dạng / output format")
    ] = SurplusFormat.TEXT,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            help="Tệp Excel (với --format xlsx; mặc định TỆP-doi-du-MÃ.xlsx) / the Excel file",
        ),
    ] = None,
    decision: Annotated[
        str | None,
        typer.Option(
            "--decision",
            help="Ngày quyết định sắp xếp có hiệu lực (mặc định: ngày đầu của đề án) / the "
            "date the restructuring decision takes effect",
        ),
    ] = None,
) -> None:
    """Người dôi dư và chế độ / Surplus staff and their allowances.

    Lãnh đạo thôi giữ chức vụ, người thôi công tác, người vượt biên chế; với mỗi người: ngày
    nghỉ hưu, nghỉ hưu trước tuổi hoặc thôi việc (trong 12 tháng và từ tháng thứ 13), phụ cấp
    được bảo lưu, kèm phép tính, căn cứ và độ tin cậy.
    """
    from tinhgon.cli.planning_output import surplus_lines, write_surplus_xlsx
    from tinhgon.planning.proposer import PlanningError
    from tinhgon.planning.surplus import surplus_of

    project = read_project(file)
    decided = option_date(decision, "--decision") if decision else None
    try:
        report = surplus_of(project, plan, decision_on=decided)
    except (PlanningError, TinhgonError) as error:
        fail(f"{error.vi} ({error.en})")
    if output_format is SurplusFormat.JSON:
        print_json(report.as_dict())
        return
    if output_format is SurplusFormat.XLSX:
        if output is None:
            output = Path(f"{file.stem}-doi-du-{plan}.xlsx")
        write_surplus_xlsx(report, output)
        out.print(f"Đã ghi / written: {output}", markup=False)
        return
    for line in surplus_lines(report):
        out.print(line, markup=False)


@app.command("forecast")
def forecast_command(
    file: FileArg,
    until: Annotated[int, typer.Option("--until", help="Đến năm / up to the year")],
    start: Annotated[
        str | None,
        typer.Option(
            "--from",
            help="Dự báo từ ngày (mặc định: ngày của thay đổi chính thức cuối cùng) / forecast "
            "from (default: the date of the last official change)",
        ),
    ] = None,
    plan: Annotated[
        list[str] | None,
        typer.Option(
            "--plan",
            help="Tính cả đề án này (mặc định: các đề án đã phê duyệt) / include this plan "
            "(default: the approved plans)",
        ),
    ] = None,
    output_format: FormatOpt = OutputFormat.TEXT,
) -> None:
    """Dự báo biên chế và chỉ tiêu / Headcount forecast and targets.

    Số người từng năm (ngày 31/12) theo đơn vị và loại, từ việc nghỉ hưu và các đề án; mỗi chỉ
    tiêu: đạt hay không, năm đạt, còn thiếu bao nhiêu.
    """
    from tinhgon.cli.planning_output import forecast_lines
    from tinhgon.planning.forecast import forecast_of
    from tinhgon.planning.proposer import PlanningError

    project = read_project(file)
    last = project.timeline.last_date
    if start:
        begin = option_date(start, "--from")
    elif last is not None:
        begin = last
    else:
        fail("lịch sử trống (the history is empty)")
    try:
        result = forecast_of(project, start=begin, until=until, plans=plan)
    except (PlanningError, TinhgonError) as error:
        fail(f"{error.vi} ({error.en})")
    if output_format is OutputFormat.JSON:
        print_json(result.as_dict())
        return
    for line in forecast_lines(result, project.agency.name):
        out.print(line, markup=False)


@app.command("scenarios")
def scenarios_command(
    file: FileArg,
    plan: Annotated[
        list[str], typer.Option("--plan", help="Mã đề án (nhiều lần) / a plan's id (repeat)")
    ],
    output_format: FormatOpt = OutputFormat.TEXT,
) -> None:
    """So sánh phương án / Scenarios side by side.

    Mỗi đề án: số phòng, lãnh đạo, số người, vi phạm, người dôi dư, tổng trợ cấp nếu nghỉ trong
    12 tháng. For each plan: metrics, findings, surplus staff and total allowances.
    """
    from tinhgon.planning.allowances import money
    from tinhgon.planning.proposer import PlanningError
    from tinhgon.planning.scenarios import compare_scenarios

    project = read_project(file)
    try:
        rows = compare_scenarios(project, plan)
    except (PlanningError, TinhgonError) as error:
        fail(f"{error.vi} ({error.en})")
    if output_format is OutputFormat.JSON:
        print_json([r.as_dict() for r in rows])
        return
    for r in rows:
        m = r.metrics
        out.print(
            f"{r.title} ({r.plan_id}, {vn_date(r.on)}): {m.departments} phòng, "
            f"{m.department_leaders} lãnh đạo cấp phòng, {m.staff} người; "
            f"{findings_text(r.findings)}; {len(r.surplus.people)} người dôi dư; "
            f"trợ cấp nếu nghỉ trong 12 tháng {money(r.allowances_within)}",
            markup=False,
        )
