"""A time limit while a spreadsheet is read: the reader checks it as rows stream and refuses the
file once the limit has passed (issue 11: "limits on rows, cells and time, checked while
reading")."""

from __future__ import annotations

import time
from collections.abc import Callable

from tinhgon.io.errors import FileRefused

# The clock the deadlines read (seconds, monotonic); a seam for tests, never the wall clock.
clock: Callable[[], float] = time.monotonic


def _vn(number: int) -> str:
    return f"{number:,}".replace(",", ".")


class Deadline:
    """``seconds`` from its creation; ``check`` raises FileRefused once they have passed."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = clock() + seconds

    def check(self, file: str, sheet: str, row: int) -> None:
        if clock() <= self.end:
            return
        where = f"trang tính '{sheet}', " if sheet else ""
        where_en = f"sheet '{sheet}', " if sheet else ""
        raise FileRefused.because(
            file,
            f"đọc tệp quá {self.seconds:g} giây cho phép (dừng ở {where}dòng "
            f"{_vn(row)}): tệp quá lớn hoặc máy chủ đang bận; chia thành nhiều tệp nhỏ hơn hoặc thử lại "
            "sau, chưa có gì được nhập",
            f"reading the file took longer than the {self.seconds:g} seconds allowed (stopped at "
            f"{where_en}row {row:,}): the file is too large or the server is busy; split it or "
            "try again later, nothing was imported",
        )
