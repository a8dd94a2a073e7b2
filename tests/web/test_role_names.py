"""Role names follow the page's language; the stored values do not change (issue 11)."""

from __future__ import annotations

import re

import pytest

from tinhgon.web import models


def cells(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.django_db
def test_roles_are_in_english_when_english_is_chosen(as_, users):
    client = as_("province_admin")
    client.cookies["django_language"] = "en"

    html = client.get("/co-quan/bqlkkt/phan-quyen/").content.decode()

    assert '<option value="editor">editor</option>' in html
    assert '<option value="approver">approver</option>' in html
    assert '<option value="province_admin">province administrator</option>' in html
    assert "cập nhật" not in cells(html)
    assert models.Membership.objects.get(user=users["editor"]).role == "editor"
    assert " editor " in cells(html)


@pytest.mark.django_db
def test_roles_stay_in_vietnamese_by_default(as_):
    html = as_("province_admin").get("/co-quan/bqlkkt/phan-quyen/").content.decode()

    assert '<option value="editor">cập nhật</option>' in html
    assert '<option value="viewer">xem</option>' in html
    assert "phê duyệt" in cells(html)


def test_the_roles_choices_keep_their_stored_values():
    assert models.Role.values == ["viewer", "editor", "approver"]
