"""A project: one agency (or a province, the country) with its documents, its official
timeline and its plans."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from types import MappingProxyType

from tinhgon.domain import agencies
from tinhgon.domain.documents import DocumentRegister
from tinhgon.domain.errors import PlanError, TinhgonError
from tinhgon.domain.model import BUILTIN_KINDS, Person, Unit, UnitKind
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
    # An agency inside the history this project is narrowed to (``for_agency``); None: the whole.
    scope: str | None = None
    whole_agency: Agency | None = field(default=None, compare=False, repr=False)
    whole_people: Mapping[str, Person] | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "plans", MappingProxyType(dict(self.plans)))
        object.__setattr__(self, "people", MappingProxyType(dict(self.people)))
        # ``people`` of a project narrowed to an agency: those ever on its staff.
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
        """The official state on a date or, with ``plan``, the state the plan would give.

        A project narrowed to an agency (``for_agency``) gives that agency's part of it.
        """
        if plan is None:
            state = self.timeline.state_on(on)
        else:
            state = self.plan(plan).state_on(self.timeline, on)
        return state if self.scope is None else agencies.scope(state, self.scope)

    def whole(self) -> Project:
        """The whole history, when this project is narrowed to one agency inside it."""
        if self.scope is None:
            return self
        assert self.whole_people is not None
        return replace(
            self,
            agency=self.whole_agency or self.agency,
            scope=None,
            whole_agency=None,
            people=self.whole_people,
            whole_people=None,
        )

    def for_agency(self, agency_id: str | None) -> Project:
        """The same history seen from one agency inside it: its state, metrics, findings and
        reports are the agency's; ``None`` or the root's own id give the whole."""
        whole = self.whole()
        if agency_id is None or agency_id == whole.agency.id:
            return whole
        unit = self._find_unit(agency_id)
        if unit is None or unit.agency_type is None:
            raise agencies.UnknownAgency(
                f"không có cơ quan '{agency_id}' trong lịch sử của {whole.agency.name}",
                f"no agency '{agency_id}' in the history of {whole.agency.name}",
            )
        root = whole.agency
        agency = whole.agency_record(unit)
        _, staff = agencies.footprint(whole.timeline.changes, unit.id)
        for plan in whole.plans.values():
            try:
                _, more = agencies.footprint(plan.project(whole.timeline).changes, unit.id)
            except TinhgonError:
                continue  # a plan that no longer applies shows nobody of its own
            staff |= more
        people = {p: person for p, person in whole.people.items() if p in staff}
        return replace(
            whole,
            agency=agency,
            scope=unit.id,
            whole_agency=root,
            people=people,
            whole_people=whole.people,
        )

    def agency_record(self, unit: Unit) -> Agency:
        """The agency a unit of the history stands for (its law: its own agency type; its
        province: the history's)."""
        root = self.whole_agency or self.agency
        return Agency(
            id=unit.id,
            name=unit.name,
            agency_type=unit.agency_type or "other",
            province=root.province,
            province_class=root.province_class,
            superior=root.name,
            illustrative=root.illustrative,
        )

    def _find_unit(self, unit_id: str) -> Unit | None:
        """A unit as it last stood, in the official history or in a plan."""
        states = [self.timeline.state_on(date.max)]
        states += [p.state_on(self.timeline, date.max) for p in self.plans.values()]
        for state in states:
            if unit_id in state.units:
                return state.units[unit_id]
            if unit_id in state.ended:
                return state.ended[unit_id].unit
        return None

    def agencies_on(self, on: date, *, plan: str | None = None) -> tuple[Unit, ...]:
        """The agencies inside the history on a date (units with an agency type)."""
        return agencies.agency_units(self.whole().state_on(on, plan=plan))

    def with_plan(self, plan: Plan) -> Project:
        return replace(self, plans={**self.plans, plan.id: plan})

    def with_timeline(self, timeline: Timeline) -> Project:
        return replace(self, timeline=timeline)
