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
from dataclasses import replace

from ortools.sat.python import cp_model

from tinhgon import law
from tinhgon.domain import (
    Appoint,
    Change,
    ChangeRefused,
    Leave,
    LeaveReason,
    MergeUnits,
    Plan,
    PlanStatus,
    Project,
    Relieve,
    Role,
    State,
    Timeline,
    Unit,
)
from tinhgon.planning.cpsat import _build_model, _FirstSolution, _minimal_core
from tinhgon.planning.leaders import check_order, posts_since, sort_key
from tinhgon.planning.probe import Capacity, capacity
from tinhgon.planning.proposal import (
    Conflict,
    Constraints,
    LeaderOutcome,
    PlanningError,
    Proposal,
    Unsatisfiable,
)
from tinhgon.planning.units import candidates, counted, leaders, members, retirements_due

__all__ = [
    "Conflict",
    "Constraints",
    "LeaderOutcome",
    "PlanningError",
    "Proposal",
    "Unsatisfiable",
    "as_of",
    "candidates",
    "propose",
]


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
    max_size = max(40, max((counted(state, u.id, gone) for u in units), default=0) + 1)
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
    # The constraints are enforced outright first (assumptions would switch off much of the
    # solver's presolve); only when nothing fits is the model solved again with them as
    # assumptions, to name the ones that conflict.
    model = _build_model(state, units, capacities, c, gone)
    m = model.m
    for literal in model.literals:
        m.add(literal == 1)
    weight_leaders = sum(model.staff) + 1
    weight_units = weight_leaders * (sum(model.lead) + model.n + 1)
    m.minimize(weight_units * model.n_units + weight_leaders * model.n_leaders + model.moved)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = c.time_limit
    solver.parameters.num_workers = c.workers
    solver.parameters.random_seed = 1
    probed = time.perf_counter() - started
    callback = _FirstSolution(started)
    status = solver.solve(m, callback)
    if status == cp_model.INFEASIBLE:
        core_model = _build_model(state, units, capacities, c, gone)
        core_model.m.add_assumptions(core_model.literals)
        core_solver = cp_model.CpSolver()
        core_solver.parameters.max_time_in_seconds = c.time_limit
        core_solver.parameters.num_workers = c.workers
        core_solver.solve(core_model.m)
        found = list(core_solver.sufficient_assumptions_for_infeasibility())
        raise Unsatisfiable(
            [core_model.assumptions[i] for i in _minimal_core(core_model, found, c)]
        )
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
    timeline = project.timeline if plan is None else project.plan(plan).project(project.timeline)
    leader_ids = [a.person_id for u in units for a in leaders(state, u.id, gone)]
    since = posts_since(timeline.until(c.effective), leader_ids)
    built = _build_plan(state, units, target, deputies, c, gone, since)
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
        # The description is printed in the đề án ("Sự cần thiết"): officials' words only;
        # how the proposal was found is told by the command and the page, not here.
        description=(
            "Sắp xếp, kiện toàn các đơn vị theo hướng tinh gọn, còn "
            f"{len(set(target.values())):02d} đơn vị, giảm số lượng lãnh đạo và bảo đảm số "
            "lượng lãnh đạo, biên chế của từng đơn vị theo quy định có hiệu lực từ ngày "
            f"{c.effective:%d/%m/%Y}."
        ),
        changes=tuple(changes),
    )
    proposed = project.with_plan(new_plan)
    after = proposed.state_on(c.effective, plan=plan_id)
    report = law.check_project(
        proposed, on=c.effective, plan=plan_id, state=after, parameters=params
    )
    elapsed = time.perf_counter() - started
    return Proposal(
        plan=new_plan,
        on=on,
        effective=c.effective,
        units_before=len(units),
        units_after=len(set(target.values())),
        leaders_before=sum(len(leaders(state, u.id)) for u in units),
        leaders_after=sum(len(leaders(after, u)) for u in set(target.values()) if u in after.units),
        moved=sum(len(members(state, s, gone)) for s, t in target.items() if s != t),
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
        seconds_probe=probed,
        deputies=deputies,
    )


def _build_plan(
    state: State,
    units: list[Unit],
    target: dict[str, str],
    deputies: dict[str, int],
    c: Constraints,
    gone: frozenset[str],
    since: dict[str, dt.date],
) -> tuple[
    list[Change], list[tuple[str, tuple[str, ...]]], list[LeaderOutcome], list[LeaderOutcome]
]:
    """The changes that give each kept unit its merged units, its head and its deputies."""
    on = c.effective
    key = sort_key(state, on, c.order, c.prefer, since)
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
        pool = sorted((a for g in group for a in leaders(state, g, gone)), key=key)
        if not pool:
            pool = sorted((a for g in group for a in members(state, g, gone)), key=key)[:1]
        chosen_head = pool[0] if pool else None
        chosen_deputies = pool[1 : 1 + deputies[unit_id]]
        roles: dict[str, Role] = {}
        if chosen_head is not None:
            roles[chosen_head.person_id] = Role.HEAD
        for a in chosen_deputies:
            roles[a.person_id] = Role.DEPUTY
        # Leaders of the kept unit who lose or change their post are relieved first.
        for a in leaders(state, unit_id, gone):
            if roles.get(a.person_id) is not a.role:
                relieve.append(Relieve(on=on, person=a.person_id, note="phương án đề xuất"))
        for a in members(state, unit_id, gone):
            new_role = roles.get(a.person_id)
            if new_role is not None and new_role is not a.role:
                appoint.append(Appoint(on=on, person=a.person_id, role=new_role, unit=unit_id))
        if sources:
            source_roles = {
                p: r for p, r in roles.items() if state.assignments[p].unit_id in sources
            }
            merge.append(MergeUnits(on=on, sources=sources, into=unit_id, roles=source_roles))
            merges.append((unit_id, sources))
        for a in sorted((a for g in group for a in leaders(state, g, gone)), key=key):
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
