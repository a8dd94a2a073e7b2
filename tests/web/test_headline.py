"""The chart's points and the org chart's summary count four numbers without ``metrics_of``'s
per-category counts (``series.headline_of``): they must be exactly ``metrics_of``'s, on every
date of random histories (departments under departments, leaders moving, units merged)."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings

from tests.domain.test_properties import histories
from tinhgon.domain import Timeline, metrics_of
from tinhgon.web.series import headline_of


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(histories(max_steps=40))
def test_the_headline_is_what_metrics_of_counts(changes):
    timeline = Timeline(changes)
    days = sorted({c.on for c in changes})
    for on in [*days, days[-1] + dt.timedelta(days=1)]:
        state = timeline.state_on(on)
        metrics = metrics_of(state)
        headline = headline_of(state)
        assert headline.units == metrics.units
        assert headline.departments == metrics.departments
        assert headline.department_leaders == metrics.department_leaders
        assert headline.public_service_units == metrics.public_service_units
        assert headline.staff == metrics.staff


def test_the_headline_of_the_example_agency(kontum):
    from tinhgon.web import repository

    project = repository.project_of(kontum)
    for on in (dt.date(2019, 12, 31), dt.date(2021, 6, 30)):
        state = project.state_on(on)
        metrics, headline = metrics_of(state), headline_of(state)
        assert headline.department_leaders == metrics.department_leaders > 0
        assert headline.public_service_units == metrics.public_service_units
        assert (headline.units, headline.departments, headline.staff) == (
            metrics.units,
            metrics.departments,
            metrics.staff,
        )
