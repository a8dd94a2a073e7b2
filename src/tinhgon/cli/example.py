"""example: write an example project (the 2025 reorganisation of the country from real data)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from tinhgon.cli.main import app, fail, out
from tinhgon.domain import TinhgonError


class ExampleName(StrEnum):
    VN2025 = "vn2025"


@app.command()
def example(
    name: Annotated[ExampleName, typer.Argument(help="Ví dụ / example: vn2025")],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="Tệp dự án YAML sẽ ghi / project file to write"),
    ],
) -> None:
    """Ghi một dự án ví dụ / Write an example project.

    vn2025: đơn vị hành chính cả nước tại ngày 30/06/2025 và phương án sắp xếp 'vn2025' hiệu
    lực từ 01/07/2025, từ dữ liệu của gói vietnamadminunits (pip install 'tinhgon[data]').
    vn2025: the country's administrative units on 30/06/2025 and the plan 'vn2025' effective
    01/07/2025, from the vietnamadminunits package's data.
    """
    from tinhgon.io.vn2025 import vn2025_project  # loaded when used (a quick --help)
    from tinhgon.io.yamlsrc import dump_plain

    try:
        data = vn2025_project()
    except TinhgonError as error:
        fail(f"{error.vi} ({error.en})")
    try:
        output.write_text(dump_plain(data), encoding="utf-8")
    except OSError as error:
        fail(f"không ghi được tệp '{output}': {error.strerror or error} (cannot write '{output}')")
    units = len(data["units"])
    changes = len(data["plans"][0]["changes"])
    out.print(
        f"Đã ghi {output}: {units} đơn vị tại ngày 30/06/2025, đề án '{name.value}' với "
        f"{changes} thay đổi từ 01/07/2025. ({output} written: {units} units, {changes} changes.)",
        markup=False,
    )
