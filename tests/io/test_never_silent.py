"""Never wrong in silence: what a list does not say, or says in a way tinhgon cannot read, is a
problem or a warning to acknowledge, never a side note; values that mean nothing are not
stored; posts, categories and rank codes are read as agencies write them."""

import datetime as dt

import openpyxl
import pytest

from tests.io.spreadsheets import run_import, write_xlsx
from tinhgon.domain import BUILTIN_KINDS, Category, Role
from tinhgon.io.columns import CellError, read_category, read_rank_code
from tinhgon.io.errors import ConfirmationNeeded, SpreadsheetError
from tinhgon.io.posts import read_post

ON = dt.date(2024, 12, 31)
NEW = {
    "on": ON,
    "agency_name": "Sở Nội vụ",
    "basis": "45/BC-SNV",
    "basis_date": ON,
    "basis_title": "Danh sách công chức",
    "create_units": True,
}
HEADER = ["Họ và tên", "Ngày sinh", "Giới tính", "Loại", "Đơn vị", "Chức vụ"]
DIRECTOR = ["Hồ Văn Quang", "04/04/1969", "Nam", "CC", "Sở Nội vụ", "Giám đốc"]
KINDS = tuple(BUILTIN_KINDS.values())


@pytest.mark.parametrize(
    ("written", "role", "kind"),
    [
        ("TP", Role.HEAD, "department"),
        ("PTP", Role.DEPUTY, "department"),
        ("Phó TP", Role.DEPUTY, "department"),
        ("Chánh VP", Role.HEAD, "office"),
        ("Phó Chánh VP", Role.DEPUTY, "office"),
        ("GĐ", Role.HEAD, "provincial_department"),
        ("Phó GĐ", Role.DEPUTY, "public_service_unit"),
        ("Q. Trưởng phòng", Role.HEAD, "department"),
        ("Quyền Trưởng phòng", Role.HEAD, "department"),
        ("P. Trưởng phòng", Role.DEPUTY, "department"),
        ("Trưởng ban", Role.HEAD, "board"),
        ("Phó Trưởng ban", Role.DEPUTY, "board"),
        ("Trưởng phòng Quản lý đầu tư", Role.HEAD, "department"),
        ("Tổ trưởng công đoàn", Role.STAFF, None),
        ("Trưởng ban Thanh tra nhân dân", Role.STAFF, None),
        ("Kế toán trưởng", Role.STAFF, None),
        ("Lái xe", Role.STAFF, None),
        ("Chuyên viên", Role.STAFF, None),
    ],
)
def test_posts_are_read_as_written_abbreviations_included(written, role, kind):
    post = read_post(written, KINDS)

    assert post.role is role
    assert post.title == written
    if kind is None:
        assert post.kinds == frozenset()
    else:
        assert kind in post.kinds
    assert post.fits(BUILTIN_KINDS["department"]) is (role is Role.STAFF or kind == "department")


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("V.07.01.03", "V.07.01.03"),
        ("V07.01.03", "V.07.01.03"),
        ("v.07.01.03", "V.07.01.03"),
        ("01.003", "01.003"),
        (1.003, "01.003"),
    ],
)
def test_rank_codes_in_their_usual_forms(written, code):
    assert read_rank_code(written) == code


def test_a_malformed_rank_code_is_refused_as_written():
    with pytest.raises(CellError) as caught:
        read_rank_code("V-07")
    assert caught.value.vi == "mã ngạch 'V-07' không đúng dạng (ví dụ 01.003, V.07.01.03)"


@pytest.mark.parametrize(
    "written", ["Hợp đồng 111", "HĐ 68", "HĐ68", "NLĐ", "Hợp đồng lao động", "HĐLĐ"]
)
def test_contracts_in_their_usual_forms_are_contract_workers(written):
    assert read_category(written) is Category.CONTRACT_WORKER


def _people(rows, tmp_path, header=HEADER, **options):
    path = write_xlsx(tmp_path / "ds.xlsx", {"Danh sách": [header, DIRECTOR, *rows]})
    return run_import(path, None, **{**NEW, **options})


