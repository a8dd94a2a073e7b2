"""tinhgon report: the three formats, the issuing options and every refusal (exit code 2)."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from tinhgon.cli.main import app

EXAMPLE = str(Path(__file__).parents[2] / "examples" / "kontum-ez-board.yaml")
DATES = ("--before", "2018-01-01", "--after", "2019-12-31")
runner = CliRunner()


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args))


def test_report_writes_the_word_report_with_the_issuing_details(tmp_path: Path):
    output = tmp_path / "bao-cao.docx"

    result = run(
        "report",
        EXAMPLE,
        *DATES,
        "--output",
        str(output),
        "--number",
        "125/BC-BQLKKT",
        "--date",
        "05/02/2020",
        "--authority",
        "KT.",
        "--signer",
        "Trần Thị Thu Hà",
        "--recipient",
        "UBND tỉnh Kon Tum (b/c)",
        "--recipient",
        "Sở Nội vụ",
        "--archive",
        "VP",
    )

    assert result.exit_code == 0, result.stderr
    assert "Đã ghi báo cáo (Word)" in result.stdout
    document = docx.Document(str(output))
    header = document.tables[0]
    assert header.cell(1, 0).paragraphs[0].text == "Số: 125/BC-BQLKKT"
    assert header.cell(1, 1).paragraphs[0].text == "Kon Tum, ngày 05 tháng 02 năm 2020"
    signature = [p.text for p in document.tables[-1].cell(0, 1).paragraphs if p.text]
    assert signature == ["KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Trần Thị Thu Hà"]
    recipients = [p.text for p in document.tables[-1].cell(0, 0).paragraphs if p.text]
    assert recipients == [
        "Nơi nhận:",
        "- UBND tỉnh Kon Tum (b/c);",
        "- Sở Nội vụ;",
        "- Lưu: VT, VP.",
    ]


def test_report_writes_the_pdf(tmp_path: Path):
    output = tmp_path / "bao-cao.pdf"

    result = run("report", EXAMPLE, *DATES, "-o", str(output))

    assert result.exit_code == 0, result.stderr
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(output).pages).split())
    assert "giảm từ 06 phòng xuống còn 04 phòng" in text
    assert "Kon Tum, ngày 31 tháng 12 năm 2019" in text  # the --after date by default


def test_report_writes_the_excel_annex(tmp_path: Path):
    output = tmp_path / "phu-luc.XLSX"

    result = run("report", EXAMPLE, *DATES, "-o", str(output))

    assert result.exit_code == 0, result.stderr
    assert "Trước và sau" in openpyxl.load_workbook(output).sheetnames


def test_a_blank_date_leaves_the_day_and_month_to_fill_in(tmp_path: Path):
    output = tmp_path / "bao-cao.docx"

    result = run("report", EXAMPLE, *DATES, "-o", str(output), "--date", "trống")

    assert result.exit_code == 0, result.stderr
    line = docx.Document(str(output)).tables[0].cell(1, 1).paragraphs[0].text
    assert line.replace("\u00a0", " ") == "Kon Tum, ngày      tháng      năm 2019"


def test_a_plan_is_reported_as_planned(tmp_path: Path):
    output = tmp_path / "de-an.docx"

    result = run(
        "report",
        EXAMPLE,
        "--before",
        "2019-12-31",
        "--after",
        "2020-12-31",
        "--plan",
        "phuong-an-3-phong",
        "-o",
        str(output),
    )

    assert result.exit_code == 0, result.stderr
    text = "\n".join(p.text for p in docx.Document(str(output)).paragraphs)
    assert "dự kiến giảm từ 04 phòng xuống còn 03 phòng" in text


def test_a_wrong_extension_is_refused_in_vietnamese_and_nothing_is_written(tmp_path: Path):
    output = tmp_path / "bao-cao.odt"

    result = run("report", EXAMPLE, *DATES, "-o", str(output))

    assert result.exit_code == 2
    assert "định dạng '.odt' không được hỗ trợ" in result.stderr
    assert ".docx (Word), .pdf hoặc .xlsx" in result.stderr
    assert not output.exists()


def test_an_unknown_plan_is_refused(tmp_path: Path):
    result = run("report", EXAMPLE, *DATES, "--plan", "khong-co", "-o", str(tmp_path / "x.docx"))

    assert result.exit_code == 2
    assert "không có đề án 'khong-co'" in result.stderr


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (("--number", "5/BC-BQLKKT"), "số phải viết là 05"),
        (("--number", "82/2018/NĐ-CP"), "văn bản hành chính"),
        (("--authority", "XYZ"), "thẩm quyền ký 'XYZ' không hợp lệ"),
        (("--date", "31/02/2020"), "--date: ngày '31/02/2020' không có thật"),
        (("--basis", "999/QĐ-UBND"), "không có văn bản 999/QĐ-UBND"),
    ],
)
def test_malformed_options_are_refused(tmp_path: Path, options: tuple[str, ...], message: str):
    output = tmp_path / "x.pdf"

    result = run("report", EXAMPLE, *DATES, "-o", str(output), *options)

    assert result.exit_code == 2
    assert message in result.stderr
    assert not output.exists()


def test_dates_in_the_wrong_order_are_refused(tmp_path: Path):
    result = run(
        "report",
        EXAMPLE,
        "--before",
        "2019-12-31",
        "--after",
        "2018-01-01",
        "-o",
        str(tmp_path / "x.pdf"),
    )

    assert result.exit_code == 2
    assert "phải sau ngày trước" in result.stderr


def test_a_missing_project_file_is_refused(tmp_path: Path):
    result = run("report", str(tmp_path / "none.yaml"), *DATES, "-o", str(tmp_path / "x.pdf"))

    assert result.exit_code == 2


def test_an_unwritable_output_is_refused(tmp_path: Path):
    result = run("report", EXAMPLE, *DATES, "-o", str(tmp_path / "no-such-folder" / "x.xlsx"))

    assert result.exit_code == 2
    assert "không ghi được tệp" in result.stderr
