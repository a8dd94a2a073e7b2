"""Small states for legal scenarios, built straight from the domain's state builder.

The builder's primitives do not validate, so a scenario can also describe a state the timeline
would refuse (two heads of one unit) — the rules must still see it right.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from tinhgon.domain import (
    BUILTIN_KINDS,
    Agency,
    BirthDate,
    Category,
    Person,
    QuotaKey,
    Role,
    Sex,
    State,
    StateBuilder,
    Unit,
)

SINCE = dt.date(2000, 1, 1)
FACTS = ("hazardous_work_years", "difficult_area_years", "work_capacity_loss")
ROOT_KIND = {"economic_zone_board": "board", "provincial_department": "provincial_department"}


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def agency_of(spec: Mapping[str, Any]) -> Agency:
    return Agency(
        id="root",
        name=str(spec.get("name", "Cơ quan thử")),
        agency_type=str(spec.get("agency_type", "other")),
        province_class=spec.get("province_class"),
    )


class Structure:
    """Builds a state: a root unit for the agency, units with their staff, people, quotas."""

    def __init__(self, agency: Agency, root_id: str = "root") -> None:
        self.agency = agency
        self.b = StateBuilder()
        kind = BUILTIN_KINDS[ROOT_KIND.get(agency.agency_type, "agency")]
        self.b.add_unit(Unit(id=root_id, name=agency.name, kind=kind, parent_id=None))
        self.count = 0

    def person(
        self,
        unit: str,
        role: Role = Role.STAFF,
        *,
        pid: str | None = None,
        category: Category = Category.CIVIL_SERVANT,
        sex: Sex = Sex.MALE,
        born: str = "1985-01-15",
        name: str | None = None,
        facts: Mapping[str, Any] | None = None,
    ) -> str:
        self.count += 1
        pid = pid or f"p{self.count:05d}"
        self.b.register(
            Person(
                id=pid,
                full_name=name or f"Nguyễn Văn {pid.upper()}",
                sex=sex,
                birth=BirthDate.parse(born),
                category=category,
                **dict(facts or {}),
            )
        )
        self.b.assign(pid, unit, role, SINCE)
        return pid

    def unit(self, spec: Mapping[str, Any]) -> None:
        """``{id, kind, parent, name, staff, heads, deputies, contract, established}``: ``staff``
        counts the civil servants in post, leaders included; ``heads`` defaults to 1 when there
        is staff; ``established`` is the date the unit was formed and ``predecessors`` the units it
        was formed from (by a restructuring)."""
        uid = str(spec["id"])
        self.b.add_unit(
            Unit(
                id=uid,
                name=str(spec.get("name", f"Phòng {uid}")),
                kind=BUILTIN_KINDS[str(spec.get("kind", "department"))],
                parent_id=str(spec.get("parent", "root")),
                established_on=_date(spec.get("established")),
                predecessors=tuple(spec.get("predecessors", ())),
            )
        )
        staff = int(spec.get("staff", 0))
        heads = int(spec.get("heads", 1 if staff else 0))
        deputies = int(spec.get("deputies", 0))
        roles = [Role.HEAD] * heads + [Role.DEPUTY] * deputies
        roles += [Role.STAFF] * (staff - len(roles))
        for role in roles:
            self.person(uid, role, category=Category(spec.get("category", "civil_servant")))
        for _ in range(int(spec.get("contract", 0))):
            self.person(uid, category=Category.CONTRACT_WORKER)

    def root_leaders(self, heads: int, deputies: int) -> None:
        for _ in range(heads):
            self.person("root", Role.HEAD)
        for _ in range(deputies):
            self.person("root", Role.DEPUTY)

    def quota(self, unit: str, category: str, year: int, value: int) -> None:
        self.b.set_quota(QuotaKey(unit, Category(category), year), value)

    def state(self, on: dt.date) -> State:
        return self.b.snapshot(on)


def build(spec: Mapping[str, Any], agency: Agency, on: dt.date) -> State:
    """A state from a scenario's ``structure``."""
    s = Structure(agency)
    root = spec.get("root", {})
    s.root_leaders(int(root.get("heads", 0)), int(root.get("deputies", 0)))
    for unit in spec.get("units", []):
        s.unit(unit)
    for p in spec.get("people", []):
        s.person(
            str(p.get("unit", "root")),
            Role(p.get("role", "staff")),
            pid=p.get("id"),
            category=Category(p.get("category", "civil_servant")),
            sex=Sex(p.get("sex", "male")),
            born=str(p["born"]),
            facts={k: p[k] for k in FACTS if k in p},
        )
    for q in spec.get("quotas", []):
        s.quota(str(q["unit"]), str(q["category"]), int(q["year"]), int(q["value"]))
    return s.state(on)
