"""Screens speak as an officer does (follow-up F1 of issue 8): a finding shows its rule's title
next to its code, never a bare code; ages are written "56 tuổi", never "56 tuổi 0 tháng"."""

from __future__ import annotations

import re

import pytest

from tinhgon.law.values import Age
from tinhgon.web.templatetags.tinhgon_tags import age


def text(response) -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.status_code
    return response.content.decode()


@pytest.mark.django_db
def test_the_dashboards_findings_show_the_rules_title_next_to_its_code(as_):
    response = as_("viewer").get("/co-quan/bqlkkt/?on=31/12/2019")
    page = text(response)
    findings = response.context["report"].findings

    assert findings
    for f in findings:
        assert f"<td>{f.rule} ({f.title.vi})</td>" in page
    assert not re.search(r"<td>[A-Z]{2,3}-\d+</td>", page)


@pytest.mark.django_db
def test_the_org_chart_of_a_plan_names_the_rule_it_breaks(as_):
    page = text(as_("viewer").get("/co-quan/bqlkkt/so-do/?on=31/12/2020&plan=phuong-an-3-phong"))

    assert re.search(r"EZ-1 \([^)]+\): ", page)
    assert not re.search(r"</span> [A-Z]{2,3}-\d+: ", page)


@pytest.mark.django_db
def test_the_plan_page_names_the_rules(as_):
    response = as_("viewer").get("/co-quan/bqlkkt/de-an/phuong-an-3-phong/")
    page = text(response)

    after = response.context["compare"]["after"]["report"].findings
    assert after
    assert all(f"<td>{f.rule} ({f.title.vi})</td>" in page for f in after)


@pytest.mark.django_db
def test_the_person_page_writes_a_whole_age_without_zero_months(as_):
    """Born 12/03/1964: on 12/03/2020 exactly 56; retires at 61 years 3 months."""
    page = text(as_("editor").get("/co-quan/bqlkkt/nhan-su/p001/?on=12/03/2020"))

    assert "(56 tuổi tại 12/03/2020)" in page
    assert "đủ 61 tuổi 3 tháng; ngày nghỉ hưu 30/06/2025" in page  # months when there are some
    assert "0 tháng" not in page


@pytest.mark.django_db
def test_the_person_page_in_english_writes_years(as_):
    client = as_("editor")
    client.cookies["django_language"] = "en"
    page = text(client.get("/co-quan/bqlkkt/nhan-su/p001/?on=12/03/2020"))

    assert "(56 years on 12/03/2020)" in page
    assert "at 61 years 3 months; retires on 30/06/2025" in page


def test_the_age_filter_writes_months_only_when_there_are_some():
    assert age(Age(60)) == "60 tuổi"
    assert age(Age(61, 3)) == "61 tuổi 3 tháng"
    assert age(None) == ""
