"""Updates from lists without ID numbers or tinhgon's codes (an HR software's CSV export):
people are matched by name, birth date and unit; the certain matches are listed, only the
doubtful ones are asked; someone missing who has reached retirement age is proposed as a
retirement."""

import datetime as dt

import pytest

from tests.io.spreadsheets import run_import, write_csv
from tinhgon.domain import Leave, LeaveReason, Role, Transfer
from tinhgon.io.errors import ConfirmationNeeded

HEADER = [
    "Họ và tên",
    "Ngày sinh",
    "Giới tính",
    "Đối tượng",
    "Đơn vị công tác",
    "Chức vụ",
    "Mã ngạch",
    "Ngạch",
]
FIRST = [
    ["Hồ Văn Quang", "04/04/1969", "Nam", "CC", "Sở Nội vụ", "Giám đốc", "01.001", ""],
    ["Lê Văn Cường", "20/01/1980", "Nam", "CC", "Văn phòng", "Chánh Văn phòng", "01.002", ""],
    ["Phạm Thị Dung", "01/07/1985", "Nữ", "CC", "Văn phòng", "Chuyên viên", "01.003", ""],
    ["Võ Văn Già", "15/05/1961", "Nam", "CC", "Phòng Tổng hợp", "Chuyên viên", "01.003", ""],
    ["Ngô Thị Lan", "06/06/1988", "Nữ", "Hợp đồng 111", "Phòng Tổng hợp", "", "", ""],
]
THEN = dt.date(2020, 12, 31)
NOW = dt.date(2024, 12, 31)
CREATE = {
    "agency_name": "Sở Nội vụ",
    "basis": "45/BC-SNV",
    "basis_date": THEN,
    "basis_title": "Danh sách công chức năm 2020",
    "create_units": True,
}
UPDATE = {"basis": "60/BC-SNV", "basis_date": NOW, "basis_title": "Danh sách năm 2024"}


@pytest.fixture
def project(tmp_path):
    path = write_csv(tmp_path / "2020.csv", [HEADER, *FIRST])
    return run_import(path, None, on=THEN, **CREATE).project


def update_file(tmp_path):
    rows = [
        FIRST[0],  # the same: certain
        ["Lê Văn Cường", "20/01/1980", "Nam", "CC", "Phòng Tổng hợp", "Trưởng phòng", "01.002", ""],
        ["Phạm Thị Dung", "07/1985", "Nữ", "CC", "Văn phòng", "Chuyên viên", "01.003", ""],
        FIRST[4],  # the same: certain
        ["Trần Văn Mới", "02/02/1996", "Nam", "CC", "Văn phòng", "Chuyên viên", "01.003", ""],
    ]  # Võ Văn Già is missing: past retirement age
    return write_csv(tmp_path / "2024.csv", [HEADER, *rows])


def test_only_the_doubtful_matches_are_asked(project, tmp_path):
    with pytest.raises(ConfirmationNeeded) as caught:
        run_import(update_file(tmp_path), project, on=NOW, **UPDATE)

    assert [(p.row, p.vi) for p in caught.value.matches] == [
        (
            3,
            "'Lê Văn Cường' trùng họ tên và ngày sinh với 'p002' đang ở 'Văn phòng', nhưng danh "
            "sách ghi 'Phòng Tổng hợp': xác nhận là cùng một người (sẽ ghi điều động), hoặc ghi "
            "số định danh nếu là người khác",
        ),
        (
            4,
            "'Phạm Thị Dung' sinh 07/1985 có thể là 'p003' cùng tên, cùng đơn vị, sinh "
            "01/07/1985: xác nhận là cùng một người (ngày sinh sẽ được sửa), hoặc ghi số định "
            "danh nếu là người khác",
        ),
    ]
    assert caught.value.units == []


def test_confirmed_matches_update_the_same_people_and_retirees_are_proposed(project, tmp_path):
    result = run_import(update_file(tmp_path), project, on=NOW, accept_matches=True, **UPDATE)

    assert [(pid, name) for pid, name, _ in result.matched] == [
        ("p001", "Hồ Văn Quang"),
        ("p005", "Ngô Thị Lan"),
    ]
    transfers = [c for c in result.changes if isinstance(c, Transfer)]
    assert [(c.person, c.unit, c.role) for c in transfers] == [("p002", "th", Role.HEAD)]
    assert result.project.people["p003"].birth.month == 7
    assert result.project.people["p003"].birth.day is None
    assert [name for _, name in result.absent] == ["Võ Văn Già"]
    assert result.retiring == [("p004", "Võ Văn Già", dt.date(2021, 8, 31))]
    assert sorted(p.full_name for p in result.project.people.values()) == sorted(
        [*(r[0] for r in FIRST), "Trần Văn Mới"]
    )


def test_a_complete_list_retires_who_reached_the_age_and_records_the_others_as_leaving(
    project, tmp_path
):
    result = run_import(
        update_file(tmp_path), project, on=NOW, accept_matches=True, complete=True, **UPDATE
    )

    (leave,) = [c for c in result.changes if isinstance(c, Leave)]
    assert leave.person == "p004"
    assert leave.reason is LeaveReason.RETIREMENT
    assert "đến tuổi nghỉ hưu ngày 31/08/2021" in leave.note


def test_an_update_that_names_no_leader_but_relieves_leaders_must_be_acknowledged(
    project, tmp_path
):
    rows = [[*r[:5], "Chuyên viên", *r[6:]] for r in FIRST]
    path = write_csv(tmp_path / "hr.csv", [HEADER, *rows])

    with pytest.raises(ConfirmationNeeded) as caught:
        run_import(path, project, on=NOW, **UPDATE)

    (warning,) = caught.value.warnings
    assert warning.vi.startswith(
        "danh sách không có ai là cấp trưởng hay cấp phó nhưng sẽ miễn nhiệm 2 người"
    )


def test_an_hr_export_with_national_ids_is_matched_not_hired_again(project, tmp_path):
    ids = [f"0620000000{n:02d}" for n in range(1, 6)]
    rows = [[*r[:4], nid, *r[4:]] for r, nid in zip(FIRST, ids, strict=True)]
    path = write_csv(tmp_path / "cccd.csv", [[*HEADER[:4], "Số CCCD", *HEADER[4:]], *rows])

    result = run_import(path, project, on=THEN + dt.timedelta(days=1), **UPDATE)

    assert [c for c in result.changes if c.kind == "hire"] == []
    assert len(result.matched) == 5
    assert sorted(p.national_id for p in result.project.people.values()) == ids


def test_an_hr_export_with_its_own_codes_asks_before_taking_them_for_the_same_people(
    project, tmp_path
):
    rows = [[f"CB{n:04d}", *r] for n, r in enumerate(FIRST, start=1)]
    path = write_csv(tmp_path / "hr.csv", [["Mã cán bộ", *HEADER], *rows])
    on = THEN + dt.timedelta(days=1)

    with pytest.raises(ConfirmationNeeded) as caught:
        run_import(path, project, on=on, **UPDATE)
    assert len(caught.value.matches) == 5
    assert caught.value.matches[0].vi.startswith(
        "mã 'CB0001' không có trong dự án, nhưng 'Hồ Văn Quang' trùng họ tên và ngày sinh với "
        "'p001'"
    )

    result = run_import(path, project, on=on, accept_matches=True, **UPDATE)
    assert result.changes == ()
    assert sorted(result.project.people) == ["p001", "p002", "p003", "p004", "p005"]
