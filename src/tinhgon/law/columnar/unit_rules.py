"""The rules on units, columnar: which units can have a finding is worked out on the columns;
the findings themselves are made by the rule's own ``check`` on a small domain state holding
those units with everything the rule reads of them (their members, parents, children or
sub-units), so their wording, numbers and citations are the object path's.

Every filter here may select more units than end up with a finding (the rule decides), never
fewer: a unit left out is one the rule would pass.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from tinhgon.domain import Category, Role, State, Text, UnitClass
from tinhgon.domain.metrics import QuotaLine
from tinhgon.law import commune, decree_24_2014, decree_35_2022, leadership, quotas, staffing
from tinhgon.law.columnar import shape
from tinhgon.law.columnar.copies import copy_of
from tinhgon.law.columnar.state import CATEGORIES, ColumnarState, Ints
from tinhgon.law.engine import Env, Rule, limits_on
from tinhgon.law.findings import Finding


def targets(rule: Rule, cs: ColumnarState) -> list[int]:
    """The units the rule checks (indices, in tree order), as ``rule.targets`` says."""
    # the units, quotas and year decide: shared (``shape._shared``), by the rule object itself
    key = ("targets", rule)
    found = cs.shared.get(key)
    if found is not None:
        return found  # type: ignore[no-any-return]
    units = shape.units_state(cs)
    if isinstance(rule, quotas.QT1OverQuota):  # its own targets: the units with a quota
        ids = {k.unit_id for k in cs.quotas if k.year == cs.on.year}
        out = [i for i in shape.walk_order(cs) if cs.units[i].id in ids]
    elif type(rule).targets is not Rule.targets:
        out = [cs.unit_index[u.id] for u in rule.targets(units)]
    else:
        walk = shape.walk_order(cs)
        if rule.unit_classes is not None:
            import numpy as np

            codes = [shape.class_code(c) for c in rule.unit_classes]
            at = np.asarray(walk, dtype=np.int64)
            walk = at[np.isin(cs.unit_class[at], codes)].tolist()
        if type(rule).selects is not Rule.selects:
            walk = [i for i in walk if rule.selects(units, cs.units[i])]
        out = walk
    cs.shared[key] = out
    return out


def _counted(cs: ColumnarState, categories: frozenset[Category]) -> Ints:
    import numpy as np

    codes = sorted(CATEGORIES.index(c) for c in categories)
    return shape.by_category(cs)[:, codes].sum(axis=1, dtype=np.int64)


def _run(
    rule: Rule, cs: ColumnarState, on: dt.date, env: Env, state: State, keep: set[int]
) -> list[Finding]:
    """The rule's own findings on a sub-state, for the units chosen (not the ones brought in
    only as their parents, children or sub-units; not the province-class note)."""
    ids = {cs.units[i].id for i in keep}
    return [
        f
        for f in rule.check(state, on, env)
        if f.unit_id in ids and "province_class" not in f.detail
    ]


def _note(rule: Rule, cs: ColumnarState, on: dt.date, env: Env, found: list[int]) -> list[Finding]:
    """The note that only the limits true for every province class apply (first, as the rule
    gives it)."""
    if not found or env.agency.province_class is not None:
        return []
    entry, _ = limits_on(env, rule.parameters[0], on)
    roots = shape.units_state(cs).roots()
    units = [found[0]] + ([cs.unit_index[roots[0].id]] if roots else [])
    note = staffing.class_note(rule, shape.substate(cs, units, ()), on, env, entry)
    return [] if note is None else [note]


def _limits(rule: Rule, on: dt.date, env: Env, counts: Ints) -> Callable[[int], int | None]:
    """The limit of the band the rule's parameter gives for unit ``i``'s count (None: no band),
    looked up once per distinct count."""
    entry, limits = limits_on(env, rule.parameters[0], on)
    memo: dict[int, int | None] = {}

    def limit(i: int) -> int | None:
        c = int(counts[i])
        if c not in memo:
            band = limits.band_for(c, env.agency.province_class, entry.confidence)
            memo[c] = None if band is None else band.limit
        return memo[c]

    return limit


def deputy_limit(
    rule: staffing.DeputyLimitRule, cs: ColumnarState, on: dt.date, env: Env
) -> list[Finding]:
    import numpy as np

    found = targets(rule, cs)
    deputies = shape.role_counts(cs, Role.DEPUTY)
    with_children = isinstance(rule, decree_24_2014.SO7SubDepartmentDeputies)
    if with_children:
        dept = cs.unit_class == shape.class_code(UnitClass.DEPARTMENT)
        counts = np.bincount(cs.parent[dept & (cs.parent >= 0)], minlength=len(cs.units))
    elif type(rule).count is staffing.DeputyLimitRule.count:
        counts = _counted(cs, env.parameters[rule.parameters[0]].counted_categories)
    else:  # a count of its own not known here: every unit with deputies
        counts = None
    if counts is None:
        chosen = [i for i in found if deputies[i] > 0]
    else:
        limit = _limits(rule, on, env, counts)
        chosen = [
            i for i in found if deputies[i] > 0 and ((n := limit(i)) is None or deputies[i] > n)
        ]
    extra = shape.children_of(cs, chosen) if with_children or counts is None else set()
    # SO-7 counts departments, not people: of the members it reads only the deputies
    people = shape.members_of(cs, chosen, leaders=with_children)
    state = shape.substate(cs, set(chosen) | extra, people)
    return _note(rule, cs, on, env, found) + _run(rule, cs, on, env, state, set(chosen))


def minimum_staff(
    rule: staffing.MinimumStaffRule, cs: ColumnarState, on: dt.date, env: Env
) -> list[Finding]:
    import numpy as np

    found = targets(rule, cs)
    categories = env.parameters[rule.parameters[0]].counted_categories
    in_post = _counted(cs, categories)
    if rule.recursive:
        in_post = shape.subtree_sums(cs, in_post)
    posts = in_post.copy()
    quota = np.zeros(len(cs.units), dtype=np.int64)
    given = np.zeros(len(cs.units), dtype=bool)
    for key, value in cs.quotas.items():
        if key.year == on.year and key.category in categories and key.unit_id in cs.unit_index:
            i = cs.unit_index[key.unit_id]
            quota[i] += value
            given[i] = True
    posts[given] = quota[given]
    limit = _limits(rule, on, env, posts)
    chosen = [i for i in found if (n := limit(i)) is not None and posts[i] < n]
    units = shape.subtree_of(cs, chosen) if rule.recursive else set(chosen)
    state = shape.substate(cs, units, shape.members_of(cs, units))
    return _note(rule, cs, on, env, found) + _run(rule, cs, on, env, state, set(chosen))


def over_quota(
    rule: quotas.QT1OverQuota, cs: ColumnarState, on: dt.date, env: Env
) -> list[Finding]:
    """QT-1: each quota line counted on the columns as the domain counts it (a unit's staff
    take in its sub-units, except those with a quota of their own for the category)."""
    import numpy as np

    lines: dict[int, dict[Category, int]] = {}
    for key, value in cs.quotas.items():
        if key.year == on.year and key.unit_id in cs.unit_index:
            lines.setdefault(cs.unit_index[key.unit_id], {})[key.category] = value
    if not lines:
        return []
    d = shape.depth(cs)
    levels = [np.nonzero(d == level)[0] for level in range(int(d.max()) + 1)]
    actual: dict[tuple[int, Category], int] = {}
    for category in {c for by in lines.values() for c in by}:
        owner = np.full(len(cs.units), -1, dtype=np.int64)
        own = np.array([u for u, by in lines.items() if category in by], dtype=np.int64)
        has = np.zeros(len(cs.units), dtype=bool)
        has[own] = True
        for at in levels:
            parents = cs.parent[at]
            inherited = np.where(parents >= 0, owner[np.maximum(parents, 0)], -1)
            owner[at] = np.where(has[at], at, inherited)
        counts = shape.by_category(cs)[:, CATEGORIES.index(category)]
        mine = owner >= 0
        totals = np.bincount(owner[mine], weights=counts[mine], minlength=len(cs.units))
        for u in own.tolist():
            actual[(u, category)] = int(totals[u])
    over = [(u, c) for u, by in lines.items() for c in by if actual[(u, c)] > by[c]]
    if not over:
        return []
    position = {u: n for n, u in enumerate(shape.walk_order(cs))}
    order = list(Category)
    out: list[Finding] = []
    for u, category in sorted(over, key=lambda k: (position.get(k[0], 0), order.index(k[1]))):
        unit = cs.units[u]
        line = QuotaLine(
            unit.id, unit.name, category, on.year, lines[u][category], actual[(u, category)]
        )
        out.append(rule.over(line, unit, on))
    return out


def no_quota(rule: quotas.QT2NoQuota, cs: ColumnarState, on: dt.date, env: Env) -> list[Finding]:
    """QT-2: the units without a quota for the year. What it says of a unit depends on its
    class alone (the citations) and reads "NAME: …" (the year): the rule's own finding on one
    unit of each class, each other unit of the class given a copy with its own name and id
    (every unit of a new sở but a few has such a finding). A finding not worded so: the rule
    on every unit."""
    with_quota = {k.unit_id for k in cs.quotas if k.year == on.year}
    chosen = [i for i in targets(rule, cs) if cs.units[i].id not in with_quota]
    if type(rule) is not quotas.QT2NoQuota or len(chosen) < 3:
        return _run(rule, cs, on, env, shape.substate(cs, chosen, ()), set(chosen))
    classes = cs.unit_class[chosen].tolist()
    sample = {c: i for i, c in zip(reversed(chosen), reversed(classes), strict=True)}
    found = _run(rule, cs, on, env, shape.substate(cs, sample.values(), ()), set(sample.values()))
    units = cs.units
    template: dict[int, tuple[Finding, str, str]] = {}
    for c, i in sample.items():
        unit = units[i]
        mine = [f for f in found if f.unit_id == unit.id]
        (vi, en) = mine[0].message if len(mine) == 1 else ("", "")
        if len(mine) == 1 and vi.startswith(unit.name) and en.startswith(unit.name):
            template[c] = (mine[0], vi[len(unit.name) :], en[len(unit.name) :])
    if len(template) < len(sample):
        return _run(rule, cs, on, env, shape.substate(cs, chosen, ()), set(chosen))
    out: list[Finding] = []
    new_text = tuple.__new__
    for i, c in zip(chosen, classes, strict=True):
        f, vi, en = template[c]
        unit = units[i]
        name = unit.name
        out.append(copy_of(f, new_text(Text, (name + vi, name + en)), unit.id, name, None, None))
    return out


def own_members(
    rule: Rule, cs: ColumnarState, on: dt.date, env: Env, chosen: list[int]
) -> list[Finding]:
    """The chosen units with their heads and deputies: all that the leadership rules and the
    agency's own deputy rules (SO-3, EZ-2) read of their members."""
    state = shape.substate(cs, chosen, shape.members_of(cs, chosen, leaders=True))
    return _run(rule, cs, on, env, state, set(chosen))


