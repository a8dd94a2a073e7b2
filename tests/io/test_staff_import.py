"""Importing spreadsheets into projects: new projects, updates as dated changes, every problem."""

import datetime as dt
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from tests.io.spreadsheets import example, run_import, write_csv, write_xlsx
from tinhgon.domain import (
    Hire,
    Leave,
    MoveUnit,
    RenameUnit,
    Role,
    SetQuota,
    State,
    Transfer,
    UnitClass,
)
from tinhgon.io import dump_project, parse_project
from tinhgon.io.errors import SpreadsheetError
from tinhgon.io.xlsx_export import export_staff, export_structure, export_workbook, write_template

D = dt.date(2019, 12, 31)
BASIS = "1402/QĐ-UBND"
NEW_BASIS = {
    "basis": "05/BC-BQLKKT",
    "basis_date": D,
    "basis_title": "Danh sách cán bộ, công chức, viên chức năm 2019",
}
HEADER = [
    "Mã",
    "Họ và tên",
    "Ngày sinh",
    "Giới tính",
    "Loại",
    "Số định danh cá nhân",
    "Đơn vị",
    "Chức vụ",
]


def snapshot(state: State) -> dict[str, object]:
    """What an import must give back: units, the people on the staff and their posts, quotas."""
    assert state.on is not None
    return {
        "units": {
            uid: (u.name, u.kind.code, u.parent_id, u.fields, u.autonomy_group)
            for uid, u in state.units.items()
        },
        "people": {pid: state.people[pid] for pid in state.assignments},
        "posts": {pid: (a.unit_id, a.role) for pid, a in state.assignments.items()},
        "quotas": {
            k: v
            for k, v in state.quotas.items()
            if k.year >= state.on.year and k.unit_id in state.units
        },
    }


def problems(path: Path, project=None, **options) -> list[tuple[str, str]]:
    """(cell, Vietnamese message) of every problem; the cell is 'D12', '12' or ''."""
    with pytest.raises(SpreadsheetError) as caught:
        run_import(path, project, **options)
    return [(p.cell, p.vi) for p in caught.value.problems]


def staff_file(tmp_path: Path, *rows: list[object], header: list[str] = HEADER) -> Path:
    return write_xlsx(tmp_path / "ds.xlsx", {"Nhân sự": [header, *rows]})


# -- round trips ---------------------------------------------------------------------------


def test_an_exported_workbook_imports_into_a_new_project_with_the_same_data(tmp_path):
    project = example()
    path = tmp_path / "kontum.xlsx"
    export_workbook(path, project, project.state_on(D))

    result = run_import(path, None, **NEW_BASIS)

    assert result.created
    assert snapshot(result.project.state_on(D)) == snapshot(project.state_on(D))
    assert result.project.agency.name == project.agency.name
    assert result.project.agency.agency_type == "economic_zone_board"


def test_a_new_project_written_as_yaml_loads_back_the_same(tmp_path):
    project = example()
    path = tmp_path / "kontum.xlsx"
    export_workbook(path, project, project.state_on(D))

    result = run_import(path, None, **NEW_BASIS)
    reloaded = parse_project(dump_project(result.project))

    assert snapshot(reloaded.state_on(D)) == snapshot(project.state_on(D))
    assert reloaded.documents.resolve("05/BC-BQLKKT").title == NEW_BASIS["basis_title"]


