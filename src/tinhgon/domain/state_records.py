"""What a state holds besides units, people and quotas: posts, ended units and departures.

Importable from ``tinhgon.domain.state`` as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tinhgon.domain.documents import DocumentKey
from tinhgon.domain.model import Label, LeaveReason, Role, Unit


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where someone works: the unit, the role held there and since when."""

    person_id: str
    unit_id: str
    role: Role
    since: date


class EndKind(Label):
    """How a unit ended."""

    MERGED = "merged", "sáp nhập, hợp nhất", "merged"
    SPLIT = "split", "chia", "divided"
    DISSOLVED = "dissolved", "giải thể", "dissolved"


@dataclass(frozen=True, slots=True)
class UnitEnd:
    """A unit that no longer exists, how and when it ended, and its successors (lineage)."""

    unit: Unit
    on: date
    how: EndKind
    successors: tuple[str, ...]
    basis: DocumentKey | None


@dataclass(frozen=True, slots=True)
class Departure:
    """Someone who left the staff: when, why, and from which unit and role."""

    person_id: str
    on: date
    reason: LeaveReason
    unit_id: str
    role: Role
