"""Reads: what the pages and the API show, derived from the agency's project on a date.

Named ``<noun>_<verb>`` or after what they give back, keyword-only; no writes here.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any

from tinhgon.domain import (
    Category,
    Change,
    ChangeRefused,
    DissolveUnit,
    MergeUnits,
    Project,
    Role,
    SplitUnit,
    State,
    Text,
    diff_states,
    metrics_of,
)
from tinhgon.domain.agencies import footprint
from tinhgon.domain.describe import narrate
from tinhgon.domain.vietnamese import fold, name_sort_key, sort_key
from tinhgon.law import Report, check_project, retirement_of
from tinhgon.law.retirement import add_months


def structure_at(*, project: Project, on: dt.date, plan: str | None = None) -> State:
    return project.state_on(on, plan=plan)


def check_at(*, project: Project, state: State, plan: str | None = None) -> Report:
    """The legal check of ``state`` (the state on its date, with ``plan`` applied when named):
    the units the plan creates or merges are judged as the plan's own (``check_project``)."""
    assert state.on is not None
    return check_project(project, on=state.on, plan=plan, state=state)


def _worst(findings: list[dict[str, Any]]) -> str:
    for severity in ("violation", "warning", "info"):
        if any(f["severity"] == severity for f in findings):
            return severity
    return ""


@dataclass(frozen=True)
class StaffRow:
    person_id: str
    name: str
    unit_id: str
    unit_name: str
    role: Role
    title: str
    category: Category
    rank: str
    birth: str
    age_years: int
    sex: str
    retires_on: dt.date
    national_id: str


@functools.lru_cache(maxsize=8192)
def _retirement(sex: Any, born: Any) -> Any:
    """The retirement of a sex and birth month under the shipped parameters (they do not
    change while the application runs)."""
    return retirement_of(sex=sex, born=born)


AGE_BANDS = {
    "lt30": (0, 29),
    "30-39": (30, 39),
    "40-49": (40, 49),
    "50-54": (50, 54),
    "55+": (55, 200),
}


def staff_filter(
    rows: list[StaffRow],
    *,
    on: dt.date,
    q: str = "",
    unit: str = "",
    category: str = "",
    rank: str = "",
    age_band: str = "",
    retiring_within: int | None = None,
    state: State | None = None,
) -> list[StaffRow]:
    """Filter staff rows; the search ignores diacritics and case ('nguyen van an')."""
    needle = fold(q)
    units: set[str] | None = None
    if unit and state is not None and unit in state.units:
        units = {u.id for _, u in state.walk(unit)}
    out = []
    for row in rows:
        if needle and needle not in fold(row.name) and needle not in row.national_id:
            continue
        if units is not None and row.unit_id not in units:
            continue
        if category and row.category.value != category:
            continue
        if rank and fold(row.rank) != fold(rank):
            continue
        if age_band in AGE_BANDS:
            low, high = AGE_BANDS[age_band]
            if not low <= row.age_years <= high:
                continue
        # Retiring within N months, and those past their retirement date still on the staff.
        if retiring_within is not None and row.retires_on > add_months(on, retiring_within):
            continue
        out.append(row)
    return out


def _entry(project: Project, change: Change, text: Text) -> dict[str, Any]:
    document = None
    if change.basis is not None and change.basis in project.documents:
        document = project.documents.get(change.basis)
    return {
        "on": change.on,
        "kind": change.kind,
        "label": change.label.vi,
        "text": text.vi,
        "text_en": text.en,
        "basis": change.basis.symbol if change.basis else "",
        "document": document,
        "note": change.note,
    }


def _mine(project: Project, changes: tuple[Change, ...]) -> set[int] | None:
    """For a project narrowed to an agency inside the history, the changes that concern it
    (by ``id``); None for the whole history."""
    if project.scope is None:
        return None
    positions, _ = footprint(changes, project.scope)
    return {id(changes[i]) for i in positions}


def recent_entries(*, project: Project, on: dt.date, count: int = 8) -> list[dict[str, Any]]:
    """The last changes in effect on a date, newest first (told from the state before them)."""
    end = len(project.timeline.until(on))
    mine = _mine(project, project.timeline.changes)
    if mine is not None:
        told = [
            _entry(project, c, t) for c, t, _ in narrate(project.timeline, 0, end) if id(c) in mine
        ]
        return told[-count:][::-1]
    start = max(0, end - count)
    return [_entry(project, c, t) for c, t, _ in narrate(project.timeline, start, end)][::-1]


def timeline_entries(*, project: Project, plan: str | None = None) -> list[dict[str, Any]]:
    """The official changes in words, oldest first; with ``plan``, only that plan's changes
    (told against the official history they would join)."""
    if plan is None:
        mine = _mine(project, project.timeline.changes)
        return [
            _entry(project, c, t)
            for c, t, _ in narrate(project.timeline)
            if mine is None or id(c) in mine
        ]
    own = {id(c) for c in project.plan(plan).changes}
    projected = project.plan(plan).project(project.timeline)
    mine = _mine(project, projected.changes)
    if mine is not None:
        own &= mine
    return [_entry(project, c, t) for c, t, _ in narrate(projected) if id(c) in own]


HISTORY_PAGE = 50