def test_the_template_filled_with_the_example_imports_to_the_same_project(tmp_path):
    project = example()
    on = dt.date(2017, 12, 31)
    state = project.state_on(on)
    path = tmp_path / "mau.xlsx"
    write_template(path, "workbook", rating_years=(2016, 2017))

    book = openpyxl.load_workbook(path)
    agency = book["Cơ quan"]
    values = {
        "Mã cơ quan": "bqlkkt",
        "Tên cơ quan": "Ban Quản lý Khu kinh tế tỉnh Kon Tum",
        "Loại đơn vị": "Ban quản lý",
        "Lĩnh vực": "quản lý nhà nước về khu kinh tế cửa khẩu; khu công nghiệp",
        "Loại hình cơ quan": "Ban Quản lý khu kinh tế",
        "Tại ngày": dt.datetime(2017, 12, 31),
        "Căn cứ (số, ký hiệu)": "112/BC-BQLKKT",
        "Ngày ban hành": "29/12/2017",
        "Trích yếu": "Tình hình tổ chức bộ máy, biên chế năm 2017",
    }
    for row in agency.iter_rows(min_row=2):
        if row[0].value in values:
            row[1].value = values[row[0].value]
    units = book["Đơn vị"]
    for unit in state.units.values():
        if unit.parent_id is None:
            continue
        group = unit.autonomy_group.value if unit.autonomy_group else None
        parent = state.units[unit.parent_id].name
        units.append(
            [None, unit.id, unit.name, unit.kind.name_vi, parent, "; ".join(unit.fields), group]
        )
    staff = book["Nhân sự"]
    for number, assignment in enumerate(state.assignments.values(), start=1):
        p = state.people[assignment.person_id]
        unit = state.units[assignment.unit_id]
        political = [
            q.removesuffix(" lý luận chính trị") for q in p.qualifications if "lý luận" in q
        ]
        ratings = dict(p.ratings)
        staff.append(
            [
                number,
                p.id,
                p.full_name,
                dt.datetime(p.birth.year, p.birth.month or 1, p.birth.day or 1),
                "Nam" if p.sex.value == "male" else "Nữ",
                p.category.vi,
                p.national_id,
                None,
                unit.name,
                unit.kind.title(assignment.role)
                if assignment.role is not Role.STAFF
                else "Chuyên viên",
                p.rank.code if p.rank else None,
                p.rank.name if p.rank else None,
                "; ".join(q for q in p.qualifications if "lý luận" not in q) or None,
                "; ".join(political) or None,
                ratings[2016].vi.capitalize() if 2016 in ratings else None,
                ratings[2017].vi.capitalize() if 2017 in ratings else None,
            ]
        )
    book.save(path)

    result = run_import(path)

    imported = result.project.state_on(on)
    # 'Chuyên viên' in the post column of someone who is staff is kept as their title.
    expected = {
        pid: replace(person, title="Chuyên viên")
        if state.assignments[pid].role is Role.STAFF
        else person
        for pid, person in snapshot(state)["people"].items()  # type: ignore[attr-defined]
    }
    assert snapshot(imported)["people"] == expected
    assert snapshot(imported)["posts"] == snapshot(state)["posts"]
    assert snapshot(imported)["units"] == snapshot(state)["units"]
    assert result.basis.symbol == "112/BC-BQLKKT"


def test_a_staff_list_exported_and_imported_on_the_same_date_changes_nothing(tmp_path):
    project = example()
    path = tmp_path / "ds.xlsx"
    export_staff(path, project, project.state_on(D))

    result = run_import(path, project, on=D, basis=BASIS)

    assert result.changes == ()
    assert result.updated == []
    assert result.absent == []


def test_a_structure_exported_and_imported_on_the_same_date_changes_nothing(tmp_path):
    project = example()
    path = tmp_path / "cc.xlsx"
    export_structure(path, project, project.state_on(D))

    result = run_import(path, project, on=D, basis=BASIS)

    assert result.changes == ()
    assert result.absent == []


# -- updating an existing project ---------------------------------------------------------


def edit_export(tmp_path: Path, edit) -> Path:
    """Export the example's staff on D, let ``edit`` change rows by person id, save."""
    project = example()
    path = tmp_path / "ds.xlsx"
    export_staff(path, project, project.state_on(D))
    book = openpyxl.load_workbook(path)
    sheet = book.active
    header = [c.value for c in sheet[1]]
    rows = {row[1].value: dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2)}
    edit(sheet, rows)
    book.save(path)
    return path


def test_someone_in_another_unit_is_transferred_on_the_import_date(tmp_path):
    def edit(sheet, rows):
        rows["p008"]["Đơn vị"].value = "phòng quản lý tài nguyên và MÔI TRƯỜNG"
        rows["p008"]["Mã đơn vị"].value = None

    result = run_import(edit_export(tmp_path, edit), example(), on=D, basis=BASIS)

    (change,) = result.changes
    assert isinstance(change, Transfer)
    assert (change.person, change.unit, change.role, change.on) == ("p008", "tnmt", Role.STAFF, D)
    assert change.basis is not None
    assert change.basis.symbol == BASIS
    assert result.project.state_on(D).assignments["p008"].unit_id == "tnmt"
    assert result.project.state_on(dt.date(2019, 12, 30)).assignments["p008"].unit_id == "vp"


