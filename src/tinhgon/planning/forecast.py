"""Dự báo biên chế và chỉ tiêu: headcount year by year, and when each target is met.

For each year the count is taken on 31 December. Up to the forecast's starting date the count is
the history's; after it, the history with the plans in force (approved, not yet implemented;
or those named) projected on top, and everyone whose retirement date (Decree 135/2020) has
passed taken off the staff — nobody is assumed hired to replace them.

Targets are data (parameter files of kind ``numbers`` with ``base_year``, ``target_year`` and
``cadres_civil_servants_percent`` and/or ``public_employees_percent``, each with its citation).
Budget-paid public employees are those of units whose financial autonomy is not group 1 or 2
(Decree 60/2021/NĐ-CP), the nearest unit above that records one deciding.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from tinhgon import law
from tinhgon.domain import AutonomyGroup, Category, PlanStatus, Project, State
from tinhgon.law.findings import Citation
from tinhgon.law.numbers import Numbers
from tinhgon.planning.proposer import PlanningError

SELF_FINANCED = frozenset(
    {AutonomyGroup.SELF_FINANCING_ALL, AutonomyGroup.SELF_FINANCING_RECURRENT}
)
GROUPS = {
    "cadres_civil_servants": (
        "Cán bộ, công chức",
        "Cadres and civil servants",
        "cadres_civil_servants_percent",
    ),
    "public_employees": (
        "Viên chức hưởng lương từ ngân sách nhà nước",
        "Budget-paid public employees",
        "public_employees_percent",
    ),
}


@dataclass(frozen=True, slots=True)
class YearCount:
    year: int
    on: dt.date
    projected: bool
    by_group: dict[str, int]
    by_unit: dict[str, dict[str, int]]  # unit id → category → count

    def as_dict(self) -> dict[str, object]:
        return {
            "year": self.year,
            "on": self.on.isoformat(),
            "projected": self.projected,
            "groups": dict(self.by_group),
            "units": {u: dict(c) for u, c in self.by_unit.items()},
        }


@dataclass(frozen=True, slots=True)
class TargetResult:
    parameter: str
    group: str
    vi: str
    en: str
    base_year: int
    target_year: int
    percent: Decimal
    base: int | None
    allowed: int | None
    at_target: int | None
    met_in: int | None
    gap: int | None
    citation: Citation

    @property
    def met(self) -> bool:
        return self.met_in is not None and self.met_in <= self.target_year

    def as_dict(self) -> dict[str, object]:
        return {
            "target": self.parameter,
            "group": self.group,
            "label": {"vi": self.vi, "en": self.en},
            "base_year": self.base_year,
            "target_year": self.target_year,
            "percent": float(self.percent),
            "base": self.base,
            "allowed": self.allowed,
            "at_target_year": self.at_target,
            "met": self.met,
            "met_in": self.met_in,
            "gap": self.gap,
            "citation": self.citation.text(),
            "confidence": self.citation.confidence.value,
            "verified": self.citation.verified,
        }


@dataclass(frozen=True, slots=True)
class Forecast:
    start: dt.date
    until: int
    plans: tuple[str, ...]
    years: tuple[YearCount, ...]
    targets: tuple[TargetResult, ...]
    unit_names: dict[str, str]

    def as_dict(self) -> dict[str, object]:
        return {
            "from": self.start.isoformat(),
            "until": self.until,
            "plans": list(self.plans),
            "years": [y.as_dict() for y in self.years],
            "targets": [t.as_dict() for t in self.targets],
            "unit_names": dict(self.unit_names),
        }


def _budget_paid(state: State, unit_id: str) -> bool:
    current: str | None = unit_id
    while current is not None:
        unit = state.units[current]
        if unit.autonomy_group is not None:
            return unit.autonomy_group not in SELF_FINANCED
        current = unit.parent_id
    return True


def _count(state: State, gone: frozenset[str]) -> tuple[dict[str, int], dict[str, dict[str, int]]]:
    groups = dict.fromkeys(GROUPS, 0)
    units: dict[str, dict[str, int]] = {}
    for person_id, a in state.assignments.items():
        if person_id in gone:
            continue
        category = state.people[person_id].category
        per_unit = units.setdefault(a.unit_id, {})
        per_unit[category.value] = per_unit.get(category.value, 0) + 1
        if category in (Category.CADRE, Category.CIVIL_SERVANT):
            groups["cadres_civil_servants"] += 1
        elif category is Category.PUBLIC_EMPLOYEE and _budget_paid(state, a.unit_id):
            groups["public_employees"] += 1
    return groups, units


def target_parameters(parameters: law.ParameterSet) -> list[law.Parameter]:
    out = []
    for parameter in parameters.values():
        if parameter.kind != "numbers":
            continue
        for entry in parameter.values:
            if isinstance(entry.value, Numbers) and entry.value.get("target_year") is not None:
                out.append(parameter)
                break
    return out


def forecast_of(
    project: Project,
    *,
    start: dt.date,
    until: int,
    plans: Sequence[str] | None = None,
    parameters: law.ParameterSet | None = None,
) -> Forecast:
    params = parameters if parameters is not None else law.load_parameters()
    first = project.timeline.first_date
    if first is None:
        raise PlanningError("lịch sử trống", "the history is empty")
    if until < start.year or until > start.year + 50:
        raise PlanningError(
            f"--until {until}: cần từ năm {start.year} đến {start.year + 50}",
            f"--until {until}: must be from {start.year} to {start.year + 50}",
        )
    chosen = (
        tuple(plans)
        if plans is not None
        else tuple(p.id for p in project.plans.values() if p.status is PlanStatus.APPROVED)
    )
    timeline = project.timeline
    for plan_id in chosen:
        timeline = project.plan(plan_id).project(timeline)
    years: list[YearCount] = []
    names: dict[str, str] = {}
    for year in range(first.year, until + 1):
        on = dt.date(year, 12, 31)
        projected = on > start
        state = (timeline if projected else project.timeline).state_on(on)
        gone: set[str] = set()
        if projected:
            for person_id in state.assignments:
                person = state.people[person_id]
                r = law.retirement_of(sex=person.sex, born=person.birth, parameters=params)
                if r.retires_on < on and r.retires_on >= start:
                    gone.add(person_id)
        groups, units = _count(state, frozenset(gone))
        for unit_id in units:
            names.setdefault(unit_id, state.units[unit_id].name)
        years.append(YearCount(year, on, projected, groups, units))
    results = _targets(years, params, until)
    return Forecast(
        start=start,
        until=until,
        plans=chosen,
        years=tuple(years),
        targets=tuple(results),
        unit_names=names,
    )


def _targets(years: list[YearCount], params: law.ParameterSet, until: int) -> list[TargetResult]:
    by_year = {y.year: y for y in years}
    results = []
    for parameter in target_parameters(params):
        for entry in parameter.values:
            numbers = entry.value
            if not isinstance(numbers, Numbers) or not entry.confidence.active:
                continue
            base_year = int(numbers["base_year"])
            target_year = int(numbers["target_year"])
            for group, (vi, en, key) in GROUPS.items():
                percent = numbers.get(key)
                if percent is None:
                    continue
                base = by_year[base_year].by_group[group] if base_year in by_year else None
                allowed = (
                    math.floor(base * (1 - percent / Decimal(100))) if base is not None else None
                )
                at_target = by_year[target_year].by_group[group] if target_year in by_year else None
                met_in = None
                if allowed is not None:
                    for y in years:
                        if y.year > base_year and y.by_group[group] <= allowed:
                            met_in = y.year
                            break
                gap = at_target - allowed if at_target is not None and allowed is not None else None
                results.append(
                    TargetResult(
                        parameter=parameter.id,
                        group=group,
                        vi=f"{parameter.title.vi}: {vi.lower()}",
                        en=f"{parameter.title.en}: {en.lower()}",
                        base_year=base_year,
                        target_year=target_year,
                        percent=percent,
                        base=base,
                        allowed=allowed,
                        at_target=at_target,
                        met_in=met_in,
                        gap=max(gap, 0) if gap is not None else None,
                        citation=entry.citation,
                    )
                )
    return results
