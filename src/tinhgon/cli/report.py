"""report: the before/after report in Word (Decree 30/2020 format), PDF or an Excel annex."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from tinhgon.cli.main import app, fail, option_date, out, read_project
from tinhgon.domain import Project, TinhgonError

if TYPE_CHECKING:
    from tinhgon.reports import ReportData, ReportFormat, ReportOptions, ReportTexts

# The report libraries (matplotlib, reportlab, python-docx) load only when a report is made.
_FORMAT_VI = {"docx": "Word", "pdf": "PDF", "xlsx": "phụ lục Excel"}
_BLANK_DATE = ("blank", "trong", "trống")


def read_texts(path: Path | None) -> ReportTexts:
    """The person-only texts of a report from a YAML (or JSON) file: --text FILE."""
    from tinhgon.reports import ReportTexts, texts_from_mapping

    if path is None:
        return ReportTexts()
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        content = path.read_text(encoding="utf-8")
    except OSError as error:
        fail(f"không đọc được tệp '{path}': {error.strerror or error} (cannot read '{path}')")
    except UnicodeDecodeError:
        fail(f"tệp '{path}' không phải văn bản UTF-8 ('{path}' is not UTF-8 text)")
    try:
        data = YAML(typ="safe", pure=True).load(content)
    except YAMLError as error:
        fail(f"tệp '{path}': không đọc được nội dung YAML ({error}) ('{path}': not YAML)")
    try:
        return texts_from_mapping(data, str(path))
    except TinhgonError as error:
        fail(f"{error.vi} ({error.en})")


def for_agency(project: Project, agency: str | None) -> Project:
    """--agency: the project seen from one agency inside it, where the project can do so."""
    if agency is None:
        return project
    narrow = getattr(project, "for_agency", None)
    if narrow is None:
        fail(
            "--agency: tệp dự án này chỉ có một cơ quan; chưa hỗ trợ chọn cơ quan "
            "(--agency: this version holds one agency per project)"
        )
    try:
        chosen: Project = narrow(agency)
    except TinhgonError as error:
        fail(f"--agency: {error.vi} ({error.en})")
    return chosen


def write_with_notes(data: ReportData, output: Path, fmt: ReportFormat) -> Path | None:
    """Write the document and, when there is anything to say, the drafter's note beside it."""
    from tinhgon.reports import ReportFormat, notes_path, write_notes, write_report

    try:
        write_report(data, output, fmt)
        note = None
        if data.drafter_notes and fmt is not ReportFormat.XLSX:
            note = notes_path(output)
            write_notes(data, note)
    except OSError as error:
        fail(f"không ghi được tệp '{output}': {error.strerror or error} (cannot write '{output}')")
    return note


def _issue_date(value: str | None) -> tuple[dt.date | None, bool]:
    if value is None:
        return None, False
    if value.strip().lower() in _BLANK_DATE:
        return None, True
    return option_date(value, "--date"), False


def issuing_options(date: str | None, recipient: list[str] | None, **fields: Any) -> ReportOptions:
    """The issuing details of a report or a plan's paper from the command's options (--date
    may be a date or 'để trống' for a blank date line)."""
    from tinhgon.reports import ReportOptions

    issued_on, blank = _issue_date(date)
    return ReportOptions(
        issued_on=issued_on, blank_date=blank, recipients=tuple(recipient or ()), **fields
    )


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
    text: Annotated[
        Path | None,
        typer.Option(
            "--text",
            help="Tệp YAML các phần do người soạn viết (van_ban_yeu_cau, chi_dao, uu_diem, "
            "nguyen_nhan, phuong_huong, kien_nghi) / the person-written sections",
            show_default=False,
        ),
    ] = None,
    agency: Annotated[
        str | None,
        typer.Option("--agency", help="Cơ quan trong dự án / agency inside the project"),
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

    Word (.docx) hoặc PDF (.pdf): tình hình triển khai, kết quả, đánh giá, phương hướng, kiến
    nghị (các phần do người soạn viết: --text); ghi chú cho người soạn thảo ghi riêng vào tệp
    <tên>.ghi-chu.txt; .xlsx: các bảng của báo cáo làm phụ lục Excel.
    Word or PDF: the report as agencies write it (person-written parts from --text); the
    drafter's note goes to <name>.ghi-chu.txt; .xlsx: the report's tables as an Excel annex.
    """
    from tinhgon.reports import build_report, format_of

    try:
        fmt = format_of(output)
    except TinhgonError as error:
        fail(f"{error.vi} ({error.en})")
    texts = read_texts(text)
    project = for_agency(read_project(file), agency)
    day_before = option_date(before, "--before")
    day_after = option_date(after, "--after")
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
        superior=superior,
        subject=subject,
        bases=tuple(basis or ()),
    )
    try:
        data = build_report(
            project, before=day_before, after=day_after, plan=plan, options=options, texts=texts
        )
    except TinhgonError as error:
        fail(f"{error.vi} ({error.en})")
    note = write_with_notes(data, output, fmt)
    out.print(
        f"Đã ghi báo cáo ({_FORMAT_VI[fmt]}): {output} — {data.agency_name}, "
        f"{day_before:%d/%m/%Y} → {day_after:%d/%m/%Y}"
        + (f", đề án '{plan}'" if plan else "")
        + f". (Report written: {output}.)",
        markup=False,
    )
    if note is not None:
        out.print(f"Ghi chú cho người soạn thảo: {note} (drafter's note)", markup=False)