def test_values_that_mean_nothing_are_not_stored_and_free_text_is_kept(tmp_path):
    header = [*HEADER, "Trình độ chuyên môn", "Lý luận chính trị"]
    rows = [
        ["Lê Văn A", "01/01/1980", "Nam", "CC", "Văn phòng", "Chuyên viên", "Không", "Không"],
        ["Lê Văn B", "01/01/1981", "Nam", "CC", "Văn phòng", None, "x", "-"],
        ["Lê Văn C", "01/01/1982", "Nam", "CC", "Văn phòng", None, "Cử nhân Luật", "Cao cấp"],
        ["Lê Văn D", "01/01/1983", "Nam", "CC", "Văn phòng", None, None, "Đang học cao cấp"],
    ]
    result = _people(rows, tmp_path, header=[*header])

    quals = {p.full_name: p.qualifications for p in result.project.people.values()}
    assert quals["Lê Văn A"] == ()
    assert quals["Lê Văn B"] == ()
    assert quals["Lê Văn C"] == ("Cử nhân Luật", "Cao cấp lý luận chính trị")
    assert quals["Lê Văn D"] == ("Đang học cao cấp",)


def test_birth_dates_under_18_or_over_70_on_the_date_are_problems(tmp_path):
    rows = [
        ["Trẻ Văn A", "01/06/2007", "Nam", "CC", "Văn phòng", None],
        ["Già Văn B", "01/06/1950", "Nam", "CC", "Văn phòng", None],
        ["Đúng Văn C", "01/06/1990", "Nam", "CC", "Văn phòng", None],
    ]
    with pytest.raises(SpreadsheetError) as caught:
        _people(rows, tmp_path)

    assert [(p.cell, p.vi) for p in caught.value.problems] == [
        (
            "B3",
            "ngày sinh 01/06/2007 cho tuổi 17 tại ngày 31/12/2024 (dưới 18 hoặc trên 70): "
            "kiểm tra năm sinh",
        ),
        (
            "B4",
            "ngày sinh 01/06/1950 cho tuổi 74 tại ngày 31/12/2024 (dưới 18 hoặc trên 70): "
            "kiểm tra năm sinh",
        ),
    ]


def test_a_post_that_does_not_fit_its_unit_is_a_problem(tmp_path):
    rows = [["Lê Văn A", "01/01/1980", "Nam", "CC", "Phòng Tổng hợp", "Giám đốc"]]
    with pytest.raises(SpreadsheetError) as caught:
        _people(rows, tmp_path)

    (problem,) = caught.value.problems
    assert problem.cell == "F3"
    assert problem.vi.startswith(
        "chức vụ 'Giám đốc' không phải chức vụ lãnh đạo của Phòng 'Phòng Tổng hợp' (cấp "
        "trưởng: Trưởng phòng, cấp phó: Phó Trưởng phòng)"
    )


def test_a_list_without_any_leader_must_be_acknowledged(tmp_path):
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        {
            "Danh sách": [
                HEADER,
                ["Lê Văn A", "01/01/1980", "Nam", "CC", "Sở Nội vụ", "Chuyên viên"],
            ]
        },
    )
    with pytest.raises(ConfirmationNeeded) as caught:
        run_import(path, None, **NEW)
    (warning,) = caught.value.warnings
    assert warning.vi.startswith("không đọc được lãnh đạo nào trong 1 người")

    result = run_import(path, None, **NEW, accept_warnings=True)
    assert len(result.project.people) == 1


def test_a_column_tinhgon_does_not_know_that_holds_data_must_be_acknowledged(tmp_path):
    header = [*HEADER, "Quê quán", "Mã số BHXH riêng"]
    rows = [["Lê Văn A", "01/01/1980", "Nam", "CC", "Văn phòng", None, "Huế", "79123"]]
    with pytest.raises(ConfirmationNeeded) as caught:
        _people(rows, tmp_path, header=header)

    (warning,) = caught.value.warnings
    assert warning.vi == (
        "cột H 'Mã số BHXH riêng' có dữ liệu ở 1 dòng nhưng tinhgon không biết cột này nên "
        "không đọc"
    )


def test_a_formula_where_data_is_read_is_refused_but_one_elsewhere_is_not(tmp_path):
    path = tmp_path / "ds.xlsx"
    book = openpyxl.Workbook()
    summary = book.active
    summary.title = "Tổng hợp"
    summary["A1"] = "Số người"
    summary["B1"] = "=COUNTA('Danh sách'!A2:A10)"
    sheet = book.create_sheet("Danh sách")
    for row in (
        [*HEADER, "STT"],
        [*DIRECTOR, "=ROW()-1"],
        ["Lê Văn A", "=DATE(1980,1,1)", "Nam", "CC", "Văn phòng", None, "=ROW()-1"],
    ):
        sheet.append(row)
    book.save(path)

    with pytest.raises(SpreadsheetError) as caught:
        run_import(path, None, **NEW)

    assert [(p.sheet, p.cell) for p in caught.value.problems] == [("Danh sách", "B3")]
    assert caught.value.problems[0].vi.startswith("ô chứa công thức")


