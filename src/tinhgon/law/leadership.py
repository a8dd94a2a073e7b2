"""Lãnh đạo đơn vị: one head a unit, a head for every department, deputies under a head.

These are consistency checks of the structure rather than legal numbers (the principle of
one head per unit, chế độ thủ trưởng); they use no unverified figure, so their findings are
``verified``. Always in force.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from tinhgon.domain import Role, State, Text, UnitClass
from tinhgon.law.engine import Env, Rule
from tinhgon.law.findings import Citation, Confidence, Finding, Severity

PRINCIPLE = Citation(
    instrument="Nguyên tắc chế độ thủ trưởng (kiểm tra nhất quán của tinhgon)",
    source=(
        "không dựa trên một số liệu pháp lý; mỗi đơn vị có một người đứng đầu / a tinhgon "
        "consistency check, resting on no legal number: each unit has one head"
    ),
    confidence=Confidence.HIGH,
    verified=True,
)


class LD1SeveralHeads(Rule):
    """LD-1: a unit has more than one head (violation). Every unit, every date."""

    id = "LD-1"
    title = Text("Đơn vị có nhiều hơn một cấp trưởng", "More than one head of a unit")
    basis = (PRINCIPLE,)

    def check(self, state: State, on: dt.date, env: Env) -> Iterator[Finding]:
        for _, unit in state.walk():
            heads = [a for a in state.members(unit.id) if a.role is Role.HEAD]
            if len(heads) <= 1:
                continue
            names = ", ".join(state.people[a.person_id].full_name for a in heads)
            yield self.finding(
                Severity.VIOLATION,
                on,
                Text(
                    f"{unit.name}: {len(heads)} người giữ chức {unit.kind.head_title} ({names})",
                    f"{unit.name}: {len(heads)} people hold the post of head ({names})",
                ),
                unit=unit,
                actual=len(heads),
                limit=1,
            )


class LD2DepartmentWithoutHead(Rule):
    """LD-2: a department (or equivalent) has no head (warning). Every date."""

    id = "LD-2"
    title = Text("Phòng chưa có cấp trưởng", "Department without a head")
    unit_classes = frozenset({UnitClass.DEPARTMENT})
    applies_to_text = Text("phòng và tương đương", "departments and equivalents")
    basis = (PRINCIPLE,)

    def check(self, state: State, on: dt.date, env: Env) -> Iterator[Finding]:
        for unit in self.targets(state):
            if state.head(unit.id) is not None:
                continue
            deputies = len(state.deputies(unit.id))
            yield self.finding(
                Severity.WARNING,
                on,
                Text(
                    f"{unit.name}: chưa có {unit.kind.head_title} ({deputies} cấp phó)",
                    f"{unit.name}: no head ({deputies} deputies)",
                ),
                unit=unit,
                actual=0,
                limit=1,
            )


class LD3DeputiesWithoutHead(Rule):
    """LD-3: a unit of any kind has deputies but no head: who is in charge? (note). Every date."""

    id = "LD-3"
    title = Text("Có cấp phó nhưng không có cấp trưởng", "Deputies without a head")
    basis = (PRINCIPLE,)

    def check(self, state: State, on: dt.date, env: Env) -> Iterator[Finding]:
        for _, unit in state.walk():
            if state.head(unit.id) is not None:
                continue
            deputies = state.deputies(unit.id)
            if not deputies:
                continue
            names = ", ".join(state.people[a.person_id].full_name for a in deputies)
            yield self.finding(
                Severity.INFO,
                on,
                Text(
                    f"{unit.name}: có {len(deputies)} {unit.kind.deputy_title} ({names}) nhưng "
                    "không có cấp trưởng; cần giao người phụ trách",
                    f"{unit.name}: {len(deputies)} deputies ({names}) and no head; someone "
                    "should be put in charge",
                ),
                unit=unit,
                actual=len(deputies),
            )


RULES = (LD1SeveralHeads(), LD2DepartmentWithoutHead(), LD3DeputiesWithoutHead())
