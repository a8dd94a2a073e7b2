"""What a state amounts to: the counts the seed article reports, and more.

``departments`` counts the agency's departments and equivalents (phòng chuyên môn và tương
đương: Văn phòng, Thanh tra…, directly under the agency — not the departments of a chi cục or of
a public service unit, which ``units_by_kind`` still counts); ``department_leaders`` their heads
and deputy heads (lãnh đạo cấp phòng);
``public_service_units`` the public service units (đơn vị sự nghiệp công lập).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tinhgon.domain.model import Category, Role, UnitClass
from tinhgon.domain.state import State


@dataclass(frozen=True, slots=True)
class QuotaLine:
    """Biên chế được giao và biên chế hiện có of one unit, category and year."""

    unit_id: str
    unit_name: str
    category: Category
    year: int
    quota: int
    actual: int

    @property
    def excess(self) -> int:
        return self.actual - self.quota


@dataclass(frozen=True, slots=True)
class Metrics:
    """The headline numbers of a state on a date."""

    on: date | None
    units: int
    units_by_kind: dict[str, int]
    units_by_class: dict[str, int]
    departments: int
    department_heads: int
    department_deputies: int
    public_service_units: int
    staff: int
    staff_by_category: dict[str, int]
    leaders_by_level: dict[str, dict[str, int]]
    quota_lines: tuple[QuotaLine, ...]
    span_of_control_average: float
    span_of_control_max: int
    layers: int

    @property
    def department_leaders(self) -> int:
        return self.department_heads + self.department_deputies

    def quota_totals(self) -> dict[str, dict[str, int]]:
        totals: dict[str, dict[str, int]] = {}
        for line in self.quota_lines:
            entry = totals.setdefault(line.category.value, {"quota": 0, "actual": 0})
            entry["quota"] += line.quota
            entry["actual"] += line.actual
        return totals

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready form; the integer fields named in the command-line contract come first."""
        return {
            "departments": self.departments,
            "department_leaders": self.department_leaders,
            "public_service_units": self.public_service_units,
            "staff": self.staff,
            "department_heads": self.department_heads,
            "department_deputies": self.department_deputies,
            "units": self.units,
            "units_by_kind": dict(self.units_by_kind),
            "units_by_class": dict(self.units_by_class),
            "staff_by_category": dict(self.staff_by_category),
            "leaders_by_level": {k: dict(v) for k, v in self.leaders_by_level.items()},
            "quota": {
                "year": self.on.year if self.on else None,
                "totals": self.quota_totals(),
                "units": [
                    {
                        "unit": line.unit_id,
                        "name": line.unit_name,
                        "category": line.category.value,
                        "quota": line.quota,
                        "actual": line.actual,
                    }
                    for line in self.quota_lines
                ],
            },
            "span_of_control": {
                "average": round(self.span_of_control_average, 2),
                "max": self.span_of_control_max,
            },
            "layers": self.layers,
        }


# Which numbers a user sees first, with their Vietnamese and English names.
HEADLINE: tuple[tuple[str, str, str], ...] = (
    ("departments", "Phòng chuyên môn và tương đương", "Departments and equivalents"),
    ("department_leaders", "Lãnh đạo cấp phòng và tương đương", "Department-level leaders"),
    ("public_service_units", "Đơn vị sự nghiệp công lập", "Public service units"),
    ("staff", "Tổng số người làm việc", "Staff"),
)


