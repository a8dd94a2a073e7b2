"""Birth dates: checked to the day against the calendar (leap years included)."""

from __future__ import annotations

import pytest

from tinhgon.domain import InvalidValue
from tinhgon.domain.model import BirthDate


@pytest.mark.parametrize("text", ["1990-02-29", "2000-02-30", "1985-04-31", "31/06/1970"])
def test_a_day_the_month_does_not_have_is_refused(text: str) -> None:
    with pytest.raises(InvalidValue):
        BirthDate.parse(text)


@pytest.mark.parametrize("text", ["2000-02-29", "1996-02-29", "31/12/1970", "1985-04-30"])
def test_a_day_the_month_has_is_read(text: str) -> None:
    assert BirthDate.parse(text).day is not None
