"""Changes to the staff and the quotas: tuyển dụng (hire), điều động (transfer), bổ nhiệm
(appoint), miễn nhiệm (relieve), thôi việc / nghỉ hưu (leave) and giao biên chế (set quota)."""

from __future__ import annotations

from dataclasses import dataclass

from tinhgon.domain.change_base import Change, Text
from tinhgon.domain.model import (
    Category,
    LeaveReason,
    Person,
    QuotaKey,
    Role,
)
from tinhgon.domain.state import StateBuilder


@dataclass(frozen=True, kw_only=True)
class Hire(Change):
    """Tuyển dụng, tiếp nhận: someone joins the staff at a unit."""

    kind = "hire"
    label = Text("tuyển dụng, tiếp nhận", "hire")

    person: Person
    unit: str
    role: Role = Role.STAFF

    def apply(self, b: StateBuilder) -> None:
        current = b.assignments.get(self.person.id)
        if current is not None:
            self.refuse(
                f"người '{self.person.id}' đang công tác tại '{current.unit_id}': "
                "một người không thể ở hai nơi",
                f"person '{self.person.id}' already works in '{current.unit_id}': "
                "nobody can be in two places",
            )
        self.need_unit(b, self.unit)
        if self.role is Role.HEAD:
            self.need_free_head(b, self.unit, self.person.id)
        b.register(self.person)
        b.assign(self.person.id, self.unit, self.role, self.on)

    def unit_ids(self) -> tuple[str, ...]:
        return (self.unit,)

    def person_ids(self) -> tuple[str, ...]:
        return (self.person.id,)


@dataclass(frozen=True, kw_only=True)
class Transfer(Change):
    """Điều động, luân chuyển: someone moves to another unit of the agency."""

    kind = "transfer"
    label = Text("điều động", "transfer")

    person: str
    unit: str
    role: Role = Role.STAFF

    def apply(self, b: StateBuilder) -> None:
        current = self.need_staff(b, self.person)
        self.need_unit(b, self.unit)
        if current == self.unit:
            self.refuse(
                f"người '{self.person}' đã ở đơn vị '{self.unit}'",
                f"person '{self.person}' is already in unit '{self.unit}'",
            )
        if self.role is Role.HEAD:
            self.need_free_head(b, self.unit, self.person)
        b.assign(self.person, self.unit, self.role, self.on)

    def unit_ids(self) -> tuple[str, ...]:
        return (self.unit,)

    def person_ids(self) -> tuple[str, ...]:
        return (self.person,)


@dataclass(frozen=True, kw_only=True)
class Appoint(Change):
    """Bổ nhiệm: someone becomes head or deputy head of their unit, or of ``unit``."""

    kind = "appoint"
    label = Text("bổ nhiệm", "appoint")

    person: str
    role: Role
    unit: str | None = None

    def apply(self, b: StateBuilder) -> None:
        current = self.need_staff(b, self.person)
        unit_id = self.unit or current
        self.need_unit(b, unit_id)
        if self.role is Role.STAFF:
            self.refuse(
                "chỉ bổ nhiệm vào chức vụ cấp trưởng hoặc cấp phó (dùng 'relieve' để miễn nhiệm)",
                "appoint only to head or deputy head (use 'relieve' to relieve)",
            )
        held = b.assignments[self.person]
        if held.unit_id == unit_id and held.role is self.role:
            self.refuse(
                f"người '{self.person}' đã giữ chức vụ này tại '{unit_id}'",
                f"person '{self.person}' already holds this post in '{unit_id}'",
            )
        if self.role is Role.HEAD:
            self.need_free_head(b, unit_id, self.person)
        b.assign(self.person, unit_id, self.role, self.on)

    def unit_ids(self) -> tuple[str, ...]:
        return (self.unit,) if self.unit else ()

    def person_ids(self) -> tuple[str, ...]:
        return (self.person,)


@dataclass(frozen=True, kw_only=True)
class Relieve(Change):
    """Miễn nhiệm, thôi giữ chức vụ: a head or deputy becomes staff of the same unit."""

    kind = "relieve"
    label = Text("miễn nhiệm", "relieve")

    person: str

    def apply(self, b: StateBuilder) -> None:
        unit_id = self.need_staff(b, self.person)
        if b.assignments[self.person].role is Role.STAFF:
            self.refuse(
                f"người '{self.person}' không giữ chức vụ lãnh đạo",
                f"person '{self.person}' holds no leadership post",
            )
        b.assign(self.person, unit_id, Role.STAFF, self.on)

    def person_ids(self) -> tuple[str, ...]:
        return (self.person,)


@dataclass(frozen=True, kw_only=True)
class Leave(Change):
    """Nghỉ hưu, tinh giản biên chế, thôi việc, chuyển công tác, từ trần…: someone leaves."""

    kind = "leave"
    label = Text("thôi công tác", "leave")

    person: str
    reason: LeaveReason

    def apply(self, b: StateBuilder) -> None:
        self.need_staff(b, self.person)
        b.depart(self.person, self.on, self.reason)

    def person_ids(self) -> tuple[str, ...]:
        return (self.person,)


# -- quotas ------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class SetQuota(Change):
    """Giao biên chế: the quota of a unit for a category of staff and a year."""

    kind = "set_quota"
    label = Text("giao biên chế", "set quota")

    unit: str
    category: Category
    year: int
    value: int

    def apply(self, b: StateBuilder) -> None:
        self.need_unit(b, self.unit)
        if self.value < 0:
            self.refuse("biên chế không thể âm", "a quota cannot be negative")
        if not 1900 <= self.year <= 2100:
            self.refuse(f"năm {self.year} không hợp lệ", f"invalid year {self.year}")
        b.set_quota(QuotaKey(self.unit, self.category, self.year), self.value)

    def unit_ids(self) -> tuple[str, ...]:
        return (self.unit,)
