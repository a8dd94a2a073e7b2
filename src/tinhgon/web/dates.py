"""The dates the application accepts: 01/01/1900 to 31/12/2100. A date outside (31/12/9999)
is refused with a clear message rather than overflowing in the domain's arithmetic (ages,
retirement dates, charts over years)."""

from __future__ import annotations

import datetime as dt

FIRST = dt.date(1900, 1, 1)
LAST = dt.date(2100, 12, 31)


class OutOfRange(ValueError):
    def __init__(self, day: dt.date) -> None:
        self.vi = f"ngày {day:%d/%m/%Y} nằm ngoài khoảng 01/01/1900 – 31/12/2100"
        self.en = f"the date {day.isoformat()} is outside 1900-01-01 – 2100-12-31"
        super().__init__(self.vi)


def in_range(day: dt.date) -> dt.date:
    if not FIRST <= day <= LAST:
        raise OutOfRange(day)
    return day
