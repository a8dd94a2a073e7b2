"""example: write an example project (the 2025 reorganisation of the country from real data),
or the national dataset (illustrative people on the real 2025 tree)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from tinhgon.cli import progress
from tinhgon.cli.main import app, fail, out
from tinhgon.domain import TinhgonError


class ExampleName(StrEnum):
    VN2025 = "vn2025"
    NATIONAL = "national"


@app.command()
def example(
    name: Annotated[ExampleName, typer.Argument(help="Ví dụ / example: vn2025, national")],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="Tệp dự án YAML, hoặc thư mục (national) / project file, or folder (national)",
        ),
    ],
    people: Annotated[
        int | None,
        typer.Option("--people", help="national: số người / number of people", min=0),
    ] = None,
    seed: Annotated[
        int | None,
        typer.Option("--seed", help="national: hạt giống ngẫu nhiên (mặc định 1) / seed"),
    ] = None,
) -> None:
    """Ghi một dự án ví dụ / Write an example project.

    vn2025: đơn vị hành chính cả nước tại ngày 30/06/2025 và phương án sắp xếp 'vn2025' hiệu
    lực từ 01/07/2025, từ dữ liệu của gói vietnamadminunits (pip install 'tinhgon[data]').
    vn2025: the country's administrative units on 30/06/2025 and the plan 'vn2025' effective
    01/07/2025, from the vietnamadminunits package's data.

    national: bộ dữ liệu minh họa cả nước (--people người, --seed) trên cây đơn vị hành chính
    năm 2025; --output là tệp .yaml (một tệp dự án) hoặc thư mục (mỗi tỉnh một tệp và
    national.json). Cùng --people và --seed thì cùng nội dung.
    national: an illustrative national dataset (--people, --seed) on the 2025 tree; --output
    is a .yaml file (one project) or a folder (one file per province and national.json).
    """
    if name is ExampleName.NATIONAL:
        _national(output, people, seed)
        return
    if people is not None or seed is not None:
        fail(
            "--people và --seed chỉ dùng với ví dụ 'national' "
            "(--people and --seed apply to the 'national' example only)"
        )
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


def _national(output: Path, people: int | None, seed: int | None) -> None:
    from tinhgon.io.national import is_file_output, write_national

    if people is None:
        fail("ví dụ 'national' cần --people N (the 'national' example needs --people N)")
    seed = 1 if seed is None else seed
    summary: dict[str, Any]
    try:
        with progress.progress_bar() as bar:
            summary = write_national(people, seed, output, progress=bar)
    except TinhgonError as error:
        fail(f"{error.vi} ({error.en})")
    except OSError as error:
        fail(f"không ghi được '{output}': {error.strerror or error} (cannot write '{output}')")
    counts = summary["counts"]
    form = "tệp" if is_file_output(output) else "thư mục"
    out.print(
        f"Đã ghi {form} {output}: {counts['provinces']} tỉnh, thành phố, {counts['units']} đơn "
        f"vị, {counts['people']} người, {counts['changes']} thay đổi (hạt giống {seed}). "
        f"({output} written: {counts['provinces']} provinces, {counts['units']} units, "
        f"{counts['people']} people, {counts['changes']} changes, seed {seed}.)",
        markup=False,
    )
