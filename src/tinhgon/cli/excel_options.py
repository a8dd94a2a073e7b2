"""What the spreadsheet commands share: the ``template`` and ``export`` command groups, the
options they take (output, project, plan, order), the check of an output's suffix and of the
order, and writing a file whole.

The spreadsheet libraries load only when a command runs (``tinhgon --help`` stays quick).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Annotated

import typer

from tinhgon.cli.main import app, fail

__all__ = [
    "OrderOpt",
    "OutputOpt",
    "PlanOpt",
    "ProjectArg",
    "export_app",
    "order_choice",
    "template_app",
    "write_atomically",
    "xlsx_export",
    "xlsx_path",
]

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


def xlsx_export() -> ModuleType:
    """tinhgon.io.xlsx_export, loaded when a command first writes a workbook."""
    from tinhgon.io import xlsx_export

    return xlsx_export


def xlsx_path(path: Path) -> Path:
    if path.suffix.lower() != ".xlsx":
        fail(
            f"--output: tệp kết quả phải có đuôi .xlsx ({path}) (the output must be an .xlsx file)"
        )
    return path


def order_choice(value: str) -> str:
    if value not in ("name", "unit"):
        fail(f"--order: chọn name hoặc unit, không phải '{value}' (choose name or unit)")
    return value


def write_atomically(path: Path, text: str) -> None:
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