def _quota_lines(state: State, year: int) -> list[QuotaLine]:
    """Quota against actual for every unit with a quota for the year.

    A unit's actual count takes in its sub-units, except those with a quota of their own for
    the same category and year (their staff count against that quota instead).
    """
    by_unit: dict[str, dict[Category, int]] = {}
    for key, value in state.quotas.items():
        if key.year == year and key.unit_id in state.units:
            by_unit.setdefault(key.unit_id, {})[key.category] = value
    lines: list[QuotaLine] = []
    counts = state.category_counts()
    children = state._child_index()
    nothing: dict[Category, int] = {}
    for unit_id, quotas in by_unit.items():
        for category, quota in quotas.items():
            actual = 0
            stack = [unit_id]
            while stack:
                current = stack.pop()
                actual += counts.get(current, nothing).get(category, 0)
                for child_id in children.get(current, ()):
                    if category not in by_unit.get(child_id, nothing):
                        stack.append(child_id)
            lines.append(
                QuotaLine(unit_id, state.units[unit_id].name, category, year, quota, actual)
            )
    order = {u.id: i for i, u in enumerate(state.tree_order())}
    lines.sort(key=lambda q: (order.get(q.unit_id, 0), list(Category).index(q.category)))
    return lines


def metrics_of(state: State) -> Metrics:
    """Count what the state holds; the quota comparison uses the year of the state's date."""
    units_by_kind: dict[str, int] = {}
    units_by_class: dict[str, int] = {}
    for unit in state.units.values():
        units_by_kind[unit.kind.code] = units_by_kind.get(unit.kind.code, 0) + 1
        cls = unit.kind.unit_class.value
        units_by_class[cls] = units_by_class.get(cls, 0) + 1

    # The agency's own departments and equivalents: those directly under an agency-class unit
    # (a department inside a chi cục or a public service unit is not one of them).
    own_departments = {
        unit.id
        for unit in state.units.values()
        if unit.kind.unit_class is UnitClass.DEPARTMENT
        and (
            unit.parent_id is None
            or state.units[unit.parent_id].kind.unit_class is UnitClass.AGENCY
        )
    }
    heads = deputies = 0

    by_category: dict[Category, int] = dict.fromkeys(Category, 0)
    leaders: dict[str, dict[str, int]] = {c.value: {"heads": 0, "deputies": 0} for c in UnitClass}
    units, staff_role, head_role = state.units, Role.STAFF, Role.HEAD
    own = state.category_counts()  # each unit's own people by category, kept with the state
    for group in own.values():
        for category, count in group.items():
            by_category[category] += count
    headed: set[str] = set()
    level_of: dict[str, str] = {}
    for assignment in [a for a in state.assignments.values() if a.role is not staff_role]:
        unit_id, role = assignment.unit_id, assignment.role
        level = level_of.get(unit_id)
        if level is None:
            level = level_of[unit_id] = units[unit_id].kind.unit_class.value
        if role is head_role:
            headed.add(unit_id)
            leaders[level]["heads"] += 1
        else:
            leaders[level]["deputies"] += 1
        if unit_id in own_departments:
            if role is head_role:
                heads += 1
            else:
                deputies += 1
    staff_by_category = {category.value: count for category, count in by_category.items()}

    # Span of control: for each unit with a head, the others in it plus the heads of the
    # sub-units directly under it.
    # The units in tree order (kept with the state): parents before their sub-units, so each
    # depth is its parent's plus one; only those reached from the roots count, as in ``walk``.
    children = state._child_index()
    spans: list[int] = []
    depths: dict[str | None, int] = {None: -1}
    for unit in state.tree_order():
        depths[unit.id] = depths[unit.parent_id] + 1
        if unit.id in headed:
            span = sum(own.get(unit.id, {}).values()) - 1
            span += sum(1 for child_id in children.get(unit.id, ()) if child_id in headed)
            spans.append(span)
    depth_max = max(depths.values())

    return Metrics(
        on=state.on,
        units=len(state.units),
        units_by_kind=dict(sorted(units_by_kind.items())),
        units_by_class=units_by_class,
        departments=len(own_departments),
        department_heads=heads,
        department_deputies=deputies,
        public_service_units=units_by_class.get(UnitClass.PUBLIC_SERVICE_UNIT.value, 0),
        staff=len(state.assignments),
        staff_by_category=staff_by_category,
        leaders_by_level=leaders,
        quota_lines=tuple(_quota_lines(state, state.on.year)) if state.on else (),
        span_of_control_average=sum(spans) / len(spans) if spans else 0.0,
        span_of_control_max=max(spans, default=0),
        layers=depth_max + 1,
    )
