"""What is worked out from an agency's project weighs what it holds: a state or a check by the
agency's people, a list of ids or a page's dict by its length. The budget then holds many
small entries, and a large one still pushes the oldest out."""

from __future__ import annotations

import datetime as dt
import sys

import pytest

from tinhgon.web import page_data, repository
from tinhgon.web.repository import weight_of

D1 = dt.date(2021, 6, 30)


def test_a_state_weighs_by_the_people_a_list_by_its_length():
    state = object()
    assert weight_of(state, people=50_000) == 512 * 50_000
    ids = [f"p{i:06d}" for i in range(50_000)]
    small = weight_of(ids, people=50_000)
    # the list's own slots and its strings, about what CPython holds
    held = sys.getsizeof(ids) + sum(sys.getsizeof(pid) for pid in ids)
    assert held * 0.8 < small < held * 1.5
    assert small < 512 * 50_000 // 5
    assert weight_of(ids[:10], people=50_000) < weight_of(ids, people=50_000) // 1000
    # a dict of a few keys holding long lists weighs its lists, not its three keys
    order = {"order": ids, "folded": dict.fromkeys(ids, "ten nguoi"), "searched": {}}
    assert weight_of(order, people=50_000) > weight_of(ids, people=50_000) * 2
    assert weight_of("tên", people=50_000) < 100
    assert weight_of({}, people=50_000) < 200


@pytest.mark.django_db
def test_the_budget_holds_more_small_entries_and_a_large_one_still_evicts(kontum, monkeypatch):
    repository.forget(kontum.pk)
    entry = repository._entry(kontum)
    people = len(repository.project_of(kontum).people)
    # Room for the project and about two states.
    budget = entry.weight() + int(2.5 * 512 * people)
    monkeypatch.setattr(repository, "_budget_bytes", lambda: budget)
    for n in range(20):  # twenty lists of ids: all kept
        repository.memo(kontum, ("ids", n), lambda project, n=n: list(project.people)[:n])
    assert len(repository._entry(kontum).memo) == 20
    state = page_data.state_at(agency=kontum, on=D1)  # a state: weighed by the people
    kept = repository._entry(kontum).memo
    assert ("state", D1, None) in kept
    assert len(kept) == 21
    for n in range(2):  # two more states: the oldest entries go, the newest stay
        on = dt.date(2020 + n, 3, 31)
        page_data.state_at(agency=kontum, on=on)
    kept = repository._entry(kontum).memo
    assert ("state", dt.date(2021, 3, 31), None) in kept
    assert ("ids", 0) not in kept
    assert repository._entry(kontum).weight() <= budget
    assert page_data.state_at(agency=kontum, on=D1) is not None
    assert state is not None


@pytest.mark.django_db
def test_the_running_weight_follows_what_is_kept(kontum, monkeypatch):
    repository.forget(kontum.pk)
    monkeypatch.setattr(repository, "_MEMO_SIZE", 3)
    for n in range(6):
        repository.memo(kontum, ("ids", n), lambda project, n=n: ["x"] * n)
        repository.memo(kontum, ("ids", n), lambda project: ["recomputed"])  # a hit
    entry = repository._entry(kontum)
    assert list(entry.memo) == [("ids", 3), ("ids", 4), ("ids", 5)]
    people = len(entry.project.people)
    expected = sum(weight_of(value, people=people) for value in entry.memo.values())
    assert entry.memo_bytes == expected
