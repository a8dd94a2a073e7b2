"""The rule set, and checking a state against it.

The order here is the order of the catalogue (docs/rules.md): instrument by instrument, then
the checks that rest on the agency's own data.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from tinhgon.domain import Agency, PlanStatus, Project, State, UnitKind
from tinhgon.domain.agencies import split_by_agency
from tinhgon.domain.changes import Change, CreateUnit, MergeUnits, SplitUnit
from tinhgon.law import (
    commune,
    decree_24_2014,
    decree_35_2022,
    decree_82_2018,
    decree_120_2020,
    decree_135_2020,
    early_retirement,
    leadership,
    quotas,
)
from tinhgon.law.engine import Coverage, CoverageLine, Report, Rule, rules_for, run
from tinhgon.law.parameters import ParameterSet, load_parameters
from tinhgon.law.province import Member, check_province

RULES: tuple[Rule, ...] = (
    *decree_82_2018.RULES,
    *decree_35_2022.RULES,
    *decree_24_2014.RULES,
    *commune.RULES,
    *decree_120_2020.RULES,
    *decree_135_2020.RULES,
    *early_retirement.RULES,
    *quotas.RULES,
    *leadership.RULES,
)


def rule_by_id(rule_id: str) -> Rule:
    for rule in RULES:
        if rule.id == rule_id:
            return rule
    raise KeyError(rule_id)


def check(
    state: State,
    *,
    on: dt.date,
    agency: Agency,
    parameters: ParameterSet | None = None,
    planned: Iterable[str] = (),
) -> Report:
    """Kiểm tra: every rule that applies to the agency, on the state at the date. ``planned``:
    the units a plan creates or merges (``planned_units``), whose shortfalls are the plan's.

    A state holding several agencies (a province's history: units with an ``agency_type``)
    is checked against each body of law for the agencies it governs — all the agencies of one
    type together, as a forest of their own states (one run per type) — and what lies outside
    every agency against the history's own; then the province-wide rules
    (``check_province``: deputy directors of the sở on average, the communes' averages) on
    every agency; the reports are put together (issue 9).
    """
    parts = split_by_agency(state)
    roots = state.roots()
    if not parts or (len(parts) == 1 and len(roots) == 1 and roots[0].id in parts):
        return _run(state, on, agency, parameters, planned)  # one agency
    params = parameters if parameters is not None else load_parameters()
    planned = frozenset(planned)
    inside = {uid for part in parts.values() for uid in part.units}
    rest = [u for u in state.units if u not in inside]
    reports = []
    if rest:
        reports.append(_run(_part(state, rest), on, agency, params, planned))
    by_type: dict[str, list[str]] = {}
    for agency_id in parts:
        by_type.setdefault(state.units[agency_id].agency_type or "other", []).append(agency_id)
    for agency_type, ids in by_type.items():
        if len(ids) == 1:
            unit = state.units[ids[0]]
            own = replace(agency, id=unit.id, name=unit.name, agency_type=agency_type)
        else:
            own = replace(agency, agency_type=agency_type)
        reports.append(_run(_forest([parts[i] for i in ids]), on, own, params, planned))
    province = check_province(
        province_members(agency, state, parts),
        on=on,
        province=agency.province or agency.name,
        province_class=agency.province_class,
        parameters=params,
    )
    judged = {f.rule for f in province.findings}
    reports = [_without_agency_notes(r, judged) for r in reports]
    return _together(reports, on, province)


def province_members(agency: Agency, state: State, parts: dict[str, State]) -> list[Member]:
    """Every agency of a province's state as a member of the province-wide rules: the agency
    given, named and typed as its root unit, with its part of the state."""
    return [
        Member(
            agency=replace(
                agency,
                id=agency_id,
                name=state.units[agency_id].name,
                agency_type=state.units[agency_id].agency_type or "other",
            ),
            state=part,
        )
        for agency_id, part in parts.items()
    ]


def _run(
    state: State,
    on: dt.date,
    agency: Agency,
    parameters: ParameterSet | None,
    planned: Iterable[str],
) -> Report:
    """Every rule on one state: in columns from ``columnar.THRESHOLD`` people in post (the
    same report, sooner; issue 14), object by object below."""
    if len(state.assignments) >= _columnar_threshold():
        from tinhgon.law.columnar import ColumnarState, run_columnar, supported

        if not supported(RULES):  # a rule the columnar check does not know: object by object
            return run(RULES, state, on, agency, parameters, planned)
        columns = ColumnarState.from_state(state)
        return run_columnar(RULES, columns, on, agency, parameters, planned)
    return run(RULES, state, on, agency, parameters, planned)


def _columnar_threshold() -> int:
    """From how many people in post one agency is checked in columns (issue 14)."""
    from tinhgon.law.columnar import THRESHOLD

    return THRESHOLD


def _without_agency_notes(report: Report, judged: set[str]) -> Report:
    """A part's report without its per-agency province-wide notes (SO-3, CM-1 "needs the whole
    province") for the rules the province-wide run has judged: the province's finding says it."""
    kept = tuple(
        f
        for f in report.findings
        if not (f.rule in judged and f.detail.get("province_wide") and "agencies" not in f.detail)
    )
    return replace(report, findings=kept)


def _forest(parts: list[State]) -> State:
    """Several agencies' states side by side, each agency a root."""
    if len(parts) == 1:
        return parts[0]
    return State(
        on=parts[0].on,
        units={k: v for p in parts for k, v in p.units.items()},
        ended={},
        people={k: v for p in parts for k, v in p.people.items()},
        assignments={k: v for p in parts for k, v in p.assignments.items()},
        departures={},
        quotas={k: v for p in parts for k, v in p.quotas.items()},
    )


def _part(state: State, unit_ids: list[str]) -> State:
    """The units outside every agency inside a history (the root's own), with their staff."""
    ids = set(unit_ids)
    units = {  # in the order given (never a set's): the report's order is the same every run
        u: (
            replace(state.units[u], parent_id=None)
            if state.units[u].parent_id not in ids
            else state.units[u]
        )
        for u in dict.fromkeys(unit_ids)
    }
    assignments = {p: a for p, a in state.assignments.items() if a.unit_id in ids}
    return State(
        on=state.on,
        units=units,
        ended={},
        people={p: state.people[p] for p in assignments},
        assignments=assignments,
        departures={},
        quotas={k: v for k, v in state.quotas.items() if k.unit_id in ids},
    )


_STATUS_RANK = {
    Coverage.IN_FORCE: 0,
    Coverage.NOT_ENCODED: 1,
    Coverage.ENDED: 2,
    Coverage.NOT_APPLICABLE: 3,
}


def _together(reports: list[Report], on: dt.date, province: Report) -> Report:
    """One report of several: every finding, and each rule's coverage over all of them (the
    parts' counts added up; the province-wide run counts the same agencies again, so it only
    raises a count or a status)."""
    findings = [f for r in (*reports, province) for f in r.findings]
    by_rule: dict[str, CoverageLine] = {}

    def strongest(a: str, b: str) -> str:
        return min(a, b, key=lambda s: _STATUS_RANK.get(s, 9))

    def merge(lines: Iterable[CoverageLine], count: Callable[[int, int], int]) -> None:
        for line in lines:
            seen = by_rule.get(line.rule.id)
            if seen is None:
                by_rule[line.rule.id] = line
                continue
            status = strongest(seen.status, line.status)
            by_rule[line.rule.id] = replace(
                seen, status=status, checked=count(seen.checked, line.checked)
            )

    for report in reports:
        merge(report.coverage, operator.add)
    merge(province.coverage, max)
    findings.sort(key=lambda f: f.severity.rank)
    return Report(on=on, findings=tuple(findings), coverage=tuple(by_rule.values()))


def check_project(
    project: Project,
    *,
    on: dt.date,
    plan: str | None = None,
    state: State | None = None,
    parameters: ParameterSet | None = None,
) -> Report:
    """Kiểm tra a project on a date, with a plan applied when one is named: the units that a plan
    not yet implemented creates, consolidates into or splits off are judged as the plan's own
    doing (a shortfall there is the plan's violation). ``state``: the state on the date, when
    the caller has it already."""
    if state is None:
        state = project.state_on(on, plan=plan)
    chosen = project.plan(plan) if plan else None
    planned = (
        planned_units(chosen.changes)
        if chosen is not None and chosen.status is not PlanStatus.IMPLEMENTED
        else frozenset()
    )
    return check(state, on=on, agency=project.agency, parameters=parameters, planned=planned)


def planned_units(changes: Iterable[Change]) -> frozenset[str]:
    """The units a plan's changes create, consolidate into or split off."""
    out: set[str] = set()
    for change in changes:
        if isinstance(change, CreateUnit):
            out.add(change.unit.id)
        elif isinstance(change, MergeUnits):
            out.add(change.into)
        elif isinstance(change, SplitUnit):
            out.update(u.id for u in change.new_units)
    return frozenset(out)


def applicable_rules(
    *, on: dt.date, kind: UnitKind, agency_type: str, parameters: ParameterSet | None = None
) -> Iterator[tuple[Rule, str]]:
    """The rules that concern a kind of unit in a kind of agency, and their status on a date."""
    return rules_for(RULES, on=on, kind=kind, agency_type=agency_type, parameters=parameters)
