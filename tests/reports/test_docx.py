"""The Word report read back with python-docx: page, margins, fonts, sizes, the header of
Decree 30/2020 (RULES.md §7), the numbers, the recipients and the signature."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm

from tinhgon.domain import Project
from tinhgon.reports import ReportData, ReportOptions, build_report, write_docx

from .conftest import AFTER, BEFORE


@pytest.fixture(scope="module")
def document(docx_file: Path) -> Any:
    return docx.Document(str(docx_file))


def paragraphs(document: Any) -> Iterator[Any]:
    """Every paragraph, in the body and in table cells."""
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def find(document: Any, text: str) -> Any:
    matches = [p for p in paragraphs(document) if p.text == text]
    assert matches, f"no paragraph {text!r}"
    return matches[0]


def runs(paragraph: Any) -> list[Any]:
    return [r for r in paragraph.runs if r.text.strip()]


def sizes(paragraph: Any) -> set[float]:
    return {r.font.size.pt for r in runs(paragraph)}


def all_bold(paragraph: Any) -> bool:
    return all(r.font.bold for r in runs(paragraph))


def all_italic(paragraph: Any) -> bool:
    return all(r.font.italic for r in runs(paragraph))


def test_the_page_is_a4_portrait(document: Any):
    section = document.sections[0]

    assert round(section.page_width.mm) == 210
    assert round(section.page_height.mm) == 297
    assert section.page_width < section.page_height


def test_the_margins_are_within_the_ranges_of_decree_30(document: Any):
    section = document.sections[0]

    assert Mm(20) <= section.top_margin <= Mm(25)
    assert Mm(20) <= section.bottom_margin <= Mm(25)
    assert Mm(30) <= section.left_margin <= Mm(35)
    assert Mm(15) <= section.right_margin <= Mm(20)


def test_every_run_is_times_new_roman_in_black_for_every_script(document: Any):
    checked = 0
    for paragraph in paragraphs(document):
        for run in runs(paragraph):
            assert run.font.name == "Times New Roman", run.text
            fonts = run._element.rPr.find(qn("w:rFonts"))
            assert fonts.get(qn("w:hAnsi")) == "Times New Roman"
            assert fonts.get(qn("w:eastAsia")) == "Times New Roman"
            assert str(run.font.color.rgb) == "000000"
            checked += 1
    assert checked > 100
    assert document.styles["Normal"].font.name == "Times New Roman"


def test_the_national_title_is_upper_case_bold_12_to_13(document: Any):
    title = find(document, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")

    assert sizes(title) <= {12.0, 13.0}
    assert sizes(title)
    assert all_bold(title)


def test_the_motto_is_bold_13_to_14_with_spaces_around_the_hyphens(document: Any):
    motto = find(document, "Độc lập - Tự do - Hạnh phúc")

    assert sizes(motto) <= {13.0, 14.0}
    assert sizes(motto)
    assert all_bold(motto)


def test_a_rule_is_drawn_under_the_motto_and_under_the_agency(document: Any):
    header = document.tables[0]
    for cell in (header.cell(0, 0), header.cell(0, 1)):
        ruled = [
            p for p in cell.paragraphs if p._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}") is not None
        ]
        assert len(ruled) == 1
        assert ruled[0].text == ""
        assert cell.paragraphs[-1]._p is ruled[0]._p


def test_the_superior_agency_is_not_bold_and_the_agency_is_bold(document: Any):
    left = document.tables[0].cell(0, 0)
    superior, agency = (p for p in left.paragraphs if p.text)

    assert superior.text == "ỦY BAN NHÂN DÂN TỈNH KON TUM"
    assert not any(r.font.bold for r in runs(superior))
    # Too wide for its column: broken in two balanced lines, not one word left alone.
    assert agency.text == "BAN QUẢN LÝ KHU\nKINH TẾ TỈNH KON TUM"
    assert all_bold(agency)


def test_the_number_line_and_the_date_line_share_the_headers_second_row(document: Any):
    header = document.tables[0]
    number = header.cell(1, 0).paragraphs[0]
    date = header.cell(1, 1).paragraphs[0]

    assert number.text == "Số: 125/BC-BQLKKT"
    assert date.text == "Kon Tum, ngày 05 tháng 02 năm 2020"
    assert all_italic(date)
    assert not any(r.font.italic for r in runs(number))


def test_the_document_type_and_subject_are_bold_centred(document: Any, report: ReportData):
    kind = find(document, "BÁO CÁO")
    subject = find(document, report.subject)

    assert sizes(kind) <= {13.0, 14.0}
    assert sizes(kind)
    assert all_bold(kind)
    assert all_bold(subject)
    assert kind.alignment == subject.alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_the_body_is_13_to_14_and_justified(document: Any):
    body = [
        p
        for p in document.paragraphs
        if p.text.startswith(("Thực hiện", "Tại ngày", "Trên đây", "- Sáp nhập", "Qua rà soát"))
    ]

    assert len(body) >= 5
    for paragraph in body:
        assert sizes(paragraph), paragraph.text
        assert sizes(paragraph) <= {13.0, 14.0}, paragraph.text
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY


def test_the_body_states_06_to_04_16_to_11_and_03_to_02(document: Any):
    text = "\n".join(p.text for p in document.paragraphs)

    assert "giảm từ 06 phòng xuống còn 04 phòng" in text
    assert "giảm từ 16 đồng chí xuống còn 11 đồng chí" in text
    assert "giảm từ 03 đơn vị xuống còn 02 đơn vị" in text


def test_table_text_is_10_to_12(document: Any):
    data_tables = document.tables[1:-1]  # between the header and the signature

    assert len(data_tables) == 2  # the other tables are in the Excel annex
    for table in data_tables:
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    assert sizes(paragraph) <= {10.0, 11.0, 12.0}, paragraph.text


def test_the_before_after_table_holds_the_numbers(document: Any):
    table = document.tables[1]
    rows = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in table.rows}

    # Counts as the text writes them ("06").
    assert rows["Phòng chuyên môn và tương đương"] == ["06", "04", "-02"]
    assert rows["Lãnh đạo cấp phòng và tương đương"] == ["16", "11", "-05"]
    assert rows["Đơn vị sự nghiệp công lập"] == ["03", "02", "-01"]
    assert rows["Tổng số người làm việc"] == ["64", "64", "0"]
    assert [c.text for c in table.rows[0].cells] == [
        "Chỉ tiêu",
        "Ngày 01/01/2018",
        "Ngày 31/12/2019",
        "Tăng (+), giảm (-)",
    ]


def test_the_recipients_heading_is_bold_italic_12_and_recipients_11(document: Any):
    cell = document.tables[-1].cell(0, 0)
    heading, *recipients = (p for p in cell.paragraphs if p.text)

    assert heading.text == "Nơi nhận:"
    assert sizes(heading) == {12.0}
    assert all_bold(heading)
    assert all_italic(heading)
    assert [p.text for p in recipients] == [
        "- UBND tỉnh Kon Tum (b/c);",
        "- Sở Nội vụ tỉnh Kon Tum;",
        "- Lưu: VT, VP.",
    ]
    assert all(sizes(p) == {11.0} for p in recipients)
    assert all(p.text.endswith(";") for p in recipients[:-1])
    assert recipients[-1].text.startswith("- Lưu: VT")
    assert recipients[-1].text.endswith(".")


def test_the_signature_block_is_bold_upper_case_then_the_signers_name(document: Any):
    cell = document.tables[-1].cell(0, 1)
    lines = [p for p in cell.paragraphs if p.text]

    assert [p.text for p in lines] == ["TRƯỞNG BAN", "Nguyễn Văn Hùng"]
    assert all(all_bold(p) for p in lines)


def test_an_authority_mark_heads_the_signature_block(kontum: Project, tmp_path: Path):
    options = ReportOptions(authority="KT.", signer="Trần Thị Thu Hà")
    data = build_report(kontum, before=BEFORE, after=AFTER, options=options)
    path = tmp_path / "kt.docx"

    write_docx(data, path)

    cell = docx.Document(str(path)).tables[-1].cell(0, 1)
    lines = [p for p in cell.paragraphs if p.text]
    assert [p.text for p in lines] == ["KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Trần Thị Thu Hà"]
    assert all(all_bold(p) for p in lines)


@pytest.mark.parametrize(
    ("issued", "expected"),
    [
        (dt.date(2019, 1, 7), "Kon Tum, ngày 07 tháng 01 năm 2019"),
        (dt.date(2020, 10, 3), "Kon Tum, ngày 03 tháng 10 năm 2020"),
        (dt.date(2020, 4, 25), "Kon Tum, ngày 25 tháng 4 năm 2020"),
    ],
)
def test_the_date_line_in_the_document_follows_the_leading_zero_rule(
    kontum: Project, issued: dt.date, expected: str
):
    data = build_report(kontum, before=BEFORE, after=AFTER, options=ReportOptions(issued_on=issued))
    stream = io.BytesIO()

    write_docx(data, stream)

    document = docx.Document(io.BytesIO(stream.getvalue()))
    assert document.tables[0].cell(1, 1).paragraphs[0].text == expected


def test_figures_are_embedded_as_png(document: Any):
    images = [
        rel.target_part for rel in document.part.rels.values() if rel.reltype.endswith("/image")
    ]

    assert len(images) == 3  # org chart, before/after bars, headcount forecast
    assert all(image.blob.startswith(b"\x89PNG") for image in images)


def test_pages_after_the_first_are_numbered_in_the_header(document: Any):
    section = document.sections[0]

    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml


def test_the_documents_metadata_carry_the_report_date_not_the_clock(document: Any):
    props = document.core_properties

    assert props.created == dt.datetime(2020, 2, 5, tzinfo=dt.UTC)
    assert props.modified == props.created
    assert props.author == "Ban Quản lý Khu kinh tế tỉnh Kon Tum"
    assert props.title.startswith("Báo cáo kết quả sắp xếp")


def test_the_same_report_gives_the_same_word_file_whenever_it_is_written(report: ReportData):
    first, second = io.BytesIO(), io.BytesIO()

    write_docx(report, first)
    write_docx(report, second)

    assert first.getvalue() == second.getvalue()
    with zipfile.ZipFile(first) as archive:
        assert {info.date_time[:3] for info in archive.infolist()} == {(2020, 2, 5)}
