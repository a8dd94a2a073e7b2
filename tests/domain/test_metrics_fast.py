"""``metrics_of`` and the quota lines, worked out in one pass over the staff with counts kept
with the state, give exactly what the straightforward version (kept here as the reference:
the code before issue 14's web work) gives, on random histories and every date of them."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings

from tests.domain.test_properties import histories
from tinhgon.domain import Timeline
from tinhgon.domain.metrics import Metrics, QuotaLine, _quota_lines, metrics_of
from tinhgon.domain.model import Category, Role, UnitClass
from tinhgon.domain.state import State

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _reference_quota_lines(state: State, year: int) -> list[QuotaLine]:
    """Quota against actual for every unit with a quota for the year.

    A unit's actual count takes in its sub-units, except those with a quota of their own for
    the same category and year (their staff count against that quota instead).
    """
    by_unit: dict[str, dict[Category, int]] = {}
    for key, value in state.quotas.items():
        if key.year == year and key.unit_id in state.units:
            by_unit.setdefault(key.unit_id, {})[key.category] = value
    lines: list[QuotaLine] = []
    for unit_id, quotas in by_unit.items():
        for category, quota in quotas.items():
            actual = 0
            stack = [unit_id]
            while stack:
                current = stack.pop()
                for a in state.members(current):
                    if state.people[a.person_id].category is category:
                        actual += 1
                for child in state.children(current):
                    if category not in by_unit.get(child.id, {}):
                        stack.append(child.id)
            lines.append(
                QuotaLine(unit_id, state.units[unit_id].name, category, year, quota, actual)
            )
    order = {u.id: i for i, (_, u) in enumerate(state.walk())}
    lines.sort(key=lambda q: (order.get(q.unit_id, 0), list(Category).index(q.category)))
    return lines


def _reference_metrics(state: State) -> Metrics:
    """Count what the state holds; the quota comparison uses the year of the state's date."""
    units_by_kind: dict[str, int] = {}
    units_by_class: dict[str, int] = {}
    for unit in state.units.values():
        units_by_kind[unit.kind.code] = units_by_kind.get(unit.kind.code, 0) + 1
        cls = unit.kind.unit_class.value
        units_by_class[cls] = units_by_class.get(cls, 0) + 1

    # The agency's own departments and equivalents: those directly under an agency-class unit
    # (a department inside a chi cục or a public service unit is not one of them).
    own_departments = {
        unit.id
        for unit in state.units.values()
        if unit.kind.unit_class is UnitClass.DEPARTMENT
        and (
            unit.parent_id is None
            or state.units[unit.parent_id].kind.unit_class is UnitClass.AGENCY
        )
    }
    heads = deputies = 0

    by_category: dict[Category, int] = dict.fromkeys(Category, 0)
    leaders: dict[str, dict[str, int]] = {c.value: {"heads": 0, "deputies": 0} for c in UnitClass}
    people, units, staff_role, head_role = state.people, state.units, Role.STAFF, Role.HEAD
    for assignment in state.assignments.values():
        by_category[people[assignment.person_id].category] += 1
        role = assignment.role
        if role is not staff_role:
            level = units[assignment.unit_id].kind.unit_class.value
            leaders[level]["heads" if role is head_role else "deputies"] += 1
            if assignment.unit_id in own_departments:
                if role is head_role:
                    heads += 1
                else:
                    deputies += 1
    staff_by_category = {category.value: count for category, count in by_category.items()}

    spans: list[int] = []
    depth_max = -1
    for depth, unit in state.walk():
        depth_max = max(depth_max, depth)
        head = state.head(unit.id)
        if head is None:
            continue
        span = len(state.members(unit.id)) - 1
        span += sum(1 for child in state.children(unit.id) if state.head(child.id) is not None)
        spans.append(span)

    return Metrics(
        on=state.on,
        units=len(state.units),
        units_by_kind=dict(sorted(units_by_kind.items())),
        units_by_class=units_by_class,
        departments=len(own_departments),
        department_heads=heads,
        department_deputies=deputies,
        public_service_units=units_by_class.get(UnitClass.PUBLIC_SERVICE_UNIT.value, 0),
        staff=len(state.assignments),
        staff_by_category=staff_by_category,
        leaders_by_level=leaders,
        quota_lines=tuple(_reference_quota_lines(state, state.on.year)) if state.on else (),
        span_of_control_average=sum(spans) / len(spans) if spans else 0.0,
        span_of_control_max=max(spans, default=0),
        layers=depth_max + 1,
    )


@SETTINGS
@given(histories(max_steps=40))
def test_metrics_are_those_of_the_reference(changes):
    timeline = Timeline(changes)
    days = sorted({c.on for c in changes}) or [dt.date(2020, 1, 1)]
    for on in [*days, days[-1] + dt.timedelta(days=400)]:
        state = timeline.state_on(on)
        expected = _reference_metrics(state)
        assert _quota_lines(state, on.year) == _reference_quota_lines(state, on.year)
        assert metrics_of(state) == expected
        assert metrics_of(timeline.state_on(on)) == expected  # counts kept, or worked out again
