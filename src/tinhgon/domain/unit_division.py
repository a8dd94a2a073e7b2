"""Changes that share a unit out: chia / tách (split) and giải thể (dissolve)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from tinhgon.domain.change_base import Change, NewUnit, Text, _frozen
from tinhgon.domain.model import (
    Category,
    Quota,
    QuotaKey,
    Role,
    Unit,
)
from tinhgon.domain.state import EndKind, StateBuilder


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
