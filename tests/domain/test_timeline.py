"""The timeline orders changes and derives the state on any date."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.builders import BASIS, base, day, hire, state_of, unit
from tinhgon.domain import ChangeRefused, Leave, LeaveReason, RenameUnit, State, Timeline, Transfer


def test_changes_apply_in_date_order_whatever_order_they_are_given_in():
    later = [
        Leave(on=day("2019-07-01"), basis=BASIS, person="x", reason=LeaveReason.RETIREMENT),
        hire("x", "b", on=day("2019-05-01")),
    ]

    shuffled = Timeline([*later, *base()])

    assert shuffled.state_on(day("2020-01-01")) == Timeline([*base(), *reversed(later)]).state_on(
        day("2020-01-01")
    )
    assert [c.on for c in shuffled.changes] == sorted(c.on for c in shuffled.changes)


def test_changes_on_the_same_day_keep_the_order_they_were_given_in():
    first = RenameUnit(on=day("2019-01-01"), basis=BASIS, unit="a", name="Một")
    second = RenameUnit(on=day("2019-01-01"), basis=BASIS, unit="a", name="Hai")

    assert state_of(base(first, second)).units["a"].name == "Hai"
    assert state_of(base(second, first)).units["a"].name == "Một"


def test_a_change_is_in_effect_from_its_own_date():
    leave = Leave(on=day("2019-07-01"), basis=BASIS, person="a-1", reason=LeaveReason.RETIREMENT)
    timeline = Timeline(base(leave))

    assert "a-1" in timeline.state_on(day("2019-06-30")).assignments
    assert "a-1" not in timeline.state_on(day("2019-07-01")).assignments


def test_the_state_before_the_first_change_is_empty():
    state = Timeline(base()).state_on(day("2017-12-31"))

    assert not state.units
    assert not state.assignments


def test_the_official_timeline_needs_a_legal_basis_for_every_change():
    change = Transfer(on=day("2019-01-01"), person="a-1", unit="b")

    with pytest.raises(ChangeRefused, match="thiếu căn cứ pháp lý"):
        Timeline(base(change))
    assert Timeline(base(change), require_basis=False).state_on(day("2019-01-01"))


def test_a_change_inserted_in_the_past_must_still_let_later_changes_apply():
    timeline = Timeline(base(hire("x", "b", on=day("2019-05-01"))))
    earlier = Leave(on=day("2019-01-01"), basis=BASIS, person="b-0", reason=LeaveReason.DEATH)
    clash = unit("late", parent="b", on=day("2019-06-01"))
    late_leave = Leave(on=day("2018-06-01"), basis=BASIS, person="x", reason=LeaveReason.OTHER)

    timeline.with_changes([earlier, clash])
    with pytest.raises(ChangeRefused):
        timeline.with_changes([late_leave])


def test_adding_changes_leaves_the_original_timeline_as_it_was():
    timeline = Timeline(base())

    longer = timeline.with_changes([hire("x", "b", on=day("2019-05-01"))])

    assert len(longer) == len(timeline) + 1
    assert "x" not in timeline.state_on(day("2020-01-01")).assignments


def test_between_gives_the_changes_after_one_date_up_to_and_including_another():
    leave = Leave(on=day("2019-07-01"), basis=BASIS, person="a-1", reason=LeaveReason.RETIREMENT)
    timeline = Timeline(base(leave))

    assert timeline.between(day("2019-06-30"), day("2019-07-01")) == (leave,)
    assert timeline.between(day("2019-07-01"), day("2019-12-31")) == ()
    assert timeline.first_date == dt.date(2018, 1, 1)
    assert timeline.last_date == dt.date(2019, 7, 1)


def test_a_long_history_gives_the_same_state_from_its_snapshots_as_replayed_one_by_one():
    changes = base()
    for i in range(1500):
        on = day("2019-01-01") + dt.timedelta(days=i // 3)
        changes.append(Transfer(on=on, basis=BASIS, person="a-1", unit="b" if i % 2 == 0 else "a"))
    timeline = Timeline(changes)

    for index in (0, 499, 500, 501, 1000, 1499, len(changes) - 1):
        on = changes[index].on
        replayed = State.empty()
        for change in changes:
            if change.on <= on:
                replayed = replayed.apply(change)
        assert timeline.state_on(on) == replayed
