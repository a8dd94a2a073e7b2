"""The rule set, and checking a state against it.

The order here is the order of the catalogue (docs/rules.md): instrument by instrument, then
the checks that rest on the agency's own data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from tinhgon.domain import Agency, State, UnitKind
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
from tinhgon.law.engine import Report, Rule, rules_for, run
from tinhgon.law.parameters import ParameterSet

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
    the units a plan creates or merges (``planned_units``), whose shortfalls are the plan's."""
    return run(RULES, state, on, agency, parameters, planned)


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
