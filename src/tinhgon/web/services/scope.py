"""What a user limited to one agency inside a province's history may write and see: changes that
stay inside that agency, and the plans that concern it (issue 9, follow-up F1).

The forms offer such a user only the agency's units and people, but what is posted is checked
again here — the same for the forms and the API — against the whole history: every unit the
change names, every person it moves, before and after the change, must lie inside the agency.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404

from tinhgon.domain import Change, Plan, PlanStatus, State, StateBuilder, Timeline, TinhgonError
from tinhgon.domain.timeline import first_difference
from tinhgon.web import models, repository, scoping
from tinhgon.web.services.base import ServiceError


class OutsideScope(ServiceError):
    """A user limited to one agency posted a change that reaches outside it."""


def _within(state: State, scope: str, unit_id: str) -> bool:
    """Whether the unit is the agency or lies under it (stops on a loop)."""
    return state.is_ancestor(scope, unit_id)


def _inside(state: State, scope: str, unit_id: str | None) -> bool | None:
    """Whether a unit lies in the agency (None when the state does not know it)."""
    if unit_id is None or unit_id not in state.units:
        return None
    return _within(state, scope, unit_id)


def _outside(change: Change, before: State, after: State, scope: str) -> list[str]:
    """The names of what the change reaches outside the agency."""
    out: list[str] = []
    for unit_id in change.unit_ids():
        seen = [_inside(s, scope, unit_id) for s in (before, after)]
        if False in seen:
            state = before if unit_id in before.units else after
            out.append(state.units[unit_id].name)
    for unit_id in after.units.keys() - before.units.keys():  # units the change creates
        if not _within(after, scope, unit_id) and after.units[unit_id].name not in out:
            out.append(after.units[unit_id].name)
    for person_id in change.person_ids():
        for state in (before, after):
            where = state.assignments.get(person_id)
            if where is not None and _inside(state, scope, where.unit_id) is False:
                person = state.people.get(person_id)
                name = person.full_name if person is not None else person_id
                if name not in out:
                    out.append(name)
    return out


def touches(change: Change, before: State, after: State, scope: str) -> bool:
    """Whether a change names a unit or a person of the agency."""
    units = [_inside(s, scope, u) for u in change.unit_ids() for s in (before, after)]
    created = [_within(after, scope, u) for u in after.units.keys() - before.units.keys()]
    people = [
        _inside(s, scope, s.assignments[p].unit_id)
        for p in change.person_ids()
        for s in (before, after)
        if p in s.assignments
    ]
    return any(x is True for x in (*units, *created, *people))


def check_inside(
    *, agency: models.Agency, user: Any, change: Change, before: Timeline, after: Timeline
) -> None:
    """Refuse, with the names of what lies outside, a change of a user limited to one agency
    that reaches units or people of another agency. ``before``/``after``: the whole history
    (with the plan, for a plan's change) without and with the change."""
    if user is None:
        return
    scope = scoping.fixed_scope(user, agency)
    if scope is None:
        return
    state_before = before.state_on(change.on - dt.timedelta(days=1))
    state_after = after.state_on(change.on)
    outside = _outside(change, state_before, state_after, scope)
    if outside:
        name = repository.project_of_whole(agency).state_on(change.on).units.get(scope)
        own = name.name if name is not None else scope
        raise OutsideScope(
            f"Bạn chỉ được cập nhật {own}: thay đổi này liên quan đến {', '.join(outside)} "
            "ngoài cơ quan của bạn",
            f"You may only update {own}: this change concerns {', '.join(outside)}, outside "
            "your agency",
        )


def visible_plans(
    *, agency: models.Agency, user: Any, rows: Iterable[models.Plan]
) -> list[models.Plan]:
    """The plans a user may see: all of them, or for a user limited to one agency the plans
    that concern it (a change naming its units or people) or that someone limited to it drafted."""
    rows = list(rows)
    scope = scoping.fixed_scope(user, agency)
    if scope is None:
        return rows
    whole = repository.project_of_whole(agency)
    peers = set(
        models.Membership.objects.filter(agency=agency, unit=scope).values_list("user", flat=True)
    )
    # Whether a plan concerns the agency is kept across writes while the plan's changes and
    # the history up to its last change are the same (a write dated later changes nothing).
    kept = repository.lasting(agency, ("plans concerning", scope))
    base = whole.timeline.changes
    earlier = kept.get("plans")  # one tuple: set at once
    since = first_difference(earlier[0], base) if earlier is not None else dt.date.min
    found: dict[str, tuple[Any, ...]] = {}
    for pid, (status, changes, last, concerns) in (earlier[1] if earlier else {}).items():
        if since is None or (last is not None and since > last):
            found[pid] = (status, changes, last, concerns)
    shown = []
    for row in rows:
        if row.created_by_id is not None and row.created_by_id in peers:
            shown.append(row)
            continue
        plan = whole.plans.get(row.pid)
        if plan is None:
            continue
        old = found.get(row.pid)
        if old is not None and old[0] is plan.status and old[1] == plan.changes:
            concerns = old[3]
        else:
            concerns = _concerns(plan, whole.timeline, scope)
            last = max((c.on for c in plan.changes), default=None)
            found[row.pid] = (plan.status, plan.changes, last, concerns)
        if concerns:
            shown.append(row)
    kept["plans"] = (base, found)
    return shown


def _concerns(plan: Plan, official: Timeline, scope: str) -> bool:
    """Whether one of a plan's changes names a unit or a person of the agency (``touches``
    on the days around each change of the history with the plan), from one walk: one
    snapshot loaded, the official changes from the day before the plan's first change and the
    plan's merged in the order ``Plan.project`` gives (official first on a same day). A plan
    that does not apply concerns nobody. The states compared hold the units and the posts of
    the people the plan names: all that ``touches`` reads."""
    if not plan.changes:
        return False
    first = min(c.on for c in plan.changes)
    start = len(official.until(first - dt.timedelta(days=1)))
    merged = list(official.changes[start:])
    if plan.status is not PlanStatus.IMPLEMENTED:  # an implemented one's are in the history
        given = sorted(plan.changes, key=lambda c: c.on)  # stable: same-day order kept
        merged = sorted([*merged, *given], key=lambda c: c.on)
    builder = official.builder_at(start)
    named = {p for c in plan.changes for p in c.person_ids()}
    days = {c.on for c in plan.changes}
    states: dict[dt.date, State] = {}
    position = 0
    for day in sorted(days | {d - dt.timedelta(days=1) for d in days}):
        while position < len(merged) and merged[position].on <= day:
            if not _applies(merged[position], builder):
                return False
            position += 1
        states[day] = State(
            on=day,
            units=builder.units,
            ended={},
            people={},
            assignments={p: builder.assignments[p] for p in named if p in builder.assignments},
            departures={},
            quotas={},
        )
    if not all(_applies(change, builder) for change in merged[position:]):
        return False
    return any(
        touches(c, states[c.on - dt.timedelta(days=1)], states[c.on], scope) for c in plan.changes
    )


def _applies(change: Change, builder: StateBuilder) -> bool:
    try:
        change.apply(builder)
    except TinhgonError:
        return False
    return True


def visible_plan_ids(*, agency: models.Agency, user: Any) -> set[str]:
    """The ids of the agency's plans the user may see (for lists and choices of plans)."""
    return {row.pid for row in visible_plans(agency=agency, user=user, rows=agency.plans.all())}


def visible_plan(*, agency: models.Agency, user: Any, pid: str) -> models.Plan:
    """One plan of the agency, or 404 when it does not exist or the user may not see it."""
    row = get_object_or_404(models.Plan, agency=agency, pid=pid)
    if not visible_plans(agency=agency, user=user, rows=[row]):
        raise Http404("Không tìm thấy đề án")
    return row
