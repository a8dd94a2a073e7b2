"""Exports and templates, read back with openpyxl: headers, formats, order, drop-down lists."""

import datetime as dt

import openpyxl

from tests.io.spreadsheets import example
from tinhgon import law
from tinhgon.domain.vietnamese import name_sort_key
from tinhgon.io.xlsx_export import (
    export_findings,
    export_staff,
    export_structure,
    export_workbook,
    write_template,
)

D = dt.date(2019, 12, 31)


def header(sheet) -> list[str]:
    return [c.value for c in sheet[1]]


def test_the_staff_list_has_vietnamese_headers_a_frozen_header_row_and_column_widths(tmp_path):
    project = example()
    path = tmp_path / "ds.xlsx"

    count = export_staff(path, project, project.state_on(D))

    sheet = openpyxl.load_workbook(path)["Nhân sự"]
    assert count == 64
    assert header(sheet)[:10] == [
        "STT",
        "Mã",
        "Họ và tên",
        "Ngày sinh",
        "Giới tính",
        "Loại",
        "Số định danh cá nhân",
        "Mã đơn vị",
        "Đơn vị",
        "Chức vụ",
    ]
    assert header(sheet)[-2:] == ["Xếp loại 2016", "Xếp loại 2017"]
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["C"].width > 20
    assert sheet.auto_filter.ref is not None


def test_dates_are_real_dates_shown_dd_mm_yyyy_and_ids_are_text(tmp_path):
    project = example()
    path = tmp_path / "ds.xlsx"
    export_staff(path, project, project.state_on(D))

    sheet = openpyxl.load_workbook(path)["Nhân sự"]
    rows = {row[1].value: row for row in sheet.iter_rows(min_row=2)}

    born = rows["p001"][3]
    assert born.value == dt.datetime(1964, 3, 12)
    assert born.number_format == "dd/mm/yyyy"
    assert rows["p001"][6].value == "062064190069"
    assert rows["p001"][6].data_type == "s"
    assert rows["p001"][9].value == "Trưởng ban"
    assert rows["p004"][9].value == "Chánh Văn phòng"
    assert rows["p007"][9].value is None


def test_names_are_sorted_by_given_name_then_middle_then_family_name(tmp_path):
    project = example()
    path = tmp_path / "ds.xlsx"
    export_staff(path, project, project.state_on(D))

    names = [row[2].value for row in openpyxl.load_workbook(path)["Nhân sự"].iter_rows(min_row=2)]

    assert names == sorted(names, key=name_sort_key)
    assert names[0] == "Bùi Đức Anh"
    assert [row for row in names if row.endswith("Ngọc")] == ["Y Ngọc", "Phạm Thị Bích Ngọc"]


def test_the_staff_list_may_go_unit_by_unit_with_leaders_first(tmp_path):
    project = example()
    path = tmp_path / "ds.xlsx"
    export_staff(path, project, project.state_on(D), order="unit")

    rows = [
        [c.value for c in row]
        for row in openpyxl.load_workbook(path)["Nhân sự"].iter_rows(min_row=2)
    ]

    assert [(r[1], r[9]) for r in rows[:3]] == [
        ("p001", "Trưởng ban"),
        ("p002", "Phó Trưởng ban"),
        ("p003", "Phó Trưởng ban"),
    ]
    assert rows[3][8] == "Văn phòng"
    assert rows[3][9] == "Chánh Văn phòng"


def test_the_structure_lists_units_in_tree_order_with_leaders_and_quotas(tmp_path):
    project = example()
    path = tmp_path / "cc.xlsx"

    export_structure(path, project, project.state_on(D))

    sheet = openpyxl.load_workbook(path)["Đơn vị"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert header(sheet)[:5] == ["STT", "Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Trực thuộc"]
    assert "Biên chế công chức 2019" in header(sheet)
    assert [r[1] for r in rows] == ["bqlkkt", "vp", "qhxd", "tnmt", "qldtdn", "ttxtdt", "ttpthqlda"]
    assert rows[1][4] == "Ban Quản lý Khu kinh tế tỉnh Kon Tum"
    assert rows[1][7] == "Lê Văn Bình"
    assert rows[0][10] == 64
    assert sheet["C3"].alignment.indent == 1


def test_a_workbook_export_has_the_agency_the_structure_the_staff_and_a_guide(tmp_path):
    project = example()
    path = tmp_path / "all.xlsx"

    export_workbook(path, project, project.state_on(D))

    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Cơ quan", "Đơn vị", "Nhân sự", "Hướng dẫn"]
    agency = {row[0].value: row[1].value for row in book["Cơ quan"].iter_rows(min_row=2)}
    assert agency["Mã cơ quan"] == "bqlkkt"
    assert agency["Loại đơn vị"] == "Ban quản lý"
    assert agency["Tại ngày"] == dt.datetime(2019, 12, 31)


def test_the_template_has_headers_drop_down_lists_text_columns_and_a_guide(tmp_path):
    path = tmp_path / "mau.xlsx"

    write_template(path, "staff", rating_years=(2024,))

    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Nhân sự", "Hướng dẫn"]
    sheet = book["Nhân sự"]
    assert header(sheet)[-6:] == [
        "Xếp loại 2024",
        "Hệ số lương",
        "Hệ số phụ cấp chức vụ",
        "Hệ số phụ cấp khác",
        "Số tháng đóng BHXH bắt buộc",
        "BHXH tính đến ngày",
    ]
    assert sheet.max_row == 1
    assert sheet.freeze_panes == "A2"
    lists = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    assert lists["E2:E1001"] == '"Nam,Nữ"'
    assert lists["F2:F1001"] == '"cán bộ,công chức,viên chức,người lao động"'
    assert "Trưởng phòng" in lists["J2:J1001"]
    assert sheet.column_dimensions["G"].width >= 16
    assert sheet.column_dimensions["G"].number_format == "@"
    assert sheet.column_dimensions["D"].number_format == "dd/mm/yyyy"
    assert sheet["C1"].comment is not None
    guide = [row[0].value for row in book["Hướng dẫn"].iter_rows()]
    assert "Số định danh cá nhân" in guide
    assert "Xếp loại 2024" in guide


def test_the_findings_of_a_check_are_exported_with_their_citation(tmp_path):
    project = example()
    on = dt.date(2020, 12, 31)
    state = project.state_on(on, plan="phuong-an-3-phong")
    report = law.check(state, on=on, agency=project.agency)
    path = tmp_path / "phat-hien.xlsx"

    count = export_findings(path, report)

    sheet = openpyxl.load_workbook(path)["Phát hiện"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    # one violation, then the notes that no rule is held yet for the rules of later decrees
    assert (
        count
        == len(report.findings)
        == 1 + sum(1 for f in report.findings if f.detail.get("coverage") == "not_encoded")
    )
    assert header(sheet)[:8] == [
        "STT",
        "Mức độ",
        "Quy định",
        "Đơn vị",
        "Người",
        "Thực tế",
        "Giới hạn",
        "Nội dung",
    ]
    assert rows[0][1:7] == [
        "vi phạm",
        "EZ-1",
        "Phòng Quản lý quy hoạch, xây dựng và tài nguyên môi trường",
        None,
        3,
        2,
    ]
    assert rows[0][8].startswith("Nghị định 82/2018/NĐ-CP")
    assert sheet.freeze_panes == "A2"
