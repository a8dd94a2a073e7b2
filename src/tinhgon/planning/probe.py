"""What the law allows a unit of a given size, asked of the law engine itself.

The proposer does not re-encode any legal number: for a kind of unit in a kind of agency on a
date, it builds small synthetic structures (one unit of ``s`` civil servants with a head and
``k`` deputies) and runs the law engine's ``check`` on them. The answer is a table: for each
size, the most deputies without a violation, or ``None`` where even none is lawful (a unit
below the fewest staff the law requires). Whatever the rules in force say — today's or those
another decree brings — the table follows them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from tinhgon import law
from tinhgon.domain import (
    Agency,
    BirthDate,
    Category,
    Change,
    CreateUnit,
    Hire,
    NewUnit,
    Person,
    Role,
    Sex,
    Timeline,
    UnitKind,
)

PROBE_UNIT = "probe-unit"
PROBE_ROOT = "probe-root"


@dataclass(frozen=True, slots=True)
class Capacity:
    """For each size 0..len-1: the most deputies the law allows, or None if the size is unlawful.

    Sizes above the table take its last entry (every band table ends with an open band).
    """

    kind: str
    by_size: tuple[int | None, ...]
    probed_deputies: int

    def deputies(self, size: int) -> int | None:
        if size < len(self.by_size):
            return self.by_size[size]
        return self.by_size[-1]

    def table(self, upto: int, *, unlawful: int = -1) -> list[int]:
        """A plain table for the solver: ``unlawful`` where the size is not lawful."""
        out = []
        for size in range(upto + 1):
            value = self.deputies(size)
            out.append(unlawful if value is None else value)
        return out


def _people(count: int) -> list[Person]:
    return [
        Person(
            id=f"probe{i}",
            full_name=f"Người {i}",
            sex=Sex.MALE,
            birth=BirthDate(1990, 1, 1),
            category=Category.CIVIL_SERVANT,
        )
        for i in range(count)
    ]


def _violates(
    root_kind: UnitKind,
    kind: UnitKind,
    size: int,
    deputies: int,
    on: dt.date,
    agency: Agency,
    parameters: law.ParameterSet,
) -> bool:
    start = on - dt.timedelta(days=1)
    changes: list[Change] = [
        CreateUnit(on=start, unit=NewUnit(id=PROBE_ROOT, name="Cơ quan", kind=root_kind)),
        CreateUnit(
            on=start,
            unit=NewUnit(id=PROBE_UNIT, name="Đơn vị thử", kind=kind, parent_id=PROBE_ROOT),
        ),
    ]
    for index, person in enumerate(_people(size)):
        role = Role.HEAD if index == 0 else Role.DEPUTY if index <= deputies else Role.STAFF
        changes.append(Hire(on=start, person=person, unit=PROBE_UNIT, role=role))
    state = Timeline(changes, require_basis=False).state_on(on)
    report = law.check(state, on=on, agency=replace(agency, id=PROBE_ROOT), parameters=parameters)
    return any(
        f.severity is law.Severity.VIOLATION and f.unit_id == PROBE_UNIT for f in report.findings
    )


def capacity(
    *,
    root_kind: UnitKind,
    kind: UnitKind,
    on: dt.date,
    agency: Agency,
    parameters: law.ParameterSet,
    max_size: int = 40,
    max_deputies: int = 4,
) -> Capacity:
    """The capacity table of a kind of unit under a root of ``root_kind`` on a date.

    Sizes from 1 to ``max_size`` are probed; deputies from 0 up to ``max_deputies`` (the most a
    proposal ever gives a unit where no rule limits them).
    """
    by_size: list[int | None] = [0]
    for size in range(1, max_size + 1):
        allowed: int | None = None
        for deputies in range(0, min(max_deputies, size - 1) + 1):
            if _violates(root_kind, kind, size, deputies, on, agency, parameters):
                break
            allowed = deputies
        if (
            allowed is not None
            and allowed == min(max_deputies, size - 1)
            and size - 1 < (max_deputies)
        ):
            # A small unit is limited by its size only: the law allows more than it can hold.
            allowed = max_deputies
        by_size.append(allowed)
    return Capacity(kind=kind.code, by_size=tuple(by_size), probed_deputies=max_deputies)
