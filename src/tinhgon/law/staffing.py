"""Two shapes most structural rules share: "at most N deputies for a unit of this size" and
"at least N staff in a unit of this kind". The decree modules declare rules of these shapes;
the numbers come from their parameter files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import ClassVar

from tinhgon.domain import Category, State, Text, Unit
from tinhgon.law.engine import Env, Rule, limits_on, staff_count
from tinhgon.law.findings import Finding, Severity


class DeputyLimitRule(Rule):
    """At most ``limit`` deputies for a unit, by the band its count falls in.

    A unit whose count no active band covers is not checked; if it has deputies, a note says
    that no limit is encoded for its size.
    """

    count_label: ClassVar[Text] = Text("biên chế", "staff")

    def count(self, state: State, unit: Unit, categories: frozenset[Category]) -> int:
        return staff_count(state, unit.id, categories)

    def check(self, state: State, on: dt.date, env: Env) -> Iterator[Finding]:
        entry, limits = limits_on(env, self.parameters[0], on)
        categories = env.parameters[self.parameters[0]].counted_categories
        province_class = env.agency.province_class
        for unit in self.targets(state):
            count = self.count(state, unit, categories)
            deputies = len(state.deputies(unit.id))
            band = limits.band_for(count, province_class, entry.confidence)
            title = unit.kind.deputy_title
            label = self.count_label
            if band is None:
                if deputies:
                    yield self.finding(
                        Severity.INFO,
                        on,
                        Text(
                            f"{unit.name}: có {deputies} {title} với {count} {label.vi}; chưa mã "
                            f"hóa giới hạn nào cho đơn vị cỡ này",
                            f"{unit.name}: {deputies} deputy head(s) with {count} {label.en}; no "
                            f"limit is encoded for a unit of this size",
                        ),
                        unit=unit,
                        actual=deputies,
                        used=[entry],
                        detail={"count": count},
                    )
                continue
            if deputies > band.limit:
                yield self.finding(
                    Severity.VIOLATION,
                    on,
                    Text(
                        f"{unit.name}: {deputies} {title}, vượt mức tối đa {band.limit:02d} đối "
                        f"với đơn vị có {count} {label.vi} ({band.describe()})",
                        f"{unit.name}: {deputies} deputy heads, more than the {band.limit} "
                        f"allowed for a unit of {count} {label.en} ({band.describe()})",
                    ),
                    unit=unit,
                    actual=deputies,
                    limit=band.limit,
                    used=[entry],
                    trace_values=[band.as_dict()],
                    detail={"count": count},
                )


class MinimumStaffRule(Rule):
    """At least ``limit`` counted staff in the unit (and, with ``recursive``, its sub-units)."""

    recursive: ClassVar[bool] = False

    def check(self, state: State, on: dt.date, env: Env) -> Iterator[Finding]:
        entry, limits = limits_on(env, self.parameters[0], on)
        categories = env.parameters[self.parameters[0]].counted_categories
        province_class = env.agency.province_class
        for unit in self.targets(state):
            if self.recursive:
                count = sum(staff_count(state, u.id, categories) for _, u in state.walk(unit.id))
            else:
                count = staff_count(state, unit.id, categories)
            band = limits.band_for(count, province_class, entry.confidence)
            if band is None or count >= band.limit:
                continue
            yield self.finding(
                Severity.VIOLATION,
                on,
                Text(
                    f"{unit.name}: {count} biên chế, dưới mức tối thiểu {band.limit:02d} "
                    f"({self.title.vi.lower()})",
                    f"{unit.name}: {count} staff, below the minimum of {band.limit} "
                    f"({self.title.en[0].lower() + self.title.en[1:]})",
                ),
                unit=unit,
                actual=count,
                limit=band.limit,
                used=[entry],
                trace_values=[band.as_dict()],
            )
