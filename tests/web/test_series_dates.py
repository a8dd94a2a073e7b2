"""The dashboard chart's dates: month ends on a grid shared by close dates, so a new date
computes one point; the grid's steps nested (1, 3, 6… months), so a later date's points before
an earlier date are among the earlier's, whatever the two dates."""

import datetime as dt
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from tinhgon.law.retirement import add_months
from tinhgon.web.selectors import series_dates


def _project(first: dt.date | None) -> SimpleNamespace:
    return SimpleNamespace(timeline=SimpleNamespace(first_date=first))


@settings(max_examples=300, deadline=None)
@given(
    first=st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1)),
    days=st.integers(1, 6000),
    later=st.integers(1, 45),
)
def test_dates_are_spread_and_close_dates_share_them(first, days, later):
    until = first + dt.timedelta(days=days)
    dates = series_dates(project=_project(first), until=until)
    assert dates == sorted(set(dates))
    assert len(dates) <= 12
    assert dates[-1] == until
    assert dates[0] >= max(first, dt.date(until.year - 6, 1, 1))
    if days > 400:  # a year or more: at least half the points, covering most of the span
        assert len(dates) >= 6
        start = max(first, add_months(until, -60))
        gridded = [day for day in dates if day != first]
        assert (gridded[0] - start).days <= 7 * 31  # within one step (6 months or less)
    other_day = until + dt.timedelta(days=later)
    other = series_dates(project=_project(first), until=other_day)
    same_month = (other_day.year, other_day.month) == (until.year, until.month)
    if same_month and days > 400 and add_months(other_day, -60) < first:  # the same start
        assert other[:-1] == dates[:-1]
        assert other[-1] == other_day


def test_a_new_date_next_to_another_one_shares_all_but_its_own_point():
    project = _project(dt.date(2010, 1, 1))
    a = series_dates(project=project, until=dt.date(2020, 6, 15))
    b = series_dates(project=project, until=dt.date(2020, 6, 16))
    assert a[:-1] == b[:-1]
    assert (a[-1], b[-1]) == (dt.date(2020, 6, 15), dt.date(2020, 6, 16))
    assert a[:3] == [dt.date(2015, 7, 31), dt.date(2016, 1, 31), dt.date(2016, 7, 31)]


def test_short_histories_keep_their_beginning():
    project = _project(dt.date(2023, 3, 5))
    dates = series_dates(project=project, until=dt.date(2024, 12, 31))
    assert dates[0] == dt.date(2023, 3, 5)
    assert 6 <= len(dates) <= 12
    assert series_dates(project=project, until=dt.date(2023, 3, 5)) == [dt.date(2023, 3, 5)]
    few = series_dates(project=project, until=dt.date(2023, 6, 1))  # three months: month ends
    assert few == [
        dt.date(2023, 3, 5),
        dt.date(2023, 3, 31),
        dt.date(2023, 4, 30),
        dt.date(2023, 5, 31),
        dt.date(2023, 6, 1),
    ]
    fewer = series_dates(project=project, until=dt.date(2023, 5, 20))  # under three: days apart
    assert fewer[0] == dt.date(2023, 3, 5)
    assert fewer[-1] == dt.date(2023, 5, 20)
    assert len(fewer) == 12


def _months(a: dt.date, b: dt.date) -> int:
    return (b.year - a.year) * 12 + b.month - a.month


@settings(max_examples=500, deadline=None)
@given(
    first=st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1)),
    days=st.integers(92, 6000),
    later=st.integers(1, 4000),
)
def test_a_later_date_adds_only_its_point_and_the_month_ends_since(first, days, later):
    """For any two dates three months or more after the first change, the later date's points
    before the earlier date are among the earlier's (computed and kept already): what is new
    is after it, the later date and at most one month end a month between them."""
    project = _project(first)
    earlier = first + dt.timedelta(days=days)
    if _months(first, earlier) < 3:
        return
    until = earlier + dt.timedelta(days=later)
    known = set(series_dates(project=project, until=earlier))
    dates = series_dates(project=project, until=until)
    new = [day for day in dates if day not in known and day != until]
    assert all(day > earlier for day in new)
    assert len(new) <= _months(earlier, until) + 1
    if later <= 31:  # the next month or so: one month end at most, and the date itself
        assert len(new) <= 1
