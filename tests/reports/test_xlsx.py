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

HEADER_ROW = 4


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
        "Kiểm tra",
        "Văn bản",
    ]
    assert len(workbook.sheetnames) == len(report.tables)


def test_each_sheet_has_its_title_and_the_report_period_above_the_headers(workbook: Any):
    ws = workbook["Trước và sau"]

    assert ws["A1"].value == "Bảng 1. Tổ chức bộ máy, biên chế trước và sau sắp xếp"
    assert ws["A1"].font.b
    assert ws["A2"].value == (
        "Ban Quản lý Khu kinh tế tỉnh Kon Tum: từ ngày 01/01/2018 đến ngày 31/12/2019"
    )


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
    assert header(workbook["Kiểm tra"]) == [
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
    assert first.number_format == "0"
    assert change.number_format == "+0;-0;0"


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
        "Quyết định số 1055/QĐ-UBND ngày 15/10/2018",
    )


def test_the_documents_sheet_lists_the_cited_documents_and_flags_illustrative_ones(
    workbook: Any,
):
    rows = {r[0]: r for r in records(workbook["Văn bản"])}

    assert rows["82/2018/NĐ-CP"][1:3] == ("Nghị định", dt.datetime(2018, 5, 22))
    assert rows["1055/QĐ-UBND"][5] == "có"


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
    assert workbook["Trước và sau"]["A5"].value == "Phòng chuyên môn và tương đương"


def test_the_same_report_gives_the_same_annex_whenever_it_is_written(report: ReportData):
    first, second = io.BytesIO(), io.BytesIO()

    write_xlsx(report, first)
    write_xlsx(report, second)

    assert first.getvalue() == second.getvalue()
    workbook = openpyxl.load_workbook(io.BytesIO(first.getvalue()))
    assert workbook.properties.modified == dt.datetime(2020, 2, 5)
