"""Two shapes most structural rules share: "at most N deputies for a unit of this size" and
"at least N posts in a unit of this kind". The decree modules declare rules of these shapes;
the numbers come from their parameter files.

A minimum size is a criterion for setting a unit up ("the workload requires at least N
civil-servant posts"): it is judged on the unit's quota where it has one, otherwise on the
people in post (the finding says which), and a shortfall is a warning — except for a unit a
plan creates or merges, where it is a violation of the plan.

A deputy limit may come with a transition (``transition``: a duration parameter, SO-9): a unit
formed by merging or splitting units (it has predecessors) while the transition is in force may
keep more deputies until the deadline counted from its formation — a note before it, a violation
after it. (A unit merged into an existing one keeps its own formation date, which the state does
not date anew: it gets no transition.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import ClassVar

from tinhgon.domain import Category, State, Text, Unit
from tinhgon.law.engine import Env, Rule, limits_on, staff_count
from tinhgon.law.findings import Finding, Severity
from tinhgon.law.parameters import Age, DatedValue, Limits
from tinhgon.law.retirement import add_months


def class_note(
    rule: Rule, state: State, on: dt.date, env: Env, entry: DatedValue
) -> Finding | None:
    """A note when the numbers in force depend on the province class and the agency has none:
    only the bands true for every class are applied."""
    limits = entry.value
    if env.agency.province_class is not None or not isinstance(limits, Limits):
        return None
    if not any(b.province_classes is not None for b in limits.bands) or not rule.targets(state):
        return None
    roots = state.roots()
    return rule.finding(
        Severity.INFO,
        on,
        Text(
            f"{rule.title.vi}: chưa khai báo loại đơn vị hành chính của tỉnh, chỉ áp dụng các mức "
            "đúng với mọi loại tỉnh",
            f"{rule.title.en}: no province class given, only the limits true for every class apply",
        ),
        unit=roots[0] if roots else None,
        used=[entry],
        detail={"province_class": None},
    )


class DeputyLimitRule(Rule):
    """At most ``limit`` deputies for a unit, by the band its count falls in.

    A unit whose count no active band covers is not checked; if it has deputies, a note says
    that no limit is encoded for its size.
    """

    count_label: ClassVar[Text] = Text("biên chế", "staff")
    transition: ClassVar[str | None] = None

    def count(self, state: State, unit: Unit, categories: frozenset[Category]) -> int:
        return staff_count(state, unit.id, categories)

    def deadline(self, unit: Unit, on: dt.date, env: Env) -> tuple[dt.date, DatedValue] | None:
        """The last day of the transition for a unit formed by merging or splitting units (it has
        predecessors) while the transition is in force, if any."""
        if self.transition is None or unit.established_on is None or not unit.predecessors:
            return None
        entry = env.value(self.transition, on)
        if entry is None or not isinstance(entry.value, Age):
            return None
        if not entry.since <= unit.established_on <= on:
            return None
        end = add_months(unit.established_on, entry.value.total_months)
        return end - dt.timedelta(days=1), entry

    def check(self, state: State, on: dt.date, env: Env) -> Iterator[Finding]:
        entry, limits = limits_on(env, self.parameters[0], on)
        categories = env.parameters[self.parameters[0]].counted_categories
        province_class = env.agency.province_class
        note = class_note(self, state, on, env, entry)
        if note is not None:
            yield note
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
                            f"{unit.name}: có {deputies} {title} với {count} {label.vi}; chưa có "
                            "quy định trong tinhgon về giới hạn cho đơn vị có số lượng này",
                            f"{unit.name}: {deputies} deputy head(s) with {count} {label.en}; no "
                            "limit is held in tinhgon for a unit of this size",
                        ),
                        unit=unit,
                        actual=deputies,
                        used=[entry],
                        detail={"count": count},
                    )
                continue
            if deputies <= band.limit:
                continue
            message = Text(
                f"{unit.name}: {deputies} {title}, vượt mức tối đa {band.limit:02d} đối với đơn "
                f"vị có {count} {label.vi} ({band.describe()})",
                f"{unit.name}: {deputies} deputy heads, more than the {band.limit} allowed for a "
                f"unit of {count} {label.en} ({band.describe()})",
            )
            used = [entry]
            severity = Severity.VIOLATION
            detail: dict[str, object] = {"count": count}
            transition = self.deadline(unit, on, env)
            if transition is not None:
                until, period = transition
                used.append(period)
                detail["transition_until"] = until.isoformat()
                assert unit.established_on is not None
                formed = f"{unit.established_on:%d/%m/%Y}"
                if on <= until:
                    severity = Severity.INFO
                    message = Text(
                        f"{message.vi}; đơn vị sắp xếp từ {formed} được bố trí đúng số cấp phó "
                        f"chậm nhất đến {until:%d/%m/%Y}",
                        f"{message.en}; a unit restructured on {unit.established_on.isoformat()} "
                        f"must comply by {until.isoformat()}",
                    )
                else:
                    message = Text(
                        f"{message.vi}; thời hạn sắp xếp cấp phó (đơn vị sắp xếp từ {formed}) đã "
                        f"hết ngày {until:%d/%m/%Y}",
                        f"{message.en}; the transition (unit restructured on "
                        f"{unit.established_on.isoformat()}) ended on {until.isoformat()}",
                    )
            yield self.finding(
                severity,
                on,
                message,
                unit=unit,
                actual=deputies,
                limit=band.limit,
                used=used,
                trace_values=[band.as_dict()],
                detail=detail,
            )


class MinimumStaffRule(Rule):
    """At least ``limit`` posts in the unit (with ``recursive``, counting its sub-units' people)."""

    recursive: ClassVar[bool] = False

    def posts(
        self, state: State, unit: Unit, categories: frozenset[Category], on: dt.date
    ) -> tuple[int, str]:
        """The unit's posts: its quota for the year where it has one, else the people in post."""
        quotas = [state.quota(unit.id, c, on.year) for c in categories]
        given = [q for q in quotas if q is not None]
        if given:
            return sum(given), "quota"
        if self.recursive:
            return sum(staff_count(state, u.id, categories) for _, u in state.walk(unit.id)), (
                "in_post"
            )
        return staff_count(state, unit.id, categories), "in_post"

    def check(self, state: State, on: dt.date, env: Env) -> Iterator[Finding]:
        entry, limits = limits_on(env, self.parameters[0], on)
        categories = env.parameters[self.parameters[0]].counted_categories
        province_class = env.agency.province_class
        name = self.title.vi[0].lower() + self.title.vi[1:]
        name_en = self.title.en[0].lower() + self.title.en[1:]
        note = class_note(self, state, on, env, entry)
        if note is not None:
            yield note
        for unit in self.targets(state):
            count, basis = self.posts(state, unit, categories, on)
            band = limits.band_for(count, province_class, entry.confidence)
            if band is None or count >= band.limit:
                continue
            what, what_en = _basis_text(basis, categories)
            planned = unit.id in env.planned
            if planned:
                message = Text(
                    f"Đề án thành lập, sắp xếp {unit.name} với {count} {what}, dưới mức tối "
                    f"thiểu {band.limit:02d} để thành lập ({name})",
                    f"The plan sets {unit.name} up with {count} {what_en}, below the minimum of "
                    f"{band.limit} ({name_en})",
                )
            else:
                message = Text(
                    f"{unit.name}: {count} {what}, dưới mức tối thiểu {band.limit:02d} của tiêu "
                    f"chí thành lập ({name})",
                    f"{unit.name}: {count} {what_en}, below the minimum of {band.limit} required "
                    f"to set such a unit up ({name_en})",
                )
            yield self.finding(
                Severity.VIOLATION if planned else Severity.WARNING,
                on,
                message,
                unit=unit,
                actual=count,
                limit=band.limit,
                used=[entry],
                trace_values=[band.as_dict()],
                detail={"basis": basis, "planned": planned},
            )


def _basis_text(basis: str, categories: frozenset[Category]) -> tuple[str, str]:
    """What the count is, as the finding says it: the quota, or who is in post without one."""
    if basis == "quota":
        if Category.PUBLIC_EMPLOYEE in categories:
            return "người làm việc được giao", "allotted staff"
        return "biên chế được giao", "allotted posts"
    if Category.PUBLIC_EMPLOYEE in categories:
        return (
            "người đang làm việc (chưa có số lượng người làm việc được giao)",
            "people in post (no allotted number)",
        )
    return (
        "cán bộ, công chức đang công tác (chưa có biên chế được giao)",
        "cadres and civil servants in post (no quota)",
    )
