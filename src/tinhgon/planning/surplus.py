"""Dôi dư: who a plan leaves without a post, above the quota or out of a unit, and their options.

``surplus_of(project, plan_id)`` is the one call other layers (the đề án report, the web page,
the command line) make. The people listed are:

* ``leader_without_post`` — a head or deputy before the plan, staff (or gone) after it;
* ``left`` — someone the plan takes off the staff for streamlining, resignation or another
  reason that is not retirement at the normal age, death or a transfer;
* ``above_quota`` — where a unit's staff of a category exceeds its quota after the plan, as
  many people as the excess, those nearest to retirement first (a documented choice: they lose
  least by leaving; the user decides).

The restructuring decision is taken to take effect on the date of the plan's first change,
unless given.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from tinhgon import law
from tinhgon.domain import (
    Category,
    Leave,
    LeaveReason,
    Project,
    Role,
    State,
    metrics_of,
)
from tinhgon.domain.diff import unit_name_across
from tinhgon.planning.allowances import ZERO, Figure, Option, _Env
from tinhgon.planning.options import options_for
from tinhgon.planning.proposer import PlanningError

REASONS = {
    "leader_without_post": ("lãnh đạo thôi giữ chức vụ", "leader left without a post"),
    "left": ("thôi công tác theo đề án", "leaves the staff under the plan"),
    "above_quota": ("vượt biên chế được giao", "above the allotted quota"),
}
_LEFT = frozenset({LeaveReason.STREAMLINING, LeaveReason.RESIGNATION, LeaveReason.OTHER})


@dataclass(frozen=True, slots=True)
class SurplusPerson:
    person_id: str
    name: str
    category: Category
    unit_before: str
    unit_before_name: str
    role_before: Role
    unit_after: str | None
    unit_after_name: str | None
    role_after: Role | None
    reasons: tuple[str, ...]
    retires_on: dt.date
    retirement_citation: str
    options: tuple[Option, ...]

    def best_total(self) -> Decimal | None:
        """The largest one-off total among the options open to the person (for a budget)."""
        totals = [o.total for o in self.options if o.total is not None]
        return max(totals) if totals else None

    def as_dict(self) -> dict[str, object]:
        best = self.best_total()
        return {
            "person": self.person_id,
            "name": self.name,
            "category": self.category.value,
            "unit_before": self.unit_before,
            "unit_before_name": self.unit_before_name,
            "role_before": self.role_before.value,
            "unit_after": self.unit_after,
            "unit_after_name": self.unit_after_name,
            "role_after": self.role_after.value if self.role_after else None,
            "reasons": list(self.reasons),
            "retires_on": self.retires_on.isoformat(),
            "retirement_citation": self.retirement_citation,
            "options": [o.as_dict() for o in self.options],
            "largest_total": int(best) if best is not None else None,
        }


@dataclass(frozen=True, slots=True)
class SurplusReport:
    plan_id: str
    plan_title: str
    decision_on: dt.date
    people: tuple[SurplusPerson, ...]

    def total(self, kind: str, *, within: bool) -> Decimal:
        """The sum over everyone of one kind of option on one side of the 12 months."""
        out = ZERO
        for p in self.people:
            for o in p.options:
                if o.kind == kind and o.within_12_months is within and o.total is not None:
                    out += o.total
        return out

    def largest_total(self) -> Decimal:
        return sum((p.best_total() or ZERO for p in self.people), ZERO)

    def figures(self) -> list[Figure]:
        return [f for p in self.people for o in p.options for f in o.figures]

    def as_dict(self) -> dict[str, object]:
        return {
            "plan": self.plan_id,
            "title": self.plan_title,
            "decision_on": self.decision_on.isoformat(),
            "count": len(self.people),
            "people": [p.as_dict() for p in self.people],
            "totals": {
                "early_retirement_within_12_months": int(
                    self.total("early_retirement", within=True)
                ),
                "early_retirement_after_12_months": int(
                    self.total("early_retirement", within=False)
                ),
                "resignation_within_12_months": int(self.total("resignation", within=True)),
                "resignation_after_12_months": int(self.total("resignation", within=False)),
                "largest_per_person": int(self.largest_total()),
            },
        }


def _nearest_retirement(
    state: State, unit_id: str, category: Category, parameters: law.ParameterSet
) -> list[str]:
    people: list[tuple[dt.date, str]] = []
    stack = [unit_id]
    while stack:
        current = stack.pop()
        for a in state.members(current):
            person = state.people[a.person_id]
            if person.category is category:
                r = law.retirement_of(sex=person.sex, born=person.birth, parameters=parameters)
                people.append((r.retires_on, person.id))
        stack.extend(c.id for c in state.children(current))
    return [pid for _, pid in sorted(people)]


def surplus_of(
    project: Project,
    plan_id: str,
    *,
    decision_on: dt.date | None = None,
    parameters: law.ParameterSet | None = None,
) -> SurplusReport:
    """The surplus staff of a plan and the figures of their options."""
    params = parameters if parameters is not None else law.load_parameters()
    plan = project.plan(plan_id)
    if not plan.changes:
        raise PlanningError(
            f"đề án '{plan_id}' chưa có thay đổi nào", f"plan '{plan_id}' has no changes"
        )
    # Retirements at the normal age the plan records (a proposal records those due by its
    # date) are not the restructuring: the decision is dated by the first other change.
    restructuring = [
        c for c in plan.changes if not (isinstance(c, Leave) and c.reason is LeaveReason.RETIREMENT)
    ] or list(plan.changes)
    first = min(c.on for c in restructuring)
    last = max(c.on for c in plan.changes)
    decided = decision_on or first
    before = project.state_on(first - dt.timedelta(days=1))
    after = project.state_on(last, plan=plan_id)
    env = _Env(params)
    reasons: dict[str, list[str]] = {}
    for person_id, held_before in before.assignments.items():
        held_after = after.assignments.get(person_id)
        if held_before.role is not Role.STAFF and (
            held_after is None or held_after.role is Role.STAFF
        ):
            gone = after.departures.get(person_id)
            if gone is None or gone.reason in _LEFT:
                reasons.setdefault(person_id, []).append("leader_without_post")
        gone = after.departures.get(person_id)
        if held_after is None and gone is not None and gone.reason in _LEFT:
            reasons.setdefault(person_id, []).append("left")
    for line in metrics_of(after).quota_lines:
        if line.excess <= 0:
            continue
        for person_id in _nearest_retirement(after, line.unit_id, line.category, params)[
            : line.excess
        ]:
            reasons.setdefault(person_id, []).append("above_quota")
    people = []
    for person_id, why in reasons.items():
        person = project.people.get(person_id) or before.people[person_id]
        a = before.assignments.get(person_id)
        held = after.assignments.get(person_id)
        retirement, options = options_for(
            person,
            decision_on=decided,
            leader_lost_post="leader_without_post" in why,
            parameters=params,
            env=env,
        )
        unit_before = a.unit_id if a else (held.unit_id if held else "")
        people.append(
            SurplusPerson(
                person_id=person_id,
                name=person.full_name,
                category=person.category,
                unit_before=unit_before,
                unit_before_name=unit_name_across(before, after, unit_before),
                role_before=a.role if a else Role.STAFF,
                unit_after=held.unit_id if held else None,
                unit_after_name=unit_name_across(before, after, held.unit_id) if held else None,
                role_after=held.role if held else None,
                reasons=tuple(why),
                retires_on=retirement.retires_on,
                retirement_citation=retirement.citation,
                options=tuple(options),
            )
        )
    people.sort(key=lambda p: (p.retires_on, p.person_id))
    return SurplusReport(
        plan_id=plan_id, plan_title=plan.title, decision_on=decided, people=tuple(people)
    )
