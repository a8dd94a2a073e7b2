"""The PDF read back with pypdf: the same words as the Word report, Vietnamese diacritics
intact, A4 pages, the embedded font named in the metadata."""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from tinhgon.reports import ReportData, write_pdf
from tinhgon.reports.fonts import serif_font


@pytest.fixture(scope="module")
def reader(pdf_file: Path) -> PdfReader:
    return PdfReader(pdf_file)


@pytest.fixture(scope="module")
def text(reader: PdfReader) -> str:
    """The whole text on one line: a phrase may break across lines or pages."""
    raw = "\n".join(page.extract_text() for page in reader.pages)
    raw = re.sub(r"\n\d+\n", "\n", raw)  # page numbers
    return " ".join(unicodedata.normalize("NFC", raw).split())


@pytest.mark.parametrize(
    "phrase",
    [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "ỦY BAN NHÂN DÂN TỈNH KON TUM",
        "Số: 125/BC-BQLKKT",
        "Kon Tum, ngày 05 tháng 02 năm 2020",
        "BÁO CÁO",
        "giảm từ 06 phòng xuống còn 04 phòng",
        "giảm từ 16 đồng chí xuống còn 11 đồng chí",
        "giảm từ 03 đơn vị xuống còn 02 đơn vị",
        "Thực hiện Nghị quyết số 39-NQ/TW ngày 17/4/2015 của Bộ Chính trị",
        "Sáp nhập Phòng Kế hoạch - Tổng hợp vào Văn phòng",
        "khoản 1 Điều 187 Bộ luật Lao động năm 2012",
        "V. ĐỀ XUẤT, KIẾN NGHỊ",
        "Nơi nhận:",
        "- Lưu: VT, VP.",
        "TRƯỞNG BAN",
        "Nguyễn Văn Hùng",
    ],
)
def test_the_pdf_says_what_the_word_report_says_with_its_diacritics(text: str, phrase: str):
    assert phrase in text


def test_every_page_is_a4(reader: PdfReader):
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == (595, 842)


def test_the_font_is_embedded_and_named_in_the_metadata(reader: PdfReader):
    font = serif_font()
    names = set()
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            described = ref.get_object()
            descriptor = described["/FontDescriptor"]
            assert "/FontFile2" in descriptor  # embedded TrueType
            names.add(str(described["/BaseFont"]))
    family = font.family.replace(" ", "")
    assert all(family in n for n in names), names
    assert font.family in reader.metadata["/Creator"]
    assert font.family in reader.metadata["/Keywords"]


def test_the_metadata_carry_the_title_the_agency_and_the_report_date(reader: PdfReader):
    meta = reader.metadata

    assert meta["/Title"].startswith("Báo cáo kết quả sắp xếp")
    assert meta["/Author"] == "Ban Quản lý Khu kinh tế tỉnh Kon Tum"
    assert meta["/CreationDate"].startswith("D:20200205")


def test_pages_after_the_first_carry_their_number_at_the_top(reader: PdfReader):
    first = reader.pages[0].extract_text().split("\n")
    second = reader.pages[1].extract_text().split("\n")

    assert first[0] != "1"
    assert second[0].strip() == "2"


def test_the_same_report_gives_the_same_pdf(report: ReportData):
    first, second = io.BytesIO(), io.BytesIO()

    write_pdf(report, first)
    write_pdf(report, second)

    assert first.getvalue() == second.getvalue()
