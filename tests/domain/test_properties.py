"""Properties that hold for any valid history: random change sequences from hypothesis.

The generator keeps its own small model of the organisation (who is where, which unit has a
head, the tree) to draw only changes that are valid; the domain is then checked against it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.builders import BASIS, person
from tinhgon.domain import (
    BUILTIN_KINDS,
    Appoint,
    Category,
    Change,
    CreateUnit,
    DissolveUnit,
    Hire,
    Leave,
    LeaveReason,
    MergeUnits,
    MoveUnit,
    NewUnit,
    Plan,
    Relieve,
    RenameUnit,
    Role,
    SetQuota,
    SplitUnit,
    State,
    Timeline,
    Transfer,
)

START = dt.date(2018, 1, 1)


@dataclass
class Model:
    """The generator's own picture of the organisation."""

    parent: dict[str, str | None] = field(default_factory=lambda: {"root": None})
    where: dict[str, str] = field(default_factory=dict)
    role: dict[str, Role] = field(default_factory=dict)
    left: set[str] = field(default_factory=set)
    next_unit: int = 0
    next_person: int = 0

    def children(self, uid: str) -> list[str]:
        return [u for u, p in self.parent.items() if p == uid]

    def subtree(self, uid: str) -> set[str]:
        out, stack = set(), [uid]
        while stack:
            current = stack.pop()
            out.add(current)
            stack.extend(self.children(current))
        return out

    def members(self, uid: str) -> list[str]:
        return sorted(p for p, u in self.where.items() if u == uid)

    def has_head(self, uid: str) -> bool:
        return any(self.role[p] is Role.HEAD for p in self.members(uid))

    def new_unit_id(self) -> str:
        self.next_unit += 1
        return f"u{self.next_unit}"

    def new_person_id(self) -> str:
        self.next_person += 1
        return f"p{self.next_person}"


def _new(uid: str, parent: str | None = None) -> NewUnit:
    return NewUnit(id=uid, name=f"Đơn vị {uid}", kind=BUILTIN_KINDS["department"], parent_id=parent)


@st.composite
def histories(draw: st.DrawFn, max_steps: int = 40) -> list[Change]:
    model = Model()
    on = START
    changes: list[Change] = [
        CreateUnit(
            on=on, basis=BASIS, unit=NewUnit(id="root", name="Cơ quan", kind=BUILTIN_KINDS["board"])
        )
    ]
    for _ in range(draw(st.integers(min_value=1, max_value=max_steps))):
        on += dt.timedelta(days=draw(st.integers(min_value=0, max_value=40)))
        units = sorted(model.parent)
        staffed = sorted(model.where)
        leaves = [u for u in units if u != "root" and not model.children(u)]
        options = ["create", "hire", "quota", "rename"]
        if staffed:
            options += ["transfer", "appoint", "leave"]
        if any(model.role[p] is not Role.STAFF for p in staffed):
            options.append("relieve")
        if len(leaves) >= 1 and len(units) >= 3:
            options += ["merge", "dissolve", "split", "move"]
        op = draw(st.sampled_from(options))
        common = {"on": on, "basis": BASIS}
        if op == "create":
            uid = model.new_unit_id()
            parent = draw(st.sampled_from(units))
            model.parent[uid] = parent
            changes.append(CreateUnit(unit=_new(uid, parent), **common))
        elif op == "hire":
            pid = draw(st.sampled_from([model.new_person_id(), *sorted(model.left)]))
            uid = draw(st.sampled_from(units))
            role = Role.HEAD if not model.has_head(uid) and draw(st.booleans()) else Role.STAFF
            model.where[pid], model.role[pid] = uid, role
            model.left.discard(pid)
            changes.append(Hire(person=person(pid), unit=uid, role=role, **common))
        elif op == "quota":
            uid = draw(st.sampled_from(units))
            value = draw(st.integers(min_value=0, max_value=30))
            changes.append(
                SetQuota(
                    unit=uid, category=Category.CIVIL_SERVANT, year=on.year, value=value, **common
                )
            )
        elif op == "rename":
            uid = draw(st.sampled_from(units))
            changes.append(RenameUnit(unit=uid, name=f"Tên mới {len(changes)}", **common))
        elif op == "transfer":
            pid = draw(st.sampled_from(staffed))
            targets = [u for u in units if u != model.where[pid]]
            if not targets:
                continue
            uid = draw(st.sampled_from(targets))
            model.where[pid], model.role[pid] = uid, Role.STAFF
            changes.append(Transfer(person=pid, unit=uid, **common))
        elif op == "appoint":
            pid = draw(st.sampled_from(staffed))
            uid = model.where[pid]
            role = Role.HEAD if not model.has_head(uid) else Role.DEPUTY
            if model.role[pid] is role:
                continue
            model.role[pid] = role
            changes.append(Appoint(person=pid, role=role, **common))
        elif op == "relieve":
            pid = draw(st.sampled_from([p for p in staffed if model.role[p] is not Role.STAFF]))
            model.role[pid] = Role.STAFF
            changes.append(Relieve(person=pid, **common))
        elif op == "leave":
            pid = draw(st.sampled_from(staffed))
            del model.where[pid], model.role[pid]
            model.left.add(pid)
            changes.append(
                Leave(person=pid, reason=draw(st.sampled_from(list(LeaveReason))), **common)
            )
        elif op == "merge":
            source = draw(st.sampled_from(leaves))
            target = draw(st.sampled_from([u for u in units if u != source]))
            for pid in model.members(source):
                model.where[pid], model.role[pid] = target, Role.STAFF
            del model.parent[source]
            changes.append(MergeUnits(sources=(source,), into=target, **common))
        elif op == "dissolve":
            source = draw(st.sampled_from(leaves))
            target = draw(st.sampled_from([u for u in units if u != source]))
            people = {}
            for pid in model.members(source):
                model.where[pid], model.role[pid] = target, Role.STAFF
                people[pid] = target
            del model.parent[source]
            changes.append(DissolveUnit(unit=source, people=people, **common))
        elif op == "split":
            source = draw(st.sampled_from(leaves))
            parent = model.parent.pop(source)
            parts = [model.new_unit_id(), model.new_unit_id()]
            people = {}
            for pid in model.members(source):
                dest = draw(st.sampled_from(parts))
                model.where[pid], model.role[pid] = dest, Role.STAFF
                people[pid] = dest
            for part in parts:
                model.parent[part] = parent
            changes.append(
                SplitUnit(
                    source=source, new_units=tuple(_new(p) for p in parts), people=people, **common
                )
            )
        elif op == "move":
            uid = draw(st.sampled_from(leaves))
            targets = [u for u in units if u not in model.subtree(uid) and u != model.parent[uid]]
            if not targets:
                continue
            model.parent[uid] = draw(st.sampled_from(targets))
            changes.append(MoveUnit(unit=uid, parent=model.parent[uid], **common))
    return changes


