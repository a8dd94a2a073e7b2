"""Dates out of range are a clear 400; error pages in Vietnamese (and English) with navigation."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from tinhgon.web.views.errors import server_error


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/co-quan/bqlkkt/?on=31/12/9999",
        "/co-quan/bqlkkt/so-do/?on=31/12/9999",
        "/co-quan/bqlkkt/nhan-su/?on=01/01/0001",
    ],
)
def test_a_date_out_of_range_is_a_clear_400(as_, url):
    response = as_("viewer").get(url)

    assert response.status_code == 400
    body = response.content.decode()
    assert "Yêu cầu không hợp lệ" in body
    assert "31/12/2100" in body
    assert 'href="/"' in body


@pytest.mark.django_db
def test_the_api_answers_400_for_a_date_out_of_range(users, client):
    from tinhgon.web import models
    from tinhgon.web.api import token_digest

    models.ApiToken.objects.create(user=users["viewer"], name="t", digest=token_digest("tok"))
    response = client.get(
        "/api/v1/agencies/bqlkkt/structure?on=9999-12-31", headers={"Authorization": "Bearer tok"}
    )

    assert response.status_code == 400


@pytest.mark.django_db
def test_the_404_page_is_in_vietnamese_with_the_navigation(as_):
    response = as_("viewer").get("/khong-co-trang-nay/")

    assert response.status_code == 404
    body = response.content.decode()
    assert "Không tìm thấy trang" in body
    assert "Về trang chủ" in body
    assert "Page not found" not in body


@pytest.mark.django_db
def test_the_404_page_is_in_english_when_english_is_chosen(as_):
    client = as_("viewer")
    client.cookies["django_language"] = "en"

    body = client.get("/khong-co-trang-nay/").content.decode()

    assert "Page not found" in body
    assert "Back to the home page" in body


@pytest.mark.django_db
def test_the_500_page_is_in_vietnamese_with_the_navigation(users):
    request = RequestFactory().get("/")
    request.user = users["viewer"]

    response = server_error(request)

    assert response.status_code == 500
    body = response.content.decode()
    assert "Đã có lỗi ở máy chủ" in body
    assert "Về trang chủ" in body