def _where(units: list[int], keep: Ints) -> list[int]:
    """The units (indices, in their order) where ``keep`` (one flag a unit) holds."""
    import numpy as np

    at = np.asarray(units, dtype=np.int64)
    return at[keep[at]].tolist()  # type: ignore[no-any-return]


def several_heads(rule: Rule, cs: ColumnarState, on: dt.date, env: Env) -> list[Finding]:
    heads = shape.role_counts(cs, Role.HEAD)
    return own_members(rule, cs, on, env, _where(shape.walk_order(cs), heads > 1))


def without_head(rule: Rule, cs: ColumnarState, on: dt.date, env: Env) -> list[Finding]:
    heads = shape.role_counts(cs, Role.HEAD)
    return own_members(rule, cs, on, env, _where(targets(rule, cs), heads == 0))


def deputies_without_head(rule: Rule, cs: ColumnarState, on: dt.date, env: Env) -> list[Finding]:
    heads = shape.role_counts(cs, Role.HEAD)
    deputies = shape.role_counts(cs, Role.DEPUTY)
    chosen = _where(shape.walk_order(cs), (heads == 0) & (deputies > 0))
    return own_members(rule, cs, on, env, chosen)


def roots_only(rule: Rule, cs: ColumnarState, on: dt.date, env: Env) -> list[Finding]:
    """SO-3, EZ-2: the agency's own deputies (the members of the root)."""
    return own_members(rule, cs, on, env, targets(rule, cs))


