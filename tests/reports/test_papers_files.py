"""The papers written to Word and PDF and read back: the articles' bold "Điều 1.", the
signature row that cannot split, headings kept with what follows; and the Word files rendered
by LibreOffice, the signature block on the same page as the last article."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from tinhgon.domain import Project
from tinhgon.reports import (
    ReportData,
    build_decision,
    build_proposal,
    build_submission,
    notes_path,
    notes_text,
    write_docx,
    write_notes,
    write_pdf,
)

from .conftest import ARTIFACTS, keep

DRAFT = "phuong-an-3-phong"
BUILD = {"quyet-dinh": build_decision, "to-trinh": build_submission, "de-an": build_proposal}


@pytest.fixture(scope="module", params=sorted(BUILD))
def paper(request: pytest.FixtureRequest, kontum: Project) -> tuple[str, ReportData]:
    name = request.param
    return name, BUILD[name](kontum, DRAFT)


@pytest.fixture(scope="module")
def files(
    paper: tuple[str, ReportData], tmp_path_factory: pytest.TempPathFactory
) -> tuple[ReportData, Path, Path]:
    name, data = paper
    folder = tmp_path_factory.mktemp(name)
    word, pdf = folder / f"kontum-{name}.docx", folder / f"kontum-{name}.pdf"
    write_docx(data, word)
    write_pdf(data, pdf)
    return data, keep(word), keep(pdf)


def cant_split(row: Any) -> bool:
    flag = row._tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}")
    return flag is not None and flag.get(qn("w:val")) in ("true", "1", None)


def test_the_signature_row_cannot_split_and_what_precedes_it_keeps_with_it(files: Any):
    data, word, _ = files
    document = docx.Document(str(word))
    signature = document.tables[-1]

    assert len(signature.rows) == 1
    assert cant_split(signature.rows[0])
    assert "Nơi nhận:" in signature.cell(0, 0).text
    assert data.signature.title in signature.cell(0, 1).text
    last = document.paragraphs[-1]
    assert last.text  # the closing line, or a decision's last article
    assert last.paragraph_format.keep_with_next


def test_headings_and_table_captions_keep_with_what_follows(files: Any):
    data, word, _ = files
    document = docx.Document(str(word))
    headings = {b.text for b in data.body if b.__class__.__name__ == "Heading"}
    captions = {t.title for t in data.tables if not t.annex_only and t is not data.info}

    found = [p for p in document.paragraphs if p.text in headings | captions]
    assert len(found) >= len(headings)
    assert all(p.paragraph_format.keep_with_next for p in found)
    for table in document.tables[1:-1]:
        assert all(cant_split(row) for row in table.rows)


def test_the_pdf_says_what_the_paper_says(files: Any):
    data, _, pdf = files
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())

    assert data.document_type in text
    assert " ".join(data.subject.split()) in text
    assert "Nơi nhận:" in text
    if data.kind == "quyết định":
        assert "Điều 1. Sáp nhập Phòng Quản lý tài nguyên và môi trường" in text
        assert "TM. ỦY BAN NHÂN DÂN" in text


def test_a_decisions_articles_open_with_a_bold_article_number(kontum: Project, tmp_path: Path):
    path = tmp_path / "qd.docx"
    write_docx(build_decision(kontum, DRAFT), path)
    document = docx.Document(str(path))

    first = next(p for p in document.paragraphs if p.text.startswith("Điều 1."))
    assert first.runs[0].text == "Điều 1. "
    assert first.runs[0].font.bold
    assert not first.runs[1].font.bold
    decides = next(p for p in document.paragraphs if p.text == "QUYẾT ĐỊNH:")
    assert all(r.font.bold for r in decides.runs)
    bases = [p for p in document.paragraphs if p.text.startswith("Căn cứ ")]
    assert bases
    assert all(all(r.font.italic for r in p.runs) for p in bases)


def test_the_drafters_note_is_a_file_of_its_own(kontum: Project, tmp_path: Path):
    data = build_decision(kontum, DRAFT)
    note = notes_path(tmp_path / "qd.docx")

    write_notes(data, note)

    assert note.name == "qd.ghi-chu.txt"
    content = note.read_text("utf-8")
    assert content == notes_text(data)
    assert content.startswith("GHI CHÚ CHO NGƯỜI SOẠN THẢO (không thuộc nội dung văn bản)")
    assert "1. Số văn bản để trống" in content


def _libreoffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(_libreoffice() is None, reason="LibreOffice is not installed")
def test_libreoffice_keeps_the_signature_with_the_last_words_and_renders_png(
    files: Any, tmp_path: Path
):
    data, word, _ = files
    program = _libreoffice()
    assert program is not None
    subprocess.run(
        [
            program,
            f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(word),
        ],
        check=True,
        capture_output=True,
        timeout=240,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    converted = tmp_path / (word.stem + ".pdf")
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(converted).pages]
    last = pages[-1]

    assert "Nơi nhận:" in last
    assert data.signature.title in last
    if data.closing:
        assert data.closing[-12:] in last
    else:  # the paper ends with its last paragraph (a decision: its last article)
        assert data.body[-1].text[-30:] in last
    if shutil.which("pdftoppm"):
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "60",
                "-png",
                "-f",
                "1",
                "-l",
                "1",
                str(converted),
                str(tmp_path / word.stem),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        png = next(tmp_path.glob(f"{word.stem}*.png"))
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        shutil.copy(png, ARTIFACTS / f"{word.stem}-docx-trang-1.png")
        assert png.stat().st_size > 5_000


def test_the_proposals_annex_is_attached_to_the_proposal(kontum: Project, tmp_path: Path):
    import openpyxl

    from tinhgon.reports import write_xlsx

    path = tmp_path / "de-an.xlsx"
    write_xlsx(build_proposal(kontum, DRAFT), path)
    workbook = openpyxl.load_workbook(path)

    assert workbook.sheetnames == [
        "Thông tin",
        "Trước và sau",
        "Bố trí nhân sự",
        "Dự báo biên chế",
        "Tiến độ",
    ]
    sheet = workbook["Bố trí nhân sự"]
    assert sheet["A2"].value == "Phụ lục 02"
    assert sheet["A4"].value.startswith("(Kèm theo Đề án số")
    assert sheet["A5"].value == (
        "Phương án sáp nhập Phòng Tài nguyên và môi trường vào Phòng Quy hoạch và xây dựng "
        "(dự thảo)"
    )


def _last_lines(pdf: Path) -> list[str]:
    out = []
    for page in PdfReader(pdf).pages[:-1]:
        lines = [" ".join(line.split()) for line in page.extract_text().split("\n")]
        out.append([line for line in lines if line][-1])
    return out


def _sixty_headings(kontum: Project) -> tuple[ReportData, set[str]]:
    """A decision whose body is sixty headings, each over a paragraph of 1 to 7 sentences: some
    heading would fall at the foot of a page if nothing kept it with its paragraph."""
    import dataclasses

    from tinhgon.reports import Heading, Paragraph

    words = "Nội dung đoạn văn bản dùng để thử việc ngắt trang của tiêu đề."
    body = []
    for n in range(1, 61):
        body.append(Heading(f"{n}. Mục thử số {n:02d}", 2))
        body.append(Paragraph(" ".join([words] * (1 + n % 7))))
    data = dataclasses.replace(build_decision(kontum, DRAFT), body=tuple(body))
    return data, {b.text for b in body if isinstance(b, Heading)}


def test_no_heading_is_left_at_the_foot_of_a_pdf_page(kontum: Project, tmp_path: Path):
    data, headings = _sixty_headings(kontum)
    pdf = tmp_path / "thu.pdf"
    write_pdf(data, pdf)

    ends = _last_lines(pdf)
    assert len(ends) >= 5
    assert not [line for line in ends if line in headings]


def test_no_pdf_page_ends_with_a_heading_or_a_caption(files: Any):
    data, _, pdf = files
    titles = {b.text for b in data.body if b.__class__.__name__ == "Heading"}
    titles |= {t.title for t in data.tables if not t.annex_only and t is not data.info}
    titles |= {f.caption for f in data.figures}

    for number, page in enumerate(PdfReader(pdf).pages[:-1], start=1):
        lines = [" ".join(line.split()) for line in page.extract_text().split("\n")]
        last = [line for line in lines if line][-1]
        assert last not in titles, f"page {number} ends with '{last}'"


@pytest.mark.skipif(_libreoffice() is None, reason="LibreOffice is not installed")
def test_no_heading_is_left_at_the_foot_of_a_page_of_the_word_file(kontum: Project, tmp_path: Path):
    data, headings = _sixty_headings(kontum)
    word = tmp_path / "thu.docx"
    write_docx(data, word)
    program = _libreoffice()
    assert program is not None
    subprocess.run(
        [
            program,
            f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(word),
        ],
        check=True,
        capture_output=True,
        timeout=240,
        env={**os.environ, "HOME": str(tmp_path)},
    )

    ends = _last_lines(tmp_path / "thu.pdf")
    assert len(ends) >= 5
    assert not [line for line in ends if line in headings]
