"""Biên chế được giao: staff against the quota of a unit, a category and a year.

The limit is the project's own data (the quota decision of the competent authority), not a
legal number: these rules rest on no unverified figure, and their findings are ``verified``.
The count is the domain's (``tinhgon.domain.metrics``): a unit's staff take in its sub-units,
except those with a quota of their own for the same category and year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from tinhgon.domain import State, Text, Unit, UnitClass
from tinhgon.domain.metrics import _quota_lines
from tinhgon.law.engine import Env, Rule
from tinhgon.law.findings import Citation, Confidence, Finding, Severity


def quota_citation(year: int) -> Citation:
    return Citation(
        instrument=f"Quyết định giao biên chế năm {year} của cấp có thẩm quyền",
        source=(
            "số biên chế được giao ghi trong dữ liệu của cơ quan / the quota recorded in the "
            "agency's data"
        ),
        confidence=Confidence.HIGH,
        verified=True,
    )


class QT1OverQuota(Rule):
    """QT-1: staff in post above the quota of a unit, for a category and the year of the date.

    Always in force. Each quota line (unit, category, year) counts as the domain counts it.
    """

    id = "QT-1"
    title = Text("Vượt biên chế được giao", "Staff above the allotted quota")
    applies_to_text = Text("đơn vị có biên chế được giao", "units with an allotted quota")

    def targets(self, state: State) -> list[Unit]:
        if state.on is None:
            return []
        ids = {k.unit_id for k in state.quotas if k.year == state.on.year}
        return [u for _, u in state.walk() if u.id in ids]

    def check(self, state: State, on: dt.date, env: Env) -> Iterator[Finding]:
        for line in _quota_lines(state, on.year):
            if line.actual <= line.quota:
                continue
            category = line.category
            yield self.finding(
                Severity.VIOLATION,
                on,
                Text(
                    f"{line.unit_name}: {line.actual} {category.vi}, vượt {line.excess} so với "
                    f"biên chế được giao năm {line.year} ({line.quota})",
                    f"{line.unit_name}: {line.actual} {category.en}s, {line.excess} above the "
                    f"{line.year} quota of {line.quota}",
                ),
                unit=state.units[line.unit_id],
                actual=line.actual,
                limit=line.quota,
                extra=[quota_citation(line.year)],
                detail={"category": category.value, "year": line.year},
            )


class QT2NoQuota(Rule):
    """QT-2: a unit expected to carry a quota has none for the year of the date.

    Always in force. The units expected to carry one are the agency (the root of the
    structure: biên chế công chức) and each public service unit (số lượng người làm việc).
    Departments, chi cục and divisions share the agency's quota and are not expected to have
    their own.
    """

    id = "QT-2"
    title = Text("Đơn vị chưa được giao biên chế", "Unit without a quota")
    unit_classes = frozenset({UnitClass.AGENCY, UnitClass.PUBLIC_SERVICE_UNIT})
    applies_to_text = Text(
        "cơ quan (đơn vị gốc) và đơn vị sự nghiệp công lập",
        "the agency (root unit) and public service units",
    )

    def selects(self, state: State, unit: Unit) -> bool:
        return unit.parent_id is None or unit.kind.unit_class is UnitClass.PUBLIC_SERVICE_UNIT

    def check(self, state: State, on: dt.date, env: Env) -> Iterator[Finding]:
        with_quota = {k.unit_id for k in state.quotas if k.year == on.year}
        for unit in self.targets(state):
            if unit.id in with_quota:
                continue
            yield self.finding(
                Severity.WARNING,
                on,
                Text(
                    f"{unit.name}: chưa có biên chế được giao năm {on.year}",
                    f"{unit.name}: no quota for {on.year}",
                ),
                unit=unit,
                actual=None,
                limit=None,
                extra=[quota_citation(on.year)],
                detail={"year": on.year},
            )


RULES = (QT1OverQuota(), QT2NoQuota())
