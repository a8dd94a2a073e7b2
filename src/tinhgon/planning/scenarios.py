"""Phương án so sánh: several plans of one agency side by side.

For each plan, on the date of its last change: the headline metrics, the findings of the law
engine, the surplus staff and the allowances they would cost if everyone took the largest
one-off option open to them (early retirement or resignation, leaving within 12 months).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from tinhgon import law
from tinhgon.domain import Metrics, Project, metrics_of
from tinhgon.planning.proposer import PlanningError
from tinhgon.planning.surplus import SurplusReport, surplus_of


@dataclass(frozen=True, slots=True)
class Scenario:
    plan_id: str
    title: str
    on: dt.date
    metrics: Metrics
    findings: dict[str, int]
    surplus: SurplusReport

    @property
    def allowances_within(self) -> Decimal:
        return self.surplus.total("early_retirement", within=True) + self.surplus.total(
            "resignation", within=True
        )

    def as_dict(self) -> dict[str, object]:
        return {
            "plan": self.plan_id,
            "title": self.title,
            "on": self.on.isoformat(),
            "metrics": {
                "departments": self.metrics.departments,
                "department_leaders": self.metrics.department_leaders,
                "public_service_units": self.metrics.public_service_units,
                "staff": self.metrics.staff,
            },
            "findings": dict(self.findings),
            "surplus": len(self.surplus.people),
            "allowances_within_12_months": int(self.allowances_within),
            "largest_allowances": int(self.surplus.largest_total()),
        }


def compare_scenarios(
    project: Project,
    plan_ids: Sequence[str],
    *,
    parameters: law.ParameterSet | None = None,
) -> list[Scenario]:
    params = parameters if parameters is not None else law.load_parameters()
    if not plan_ids:
        raise PlanningError("chưa chọn đề án nào", "no plan chosen")
    out = []
    for plan_id in plan_ids:
        plan = project.plan(plan_id)
        if not plan.changes:
            raise PlanningError(
                f"đề án '{plan_id}' chưa có thay đổi nào", f"plan '{plan_id}' has no changes"
            )
        on = max(c.on for c in plan.changes)
        state = project.state_on(on, plan=plan_id)
        report = law.check_project(project, on=on, plan=plan_id, state=state, parameters=params)
        out.append(
            Scenario(
                plan_id=plan_id,
                title=plan.title,
                on=on,
                metrics=metrics_of(state),
                findings=report.summary(),
                surplus=surplus_of(project, plan_id, parameters=params),
            )
        )
    return out
