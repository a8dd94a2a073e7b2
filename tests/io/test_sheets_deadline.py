"""A time limit checked while a spreadsheet's rows stream (issue 11 item 2). The clock is a
seam: these tests step it by hand, so they never depend on the machine's speed."""

from __future__ import annotations

import pytest

from tests.io.spreadsheets import write_csv, write_xlsx
from tinhgon.io import sheets_deadline
from tinhgon.io.errors import FileRefused
from tinhgon.io.sheets import read_spreadsheet
from tinhgon.io.sheets_deadline import Deadline


class SteppingClock:
    """Each reading of the clock is one second after the previous one."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


ROWS = [["Họ và tên", "Đơn vị"]] + [[f"Người {n}", "vp"] for n in range(1, 60)]


@pytest.fixture
def stepping(monkeypatch):  # type: ignore[no-untyped-def]
    clock = SteppingClock()
    monkeypatch.setattr(sheets_deadline, "clock", clock)
    return clock


def test_a_workbook_read_past_its_deadline_is_refused_naming_the_row(tmp_path, stepping):
    path = write_xlsx(tmp_path / "ds.xlsx", {"Nhân sự": ROWS})

    with pytest.raises(FileRefused) as caught:
        read_spreadsheet(path, deadline=Deadline(20))

    [problem] = caught.value.problems
    assert problem.file == "ds.xlsx"
    assert "đọc tệp quá 20 giây cho phép" in problem.vi
    assert "trang tính 'Nhân sự', dòng " in problem.vi
    assert "chưa có gì được nhập" in problem.vi
    assert "20 seconds" in problem.en


def test_a_workbook_read_within_its_deadline_is_read_whole(tmp_path, stepping):
    path = write_xlsx(tmp_path / "ds.xlsx", {"Nhân sự": ROWS})

    book = read_spreadsheet(path, deadline=Deadline(1000))

    assert len(book.tables[0].rows) == len(ROWS)


def test_a_csv_file_read_past_its_deadline_is_refused(tmp_path, stepping):
    path = write_csv(tmp_path / "ds.csv", ROWS)

    with pytest.raises(FileRefused) as caught:
        read_spreadsheet(path, deadline=Deadline(10))

    assert "(dừng ở dòng 11)" in caught.value.problems[0].vi


def test_without_a_deadline_the_reader_never_looks_at_the_clock(tmp_path, stepping):
    path = write_xlsx(tmp_path / "ds.xlsx", {"Nhân sự": ROWS})

    read_spreadsheet(path)

    assert stepping.now == 0.0
