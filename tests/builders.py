"""Small, readable ways to build states for tests: fakes, not mocks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from tinhgon.domain import (
    BUILTIN_KINDS,
    BirthDate,
    Category,
    Change,
    CreateUnit,
    DocumentKey,
    Hire,
    NewUnit,
    Person,
    Role,
    Sex,
    State,
    Timeline,
)

D0 = dt.date(2018, 1, 1)
BASIS = DocumentKey("1055/QĐ-UBND", dt.date(2018, 10, 15))


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def person(
    pid: str,
    *,
    name: str | None = None,
    category: Category = Category.CIVIL_SERVANT,
    sex: Sex = Sex.MALE,
    born: str = "1980-01-15",
) -> Person:
    return Person(
        id=pid,
        full_name=name or f"Nguyễn Văn {pid.upper()}",
        sex=sex,
        birth=BirthDate.parse(born),
        category=category,
    )


def unit(
    uid: str,
    *,
    kind: str = "department",
    parent: str | None = "agency",
    name: str | None = None,
    on: dt.date = D0,
) -> CreateUnit:
    return CreateUnit(
        on=on,
        basis=BASIS,
        unit=NewUnit(
            id=uid, name=name or f"Phòng {uid}", kind=BUILTIN_KINDS[kind], parent_id=parent
        ),
    )


def agency(uid: str = "agency", on: dt.date = D0) -> CreateUnit:
    return unit(uid, kind="board", parent=None, name="Ban Quản lý Khu kinh tế", on=on)


def hire(
    pid: str, unit_id: str, role: Role = Role.STAFF, *, on: dt.date = D0, **kw: object
) -> Hire:
    return Hire(on=on, basis=BASIS, person=person(pid, **kw), unit=unit_id, role=role)  # type: ignore[arg-type]


def staff(unit_id: str, count: int, *, prefix: str | None = None, on: dt.date = D0) -> list[Hire]:
    """A head, then staff, for a unit: ``count`` people in all."""
    prefix = prefix or unit_id
    hires = []
    for i in range(count):
        role = Role.HEAD if i == 0 else Role.STAFF
        hires.append(hire(f"{prefix}-{i}", unit_id, role, on=on))
    return hires


def base(*extra: Change) -> list[Change]:
    """An agency with two departments, A (4 people) and B (3 people)."""
    return [agency(), unit("a"), unit("b"), *staff("a", 4), *staff("b", 3), *extra]


def state_of(changes: Iterable[Change], on: dt.date | str = "2030-01-01") -> State:
    when = day(on) if isinstance(on, str) else on
    return Timeline(changes).state_on(when)
