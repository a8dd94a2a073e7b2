"""A project: one agency with its documents, its official timeline and its plans."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from types import MappingProxyType

from tinhgon.domain.documents import DocumentRegister
from tinhgon.domain.errors import PlanError
from tinhgon.domain.model import BUILTIN_KINDS, Person, UnitKind
from tinhgon.domain.plans import Plan
from tinhgon.domain.state import State
from tinhgon.domain.timeline import Timeline


@dataclass(frozen=True, kw_only=True)
class Agency:
    """Cơ quan: the agency a project describes; its root unit has the same id.

    ``agency_type`` says which body of law applies (``economic_zone_board``,
    ``provincial_department``, …); ``province_class`` is the class of its province where a
    legal number depends on it (``special`` for Hà Nội and Hồ Chí Minh City, ``I``, ``II``,
    ``III``).
    """

    id: str
    name: str
    agency_type: str = "other"
    short_name: str = ""
    province: str = ""
    province_class: str | None = None
    superior: str = ""
    place: str = ""
    illustrative: bool = False
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class Project:
    """Everything known about an agency: documents, people, the official timeline, plans."""

    agency: Agency
    documents: DocumentRegister
    timeline: Timeline
    plans: Mapping[str, Plan] = field(default_factory=dict)
    people: Mapping[str, Person] = field(default_factory=dict)
    unit_kinds: Mapping[str, UnitKind] = field(default_factory=lambda: dict(BUILTIN_KINDS))

    def __post_init__(self) -> None:
        object.__setattr__(self, "plans", MappingProxyType(dict(self.plans)))
        object.__setattr__(self, "people", MappingProxyType(dict(self.people)))
        object.__setattr__(self, "unit_kinds", MappingProxyType(dict(self.unit_kinds)))

    def plan(self, plan_id: str) -> Plan:
        try:
            return self.plans[plan_id]
        except KeyError:
            known = ", ".join(self.plans) or "không có"
            raise PlanError(
                f"không có đề án '{plan_id}' (các đề án: {known})",
                f"no plan '{plan_id}' (plans: {', '.join(self.plans) or 'none'})",
            ) from None

    def state_on(self, on: date, *, plan: str | None = None) -> State:
        """The official state on a date or, with ``plan``, the state the plan would give."""
        if plan is None:
            return self.timeline.state_on(on)
        return self.plan(plan).state_on(self.timeline, on)

    def with_plan(self, plan: Plan) -> Project:
        return replace(self, plans={**self.plans, plan.id: plan})

    def with_timeline(self, timeline: Timeline) -> Project:
        return replace(self, timeline=timeline)
