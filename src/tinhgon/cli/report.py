"""report: the before/after report in Word (Decree 30/2020 format), PDF or an Excel annex."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from tinhgon.cli.main import app, fail, option_date, out
from tinhgon.cli.structure import AgencyOpt, read_agency
from tinhgon.domain import TinhgonError
from tinhgon.reports import ReportFormat, ReportOptions, build_report, format_of, write_report

_FORMAT_VI = {
    ReportFormat.DOCX: "Word",
    ReportFormat.PDF: "PDF",
    ReportFormat.XLSX: "phụ lục Excel",
}
_BLANK_DATE = ("blank", "trong", "trống")


def _issue_date(value: str | None) -> tuple[dt.date | None, bool]:
    if value is None:
        return None, False
    if value.strip().lower() in _BLANK_DATE:
        return None, True
    return option_date(value, "--date"), False


@app.command()
def report(
    file: Annotated[Path, typer.Argument(help="Tệp dự án YAML / project file", show_default=False)],
    before: Annotated[str, typer.Option("--before", help="Ngày trước / before (yyyy-mm-dd)")],
    after: Annotated[str, typer.Option("--after", help="Ngày sau / after (yyyy-mm-dd)")],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="Tệp kết quả .docx, .pdf hoặc .xlsx / output file (format from the extension)",
            show_default=False,
        ),
    ],
    plan: Annotated[
        str | None,
        typer.Option("--plan", help="Áp dụng đề án này / apply this plan", show_default=False),
    ] = None,
    agency: AgencyOpt = None,
    number: Annotated[
        str | None,
        typer.Option(
            "--number",
            help="Số, ký hiệu, ví dụ 125/BC-BQLKKT (mặc định để trống để văn thư điền) / "
            "number (default: blank, for the records office)",
            show_default=False,
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            help="Ngày ghi ở dòng địa danh, ngày tháng (mặc định: ngày --after; 'trong' để "
            "trống) / date of the date line (default: the --after date; 'blank' to leave it blank)",
            show_default=False,
        ),
    ] = None,
    place: Annotated[
        str | None,
        typer.Option(
            "--place", help="Địa danh (mặc định: của cơ quan) / place", show_default=False
        ),
    ] = None,
    signer: Annotated[
        str | None,
        typer.Option(
            "--signer",
            help="Họ tên người ký (mặc định: người đứng đầu cơ quan) / signer's name",
            show_default=False,
        ),
    ] = None,
    signer_title: Annotated[
        str | None,
        typer.Option(
            "--signer-title",
            help="Chức vụ người ký, ví dụ TRƯỞNG BAN / signer's position",
            show_default=False,
        ),
    ] = None,
    authority: Annotated[
        str | None,
        typer.Option(
            "--authority",
            help="Thẩm quyền ký: TM., KT. hoặc TL. / signing authority mark",
            show_default=False,
        ),
    ] = None,
    on_behalf_of: Annotated[
        str | None,
        typer.Option(
            "--on-behalf-of",
            help="Ký thay, ký thừa lệnh cho ai, ví dụ TRƯỞNG BAN (dòng 'KT. TRƯỞNG BAN') / "
            "whom the signer signs for",
            show_default=False,
        ),
    ] = None,
    recipient: Annotated[
        list[str] | None,
        typer.Option(
            "--recipient",
            help="Nơi nhận, mỗi lần một dòng (mặc định: cơ quan cấp trên) / a recipient "
            "(repeatable)",
            show_default=False,
        ),
    ] = None,
    archive: Annotated[
        str,
        typer.Option("--archive", help="Lưu: VT, … (đơn vị soạn thảo, ví dụ VP) / filed copy"),
    ] = "",
    superior: Annotated[
        str | None,
        typer.Option(
            "--superior",
            help="Cơ quan cấp trên (mặc định: của cơ quan) / superior agency",
            show_default=False,
        ),
    ] = None,
    subject: Annotated[
        str | None,
        typer.Option(
            "--subject",
            help="Trích yếu (mặc định: Kết quả sắp xếp, kiện toàn tổ chức bộ máy…) / subject",
            show_default=False,
        ),
    ] = None,
    basis: Annotated[
        list[str] | None,
        typer.Option(
            "--basis",
            help="Thêm văn bản làm căn cứ (số, ký hiệu trong sổ văn bản, ví dụ 18-NQ/TW) / "
            "another document of the register to cite (repeatable)",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Báo cáo kết quả sắp xếp theo thể thức Nghị định 30/2020/NĐ-CP / The official report.

    Word (.docx) hoặc PDF (.pdf): trước và sau, các thay đổi và căn cứ, kết quả kiểm tra theo
    quy định, biểu đồ và sơ đồ tổ chức; .xlsx: các bảng của báo cáo làm phụ lục Excel.
    Word or PDF: before and after, the changes and their legal basis, the legal check, a chart
    and the org chart; .xlsx: the report's tables as an Excel annex.
    """
    try:
        fmt = format_of(output)
    except TinhgonError as error:
        fail(f"{error.vi} ({error.en})")
    project = read_agency(file, agency)
    day_before = option_date(before, "--before")
    day_after = option_date(after, "--after")
    issued_on, blank = _issue_date(date)
    options = ReportOptions(
        number=number,
        issued_on=issued_on,
        blank_date=blank,
        place=place,
        signer=signer,
        signer_title=signer_title,
        authority=authority,
        on_behalf_of=on_behalf_of,
        recipients=tuple(recipient or ()),
        archive=archive,
        superior=superior,
        subject=subject,
        bases=tuple(basis or ()),
    )
    try:
        data = build_report(project, before=day_before, after=day_after, plan=plan, options=options)
    except TinhgonError as error:
        fail(f"{error.vi} ({error.en})")
    try:
        write_report(data, output, fmt)
    except OSError as error:
        fail(f"không ghi được tệp '{output}': {error.strerror or error} (cannot write '{output}')")
    out.print(
        f"Đã ghi báo cáo ({_FORMAT_VI[fmt]}): {output} — {data.agency_name}, "
        f"{day_before:%d/%m/%Y} → {day_after:%d/%m/%Y}"
        + (f", đề án '{plan}'" if plan else "")
        + f". (Report written: {output}.)",
        markup=False,
    )
