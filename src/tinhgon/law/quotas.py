"""Biên chế được giao: staff against the quota of a unit, a category and a year.

The limit is the project's own data (the quota decision of the competent authority), not a
legal number. The legal basis — that staff stay within the quota given, and that each agency and
public service unit is given one — is the Law on Cadres and Civil Servants with the decree on
civil-servant quotas (Decree 21/2010/NĐ-CP, then Decree 62/2020/NĐ-CP), and the Law on Public
Employees with the decree on public service units' staff numbers (Decree 41/2012/NĐ-CP, then
Decree 106/2020/NĐ-CP): each finding cites those issued by the date checked. The count is the
domain's (``tinhgon.domain.metrics``): a unit's staff take in its sub-units, except those with
a quota of their own for the same category and year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from tinhgon.domain import Category, State, Text, Unit, UnitClass
from tinhgon.domain.metrics import QuotaLine, _quota_lines
from tinhgon.law.engine import Env, Rule, issued_by
from tinhgon.law.findings import Citation, Confidence, Finding, Severity

_SOURCE = (
    "RULES.md QT-1: căn cứ pháp lý của biên chế; số hiệu, ngày theo hiểu biết chung, chưa xác định "
    "điều, khoản / the legal basis of quotas; symbols and dates from general knowledge, articles "
    "not identified"
)


def _law(instrument: str, issued: dt.date, title: str) -> Citation:
    return Citation(
        instrument=instrument,
        issued_on=issued,
        title=title,
        source=_SOURCE,
        rules_md="QT-1",
        confidence=Confidence.MEDIUM,
        verified=False,
    )


CIVIL_SERVANT_LAW = _law("22/2008/QH12", dt.date(2008, 11, 13), "Luật Cán bộ, công chức")
CIVIL_SERVANT_QUOTA = (
    _law("21/2010/NĐ-CP", dt.date(2010, 3, 8), "Về quản lý biên chế công chức"),
    _law("62/2020/NĐ-CP", dt.date(2020, 6, 1), "Về vị trí việc làm và biên chế công chức"),
)
PUBLIC_EMPLOYEE_LAW = _law("58/2010/QH12", dt.date(2010, 11, 15), "Luật Viên chức")
PUBLIC_EMPLOYEE_QUOTA = (
    _law(
        "41/2012/NĐ-CP",
        dt.date(2012, 5, 8),
        "Quy định về vị trí việc làm trong đơn vị sự nghiệp công lập",
    ),
    _law(
        "106/2020/NĐ-CP",
        dt.date(2020, 9, 10),
        "Về vị trí việc làm và số lượng người làm việc trong đơn vị sự nghiệp công lập",
    ),
)


def legal_basis(public_service: bool, on: dt.date) -> list[Citation]:
    """The law and the latest decree on quotas issued by the date, for civil servants or for the
    staff of public service units."""
    law, decrees = (
        (PUBLIC_EMPLOYEE_LAW, PUBLIC_EMPLOYEE_QUOTA)
        if public_service
        else (CIVIL_SERVANT_LAW, CIVIL_SERVANT_QUOTA)
    )
    issued = [d for d in decrees if issued_by(d, on)]
    return [c for c in (law, *issued[-1:]) if issued_by(c, on)]


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
            yield self.over(line, state.units[line.unit_id], on)

    def over(self, line: QuotaLine, unit: Unit, on: dt.date) -> Finding:
        """The finding of a quota line whose staff exceed it (also the columnar check's)."""
        category = line.category
        return self.finding(
            Severity.VIOLATION,
            on,
            Text(
                f"{line.unit_name}: {line.actual} {category.vi}, vượt {line.excess} so với "
                f"biên chế được giao năm {line.year} ({line.quota})",
                f"{line.unit_name}: {line.actual} {category.en}s, {line.excess} above the "
                f"{line.year} quota of {line.quota}",
            ),
            unit=unit,
            actual=line.actual,
            limit=line.quota,
            extra=[
                quota_citation(line.year),
                *legal_basis(category is Category.PUBLIC_EMPLOYEE, on),
            ],
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
                extra=[
                    quota_citation(on.year),
                    *legal_basis(unit.kind.unit_class is UnitClass.PUBLIC_SERVICE_UNIT, on),
                ],
                detail={"year": on.year},
            )


RULES = (QT1OverQuota(), QT2NoQuota())
