"""The CP-SAT model of a restructuring: which unit merges into which, and what that costs.

Variables ``x[i, j]``: unit i merges into unit j (``x[j, j]``: j is kept). Each kept unit gets
as many deputies as the law allows its size (``probe.Capacity``) and as there are leaders of the
merged units to fill them. Every user constraint sits behind a literal passed as an assumption,
so that when nothing fits the solver names a set of them that conflict.
"""

from __future__ import annotations

import time

from ortools.sat.python import cp_model

from tinhgon.domain import State, Unit
from tinhgon.planning.probe import Capacity
from tinhgon.planning.proposal import Conflict, Constraints, PlanningError
from tinhgon.planning.units import counted, leaders, members

# -- the model ---------------------------------------------------------------------------------


class _Model:
    def __init__(
        self,
        state: State,
        units: list[Unit],
        capacities: dict[str, Capacity],
        c: Constraints,
        gone: frozenset[str],
    ) -> None:
        self.units = units
        self.n = n = len(units)
        self.m = m = cp_model.CpModel()
        self.count = [counted(state, u.id, gone) for u in units]
        self.staff = [len(members(state, u.id, gone)) for u in units]
        self.lead = [len(leaders(state, u.id, gone)) for u in units]
        total_counted = sum(self.count)
        total_leaders = sum(self.lead)
        index = {u.id: i for i, u in enumerate(units)}
        self.allowed = [
            [self._may_merge(units[i], units[j], c) for j in range(n)] for i in range(n)
        ]
        self.x = {
            (i, j): m.new_bool_var(f"x_{i}_{j}")
            for i in range(n)
            for j in range(n)
            if i == j or self.allowed[i][j]
        }
        self.y = [self.x[(j, j)] for j in range(n)]
        for i in range(n):
            m.add_exactly_one(self.x[(i, j)] for j in range(n) if (i, j) in self.x)
            for j in range(n):
                if i != j and (i, j) in self.x:
                    m.add_implication(self.x[(i, j)], self.y[j])
                    # a unit that receives others is kept; one merged away receives nobody
                    m.add_implication(self.x[(i, j)], self.y[i].negated())
        self.deputies: list[cp_model.IntVar] = []
        for j in range(n):
            merged = [(i, self.x[(i, j)]) for i in range(n) if (i, j) in self.x]
            size = m.new_int_var(0, total_counted, f"size_{j}")
            m.add(size == sum(self.count[i] * v for i, v in merged))
            table = capacities[units[j].kind.code].table(total_counted, unlawful=-1)
            limit = m.new_int_var(min(table), max(max(table), 0), f"limit_{j}")
            _step(m, size, table, limit, f"{j}")
            m.add(limit >= 0).only_enforce_if(self.y[j])
            available = m.new_int_var(-1, total_leaders, f"avail_{j}")
            m.add(available == sum(self.lead[i] * v for i, v in merged) - self.y[j])
            zero = m.new_constant(0)
            spare = m.new_int_var(0, total_leaders, f"spare_{j}")
            m.add_max_equality(spare, [available, zero])
            dep = m.new_int_var(0, total_leaders, f"dep_{j}")
            capped = m.new_int_var(-1, max(max(table), 0), f"capped_{j}")
            m.add_max_equality(capped, [limit, zero])
            m.add_min_equality(dep, [capped, spare])
            m.add(dep == 0).only_enforce_if(self.y[j].negated())
            self.deputies.append(dep)
        self.n_units = sum(self.y)
        self.n_leaders = sum(self.y) + sum(self.deputies)
        self.moved = sum(self.staff[i] * v for (i, j), v in self.x.items() if i != j)

        # The user's constraints, each behind a literal so that a conflict can be named.
        self.assumptions: dict[int, Conflict] = {}
        self.literals: list[cp_model.IntVar] = []
        if c.max_units is not None:
            lit = self._assume(
                Conflict(
                    "max_units",
                    f"số đơn vị sau sắp xếp tối đa {c.max_units} (--max-departments)",
                    f"at most {c.max_units} units after the restructuring (--max-departments)",
                )
            )
            m.add(self.n_units <= c.max_units).only_enforce_if(lit)
        if c.max_leaders is not None:
            lit = self._assume(
                Conflict(
                    "max_leaders",
                    f"số lãnh đạo tối đa {c.max_leaders} (--max-leaders)",
                    f"at most {c.max_leaders} leaders (--max-leaders)",
                )
            )
            m.add(self.n_leaders <= c.max_leaders).only_enforce_if(lit)
        for unit_id in sorted(c.keep):
            if unit_id not in index:
                raise PlanningError(
                    f"--keep: không có đơn vị '{unit_id}' trong số đơn vị được sắp xếp",
                    f"--keep: no unit '{unit_id}' among the units being restructured",
                )
            unit = units[index[unit_id]]
            lit = self._assume(
                Conflict(
                    f"keep:{unit_id}",
                    f"giữ nguyên {unit.name} (--keep {unit_id})",
                    f"keep {unit.name} (--keep {unit_id})",
                )
            )
            m.add_implication(lit, self.y[index[unit_id]])
        # Merges forbidden by groups, fields or size are absent from the model; to be able to
        # name them in a conflict, they are modelled as assumptions too.
        self.merge_rule: cp_model.IntVar | None = None
        if c.groups or c.same_field:
            what_vi = (
                "chỉ sáp nhập trong các nhóm đã cho (--group)"
                if c.groups
                else ("chỉ sáp nhập các đơn vị cùng lĩnh vực (--same-field)")
            )
            what_en = (
                "merge only within the given groups (--group)"
                if c.groups
                else ("merge only units sharing a field of work (--same-field)")
            )
            self.merge_rule = self._assume(Conflict("merge_rule", what_vi, what_en))
        lit = self._assume(
            Conflict(
                "max_merged",
                f"sáp nhập tối đa {c.max_merged} đơn vị thành một (--max-merged)",
                f"at most {c.max_merged} units merged into one (--max-merged)",
            )
        )
        self.max_merged_lit = lit

    def _assume(self, conflict: Conflict) -> cp_model.IntVar:
        lit = self.m.new_bool_var(conflict.key)
        self.assumptions[lit.index] = conflict
        self.literals.append(lit)
        return lit

    @staticmethod
    def _may_merge(a: Unit, b: Unit, c: Constraints) -> bool:
        return a.id != b.id and a.kind.unit_class is b.kind.unit_class


