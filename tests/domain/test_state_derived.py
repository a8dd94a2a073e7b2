"""The builder keeps the members of each unit, its people by category and its head as it applies
changes, and hands them to the states it makes, shared copy-on-write (``state_index``). Every
index of every state — the timeline's snapshots, ``state_on``, ``states_on``, states made by a
builder started from a snapshot, ``State.apply``, a timeline grown by ``with_changes`` — must be
exactly the index worked out afresh from the state's own mappings: the same members in the same
order, the same counts, heads, children, tree order and quotas; also after the builder it came
from went on writing."""

from __future__ import annotations

import dataclasses
import datetime as dt
from unittest.mock import patch

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.builders import person
from tests.domain.test_properties import histories
from tinhgon.domain import BUILTIN_KINDS, Hire, NewUnit, Role, State, StateBuilder, Timeline, Unit
from tinhgon.domain.model import Category, LeaveReason
from tinhgon.domain.state import EndKind
from tinhgon.domain.state_index import heads_of, members_of

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
D0 = dt.date(2020, 1, 1)


def _unit(uid: str) -> Unit:
    new = NewUnit(id=uid, name=f"Phòng {uid}", kind=BUILTIN_KINDS["department"])
    return new.build(parent_id=None, on=D0, predecessors=())


def _afresh(state: State) -> State:
    """The same mappings in a state of their own: every index worked out from them."""
    return State(
        on=state.on,
        units=state.units,
        ended=state.ended,
        people=state.people,
        assignments=state.assignments,
        departures=state.departures,
        quotas=state.quotas,
    )


def _leaders(state: State, unit_ids: set[str]) -> int:
    return sum(
        1 for a in state.assignments.values() if a.role is not Role.STAFF and a.unit_id in unit_ids
    )


def _same_leaders(state: State) -> None:
    """``leaders_in`` (from the members index when at hand, else a pass over the posts) is the
    plain count, for every unit, every other unit, all of them and an unknown one."""
    ids = list(state.units)
    for chosen in [{u} for u in ids] + [set(ids[::2]), set(ids), {"không có"}]:
        assert state.leaders_in(chosen) == _leaders(state, chosen)


def _ordered(members: dict[str, dict[str, object]]) -> dict[str, list[tuple[str, object]]]:
    return {unit_id: list(group.items()) for unit_id, group in members.items()}


def _same_indexes(state: State) -> None:
    fresh = _afresh(state)
    _same_leaders(fresh)  # a pass over the posts (no members index yet)
    _same_leaders(state)
    mine = state._member_index()
    assert _ordered(mine) == _ordered(members_of(state.assignments.values()))  # order too
    assert all(mine.values())  # no unit left without members
    assert state.category_counts() == fresh.category_counts()
    assert all(0 not in group.values() for group in state.category_counts().values())
    if state._index.heads is not None:  # what a builder started from the state answers
        assert state._index.heads == heads_of(members_of(state.assignments.values()))
    assert state._child_index() == fresh._child_index()
    assert state.tree_order() == fresh.tree_order()
    for unit_id in [*state.units, *state.ended, "không có"]:
        assert state.members(unit_id) == fresh.members(unit_id)
        assert state.head(unit_id) == fresh.head(unit_id)
        assert state.deputies(unit_id) == fresh.deputies(unit_id)
        assert state.headcount(unit_id) == fresh.headcount(unit_id)
    for unit_id in state.units:
        assert state.headcount(unit_id, recursive=True) == fresh.headcount(unit_id, recursive=True)
        assert state.headcount_by_category(unit_id) == fresh.headcount_by_category(unit_id)
        for year in {k.year for k in state.quotas} | {2020}:
            for category in Category:
                assert state.quota(unit_id, category, year) == fresh.quota(unit_id, category, year)


@st.composite
def _mixed_histories(draw: st.DrawFn, max_steps: int = 40) -> list:
    """Histories whose people are of several categories (someone back after leaving may come
    back in another one)."""
    changes = draw(histories(max_steps=max_steps))
    categories = st.sampled_from(list(Category))
    return [
        dataclasses.replace(c, person=dataclasses.replace(c.person, category=draw(categories)))
        if isinstance(c, Hire)
        else c
        for c in changes
    ]


@SETTINGS
@given(_mixed_histories(), st.integers(1, 5), st.integers(0, 3), st.data())
def test_every_index_of_every_state_is_the_one_worked_out_afresh(changes, step, extra_days, data):
    with (
        patch("tinhgon.domain.timeline._MIN_STEP", step),
        patch("tinhgon.domain.timeline._MAX_CHECKPOINTS", 4),
    ):
        cut = data.draw(st.integers(0, len(changes)))
        timeline = Timeline(changes)
        grown = Timeline(changes[:cut]).with_changes(changes[cut:])
        days = sorted({c.on for c in changes})
        dates = [*days, days[-1] + dt.timedelta(days=1 + extra_days)]
        asked = data.draw(st.lists(st.sampled_from(dates), max_size=6))
        for on in dates:
            _same_indexes(timeline.state_on(on))
        for _, state in timeline.states_on(dates):  # one builder, snapshot after snapshot
            _same_indexes(state)
        for _, state in grown.states_on(asked):
            _same_indexes(state)
        # A builder started from each snapshot, going on with the rest of the history: its
        # snapshots and the one it ends with, and the state one change further (``apply``).
        for position, checkpoint in timeline._checkpoints:
            builder = StateBuilder(checkpoint)
            rest = list(timeline.changes[position:])
            for change in rest[:3]:
                change.apply(builder)
                _same_indexes(builder.snapshot(change.on))
            if rest:
                _same_indexes(checkpoint.apply(rest[0]))
            _same_indexes(builder.finish(dates[-1]))
        # Every snapshot, after all the builders started from it went on writing.
        for _, checkpoint in [*timeline._checkpoints, *grown._checkpoints]:
            _same_indexes(checkpoint)


