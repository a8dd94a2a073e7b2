"""The dashboard chart's points: units, department-level leaders and staff on spread dates
(``series_dates``), from one forward walk of the history, kept across writes
(``metrics_series``). Importable from ``tinhgon.web.selectors`` as before."""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from tinhgon.domain import Project, State, TinhgonError, UnitClass
from tinhgon.domain.agencies import scope as scope_state
from tinhgon.domain.model import month_end
from tinhgon.domain.timeline import first_difference
from tinhgon.law.retirement import add_months


class Headline(NamedTuple):
    """The four numbers the chart and the org chart's summary show, as ``metrics_of`` counts
    them (its ``departments``, ``department_leaders``, ``public_service_units``, ``staff``; and
    ``units``), without its per-category counts, quota lines and spans: a state of 50,000
    people in one pass over its leaders rather than over everyone."""

    units: int
    departments: int
    department_leaders: int
    public_service_units: int
    staff: int


def headline_of(state: State) -> Headline:
    units = state.units
    agency, department = UnitClass.AGENCY, UnitClass.DEPARTMENT
    own = {
        unit.id
        for unit in units.values()
        if unit.kind.unit_class is department
        and (unit.parent_id is None or units[unit.parent_id].kind.unit_class is agency)
    }
    leaders = state.leaders_in(own)
    services = UnitClass.PUBLIC_SERVICE_UNIT
    return Headline(
        units=len(units),
        departments=len(own),
        department_leaders=leaders,
        public_service_units=sum(1 for u in units.values() if u.kind.unit_class is services),
        staff=len(state.assignments),
    )


def metrics_series(
    *,
    project: Project,
    dates: list[dt.date],
    kept: dict[str, Any] | None = None,
    walked: dict[dt.date, State] | None = None,
) -> list[dict[str, Any]]:
    """Units, department-level leaders and staff on each date (the dashboard chart), the
    states from one forward walk of the history (``Timeline.states_on``).

    ``kept``: a dict the caller keeps across writes of the history (``repository.lasting``);
    the points dated before the first change that differs from the history they were computed
    from are taken from it, the others computed again. ``walked``: receives the states
    computed (as ``project.state_on`` gives them), for a caller that needs one of them too.
    """
    changes = project.timeline.changes
    points: dict[dt.date, dict[str, Any] | None] = {}
    earlier = kept.get("series") if kept is not None else None  # one tuple: set at once
    if earlier is not None and earlier[0] == project.scope:
        until = first_difference(earlier[1], changes)
        points = {day: p for day, p in earlier[2].items() if until is None or day < until}
    missing = [day for day in dates if day not in points]
    for day, state in project.timeline.states_on(missing):
        if project.scope is not None:
            try:  # as Project.state_on narrows it
                state = scope_state(state, project.scope)
            except TinhgonError:  # an agency inside the history that did not exist that day
                points[day] = None
                continue
        if walked is not None:
            walked[day] = state
        metrics = headline_of(state)
        points[day] = {
            "on": day,
            "departments": metrics.departments,
            "units": metrics.units,
            "leaders": metrics.department_leaders,
            "staff": metrics.staff,
        }
    if kept is not None:
        if len(points) > 10 * len(dates) + 100:  # asked on many dates: keep these only
            points = {day: points[day] for day in dates}
        kept["series"] = (project.scope, changes, points)
    return [point for day in dates if (point := points[day]) is not None]


def series_dates(*, project: Project, until: dt.date, points: int = 12) -> list[dt.date]:
    """Evenly spread dates from the first change (or 5 years back) to ``until``.

    Over three months or more, the points before ``until`` are month ends every ``step``
    months counted from year 0, the step the smallest of 1, 3, 6, 12, 24, 48… months that
    puts at most ``points - 2`` of them in the span. Each step is a multiple of the smaller
    ones and it only grows with the span (over 5 years back it is 6 months), so a later date's
    month ends before an earlier date are among the earlier's: a new date computes its own
    point and the month ends since, not the whole chart again (the points are kept by
    ``metrics_series``). The first change starts the series when it is less than 5 years back.
    Under three months, ``points`` days evenly apart.
    """
    first = project.timeline.first_date or until
    start = max(first, add_months(until, -60)) if until.year > 1905 else first
    if start >= until:
        return [until]
    months = (until.year - start.year) * 12 + until.month - start.month
    if points < 3 or months < 3:
        span = (until - start).days
        return sorted({start + dt.timedelta(days=span * i // (points - 1)) for i in range(points)})
    step = 1
    while len(grid := _month_ends(start, until, step)) > points - 2:
        step = _STEPS.get(step, step * 2)
    if start == first:  # the history's beginning is in the span: it starts the series
        return [start, *grid, until]
    return [*grid, until]


# The chart's steps in months, each a multiple of the one before (then doubling: 24, 48…).
_STEPS = {1: 3, 3: 6, 6: 12}


def _month_ends(start: dt.date, until: dt.date, step: int) -> list[dt.date]:
    """The month ends after ``start`` and before ``until`` of the months counted from year 0
    that are multiples of ``step``."""
    grid: list[dt.date] = []
    index = start.year * 12 + start.month - 1
    index += -index % step
    while (end := month_end(index // 12, index % 12 + 1)) < until:
        if end > start:
            grid.append(end)
        index += step
    return grid
