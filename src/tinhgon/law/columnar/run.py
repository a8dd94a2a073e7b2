"""Running the rules on a columnar state: the engine's ``run`` (coverage, notes outside the
rules' windows, the same order of findings), each rule's findings found on the columns."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterable

from tinhgon.domain import Agency
from tinhgon.law.columnar import shape
from tinhgon.law.columnar.people_rules import FACTS_ONLY, people_check, people_checked
from tinhgon.law.columnar.state import ColumnarState
from tinhgon.law.columnar.unit_rules import targets, unit_check
from tinhgon.law.engine import Coverage, CoverageLine, Env, Report, Rule, _ended, _gap
from tinhgon.law.findings import Finding, Severity
from tinhgon.law.parameters import ParameterSet, load_parameters


def supported(rules: Iterable[Rule]) -> bool:
    """Whether the columnar check knows how to find every one of these rules' findings."""
    return all(
        type(rule) in FACTS_ONLY if rule.people else unit_check(rule) is not None for rule in rules
    )


def checked(rule: Rule, cs: ColumnarState) -> int:
    return people_checked(rule, cs) if rule.people else len(targets(rule, cs))


def findings_of(rule: Rule, cs: ColumnarState, on: dt.date, env: Env) -> list[Finding]:
    if rule.people and type(rule) not in FACTS_ONLY:
        raise NotImplementedError(f"no columnar check for rule {rule.id}")
    if rule.people:
        return people_check(rule, cs, on, env)
    how = unit_check(rule)
    if how is None:
        raise NotImplementedError(f"no columnar check for rule {rule.id}")
    return how(rule, cs, on, env)


def run_columnar(
    rules: Iterable[Rule],
    cs: ColumnarState,
    on: dt.date,
    agency: Agency,
    parameters: ParameterSet | None = None,
    planned: Iterable[str] = (),
) -> Report:
    """``tinhgon.law.engine.run`` on a columnar state: the same report.

    The cyclic garbage collector is paused meanwhile: the check makes hundreds of thousands of
    findings, none of them in a cycle, and each collection would walk every object of a
    national state again (half the time at 2,000,000 people)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        return _run(rules, cs, on, agency, parameters, planned)
    finally:
        if paused:
            gc.enable()


def _run(
    rules: Iterable[Rule],
    cs: ColumnarState,
    on: dt.date,
    agency: Agency,
    parameters: ParameterSet | None,
    planned: Iterable[str],
) -> Report:
    env = Env(
        agency=agency,
        parameters=parameters if parameters is not None else load_parameters(),
        planned=frozenset(planned),
    )
    units = shape.units_state(cs)
    findings: list[Finding] = []
    coverage: list[CoverageLine] = []
    for rule in rules:
        windows = rule.windows(env.parameters)
        if not rule.applies_to_agency(agency.agency_type):
            coverage.append(CoverageLine(rule, Coverage.NOT_APPLICABLE, 0, windows))
            continue
        count = checked(rule, cs)
        ended = rule.ended(on, env.parameters)
        if ended is not None:
            coverage.append(CoverageLine(rule, Coverage.ENDED, count, windows))
            if count:
                findings.append(_ended(rule, units, on, ended, count))
            continue
        if not rule.in_force(on, env.parameters):
            coverage.append(CoverageLine(rule, Coverage.NOT_ENCODED, count, windows))
            if count:
                findings.append(_gap(rule, units, on, env, count))
            continue
        coverage.append(CoverageLine(rule, Coverage.IN_FORCE, count, windows))
        findings.extend(findings_of(rule, cs, on, env))
    order = {cs.units[i].id: n for n, i in enumerate(shape.walk_order(cs))}
    return Report(on=on, findings=tuple(engine_order(findings, order)), coverage=tuple(coverage))


def engine_order(findings: list[Finding], order: dict[str, int]) -> list[Finding]:
    """The findings in ``engine.run``'s order — by severity's rank, the unit's place in the tree
    (``order``; -1 without a unit), the rule's code, the person's id ("" without one), ties kept
    as they came — each key made an integer column and ordered by a stable ``np.lexsort``
    rather than a Python key per finding. Strings are ranked by ``np.unique``, which orders
    them by code point as Python does."""
    import numpy as np

    if len(findings) < 2:
        return list(findings)
    rank = {id(s): s.rank for s in Severity}  # by identity: an enum hashes slowly
    severity = np.fromiter((rank[id(f.severity)] for f in findings), np.int64, len(findings))
    get = order.get
    unit = np.fromiter((get(f.unit_id or "", -1) for f in findings), np.int64, len(findings))
    _, rule = np.unique(np.array([f.rule for f in findings]), return_inverse=True)
    _, person = np.unique(np.array([f.person_id or "" for f in findings]), return_inverse=True)
    at = np.lexsort((person, rule, unit, severity))
    return [findings[i] for i in at.tolist()]
