"""The province page after a write keeps what the write left as it was (the rows of the
agencies it did not touch, the points of the chart dated before it) and computes the rest
again: what it shows must be exactly what a computation from scratch gives."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests.province.fixture import PROVINCE_YAML
from tinhgon.web import charts, models, repository, selectors, services
from tinhgon.web.views.province import province_rows


@pytest.fixture
def qn(db):
    province = models.Province.objects.create(code="quang-ngai", name="Quảng Ngãi")
    return services.agency_import(
        text=PROVINCE_YAML, filename="qn.yaml", user=None, province=province
    )


@pytest.fixture
def admin(qn) -> Client:
    user = get_user_model().objects.create_user(username="snv-admin", password="x-2026-pass")
    models.ProvinceAdmin.objects.create(user=user, province=qn.province)
    client = Client()
    client.force_login(user)
    return client


DATES = (dt.date(2025, 2, 28), dt.date(2025, 12, 31))


def _page(client: Client, on: dt.date) -> tuple[list, list]:
    page = client.get(f"/co-quan/qn/cac-co-quan/?on={on:%d/%m/%Y}")
    assert page.status_code == 200
    return list(page.context["rows"]), page.context["chart"]


def _from_scratch(qn: models.Agency, on: dt.date) -> tuple[list, list]:
    project = repository.build_project(qn)  # every row read again, nothing kept
    dates = selectors.series_dates(project=project, until=on)
    series = selectors.metrics_series(project=project, dates=dates)
    return province_rows(project, on), charts.series_chart(series)


def _record(qn: models.Agency, plain: dict) -> None:
    services.change_record(agency=qn, plain=plain, user=None)


def test_the_page_after_writes_equals_the_page_computed_from_scratch(admin, qn):
    before = {on: _page(admin, on) for on in DATES}  # computed and kept
    assert before[DATES[1]] == _from_scratch(qn, DATES[1])

    # A transfer between two agencies (Sở Kế hoạch và Đầu tư → Sở Nội vụ).
    _record(qn, {"kind": "transfer", "on": "2025-05-01", "basis": "01/QĐ-UBND",
                 "person": "kh4", "unit": "snv-tccb"})  # fmt: skip
    after_transfer = _page(admin, DATES[1])
    assert after_transfer == _from_scratch(qn, DATES[1])
    rows = {r.id: r for r in after_transfer[0]}
    assert (rows["skhdt"].staff, rows["snv"].staff) == (3, 2 + 1)
    assert _page(admin, DATES[0]) == before[DATES[0]]  # dated after it: unchanged

    # A back-dated decision, before the earlier date too: the head of Phòng Đầu tư relieved.
    _record(qn, {"kind": "relieve", "on": "2025-02-01", "basis": "01/QĐ-UBND", "person": "kh3"})
    for on in DATES:
        after = _page(admin, on)
        assert after == _from_scratch(qn, on)
        assert after != before[on]
    skhdt = {r.id: r for r in _page(admin, DATES[0])[0]}["skhdt"]
    earlier = {r.id: r for r in before[DATES[0]][0]}["skhdt"]
    assert (earlier.leaders, skhdt.leaders) == (1, 0)
    assert (earlier.warnings, skhdt.warnings) == (1, 2)  # a department without its head


def test_the_chart_keeps_only_the_points_dated_before_a_write(admin, qn):
    """The points kept are those dated before the earliest change that differs; a point
    after it comes from the new history (staff of the province on each date)."""
    _page(admin, DATES[1])
    _record(qn, {"kind": "leave", "on": "2025-03-01", "basis": "01/QĐ-UBND",
                 "person": "nv2", "reason": "retirement"})  # fmt: skip
    _, chart = _page(admin, DATES[1])
    assert chart == _from_scratch(qn, DATES[1])[1]
    project = repository.build_project(qn)
    dates = selectors.series_dates(project=project, until=DATES[1])
    staff = [p["staff"] for p in selectors.metrics_series(project=project, dates=dates)]
    assert (staff[0], staff[-1]) == (9, 8)
