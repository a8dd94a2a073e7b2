"""Đề xuất phương án: a lawful restructuring with as few units and leaders as constraints allow.

Given a project, a date and the user's constraints, the proposer chooses which units (the
departments of an agency, or the agencies of a province) merge into which, with the OR-Tools
CP-SAT solver. Lexicographically it minimises

1. the number of units left,
2. the number of leadership posts (one head per unit, and per unit as many deputies as the law
   allows — from the law engine's own answer, ``probe.capacity`` — and as there are leaders to
   fill them: nobody is promoted to make up a number),
3. the number of people who change unit.

The result is a ``Plan`` of ordinary changes (relieve, merge, appoint) on the effective date,
checked by the law engine on the state it produces; and a list of the leaders left without a
post. Constraints that cannot all hold are reported as the smallest set found to conflict
(``Unsatisfiable``), in Vietnamese, with what to relax.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ortools.sat.python import cp_model

from tinhgon import law
from tinhgon.domain import (
    Appoint,
    Assignment,
    Category,
    Change,
    Leave,
    LeaveReason,
    ChangeRefused,
    MergeUnits,
    Plan,
    PlanStatus,
    Project,
    Relieve,
    Role,
    State,
    Timeline,
    Unit,
    UnitClass,
)
from tinhgon.planning.leaders import DEFAULT_ORDER, check_order, sort_key
from tinhgon.planning.probe import Capacity, capacity

COUNTED = frozenset({Category.CADRE, Category.CIVIL_SERVANT})


class PlanningError(Exception):
    """Bad input to the planner, in Vietnamese and English."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.vi = vi
        self.en = en


@dataclass(frozen=True, kw_only=True)
class Constraints:
    """What the user asks of a proposal.

    ``keep``: units that must remain (others may still merge into them). ``groups``: if given,
    a unit may merge only with units of a group it is in. ``same_field``: units merge only when
    they share a field of work. ``max_merged``: the most units merged into one.
    ``order``/``prefer``: who leads (``leaders.py``).
    """

    effective: dt.date
    max_units: int | None = None
    max_leaders: int | None = None
    keep: frozenset[str] = frozenset()
    groups: tuple[frozenset[str], ...] = ()
    same_field: bool = False
    max_merged: int = 3
    parent: str | None = None
    order: tuple[str, ...] = DEFAULT_ORDER
    prefer: tuple[str, ...] = ()
    time_limit: float = 30.0
    workers: int = 2


@dataclass(frozen=True, slots=True)
class Conflict:
    """One of the user's constraints in a set that cannot all hold."""

    key: str
    vi: str
    en: str


class Unsatisfiable(PlanningError):
    def __init__(self, conflicts: Sequence[Conflict]) -> None:
        self.conflicts = tuple(conflicts)
        if conflicts:
            vi = "Không có phương án nào thỏa mãn đồng thời các ràng buộc sau; hãy nới bớt ít nhất một:\n" + "\n".join(
                f"  - {c.vi}" for c in conflicts
            )
            en = "No plan meets these constraints together; relax at least one:\n" + "\n".join(
                f"  - {c.en}" for c in conflicts
            )
        else:
            vi = (
                "Không có phương án hợp pháp nào, kể cả khi giữ nguyên mọi đơn vị: cơ cấu hiện "
                "tại có đơn vị không thể đáp ứng quy định (ví dụ dưới số biên chế tối thiểu) và "
                "không được phép sáp nhập với đơn vị nào"
            )
            en = (
                "No lawful plan exists even when every unit is kept: a unit cannot meet the law "
                "(for instance below the fewest staff) and may not merge with any other"
            )
        super().__init__(vi, en)


@dataclass(frozen=True, slots=True)
class LeaderOutcome:
    person_id: str
    name: str
    unit_before: str
    role_before: Role
    unit_after: str
    role_after: Role


