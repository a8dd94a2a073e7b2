"""The import, template and export commands end to end, on real files."""

import datetime as dt
import shutil
from pathlib import Path

import openpyxl
import xlsxwriter
from typer.testing import CliRunner

from tests.io.spreadsheets import EXAMPLE, write_xlsx
from tinhgon.cli.main import app
from tinhgon.io import load_project

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, [str(a) for a in args])


def listing(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def test_an_exported_workbook_imports_into_a_new_project_file_that_loads(tmp_path):
    book = tmp_path / "kontum.xlsx"
    project = tmp_path / "moi.yaml"
    assert run("export", "workbook", EXAMPLE, "--on", "31/12/2019", "-o", book).exit_code == 0

    result = run(
        "import",
        book,
        "--into",
        project,
        "--basis",
        "05/BC-BQLKKT",
        "--basis-date",
        "31/12/2019",
        "--basis-title",
        "Danh sách cán bộ, công chức, viên chức năm 2019",
    )

    assert result.exit_code == 0, result.stderr
    assert "tạo tệp dự án mới" in result.stdout
    assert "tuyển dụng, tiếp nhận / hire: 64" in result.stdout
    loaded = load_project(project)
    assert len(loaded.state_on(dt.date(2019, 12, 31)).assignments) == 64


def test_an_import_with_errors_writes_nothing_and_a_copy_with_an_error_column(tmp_path):
    project = tmp_path / "du-an.yaml"
    shutil.copy(EXAMPLE, project)
    before = project.read_bytes()
    book = write_xlsx(
        tmp_path / "ds.xlsx",
        {
            "Nhân sự": [
                ["Họ và tên", "Ngày sinh", "Giới tính", "Loại", "Đơn vị"],
                ["Lê Thị Mới", "15/06/1996", "Nữ", "công chức", "Văn phòng"],
                ["Lê Văn Khác", "31/02/1990", "Nam", "công chức", "Văn phòng"],
            ]
        },
    )

    result = run("import", book, "--into", project, "--on", "31/12/2019", "--basis", "1402/QĐ-UBND")

    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "ds.xlsx: trang tính 'Nhân sự', dòng 3, cột B (Ngày sinh): ngày sinh 31/2/1990 không có "
        "thật (sheet 'Nhân sự', row 3, column B: birth date 1990-2-31 does not exist)",
        "Không nhập gì: 1 lỗi. (Nothing was imported: 1 problem(s).)",
        f"Bản sao có cột 'Lỗi' / a copy with an error column: {tmp_path / 'ds.loi.xlsx'}",
    ]
    assert project.read_bytes() == before
    copy = openpyxl.load_workbook(tmp_path / "ds.loi.xlsx")
    assert copy.sheetnames == ["Danh sách lỗi", "Nhân sự"]
    sheet = copy["Nhân sự"]
    assert sheet["F1"].value == "Lỗi"
    assert sheet["F3"].value.startswith("ngày sinh 31/2/1990 không có thật")
    assert sheet["B3"].fill.fgColor.rgb.endswith("FFC7CE")
    assert sheet["A2"].value == "Lê Thị Mới"
    assert copy["Danh sách lỗi"]["D2"].value == "ngày sinh 31/2/1990 không có thật"


def test_fifty_thousand_rows_with_one_bad_row_at_the_end_apply_nothing(tmp_path):
    project = tmp_path / "du-an.yaml"
    shutil.copy(EXAMPLE, project)
    before = project.read_bytes()
    path = tmp_path / "lon.xlsx"
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("Nhân sự")
    sheet.write_row(0, 0, ["Họ và tên", "Ngày sinh", "Giới tính", "Loại", "Đơn vị"])
    units = ["Văn phòng", "qhxd", "tnmt", "qldtdn", "ttxtdt", "ttpthqlda"]
    for i in range(1, 50_000):
        sheet.write_row(
            i,
            0,
            [
                f"Nguyễn Văn Số {i}",
                f"{1 + i % 28:02d}/{1 + i % 12:02d}/{1960 + i % 40}",
                "Nam" if i % 2 else "Nữ",
                "viên chức",
                units[i % 6],
            ],
        )
    sheet.write_row(50_000, 0, ["Lê Văn Cuối", "01/01/1990", "X", "viên chức", "Văn phòng"])
    book.close()

    result = run("import", path, "--into", project, "--on", "31/12/2019", "--basis", "1402/QĐ-UBND")

    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        "lon.xlsx: trang tính 'Nhân sự', dòng 50001, cột C (Giới tính): giới tính 'X' không hợp "
        "lệ: ghi Nam hoặc Nữ (sheet 'Nhân sự', row 50001, column C: sex 'X' is invalid: write Nam "
        "or Nữ)"
    )
    assert project.read_bytes() == before
    assert listing(tmp_path) == {"du-an.yaml", "lon.xlsx", "lon.loi.xlsx"}