def timeline_page(
    *,
    project: Project,
    page: int = 1,
    size: int = HISTORY_PAGE,
    since: dt.date | None = None,
    until: dt.date | None = None,
    kind: str = "",
) -> dict[str, Any]:
    """One page of the official changes, newest first, optionally from a date, up to a date
    and of one kind. Only the changes of the page are told in words (one replay over their
    span), so the page costs the same at 50 changes or 50,000."""
    changes = project.timeline.changes
    dates = [c.on for c in changes]
    low = bisect.bisect_left(dates, since) if since else 0
    high = bisect.bisect_right(dates, until) if until else len(changes)
    chosen: range | list[int] = range(low, max(low, high))
    if kind:
        chosen = [i for i in chosen if changes[i].kind == kind]
    if project.scope is not None:  # an agency inside a province's history: its own changes
        positions, _ = footprint(changes, project.scope)
        chosen = [i for i in chosen if i in positions]
    total = len(chosen)
    pages = max(1, -(-total // size))
    page = min(max(1, page), pages)
    end = total - (page - 1) * size
    shown = chosen[max(0, end - size) : end]
    entries = []
    if len(shown):
        wanted = set(shown)
        first = shown[0]
        for i, (change, text, _) in enumerate(narrate(project.timeline, first, shown[-1] + 1)):
            if first + i in wanted:
                entries.append(_entry(project, change, text))
    return {
        "entries": entries[::-1],
        "page": page,
        "pages": pages,
        "total": total,
        "kinds": sorted({c.kind for c in changes}),
        "labels": {c.kind: c.label.vi for c in changes},
    }


def plan_entries(*, project: Project, plan: str) -> list[dict[str, Any]]:
    """A plan's changes in date order, each with its place in the plan (to remove it by).

    When the plan no longer applies on the official history, they are still listed (in words
    without the names the failed projection would give), so that the officer can remove them."""
    domain = project.plan(plan)
    place = {id(c): i for i, c in enumerate(domain.changes)}
    try:
        projected = domain.project(project.timeline)
    except ChangeRefused:
        return [
            {**_entry(project, c, Text(c.label.vi, c.label.en)), "index": i}
            for i, c in sorted(enumerate(domain.changes), key=lambda pair: pair[1].on)
        ]
    return [
        {**_entry(project, c, t), "index": place[id(c)]}
        for c, t, _ in narrate(projected)
        if id(c) in place
    ]


def person_history(*, project: Project, person_id: str) -> list[dict[str, Any]]:
    """Every official change that concerns a person, including the merges and dissolutions
    that took them along, in words with its basis.

    Only the changes that may concern them (naming them, or merging, splitting or dissolving
    units) are told, each from the state just before it (replayed from the nearest snapshot;
    near ones in one replay): a person's page costs the same in a history of 50,000 changes."""
    entries: list[dict[str, Any]] = []
    if person_id not in project.people:  # someone never on the staff of the agency seen
        return entries
    carried = (MergeUnits, SplitUnit, DissolveUnit)
    changes = project.timeline.changes
    wanted = [
        i for i, c in enumerate(changes) if isinstance(c, carried) or person_id in c.person_ids()
    ]
    runs: list[list[int]] = []
    for i in wanted:  # candidates close together are told in one replay
        if runs and i - runs[-1][-1] <= _NEAR:
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        keep = set(run)
        for offset, (change, text, before) in enumerate(
            narrate(project.timeline, run[0], run[-1] + 1)
        ):
            if run[0] + offset not in keep:
                continue
            where = before.assignments.get(person_id)
            moved_along = (
                isinstance(change, carried)
                and where is not None
                and where.unit_id in change.unit_ids()
            )
            if person_id in change.person_ids() or moved_along:
                entries.append(_entry(project, change, text))
    return entries


_NEAR = 200  # changes: replaying this many costs less than starting again from a snapshot


def comparison(
    *, project: Project, before_on: dt.date, after_on: dt.date, plan: str | None = None
) -> dict[str, Any]:
    """Metrics, findings and differences before and after (a plan applied to 'after')."""
    before = project.state_on(before_on)
    after = project.state_on(after_on, plan=plan)
    return {
        "before": {
            "state": before,
            "metrics": metrics_of(before),
            "report": check_at(project=project, state=before),
        },
        "after": {
            "state": after,
            "metrics": metrics_of(after),
            "report": check_at(project=project, state=after, plan=plan),
        },
        "changes": diff_states(before, after),
    }


def plan_window(*, project: Project, plan: str) -> tuple[dt.date, dt.date]:
    """The dates a plan is judged on: the day before its first change and its last change."""
    changes = project.plan(plan).changes
    if not changes:
        today = project.timeline.last_date or dt.date(2000, 1, 1)
        return today, today
    first = min(c.on for c in changes)
    last = max(c.on for c in changes)
    return first - dt.timedelta(days=1), last


def units_sorted(state: State) -> list[tuple[int, Any]]:
    """Units in tree order with depth, for select boxes."""
    return list(state.walk())


def people_sorted(state: State) -> list[Any]:
    return sorted(
        (state.people[pid] for pid in state.assignments), key=lambda p: name_sort_key(p.full_name)
    )


def ranks_of(state: State) -> list[str]:
    names = {p.rank.name for p in state.people.values() if p.rank}
    return sorted(names, key=sort_key)


# The dashboard chart's points live in their own module; still importable from here.
from tinhgon.web.series import metrics_series as metrics_series  # noqa: E402
from tinhgon.web.series import series_dates as series_dates  # noqa: E402
