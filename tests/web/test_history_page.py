"""The history page: newest first, 50 changes a page, filtered by dates and kind."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tinhgon.web import repository, selectors


def text(response) -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_the_history_is_paginated_newest_first(as_, kontum):
    project = repository.project_of(kontum)
    total = len(project.timeline)
    assert total > 50
    first = text(as_("viewer").get("/co-quan/bqlkkt/lich-su/"))
    assert first.count("<time>") == 50
    assert f"Trang 1 / {-(-total // 50)}" in first
    assert "trang=2" in first
    dates = [
        dt.datetime.strptime(d, "%d/%m/%Y").date()
        for d in re.findall(r"<time>([^<]+)</time>", first)
    ]
    assert dates == sorted(dates, reverse=True)
    assert dates[0] == project.timeline.last_date
    second = text(as_("viewer").get("/co-quan/bqlkkt/lich-su/?trang=2"))
    assert second.count("<time>") == total - 50


@pytest.mark.django_db
def test_the_history_is_filtered_by_dates_and_kind(as_, kontum):
    project = repository.project_of(kontum)
    merges = [c for c in project.timeline.changes if c.kind == "merge"]
    page = text(as_("viewer").get("/co-quan/bqlkkt/lich-su/?loai=merge"))
    assert page.count("<time>") == len(merges) > 0
    assert "Sáp nhập Phòng Kế hoạch - Tổng hợp vào Văn phòng" in page
    window = text(as_("viewer").get("/co-quan/bqlkkt/lich-su/?tu=01/01/2019&den=31/12/2019"))
    shown = re.findall(r"<time>([^<]+)</time>", window)
    in_2019 = [c for c in project.timeline.changes if c.on.year == 2019]
    assert len(shown) == min(50, len(in_2019))
    assert all(d.endswith("/2019") for d in shown)


@pytest.mark.django_db
def test_a_page_tells_the_same_as_the_whole_history(kontum):
    project = repository.project_of(kontum)
    everything = selectors.timeline_entries(project=project)[::-1]
    pages = [selectors.timeline_page(project=project, page=p, size=7) for p in range(1, 20)]
    told = [e for p in pages[: pages[0]["pages"]] for e in p["entries"]]
    assert told == everything
    only = selectors.timeline_page(project=project, kind="transfer", size=1000)["entries"]
    assert only == [e for e in everything if e["kind"] == "transfer"]