def test_a_person_below_the_signatures_is_a_problem_not_dropped(tmp_path):
    rows = [
        ["Lê Văn A", "01/01/1980", "Nam", "CC", "Văn phòng", None],
        [None, "Người lập biểu", None, None, "Giám đốc"],
        ["Lê Văn B", dt.date(1981, 1, 1), "Nam", "CC", "Văn phòng", None],
    ]
    with pytest.raises(SpreadsheetError) as caught:
        _people(rows, tmp_path)

    (problem,) = caught.value.problems
    assert problem.row == 5
    assert problem.vi.startswith("dòng có ngày sinh nằm dưới phần ký tên")


def test_the_birth_date_in_both_sex_columns_is_a_problem(tmp_path):
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        {
            "DS": [
                ["STT", "Họ và tên", "Ngày sinh", None, "Loại", "Đơn vị", "Chức vụ"],
                [None, None, "Nam", "Nữ"],
                [1, "Hồ Văn Quang", "04/04/1969", None, "CC", "Sở Nội vụ", "Giám đốc"],
                [2, "Lê Thị B", "01/01/1980", "01/01/1980", "CC", "Văn phòng", None],
            ]
        },
    )
    with pytest.raises(SpreadsheetError) as caught:
        run_import(path, None, **NEW)

    (problem,) = caught.value.problems
    assert problem.cell == "D4"
    assert problem.vi.startswith("ngày sinh ghi ở cả cột Nam và cột Nữ")


def test_people_named_tong_or_cong_are_people_and_total_rows_are_skipped(tmp_path):
    rows = [
        ["Tống Văn Công", "01/01/1980", "Nam", "CC", "Văn phòng", None],
        ["Công Thị Tổng", "01/01/1981", "Nữ", "CC", "Văn phòng", None],
        ["TỔNG SỐ", 3, 1, 2, 3, 1],
        ["Cộng", 3],
    ]
    result = _people(rows, tmp_path)

    assert sorted(p.full_name for p in result.project.people.values()) == [
        "Công Thị Tổng",
        "Hồ Văn Quang",
        "Tống Văn Công",
    ]


def test_every_problem_and_what_will_be_asked_come_in_one_pass(tmp_path):
    rows = [
        ["Lê Văn A", "31/02/1980", "Nam", "CC", "Nhóm Lạ", None],
        ["Lê Văn B", "01/01/1981", "Nam", "XX", "Phòng Hợp tác quốc tế", None],
    ]
    with pytest.raises(SpreadsheetError) as caught:
        _people(rows, tmp_path, create_units=False)

    assert [(p.cell, p.vi[:30]) for p in caught.value.problems] == [
        ("B3", "ngày sinh 31/2/1980 không có t"),
        ("E3", "không có đơn vị 'Nhóm Lạ' (tại"),
        ("D4", "loại 'XX' không hợp lệ: ghi cá"),
    ]
    assert caught.value.asked is not None
    assert [p.vi for p in caught.value.asked.units] == [
        "đơn vị mới 'Phòng Hợp tác quốc tế' (Phòng, mã 'htqt'), trực thuộc cơ quan"
    ]


def test_a_sheet_that_looks_like_a_list_without_a_header_must_be_acknowledged(tmp_path):
    people = [["Lê Văn A", dt.date(1980, 1, n), "Nam"] for n in range(1, 4)]
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        {"Danh sách": [HEADER, DIRECTOR], "Bổ sung": [["Người", "Sinh", "Giới"], *people]},
    )
    with pytest.raises(ConfirmationNeeded) as caught:
        run_import(path, None, **NEW)

    (warning,) = caught.value.warnings
    assert warning.sheet == "Bổ sung"
    assert warning.vi.startswith("trang tính có 3 dòng có ngày tháng (có vẻ là danh sách)")


def test_letter_and_number_groups_give_units_and_categories(tmp_path):
    header = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ"]
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        {
            "DS": [
                ["DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC"],
                header,
                ["A.", "CÔNG CHỨC"],
                ["I", "Lãnh đạo Sở"],
                [1, "Hồ Văn Quang", "04/04/1969", "Nam", "Giám đốc"],
                ["1.", "Phòng Quản lý đầu tư"],
                [2, "Võ Văn Hùng", "14/02/1977", "Nam", "TP"],
                ["B.", "VIÊN CHỨC"],
                ["2.", "Trung tâm Lưu trữ"],
                [3, "Đặng Thị Nga", "08/08/1982", "Nữ", "Phó GĐ"],
            ]
        },
    )
    result = run_import(path, None, **NEW)

    state = result.project.state_on(ON)
    got = {
        state.people[p].full_name: (
            state.units[a.unit_id].name,
            a.role,
            state.people[p].category,
        )
        for p, a in state.assignments.items()
    }
    assert got == {
        "Hồ Văn Quang": ("Sở Nội vụ", Role.HEAD, Category.CIVIL_SERVANT),
        "Võ Văn Hùng": ("Phòng Quản lý đầu tư", Role.HEAD, Category.CIVIL_SERVANT),
        "Đặng Thị Nga": ("Trung tâm Lưu trữ", Role.DEPUTY, Category.PUBLIC_EMPLOYEE),
    }


