"""Passwords, login throttling, CSRF and the first administrator."""

from __future__ import annotations

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.test import Client

from tinhgon.web import bootstrap, models


def test_passwords_are_hashed_with_argon2_in_the_real_settings():
    from tinhgon.web import settings as real

    assert real.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    assert django_settings.SESSION_COOKIE_HTTPONLY


@pytest.mark.django_db
def test_an_argon2_hash_is_what_a_new_password_becomes(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]

    user = get_user_model().objects.create_user(username="a", password="mot-mat-khau-dai")

    assert user.password.startswith("argon2$")


@pytest.mark.django_db
def test_logging_in_works_and_is_throttled_after_five_failures(users):
    client = Client()
    for _ in range(5):
        client.post("/dang-nhap/", {"username": "viewer", "password": "sai"})

    locked = client.post("/dang-nhap/", {"username": "viewer", "password": "mật-khẩu-thử-2026"})

    assert locked.status_code == 429
    assert "Tạm khóa đăng nhập" in locked.content.decode()
    other = Client().post("/dang-nhap/", {"username": "editor", "password": "mật-khẩu-thử-2026"})
    assert other.status_code == 302


@pytest.mark.django_db
def test_a_form_posted_without_its_csrf_token_is_refused(users):
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["editor"])

    response = client.post("/co-quan/bqlkkt/de-an/", {"title": "Không có mã CSRF"})

    assert response.status_code == 403
    assert not models.Plan.objects.filter(title="Không có mã CSRF").exists()


@pytest.mark.django_db
def test_the_first_start_loads_the_example_and_makes_one_administrator_with_a_generated_password():
    agency = bootstrap.load_example_if_empty()
    first = bootstrap.create_first_admin()

    assert agency is not None
    assert agency.province.name == "Kon Tum"
    assert first is not None
    username, password = first
    assert len(password) >= 16
    assert get_user_model().objects.get(username=username).check_password(password)
    assert bootstrap.create_first_admin() is None
    assert bootstrap.load_example_if_empty() is None


@pytest.mark.django_db
def test_two_first_starts_give_two_different_passwords():
    first = bootstrap.create_first_admin()
    get_user_model().objects.all().delete()

    second = bootstrap.create_first_admin()

    assert first is not None
    assert second is not None
    assert first[1] != second[1]