def test_a_hostile_file_is_refused_without_an_error_copy(tmp_path):
    project = tmp_path / "du-an.yaml"
    shutil.copy(EXAMPLE, project)
    path = tmp_path / "ds.xlsx"
    path.write_bytes(b"%PDF-1.4 not a workbook")

    result = run("import", path, "--into", project, "--on", "31/12/2019", "--basis", "1402/QĐ-UBND")

    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        "ds.xlsx: không phải bảng tính: đây là tệp PDF đặt đuôi .xlsx (not a spreadsheet: this "
        "is a PDF file named .xlsx)"
    )
    assert listing(tmp_path) == {"du-an.yaml", "ds.xlsx"}


def test_a_dry_run_checks_and_writes_nothing(tmp_path):
    project = tmp_path / "du-an.yaml"
    shutil.copy(EXAMPLE, project)
    before = project.read_bytes()
    book = write_xlsx(
        tmp_path / "ds.xlsx",
        {"Nhân sự": [["Mã", "Họ và tên", "Đơn vị"], ["p008", "Hồ Văn Đức", "tnmt"]]},
    )

    result = run(
        "import",
        book,
        "--into",
        project,
        "--on",
        "31/12/2019",
        "--basis",
        "1402/QĐ-UBND",
        "--dry-run",
    )

    assert result.exit_code == 0, result.stderr
    assert "điều động / transfer: 1" in result.stdout
    assert "63 người đang công tác tại ngày 31/12/2019 không có trong danh sách" in result.stdout
    assert project.read_bytes() == before


def test_an_update_is_written_as_dated_changes_that_load_back(tmp_path):
    project = tmp_path / "du-an.yaml"
    shutil.copy(EXAMPLE, project)
    book = write_xlsx(
        tmp_path / "ds.xlsx",
        {"Nhân sự": [["Mã", "Họ và tên", "Đơn vị"], ["p008", "Hồ Văn Đức", "tnmt"]]},
    )

    result = run("import", book, "--into", project, "--on", "31/12/2019", "--basis", "1402/QĐ-UBND")

    assert result.exit_code == 0, result.stderr
    loaded = load_project(project)
    assert loaded.state_on(dt.date(2019, 12, 31)).assignments["p008"].unit_id == "tnmt"
    assert loaded.state_on(dt.date(2019, 12, 30)).assignments["p008"].unit_id == "vp"
    text = project.read_text()
    assert "- kind: transfer\n  on: 2019-12-31\n  basis: 1402/QĐ-UBND\n  person: p008" in text


def test_templates_are_written(tmp_path):
    for what in ("staff", "structure", "workbook"):
        result = run("template", what, "--output", tmp_path / f"{what}.xlsx")

        assert result.exit_code == 0, result.stderr
    assert openpyxl.load_workbook(tmp_path / "structure.xlsx").sheetnames == ["Đơn vị", "Hướng dẫn"]
    assert run("template", "staff", "-o", tmp_path / "x.csv").exit_code == 2


def test_exports_are_written_on_a_date_and_with_a_plan(tmp_path):
    staff = run("export", "staff", EXAMPLE, "--on", "31/12/2019", "-o", tmp_path / "ds.xlsx")
    planned = run(
        "export",
        "structure",
        EXAMPLE,
        "--on",
        "31/12/2020",
        "--plan",
        "phuong-an-3-phong",
        "-o",
        tmp_path / "cc.xlsx",
    )
    project = run("export", "project", EXAMPLE, "-o", tmp_path / "copy.yaml")

    assert staff.exit_code == 0
    assert "64 người tại ngày 31/12/2019" in staff.stdout
    assert planned.exit_code == 0
    assert "6 đơn vị tại ngày 31/12/2020" in planned.stdout
    assert project.exit_code == 0
    day = dt.date(2019, 12, 31)
    assert load_project(tmp_path / "copy.yaml").state_on(day) == load_project(EXAMPLE).state_on(day)


def test_a_bad_export_order_or_output_is_refused(tmp_path):
    assert (
        run(
            "export",
            "staff",
            EXAMPLE,
            "--on",
            "31/12/2019",
            "-o",
            tmp_path / "ds.xlsx",
            "--order",
            "tuổi",
        ).exit_code
        == 2
    )
    assert run("export", "project", EXAMPLE, "-o", tmp_path / "copy.json").exit_code == 2


# -- lists as agencies keep them: a new project with no other option ----------------------------


