"""The rules on people (RA, RA-5), columnar.

What such a rule says of someone depends only on their own facts (sex, birth date, category,
early-retirement facts) and their unit's name. So people are grouped by those facts on the
columns; the rule's own ``check`` runs once on one person of each group, the groups it names
are the ones with findings, and it runs again, on a domain state of the people of those groups
only, to make their findings (their wording, numbers and citations are the object path's).
"""

from __future__ import annotations

import datetime as dt

from tinhgon.domain import State
from tinhgon.law.columnar import shape
from tinhgon.law.columnar.state import NONE, ColumnarState, Ints
from tinhgon.law.engine import Env, Rule
from tinhgon.law.findings import Finding


def facts_key(cs: ColumnarState) -> Ints:
    """One integer per person for the facts a rule on people reads (equal facts, equal key)."""

    def make() -> Ints:
        key = cs.sex.copy()
        for column, size in (
            (cs.birth_year, 4096),
            (cs.birth_month + 1, 16),
            (cs.birth_day + 1, 64),
            (cs.category, 8),
            (cs.hazardous + 1, 128),
            (cs.difficult + 1, 128),
            (cs.loss + 1, 128),
        ):
            key = key * size + column
        return key

    found = cs.cache.get("facts_key")
    if found is None:
        found = cs.cache["facts_key"] = make()
    return found


def with_facts(cs: ColumnarState) -> Ints:
    """Who has any early-retirement fact (RA-5 checks only them)."""
    return (cs.hazardous != NONE) | (cs.difficult != NONE) | (cs.loss != NONE)


def _state(cs: ColumnarState, people: list[int]) -> State:
    return shape.substate(cs, (), people)


def people_check(rule: Rule, cs: ColumnarState, on: dt.date, env: Env) -> list[Finding]:
    import numpy as np

    for value in (cs.hazardous, cs.difficult, cs.loss):
        if len(value) and int(value.max()) >= 126:
            raise ValueError("an early-retirement fact too large for the columnar key")
    key = facts_key(cs)
    _, first = np.unique(key, return_index=True)
    samples = sorted(first.tolist())
    named = {f.person_id for f in rule.check(_state(cs, samples), on, env)}
    flagged = np.array([key[i] for i in samples if cs.person_ids[i] in named], dtype=key.dtype)
    if not len(flagged):
        return []
    chosen = np.nonzero(np.isin(key, flagged))[0].tolist()
    return list(rule.check(_state(cs, chosen), on, env))


def people_checked(rule: Rule, cs: ColumnarState) -> int:
    """How many people the rule checks (RA-5: those with early-retirement facts)."""
    from tinhgon.law.early_retirement import RA5EarlyRetirement

    if isinstance(rule, RA5EarlyRetirement):
        return int(with_facts(cs).sum())
    return cs.size