def _dates(changes: list[Change]) -> list[dt.date]:
    return [*sorted({c.on for c in changes}), changes[-1].on + dt.timedelta(days=1)]


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(histories())
def test_the_state_on_a_date_is_always_the_same(changes):
    first, second = Timeline(changes), Timeline(list(changes))

    for on in _dates(changes):
        assert first.state_on(on) == second.state_on(on) == first.state_on(on)


@SETTINGS
@given(histories())
def test_applying_changes_one_by_one_equals_replaying_the_timeline(changes):
    state = State.empty()

    for change in changes:
        state = state.apply(change)

    assert state == Timeline(changes).state_on(changes[-1].on)


@SETTINGS
@given(histories())
def test_a_merge_or_a_move_keeps_the_headcount(changes):
    state = State.empty()

    for change in changes:
        after = state.apply(change)
        if isinstance(change, MergeUnits | MoveUnit | SplitUnit | DissolveUnit | Transfer):
            assert len(after.assignments) == len(state.assignments)
        state = after


@SETTINGS
@given(histories())
def test_nobody_is_ever_in_two_units_and_no_unit_has_two_heads(changes):
    timeline = Timeline(changes)

    for on in _dates(changes):
        state = timeline.state_on(on)
        placed = [a.person_id for u in state.units for a in state.members(u)]
        assert sorted(placed) == sorted(state.assignments)
        assert all(a.unit_id in state.units for a in state.assignments.values())
        for uid in state.units:
            assert sum(1 for a in state.members(uid) if a.role is Role.HEAD) <= 1
        assert not set(state.assignments) & set(state.departures)


@SETTINGS
@given(histories(), st.integers(min_value=0, max_value=100))
def test_a_plan_never_alters_the_official_timeline(changes, cut):
    cut = 1 + cut % len(changes)
    official = Timeline(changes[:cut])
    snapshot = [official.state_on(on) for on in _dates(changes)]
    plan = Plan(id="p", title="p", changes=tuple(changes[cut:]))

    projected = plan.project(official)

    assert [official.state_on(on) for on in _dates(changes)] == snapshot
    assert official.changes == tuple(changes[:cut])
    assert projected.state_on(changes[-1].on) == Timeline(changes).state_on(changes[-1].on)
