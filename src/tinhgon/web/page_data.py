"""What the busiest pages show, worked out once per write of the agency (and date, and plan)
and kept with its project in the memory-bounded cache (``repository.memo``).

A page of a province-sized agency (50,000 people, 2,500 units) shows a slice: the first page
of findings, the top levels of the org chart (a unit's sub-units opened on demand), one page
of the staff list. What is worked out for a date (the state, the legal check) is shared by
the pages that need it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from tinhgon.domain import Project, State, metrics_of
from tinhgon.domain.describe import unit_tree
from tinhgon.domain.timeline import first_difference
from tinhgon.domain.vietnamese import fold
from tinhgon.law import Report
from tinhgon.web import repository
from tinhgon.web.selectors import (
    _worst,
    check_at,
    metrics_series,
    recent_entries,
    series_dates,
)
from tinhgon.web.series import headline_of

# An org chart with more units than this draws its top levels; a unit's sub-units open on
# demand (the page of that unit). Smaller ones are drawn whole, as before.
WHOLE_TREE_UNITS = 400
CHILDREN_PAGE = 50  # sub-units of the unit shown, a page at a time


def state_at(
    *, agency: Any, on: dt.date, plan: str | None = None, known: dict[dt.date, State] | None = None
) -> State:
    """The state of a date (with a plan applied), kept; ``known``: states of the history
    already worked out (``metrics_series``'s walk, as ``project.state_on`` gives them)."""

    def compute(project: Project) -> State:
        if plan is not None:
            return project.state_on(on, plan=plan)

        def official() -> State:
            state = known.get(on) if known is not None else None
            return state if state is not None else project.state_on(on)

        return _across_writes(agency, project, ("state", on), official)

    state = repository.memo(agency, ("state", on, plan), compute)
    if plan is None:
        _touch(agency, ("state", on), state)
    return state


def report_at(*, agency: Any, on: dt.date, plan: str | None = None) -> Report:
    def compute(project: Project) -> Report:
        def check() -> Report:
            state = state_at(agency=agency, on=on, plan=plan)
            return check_at(project=project, state=state, plan=plan)

        return check() if plan else _across_writes(agency, project, ("check", on), check)

    report = repository.memo(agency, ("check", on, plan), compute)
    if plan is None:
        _touch(agency, ("check", on), report)
    return report


# The official state and check of a date (no plan) depend on the history's changes up to that
# date and on the agency only (``Project.state_on``, ``check_project``): after a write, those of
# the dates before the first change that differs are still right and are kept. How many dates:
# as many as a share of the cache's memory budget holds (a state and its check measured at
# about 0.3 KiB a person at 50,000 people; 0.7 KiB counted), at most ``_KEPT_DATES``. The
# dates shown least often are dropped first (the date most pages are asked for, e.g. today's,
# outlives a run of dates each asked a few times), the least recently shown among equals; the
# counts are halved at each write, so that a date no longer looked at makes room in time.
_KEPT_DATES = 32
_BYTES_PER_PERSON = 700
_BUDGET_SHARE = 4  # a quarter of the cache's budget (TINHGON_CACHE_MIB)

Dated = dict[tuple[str, dt.date], Any]


def _room(agency: Any, project: Project | None = None) -> int:
    """How many dates' states and checks are kept across writes for this agency."""
    project = project if project is not None else repository.project_of(agency)
    people = max(1, len(project.people))
    fits = repository._budget_bytes() // _BUDGET_SHARE // (_BYTES_PER_PERSON * people)
    return max(1, min(_KEPT_DATES, fits))


def _last(values: Dated, on: dt.date) -> Dated:
    """The values with those of ``on`` moved last (the most recently used)."""
    mine = {k: v for k, v in values.items() if k[1] == on}
    return {**{k: v for k, v in values.items() if k[1] != on}, **mine}


def _trimmed(values: Dated, hits: dict[dt.date, int], room: int) -> Dated:
    days = list(dict.fromkeys(k[1] for k in values))  # the least recently used first
    if len(days) <= room:
        return values
    # dropped first: those shown the fewest times, then the least recently shown
    order = sorted(range(len(days)), key=lambda i: (hits.get(days[i], 0), i))
    gone = {days[i] for i in order[: len(days) - room]}
    return {k: v for k, v in values.items() if k[1] not in gone}


def _shown(
    hits: dict[dt.date, int], on: dt.date, values: Dated, *, more: int
) -> dict[dt.date, int]:
    """The times each date kept was shown, ``more`` added for ``on`` (the others forgotten);
    counted once a page: where its state is asked for (``state_at``, through ``_touch``)."""
    days = {k[1] for k in values} | {on}
    return {day: hits.get(day, 0) + (more if day == on else 0) for day in days}


def _touch(agency: Any, key: tuple[str, dt.date], value: Any) -> None:
    """A date shown again from the memo is the last to be dropped, kept again if it was
    dropped (the memo's values are those of the history kept, when it is the project's)."""
    kept = repository.lasting(agency, "dated")
    earlier = kept.get("history")
    if earlier is None:
        return
    values, hits = earlier[3], earlier[4]
    if values.get(key) is not value:
        if earlier[2] is not repository.project_of(agency).timeline.changes:
            return
        values = {**values, key: value}
    hits = _shown(hits, key[1], values, more=key[0] == "state")
    room = kept.get("room") or _room(agency)  # as the last computation found it
    kept["history"] = (*earlier[:3], _trimmed(_last(values, key[1]), hits, room), hits)


def _seen(agency: Any, on: dt.date) -> None:
    """A page of a date was shown (from the memo): counted, if the date is kept."""
    kept = repository.lasting(agency, "dated")
    earlier = kept.get("history")
    if earlier is None or not any(k[1] == on for k in earlier[3]):
        return
    hits = _shown(earlier[4], on, earlier[3], more=1)
    kept["history"] = (*earlier[:3], _last(earlier[3], on), hits)


def _across_writes(agency: Any, project: Project, key: tuple[str, dt.date], compute: Any) -> Any:
    kept = repository.lasting(agency, "dated")
    changes = project.timeline.changes
    # (scope, agency, changes, values, times each date was shown): one tuple, set at once
    earlier = kept.get("history")
    hits: dict[dt.date, int] = {}
    if earlier is None or (earlier[0], earlier[1]) != (project.scope, project.agency):
        values: Dated = {}
    elif earlier[2] is changes:
        values, hits = earlier[3], earlier[4]
    else:
        until = first_difference(earlier[2], changes)
        values = {k: v for k, v in earlier[3].items() if until is None or k[1] < until}
        hits = {day: times // 2 for day, times in earlier[4].items()}  # a write: halved
    if key in values:
        value = values[key]
        values = _last(values, key[1])
    else:
        value = compute()
        values = {**values, key: value}
    hits = _shown(hits, key[1], values, more=0)
    kept["room"] = room = _room(agency, project)
    values = _trimmed(values, hits, room)
    kept["history"] = (project.scope, project.agency, changes, values, hits)
    return value


def dashboard_at(*, agency: Any, on: dt.date) -> dict[str, Any]:
    from tinhgon.web import charts

    def compute(project: Project) -> dict[str, Any]:
        walked: dict[dt.date, State] = {}  # the chart's last point is this date's state
        series = metrics_series(
            project=project,
            dates=series_dates(project=project, until=on),
            kept=repository.lasting(agency, "series"),
            walked=walked,
        )
        state = state_at(agency=agency, on=on, known=walked)
        report = report_at(agency=agency, on=on)
        return {
            "metrics": metrics_of(state),
            "report": report,
            "counts": report.summary(),
            "chart": charts.series_chart(series),
            "recent": recent_entries(project=project, on=on),
        }

    shown = repository.memo(agency, ("dashboard", on), compute)
    _seen(agency, on)
    return shown


def _findings_by_unit(report: Report) -> dict[str, list[dict[str, Any]]]:
    by_unit: dict[str, list[dict[str, Any]]] = {}
    for finding in report.findings:
        if finding.unit_id:
            by_unit.setdefault(finding.unit_id, []).append(
                {
                    "severity": finding.severity.value,
                    "rule": finding.rule,
                    "rule_name": finding.rule_name,
                    "text": finding.text_vi(),
                }
            )
    return by_unit


def orgchart_at(*, agency: Any, on: dt.date, plan: str | None) -> dict[str, Any]:
    """Metrics, counts and the findings of each unit on a date (with a plan applied)."""

    def compute(project: Project) -> dict[str, Any]:
        state = state_at(agency=agency, on=on, plan=plan)
        report = report_at(agency=agency, on=on, plan=plan)
        return {
            "state": state,
            "by_unit": _findings_by_unit(report),
            "metrics": headline_of(state),  # the four numbers its summary shows
            "counts": report.summary(),
        }

    shown = repository.memo(agency, ("orgchart", on, plan), compute)
    if plan is None:
        _seen(agency, on)
    return shown


def _node(
    state: State, unit_id: str, by_unit: dict[str, list[dict[str, Any]]], depth: int
) -> dict[str, Any]:
    """One unit of the org chart the way ``unit_tree`` describes it, with its findings; its
    sub-units down to ``depth`` more levels, below that counted (``more``) to be opened."""
    unit = state.units[unit_id]
    head = state.head(unit_id)
    year = state.on.year if state.on else None
    quota = {
        key.category.value: value
        for key, value in state.quotas.items()
        if key.year == year and key.unit_id == unit_id
    }

    def person(pid: str, title: str) -> dict[str, str]:
        return {"id": pid, "name": state.people[pid].full_name, "title": title}

    children = state.children(unit_id)
    findings = by_unit.get(unit_id, [])
    return {
        "id": unit.id,
        "name": unit.name,
        "kind": unit.kind.code,
        "kind_name": unit.kind.name_vi,
        "head": person(head.person_id, unit.kind.head_title) if head else None,
        "deputies": [person(d.person_id, unit.kind.deputy_title) for d in state.deputies(unit_id)],
        "staff": state.headcount(unit_id),
        "staff_total": state.headcount(unit_id, recursive=True),
        "quota": quota,
        "findings": findings,
        "worst": _worst(findings),
        "children": [_node(state, c.id, by_unit, depth - 1) for c in children] if depth else [],
        "more": 0 if depth else len(children),
    }


def org_tree(data: dict[str, Any], *, focus: str | None, page: int = 1) -> dict[str, Any]:
    """The nodes to draw: every unit for a small agency; else the unit asked for (or the roots)
    with one page of its sub-units (each with its own to be opened), and the units above it."""
    state: State = data["state"]
    by_unit = data["by_unit"]
    if len(state.units) <= WHOLE_TREE_UNITS:
        tree = unit_tree(state)

        def attach(nodes: list[dict[str, Any]]) -> None:
            for node in nodes:
                node["findings"] = by_unit.get(node["id"], [])
                node["worst"] = _worst(node["findings"])
                node["more"] = 0
                attach(node["children"])

        attach(tree)
        return {"tree": tree, "focus": None, "above": [], "partial": False, "page": 1, "pages": 1}
    if focus is not None and focus not in state.units:
        focus = None
    roots = [focus] if focus else [u.id for u in state.roots()]
    above = (
        [{"id": u.id, "name": u.name} for u in reversed(state.ancestors(focus))] if focus else []
    )
    tree, pages = [], 1
    for root in roots:  # the unit and one page of its sub-units, theirs to be opened
        node = _node(state, root, by_unit, 0)
        children = state.children(root)
        pages = max(pages, -(-len(children) // CHILDREN_PAGE))
        first = (min(max(1, page), pages) - 1) * CHILDREN_PAGE
        shown = children[first : first + CHILDREN_PAGE]
        node["children"] = [_node(state, c.id, by_unit, 0) for c in shown]
        node["more"] = 0
        node["shown"] = (first + 1, first + len(shown), len(children))
        tree.append(node)
    number = min(max(1, page), pages)
    return {
        "tree": tree,
        "focus": state.units[focus] if focus else None,
        "above": above,
        "partial": True,
        "page": number,
        "pages": pages,
    }


def org_search(data: dict[str, Any], *, text: str, limit: int = 50) -> dict[str, Any]:
    """Units whose name, or whose leaders' names, match (diacritics and case ignored)."""
    state: State = data["state"]
    needle = fold(text)
    found: list[dict[str, Any]] = []
    total = 0
    if needle:
        for _, unit in state.walk():
            names = [unit.name]
            head = state.head(unit.id)
            if head is not None:
                names.append(state.people[head.person_id].full_name)
            names += [state.people[d.person_id].full_name for d in state.deputies(unit.id)]
            if any(needle in fold(n) for n in names):
                total += 1
                if len(found) < limit:
                    path = " › ".join(u.name for u in reversed(state.ancestors(unit.id)))
                    found.append({"id": unit.id, "name": unit.name, "path": path})
    return {"found": found, "total": total}


# The staff list lives in its own module; its names are still importable from here.
from tinhgon.web.staff_data import _people_order as _people_order  # noqa: E402
from tinhgon.web.staff_data import staff_ids as staff_ids  # noqa: E402
from tinhgon.web.staff_data import staff_row as staff_row  # noqa: E402
from tinhgon.web.staff_data import staff_select as staff_select  # noqa: E402
