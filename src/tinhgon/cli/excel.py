"""import, template and export: Excel and CSV in and out (docs/excel.md).

This module is the ``import`` command; what the import prints is in ``import_summary``, the
``template`` and ``export`` commands in ``excel_export``, what they share in ``excel_options``.
Every name is importable from here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tinhgon.cli import progress
from tinhgon.cli.excel_export import (
    RatingYearsOpt,
    export_findings_command,
    export_project_command,
    export_staff_command,
    export_structure_command,
    export_workbook_command,
    template_staff,
    template_structure,
    template_workbook,
)
from tinhgon.cli.excel_options import (
    OrderOpt,
    OutputOpt,
    PlanOpt,
    ProjectArg,
    export_app,
    template_app,
    write_atomically,
)
from tinhgon.cli.import_summary import PRINTED_PROBLEMS, ask, fail_problems, print_summary
from tinhgon.cli.main import app, option_date, out, read_project

__all__ = [
    "IMPORTING",
    "PRINTED_PROBLEMS",
    "OrderOpt",
    "OutputOpt",
    "PlanOpt",
    "ProjectArg",
    "RatingYearsOpt",
    "error_copy_path",
    "export_app",
    "export_findings_command",
    "export_project_command",
    "export_staff_command",
    "export_structure_command",
    "export_workbook_command",
    "import_",
    "template_app",
    "template_staff",
    "template_structure",
    "template_workbook",
]

IMPORTING = "Nhập tệp (bước: đọc, kiểm tra, ghi) / importing (steps: read, check, write)"


def error_copy_path(file: Path) -> Path:
    """nhan-su.xlsx → nhan-su.loi.xlsx, beside the input."""
    return file.with_name(f"{file.stem}.loi.xlsx")


@app.command("import")
def import_(
    file: Annotated[
        Path, typer.Argument(help="Tệp .xlsx hoặc .csv / spreadsheet", show_default=False)
    ],
    into: Annotated[
        Path,
        typer.Option(
            "--into",
            help="Tệp dự án để cập nhật; chưa có thì tạo mới / project file to update or create",
            show_default=False,
        ),
    ],
    on: Annotated[
        str | None,
        typer.Option(
            "--on", help="Ngày số liệu có hiệu lực / the date the data hold on", show_default=False
        ),
    ] = None,
    basis: Annotated[
        str | None,
        typer.Option(
            "--basis",
            help="Số, ký hiệu văn bản căn cứ / the basis document's symbol",
            show_default=False,
        ),
    ] = None,
    basis_date: Annotated[
        str | None,
        typer.Option(
            "--basis-date", help="Ngày ban hành văn bản căn cứ / its date", show_default=False
        ),
    ] = None,
    basis_title: Annotated[
        str | None,
        typer.Option(
            "--basis-title", help="Trích yếu văn bản căn cứ / its subject", show_default=False
        ),
    ] = None,
    basis_issuer: Annotated[
        str | None,
        typer.Option(
            "--basis-issuer",
            help="Cơ quan ban hành (mặc định: chính cơ quan) / issuer",
            show_default=False,
        ),
    ] = None,
    basis_kind: Annotated[
        str | None,
        typer.Option(
            "--basis-kind",
            help="Loại văn bản (mặc định: suy từ ký hiệu) / kind",
            show_default=False,
        ),
    ] = None,
    agency_id: Annotated[
        str | None,
        typer.Option("--agency-id", help="Mã cơ quan (dự án mới) / agency id", show_default=False),
    ] = None,
    agency_name: Annotated[
        str | None,
        typer.Option(
            "--agency-name", help="Tên cơ quan (dự án mới) / agency name", show_default=False
        ),
    ] = None,
    agency_kind: Annotated[
        str | None,
        typer.Option(
            "--agency-kind",
            help="Ban quản lý, Sở, Cơ quan (dự án mới) / its unit kind",
            show_default=False,
        ),
    ] = None,
    agency_type: Annotated[
        str | None,
        typer.Option(
            "--agency-type",
            help="economic_zone_board, provincial_department, public_service_unit, other",
            show_default=False,
        ),
    ] = None,
    complete: Annotated[
        bool,
        typer.Option(
            "--complete",
            help="Danh sách là đầy đủ: người vắng mặt thôi công tác từ ngày nhập / the list is "
            "complete: whoever is missing leaves the staff on the date",
        ),
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Chỉ kiểm tra, không ghi / check only, write nothing")
    ] = False,
    create_units: Annotated[
        bool,
        typer.Option(
            "--create-units",
            help="Thành lập các đơn vị mới mà danh sách nêu (đã in ra khi chạy không có cờ này) "
            "/ create the new units the list names (printed when run without it)",
        ),
    ] = False,
    accept_matches: Annotated[
        bool,
        typer.Option(
            "--accept-matches",
            help="Nhận các trường hợp khớp theo họ tên, ngày sinh còn nghi vấn / accept the "
            "doubtful matches by name and birth date",
        ),
    ] = False,
    accept_warnings: Annotated[
        bool,
        typer.Option(
            "--accept-warnings",
            help="Vẫn nhập dù có cảnh báo (cột không đọc, không có lãnh đạo) / import despite "
            "the warnings",
        ),
    ] = False,
) -> None:
    """Nhập nhân sự, cơ cấu từ Excel hoặc CSV / Import staff and structure from Excel or CSV.

    Kiểm tra toàn bộ tệp trước; có lỗi thì không ghi gì, in mọi lỗi và ghi bản sao có cột 'Lỗi'
    cạnh tệp nhập (docs/excel.md).

    Checks the whole file first; on any error nothing is written, every problem is printed and a
    copy with an error column is written beside the input.
    """
    project = read_project(into) if into.exists() else None
    from tinhgon.io import dump_project
    from tinhgon.io.errors import ConfirmationNeeded, FileRefused, SpreadsheetError
    from tinhgon.io.sheets import read_spreadsheet
    from tinhgon.io.staff_import import ImportOptions, import_workbook
    from tinhgon.io.xlsx_export import write_error_copy

    options = ImportOptions(
        on=option_date(on, "--on") if on else None,
        basis=basis or "",
        basis_date=option_date(basis_date, "--basis-date") if basis_date else None,
        basis_kind=basis_kind or "",
        basis_issuer=basis_issuer or "",
        basis_title=basis_title or "",
        agency_id=agency_id or "",
        agency_name=agency_name or "",
        agency_kind=agency_kind or "",
        agency_type=agency_type or "",
        complete=complete,
        create_units=create_units,
        accept_matches=accept_matches,
        accept_warnings=accept_warnings,
    )
    with progress.steps(IMPORTING, 3) as step:  # read, checked, written
        try:
            book = read_spreadsheet(file)
        except FileRefused as refused:
            fail_problems(refused, None)
        step.advance()
        try:
            result = import_workbook(book, project, options)
        except SpreadsheetError as error:
            copy = error_copy_path(file)
            try:
                write_error_copy(copy, book, error.problems)
            except OSError:
                fail_problems(error, None)
            fail_problems(error, copy)
        except ConfirmationNeeded as asked:
            ask(asked)
        step.advance()
        if not dry_run:
            write_atomically(into, dump_project(result.project))
            step.advance()
    print_summary(file, into, result, dry_run)
    if dry_run:
        out.print("Không ghi tệp (--dry-run). (Nothing written.)")
