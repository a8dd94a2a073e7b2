"""A plan's check on the web judges the plan's own units as the plan's: a department the plan
creates below the minimum size is the plan's violation (not a warning), on the plan page, the
comparison of plans and the API (follow-up F1 of issue 8)."""

from __future__ import annotations

import re

import pytest

from tests.web.conftest import client_for, make_user
from tinhgon.web import models, services
from tinhgon.web.api import token_digest

SMALL = """\
tinhgon: 1
agency:
  id: so-nv-y
  name: Sở Nội vụ tỉnh Thử
  kind: provincial_department
  agency_type: provincial_department
  province_class: II
baseline: {on: 2021-01-01, basis: 01/BC-SNV}
documents:
  - {symbol: 01/BC-SNV, issued_on: 2020-12-20, issuer: Sở Nội vụ, title: Báo cáo}
  - {symbol: 02/QĐ-UBND, kind: decision, issued_on: 2021-05-20, issuer: UBND tỉnh, title: Thành lập phòng}
units:
  - {id: vp-y, name: Văn phòng Sở, kind: office}
people:
  - {id: y1, name: Người Thứ Nhất, born: 1980, sex: male, category: civil_servant, unit: vp-y, role: head}
  - {id: y2, name: Người Thứ Hai, born: 1985, sex: female, category: civil_servant, unit: vp-y}
plans:
  - id: lap-phong
    title: Thành lập Phòng Thử nghiệm
    changes:
      - kind: create
        on: 2021-06-01
        basis: 02/QĐ-UBND
        unit: {id: ptn, name: Phòng Thử nghiệm, kind: department, parent: so-nv-y}
      - {kind: transfer, on: 2021-06-01, basis: 02/QĐ-UBND, person: y2, unit: ptn}
"""


@pytest.fixture
def small(db):
    province = models.Province.objects.create(code="thu", name="Thử")
    return services.agency_import(text=SMALL, filename="small.yaml", user=None, province=province)


@pytest.fixture
def viewer(small):
    user = make_user("viewer-y")
    models.Membership.objects.create(user=user, agency=small, role="viewer")
    return user


def test_a_plan_creating_a_unit_below_the_minimum_shows_a_violation_on_the_plan_page(viewer):
    page = client_for(viewer).get("/co-quan/so-nv-y/de-an/lap-phong/")

    assert page.status_code == 200
    after = page.context["compare"]["after"]["report"]
    mine = [f for f in after.findings if f.unit_id == "ptn" and f.rule == "SO-1"]
    assert [f.severity.value for f in mine] == ["violation"]
    assert re.search(r'id="after-violations">0*1<', page.content.decode())


def test_the_comparison_of_plans_and_the_api_judge_the_plan_the_same_way(viewer, small):
    client = client_for(viewer)
    compared = client.get("/co-quan/so-nv-y/de-an/so-sanh/?p=lap-phong")
    column = compared.context["columns"][1]
    assert [
        f.severity.value
        for f in column["report"].findings
        if f.unit_id == "ptn" and f.rule == "SO-1"
    ] == ["violation"]

    token = models.ApiToken.objects.create(user=viewer, name="t", digest=token_digest("tok-y"))
    assert token.pk
    api = client.get(
        "/api/v1/agencies/so-nv-y/check?on=2021-06-01&plan=lap-phong",
        HTTP_AUTHORIZATION="Bearer tok-y",
    )
    assert api.status_code == 200, api.content
    found = [
        f
        for f in api.json()["findings"]
        if (f["unit"] or {}).get("id") == "ptn" and f["rule"] == "SO-1"
    ]
    assert [f["severity"] for f in found] == ["violation"]