def test_posts_are_read_from_the_titles_of_each_kind_of_unit(tmp_path):
    def edit(sheet, rows):
        rows["p007"]["Chức vụ"].value = "Phó Chánh Văn phòng"
        rows["p005"]["Chức vụ"].value = "Chuyên viên"
        rows["p041"]["Chức vụ"].value = "PHÓ TRƯỞNG PHÒNG tài nguyên và môi trường"

    result = run_import(edit_export(tmp_path, edit), example(), on=D, basis=BASIS)

    kinds = {(type(c).__name__, c.person) for c in result.changes}
    assert kinds == {("Appoint", "p007"), ("Relieve", "p005"), ("Appoint", "p041")}
    state = result.project.state_on(D)
    assert state.assignments["p007"].role is Role.DEPUTY
    assert state.assignments["p005"].role is Role.STAFF
    assert state.assignments["p041"].role is Role.DEPUTY


def test_two_heads_exchanging_units_are_relieved_first_then_transferred(tmp_path):
    def edit(sheet, rows):
        for pid, unit, post in (("p004", "qhxd", "Trưởng phòng"), ("p029", "vp", "Chánh VP")):
            rows[pid]["Mã đơn vị"].value = unit
            rows[pid]["Đơn vị"].value = None
            rows[pid]["Chức vụ"].value = post

    result = run_import(edit_export(tmp_path, edit), example(), on=D, basis=BASIS)

    assert [(type(c).__name__, c.person) for c in result.changes] == [
        ("Relieve", "p004"),
        ("Relieve", "p029"),
        ("Transfer", "p004"),
        ("Transfer", "p029"),
    ]
    state = result.project.state_on(D)
    assert state.head("qhxd").person_id == "p004"
    assert state.head("vp").person_id == "p029"


def test_an_import_that_breaks_a_draft_plan_is_refused(tmp_path):
    def edit(sheet, rows):
        rows["p039"]["Mã đơn vị"].value = "qhxd"
        rows["p039"]["Đơn vị"].value = None
        rows["p039"]["Chức vụ"].value = None

    path = edit_export(tmp_path, edit)

    assert problems(path, example(), on=D, basis=BASIS) == [
        (
            "",
            "đề án 'phuong-an-3-phong' không còn áp dụng được sau khi nhập: đề án "
            "'phuong-an-3-phong': người 'p039' được giao chức vụ nhưng không thuộc đơn vị bị sáp nhập",
        )
    ]


def test_a_deputy_becomes_head_after_the_head_moves_away(tmp_path):
    def edit(sheet, rows):
        rows["p029"]["Mã đơn vị"].value = "vp"
        rows["p029"]["Đơn vị"].value = "Văn phòng"
        rows["p029"]["Chức vụ"].value = None
        rows["p031"]["Chức vụ"].value = "Trưởng phòng"

    result = run_import(edit_export(tmp_path, edit), example(), on=D, basis=BASIS)

    assert [(type(c).__name__, c.person) for c in result.changes] == [
        ("Transfer", "p029"),
        ("Appoint", "p031"),
    ]
    assert result.project.state_on(D).head("qhxd").person_id == "p031"


def test_someone_new_is_hired_with_the_next_id(tmp_path):
    def edit(sheet, rows):
        sheet.append(
            [
                None,
                None,
                "Lê Thị Mới",
                "15/06/1996",
                "nữ",
                "CÔNG CHỨC",
                "062196000001",
                None,
                "Văn phòng",
            ]
        )

    result = run_import(edit_export(tmp_path, edit), example(), on=D, basis=BASIS)

    (hire,) = result.changes
    assert isinstance(hire, Hire)
    assert (hire.person.id, hire.person.full_name, hire.unit, hire.on) == (
        "p066",
        "Lê Thị Mới",
        "vp",
        D,
    )
    assert hire.person.national_id == "062196000001"
    assert result.project.people["p066"] == hire.person


def test_static_details_are_updated_and_listed(tmp_path):
    def edit(sheet, rows):
        rows["p009"]["Mã ngạch"].value = "01.002"
        rows["p009"]["Ngạch"].value = "Chuyên viên chính"
        rows["p009"]["Xếp loại 2017"].value = "HTXSNV"
        rows["p009"]["Lý luận chính trị"].value = "Trung cấp"

    result = run_import(edit_export(tmp_path, edit), example(), on=D, basis=BASIS)

    assert result.changes == ()
    assert result.updated == [("p009", "Y Ngọc", ["ngạch", "trình độ", "xếp loại"])]
    person = result.project.people["p009"]
    assert person.rank.name == "Chuyên viên chính"
    assert person.qualifications == ("Đại học Công nghệ thông tin", "Trung cấp lý luận chính trị")
    assert dict(person.ratings)[2017].value == "excellent"
    assert parse_project(dump_project(result.project)).people["p009"] == person


