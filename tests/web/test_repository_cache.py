"""The cached project after a write: appends are applied to what is already built and give
what a whole reading gives; other writes read the agency again; the cache is bounded by
memory."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from tests.web.conftest import EXAMPLE
from tinhgon.io.project_file import project_to_plain
from tinhgon.web import repository, services


def whole(agency) -> dict:  # type: ignore[no-untyped-def, type-arg]
    return project_to_plain(repository.build_project(agency))


@pytest.fixture
def no_whole_reading(monkeypatch):
    """After this, reading an agency whole is an error: only the incremental way is allowed."""

    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("the agency was read whole again")

    def allow() -> None:
        monkeypatch.setattr(repository, "_read_all", refuse)

    return allow


@pytest.mark.django_db
def test_appending_writes_are_applied_to_the_built_project(kontum, users, no_whole_reading):
    repository.forget(kontum.pk)
    repository.project_of(kontum)
    saved_read_all = repository._read_all
    no_whole_reading()
    editor, approver = users["editor"], users["approver"]

    services.person_register(
        agency=kontum,
        data={
            "id": "p900",
            "name": "Lê Thị Mới",
            "born": "1990",
            "sex": "female",
            "category": "civil_servant",
        },
        user=editor,
    )
    services.change_record(
        agency=kontum,
        plain={
            "kind": "hire",
            "on": "2021-02-01",
            "basis": "61/QĐ-BQLKKT",
            "person": "p900",
            "unit": "tnmt",
        },
        user=editor,
    )
    # Back-dated: a decision of 2018 recorded now goes in its place in the history.
    services.change_record(
        agency=kontum,
        plain={"kind": "relieve", "on": "2020-06-01", "basis": "61/QĐ-BQLKKT", "person": "p031"},
        user=editor,
    )
    plan = services.plan_create(agency=kontum, title="Hợp nhất", user=editor)
    merge = {"kind": "merge", "on": "2021-03-01", "units": ["tnmt"], "into": "qhxd"}
    plan = services.plan_change_add(plan=plan, plain=merge, version=plan.version, user=editor)
    plan = services.plan_submit(
        plan=plan, version=plan.version, user=editor, on=dt.date(2021, 1, 4)
    )
    decision = services.document_add(
        agency=kontum,
        data={
            "symbol": "15/QĐ-UBND",
            "kind": "decision",
            "issued_on": "2021-02-15",
            "issuer": "UBND tỉnh Kon Tum",
            "title": "Phê duyệt",
        },
        user=editor,
    )
    plan = services.plan_approve(plan=plan, decision=decision, version=plan.version, user=approver)
    services.plan_implement(plan=plan, version=plan.version, user=approver)

    cached = repository.project_of(kontum)
    assert "p900" in cached.people
    assert cached.state_on(dt.date(2021, 3, 1)).assignments["p900"].unit_id == "qhxd"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(repository, "_read_all", saved_read_all)
        assert project_to_plain(cached) == whole(kontum)


@pytest.mark.django_db
def test_an_import_reads_the_agency_again(kontum, users):
    repository.project_of(kontum)
    text = EXAMPLE.read_text(encoding="utf-8").replace("Nguyễn Văn Hùng", "Nguyễn Văn Hưng")
    services.agency_import(text=text, filename="moi.yaml", user=users["editor"], agency=kontum)
    project = repository.project_of(kontum)
    assert project.people["p001"].full_name == "Nguyễn Văn Hưng"
    assert project_to_plain(project) == whole(kontum)


@pytest.mark.django_db
def test_the_cache_is_bounded_by_memory(kontum, other, monkeypatch):
    repository.forget(kontum.pk)
    repository.forget(other.pk)
    monkeypatch.setenv("TINHGON_CACHE_MIB", "100")
    repository.project_of(kontum)
    repository.project_of(other)
    assert {kontum.pk, other.pk} <= set(repository._cache)
    # A budget smaller than one project: only the last one used stays.
    monkeypatch.setenv("TINHGON_CACHE_MIB", "0.01")
    repository.project_of(kontum)
    assert kontum.pk in repository._cache
    assert other.pk not in repository._cache


@pytest.mark.django_db
def test_what_is_worked_out_for_an_agency_is_bounded_by_memory_too(kontum, monkeypatch):
    """A province-sized agency's dates (a state and a check each) must not fill the budget by
    themselves: the oldest are dropped, the newest kept."""
    repository.forget(kontum.pk)
    entry_weight = repository._entry(kontum).weight()
    monkeypatch.setenv("TINHGON_CACHE_MIB", "100")
    # Objects like a state or a check (weighed by the people), not lists or dicts.
    worked = [SimpleNamespace(n=n) for n in range(6)]
    for n in range(5):
        repository.memo(kontum, ("n", n), lambda project, n=n: worked[n])
    assert list(repository._entry(kontum).memo) == [("n", n) for n in range(5)]
    # Room for the project and about two things worked out from it.
    people = len(repository.project_of(kontum).people)
    monkeypatch.setenv("TINHGON_CACHE_MIB", str((entry_weight + 2.5 * 512 * people) / 2**20))
    assert repository.memo(kontum, ("n", 5), lambda project: worked[5]) is worked[5]
    assert list(repository._entry(kontum).memo) == [("n", 4), ("n", 5)]
    assert kontum.pk in repository._cache
