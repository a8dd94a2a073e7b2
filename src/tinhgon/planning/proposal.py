"""What the proposer takes and gives: constraints, conflicts, the proposal and its leaders."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from tinhgon import law
from tinhgon.domain import Plan, Role
from tinhgon.planning.leaders import DEFAULT_ORDER


class PlanningError(Exception):
    """Bad input to the planner, in Vietnamese and English."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.vi = vi
        self.en = en


@dataclass(frozen=True, kw_only=True)
class Constraints:
    """What the user asks of a proposal.

    ``keep``: units that must remain (others may still merge into them). ``groups``: if given,
    a unit may merge only with units of a group it is in. ``same_field``: units merge only when
    they share a field of work. ``max_merged``: the most units merged into one.
    ``order``/``prefer``: who leads (``leaders.py``).
    """

    effective: dt.date
    max_units: int | None = None
    max_leaders: int | None = None
    keep: frozenset[str] = frozenset()
    groups: tuple[frozenset[str], ...] = ()
    same_field: bool = False
    max_merged: int = 3
    parent: str | None = None
    order: tuple[str, ...] = DEFAULT_ORDER
    prefer: tuple[str, ...] = ()
    time_limit: float = 30.0
    workers: int = 2


@dataclass(frozen=True, slots=True)
class Conflict:
    """One of the user's constraints in a set that cannot all hold."""

    key: str
    vi: str
    en: str


class Unsatisfiable(PlanningError):
    def __init__(self, conflicts: Sequence[Conflict]) -> None:
        self.conflicts = tuple(conflicts)
        if conflicts:
            vi = (
                "Không có phương án nào thỏa mãn đồng thời các ràng buộc sau; hãy nới bớt ít nhất một:\n"
                + "\n".join(f"  - {c.vi}" for c in conflicts)
            )
            en = "No plan meets these constraints together; relax at least one:\n" + "\n".join(
                f"  - {c.en}" for c in conflicts
            )
        else:
            vi = (
                "Không có phương án hợp pháp nào, kể cả khi giữ nguyên mọi đơn vị: cơ cấu hiện "
                "tại có đơn vị không thể đáp ứng quy định (ví dụ dưới số biên chế tối thiểu) và "
                "không được phép sáp nhập với đơn vị nào"
            )
            en = (
                "No lawful plan exists even when every unit is kept: a unit cannot meet the law "
                "(for instance below the fewest staff) and may not merge with any other"
            )
        super().__init__(vi, en)


@dataclass(frozen=True, slots=True)
class LeaderOutcome:
    person_id: str
    name: str
    unit_before: str
    role_before: Role
    unit_after: str
    role_after: Role


@dataclass(frozen=True, kw_only=True)
class Proposal:
    plan: Plan
    on: dt.date
    effective: dt.date
    units_before: int
    units_after: int
    leaders_before: int
    leaders_after: int
    moved: int
    merges: tuple[tuple[str, tuple[str, ...]], ...]
    leaders: tuple[LeaderOutcome, ...]
    without_post: tuple[LeaderOutcome, ...]
    report: law.Report
    optimal: bool
    seconds_first: float
    seconds_total: float
    status: str
    solutions: int = 0
    retirements: tuple[str, ...] = ()
    seconds_probe: float = 0.0
    history_cut: int = 0
    deputies: dict[str, int] = field(default_factory=dict)

    @property
    def lawful(self) -> bool:
        return not self.report.has_violations

    def as_dict(self) -> dict[str, object]:
        return {
            "plan_id": self.plan.id,
            "on": self.on.isoformat(),
            "effective": self.effective.isoformat(),
            "units_before": self.units_before,
            "units_after": self.units_after,
            "leaders_before": self.leaders_before,
            "leaders_after": self.leaders_after,
            "moved": self.moved,
            "optimal": self.optimal,
            "solver_status": self.status,
            "seconds_asking_the_law": round(self.seconds_probe, 3),
            "seconds_to_first": round(self.seconds_first, 3),
            "seconds_total": round(self.seconds_total, 3),
            "merges": [{"into": into, "units": list(units)} for into, units in self.merges],
            "leaders": [_leader_dict(o) for o in self.leaders],
            "without_post": [_leader_dict(o) for o in self.without_post],
            "findings": self.report.summary(),
            "lawful": self.lawful,
            "retirements": list(self.retirements),
        }


def _leader_dict(o: LeaderOutcome) -> dict[str, str]:
    return {
        "person": o.person_id,
        "name": o.name,
        "unit_before": o.unit_before,
        "role_before": o.role_before.value,
        "unit_after": o.unit_after,
        "role_after": o.role_after.value,
    }