def _step(
    m: cp_model.CpModel, size: cp_model.IntVar, table: list[int], limit: cp_model.IntVar, name: str
) -> None:
    """limit == table[size], for a table that is a step function of few steps (the bands of a
    legal table): one Boolean per step ``size >= threshold``, not one per size."""
    expression = table[0]
    terms = []
    for threshold in range(1, len(table)):
        delta = table[threshold] - table[threshold - 1]
        if not delta:
            continue
        above = m.new_bool_var(f"size_{name}_ge_{threshold}")
        m.add(size >= threshold).only_enforce_if(above)
        m.add(size <= threshold - 1).only_enforce_if(above.negated())
        terms.append(delta * above)
    m.add(limit == expression + sum(terms))


def _may_merge_by_rule(a: Unit, b: Unit, c: Constraints) -> bool:
    if c.groups and not any(a.id in g and b.id in g for g in c.groups):
        return False
    return not (c.same_field and not set(a.fields) & set(b.fields))


def _build_model(
    state: State,
    units: list[Unit],
    capacities: dict[str, Capacity],
    c: Constraints,
    gone: frozenset[str],
) -> _Model:
    model = _Model(state, units, capacities, c, gone)
    m = model.m
    # Merge rules and the merge size as assumptions (their literal switches them on).
    for (i, j), var in model.x.items():
        if i != j and not _may_merge_by_rule(units[i], units[j], c):
            assert model.merge_rule is not None
            m.add_implication(model.merge_rule, var.negated())
    for j in range(model.n):
        merged = [v for (i, jj), v in model.x.items() if jj == j]
        m.add(sum(merged) <= c.max_merged).only_enforce_if(model.max_merged_lit)
    _hint(model, c)
    return model


def _hint(model: _Model, c: Constraints) -> None:
    """A first guess for the solver (it need not be lawful): as few groups as the merge size
    allows, filled largest unit first into the group with the fewest people, each group led by
    its largest unit."""
    n = model.n
    groups = max(-(-n // max(c.max_merged, 1)), 1)
    if c.max_units is not None:
        groups = max(groups, min(c.max_units, n))
    order = sorted(range(n), key=lambda i: -model.staff[i])
    members: list[list[int]] = [[] for _ in range(groups)]
    totals = [0] * groups
    for i in order:
        room = [g for g in range(groups) if len(members[g]) < c.max_merged] or list(range(groups))
        g = min(room, key=lambda k: totals[k])
        members[g].append(i)
        totals[g] += model.staff[i]
    for group in members:
        if not group:
            continue
        target = group[0]
        for i in group:
            for j in range(n):
                if (i, j) in model.x:
                    model.m.add_hint(model.x[(i, j)], j == target)


class _FirstSolution(cp_model.CpSolverSolutionCallback):
    def __init__(self, start: float) -> None:
        super().__init__()
        self.start = start
        self.first: float | None = None
        self.count = 0

    def on_solution_callback(self) -> None:
        self.count += 1
        if self.first is None:
            self.first = time.perf_counter() - self.start


def _minimal_core(model: _Model, found: list[int], c: Constraints) -> list[int]:
    """Shrink a conflicting set of constraints until each one is needed (deletion filter)."""
    by_index = {lit.index: lit for lit in model.literals}
    core = [i for i in found if i in by_index]
    for index in list(core):
        rest = [i for i in core if i != index]
        model.m.clear_assumptions()
        model.m.add_assumptions([by_index[i] for i in rest])
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(1.0, c.time_limit / 10)
        solver.parameters.num_workers = c.workers
        if solver.solve(model.m) == cp_model.INFEASIBLE:
            core = rest
    return core
