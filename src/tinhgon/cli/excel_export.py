"""``tinhgon template`` and ``tinhgon export``: blank workbooks to fill in, and a project's
agency, structure, staff and findings on a date written to Excel (or the project file in its
normal form) (docs/excel.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from tinhgon.cli.excel_options import (
    OrderOpt,
    OutputOpt,
    PlanOpt,
    ProjectArg,
    export_app,
    order_choice,
    template_app,
    write_atomically,
    xlsx_export,
    xlsx_path,
)
from tinhgon.cli.lazy import lazy_module
from tinhgon.cli.main import OnOpt, fail, option_date, out, read_project, state_or_fail, vn_date

if TYPE_CHECKING:
    from tinhgon import law
else:
    law = lazy_module("tinhgon.law")

__all__ = [
    "RatingYearsOpt",
    "export_findings_command",
    "export_project_command",
    "export_staff_command",
    "export_structure_command",
    "export_workbook_command",
    "template_staff",
    "template_structure",
    "template_workbook",
]

# -- templates ---------------------------------------------------------------------------------


RatingYearsOpt = Annotated[
    list[int] | None,
    typer.Option(
        "--rating-year",
        help="Thêm cột 'Xếp loại NĂM' (lặp lại được) / add a rating column for the year",
        show_default=False,
    ),
]


@template_app.command("staff")
def template_staff(output: OutputOpt, rating_year: RatingYearsOpt = None) -> None:
    """Mẫu danh sách nhân sự / A blank staff list."""
    xlsx_export().write_template(xlsx_path(output), "staff", rating_years=rating_year or ())
    out.print(f"Đã ghi mẫu danh sách nhân sự: {output} (blank staff list written)", markup=False)


@template_app.command("structure")
def template_structure(output: OutputOpt) -> None:
    """Mẫu cơ cấu tổ chức / A blank structure (units) sheet."""
    xlsx_export().write_template(xlsx_path(output), "structure")
    out.print(f"Đã ghi mẫu cơ cấu tổ chức: {output} (blank structure written)", markup=False)


@template_app.command("workbook")
def template_workbook(output: OutputOpt, rating_year: RatingYearsOpt = None) -> None:
    """Mẫu đầy đủ: Cơ quan, Đơn vị, Nhân sự / All three sheets, for a new project."""
    xlsx_export().write_template(xlsx_path(output), "workbook", rating_years=rating_year or ())
    out.print(f"Đã ghi mẫu đầy đủ: {output} (blank workbook written)", markup=False)


# -- exports -----------------------------------------------------------------------------------


@export_app.command("staff")
def export_staff_command(
    file: ProjectArg, on: OnOpt, output: OutputOpt, plan: PlanOpt = None, order: OrderOpt = "name"
) -> None:
    """Danh sách nhân sự tại một ngày / The staff list on a date."""
    project = read_project(file)
    state = state_or_fail(project, option_date(on, "--on"), plan)
    count = xlsx_export().export_staff(xlsx_path(output), project, state, order=order_choice(order))
    out.print(
        f"Đã ghi {output}: {count} người tại ngày {vn_date(state.on)}. ({count} people)",
        markup=False,
    )


@export_app.command("structure")
def export_structure_command(
    file: ProjectArg, on: OnOpt, output: OutputOpt, plan: PlanOpt = None
) -> None:
    """Cơ cấu tổ chức tại một ngày / The structure on a date."""
    project = read_project(file)
    state = state_or_fail(project, option_date(on, "--on"), plan)
    count = xlsx_export().export_structure(xlsx_path(output), project, state)
    out.print(
        f"Đã ghi {output}: {count} đơn vị tại ngày {vn_date(state.on)}. ({count} units)",
        markup=False,
    )


@export_app.command("workbook")
def export_workbook_command(
    file: ProjectArg, on: OnOpt, output: OutputOpt, plan: PlanOpt = None, order: OrderOpt = "name"
) -> None:
    """Cơ quan, cơ cấu và nhân sự tại một ngày / Agency, structure and staff on a date.

    Một tệp nhập lại được vào dự án mới. One workbook that imports back into a new project.
    """
    project = read_project(file)
    state = state_or_fail(project, option_date(on, "--on"), plan)
    units, staff = xlsx_export().export_workbook(
        xlsx_path(output), project, state, order=order_choice(order)
    )
    out.print(
        f"Đã ghi {output}: {units} đơn vị, {staff} người tại ngày {vn_date(state.on)}. "
        f"({units} units, {staff} people)",
        markup=False,
    )


@export_app.command("findings")
def export_findings_command(
    file: ProjectArg, on: OnOpt, output: OutputOpt, plan: PlanOpt = None
) -> None:
    """Phát hiện khi kiểm tra theo quy định / Findings of the legal check on a date.

    Những gì 'tinhgon check' tìm thấy. What 'tinhgon check' finds.
    """
    project = read_project(file)
    day = option_date(on, "--on")
    state = state_or_fail(project, day, plan)
    try:
        parameters = law.load_parameters()
    except law.ParameterError as error:
        fail(
            f"{error}\nTệp tham số pháp lý không đọc được. (A legal parameter file cannot be read.)"
        )
    report = law.check_project(project, on=day, plan=plan, state=state, parameters=parameters)
    count = xlsx_export().export_findings(xlsx_path(output), report)
    out.print(
        f"Đã ghi {output}: {count} phát hiện tại ngày {vn_date(day)}. ({count} findings)",
        markup=False,
    )


@export_app.command("project")
def export_project_command(file: ProjectArg, output: OutputOpt) -> None:
    """Tệp dự án YAML dạng chuẩn / The project file in its normal form."""
    if output.suffix.lower() not in (".yaml", ".yml"):
        fail(f"--output: tệp dự án phải có đuôi .yaml ({output}) (the output must be a .yaml file)")
    from tinhgon.io import dump_project

    project = read_project(file)
    write_atomically(output, dump_project(project))
    out.print(f"Đã ghi {output}. (written)", markup=False)
