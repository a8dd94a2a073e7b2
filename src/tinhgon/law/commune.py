"""The commune level of the two-tier local government (from 01/07/2025).

A commune, ward or special zone People's Committee is an agency of type ``commune_committee``;
its specialised departments are ``department`` or ``office`` units and its public
administrative service centre a ``public_administrative_service_centre`` unit. RULES.md section
2b, CM-1: Resolution 332/NQ-CP (15/10/2025) sets 2 deputy heads on average per specialised
department and per centre, across the province (``commune_deputy_heads_average.yaml``). On one
commune the rule says what the commune contributes; ``tinhgon.law.province`` judges the
province.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from tinhgon.domain import State, Text, Unit, UnitClass
from tinhgon.law.engine import Env, Rule, limits_on, parent_class
from tinhgon.law.findings import Finding, Severity

COMMUNE = frozenset({"commune_committee"})
CENTRE = "public_administrative_service_centre"


def commune_units(state: State) -> list[Unit]:
    """The specialised departments and service centres directly under the committee."""
    return [
        u
        for _, u in state.walk()
        if u.kind.unit_class is UnitClass.DEPARTMENT and parent_class(state, u) is UnitClass.AGENCY
    ]


def commune_deputies(state: State) -> tuple[int, int]:
    """(units, deputy heads) of the commune's departments and centres."""
    units = commune_units(state)
    return len(units), sum(len(state.deputies(u.id)) for u in units)


def committee_deputies(state: State) -> tuple[int, int]:
    """(units, deputy heads) of the departments and centre of one commune's People's Committee,
    the state being that commune's own (``check_province``'s member): the departments directly
    under an agency, or directly under the commune's root whatever its class — a commune kept as
    a local government unit (``commune``, ``ward``, ``special_zone``) with ``agency_type:
    commune_committee`` has its departments and centre right under it (the national dataset)."""
    roots = {r.id for r in state.roots()}
    units = [
        u
        for u in state.units.values()
        if u.kind.unit_class is UnitClass.DEPARTMENT
        and (u.parent_id in roots or parent_class(state, u) is UnitClass.AGENCY)
    ]
    return len(units), sum(len(state.deputies(u.id)) for u in units)


class CM1CommuneDeputies(Rule):
    """CM-1: deputy heads of a commune's departments and centre — 2 on average across the
    province; on one commune, what it contributes."""

    id = "CM-1"
    title = Text(
        "Số cấp phó của phòng chuyên môn, Trung tâm Phục vụ hành chính công cấp xã (bình quân "
        "toàn tỉnh)",
        "Deputy heads of commune departments and service centres (province average)",
    )
    agency_types = COMMUNE
    unit_classes = frozenset({UnitClass.AGENCY})
    applies_to_text = Text(
        "Ủy ban nhân dân xã, phường, đặc khu (phòng chuyên môn và Trung tâm Phục vụ hành chính công)",
        "commune, ward and special zone People's Committees (departments and service centre)",
    )
    parameters = ("commune_deputy_heads_average",)

    def selects(self, state: State, unit: Unit) -> bool:
        return unit.parent_id is None

    def check(self, state: State, on: dt.date, env: Env) -> Iterator[Finding]:
        entry, limits = limits_on(env, self.parameters[0], on)
        units, deputies = commune_deputies(state)
        for root in self.targets(state):
            band = limits.band_for(units, env.agency.province_class, entry.confidence)
            if band is None or not units:
                continue
            yield self.finding(
                Severity.INFO,
                on,
                Text(
                    f"{root.name} có {units:02d} phòng chuyên môn và trung tâm với {deputies:02d} "
                    f"cấp phó (tối đa {band.limit * units:02d} nếu tính đúng bình quân "
                    f"{band.limit:02d}); quy định tính bình quân trên toàn tỉnh",
                    f"{root.name} has {units} departments and centres with {deputies} deputy "
                    f"heads ({band.limit * units} at the average of {band.limit}); the rule is "
                    "an average across the province",
                ),
                unit=root,
                actual=deputies,
                limit=band.limit * units,
                used=[entry],
                trace_values=[band.as_dict()],
                detail={"province_wide": True, "units": units},
            )


RULES = (CM1CommuneDeputies(),)
