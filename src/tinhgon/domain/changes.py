"""Dated changes to the structure and the staff; the timeline is a list of them.

Each change checks, against the state it meets, everything it needs before it alters
anything, and refuses with ``ChangeRefused`` (naming itself and the reason) when it cannot apply.
The legal meanings of the restructuring operations are kept apart (shared/GLOSSARY.md):

* ``MergeUnits`` into an existing unit is *sáp nhập*; into a new unit it is *hợp nhất*;
* ``SplitUnit`` ending the source is *chia*; keeping the source (``source_continues``) is *tách*;
* ``DissolveUnit`` is *giải thể*: the unit ends without a successor.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from types import MappingProxyType
from typing import ClassVar, NamedTuple, NoReturn

from tinhgon.domain.documents import DocumentKey
from tinhgon.domain.errors import ChangeRefused
from tinhgon.domain.model import (
    AutonomyGroup,
    Category,
    LeaveReason,
    Person,
    Quota,
    QuotaKey,
    Role,
    Unit,
    UnitKind,
)
from tinhgon.domain.state import EndKind, StateBuilder


class Text(NamedTuple):
    """A message in Vietnamese and in English."""

    vi: str
    en: str


def _frozen(mapping: Mapping[str, object]) -> Mapping[str, object]:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True, kw_only=True)
class Change:
    """One dated change with its legal basis (căn cứ pháp lý).

    ``ref`` says where the change came from (a line of a file, a database row) so that a
    refusal can point the user to it; it takes no part in comparisons.
    """

    kind: ClassVar[str]
    label: ClassVar[Text]

    on: date
    basis: DocumentKey | None = None
    note: str = ""
    ref: str = field(default="", compare=False)

    def apply(self, b: StateBuilder) -> None:
        raise NotImplementedError

    def unit_ids(self) -> tuple[str, ...]:
        """The units this change names (for display and indexing)."""
        return ()

    def person_ids(self) -> tuple[str, ...]:
        return ()

    def describe_short(self) -> Text:
        where = f" [{self.ref}]" if self.ref else ""
        basis = f", căn cứ {self.basis.symbol}" if self.basis else ""
        basis_en = f", basis {self.basis.symbol}" if self.basis else ""
        return Text(
            f"thay đổi '{self.label.vi}' ngày {self.on:%d/%m/%Y}{basis}{where}",
            f"change '{self.label.en}' on {self.on.isoformat()}{basis_en}{where}",
        )

    # -- shared checks ---------------------------------------------------------------------

    def refuse(self, vi: str, en: str) -> NoReturn:
        raise ChangeRefused(self, vi, en)

    def need_unit(self, b: StateBuilder, unit_id: str) -> Unit:
        unit = b.units.get(unit_id)
        if unit is None:
            if unit_id in b.ended:
                end = b.ended[unit_id]
                self.refuse(
                    f"đơn vị '{unit_id}' ({end.unit.name}) đã chấm dứt ngày {end.on:%d/%m/%Y}",
                    f"unit '{unit_id}' ({end.unit.name}) ended on {end.on.isoformat()}",
                )
            self.refuse(f"không có đơn vị '{unit_id}'", f"unknown unit '{unit_id}'")
        return unit

    def need_new_unit_id(self, b: StateBuilder, unit_id: str) -> None:
        if b.known_unit_id(unit_id):
            self.refuse(
                f"mã đơn vị '{unit_id}' đã được dùng (mã đơn vị không dùng lại)",
                f"unit id '{unit_id}' is already used (unit ids are never reused)",
            )

    def need_staff(self, b: StateBuilder, person_id: str) -> str:
        """The unit of someone on the staff; refuses anyone who is not on it."""
        assignment = b.assignments.get(person_id)
        if assignment is None:
            if person_id in b.departures:
                gone = b.departures[person_id]
                self.refuse(
                    f"người '{person_id}' đã thôi ({gone.reason.vi}) ngày {gone.on:%d/%m/%Y}",
                    f"person '{person_id}' left ({gone.reason.en}) on {gone.on.isoformat()}",
                )
            self.refuse(
                f"người '{person_id}' không có trong danh sách nhân sự",
                f"person '{person_id}' is not on the staff",
            )
        return assignment.unit_id

    def need_free_head(self, b: StateBuilder, unit_id: str, person_id: str) -> None:
        current = b.head(unit_id)
        if current is not None and current != person_id:
            name = b.people[current].full_name
            self.refuse(
                f"đơn vị '{unit_id}' đã có cấp trưởng ({name}, '{current}'): "
                "miễn nhiệm hoặc điều động người này trước",
                f"unit '{unit_id}' already has a head ({name}, '{current}'): "
                "relieve or transfer them first",
            )


@dataclass(frozen=True, kw_only=True)
class NewUnit:
    """What a change needs to know to bring a new unit into being."""

    id: str
    name: str
    kind: UnitKind
    parent_id: str | None = None
    fields: tuple[str, ...] = ()
    autonomy_group: AutonomyGroup | None = None
    agency_type: str | None = None

    def __post_init__(self) -> None:
        # The unit's own checks, at once, so that a bad new unit is refused where it is written.
        self.build(parent_id=self.parent_id, on=date.min, predecessors=())

    def build(self, *, parent_id: str | None, on: date, predecessors: tuple[str, ...]) -> Unit:
        return Unit(
            id=self.id,
            name=self.name,
            kind=self.kind,
            parent_id=parent_id,
            fields=self.fields,
            autonomy_group=self.autonomy_group,
            established_on=on,
            predecessors=predecessors,
            agency_type=self.agency_type,
        )


# -- units -------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class CreateUnit(Change):
    """Thành lập: a new unit, at the root or under an existing parent."""

    kind = "create"
    label = Text("thành lập", "create")

    unit: NewUnit

    def apply(self, b: StateBuilder) -> None:
        self.need_new_unit_id(b, self.unit.id)
        if self.unit.parent_id is not None:
            self.need_unit(b, self.unit.parent_id)
        b.add_unit(self.unit.build(parent_id=self.unit.parent_id, on=self.on, predecessors=()))

    def unit_ids(self) -> tuple[str, ...]:
        return (self.unit.id,)


@dataclass(frozen=True, kw_only=True)
class RenameUnit(Change):
    """Đổi tên."""

    kind = "rename"
    label = Text("đổi tên", "rename")

    unit: str
    name: str

    def apply(self, b: StateBuilder) -> None:
        current = self.need_unit(b, self.unit)
        if not self.name.strip():
            self.refuse("tên mới trống", "the new name is empty")
        if self.name == current.name:
            self.refuse(
                f"đơn vị '{self.unit}' đã có tên '{self.name}'",
                f"unit '{self.unit}' is already named '{self.name}'",
            )
        b.update_unit(replace(current, name=self.name))

    def unit_ids(self) -> tuple[str, ...]:
        return (self.unit,)


@dataclass(frozen=True, kw_only=True)
class MoveUnit(Change):
    """Chuyển đơn vị sang trực thuộc đơn vị khác."""

    kind = "move"
    label = Text("chuyển trực thuộc", "move")

    unit: str
    parent: str

    def apply(self, b: StateBuilder) -> None:
        current = self.need_unit(b, self.unit)
        self.need_unit(b, self.parent)
        if current.parent_id == self.parent:
            self.refuse(
                f"đơn vị '{self.unit}' đã trực thuộc '{self.parent}'",
                f"unit '{self.unit}' is already under '{self.parent}'",
            )
        if b.is_ancestor(self.unit, self.parent):
            self.refuse(
                f"không thể chuyển '{self.unit}' vào chính nó hoặc đơn vị cấp dưới của nó",
                f"cannot move '{self.unit}' under itself or one of its own sub-units",
            )
        b.update_unit(replace(current, parent_id=self.parent))

    def unit_ids(self) -> tuple[str, ...]:
        return (self.unit, self.parent)


def absorb(
    change: Change,
    b: StateBuilder,
    sources: tuple[str, ...],
    into: str,
    moving: list[str],
    roles: Mapping[str, Role],
) -> None:
    """The sources' people, quotas (this year and later) and sub-units go to ``into``, which
    exists already; the sources end, merged into it (shared by merge and reorganise)."""
    for person_id in moving:
        b.assign(person_id, into, roles.get(person_id, Role.STAFF), change.on)
    added: Counter[tuple[Category, int]] = Counter()
    for key, value in b.quotas.items():
        if key.unit_id in sources and key.year >= change.on.year:
            added[(key.category, key.year)] += value
    for (category, year), value in added.items():
        key = QuotaKey(into, category, year)
        b.set_quota(key, b.quotas.get(key, 0) + value)
    for source in sources:
        b.reparent_children(source, into)
        b.end_unit(source, on=change.on, how=EndKind.MERGED, successors=(into,), basis=change.basis)


@dataclass(frozen=True, kw_only=True)
class MergeUnits(Change):
    """Sáp nhập (into an existing unit) or hợp nhất (into a new unit given by ``new_unit``).

    Everyone in the source units moves to the target as staff unless ``roles`` gives them a
    role there; sub-units of the sources move under the target; the sources' quotas for this
    year and later add to the target's.
    """

    kind = "merge"
    label = Text("sáp nhập / hợp nhất", "merge")

    sources: tuple[str, ...]
    into: str
    new_unit: NewUnit | None = None
    roles: Mapping[str, Role] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "roles", _frozen(self.roles))

    @property
    def consolidates(self) -> bool:
        """Hợp nhất: the target is a new unit that replaces the sources."""
        return self.new_unit is not None

    def apply(self, b: StateBuilder) -> None:
        if not self.sources:
            self.refuse("không có đơn vị nào để sáp nhập", "no unit to merge")
        if len(set(self.sources)) != len(self.sources):
            self.refuse("một đơn vị được kể hai lần", "a unit is listed twice")
        if self.into in self.sources:
            self.refuse(
                f"đơn vị '{self.into}' không thể sáp nhập vào chính nó",
                f"unit '{self.into}' cannot be merged into itself",
            )
        sources = [self.need_unit(b, s) for s in self.sources]
        target: Unit
        if self.new_unit is not None:
            if self.new_unit.id != self.into:
                self.refuse(
                    f"mã đơn vị mới '{self.new_unit.id}' phải trùng với 'into' ('{self.into}')",
                    f"the new unit's id '{self.new_unit.id}' must equal 'into' ('{self.into}')",
                )
            if len(sources) < 2:
                self.refuse(
                    "hợp nhất cần ít nhất hai đơn vị", "consolidating needs at least two units"
                )
            self.need_new_unit_id(b, self.into)
            parent_id = self.new_unit.parent_id or sources[0].parent_id
            if parent_id is not None:
                self.need_unit(b, parent_id)
                if any(b.is_ancestor(source, parent_id) for source in self.sources):
                    self.refuse(
                        "đơn vị mới không thể trực thuộc một đơn vị bị hợp nhất "
                        "hay đơn vị cấp dưới của nó",
                        "the new unit cannot sit under a unit being consolidated or its sub-units",
                    )
            target = self.new_unit.build(parent_id=parent_id, on=self.on, predecessors=self.sources)
        else:
            existing = self.need_unit(b, self.into)
            for source in self.sources:
                if b.is_ancestor(source, self.into):
                    self.refuse(
                        f"không thể sáp nhập '{source}' vào đơn vị cấp dưới của nó '{self.into}'",
                        f"cannot merge '{source}' into its own sub-unit '{self.into}'",
                    )
            target = replace(existing, predecessors=existing.predecessors + self.sources)
        moving = [p for s in self.sources for p in b.members(s)]
        for person_id in self.roles:
            if person_id not in moving:
                self.refuse(
                    f"người '{person_id}' được giao chức vụ nhưng không thuộc đơn vị bị sáp nhập",
                    f"person '{person_id}' is given a role but is not in a merged unit",
                )
        heads = [p for p in moving if self.roles.get(p, Role.STAFF) is Role.HEAD]
        if len(heads) > 1:
            self.refuse(
                f"giao cấp trưởng cho nhiều người ({', '.join(heads)})",
                f"several people are made head ({', '.join(heads)})",
            )
        if heads and self.new_unit is None:
            self.need_free_head(b, self.into, heads[0])

        if self.new_unit is not None:
            b.add_unit(target)
        else:
            b.update_unit(target)
        absorb(self, b, self.sources, self.into, moving, self.roles)

    def unit_ids(self) -> tuple[str, ...]:
        return (*self.sources, self.into)

    def person_ids(self) -> tuple[str, ...]:
        return tuple(self.roles)


@dataclass(frozen=True, kw_only=True)
class SplitUnit(Change):
    """Chia (the source ends, its parts become new units) or tách (the source continues).

    ``people`` says which unit each person goes to, ``children`` where each sub-unit goes,
    ``quotas`` how the quota is shared. When the source ends, everyone and every sub-unit must
    be placed; when it continues, whoever is not named stays.
    """

    kind = "split"
    label = Text("chia / tách", "split")

    source: str
    new_units: tuple[NewUnit, ...]
    people: Mapping[str, str] = field(default_factory=dict)
    roles: Mapping[str, Role] = field(default_factory=dict)
    children: Mapping[str, str] = field(default_factory=dict)
    quotas: tuple[Quota, ...] = ()
    source_continues: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "people", _frozen(self.people))
        object.__setattr__(self, "roles", _frozen(self.roles))
        object.__setattr__(self, "children", _frozen(self.children))

    def apply(self, b: StateBuilder) -> None:
        source = self.need_unit(b, self.source)
        new_ids = [u.id for u in self.new_units]
        minimum = 1 if self.source_continues else 2
        if len(new_ids) < minimum:
            self.refuse(
                f"cần ít nhất {minimum} đơn vị mới", f"at least {minimum} new units are needed"
            )
        if len(set(new_ids)) != len(new_ids):
            self.refuse("hai đơn vị mới trùng mã", "two new units share an id")
        for unit_id in new_ids:
            self.need_new_unit_id(b, unit_id)
        destinations = set(new_ids) | ({self.source} if self.source_continues else set())
        new_units: list[Unit] = []
        parents = {spec.id: spec.parent_id or source.parent_id for spec in self.new_units}
        for spec in self.new_units:
            parent_id = parents[spec.id]
            seen = {spec.id}
            while parent_id in parents:  # a new unit under another new unit: no loop
                if parent_id in seen:
                    self.refuse(
                        f"các đơn vị mới trực thuộc lẫn nhau thành vòng ({spec.id})",
                        f"the new units sit under each other in a loop ({spec.id})",
                    )
                seen.add(parent_id)
                parent_id = parents[parent_id]
            if parent_id is None:
                continue
            inside = b.is_ancestor(self.source, parent_id)
            if inside and (parent_id != self.source or not self.source_continues):
                self.refuse(
                    f"đơn vị mới '{spec.id}' không thể trực thuộc đơn vị bị chia "
                    "hay đơn vị cấp dưới của nó",
                    f"new unit '{spec.id}' cannot sit under the unit being divided or its sub-units",
                )
            self.need_unit(b, parent_id)
        for spec in self.new_units:
            parent_id = parents[spec.id]
            new_units.append(
                spec.build(parent_id=parent_id, on=self.on, predecessors=(self.source,))
            )

        members = set(b.members(self.source))
        for person_id, destination in self.people.items():
            if person_id not in members:
                self.refuse(
                    f"người '{person_id}' không thuộc đơn vị '{self.source}'",
                    f"person '{person_id}' is not in unit '{self.source}'",
                )
            if destination not in destinations:
                self.refuse(
                    f"'{destination}' không phải là đơn vị được chia ra",
                    f"'{destination}' is not one of the resulting units",
                )
        for person_id in self.roles:
            if person_id not in self.people:
                self.refuse(
                    f"người '{person_id}' được giao chức vụ nhưng không được phân về đơn vị nào",
                    f"person '{person_id}' is given a role but not a unit",
                )
        children = set(b.children(self.source))
        for child_id, destination in self.children.items():
            if child_id not in children:
                self.refuse(
                    f"'{child_id}' không phải đơn vị trực thuộc '{self.source}'",
                    f"'{child_id}' is not a sub-unit of '{self.source}'",
                )
            if destination not in destinations:
                self.refuse(
                    f"'{destination}' không phải là đơn vị được chia ra",
                    f"'{destination}' is not one of the resulting units",
                )
        if not self.source_continues:
            unplaced = sorted(members - set(self.people))
            if unplaced:
                self.refuse(
                    f"chưa nói những người sau đi đâu: {', '.join(unplaced)}",
                    f"these people are not placed: {', '.join(unplaced)}",
                )
            orphans = sorted(children - set(self.children))
            if orphans:
                self.refuse(
                    f"chưa nói đơn vị trực thuộc sau đi đâu: {', '.join(orphans)}",
                    f"these sub-units are not placed: {', '.join(orphans)}",
                )
        heads: dict[str, str] = {}
        for person_id, role in self.roles.items():
            if role is Role.HEAD:
                destination = self.people[person_id]
                if destination in heads:
                    self.refuse(
                        f"đơn vị '{destination}' được giao hai cấp trưởng",
                        f"unit '{destination}' is given two heads",
                    )
                heads[destination] = person_id
        if self.source_continues and self.source in heads:
            current = b.head(self.source)
            leaving = current is not None and self.people.get(current, self.source) != self.source
            if not leaving:  # the head in post stays: the source cannot have a second one
                self.need_free_head(b, self.source, heads[self.source])
        shares: Counter[tuple[Category, int]] = Counter()
        for quota in self.quotas:
            if quota.unit_id not in destinations:
                self.refuse(
                    f"phần biên chế giao cho '{quota.unit_id}', không phải đơn vị được chia ra",
                    f"a quota share goes to '{quota.unit_id}', not a resulting unit",
                )
            if quota.value < 0:
                self.refuse("biên chế không thể âm", "a quota cannot be negative")
            if quota.unit_id != self.source:
                shares[(quota.category, quota.year)] += quota.value
        for (category, year), total in shares.items():
            available = b.quotas.get(QuotaKey(self.source, category, year))
            if available is not None and total > available:
                self.refuse(
                    f"chia {total} biên chế {category.vi} năm {year} nhưng đơn vị chỉ có {available}",
                    f"{total} {category.en} posts for {year} are shared out of {available}",
                )

        for unit in new_units:
            b.add_unit(unit)
        for person_id, destination in self.people.items():
            b.assign(person_id, destination, self.roles.get(person_id, Role.STAFF), self.on)
        for child_id, destination in self.children.items():
            b.update_unit(replace(b.units[child_id], parent_id=destination))
        for quota in self.quotas:
            b.set_quota(quota.key, quota.value)
        if self.source_continues:
            for (category, year), total in shares.items():
                key = QuotaKey(self.source, category, year)
                explicit = any(q.key == key for q in self.quotas)
                if key in b.quotas and not explicit:
                    b.set_quota(key, b.quotas[key] - total)
        else:
            b.end_unit(
                self.source,
                on=self.on,
                how=EndKind.SPLIT,
                successors=tuple(new_ids),
                basis=self.basis,
            )

    def unit_ids(self) -> tuple[str, ...]:
        return (self.source, *(u.id for u in self.new_units))

    def person_ids(self) -> tuple[str, ...]:
        return tuple(self.people)


@dataclass(frozen=True, kw_only=True)
class DissolveUnit(Change):
    """Giải thể: the unit ends without a successor; ``people`` says where its staff go."""

    kind = "dissolve"
    label = Text("giải thể", "dissolve")

    unit: str
    people: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "people", _frozen(self.people))

    def apply(self, b: StateBuilder) -> None:
        self.need_unit(b, self.unit)
        children = b.children(self.unit)
        if children:
            self.refuse(
                f"đơn vị còn đơn vị trực thuộc ({', '.join(children)}): "
                "chuyển hoặc giải thể chúng trước",
                f"the unit still has sub-units ({', '.join(children)}): move or dissolve them first",
            )
        members = b.members(self.unit)
        unplaced = [p for p in members if p not in self.people]
        if unplaced:
            self.refuse(
                f"đơn vị còn nhân sự chưa được bố trí: {', '.join(unplaced)} "
                "(ghi nơi chuyển đến trong 'people', hoặc cho thôi việc trước)",
                f"the unit still has staff with nowhere to go: {', '.join(unplaced)} "
                "(say where they go in 'people', or record their leaving first)",
            )
        for person_id, destination in self.people.items():
            if person_id not in members:
                self.refuse(
                    f"người '{person_id}' không thuộc đơn vị '{self.unit}'",
                    f"person '{person_id}' is not in unit '{self.unit}'",
                )
            if destination == self.unit:
                self.refuse(
                    "không thể chuyển nhân sự vào chính đơn vị bị giải thể",
                    "staff cannot be moved into the unit being dissolved",
                )
            self.need_unit(b, destination)
        for person_id, destination in self.people.items():
            b.assign(person_id, destination, Role.STAFF, self.on)
        b.end_unit(self.unit, on=self.on, how=EndKind.DISSOLVED, successors=(), basis=self.basis)

    def unit_ids(self) -> tuple[str, ...]:
        return (self.unit,)

    def person_ids(self) -> tuple[str, ...]:
        return tuple(self.people)


# -- people ------------------------------------------------------------------------------


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


@dataclass(frozen=True, kw_only=True)
class ReorganiseUnit(Change):
    """Sắp xếp nguyên trạng: a unit becomes a new unit of another id, kind, name or parent, whole
    (a township becoming a commune, an island district becoming a special zone in 2025).

    The unit ends (merged into its successor); its people keep their roles, its sub-units and
    its quotas for this year and later go to the new unit.
    """

    kind = "reorganise"
    label = Text("sắp xếp thành đơn vị mới", "reorganise")

    unit: str
    new_unit: NewUnit

    def apply(self, b: StateBuilder) -> None:
        source = self.need_unit(b, self.unit)
        self.need_new_unit_id(b, self.new_unit.id)
        parent_id = self.new_unit.parent_id or source.parent_id
        if parent_id is not None:
            self.need_unit(b, parent_id)
            if b.is_ancestor(self.unit, parent_id):
                self.refuse(
                    f"đơn vị mới không thể trực thuộc '{self.unit}' hay đơn vị cấp dưới của nó",
                    f"the new unit cannot sit under '{self.unit}' or its sub-units",
                )
        target = self.new_unit.build(parent_id=parent_id, on=self.on, predecessors=(self.unit,))
        moving = b.members(self.unit)
        roles = {p: b.assignments[p].role for p in moving}
        b.add_unit(target)
        absorb(self, b, (self.unit,), target.id, moving, roles)

    def unit_ids(self) -> tuple[str, ...]:
        return (self.unit, self.new_unit.id)


CHANGE_KINDS: Mapping[str, type[Change]] = MappingProxyType(
    {
        cls.kind: cls
        for cls in (
            CreateUnit,
            RenameUnit,
            MoveUnit,
            MergeUnits,
            SplitUnit,
            DissolveUnit,
            Hire,
            Transfer,
            Appoint,
            Relieve,
            Leave,
            SetQuota,
            ReorganiseUnit,
        )
    }
)
