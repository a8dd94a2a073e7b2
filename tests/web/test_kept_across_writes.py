"""The state and the legal check of a date are kept across a write when the write changes
nothing dated on or before it; what is shown must be exactly what a computation from scratch
gives (the project read again whole, nothing kept)."""

from __future__ import annotations

import datetime as dt

from tinhgon.domain import metrics_of
from tinhgon.law import check_project
from tinhgon.web import page_data, repository, services

D1, D2 = dt.date(2020, 12, 31), dt.date(2021, 6, 30)


def _shown(agency, on):
    state = page_data.state_at(agency=agency, on=on)
    report = page_data.report_at(agency=agency, on=on)
    return state, report


def _from_scratch(agency, on):
    project = repository.build_project(agency)  # every row read again, nothing kept
    state = project.state_on(on)
    return state, check_project(project, on=on, state=state)


def _same(shown, scratch) -> None:
    (state, report), (state0, report0) = shown, scratch
    assert dict(state.units) == dict(state0.units)
    assert dict(state.people) == dict(state0.people)
    assert {u: state.head(u) for u in state.units} == {u: state0.head(u) for u in state0.units}
    assert metrics_of(state) == metrics_of(state0)
    assert report.findings == report0.findings


def _record(agency, plain) -> None:
    services.change_record(agency=agency, plain={"basis": "61/QĐ-BQLKKT", **plain}, user=None)


def test_a_date_before_a_write_keeps_its_state_and_check_the_others_are_computed_again(kontum):
    before = {on: _shown(kontum, on) for on in (D1, D2)}
    for on in (D1, D2):
        _same(before[on], _from_scratch(kontum, on))

    # Appended after D1: D1's state and check are kept (the very objects), D2's computed again.
    _record(kontum, {"kind": "relieve", "on": "2021-02-01", "person": "p031"})
    after = {on: _shown(kontum, on) for on in (D1, D2)}
    assert after[D1][0] is before[D1][0]
    assert after[D1][1] is before[D1][1]
    assert after[D2][0] is not before[D2][0]
    for on in (D1, D2):
        _same(after[on], _from_scratch(kontum, on))

    # Back-dated before D1 (another person relieved in 2020): both dates computed again.
    state = after[D1][0]
    head = next(u for u in state.units if state.head(u) is not None)
    person = state.head(head).person_id
    _record(kontum, {"kind": "relieve", "on": "2020-06-01", "person": person})
    again = {on: _shown(kontum, on) for on in (D1, D2)}
    for on in (D1, D2):
        assert again[on][0] is not after[on][0]
        _same(again[on], _from_scratch(kontum, on))
    assert again[D1][0].head(head) is None
    assert after[D1][0].head(head) is not None


def test_the_dates_kept_are_the_most_recently_shown(kontum, monkeypatch):
    monkeypatch.setattr(page_data, "_KEPT_DATES", 2)
    d3 = dt.date(2021, 3, 31)
    first = _shown(kontum, D1)
    d2_before = _shown(kontum, D2)[0]
    assert _shown(kontum, D1) == first  # shown again (from the memo): the last to be dropped
    _shown(kontum, d3)  # drops D2, the least recently shown
    _record(kontum, {"kind": "relieve", "on": "2021-12-01", "person": "p031"})
    assert page_data.state_at(agency=kontum, on=D1) is first[0]
    assert page_data.report_at(agency=kontum, on=D1) is first[1]
    assert page_data.state_at(agency=kontum, on=D2) is not d2_before
    _same(_shown(kontum, D2), _from_scratch(kontum, D2))


def test_a_date_shown_again_from_the_memo_is_kept_again(kontum, monkeypatch):
    monkeypatch.setattr(page_data, "_KEPT_DATES", 1)
    first = _shown(kontum, D1)
    _shown(kontum, D2)  # D1 dropped from what is kept across writes (still in the memo)
    assert _shown(kontum, D1) == first  # from the memo: kept again, D2 dropped
    _record(kontum, {"kind": "relieve", "on": "2021-12-01", "person": "p031"})
    again = _shown(kontum, D1)
    assert again[0] is first[0]
    assert again[1] is first[1]
    _same(again, _from_scratch(kontum, D1))
