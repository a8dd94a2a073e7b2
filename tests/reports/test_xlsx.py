"""The Excel annex read back with openpyxl: a sheet a table, Vietnamese headers, values,
number and date formats, frozen header rows, landscape pages."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tinhgon.reports import ReportData, write_xlsx

HEADER_ROW = 7


@pytest.fixture(scope="module")
def workbook(xlsx_file: Path) -> Any:
    return openpyxl.load_workbook(xlsx_file)


def header(ws: Any) -> list[str]:
    return [c.value for c in ws[HEADER_ROW] if c.value is not None]


def records(ws: Any) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True)]


def test_there_is_one_sheet_for_each_table_of_the_report(workbook: Any, report: ReportData):
    assert workbook.sheetnames == [
        "Thông tin",
        "Trước và sau",
        "Biên chế",
        "Thay đổi",
        "Rà soát",
        "Dự báo biên chế",
        "Văn bản",
    ]
    assert len(workbook.sheetnames) == len(report.tables)


def test_each_sheet_is_an_annex_of_the_report_with_the_agencys_header(workbook: Any):
    ws = workbook["Trước và sau"]

    assert ws["A1"].value == "BAN QUẢN LÝ KHU KINH TẾ TỈNH KON TUM"
    assert ws["A1"].font.b
    assert ws["A2"].value == "Phụ lục 01"
    assert ws["A3"].value == "Bảng 1. Tổ chức bộ máy, biên chế trước và sau sắp xếp"
    assert ws["A3"].font.b
    assert ws["A4"].value == (
        "(Kèm theo Báo cáo số 125/BC-BQLKKT ngày 05/02/2020 của Ban Quản lý Khu kinh tế tỉnh "
        "Kon Tum)"
    )
    assert ws["A5"].value == "Từ ngày 01/01/2018 đến ngày 31/12/2019"
    assert ws["A6"].value == "Đơn vị tính: phòng, đơn vị, người"
    assert workbook["Biên chế"]["A6"].value == "Đơn vị tính: người"
    assert [workbook[n]["A2"].value for n in workbook.sheetnames] == [
        "Thông tin chung",
        *(f"Phụ lục {n:02d}" for n in range(1, len(workbook.sheetnames))),
    ]


def test_the_quota_sheet_ends_with_a_totals_row(workbook: Any, report: ReportData):
    rows = records(workbook["Biên chế"])
    expected = next(t for t in report.tables if t.sheet == "Biên chế").rows

    assert rows[-1] == (
        "Tổng cộng",
        None,
        46 + 2 + 7 + 8 + 7,
        43 + 2 + 6 + 7 + 6,
        44 + 2 + 7 + 15,
        43 + 2 + 6 + 13,
    )
    assert len(rows) == len(expected) + 1
    assert all(c.font.b for c in workbook["Biên chế"][HEADER_ROW + 1 + len(expected)])


def test_every_sheet_prints_its_page_number(workbook: Any):
    for ws in workbook.worksheets:
        assert ws.oddFooter.center.text == "&P"


def test_the_headers_are_vietnamese_bold_and_frozen(workbook: Any):
    for ws in workbook.worksheets:
        assert ws.freeze_panes == f"A{HEADER_ROW + 1}", ws.title
        assert all(c.font.b for c in ws[HEADER_ROW] if c.value is not None)
        assert ws.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
    assert header(workbook["Trước và sau"]) == [
        "Chỉ tiêu",
        "Ngày 01/01/2018",
        "Ngày 31/12/2019",
        "Tăng (+), giảm (-)",
    ]
    assert header(workbook["Thay đổi"]) == ["STT", "Ngày hiệu lực", "Nội dung thay đổi", "Căn cứ"]
    assert header(workbook["Rà soát"]) == [
        "STT",
        "Mức độ",
        "Đơn vị, cá nhân",
        "Nội dung",
        "Thực tế",
        "Giới hạn",
        "Căn cứ",
    ]


def test_counts_are_numbers_with_number_formats(workbook: Any):
    ws = workbook["Trước và sau"]
    rows = {r[0]: r[1:] for r in records(ws)}

    assert rows["Phòng chuyên môn và tương đương"] == (6, 4, -2)
    assert rows["Lãnh đạo cấp phòng và tương đương"] == (16, 11, -5)
    assert rows["Đơn vị sự nghiệp công lập"] == (3, 2, -1)
    first = ws.cell(row=HEADER_ROW + 1, column=2)
    change = ws.cell(row=HEADER_ROW + 1, column=4)
    assert first.data_type == "n"
    assert first.number_format == "00"  # "06", as the text writes it
    assert change.number_format == "+00;-00;0"


def test_dates_are_dates_formatted_dd_mm_yyyy(workbook: Any):
    ws = workbook["Thay đổi"]
    cell = ws.cell(row=HEADER_ROW + 1, column=2)

    assert cell.is_date
    assert cell.value == dt.datetime(2018, 11, 1)
    assert cell.number_format == "dd/mm/yyyy"
    info = {r[0]: r[1] for r in records(workbook["Thông tin"])}
    assert info["Từ ngày"] == dt.datetime(2018, 1, 1)
    assert info["Ngày báo cáo"] == dt.datetime(2020, 2, 5)
    assert info["Số, ký hiệu"] == "125/BC-BQLKKT"


def test_the_changes_sheet_lists_every_change_with_its_basis(workbook: Any, report: ReportData):
    rows = records(workbook["Thay đổi"])
    expected = next(t for t in report.tables if t.sheet == "Thay đổi").rows

    assert len(rows) == len(expected)
    assert rows[1][2:] == (
        "Sáp nhập Phòng Kế hoạch - Tổng hợp vào Văn phòng",
        "Quyết định số 1055/QĐ-UBND",
    )


def test_the_documents_sheet_lists_the_cited_documents(workbook: Any):
    rows = {r[0]: r for r in records(workbook["Văn bản"])}

    assert rows["18-NQ/TW"][1:4] == (
        "Nghị quyết",
        dt.datetime(2017, 10, 25),
        "Ban Chấp hành Trung ương Đảng",
    )
    assert rows["1055/QĐ-UBND"][3] == "Ủy ban nhân dân tỉnh Kon Tum"
    assert header(workbook["Văn bản"])[-1] == "Trích yếu"  # no software column


def test_empty_cells_stay_empty(workbook: Any):
    rows = records(workbook["Biên chế"])
    merged = next(r for r in rows if r[0].startswith("Trung tâm Phát triển hạ tầng và"))

    assert merged[2:4] == (None, None)
    assert merged[4:] == (15, 13)


def test_columns_have_widths_and_pages_are_landscape_a4(workbook: Any):
    for ws in workbook.worksheets:
        assert ws.column_dimensions["A"].width > 5
        assert ws.page_setup.orientation == "landscape"
        assert int(ws.page_setup.paperSize) == 9  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage


def test_the_annex_can_be_written_to_a_stream(report: ReportData):
    stream = io.BytesIO()

    write_xlsx(report, stream)

    workbook = openpyxl.load_workbook(io.BytesIO(stream.getvalue()))
    assert workbook["Trước và sau"]["A8"].value == "Phòng chuyên môn và tương đương"


def test_the_same_report_gives_the_same_annex_whenever_it_is_written(report: ReportData):
    first, second = io.BytesIO(), io.BytesIO()

    write_xlsx(report, first)
    write_xlsx(report, second)

    assert first.getvalue() == second.getvalue()
    workbook = openpyxl.load_workbook(io.BytesIO(first.getvalue()))
    assert workbook.properties.modified == dt.datetime(2020, 2, 5)
