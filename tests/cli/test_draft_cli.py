"""tinhgon draft proposal|submission|decision, and report --text: the files, the drafter's
note beside them, and the refusals (exit code 2)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from tinhgon.cli.main import app

EXAMPLE = str(Path(__file__).parents[2] / "examples" / "kontum-ez-board.yaml")
runner = CliRunner()


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args))


@pytest.mark.parametrize(
    ("paper", "kind", "said"),
    [
        ("proposal", "ĐỀ ÁN", "Phần III. PHƯƠNG ÁN SẮP XẾP"),
        ("submission", "TỜ TRÌNH", "Kính gửi: Ủy ban nhân dân tỉnh Kon Tum"),
        ("decision", "QUYẾT ĐỊNH", "Điều 2. Đổi tên Phòng Quản lý quy hoạch và xây dựng"),
    ],
)
def test_draft_writes_each_paper_in_word_and_its_note(
    tmp_path: Path, paper: str, kind: str, said: str
):
    output = tmp_path / f"{paper}.docx"

    result = run("draft", paper, EXAMPLE, "--plan", "phuong-an-3-phong", "--output", str(output))

    assert result.exit_code == 0, result.stderr
    text = "\n".join(p.text for p in docx.Document(str(output)).paragraphs)
    assert kind in text
    assert said in text
    note = tmp_path / f"{paper}.ghi-chu.txt"
    assert note.is_file()
    assert str(note) in result.stdout
    assert "GHI CHÚ CHO NGƯỜI SOẠN THẢO" in note.read_text("utf-8")


def test_draft_writes_the_decision_as_pdf_with_the_options(tmp_path: Path):
    output = tmp_path / "qd.pdf"

    result = run(
        "draft",
        "decision",
        EXAMPLE,
        "--plan",
        "phuong-an-3-phong",
        "--output",
        str(output),
        "--number",
        "1234/QĐ-UBND",
        "--date",
        "2020-09-15",
        "--signer",
        "Nguyễn Văn A",
        "--archive",
        "NC",
    )

    assert result.exit_code == 0, result.stderr
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(output).pages).split())
    assert "Số: 1234/QĐ-UBND" in text
    assert "Kon Tum, ngày 15 tháng 9 năm 2020" in text
    assert "Nguyễn Văn A" in text
    assert "- Lưu: VT, NC." in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--plan", "khong-co", "--output", "x.docx"), "không có đề án 'khong-co'"),
        (("--plan", "phuong-an-3-phong", "--output", "x.txt"), "không được hỗ trợ"),
        (("--plan", "phuong-an-3-phong", "--output", "x.docx", "--agency", "vp"), "--agency"),
        (("--plan", "phuong-an-3-phong", "--output", "x.docx", "--date", "31/02/2020"), "--date"),
    ],
)
def test_draft_refuses_bad_input_with_exit_code_2(
    tmp_path: Path, args: tuple[str, ...], message: str
):
    fixed = tuple(str(tmp_path / a) if a.startswith("x.") else a for a in args)

    result = run("draft", "decision", EXAMPLE, *fixed)

    assert result.exit_code == 2
    assert message in result.stderr
    assert not any(tmp_path.iterdir())


def test_report_takes_the_person_written_sections_from_a_file(tmp_path: Path):
    texts = tmp_path / "phan-viet.yaml"
    texts.write_text(
        "van_ban_yeu_cau: Công văn số 15/SNV-TCBC ngày 06/01/2020 của Sở Nội vụ tỉnh Kon Tum\n"
        "nguyen_nhan: |\n  Biên chế được giao giảm hằng năm.\n"
        "kien_nghi: Đề nghị giao bổ sung 02 biên chế công chức.\n",
        encoding="utf-8",
    )
    output = tmp_path / "bc.docx"

    result = run(
        "report",
        EXAMPLE,
        "--before",
        "2018-01-01",
        "--after",
        "2019-12-31",
        "--text",
        str(texts),
        "--output",
        str(output),
    )

    assert result.exit_code == 0, result.stderr
    text = "\n".join(p.text for p in docx.Document(str(output)).paragraphs)
    assert "Công văn số 15/SNV-TCBC ngày 06/01/2020 của Sở Nội vụ tỉnh Kon Tum, Ban" in text
    assert "Biên chế được giao giảm hằng năm." in text
    assert "Đề nghị giao bổ sung 02 biên chế công chức." in text
    assert (tmp_path / "bc.ghi-chu.txt").is_file()


def test_report_refuses_a_text_file_with_an_unknown_section(tmp_path: Path):
    texts = tmp_path / "sai.yaml"
    texts.write_text("ket_luan: Không có mục này\n", encoding="utf-8")

    result = run(
        "report",
        EXAMPLE,
        "--before",
        "2018-01-01",
        "--after",
        "2019-12-31",
        "--text",
        str(texts),
        "--output",
        str(tmp_path / "bc.docx"),
    )

    assert result.exit_code == 2
    assert f"tệp '{texts}', mục 'ket_luan'" in result.stderr
    assert not (tmp_path / "bc.docx").exists()
