"""Running the rules on a columnar state: the engine's ``run`` (coverage, notes outside the
rules' windows, the same order of findings), each rule's findings found on the columns."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterable, Sequence

from tinhgon.domain import Agency
from tinhgon.law.columnar import shape
from tinhgon.law.columnar.people_rules import (
    FACTS_ONLY,
    Found,
    people_check,
    people_checked,
    plain_found,
)
from tinhgon.law.columnar.state import ColumnarState, Ints
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
    return found_by(rule, cs, on, env).findings


def found_by(rule: Rule, cs: ColumnarState, on: dt.date, env: Env) -> Found:
    if rule.people and type(rule) not in FACTS_ONLY:
        raise NotImplementedError(f"no columnar check for rule {rule.id}")
    if rule.people:
        return people_check(rule, cs, on, env)
    how = unit_check(rule)
    if how is None:
        raise NotImplementedError(f"no columnar check for rule {rule.id}")
    return plain_found(how(rule, cs, on, env))


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
    found: list[tuple[str, Found]] = []  # each rule's findings, in the engine's order of rules
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
                found.append((rule.id, plain_found([_ended(rule, units, on, ended, count)])))
            continue
        if not rule.in_force(on, env.parameters):
            coverage.append(CoverageLine(rule, Coverage.NOT_ENCODED, count, windows))
            if count:
                found.append((rule.id, plain_found([_gap(rule, units, on, env, count)])))
            continue
        coverage.append(CoverageLine(rule, Coverage.IN_FORCE, count, windows))
        found.append((rule.id, found_by(rule, cs, on, env)))
    return Report(on=on, findings=tuple(_ordered(cs, found)), coverage=tuple(coverage))


Keys = tuple[Ints, Ints, Ints, Ints]  # severity's rank, unit's place, rule, person


def _keys(findings: Sequence[Finding], order: dict[str, int]) -> Keys:
    """The engine's sort key of each finding, as four columns (strings as numpy strings, which
    compare by code point as Python's do)."""
    import numpy as np

    n = len(findings)
    rank = {id(s): s.rank for s in Severity}  # by identity: an enum hashes slowly
    get = order.get
    return (
        np.fromiter((rank[id(f.severity)] for f in findings), np.int64, n),
        np.fromiter((get(f.unit_id or "", -1) for f in findings), np.int64, n),
        _strings([f.rule for f in findings]),
        _strings([f.person_id or "" for f in findings]),
    )


def _strings(texts: list[str]) -> Ints:
    import numpy as np

    return np.array(texts, dtype=f"U{max(map(len, texts), default=0) or 1}")


def _lexsorted(findings: list[Finding], keys: list[Keys]) -> list[Finding]:
    import numpy as np

    severity, unit, rule, person = (np.concatenate(column) for column in zip(*keys, strict=True))
    at = np.lexsort((person, rule, unit, severity))  # stable: ties kept as they came
    return list(map(findings.__getitem__, at.tolist()))


def engine_order(findings: list[Finding], order: dict[str, int]) -> list[Finding]:
    """The findings in ``engine.run``'s order — by severity's rank, the unit's place in the tree
    (``order``; -1 without a unit), the rule's code, the person's id ("" without one), ties kept
    as they came — by a stable ``np.lexsort`` on the key's columns rather than a Python key per
    finding."""
    if len(findings) < 2:
        return list(findings)
    return _lexsorted(findings, [_keys(findings, order)])


def _ordered(cs: ColumnarState, found: list[tuple[str, Found]]) -> list[Finding]:
    """``engine_order`` of all findings; the key of those a rule on people copied from their
    group's (most of them at the country's size) read from the columns — the person's unit's
    place, their id — rather than from each finding."""
    findings = [f for _, (some, _, _) in found for f in some]
    if len(findings) < 2:
        return list(findings)
    order, place = shape.places(cs)
    ids = cs.person_ids
    keys: list[Keys] = []
    for rule, (some, people, ranks) in found:
        copied = len(people)
        if copied:
            keys.append(
                (
                    ranks,
                    place[cs.person_unit[people]],
                    _strings([rule]).repeat(copied),
                    _strings([ids[i] for i in people.tolist()]),
                )
            )
        if copied < len(some):
            keys.append(_keys(some[copied:], order))
    return _lexsorted(findings, keys)
