"""A state made by a builder started from a snapshot derives its indexes (members of each unit,
people by category, children, tree order, quotas) from the snapshot's, patched where the
builder touched (``state._Origin``). They must be exactly the indexes worked out afresh from the
state's own mappings: same members in the same order, same counts, same children."""

from __future__ import annotations

import dataclasses
import datetime as dt
from unittest.mock import patch

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.builders import person
from tests.domain.test_properties import histories
from tinhgon.domain import BUILTIN_KINDS, NewUnit, Role, State, StateBuilder, Timeline, Unit
from tinhgon.domain.model import Category

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _unit(uid: str) -> Unit:
    new = NewUnit(id=uid, name=f"Phòng {uid}", kind=BUILTIN_KINDS["department"])
    return new.build(parent_id=None, on=dt.date(2020, 1, 1), predecessors=())


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


def _same_indexes(state: State) -> None:
    _same_leaders(state)  # before any index of its own is worked out
    fresh = _afresh(state)
    _same_leaders(fresh)
    mine, theirs = state._member_index(), fresh._member_index()
    assert mine == theirs  # the same members in the same order within each unit
    assert state.category_counts() == fresh.category_counts()
    for unit_id, counts in fresh.category_counts().items():  # the same order of categories
        assert list(state.category_counts()[unit_id]) == list(counts)
    assert state._child_index() == fresh._child_index()
    assert state.tree_order() == fresh.tree_order()
    _same_leaders(state)
    _same_leaders(fresh)  # its members index worked out now
    for unit_id in state.units:
        assert state.members(unit_id) == fresh.members(unit_id)
        assert state.head(unit_id) == fresh.head(unit_id)
        assert state.headcount(unit_id, recursive=True) == fresh.headcount(unit_id, recursive=True)
        for year in {k.year for k in state.quotas} | {2020}:
            for category in Category:
                assert state.quota(unit_id, category, year) == fresh.quota(unit_id, category, year)


@SETTINGS
@given(histories(max_steps=40), st.integers(1, 5), st.integers(0, 3), st.booleans())
def test_the_indexes_of_a_state_from_a_snapshot_are_those_worked_out_afresh(
    changes, step, extra_days, warm
):
    with (
        patch("tinhgon.domain.timeline._MIN_STEP", step),
        patch("tinhgon.domain.timeline._MAX_CHECKPOINTS", 4),
        patch("tinhgon.domain.state_builder._DERIVED_SHARE", 1),  # derive whenever possible
    ):
        timeline = Timeline(changes)
        days = sorted({c.on for c in changes})
        dates = [*days, days[-1] + dt.timedelta(days=1 + extra_days)]
        if warm:  # the snapshots' own indexes worked out before, or not
            for _, checkpoint in timeline._checkpoints:
                checkpoint.category_counts()
                checkpoint.tree_order()
        for on in dates:
            _same_indexes(timeline.state_on(on))
        for _, state in timeline.states_on(dates):  # one builder, snapshot after snapshot
            _same_indexes(state)


def test_someone_registered_anew_in_place_is_counted_again():
    """A person replaced (another category) without moving: their unit's counts change."""
    builder = StateBuilder()
    builder.add_unit(_unit("u"))
    someone = person("p1")
    builder.register(someone)
    builder.assign("p1", "u", Role.STAFF, dt.date(2020, 1, 1))
    first = builder.snapshot(dt.date(2020, 1, 1))
    first.category_counts()
    assert first._index.origin is None
    again = StateBuilder(first)
    other = next(c for c in Category if c is not someone.category)
    again.register(dataclasses.replace(someone, category=other))
    second = again.snapshot(dt.date(2020, 2, 1))
    assert second._index.origin is not None
    assert second.category_counts() == {"u": {other: 1}}
    _same_indexes(second)


def test_a_builder_touching_many_units_does_not_derive():
    """Beyond the share of units touched, the indexes are worked out afresh (no origin)."""
    builder = StateBuilder()
    for i in range(8):
        builder.add_unit(_unit(f"u{i}"))
        builder.register(person(f"p{i}"))
        builder.assign(f"p{i}", f"u{i}", Role.STAFF, dt.date(2020, 1, 1))
    base = builder.snapshot(dt.date(2020, 1, 1))
    few = StateBuilder(base)
    few.assign("p0", "u1", Role.STAFF, dt.date(2020, 2, 1))
    assert few.snapshot(dt.date(2020, 2, 1))._index.origin is not None
    many = StateBuilder(base)
    for i in range(7):
        many.assign(f"p{i}", f"u{i + 1}", Role.STAFF, dt.date(2020, 2, 1))
    state = many.snapshot(dt.date(2020, 2, 1))
    assert state._index.origin is None
    _same_indexes(state)