def test_a_list_as_an_agency_keeps_it_makes_a_new_project_once_its_units_are_confirmed(tmp_path):
    from tests.io.agency_lists import board_list

    path, expected = board_list(tmp_path / "trich-ngang.xlsx")
    project = tmp_path / "moi.yaml"

    asked = run("import", path, "--into", project, "--on", "31/12/2024")

    assert asked.exit_code == 2
    assert "Đơn vị mới sẽ thành lập (new units to create): 3 — thêm --create-units" in asked.output
    assert "đơn vị mới 'Phòng Quản lý đầu tư' (Phòng, mã 'qldt'), trực thuộc cơ quan" in (
        asked.output
    )
    assert not project.exists()

    done = run("import", path, "--into", project, "--on", "31/12/2024", "--create-units")

    assert done.exit_code == 0, done.output
    assert "đơn vị mới thành lập / units created: 3" in done.output
    loaded = load_project(project)
    assert loaded.agency.name == "Ban Quản lý khu kinh tế"
    state = loaded.state_on(dt.date(2024, 12, 31))
    assert sorted(state.people[p].full_name for p in state.assignments) == sorted(
        e.name for e in expected
    )


def test_the_agency_comes_from_its_leaders_unit_or_from_the_agency_name_option(tmp_path):
    title = [["DANH SÁCH CÔNG CHỨC"], ["(Kèm theo Báo cáo số 15/BC-STC ngày 30/12/2024)"], []]
    header = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Đơn vị", "Chức vụ"]
    leaders = write_xlsx(
        tmp_path / "lanh-dao.xlsx",
        {
            "DS": [
                *title,
                header,
                [1, "Hà Văn Tài", "02/02/1970", "Nam", "Sở Tài chính", "Giám đốc"],
                [2, "Lê Thị Chính", "03/03/1985", "Nữ", "Phòng Ngân sách", "Trưởng phòng"],
            ]
        },
    )
    project = tmp_path / "stc.yaml"
    done = run("import", leaders, "--into", project, "--on", "31/12/2024", "--create-units")
    assert done.exit_code == 0, done.output
    loaded = load_project(project)
    assert loaded.agency.name == "Sở Tài chính"
    assert loaded.agency.agency_type == "provincial_department"

    nowhere = write_xlsx(
        tmp_path / "khong-ten.xlsx",
        {
            "DS": [
                *title,
                header,
                [1, "Hà Văn Tài", "02/02/1970", "Nam", "Ban Giám đốc", "Giám đốc"],
                [2, "Lê Thị Chính", "03/03/1985", "Nữ", "Phòng Ngân sách", "Trưởng phòng"],
            ]
        },
    )
    other = tmp_path / "khac.yaml"
    refused = run("import", nowhere, "--into", other, "--on", "31/12/2024", "--create-units")
    assert refused.exit_code == 2
    assert "tạo tệp dự án mới cần tên cơ quan" in refused.output
    assert not other.exists()

    named = run(
        "import",
        nowhere,
        "--into",
        other,
        "--on",
        "31/12/2024",
        "--create-units",
        "--agency-name",
        "Sở Tài chính",
    )
    assert named.exit_code == 0, named.output
    loaded = load_project(other)
    assert loaded.agency.name == "Sở Tài chính"
    state = loaded.state_on(dt.date(2024, 12, 31))
    head = state.head(loaded.agency.id)
    assert head is not None
    assert state.people[head.person_id].full_name == "Hà Văn Tài"


def test_the_error_copy_keeps_the_layout_and_imports_once_fixed(tmp_path):
    from tests.io.agency_lists import board_list

    path, _ = board_list(tmp_path / "trich-ngang.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["Trích ngang"]
    sheet["C13"] = "31/02/1968"  # Nguyễn Văn An: a date that does not exist, as text
    book.save(path)
    project = tmp_path / "moi.yaml"

    refused = run("import", path, "--into", project, "--on", "31/12/2024", "--create-units")

    assert refused.exit_code == 2
    copy_path = tmp_path / "trich-ngang.loi.xlsx"
    copy = openpyxl.load_workbook(copy_path)
    assert copy.sheetnames == ["Danh sách lỗi", "Trích ngang"]
    listing = copy["Danh sách lỗi"]
    assert (listing["B2"].value, listing["C2"].value) == (13, "C")
    kept = copy["Trích ngang"]
    assert {str(r) for r in kept.merged_cells.ranges} == {str(r) for r in sheet.merged_cells.ranges}
    assert kept["A2"].value == "BAN QUẢN LÝ KHU KINH TẾ"
    assert isinstance(kept["D14"].value, dt.datetime)  # dates stay dates
    assert kept["C13"].fill.fgColor.rgb.endswith("FFC7CE")
    assert kept["O8"].value == "Lỗi"
    assert kept["O13"].value.startswith("ngày sinh 31/2/1968 không có thật")

    kept["C13"] = dt.datetime(1968, 3, 12)
    copy.save(copy_path)
    done = run("import", copy_path, "--into", project, "--on", "31/12/2024", "--create-units")

    assert done.exit_code == 0, done.output
    assert len(load_project(project).people) == 12