@dataclass(frozen=True, kw_only=True)
class Proposal:
    plan: Plan
    on: dt.date
    effective: dt.date
    units_before: int
    units_after: int
    leaders_before: int
    leaders_after: int
    moved: int
    merges: tuple[tuple[str, tuple[str, ...]], ...]
    leaders: tuple[LeaderOutcome, ...]
    without_post: tuple[LeaderOutcome, ...]
    report: law.Report
    optimal: bool
    seconds_first: float
    seconds_total: float
    status: str
    solutions: int = 0
    retirements: tuple[str, ...] = ()
    history_cut: int = 0
    deputies: dict[str, int] = field(default_factory=dict)

    @property
    def lawful(self) -> bool:
        return not self.report.has_violations

    def as_dict(self) -> dict[str, object]:
        return {
            "plan_id": self.plan.id,
            "on": self.on.isoformat(),
            "effective": self.effective.isoformat(),
            "units_before": self.units_before,
            "units_after": self.units_after,
            "leaders_before": self.leaders_before,
            "leaders_after": self.leaders_after,
            "moved": self.moved,
            "optimal": self.optimal,
            "solver_status": self.status,
            "seconds_to_first": round(self.seconds_first, 3),
            "seconds_total": round(self.seconds_total, 3),
            "merges": [{"into": into, "units": list(units)} for into, units in self.merges],
            "leaders": [_leader_dict(o) for o in self.leaders],
            "without_post": [_leader_dict(o) for o in self.without_post],
            "findings": self.report.summary(),
            "lawful": self.lawful,
            "retirements": list(self.retirements),
        }


def _leader_dict(o: LeaderOutcome) -> dict[str, str]:
    return {
        "person": o.person_id,
        "name": o.name,
        "unit_before": o.unit_before,
        "role_before": o.role_before.value,
        "unit_after": o.unit_after,
        "role_after": o.role_after.value,
    }


# -- the units concerned -----------------------------------------------------------------------


def candidates(state: State, parent: str | None) -> tuple[Unit, list[Unit]]:
    """The parent (the agency's root by default) and its units that may be merged: its
    departments and equivalents, or, for a province, the agencies under it."""
    if parent is None:
        roots = state.roots()
        if len(roots) != 1:
            raise PlanningError(
                "cơ cấu có nhiều hơn một đơn vị gốc: chọn đơn vị cấp trên (--under)",
                "the structure has several roots: choose the parent unit (--under)",
            )
        top = roots[0]
    else:
        if parent not in state.units:
            raise PlanningError(
                f"không có đơn vị '{parent}' tại ngày này", f"no unit '{parent}' on that date"
            )
        top = state.units[parent]
    children = state.children(top.id)
    for unit_class in (UnitClass.DEPARTMENT, UnitClass.AGENCY):
        chosen = [u for u in children if u.kind.unit_class is unit_class]
        if chosen:
            return top, chosen
    raise PlanningError(
        f"'{top.name}' không có phòng hay cơ quan trực thuộc để sắp xếp",
        f"'{top.name}' has no department or agency under it to restructure",
    )


def _leaders(state: State, unit_id: str, gone: frozenset[str] = frozenset()) -> list[Assignment]:
    return [
        a
        for a in state.members(unit_id)
        if a.role is not Role.STAFF and a.person_id not in gone
    ]


def _members(state: State, unit_id: str, gone: frozenset[str]) -> list[Assignment]:
    return [a for a in state.members(unit_id) if a.person_id not in gone]


def _counted(state: State, unit_id: str, gone: frozenset[str] = frozenset()) -> int:
    return sum(
        1 for a in _members(state, unit_id, gone) if state.people[a.person_id].category in COUNTED
    )


