"""Pages of a province-sized agency show a slice: findings a page at a time, the org chart one
unit and a page of its sub-units (opened on demand, searched on the server). The limits are
made tiny here so the example agency is 'large'."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tinhgon.web import models, page_data, repository
from tinhgon.web.views import overview


def text(response) -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_the_dashboards_findings_come_a_page_at_a_time_and_by_severity(as_, monkeypatch):
    url = "/co-quan/bqlkkt/?on=31/12/2019"
    whole = text(as_("viewer").get(url))
    rows = whole.count('<tr class="sev-')
    assert rows >= 2
    monkeypatch.setattr(overview, "FINDINGS_PAGE", 1)
    first = text(as_("viewer").get(url))
    assert first.count('<tr class="sev-') == 1
    assert f"Trang 1 / {rows}" in first
    last = text(as_("viewer").get(url + f"&trang-kq={rows}"))
    assert last.count('<tr class="sev-') == 1
    assert "← Trang trước" in last
    warnings = text(as_("viewer").get(url + "&muc=warning&trang-kq=1"))
    assert '<tr class="sev-violation' not in warnings
    assert '<tr class="sev-info' not in warnings


@pytest.mark.django_db
def test_a_large_org_chart_opens_a_unit_at_a_time_and_is_searched_on_the_server(as_, monkeypatch):
    monkeypatch.setattr(page_data, "WHOLE_TREE_UNITS", 2)
    monkeypatch.setattr(page_data, "CHILDREN_PAGE", 2)
    client = as_("viewer")
    top = text(client.get("/co-quan/bqlkkt/so-do/?on=31/12/2019"))
    assert 'id="expand-all"' not in top  # the whole-tree tools are for small charts
    assert top.count('<li class="node') == 3  # the agency and two of its units
    assert "Trang 1 / " in top
    opened = re.findall(r"don-vi=([\w-]+)\">Xem (\d+) đơn vị trực thuộc", top)
    second = text(client.get("/co-quan/bqlkkt/so-do/?on=31/12/2019&trang=2"))
    assert second.count('<li class="node') == 3
    assert second != top
    project = repository.project_of(models.Agency.objects.get(code="bqlkkt"))
    state = project.state_on(dt.date(2019, 12, 31))
    unit = next(u for u in state.units.values() if u.parent_id)
    focused = text(client.get(f"/co-quan/bqlkkt/so-do/?on=31/12/2019&don-vi={unit.id}"))
    assert "Toàn cơ quan</a>" in focused
    assert f"<strong>{unit.name}</strong>" in focused
    assert focused.count('<li class="node') == 1 + len(state.children(unit.id))
    found = text(client.get("/co-quan/bqlkkt/so-do/?on=31/12/2019&tim=" + "van phong"))
    assert "đơn vị phù hợp" in found
    assert "Văn phòng" in found
    assert all(int(n) > 0 for _, n in opened)


@pytest.mark.django_db
def test_a_large_box_chart_draws_a_unit_and_a_page_of_its_sub_units(as_, monkeypatch):
    client = as_("viewer")
    url = "/co-quan/bqlkkt/so-do-khoi/?on=31/12/2019"
    whole = text(client.get(url))  # a small agency: every unit, as before
    agency = models.Agency.objects.get(code="bqlkkt")
    state = repository.project_of(agency).state_on(dt.date(2019, 12, 31))
    assert whole.count('<div class="box-name">') == len(state.units)
    assert "đơn vị trực thuộc" not in whole
    repository.forget(agency.pk)  # the drawing of the date is kept: forget it
    monkeypatch.setattr(page_data, "WHOLE_TREE_UNITS", 2)
    monkeypatch.setattr(page_data, "CHILDREN_PAGE", 2)
    top = text(client.get(url))
    (root,) = state.roots()
    shown = state.children(root.id)[:2]
    names = re.findall(r'<div class="box-name">([^<]*)</div>', top)
    assert names == [root.name, *(u.name for u in shown)]
    pages = -(-len(state.children(root.id)) // 2)
    assert f"Trang 1 / {pages}" in top
    for unit in shown:  # each drawn sub-unit opens on its own page when it has sub-units
        more = len(state.children(unit.id))
        link = f'don-vi={unit.id}">Xem {more} đơn vị trực thuộc'
        assert (link in top) == (more > 0)
    second = text(client.get(f"{url}&trang=2"))
    names = re.findall(r'<div class="box-name">([^<]*)</div>', second)
    assert names == [root.name, *(u.name for u in state.children(root.id)[2:4])]
    unit = shown[0]
    focused = text(client.get(f"{url}&paper=A3&don-vi={unit.id}"))
    assert "Toàn cơ quan</a>" in focused
    assert f"<strong>{unit.name}</strong>" in focused
    assert "page-a3.css" in focused
    names = re.findall(r'<div class="box-name">([^<]*)</div>', focused)
    assert names == [unit.name, *(u.name for u in state.children(unit.id)[:2])]
