"""Changes to units that keep their people together: thành lập (create), đổi tên (rename),
chuyển (move), sáp nhập / hợp nhất (merge) and sắp xếp nguyên trạng (reorganise)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from tinhgon.domain.change_base import Change, NewUnit, Text, _frozen
from tinhgon.domain.model import (
    Category,
    QuotaKey,
    Role,
    Unit,
)
from tinhgon.domain.state import EndKind, StateBuilder


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
