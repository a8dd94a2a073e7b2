"""Staff lists as agencies keep them, imported without editing the file: what is imported
equals what the file says, person by person (unit, role, sex, birth date, category, rank)."""

import datetime as dt

import pytest

from tests.io.agency_lists import Expected, board_list, department_workbook
from tests.io.spreadsheets import run_import
from tinhgon.domain import BirthDate, Project, UnitClass
from tinhgon.io.errors import ConfirmationNeeded

ON = dt.date(2024, 12, 31)


def imported(project: Project) -> list[Expected]:
    """What the project says on the date, in the same terms as the file."""
    state = project.state_on(ON)
    root = project.agency.id
    people = []
    for pid, assignment in state.assignments.items():
        person = state.people[pid]
        unit = "" if assignment.unit_id == root else state.units[assignment.unit_id].name
        birth = person.birth
        assert isinstance(birth, BirthDate)
        assert birth.day is not None
        people.append(
            Expected(
                person.full_name,
                unit,
                assignment.role,
                person.sex,
                dt.date(birth.year, birth.month or 1, birth.day),
                person.category,
                person.rank.code if person.rank else "",
                person.qualifications,
            )
        )
    return people


def by_name(people: list[Expected]) -> dict[str, Expected]:
    return {p.name: p for p in people}


def test_a_board_list_with_titles_merged_headers_and_group_rows_imports_as_written(tmp_path):
    path, expected = board_list(tmp_path / "trich-ngang.xlsx")

    result = run_import(path, None, on=ON, create_units=True)

    assert by_name(imported(result.project)) == by_name(expected)
    project = result.project
    titles = {p.full_name: p.title for p in project.people.values() if p.title}
    assert titles == {
        "Đỗ Thị Giang": "Kế toán trưởng",
        "Hoàng Văn Em": "Lái xe",
        "Bùi Văn Minh": "Tổ trưởng công đoàn",
        "Y Ngọc": "Trưởng ban Thanh tra nhân dân",
    }
    assert project.agency.name == "Ban Quản lý khu kinh tế"
    assert project.agency.agency_type == "economic_zone_board"
    assert result.basis.symbol == "112/BC-BQLKKT"
    assert result.basis.issued_on == dt.date(2024, 12, 30)
    units = {u.name: u.kind.code for u in project.state_on(ON).units.values()}
    assert units == {
        "Ban Quản lý khu kinh tế": "board",
        "Văn phòng": "office",
        "Phòng Quản lý đầu tư": "department",
        "Trung tâm Xúc tiến đầu tư": "public_service_unit",
    }
    assert sorted(n for _, n in result.created_units) == sorted(set(units) - {project.agency.name})


def test_without_create_units_the_units_are_proposed_and_nothing_is_built(tmp_path):
    path, _ = board_list(tmp_path / "trich-ngang.xlsx")

    with pytest.raises(ConfirmationNeeded) as caught:
        run_import(path, None, on=ON)

    assert [p.row for p in caught.value.units] == [15, 20, 24]  # the group rows
    assert [p.vi for p in caught.value.units] == [
        "đơn vị mới 'Văn phòng' (Văn phòng, mã 'vp'), trực thuộc cơ quan",
        "đơn vị mới 'Phòng Quản lý đầu tư' (Phòng, mã 'qldt'), trực thuộc cơ quan",
        "đơn vị mới 'Trung tâm Xúc tiến đầu tư' (Đơn vị sự nghiệp công lập, mã 'ttxtdt'), "
        "trực thuộc cơ quan",
    ]
    assert caught.value.matches == []
    assert caught.value.warnings == []


def test_a_department_workbook_of_one_sheet_per_unit_imports_as_written(tmp_path):
    path, expected = department_workbook(tmp_path / "cong-chuc.xlsx")

    result = run_import(path, None, on=ON, create_units=True)

    assert by_name(imported(result.project)) == by_name(expected)
    assert result.project.agency.name == "Sở Nội vụ"
    assert result.project.agency.agency_type == "provincial_department"
    root = result.project.state_on(ON).units[result.project.agency.id]
    assert root.kind.unit_class is UnitClass.AGENCY
    assert root.kind.code == "provincial_department"
    assert any("lấy từ tiêu đề" in vi for vi, _ in result.notices)


def test_titles_that_are_not_posts_survive_an_export_and_an_import_back(tmp_path):
    from tinhgon.io.xlsx_export import export_staff

    path, _ = board_list(tmp_path / "trich-ngang.xlsx")
    project = run_import(path, None, on=ON, create_units=True).project
    exported = tmp_path / "nhan-su.xlsx"
    export_staff(exported, project, project.state_on(ON))

    again = run_import(exported, project, on=ON, basis="112/BC-BQLKKT")

    assert again.changes == ()
    assert again.updated == []


def test_pay_and_social_insurance_columns_are_read_and_exported_back(tmp_path):
    from decimal import Decimal

    from tests.io.spreadsheets import write_xlsx
    from tinhgon.io.xlsx_export import export_staff

    header = [
        "Họ và tên",
        "Ngày sinh",
        "Giới tính",
        "Loại",
        "Đơn vị",
        "Chức vụ",
        "HSL",
        "PCCV",
        "Số tháng đóng BHXH bắt buộc",
        "BHXH tính đến ngày",
    ]
    path = write_xlsx(
        tmp_path / "luong.xlsx",
        {
            "DS": [
                header,
                [
                    "Hồ Văn Quang",
                    "04/04/1969",
                    "Nam",
                    "CC",
                    "Sở Nội vụ",
                    "Giám đốc",
                    6.2,
                    0.9,
                    420,
                    dt.date(2024, 12, 31),
                ],
                [
                    "Lê Thị Hoa",
                    "05/05/1990",
                    "Nữ",
                    "CC",
                    "Văn phòng",
                    None,
                    "2,67",
                    None,
                    None,
                    None,
                ],
            ]
        },
    )
    options = {
        "on": ON,
        "agency_name": "Sở Nội vụ",
        "basis": "45/BC-SNV",
        "basis_date": ON,
        "basis_title": "Danh sách",
        "create_units": True,
    }
    project = run_import(path, None, **options).project

    people = {p.full_name: p for p in project.people.values()}
    assert people["Hồ Văn Quang"].salary_coefficient == Decimal("6.2")
    assert people["Hồ Văn Quang"].position_allowance_coefficient == Decimal("0.9")
    assert people["Hồ Văn Quang"].social_insurance_months == 420
    assert people["Hồ Văn Quang"].social_insurance_on == dt.date(2024, 12, 31)
    assert people["Lê Thị Hoa"].salary_coefficient == Decimal("2.67")
    assert people["Lê Thị Hoa"].social_insurance_months is None

    exported = tmp_path / "nhan-su.xlsx"
    export_staff(exported, project, project.state_on(ON))
    again = run_import(exported, project, on=ON, basis="45/BC-SNV")
    assert again.changes == ()
    assert again.updated == []