def test_someone_missing_from_the_list_is_reported_and_kept(tmp_path):
    def edit(sheet, rows):
        sheet.delete_rows(rows["p010"]["Mã"].row)

    result = run_import(edit_export(tmp_path, edit), example(), on=D, basis=BASIS)

    assert result.changes == ()
    assert result.absent == [("p010", "Võ Thị Hồng")]
    assert "p010" in result.project.state_on(D).assignments


def test_someone_missing_from_a_complete_list_leaves_the_staff(tmp_path):
    def edit(sheet, rows):
        sheet.delete_rows(rows["p010"]["Mã"].row)

    result = run_import(edit_export(tmp_path, edit), example(), on=D, basis=BASIS, complete=True)

    (leave,) = result.changes
    assert isinstance(leave, Leave)
    assert (leave.person, leave.reason.value, leave.on) == ("p010", "other", D)
    assert "p010" not in result.project.state_on(D).assignments


def test_a_units_sheet_creates_renames_and_moves_units_and_sets_quotas(tmp_path):
    path = write_xlsx(
        tmp_path / "cc.xlsx",
        {
            "Cơ cấu": [
                ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Trực thuộc", "Biên chế công chức 2020"],
                ["vp", "Văn phòng Ban", None, None, None],
                [None, "Phòng Pháp chế", None, None, None],
                [None, "Bộ phận một cửa", "Bộ phận", "Văn phòng Ban", None],
                ["tnmt", None, None, "Phòng Quản lý quy hoạch và xây dựng", None],
                [None, "Ban Quản lý Khu kinh tế tỉnh Kon Tum", None, None, 45],
            ]
        },
    )

    with pytest.raises(SpreadsheetError) as caught:
        run_import(path, example(), on=D, basis=BASIS)
    assert [(p.cell, p.vi) for p in caught.value.problems] == [("B5", "thiếu tên đơn vị")]

    path = write_xlsx(
        tmp_path / "cc.xlsx",
        {
            "Cơ cấu": [
                ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Trực thuộc", "Biên chế công chức 2020"],
                ["vp", "Văn phòng Ban", None, None, None],
                [None, "Phòng Pháp chế", None, None, None],
                [None, "Bộ phận một cửa", "Bộ phận", "Văn phòng Ban", None],
                ["tnmt", "Phòng Quản lý tài nguyên và môi trường", None, "qhxd", None],
                ["bqlkkt", "Ban Quản lý Khu kinh tế tỉnh Kon Tum", None, None, 45],
            ]
        },
    )
    result = run_import(path, example(), on=D, basis=BASIS)

    summary = [(type(c).__name__, c.unit_ids()) for c in result.changes]
    assert summary == [
        ("CreateUnit", ("pc",)),
        ("CreateUnit", ("bpmc",)),
        ("RenameUnit", ("vp",)),
        ("MoveUnit", ("tnmt", "qhxd")),
        ("SetQuota", ("bqlkkt",)),
    ]
    state = result.project.state_on(D)
    assert state.units["pc"].kind.unit_class is UnitClass.DEPARTMENT
    assert state.units["pc"].parent_id == "bqlkkt"
    assert state.units["bpmc"].parent_id == "vp"
    assert state.units["vp"].name == "Văn phòng Ban"
    assert not any(
        isinstance(c, SetQuota | RenameUnit | MoveUnit) and c.on != D for c in result.changes
    )


def test_a_quota_column_sets_the_quota_when_it_differs(tmp_path):
    path = write_xlsx(
        tmp_path / "cc.xlsx",
        {
            "Đơn vị": [
                ["Mã đơn vị", "Tên đơn vị", "Biên chế công chức năm 2020"],
                ["bqlkkt", "Ban", 40],
            ]
        },
    )

    result = run_import(path, example(), on=D, basis=BASIS)

    (quota,) = result.changes
    assert isinstance(quota, SetQuota)
    assert (quota.unit, quota.category.value, quota.year, quota.value) == (
        "bqlkkt",
        "civil_servant",
        2020,
        40,
    )


# -- reading what people type ------------------------------------------------------------------


