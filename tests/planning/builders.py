"""Small hand-made agencies for the planning tests: real projects, built from changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal

from tinhgon.domain import (
    BUILTIN_KINDS,
    RANKS,
    Agency,
    BirthDate,
    Category,
    Change,
    CreateUnit,
    Document,
    DocumentKind,
    DocumentRegister,
    Hire,
    NewUnit,
    Person,
    Project,
    Role,
    Sex,
    Timeline,
    parse_symbol,
)

START = dt.date(2018, 1, 1)
DOCUMENT = Document(
    symbol=parse_symbol("12/QĐ-UBND"),
    kind=DocumentKind.DECISION,
    issued_on=dt.date(2017, 12, 20),
    issuer="Ủy ban nhân dân tỉnh",
    title="Quyết định về cơ cấu tổ chức (ví dụ kiểm thử)",
)
BASIS = DOCUMENT.key


def person(
    pid: str,
    *,
    born: str = "1980-01-15",
    sex: Sex = Sex.MALE,
    category: Category = Category.CIVIL_SERVANT,
    rank: str | None = None,
    salary: str | None = None,
    position: str | None = None,
    allowance: str | None = None,
    si_months: int | None = None,
    si_on: dt.date | None = None,
    name: str | None = None,
) -> Person:
    return Person(
        id=pid,
        full_name=name or f"Nguyễn Văn {pid.upper()}",
        sex=sex,
        birth=BirthDate.parse(born),
        category=category,
        rank=RANKS[rank] if rank else None,
        salary_coefficient=Decimal(salary) if salary else None,
        position_allowance_coefficient=Decimal(position) if position else None,
        allowance_coefficient=Decimal(allowance) if allowance else None,
        social_insurance_months=si_months,
        social_insurance_on=si_on,
    )


def department(uid: str, *, fields: Iterable[str] = (), kind: str = "department") -> CreateUnit:
    return CreateUnit(
        on=START,
        unit=NewUnit(
            id=uid,
            name=f"Phòng {uid.upper()}",
            kind=BUILTIN_KINDS[kind],
            parent_id="ban",
            fields=tuple(fields),
        ),
    )


def team(
    uid: str, size: int, *, deputies: int = 0, fields: Iterable[str] = (), **people: Person
) -> list[Change]:
    """A department of ``size`` people: a head, ``deputies`` deputies, the rest staff.
    ``people`` replaces the generated person at a position ('head', 'deputy1', 'staff1'…)."""
    changes: list[Change] = [department(uid, fields=fields)]
    for i in range(size):
        role = Role.HEAD if i == 0 else Role.DEPUTY if i <= deputies else Role.STAFF
        slot = "head" if i == 0 else f"deputy{i}" if i <= deputies else f"staff{i - deputies}"
        who = people.get(slot) or person(f"{uid}{i}")
        changes.append(Hire(on=START, person=who, unit=uid, role=role))
    return changes


def project(
    *teams: list[Change],
    agency_type: str = "economic_zone_board",
    extra: Iterable[Change] = (),
) -> Project:
    root = CreateUnit(
        on=START,
        unit=NewUnit(id="ban", name="Ban Quản lý Khu kinh tế", kind=BUILTIN_KINDS["board"]),
    )
    changes: list[Change] = [root]
    for t in teams:
        changes.extend(t)
    changes.extend(extra)
    changes = [replace(c, basis=BASIS) if c.basis is None else c for c in changes]
    timeline = Timeline(changes)
    people = {c.person.id: c.person for c in changes if isinstance(c, Hire)}
    return Project(
        agency=Agency(id="ban", name="Ban Quản lý Khu kinh tế", agency_type=agency_type),
        documents=DocumentRegister((DOCUMENT,)),
        timeline=timeline,
        people=people,
    )