@st.composite
def _operations(draw: st.DrawFn) -> list[tuple]:
    """Builder primitives on four units and six people: placing someone (leaving any post),
    someone leaving, someone registered anew (another category, in post or not), a unit ended
    (after its members left), a snapshot."""
    units = ["u0", "u1", "u2", "u3"]
    ids = [f"p{i}" for i in range(6)]
    steps = []
    for _ in range(draw(st.integers(1, 60))):
        steps.append(
            draw(
                st.one_of(
                    st.tuples(
                        st.just("assign"),
                        st.sampled_from(ids),
                        st.sampled_from(units),
                        st.sampled_from([Role.STAFF, Role.DEPUTY, Role.HEAD]),
                    ),
                    st.tuples(st.just("depart"), st.sampled_from(ids)),
                    st.tuples(
                        st.just("register"), st.sampled_from(ids), st.sampled_from(list(Category))
                    ),
                    st.tuples(st.just("end"), st.sampled_from(units)),
                    st.tuples(st.just("snapshot")),
                )
            )
        )
    return steps


@SETTINGS
@given(_operations(), st.booleans())
def test_snapshots_taken_between_writes_keep_their_indexes(steps, from_a_state):
    """Snapshot after snapshot of one builder (and of a builder started from the first one):
    each keeps the indexes it was given whatever the builder writes afterwards."""
    builder = StateBuilder()
    for uid in ["u0", "u1", "u2", "u3"]:
        builder.add_unit(_unit(uid))
    for i in range(6):
        builder.register(person(f"p{i}"))
    if from_a_state:
        builder = StateBuilder(builder.snapshot(D0))
    taken: list[State] = []
    for step in steps:
        if step[0] == "assign":
            _, pid, uid, role = step
            if uid in builder.units and (role is not Role.HEAD or builder.head(uid) is None):
                builder.assign(pid, uid, role, D0)
        elif step[0] == "depart" and step[1] in builder.assignments:
            builder.depart(step[1], D0, LeaveReason.RETIREMENT)
        elif step[0] == "register":
            builder.register(dataclasses.replace(builder.people[step[1]], category=step[2]))
        elif step[0] == "end" and step[1] in builder.units:
            for pid in builder.members(step[1]):
                builder.depart(pid, D0, LeaveReason.RETIREMENT)
            builder.end_unit(step[1], on=D0, how=EndKind.DISSOLVED, successors=(), basis=None)
        elif step[0] == "snapshot":
            taken.append(builder.snapshot(D0))
            _same_indexes(taken[-1])
    taken.append(builder.finish(D0))
    for state in taken:
        _same_indexes(state)


def test_someone_registered_anew_in_place_is_counted_again():
    """A person replaced (another category) without moving: their unit's counts change, the
    snapshot taken before keeps its own."""
    builder = StateBuilder()
    builder.add_unit(_unit("u"))
    someone = person("p1")
    builder.register(someone)
    builder.assign("p1", "u", Role.STAFF, D0)
    first = builder.snapshot(D0)
    other = next(c for c in Category if c is not someone.category)
    builder.register(dataclasses.replace(someone, category=other))
    second = builder.snapshot(dt.date(2020, 2, 1))
    assert first.category_counts() == {"u": {someone.category: 1}}
    assert second.category_counts() == {"u": {other: 1}}
    _same_indexes(first)
    _same_indexes(second)


def test_a_snapshot_shares_what_the_builder_did_not_touch_since():
    """Copy-on-write: a unit's members and counts are the previous snapshot's very dicts until
    the builder writes to that unit; the unit written to has dicts of its own."""
    builder = StateBuilder()
    for i in range(3):
        builder.add_unit(_unit(f"u{i}"))
        builder.register(person(f"p{i}"))
        builder.assign(f"p{i}", f"u{i}", Role.STAFF, D0)
    first = builder.snapshot(D0)
    builder.register(person("p9"))
    builder.assign("p9", "u1", Role.STAFF, D0)
    second = builder.snapshot(D0)
    one, two = first._member_index(), second._member_index()
    assert one["u0"] is two["u0"]
    assert one["u2"] is two["u2"]
    assert one["u1"] is not two["u1"]
    assert list(one["u1"]) == ["p1"]
    assert first.category_counts()["u0"] is second.category_counts()["u0"]
    assert first._index.structure is second._index.structure  # the same units
    assert list(two["u1"]) == ["p1", "p9"]


def test_a_builder_whose_state_took_its_mappings_over_cannot_write():
    builder = StateBuilder()
    builder.add_unit(_unit("u"))
    state = builder.finish(D0)
    assert list(state.units) == ["u"]
    with pytest.raises(TypeError):
        builder.add_unit(_unit("v"))
    assert list(state.units) == ["u"]


def test_a_state_made_from_mappings_alone_starts_a_builder_with_its_indexes_worked_out():
    builder = StateBuilder()
    builder.add_unit(_unit("u"))
    for i in range(3):
        builder.register(person(f"p{i}"))
        builder.assign(f"p{i}", "u", Role.HEAD if i == 1 else Role.STAFF, D0)
    plain = _afresh(builder.snapshot(D0))
    again = StateBuilder(plain)
    assert again.members("u") == ["p0", "p1", "p2"]
    assert again.head("u") == "p1"
    again.depart("p0", D0, LeaveReason.RETIREMENT)
    state = again.snapshot(D0)
    _same_indexes(state)
    _same_indexes(plain)
