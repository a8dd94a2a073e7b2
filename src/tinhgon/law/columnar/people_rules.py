"""The rules on people (RA, RA-5), columnar.

What such a rule says of someone depends only on their own facts (sex, birth date, category,
early-retirement facts) and their unit's name (``FACTS_ONLY``: a rule on people that reads
anything else is not checked in columns). So people are grouped by those facts on the columns;
the rule's own ``check`` runs once on one person of each group; the groups it names are the
ones with findings; each of their people gets the finding of their group's person with their
own name, unit and ids (the finding reads "NAME (UNIT)…" then only what the facts decide;
checked for each group, else the rule runs again on a domain state of those people).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import NamedTuple

from tinhgon.domain import BirthDate, State, Text
from tinhgon.law.columnar import retirement_dates, shape
from tinhgon.law.columnar.copies import copy_of
from tinhgon.law.columnar.retirement_dates import normal_retirement, retires_on
from tinhgon.law.columnar.state import NONE, ColumnarState, Ints
from tinhgon.law.decree_135_2020 import RARetirementAge
from tinhgon.law.early_retirement import RA5EarlyRetirement
from tinhgon.law.engine import Env, Rule
from tinhgon.law.findings import Finding

# The rules on people whose finding on someone depends on their facts (the columns of the key)
# and their unit alone, and reads "NAME (UNIT)…" followed by what the facts decide
# (tests/law/test_columnar.py holds them to it).
FACTS_ONLY: frozenset[type[Rule]] = frozenset({RARetirementAge, RA5EarlyRetirement})

# The columns each of them reads of a person (people are grouped on these alone): RA the sex,
# birth date and category; RA-5 the sex, birth date and early-retirement facts. A column read
# and left out here would give a person another's finding (the property of
# tests/law/test_columnar.py, whose people have every fact, holds the rules to it).
BIRTH = ("sex", "birth_year", "birth_month", "birth_day")
READS: dict[type[Rule], tuple[str, ...]] = {
    RARetirementAge: (*BIRTH, "category"),
    RA5EarlyRetirement: (*BIRTH, "hazardous", "difficult", "loss"),
}
ALL_FACTS = (*BIRTH, "category", "hazardous", "difficult", "loss")

# The retirement dates remembered (``retirement_dates._DATES``, the same dictionary): the national
# benches clear it between timed runs as ``people_rules._DATES``.
_DATES = retirement_dates._DATES


def facts_key(cs: ColumnarState, names: tuple[str, ...] = ALL_FACTS) -> tuple[Ints, int]:
    """One integer per person for the facts ``names`` (equal facts, equal key), from 0 up to
    the second value (mixed radix over each column's range)."""

    def make() -> tuple[Ints, int]:
        import numpy as np

        key = np.zeros(cs.size, dtype=np.int64)
        space = 1
        for column in (getattr(cs, name) for name in names):
            if not len(column):
                break
            low = int(column.min())
            size = int(column.max()) - low + 1
            if space * size >= 2**62:
                raise ValueError("too many distinct facts for the columnar key")
            key = key * size + (column - low)
            space *= size
        return key, space

    found = cs.cache.get(f"facts_key:{names}")
    if found is None:
        found = cs.cache[f"facts_key:{names}"] = make()
    return found


def _group(key: Ints, space: int) -> tuple[Ints, Ints]:
    """One person of each distinct key (indices) and each person's group: by a table of every
    key when they are few enough (a few times the people), else by sorting."""
    import numpy as np

    if space > 4 * len(key) + 4096:
        _, first, group = np.unique(key, return_index=True, return_inverse=True)
        return first, group
    present = np.zeros(space, dtype=bool)
    present[key] = True
    group = (np.cumsum(present) - 1)[key]
    someone = np.empty(space, dtype=np.int64)
    someone[key] = np.arange(len(key), dtype=np.int64)  # one of each key's people
    return someone[present], group


def with_facts(cs: ColumnarState) -> Ints:
    """Who has any early-retirement fact (RA-5 checks only them)."""
    return (cs.hazardous != NONE) | (cs.difficult != NONE) | (cs.loss != NONE)


def _state(cs: ColumnarState, people: list[int]) -> State:
    return shape.substate(cs, (), people)


def _groups(rule: Rule, cs: ColumnarState, population: Ints | None = None) -> tuple[Ints, Ints]:
    """The people the rule looks at (``population``, indices; everyone if None) grouped by the
    facts it reads: one person of each group (indices) and each person's group (-1 for those
    the rule is not asked about)."""
    import numpy as np

    key, space = facts_key(cs, READS.get(type(rule), ALL_FACTS))
    if population is None:
        name = f"groups:{rule.id}"
        found = cs.cache.get(name)
        if found is None:
            found = cs.cache[name] = _group(key, space)
        return found
    first, inverse = _group(key[population], space)
    group = np.full(cs.size, -1, dtype=np.int64)
    group[population] = inverse
    return population[first], group


def retirement_candidates(cs: ColumnarState, on: dt.date, env: Env) -> Ints:
    """Who RA can have something to say of (indices): people whose retirement date
    (``retirement_of``, once for each sex and month of birth among them — what RA's own cache
    keys it by) falls within the rule's 12 months or has passed. A superset: the rule decides."""
    import numpy as np

    from tinhgon.law.decree_135_2020 import PLANNING_MONTHS
    from tinhgon.law.retirement import add_months

    key, space = facts_key(cs, ("sex", "birth_year", "birth_month"))
    first, group = _group(key, space)
    horizon = add_months(on, PLANNING_MONTHS).toordinal()
    dates = normal_retirement(
        env.parameters, cs.sex[first], cs.birth_year[first], cs.birth_month[first], on
    )
    return np.nonzero((dates <= horizon)[group])[0]


def early_candidates(cs: ColumnarState, on: dt.date, env: Env) -> Ints:
    """Who RA-5 can have something to say of (indices): people with early-retirement facts
    that meet one of the conditions (``eligibility``, asked once for each distinct set of facts,
    on one person having it) and whose earliest date (``retirement_of`` at the early ages, once
    for each sex and birth date among them) falls within the rule's 12 months. A superset: the
    rule itself decides."""
    import numpy as np

    from tinhgon.law.columnar.state import SEXES
    from tinhgon.law.early_retirement import EARLY_AGE, PLANNING_MONTHS, eligibility
    from tinhgon.law.retirement import add_months

    at = np.nonzero(with_facts(cs))[0]
    if not len(at):
        return at
    key, space = facts_key(cs, ("hazardous", "difficult", "loss"))
    first, group = _group(key[at], space)
    ok = np.array(
        [
            eligibility(cs.person(int(i)), on, env.parameters) is not None
            for i in at[first].tolist()
        ],
        dtype=bool,
    )
    at = at[ok[group]]
    if not len(at):
        return at
    key, space = facts_key(cs, BIRTH)
    first, group = _group(key[at], space)
    horizon = add_months(on, PLANNING_MONTHS)
    soon = []
    for i in at[first].tolist():
        sex, day = SEXES[int(cs.sex[i])], int(cs.birth_day[i])
        month = int(cs.birth_month[i])
        born = BirthDate(
            int(cs.birth_year[i]), None if month == NONE else month, None if day == NONE else day
        )
        soon.append(retires_on(env.parameters, sex, born, on, EARLY_AGE[sex]) <= horizon)
    return at[np.asarray(soon, dtype=bool)[group]]


class Found(NamedTuple):
    """A rule's findings on people; the first ``len(people)`` of them copied from their group's
    (``people``: whom each is about, in order; ``ranks``: each one's severity's rank), so that
    their place in the engine's order is found on the columns."""

    findings: list[Finding]
    people: Ints
    ranks: Ints


def plain_found(findings: list[Finding]) -> Found:
    import numpy as np

    none = np.zeros(0, dtype=np.int64)
    return Found(findings, none, none)


def people_check(rule: Rule, cs: ColumnarState, on: dt.date, env: Env) -> Found:
    import numpy as np

    if isinstance(rule, RA5EarlyRetirement):
        first, group = _groups(rule, cs, early_candidates(cs, on, env))
    elif isinstance(rule, RARetirementAge):
        first, group = _groups(rule, cs, retirement_candidates(cs, on, env))
    else:
        first, group = _groups(rule, cs)
    samples = sorted(first.tolist())
    found = list(rule.check(_state(cs, samples), on, env))
    index = {cs.person_ids[i]: i for i in samples}
    named = [index[f.person_id] for f in found if f.person_id in index]
    if not named:
        return plain_found([])
    flagged = np.zeros(len(first) + 1, dtype=bool)  # the last one: people passed over (-1)
    flagged[group[named]] = True
    chosen_at = np.nonzero(flagged[group])[0]
    if type(rule) not in FACTS_ONLY or len(named) != len(found) or len(set(named)) != len(named):
        return plain_found(list(rule.check(_state(cs, chosen_at.tolist()), on, env)))
    return _worded(
        cs,
        found,
        named,
        [int(group[i]) for i in named],
        chosen_at,
        group[chosen_at].tolist(),
        lambda people: rule.check(_state(cs, people), on, env),
    )


def _worded(
    cs: ColumnarState,
    found: list[Finding],
    named: list[int],
    named_groups: list[int],
    chosen_at: Ints,
    groups: list[int],
    fallback: Callable[[list[int]], Iterable[Finding]],
) -> Found:
    """The findings of everyone chosen (``groups``: the group of each) from those of one person
    of each group (``named``, in groups ``named_groups``, one finding each): the same finding with their own name,
    unit and ids (a rule of ``FACTS_ONLY`` says of a person "NAME (UNIT)…" and then only
    what their facts decide). A group whose finding does not read so is left to the rule."""
    template: dict[int, tuple[Finding, str, str]] = {}
    left: list[int] = []
    for i, g, f in zip(named, named_groups, found, strict=True):
        unit = cs.units[int(cs.person_unit[i])]
        prefix = f"{cs.full_names[i]} ({unit.name})"
        vi, en = f.message
        if vi.startswith(prefix) and en.startswith(prefix) and f.unit_id == unit.id:
            template[g] = (f, vi[len(prefix) :], en[len(prefix) :])
    out: list[Finding] = []
    append = out.append
    new_text = tuple.__new__
    import numpy as np

    units, names, ids = cs.units, cs.full_names, cs.person_ids
    chosen = chosen_at.tolist()
    where = cs.person_unit[chosen_at].tolist()
    for i, g, u in zip(chosen, groups, where, strict=True):
        entry = template.get(g)
        if entry is None:
            left.append(i)
            continue
        f, vi, en = entry
        unit = units[u]
        name = names[i]
        prefix = f"{name} ({unit.name})"
        append(
            copy_of(f, new_text(Text, (prefix + vi, prefix + en)), unit.id, unit.name, ids[i], name)
        )
    worded = np.zeros(max(groups, default=0) + 1, dtype=bool)
    ranks = np.zeros(len(worded), dtype=np.int64)
    for g, (f, _, _) in template.items():
        worded[g], ranks[g] = True, f.severity.rank
    copied = worded[np.asarray(groups, dtype=np.int64)]
    people, ranks = chosen_at[copied], ranks[np.asarray(groups, dtype=np.int64)[copied]]
    if left:
        out.extend(fallback(left))
    return Found(out, people, ranks)


def people_checked(rule: Rule, cs: ColumnarState) -> int:
    """How many people the rule checks (RA-5: those with early-retirement facts)."""
    if isinstance(rule, RA5EarlyRetirement):
        return int(with_facts(cs).sum())
    return cs.size