def commune_average(rule: Rule, cs: ColumnarState, on: dt.date, env: Env) -> list[Finding]:
    """CM-1: the roots, with every department directly under an agency and its members."""
    import numpy as np

    chosen = targets(rule, cs)
    agency = shape.class_code(UnitClass.AGENCY)
    dept = (cs.unit_class == shape.class_code(UnitClass.DEPARTMENT)) & (cs.parent >= 0)
    under = np.nonzero(dept & (cs.unit_class[np.maximum(cs.parent, 0)] == agency))[0].tolist()
    state = shape.substate(cs, [*chosen, *under], shape.members_of(cs, under, leaders=True))
    return _run(rule, cs, on, env, state, set(chosen))


UnitCheck = Callable[[Rule, ColumnarState, dt.date, Env], list[Finding]]


def unit_check(rule: Rule) -> UnitCheck | None:
    """How the columnar check finds this rule's units (None: not known here)."""
    if isinstance(rule, staffing.DeputyLimitRule):
        return deputy_limit  # type: ignore[return-value]
    if isinstance(rule, staffing.MinimumStaffRule):
        return minimum_staff  # type: ignore[return-value]
    by_type: dict[type, UnitCheck] = {
        quotas.QT1OverQuota: over_quota,  # type: ignore[dict-item]
        quotas.QT2NoQuota: no_quota,  # type: ignore[dict-item]
        leadership.LD1SeveralHeads: several_heads,
        leadership.LD2DepartmentWithoutHead: without_head,
        leadership.LD3DeputiesWithoutHead: deputies_without_head,
        decree_24_2014.SO3DeputyDirectors: roots_only,
        decree_35_2022.EZ2BoardDeputies: roots_only,
        commune.CM1CommuneDeputies: commune_average,
    }
    return by_type.get(type(rule))
