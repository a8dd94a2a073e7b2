"""The rule set, and checking a state against it.

The order here is the order of the catalogue (docs/rules.md): instrument by instrument, then
the checks that rest on the agency's own data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace

from tinhgon.domain import Agency, State, UnitKind
from tinhgon.domain.agencies import split_by_agency
from tinhgon.law import decree_24_2014, decree_82_2018, decree_135_2020, leadership, quotas
from tinhgon.law.engine import Coverage, CoverageLine, Report, Rule, rules_for, run
from tinhgon.law.parameters import ParameterSet, load_parameters

RULES: tuple[Rule, ...] = (
    *decree_82_2018.RULES,
    *decree_24_2014.RULES,
    *decree_135_2020.RULES,
    *quotas.RULES,
    *leadership.RULES,
)


def rule_by_id(rule_id: str) -> Rule:
    for rule in RULES:
        if rule.id == rule_id:
            return rule
    raise KeyError(rule_id)


def check(
    state: State, *, on: dt.date, agency: Agency, parameters: ParameterSet | None = None
) -> Report:
    """Kiểm tra: every rule that applies to the agency, on the state at the date.

    A state holding several agencies (a province's history: units with an ``agency_type``)
    is checked against each body of law for the agencies it governs — all the agencies of one
    type together, as a forest of their own states (one run per type, so that the province's
    sở are one collection for the province-wide rules) — and what lies outside every agency
    against the history's own; the reports are put together (issue 9).
    """
    parts = split_by_agency(state)
    if not parts:
        return run(RULES, state, on, agency, parameters)
    params = parameters if parameters is not None else load_parameters()
    inside = {uid for part in parts.values() for uid in part.units}
    rest = [u for u in state.units if u not in inside]
    reports = []
    if rest:
        reports.append(run(RULES, _part(state, rest), on, agency, params))
    by_type: dict[str, list[str]] = {}
    for agency_id in parts:
        by_type.setdefault(state.units[agency_id].agency_type or "other", []).append(agency_id)
    for agency_type, ids in by_type.items():
        if len(ids) == 1:
            unit = state.units[ids[0]]
            own = replace(agency, id=unit.id, name=unit.name, agency_type=agency_type)
        else:
            own = replace(agency, agency_type=agency_type)
        reports.append(run(RULES, _forest([parts[i] for i in ids]), on, own, params))
    return _together(reports, on)


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
    units = {
        u: (
            replace(state.units[u], parent_id=None)
            if state.units[u].parent_id not in ids
            else state.units[u]
        )
        for u in ids
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


_STATUS_RANK = {Coverage.IN_FORCE: 0, Coverage.NOT_ENCODED: 1, Coverage.NOT_APPLICABLE: 2}


def _together(reports: list[Report], on: dt.date) -> Report:
    """One report of several: every finding, and each rule's coverage over all of them."""
    findings = tuple(f for r in reports for f in r.findings)
    by_rule: dict[str, CoverageLine] = {}
    for report in reports:
        for line in report.coverage:
            seen = by_rule.get(line.rule.id)
            if seen is None:
                by_rule[line.rule.id] = line
                continue
            status = min(seen.status, line.status, key=_STATUS_RANK.__getitem__)
            by_rule[line.rule.id] = replace(
                seen, status=status, checked=seen.checked + line.checked
            )
    ordered = sorted(findings, key=lambda f: f.severity.rank)
    return Report(on=on, findings=tuple(ordered), coverage=tuple(by_rule.values()))


def applicable_rules(
    *, on: dt.date, kind: UnitKind, agency_type: str, parameters: ParameterSet | None = None
) -> Iterator[tuple[Rule, str]]:
    """The rules that concern a kind of unit in a kind of agency, and their status on a date."""
    return rules_for(RULES, on=on, kind=kind, agency_type=agency_type, parameters=parameters)
