"""How many dates' states and checks are kept across writes: bounded by memory (a share of the
cache's budget, by the agency's size), the dates shown more than once dropped last."""

from __future__ import annotations

import datetime as dt

from tests.web.test_kept_across_writes import D1, _from_scratch, _record, _same, _shown
from tinhgon.web import page_data, repository


def _kept_days(agency) -> set[dt.date]:
    return {key[1] for key in repository.lasting(agency, "dated")["history"][3]}


def test_a_date_shown_often_outlives_a_run_of_dates_shown_once(kontum, monkeypatch):
    monkeypatch.setattr(page_data, "_KEPT_DATES", 3)
    popular = _shown(kontum, D1)
    assert _shown(kontum, D1) == popular  # shown again (from the memo)
    others = [dt.date(2020, 1, 31) + dt.timedelta(days=30 * i) for i in range(6)]
    for on in others:
        _shown(kontum, on)
    assert D1 in _kept_days(kontum)
    assert len(_kept_days(kontum)) == 3
    assert _kept_days(kontum) == {D1, *others[-2:]}  # then the most recently shown
    _record(kontum, {"kind": "relieve", "on": "2021-12-01", "person": "p031"})
    assert page_data.state_at(agency=kontum, on=D1) is popular[0]
    assert page_data.report_at(agency=kontum, on=D1) is popular[1]
    _same(_shown(kontum, D1), _from_scratch(kontum, D1))


def test_the_dates_kept_are_bounded_by_memory(kontum, monkeypatch):
    people = len(repository.project_of(kontum).people)
    per_date = page_data._BYTES_PER_PERSON * people
    monkeypatch.setattr(repository, "_budget_bytes", lambda: page_data._BUDGET_SHARE * per_date * 2)
    assert page_data._room(kontum) == 2
    for i in range(4):
        _shown(kontum, dt.date(2020, 1, 31) + dt.timedelta(days=30 * i))
    assert len(_kept_days(kontum)) == 2
    monkeypatch.setattr(repository, "_budget_bytes", lambda: 1)
    assert page_data._room(kontum) == 1  # one date at least
    monkeypatch.setattr(repository, "_budget_bytes", lambda: 10**15)
    assert page_data._room(kontum) == page_data._KEPT_DATES  # at most _KEPT_DATES


def test_each_showing_of_the_dashboard_counts_and_a_write_halves_the_counts(kontum, monkeypatch):
    monkeypatch.setattr(page_data, "_KEPT_DATES", 3)
    for _ in range(5):  # the first computes, the others come from the memo: each one counts
        page_data.dashboard_at(agency=kontum, on=D1)
    hits = repository.lasting(kontum, "dated")["history"][4]
    assert hits[D1] >= 6
    others = [dt.date(2020, 1, 31) + dt.timedelta(days=30 * i) for i in range(5)]
    for on in others:  # each shown twice: fewer times than D1
        _shown(kontum, on)
        _shown(kontum, on)
    assert D1 in _kept_days(kontum)
    before = repository.lasting(kontum, "dated")["history"][4][D1]
    _record(kontum, {"kind": "relieve", "on": "2021-12-01", "person": "p031"})
    page_data.dashboard_at(agency=kontum, on=D1)  # after the write: kept, counted again
    assert repository.lasting(kontum, "dated")["history"][4][D1] == before // 2 + 2
    _same(_shown(kontum, D1), _from_scratch(kontum, D1))
