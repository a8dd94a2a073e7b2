"""The states on several dates from one forward walk (``Timeline.states_on``, the chart over
time) are exactly the states ``state_on`` gives date by date."""

from __future__ import annotations

import datetime as dt
from unittest.mock import patch

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.domain.test_properties import histories
from tinhgon.domain import Timeline

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def histories_and_dates(draw: st.DrawFn):
    changes = draw(histories(max_steps=40))
    days = sorted({c.on for c in changes}) or [dt.date(2020, 1, 1)]
    around = [d + dt.timedelta(days=k) for d in days for k in (-1, 0, 1)]
    dates = draw(st.lists(st.sampled_from(around), max_size=12))
    step = draw(st.integers(min_value=1, max_value=6))  # snapshots every few changes
    return changes, dates, step


@SETTINGS
@given(histories_and_dates())
def test_states_on_several_dates_equal_the_state_on_each(case):
    changes, dates, step = case
    with patch("tinhgon.domain.timeline._MIN_STEP", step):
        timeline = Timeline(changes)
        walked = list(timeline.states_on(dates))
        assert [day for day, _ in walked] == sorted(set(dates))
        for day, state in walked:
            expected = timeline.state_on(day)
            assert state == expected
            assert state.on == expected.on == day
