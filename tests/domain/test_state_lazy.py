"""A state built from a timeline's snapshot (the builder's indexes left lazy, members taken
from the snapshot's index unit by unit, a snapshot shared when nothing is applied) must be
exactly the state a replay from nothing gives: same mappings, same members in the same order,
same heads, same children. Snapshots are made tiny so random histories cross many of them."""

from __future__ import annotations

import datetime as dt
from unittest.mock import patch

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.builders import BASIS
from tests.domain.test_properties import histories
from tinhgon.domain import BUILTIN_KINDS, CreateUnit, NewUnit, State, StateBuilder, Timeline
from tinhgon.domain.model import Category, QuotaKey

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _replayed(changes, on: dt.date) -> State:
    builder = StateBuilder()
    for change in changes:
        if change.on <= on:
            change.apply(builder)
    return builder.snapshot(on)


def _same(fast: State, slow: State) -> None:
    assert fast == slow
    for key, value in slow.quotas.items():
        assert fast.quota(key.unit_id, key.category, key.year) == value
        assert fast.quota(key.unit_id, key.category, key.year + 1) == slow.quotas.get(
            QuotaKey(key.unit_id, key.category, key.year + 1)
        )
        for category in Category:
            assert fast.quota(key.unit_id, category, key.year) == slow.quotas.get(
                QuotaKey(key.unit_id, category, key.year)
            )
    assert fast.on == slow.on
    assert [u.id for _, u in fast.walk()] == [u.id for _, u in slow.walk()]
    for unit_id in slow.units:
        assert fast.members(unit_id) == slow.members(unit_id)
        assert fast.head(unit_id) == slow.head(unit_id)
        assert fast.children(unit_id) == slow.children(unit_id)
        assert fast.headcount(unit_id, recursive=True) == slow.headcount(unit_id, recursive=True)


@SETTINGS
@given(histories(max_steps=40), st.integers(1, 5), st.integers(0, 3))
def test_a_state_from_a_snapshot_is_the_state_a_replay_gives(changes, step, extra_days):
    with (
        patch("tinhgon.domain.timeline._MIN_STEP", step),
        patch("tinhgon.domain.timeline._MAX_CHECKPOINTS", 4),
    ):
        timeline = Timeline(changes)
    days = sorted({c.on for c in changes}) or [dt.date(2020, 1, 1)]
    dates = [*days, days[-1] + dt.timedelta(days=1 + extra_days)]
    for on in dates:
        first = timeline.state_on(on)
        # Asked twice: the second may share the first's snapshot and its worked-out indexes.
        _same(timeline.state_on(on), _replayed(changes, on))
        _same(first, _replayed(changes, on))


@SETTINGS
@given(histories(max_steps=30), st.data())
def test_a_builder_started_from_a_state_reads_and_changes_like_one_built_by_replay(changes, data):
    """Start a builder from the state at some point, then apply the rest: members, heads and
    children read through the builder all along equal those of a builder replayed from nothing."""
    cut = data.draw(st.integers(0, len(changes)))
    slow = StateBuilder()
    for change in changes[:cut]:
        change.apply(slow)
    middle = slow.snapshot(changes[cut - 1].on if cut else None)
    if data.draw(st.booleans()):
        middle._member_index()  # worked out before, or not
    fast = StateBuilder(middle)
    assert fast.snapshot(middle.on) == middle
    for change in changes[cut:]:
        change.apply(slow)
        change.apply(fast)
        for unit_id in slow.units:
            assert fast.members(unit_id) == slow.members(unit_id)
            assert fast.head(unit_id) == slow.head(unit_id)
            # The same children; their order inside a builder follows the units' order when it
            # started from a state (as before the lazy indexes), not the order of the moves.
            assert sorted(fast.children(unit_id)) == sorted(slow.children(unit_id))
    on = changes[-1].on if changes else None
    _same(fast.snapshot(on), slow.snapshot(on))


def test_a_builder_nothing_was_applied_to_shares_the_state_it_started_from():
    root = CreateUnit(
        on=dt.date(2020, 1, 1),
        basis=BASIS,
        unit=NewUnit(id="a", name="Sở", kind=BUILTIN_KINDS["board"]),
    )
    state = Timeline([root]).state_on(dt.date(2020, 2, 1))
    shared = StateBuilder(state).snapshot(dt.date(2021, 1, 1))
    assert shared.units is state.units
    assert shared.on == dt.date(2021, 1, 1)
    assert shared._index is state._index