def test_headers_and_values_match_whatever_their_case_spacing_and_diacritics(tmp_path):
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        {
            "Sheet1": [
                ["DANH SÁCH CÁN BỘ, CÔNG CHỨC NĂM 2019"],
                [
                    "  ho VA  ten ",
                    "NGÀY, THÁNG, NĂM SINH (dd/mm/yyyy)",
                    "gioi tinh",
                    "đối tượng",
                    "SỐ CCCD",
                    "don vi cong tac",
                    "chức vụ, chức danh",
                ],
                ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
                ["Hồ Thị Lê", "3.4.1995", "NỮ", "vc", 62195000002, "ttxtdt", "giám đốc"],
                [
                    "Phan Văn Tý",
                    "05/1990",
                    "nam",
                    "hợp đồng",
                    None,
                    "TRUNG TÂM XÚC TIẾN ĐẦU TƯ VÀ DỊCH VỤ KHU KINH TẾ",
                    None,
                ],
                ["A Lực", 1980, "Nam", "Người lao động", None, "Văn phòng", "Lái xe"],
            ]
        },
    )
    project = example()

    with pytest.raises(SpreadsheetError) as caught:
        run_import(path, project, on=D, basis=BASIS)

    # Everything reads; the only problem is the second head of the centre.
    assert [(p.cell, p.vi) for p in caught.value.problems] == [
        (
            "G4",
            "đơn vị 'Trung tâm Xúc tiến đầu tư và Dịch vụ khu kinh tế' có 2 cấp trưởng: Nguyễn Văn "
            "Lâm (không có trong danh sách), Hồ Thị Lê (dòng 4)",
        )
    ]


def test_values_typed_in_many_ways_become_the_same_data(tmp_path):
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        {
            "Sheet1": [
                [
                    "Họ tên",
                    "Ngày sinh",
                    "Giới tính",
                    "Loại",
                    "Số định danh",
                    "Đơn vị",
                    "Chức vụ",
                    "Mã ngạch",
                    "Xếp loại năm 2019",
                ],
                ["Hồ Thị Lê", "3.4.1995", "NỮ", "vc", 62195000002, "ttxtdt", "", 1.003, "httnv"],
                [
                    "Phan Văn Tý",
                    "05/1990",
                    "nam",
                    "hợp đồng",
                    None,
                    "Văn phòng",
                    None,
                    None,
                    "Hoàn thành tốt nhiệm vụ",
                ],
                ["A Lực", 1980, "Nam", "Người lao động", None, "Văn phòng", "Lái xe", None, None],
            ]
        },
    )

    result = run_import(path, example(), on=D, basis=BASIS)

    people = {c.person.full_name: c.person for c in result.changes if isinstance(c, Hire)}
    le, ty, luc = people["Hồ Thị Lê"], people["Phan Văn Tý"], people["A Lực"]
    assert (str(le.birth), le.sex.value, le.category.value, le.national_id) == (
        "03/04/1995",
        "female",
        "public_employee",
        "062195000002",
    )
    assert le.rank is not None
    assert (le.rank.code, le.rank.name) == ("01.003", "Chuyên viên")
    assert (str(ty.birth), ty.category.value, dict(ty.ratings)[2019].value) == (
        "05/1990",
        "contract_worker",
        "good",
    )
    assert str(luc.birth) == "1980"
    assert all(c.role is Role.STAFF for c in result.changes if isinstance(c, Hire))


def test_a_csv_staff_list_imports_like_a_sheet(tmp_path):
    path = write_csv(
        tmp_path / "ds.csv",
        [
            ["Họ và tên", "Ngày sinh", "Giới tính", "Loại", "Đơn vị"],
            ["Lê Thị Mới", "15/06/1996", "Nữ", "công chức", "Văn phòng"],
        ],
    )

    result = run_import(path, example(), on=D, basis=BASIS)

    (hire,) = result.changes
    assert isinstance(hire, Hire)
    assert hire.person.full_name == "Lê Thị Mới"


def test_sheets_are_recognised_by_their_headers_not_their_names(tmp_path):
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        {
            "Sheet1": [["Ghi chú của phòng"], ["không đọc"]],
            "Sheet2": [["Tên đơn vị", "Loại đơn vị"], ["Phòng Pháp chế", "Phòng"]],
            "Sheet3": [
                ["Họ và tên", "Ngày sinh", "Giới tính", "Loại", "Đơn vị"],
                ["Lê Thị Mới", "1996", "Nữ", "công chức", "Phòng Pháp chế"],
            ],
        },
    )

    result = run_import(path, example(), on=D, basis=BASIS)

    assert [type(c).__name__ for c in result.changes] == ["CreateUnit", "Hire"]
    assert result.notices[0][0].startswith("bỏ qua trang tính 'Sheet1': không thấy dòng tiêu đề")
