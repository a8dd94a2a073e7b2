"""import, template and export: Excel and CSV in and out (docs/excel.md)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Annotated

import typer

from tinhgon.cli import progress
from tinhgon.cli.lazy import lazy_module
from tinhgon.cli.main import (
    OnOpt,
    app,
    fail,
    option_date,
    out,
    read_project,
    state_or_fail,
    vn_date,
)

if TYPE_CHECKING:
    from tinhgon import law
    from tinhgon.io.errors import ConfirmationNeeded, SpreadsheetError
    from tinhgon.io.staff_import import ImportResult
else:
    law = lazy_module("tinhgon.law")

# The spreadsheet libraries load only when a command here runs (`tinhgon --help` stays quick).

PRINTED_PROBLEMS = 200
IMPORTING = "Nhập tệp (bước: đọc, kiểm tra, ghi) / importing (steps: read, check, write)"

template_app = typer.Typer(
    help="Mẫu Excel trống để điền / A blank Excel template to fill in.",
    no_args_is_help=True,
)
export_app = typer.Typer(
    help="Xuất Excel và tệp dự án / Export to Excel and to a project file.",
    no_args_is_help=True,
)
app.add_typer(template_app, name="template")
app.add_typer(export_app, name="export")

OutputOpt = Annotated[
    Path, typer.Option("--output", "-o", help="Tệp kết quả / output file", show_default=False)
]
ProjectArg = Annotated[
    Path, typer.Argument(help="Tệp dự án YAML / project file", show_default=False)
]
PlanOpt = Annotated[
    str | None,
    typer.Option("--plan", help="Áp dụng đề án này / apply this plan (its id)", show_default=False),
]
OrderOpt = Annotated[
    str,
    typer.Option(
        "--order",
        help="Thứ tự: name (theo tên, kiểu Việt Nam) hoặc unit (theo đơn vị, lãnh đạo trước) / "
        "order by name, or by unit with leaders first",
    ),
]


def _xlsx_export() -> ModuleType:
    from tinhgon.io import xlsx_export

    return xlsx_export


def _xlsx(path: Path) -> Path:
    if path.suffix.lower() != ".xlsx":
        fail(
            f"--output: tệp kết quả phải có đuôi .xlsx ({path}) (the output must be an .xlsx file)"
        )
    return path


def _order(value: str) -> str:
    if value not in ("name", "unit"):
        fail(f"--order: chọn name hoặc unit, không phải '{value}' (choose name or unit)")
    return value


# -- import ----------------------------------------------------------------------------------


def error_copy_path(file: Path) -> Path:
    """nhan-su.xlsx → nhan-su.loi.xlsx, beside the input."""
    return file.with_name(f"{file.stem}.loi.xlsx")


def _write_atomically(path: Path, text: str) -> None:
    """Write beside the target and rename over it: a crash leaves the old file whole."""
    handle, temporary = tempfile.mkstemp(
        dir=path.parent or Path("."), prefix=f".{path.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


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
            _fail_problems(refused, None)
        step.advance()
        try:
            result = import_workbook(book, project, options)
        except SpreadsheetError as error:
            copy = error_copy_path(file)
            try:
                write_error_copy(copy, book, error.problems)
            except OSError:
                _fail_problems(error, None)
            _fail_problems(error, copy)
        except ConfirmationNeeded as asked:
            _ask(asked)
        step.advance()
        if not dry_run:
            _write_atomically(into, dump_project(result.project))
            step.advance()
    _print_summary(file, into, result, dry_run)
    if dry_run:
        out.print("Không ghi tệp (--dry-run). (Nothing written.)")


def _fail_problems(error: SpreadsheetError, copy: Path | None) -> None:
    problems = error.problems
    lines = [str(p) for p in problems[:PRINTED_PROBLEMS]]
    if len(problems) > PRINTED_PROBLEMS:
        more = len(problems) - PRINTED_PROBLEMS
        lines.append(f"… và {more} lỗi khác (and {more} more)")
    count = len(problems)
    if error.asked is not None:
        lines.append(
            "Sau khi sửa, cần xác nhận thêm (after fixing, to confirm as well; see --create-units, "
            "--accept-matches, --accept-warnings):"
        )
        lines.extend(f"  {p}" for p in error.asked.items[:PRINTED_PROBLEMS])
    lines.append(f"Không nhập gì: {count} lỗi. (Nothing was imported: {count} problem(s).)")
    if copy is not None:
        lines.append(f"Bản sao có cột 'Lỗi' / a copy with an error column: {copy}")
    fail("\n".join(lines))


def _ask(asked: ConfirmationNeeded) -> None:
    """What the import waits for: printed with the flag that confirms it; nothing written."""
    lines: list[str] = []
    for items, flag, vi, en in (
        (asked.units, "--create-units", "Đơn vị mới sẽ thành lập", "new units to create"),
        (
            asked.matches,
            "--accept-matches",
            "Khớp theo họ tên, ngày sinh cần xác nhận",
            "matches by name and birth date to confirm",
        ),
        (asked.warnings, "--accept-warnings", "Cảnh báo cần xác nhận", "warnings to acknowledge"),
    ):
        if not items:
            continue
        lines.append(f"{vi} ({en}): {len(items)} — thêm {flag} để xác nhận (add {flag})")
        lines.extend(f"  {p}" for p in items[:PRINTED_PROBLEMS])
    lines.append("Không ghi gì: cần xác nhận. (Nothing was written: confirmation needed.)")
    fail("\n".join(lines))


_KIND_ORDER = (
    "create",
    "rename",
    "move",
    "set_quota",
    "hire",
    "transfer",
    "appoint",
    "relieve",
    "leave",
)


def _print_summary(file: Path, into: Path, result: ImportResult, dry_run: bool) -> None:
    verb = "Sẽ nhập" if dry_run else "Đã nhập"
    action = "tạo tệp dự án mới" if result.created else "cập nhật"
    out.print(
        f"{verb} {file.name} vào {into} ({action}) tại ngày {vn_date(result.on)}, căn cứ "
        f"{result.basis.symbol}: {len(result.changes)} thay đổi.",
        markup=False,
    )
    labels: dict[str, str] = {}
    for change in result.changes:
        labels.setdefault(change.kind, f"{change.label.vi} / {change.label.en}")
    for kind in _KIND_ORDER:
        if result.counts.get(kind):
            out.print(f"  {labels[kind]}: {result.counts[kind]}", markup=False)
    if result.created_units:
        out.print(
            f"  đơn vị mới thành lập / units created: {len(result.created_units)}: "
            + ", ".join(f"{name} ({uid})" for uid, name in result.created_units),
            markup=False,
        )
    if result.matched:
        out.print(
            f"  khớp chắc chắn theo họ tên, ngày sinh, đơn vị / certain matches by name, birth "
            f"date and unit: {len(result.matched)} người",
            markup=False,
        )
        for pid, name, row in result.matched[:30]:
            out.print(f"    {name} ({pid}), dòng {row}", markup=False)
        if len(result.matched) > 30:
            out.print(f"    … và {len(result.matched) - 30} người khác", markup=False)
    if result.updated:
        out.print(
            f"  cập nhật thông tin / details updated: {len(result.updated)} người", markup=False
        )
        for pid, name, fields in result.updated[:30]:
            out.print(f"    {name} ({pid}): {', '.join(fields)}", markup=False)
        if len(result.updated) > 30:
            out.print(f"    … và {len(result.updated) - 30} người khác", markup=False)
    if result.absent:
        out.print(
            f"Lưu ý: {len(result.absent)} người đang công tác tại ngày {vn_date(result.on)} không có "
            "trong danh sách; vẫn giữ nguyên (dùng --complete nếu danh sách là đầy đủ). "
            f"({len(result.absent)} people on the staff are not in the list; kept.)",
            markup=False,
        )
        retiring = {pid: when for pid, _, when in result.retiring}
        for pid, name in result.absent[:30]:
            note = (
                f" — đã đến tuổi nghỉ hưu ngày {vn_date(retiring[pid])}: đề nghị ghi nghỉ hưu "
                "(--complete)"
                if pid in retiring
                else ""
            )
            out.print(f"    {name} ({pid}){note}", markup=False)
        if len(result.absent) > 30:
            out.print(f"    … và {len(result.absent) - 30} người khác", markup=False)
    for vi, en in result.notices:
        out.print(f"Lưu ý: {vi} ({en})", markup=False)


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
    _xlsx_export().write_template(_xlsx(output), "staff", rating_years=rating_year or ())
    out.print(f"Đã ghi mẫu danh sách nhân sự: {output} (blank staff list written)", markup=False)


@template_app.command("structure")
def template_structure(output: OutputOpt) -> None:
    """Mẫu cơ cấu tổ chức / A blank structure (units) sheet."""
    _xlsx_export().write_template(_xlsx(output), "structure")
    out.print(f"Đã ghi mẫu cơ cấu tổ chức: {output} (blank structure written)", markup=False)


@template_app.command("workbook")
def template_workbook(output: OutputOpt, rating_year: RatingYearsOpt = None) -> None:
    """Mẫu đầy đủ: Cơ quan, Đơn vị, Nhân sự / All three sheets, for a new project."""
    _xlsx_export().write_template(_xlsx(output), "workbook", rating_years=rating_year or ())
    out.print(f"Đã ghi mẫu đầy đủ: {output} (blank workbook written)", markup=False)


# -- exports -----------------------------------------------------------------------------------


@export_app.command("staff")
def export_staff_command(
    file: ProjectArg, on: OnOpt, output: OutputOpt, plan: PlanOpt = None, order: OrderOpt = "name"
) -> None:
    """Danh sách nhân sự tại một ngày / The staff list on a date."""
    project = read_project(file)
    state = state_or_fail(project, option_date(on, "--on"), plan)
    count = _xlsx_export().export_staff(_xlsx(output), project, state, order=_order(order))
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
    count = _xlsx_export().export_structure(_xlsx(output), project, state)
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
    units, staff = _xlsx_export().export_workbook(
        _xlsx(output), project, state, order=_order(order)
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
    count = _xlsx_export().export_findings(_xlsx(output), report)
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
    _write_atomically(output, dump_project(project))
    out.print(f"Đã ghi {output}. (written)", markup=False)
