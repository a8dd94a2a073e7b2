"""A timeline built for a few dates (``snapshots_for``, a command line reading) keeps snapshots for
those dates and the last one only, and answers every date, and every append, exactly as a
timeline with the usual snapshots does."""

from __future__ import annotations

import dataclasses
import datetime as dt
from unittest.mock import patch

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.domain.test_properties import histories
from tests.domain.test_timeline_append import _dates, _outcome, _root
from tinhgon.domain import Timeline

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(histories(max_steps=40), st.data())
def test_a_timeline_built_for_some_dates_answers_every_date_alike(changes, data):
    dates = _dates(list(changes))
    asked = data.draw(st.lists(st.sampled_from(dates), max_size=3))
    with patch("tinhgon.domain.timeline._MIN_STEP", 2):
        usual = _outcome(lambda: Timeline(changes))
        sparse = _outcome(lambda: Timeline(changes, snapshots_for=asked))
    if isinstance(usual, str) or isinstance(sparse, str):
        assert sparse == usual  # the same refusal
        return
    kept = [index for index, _ in sparse._checkpoints]
    wanted = {len(changes), *(sum(c.on <= on for c in changes) for on in asked)} - {0}
    assert kept == sorted(wanted)  # a snapshot for each date asked and the last, no more
    assert sparse.changes == usual.changes
    for on in dates:
        assert sparse.state_on(on) == usual.state_on(on)
    # An append (a plan, a write) gives what it gives from the usual timeline.
    more = [dataclasses.replace(c, on=c.on + dt.timedelta(days=3)) for c in changes[-2:]]
    grown_usual = _outcome(lambda: usual.with_changes(more))
    grown_sparse = _outcome(lambda: sparse.with_changes(more))
    if isinstance(grown_usual, str) or isinstance(grown_sparse, str):
        assert grown_sparse == grown_usual
        return
    for on in _dates([*changes, *more]):
        assert grown_sparse.state_on(on) == grown_usual.state_on(on)


def test_with_no_date_asked_only_the_last_state_is_kept():
    timeline = Timeline([_root(dt.date(2020, 1, 1))], snapshots_for=())
    assert [index for index, _ in timeline._checkpoints] == [1]
    assert timeline.state_on(dt.date(2019, 12, 31)).units == {}
    assert "root" in timeline.state_on(dt.date(2020, 1, 1)).units