def test_a_header_on_three_rows_is_read_column_by_column(tmp_path):
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        {
            "DS": [
                [
                    "STT",
                    "Họ và tên",
                    "Ngày sinh",
                    None,
                    "Trình độ",
                    None,
                    None,
                    "Đơn vị",
                    "Loại",
                    "Chức vụ",
                ],
                [None, None, "Nam", "Nữ", "Chuyên môn", "Lý luận chính trị"],
                [None, None, None, None, "ĐH", "Cao cấp", "Trung cấp"],
                ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"],
                [
                    1,
                    "Hồ Văn Quang",
                    "04/04/1969",
                    None,
                    "x",
                    "x",
                    None,
                    "Sở Nội vụ",
                    "CC",
                    "Giám đốc",
                ],
                [2, "Lê Thị Hoa", None, "05/05/1990", "Luật", None, "x", "Văn phòng", "CC", None],
            ]
        },
    )
    result = run_import(path, None, **NEW)

    people = {p.full_name: p for p in result.project.people.values()}
    assert people["Hồ Văn Quang"].qualifications == ("Đại học", "Cao cấp lý luận chính trị")
    assert people["Lê Thị Hoa"].qualifications == (
        "Đại học Luật",
        "Trung cấp lý luận chính trị",
    )
    assert str(people["Lê Thị Hoa"].birth) == "05/05/1990"
    assert people["Lê Thị Hoa"].sex.value == "female"


def test_formulas_in_the_units_and_agency_sheets_are_refused_where_read(tmp_path):
    path = tmp_path / "ds.xlsx"
    book = openpyxl.Workbook()
    agency = book.active
    agency.title = "Cơ quan"
    agency.append(["Tên cơ quan", '=CONCATENATE("Sở ","Nội vụ")'])
    units = book.create_sheet("Đơn vị")
    units.append(["STT", "Tên đơn vị", "Loại đơn vị"])
    units.append(["=ROW()-1", "Văn phòng", "Văn phòng"])
    units.append(["=ROW()-1", '="Phòng "&"Tổng hợp"', "Phòng"])
    sheet = book.create_sheet("Nhân sự")
    sheet.append(HEADER)
    sheet.append(DIRECTOR)
    book.save(path)

    with pytest.raises(SpreadsheetError) as caught:
        run_import(path, None, **{k: v for k, v in NEW.items() if k != "agency_name"})

    assert [(p.sheet, p.cell) for p in caught.value.problems if "công thức" in p.vi] == [
        ("Cơ quan", "B1"),
        ("Đơn vị", "B3"),
    ]


def test_ma_so_right_after_the_rank_is_the_rank_code(tmp_path):
    header = [*HEADER, "Ngạch công chức, viên chức", "Mã số"]
    rows = [
        [*DIRECTOR, "Chuyên viên cao cấp", "01.001"],
        ["Lê Văn A", "01/01/1980", "Nam", "CC", "Văn phòng", None, "Chuyên viên", "01.003"],
    ]
    path = write_xlsx(tmp_path / "ds.xlsx", {"Danh sách": [header, *rows]})

    result = run_import(path, None, **NEW)

    ranks = {p.full_name: p.rank.code for p in result.project.people.values() if p.rank}
    assert ranks == {"Hồ Văn Quang": "01.001", "Lê Văn A": "01.003"}


def test_a_group_row_gives_the_unit_where_the_unit_column_is_left_empty(tmp_path):
    header = ["STT", *HEADER]
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        {
            "DS": [
                header,
                ["I", "LÃNH ĐẠO SỞ"],
                [1, "Hồ Văn Quang", "04/04/1969", "Nam", "CC", None, "Giám đốc"],
                ["II", "CÁC PHÒNG"],
                [2, "Lê Văn A", "01/01/1980", "Nam", "CC", "Văn phòng", "Chánh VP"],
            ]
        },
    )
    result = run_import(path, None, **NEW)

    state = result.project.state_on(ON)
    posts = {state.people[p].full_name: (a.unit_id, a.role) for p, a in state.assignments.items()}
    assert posts == {"Hồ Văn Quang": ("snv", Role.HEAD), "Lê Văn A": ("vp", Role.HEAD)}