def retirements_due(
    state: State, effective: dt.date, parameters: law.ParameterSet
) -> dict[str, law.Retirement]:
    """Everyone still in post whose retirement date (Decree 135/2020) is before the date."""
    due = {}
    for person_id in state.assignments:
        person = state.people[person_id]
        retirement = law.retirement_of(sex=person.sex, born=person.birth, parameters=parameters)
        if retirement.retires_on < effective:
            due[person_id] = retirement
    return due


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
        self.count = [_counted(state, u.id, gone) for u in units]
        self.staff = [len(_members(state, u.id, gone)) for u in units]
        self.lead = [len(_leaders(state, u.id, gone)) for u in units]
        total_counted = sum(self.count)
        total_leaders = sum(self.lead)
        index = {u.id: i for i, u in enumerate(units)}
        self.allowed = [[self._may_merge(units[i], units[j], c) for j in range(n)] for i in range(n)]
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
            members = [(i, self.x[(i, j)]) for i in range(n) if (i, j) in self.x]
            size = m.new_int_var(0, total_counted, f"size_{j}")
            m.add(size == sum(self.count[i] * v for i, v in members))
            table = capacities[units[j].kind.code].table(total_counted, unlawful=-1)
            limit = m.new_int_var(min(table), max(max(table), 0), f"limit_{j}")
            m.add_element(size, table, limit)
            m.add(limit >= 0).only_enforce_if(self.y[j])
            available = m.new_int_var(-1, total_leaders, f"avail_{j}")
            m.add(available == sum(self.lead[i] * v for i, v in members) - self.y[j])
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
            what_vi = "chỉ sáp nhập trong các nhóm đã cho (--group)" if c.groups else (
                "chỉ sáp nhập các đơn vị cùng lĩnh vực (--same-field)"
            )
            what_en = "merge only within the given groups (--group)" if c.groups else (
                "merge only units sharing a field of work (--same-field)"
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
        members = [v for (i, jj), v in model.x.items() if jj == j]
        m.add(sum(members) <= c.max_merged).only_enforce_if(model.max_merged_lit)
    return model


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


def as_of(project: Project, on: dt.date) -> tuple[Project, int]:
    """The project as it was known on a date: official changes after it are left out, with the
    plans that no longer apply (implemented plans whose changes came later among them).

    Returns the project and how many official changes were left out."""
    kept = project.timeline.until(on)
    dropped = len(project.timeline) - len(kept)
    if not dropped:
        return project, 0
    timeline = Timeline(kept, require_basis=project.timeline.require_basis)
    plans = {}
    for plan_id, plan in project.plans.items():
        if plan.status is PlanStatus.IMPLEMENTED:
            continue
        try:
            plan.project(timeline)
        except ChangeRefused:
            continue
        plans[plan_id] = plan
    return replace(project, timeline=timeline, plans=plans), dropped


def propose(
    project: Project,
    *,
    on: dt.date,
    constraints: Constraints,
    plan_id: str = "proposed",
    parameters: law.ParameterSet | None = None,
    plan: str | None = None,
) -> Proposal:
    """Propose a plan for the project's state on ``on`` (after ``plan`` if given)."""
    c = constraints
    check_order(c.order)
    if c.effective < on:
        raise PlanningError(
            f"ngày hiệu lực {c.effective:%d/%m/%Y} trước ngày lấy cơ cấu {on:%d/%m/%Y}",
            f"the effective date {c.effective} is before the date of the structure {on}",
        )
    if c.max_merged < 1:
        raise PlanningError("--max-merged phải từ 1 trở lên", "--max-merged must be 1 or more")
    params = parameters if parameters is not None else law.load_parameters()
    started = time.perf_counter()
    state = project.state_on(c.effective, plan=plan)
    top, units = candidates(state, c.parent)
    due = retirements_due(state, c.effective, params)
    gone = frozenset(due)
    capacities: dict[str, Capacity] = {}
    max_size = max(40, max((_counted(state, u.id, gone) for u in units), default=0) + 1)
    for unit in units:
        if unit.kind.code not in capacities:
            capacities[unit.kind.code] = capacity(
                root_kind=top.kind,
                kind=unit.kind,
                on=c.effective,
                agency=project.agency,
                parameters=params,
                max_size=min(max_size, 60),
                max_deputies=max(3, max(len(state.deputies(u.id)) for u in units)),
            )
    model = _build_model(state, units, capacities, c, gone)
    m = model.m
    weight_leaders = sum(model.staff) + 1
    weight_units = weight_leaders * (sum(model.lead) + model.n + 1)
    m.minimize(weight_units * model.n_units + weight_leaders * model.n_leaders + model.moved)
    m.add_assumptions(model.literals)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = c.time_limit
    solver.parameters.num_workers = c.workers
    solver.parameters.random_seed = 1
    callback = _FirstSolution(time.perf_counter())
    status = solver.solve(m, callback)
    if status == cp_model.INFEASIBLE:
        found = list(solver.sufficient_assumptions_for_infeasibility())
        raise Unsatisfiable([model.assumptions[i] for i in _minimal_core(model, found, c)])
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        raise PlanningError(
            f"bộ giải không tìm được phương án trong {c.time_limit:g} giây: tăng thời gian "
            "(--time-limit) hoặc nới ràng buộc",
            f"the solver found no plan within {c.time_limit:g} s: allow more time "
            "(--time-limit) or relax the constraints",
        )
    target = {}
    for (i, j), var in model.x.items():
        if solver.value(var):
            target[units[i].id] = units[j].id
    deputies = {units[j].id: solver.value(model.deputies[j]) for j in range(model.n)}
    built = _build_plan(state, units, target, deputies, c, gone)
    changes, merges, outcomes, without = built
    leaves = [
        Leave(
            on=r.pension_from,
            person=person_id,
            reason=LeaveReason.RETIREMENT,
            note="đủ tuổi nghỉ hưu trước ngày hiệu lực của phương án",
        )
        for person_id, r in sorted(due.items(), key=lambda item: (item[1].pension_from, item[0]))
    ]
    changes = [*leaves, *changes]
    new_plan = Plan(
        id=plan_id,
        title=f"Phương án đề xuất: {len(set(target.values()))} đơn vị",
        description=(
            "Phương án do tinhgon đề xuất (bộ giải OR-Tools CP-SAT): ít đơn vị nhất, rồi ít lãnh "
            "đạo nhất, rồi ít người phải chuyển nhất, theo quy định có hiệu lực ngày "
            f"{c.effective:%d/%m/%Y}."
        ),
        changes=tuple(changes),
    )
    proposed = project.with_plan(new_plan)
    after = proposed.state_on(c.effective, plan=plan_id)
    report = law.check(after, on=c.effective, agency=project.agency, parameters=params)
    elapsed = time.perf_counter() - started
    return Proposal(
        plan=new_plan,
        on=on,
        effective=c.effective,
        units_before=len(units),
        units_after=len(set(target.values())),
        leaders_before=sum(len(_leaders(state, u.id)) for u in units),
        leaders_after=sum(
            len(_leaders(after, u)) for u in set(target.values()) if u in after.units
        ),
        moved=sum(len(_members(state, s, gone)) for s, t in target.items() if s != t),
        retirements=tuple(sorted(due)),
        merges=tuple(merges),
        leaders=tuple(outcomes),
        without_post=tuple(without),
        report=report,
        optimal=status == cp_model.OPTIMAL,
        seconds_first=callback.first if callback.first is not None else elapsed,
        seconds_total=elapsed,
        status=solver.status_name(status),
        solutions=callback.count,
        deputies=deputies,
    )


def _build_plan(
    state: State,
    units: list[Unit],
    target: dict[str, str],
    deputies: dict[str, int],
    c: Constraints,
    gone: frozenset[str],
) -> tuple[list[Change], list[tuple[str, tuple[str, ...]]], list[LeaderOutcome], list[LeaderOutcome]]:
    """The changes that give each kept unit its merged units, its head and its deputies."""
    on = c.effective
    key = sort_key(state, on, c.order, c.prefer)
    relieve: list[Change] = []
    merge: list[Change] = []
    appoint: list[Change] = []
    merges: list[tuple[str, tuple[str, ...]]] = []
    outcomes: list[LeaderOutcome] = []
    without: list[LeaderOutcome] = []
    kept = [u.id for u in units if target[u.id] == u.id]
    for unit_id in kept:
        sources = tuple(u.id for u in units if target[u.id] == unit_id and u.id != unit_id)
        group = (unit_id, *sources)
        pool = sorted((a for g in group for a in _leaders(state, g, gone)), key=key)
        if not pool:
            pool = sorted((a for g in group for a in _members(state, g, gone)), key=key)[:1]
        chosen_head = pool[0] if pool else None
        chosen_deputies = pool[1 : 1 + deputies[unit_id]]
        roles: dict[str, Role] = {}
        if chosen_head is not None:
            roles[chosen_head.person_id] = Role.HEAD
        for a in chosen_deputies:
            roles[a.person_id] = Role.DEPUTY
        # Leaders of the kept unit who lose or change their post are relieved first.
        for a in _leaders(state, unit_id, gone):
            if roles.get(a.person_id) is not a.role:
                relieve.append(Relieve(on=on, person=a.person_id, note="phương án đề xuất"))
        for a in _members(state, unit_id, gone):
            new_role = roles.get(a.person_id)
            if new_role is not None and new_role is not a.role:
                appoint.append(
                    Appoint(on=on, person=a.person_id, role=new_role, unit=unit_id)
                )
        if sources:
            source_roles = {
                p: r for p, r in roles.items() if state.assignments[p].unit_id in sources
            }
            merge.append(MergeUnits(on=on, sources=sources, into=unit_id, roles=source_roles))
            merges.append((unit_id, sources))
        for a in sorted((a for g in group for a in _leaders(state, g, gone)), key=key):
            outcome = LeaderOutcome(
                person_id=a.person_id,
                name=state.people[a.person_id].full_name,
                unit_before=a.unit_id,
                role_before=a.role,
                unit_after=unit_id,
                role_after=roles.get(a.person_id, Role.STAFF),
            )
            outcomes.append(outcome)
            if outcome.role_after is Role.STAFF:
                without.append(outcome)
        if chosen_head is not None and chosen_head.role is Role.STAFF:
            outcomes.append(
                LeaderOutcome(
                    person_id=chosen_head.person_id,
                    name=state.people[chosen_head.person_id].full_name,
                    unit_before=chosen_head.unit_id,
                    role_before=Role.STAFF,
                    unit_after=unit_id,
                    role_after=Role.HEAD,
                )
            )
    return relieve + merge + appoint, merges, outcomes, without
