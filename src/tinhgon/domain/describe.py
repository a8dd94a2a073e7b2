"""Changes and states in words and plain data: what a page, a report or the JSON output shows."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Protocol

from tinhgon.domain.changes import (
    Appoint,
    Change,
    CreateUnit,
    DissolveUnit,
    Hire,
    Leave,
    MergeUnits,
    MoveUnit,
    Relieve,
    RenameUnit,
    ReorganiseUnit,
    SetQuota,
    SplitUnit,
    Text,
    Transfer,
)
from tinhgon.domain.model import Person, Role, Unit
from tinhgon.domain.state import Assignment, State, StateBuilder, UnitEnd
from tinhgon.domain.timeline import Timeline


class Lookup(Protocol):
    """What describing needs: a State, or the StateBuilder of a replay in progress."""

    @property
    def units(self) -> Mapping[str, Unit]: ...
    @property
    def ended(self) -> Mapping[str, UnitEnd]: ...
    @property
    def people(self) -> Mapping[str, Person]: ...
    @property
    def assignments(self) -> Mapping[str, Assignment]: ...


def unit_name(state: Lookup, unit_id: str) -> str:
    """A unit's name, also for a unit that has ended (its last name), or its id."""
    if unit_id in state.units:
        return state.units[unit_id].name
    if unit_id in state.ended:
        return state.ended[unit_id].unit.name
    return unit_id


def _unit(state: Lookup, unit_id: str | None) -> str:
    return "—" if unit_id is None else unit_name(state, unit_id)


def _person(state: Lookup, person_id: str) -> str:
    person = state.people.get(person_id)
    return person.full_name if person else person_id


def _post(state: Lookup, unit_id: str, role: Role) -> str:
    unit = state.units.get(unit_id)
    return unit.kind.post(role, unit.name) if unit else f"{role.vi} {unit_id}"


def describe_change(change: Change, before: Lookup) -> Text:
    """A sentence for a change, naming units and people as they were just before it."""

    def u(unit_id: str | None) -> str:
        return _unit(before, unit_id)

    def p(person_id: str) -> str:
        return _person(before, person_id)

    if isinstance(change, CreateUnit):
        where = f" trực thuộc {u(change.unit.parent_id)}" if change.unit.parent_id else ""
        return Text(f"Thành lập {change.unit.name}{where}", f"{change.unit.name} established")
    if isinstance(change, RenameUnit):
        return Text(
            f"Đổi tên {u(change.unit)} thành {change.name}",
            f"{u(change.unit)} renamed {change.name}",
        )
    if isinstance(change, MoveUnit):
        return Text(
            f"Chuyển {u(change.unit)} về trực thuộc {u(change.parent)}",
            f"{u(change.unit)} moved under {u(change.parent)}",
        )
    if isinstance(change, MergeUnits):
        names = ", ".join(u(s) for s in change.sources)
        if change.new_unit is not None:
            return Text(
                f"Hợp nhất {names} thành {change.new_unit.name}",
                f"{names} consolidated into {change.new_unit.name}",
            )
        return Text(
            f"Sáp nhập {names} vào {u(change.into)}", f"{names} merged into {u(change.into)}"
        )
    if isinstance(change, SplitUnit):
        parts = ", ".join(n.name for n in change.new_units)
        if change.source_continues:
            return Text(
                f"Tách {parts} từ {u(change.source)}", f"{parts} separated from {u(change.source)}"
            )
        return Text(
            f"Chia {u(change.source)} thành {parts}", f"{u(change.source)} divided into {parts}"
        )
    if isinstance(change, DissolveUnit):
        return Text(f"Giải thể {u(change.unit)}", f"{u(change.unit)} dissolved")
    if isinstance(change, ReorganiseUnit):
        return Text(
            f"Sắp xếp {u(change.unit)} thành {change.new_unit.name}",
            f"{u(change.unit)} reorganised as {change.new_unit.name}",
        )
    if isinstance(change, Hire):
        post = f" ({change.role.vi})" if change.role is not Role.STAFF else ""
        return Text(
            f"Tuyển dụng, tiếp nhận {change.person.full_name} vào {u(change.unit)}{post}",
            f"{change.person.full_name} hired into {u(change.unit)}",
        )
    if isinstance(change, Transfer):
        now = before.assignments.get(change.person)
        origin = f" từ {u(now.unit_id)}" if now else ""
        return Text(
            f"Điều động {p(change.person)}{origin} sang {u(change.unit)}",
            f"{p(change.person)} transferred to {u(change.unit)}",
        )
    if isinstance(change, Appoint):
        now = before.assignments.get(change.person)
        unit_id = change.unit or (now.unit_id if now else "")
        post = _post(before, unit_id, change.role)
        return Text(
            f"Bổ nhiệm {p(change.person)} giữ chức {post}", f"{p(change.person)} appointed {post}"
        )
    if isinstance(change, Relieve):
        now = before.assignments.get(change.person)
        post = _post(before, now.unit_id, now.role) if now else "chức vụ"
        return Text(
            f"Miễn nhiệm {p(change.person)}, thôi giữ chức {post}",
            f"{p(change.person)} relieved as {post}",
        )
    if isinstance(change, Leave):
        return Text(
            f"{p(change.person)}: {change.reason.vi}", f"{p(change.person)}: {change.reason.en}"
        )
    if isinstance(change, SetQuota):
        return Text(
            f"Giao {change.value} biên chế {change.category.vi} năm {change.year} cho {u(change.unit)}",
            f"{change.value} {change.category.en} posts for {change.year} allotted to {u(change.unit)}",
        )
    return Text(change.label.vi, change.label.en)


def narrate(
    timeline: Timeline, start: int = 0, stop: int | None = None
) -> Iterator[tuple[Change, Text, Lookup]]:
    """Each change of a timeline (from index ``start`` to ``stop``) with its sentence, in one
    replay. The third item is the state just before the change (a live view: read it at once).
    """
    builder = timeline.builder_at(start) if start else StateBuilder()
    for change in timeline.changes[start:stop]:
        yield change, describe_change(change, builder), builder
        change.apply(builder)


def unit_tree(state: State) -> list[dict[str, Any]]:
    """The structure as nested dictionaries, each unit with its leaders, staff and quota."""

    def person(pid: str, title: str) -> dict[str, str]:
        return {"id": pid, "name": state.people[pid].full_name, "title": title}

    year = state.on.year if state.on else None
    quotas: dict[str, dict[str, int]] = {}
    for key, value in state.quotas.items():
        if key.year == year:
            quotas.setdefault(key.unit_id, {})[key.category.value] = value

    def node(unit_id: str) -> dict[str, Any]:
        unit = state.units[unit_id]
        head = state.head(unit_id)
        by_category = state.headcount_by_category(unit_id, recursive=False)
        return {
            "id": unit.id,
            "name": unit.name,
            "kind": unit.kind.code,
            "kind_name": unit.kind.name_vi,
            "unit_class": unit.kind.unit_class.value,
            "agency_type": unit.agency_type,
            "head": person(head.person_id, unit.kind.head_title) if head else None,
            "deputies": [
                person(d.person_id, unit.kind.deputy_title) for d in state.deputies(unit_id)
            ],
            "staff": state.headcount(unit_id),
            "staff_by_category": {c.value: n for c, n in by_category.items()},
            "staff_total": state.headcount(unit_id, recursive=True),
            "quota": quotas.get(unit_id, {}),
            "children": [node(c.id) for c in state.children(unit_id)],
        }

    return [node(root.id) for root in state.roots()]
