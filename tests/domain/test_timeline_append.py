"""Appending changes to a timeline (``Timeline.with_changes``) replays only from the last
snapshot before the earliest new change; it must give exactly what a full rebuild gives.

Snapshots are kept every 500 changes in production; here the step is made tiny so random
histories of a few dozen changes cross many snapshots (and the thinning of snapshots).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from unittest.mock import patch

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.builders import BASIS
from tests.domain.test_properties import histories
from tinhgon.domain import BUILTIN_KINDS, Change, CreateUnit, NewUnit, RenameUnit, Timeline
from tinhgon.domain.errors import ChangeRefused

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _outcome(build):  # the timeline, or the refusal's wording (the same change, same reason)
    try:
        return build()
    except ChangeRefused as error:
        return str(error)


def _assert_same(incremental, full, dates):
    if isinstance(full, str) or isinstance(incremental, str):
        assert incremental == full
        return
    assert incremental.changes == full.changes
    assert incremental.require_basis == full.require_basis
    assert (incremental.first_date, incremental.last_date) == (full.first_date, full.last_date)
    for on in dates:
        assert incremental.state_on(on) == full.state_on(on)
        assert incremental.until(on) == full.until(on)


@st.composite
def appended_histories(draw: st.DrawFn):
    """A valid history cut in two, the second part in one to three batches; some appended
    changes are moved back in time (back-dated, same-day as kept ones, or out of order)."""
    changes = draw(histories(max_steps=40))
    cut = draw(st.integers(min_value=0, max_value=len(changes)))
    rest = list(changes[cut:])
    for index, change in enumerate(rest):
        back = draw(st.sampled_from([0, 0, 0, 1, 7, 30, 400]))
        if back:
            rest[index] = dataclasses.replace(change, on=change.on - dt.timedelta(days=back))
    bounds = sorted(draw(st.lists(st.integers(0, len(rest)), max_size=2)))
    batches = [rest[a:b] for a, b in zip([0, *bounds], [*bounds, len(rest)], strict=True)]
    step = draw(st.integers(min_value=1, max_value=6))
    most = draw(st.integers(min_value=1, max_value=4))
    return changes[:cut], batches, step, most


def _dates(changes: list[Change]) -> list[dt.date]:
    days = sorted({c.on for c in changes})
    if not days:
        return [dt.date(2020, 1, 1)]
    return [days[0] - dt.timedelta(days=1), *days, days[-1] + dt.timedelta(days=1)]


@SETTINGS
@given(appended_histories())
def test_appending_changes_gives_the_same_timeline_as_a_full_rebuild(case):
    kept, batches, step, most = case
    with (
        patch("tinhgon.domain.timeline._MIN_STEP", step),
        patch("tinhgon.domain.timeline._MAX_CHECKPOINTS", most),
    ):
        incremental = Timeline(kept)
        everything = list(kept)
        for batch in batches:
            everything += batch
            full = _outcome(lambda: Timeline(everything))  # noqa: B023
            grown = _outcome(lambda: incremental.with_changes(batch))  # noqa: B023
            _assert_same(grown, full, _dates(everything))
            if isinstance(grown, str):
                break
            # The same changes read back (equal objects): the kept result, holding them.
            copies = [dataclasses.replace(c) for c in batch]
            again = incremental.with_changes(copies)
            _assert_same(again, full, _dates(everything))
            assert all(any(c is d for d in again.changes) for c in copies)
            incremental = grown
            # Snapshots stay few however many appends: at most twice the cap (plus one).
            assert len(incremental._checkpoints) <= 2 * most + 1


def _root(on: dt.date, basis=BASIS) -> CreateUnit:
    return CreateUnit(
        on=on, basis=basis, unit=NewUnit(id="root", name="Sở", kind=BUILTIN_KINDS["board"])
    )


def test_appending_keeps_the_day_order_a_rebuild_gives():
    day = dt.date(2024, 1, 1)
    base = Timeline([_root(day), RenameUnit(on=day, basis=BASIS, unit="root", name="A")])
    late = RenameUnit(on=day, basis=BASIS, unit="root", name="B")
    early = RenameUnit(on=day - dt.timedelta(days=1), basis=BASIS, unit="root", name="C")

    grown = base.with_changes([late])

    assert grown.state_on(day).units["root"].name == "B"
    assert grown.changes == Timeline([*base.changes, late]).changes
    with pytest.raises(ChangeRefused):  # renaming before the unit exists: refused as before
        base.with_changes([early])
    assert base.state_on(day).units["root"].name == "A"  # the old timeline is left as it was


def test_asking_for_a_basis_checks_the_kept_changes_too():
    day = dt.date(2024, 1, 1)
    draft = Timeline([_root(day, basis=None)], require_basis=False)
    later = RenameUnit(on=day + dt.timedelta(days=1), basis=BASIS, unit="root", name="B")

    with pytest.raises(ChangeRefused):
        draft.with_changes([later], require_basis=True)
    assert draft.with_changes([later]).state_on(later.on).units["root"].name == "B"


def test_the_same_append_twice_is_replayed_once_and_a_different_source_is_not_mixed_up():
    day = dt.date(2024, 1, 1)
    base = Timeline([_root(day)])
    rename = RenameUnit(on=day, basis=BASIS, unit="root", name="B")
    read_back = dataclasses.replace(rename)  # equal, as a change read back from its row is
    from_a_file = dataclasses.replace(rename, ref="dòng 12")  # equal too, but another source

    first = base.with_changes([rename])

    reused = base.with_changes([read_back])
    assert reused._dates is first._dates  # taken over, not replayed again
    assert reused.changes[-1] is read_back
    other = base.with_changes([from_a_file])
    assert other._dates is not first._dates
    assert other.changes[-1].ref == "dòng 12"
    assert other.state_on(day) == first.state_on(day)
    base.with_changes([rename])
    assert base.with_changes([rename], require_basis=False)._dates is not first._dates


def test_a_reused_append_holds_the_very_changes_given():
    day = dt.date(2024, 1, 1)
    base = Timeline([_root(day), RenameUnit(on=day, basis=BASIS, unit="root", name="A")])
    given = [
        RenameUnit(on=day + dt.timedelta(days=2), basis=BASIS, unit="root", name="C"),
        RenameUnit(on=day, basis=BASIS, unit="root", name="B"),
    ]
    base.with_changes(given)
    again = [dataclasses.replace(c) for c in given]

    reused = base.with_changes(again)

    assert reused.changes == Timeline([*base.changes, *again]).changes
    assert {id(c) for c in reused.changes} >= {id(c) for c in again}
    assert not {id(c) for c in reused.changes} & {id(c) for c in given}
    assert reused.state_on(day + dt.timedelta(days=2)).units["root"].name == "C"
