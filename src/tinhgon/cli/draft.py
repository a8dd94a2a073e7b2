"""draft: the papers of a plan (đề án, tờ trình, quyết định) in Word or PDF."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from tinhgon.cli.main import app, fail, out, read_project
from tinhgon.cli.report import for_agency, issuing_options, write_with_notes
from tinhgon.domain import TinhgonError

# The report libraries load only when a paper is drafted (`tinhgon --help` stays quick).


class Paper(StrEnum):
    PROPOSAL = "proposal"
    SUBMISSION = "submission"
    DECISION = "decision"


_PAPER_VI = {
    Paper.PROPOSAL: "đề án",
    Paper.SUBMISSION: "tờ trình",
    Paper.DECISION: "dự thảo quyết định",
}


@app.command()
def draft(
    paper: Annotated[
        Paper,
        typer.Argument(
            help="proposal (đề án), submission (tờ trình) hoặc decision (quyết định)",
            show_default=False,
        ),
    ],
    file: Annotated[Path, typer.Argument(help="Tệp dự án YAML / project file", show_default=False)],
    plan: Annotated[str, typer.Option("--plan", help="Mã đề án / plan id", show_default=False)],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="Tệp kết quả .docx hoặc .pdf (.xlsx: phụ lục) / output file",
            show_default=False,
        ),
    ],
    agency: Annotated[
        str | None,
        typer.Option("--agency", help="Cơ quan trong dự án / agency inside the project"),
    ] = None,
    number: Annotated[
        str | None,
        typer.Option(
            "--number", help="Số, ký hiệu (mặc định để trống) / number", show_default=False
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            help="Ngày ghi ở dòng địa danh (mặc định để trống) / date of the date line",
            show_default=False,
        ),
    ] = None,
    place: Annotated[
        str | None, typer.Option("--place", help="Địa danh / place", show_default=False)
    ] = None,
    signer: Annotated[
        str | None, typer.Option("--signer", help="Họ tên người ký / signer", show_default=False)
    ] = None,
    signer_title: Annotated[
        str | None,
        typer.Option(
            "--signer-title", help="Chức vụ người ký / signer's position", show_default=False
        ),
    ] = None,
    authority: Annotated[
        str | None,
        typer.Option(
            "--authority", help="TM., KT. hoặc TL. / signing authority", show_default=False
        ),
    ] = None,
    on_behalf_of: Annotated[
        str | None,
        typer.Option("--on-behalf-of", help="Ký thay cho ai / signs for", show_default=False),
    ] = None,
    recipient: Annotated[
        list[str] | None,
        typer.Option(
            "--recipient", help="Nơi nhận (mỗi lần một dòng) / recipient", show_default=False
        ),
    ] = None,
    archive: Annotated[str, typer.Option("--archive", help="Lưu: VT, … / filed copy")] = "",
    subject: Annotated[
        str | None, typer.Option("--subject", help="Trích yếu / subject", show_default=False)
    ] = None,
) -> None:
    """Soạn đề án, tờ trình, dự thảo quyết định của một đề án / Draft a plan's papers.

    Theo thể thức Nghị định 30/2020/NĐ-CP; quyết định có mỗi thay đổi của đề án là một điều.
    Ghi chú cho người soạn thảo ghi riêng vào <tên>.ghi-chu.txt.
    Decree 30/2020 format; the decision has one article per change of the plan. The drafter's
    note goes to <name>.ghi-chu.txt.
    """
    from tinhgon.reports import PAPERS, format_of

    try:
        fmt = format_of(output)
    except TinhgonError as error:
        fail(f"{error.vi} ({error.en})")
    project = for_agency(read_project(file), agency)
    options = issuing_options(
        date,
        recipient,
        number=number,
        place=place,
        signer=signer,
        signer_title=signer_title,
        authority=authority,
        on_behalf_of=on_behalf_of,
        archive=archive,
        subject=subject,
    )
    try:
        data = PAPERS[paper.value](project, plan, options=options)
    except TinhgonError as error:
        fail(f"{error.vi} ({error.en})")
    note = write_with_notes(data, output, fmt)
    out.print(
        f"Đã ghi {_PAPER_VI[paper]} của đề án '{plan}': {output}. ({paper.value} written.)",
        markup=False,
    )
    if note is not None:
        out.print(f"Ghi chú cho người soạn thảo: {note} (drafter's note)", markup=False)
