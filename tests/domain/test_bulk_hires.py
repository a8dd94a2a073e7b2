"""A run of hires replayed in one builder call (``Timeline._span`` → ``apply_hires`` →
``StateBuilder.place_new``) leaves what applying them one by one leaves — every mapping, the
members of each unit in their order, the counts, the heads, on every date and at every
snapshot kept — and refuses the same change with the same words."""

from __future__ import annotations

import bisect
import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.builders import BASIS, person
from tests.domain.test_properties import histories
from tinhgon.domain import Change, CreateUnit, Hire, Role, Timeline
from tinhgon.domain.errors import ChangeRefused, InvalidValue
from tinhgon.domain.state import State, StateBuilder


@st.composite
def with_hires(draw: st.DrawFn) -> list[Change]:
    """A valid history with runs of hires put in, some of which are refused one by one: a
    person already in post or hired twice in the run, a unit unknown or ended, a second head,
    no basis."""
    changes = list(draw(histories(max_steps=25)))
    units = sorted({c.unit.id for c in changes if isinstance(c, CreateUnit)})
    hired = sorted({c.person.id for c in changes if isinstance(c, Hire)})
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(1, len(changes)))
        on = changes[at - 1].on
        if draw(st.integers(0, 2)):  # a run Hire.apply takes whole: new people, live units
            try:
                before = _one_by_one(changes[:at], None)
            except ChangeRefused:  # after a run put in before that is refused
                continue
            alive = sorted(before.units)
            headless = [u for u in alive if u not in (before._index.heads or {})]
            run = []
            for n in range(draw(st.integers(1, 12))):
                unit = draw(st.sampled_from(alive))
                role = draw(st.sampled_from([Role.STAFF, Role.STAFF, Role.DEPUTY, Role.HEAD]))
                if role is Role.HEAD:
                    if unit not in headless:
                        role = Role.STAFF
                    else:
                        headless.remove(unit)
                run.append(
                    Hire(person=person(f"c{at}-{n}"), unit=unit, role=role, on=on, basis=BASIS)
                )
            changes[at:at] = run
            continue
        run = []
        for n in range(draw(st.integers(1, 12))):
            pid = draw(st.sampled_from([f"b{at}-{n}", f"b{at}-{n}", f"b{at}-0", *hired[:3]]))
            unit = draw(st.sampled_from([*units, *units, "nowhere"]))
            role = draw(st.sampled_from([Role.STAFF, Role.STAFF, Role.DEPUTY, Role.HEAD]))
            basis = BASIS if draw(st.integers(0, 15)) else None
            run.append(Hire(person=person(pid), unit=unit, role=role, on=on, basis=basis))
        changes[at:at] = run
    return changes


def _one_by_one(changes: list[Change], until: dt.date | None) -> State:
    """The replay of the changes up to a date, each applied on its own as ``Timeline`` applied
    them before runs of hires were applied together."""
    builder = StateBuilder()
    for change in sorted(changes, key=lambda c: c.on):
        if until is not None and change.on > until:
            break
        if change.basis is None:
            raise ChangeRefused(
                change,
                "thiếu căn cứ pháp lý (văn bản quyết định thay đổi)",
                "no legal basis (the document that decides the change)",
            )
        try:
            change.apply(builder)
        except InvalidValue as error:
            raise ChangeRefused(change, error.vi, error.en) from error
    return builder.finish(until)


def _everything(state: State) -> tuple[Any, ...]:
    """The state and its indexes, in their orders."""
    members = state._member_index()
    return (
        state,
        [(unit, list(group.items())) for unit, group in members.items()],
        sorted((u, sorted(c.items())) for u, c in (state._index.counts or {}).items()),
        sorted((state._index.heads or {}).items()),
        list(state.people.items()),
        list(state.assignments.items()),
        list(state.departures.items()),
        list(state.units.items()),
    )


def _outcome(call: Any) -> tuple[Any, ...]:
    try:
        return ("made", _everything(call()))
    except ChangeRefused as error:
        return ("refused", str(error), error.change)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(with_hires(), st.data())
def test_runs_of_hires_leave_what_one_by_one_leaves(changes, data):
    days = sorted({c.on for c in changes})
    asked = data.draw(st.lists(st.sampled_from(days), max_size=3))
    expected = _outcome(lambda: _one_by_one(changes, None))
    for snapshots_for in (None, asked):
        try:
            timeline = Timeline(changes, snapshots_for=snapshots_for)
        except ChangeRefused as error:
            refused = ("refused", str(error), error.change)
            assert refused == expected
            continue
        assert expected[0] == "made"
        for day in [*days, days[-1] + dt.timedelta(days=1)]:
            got = _everything(timeline.state_on(day))
            assert got == _everything(_one_by_one(changes, day))
        if snapshots_for is not None:  # a snapshot after the changes of each date asked, and last
            dates = [c.on for c in changes]
            kept = {len(changes), *(bisect.bisect_right(dates, d) for d in snapshots_for)}
            assert [i for i, _ in timeline._checkpoints] == sorted(kept - {0})
        for index, state in timeline._checkpoints:  # the snapshots kept along the way
            assert _everything(state) == _everything(_one_by_one(changes[:index], state.on))
