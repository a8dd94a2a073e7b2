"""Agencies and users for the web tests: the Kon Tum example, another agency in another
province, and one user for each role."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tinhgon.domain import Project
from tinhgon.io import parse_project
from tinhgon.web import models, services

EXAMPLE = Path(__file__).parents[2] / "examples" / "kontum-ez-board.yaml"

OTHER = """\
tinhgon: 1
agency:
  id: so-noi-vu-x
  name: Sở Nội vụ tỉnh Bí Mật
  kind: provincial_department
  agency_type: provincial_department
  province_class: II
baseline: {on: 2020-01-01, basis: 01/BC-SNV}
documents:
  - {symbol: 01/BC-SNV, issued_on: 2019-12-20, issuer: Sở Nội vụ, title: Báo cáo}
units:
  - {id: vp-x, name: Văn phòng Sở, kind: office}
people:
  - {id: x1, name: Người Bí Mật, born: 1980, sex: male, category: civil_servant, unit: vp-x, role: head}
"""

PASSWORD = "mật-khẩu-thử-2026"


def make_user(username: str, **extra: object) -> object:
    return get_user_model().objects.create_user(username=username, password=PASSWORD, **extra)


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """Argon2 is what runs (test_security checks it); tests use a fast hasher."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@functools.cache
def kontum_project() -> Project:
    return parse_project(EXAMPLE.read_text(encoding="utf-8"), name=EXAMPLE.name)


@pytest.fixture
def kontum(db):
    province = models.Province.objects.create(code="kon-tum", name="Kon Tum")
    return services.agency_import(
        text="", filename=EXAMPLE.name, user=None, province=province, project=kontum_project()
    )


@pytest.fixture
def other(db):
    province = models.Province.objects.create(code="bi-mat", name="Bí Mật")
    return services.agency_import(text=OTHER, filename="other.yaml", user=None, province=province)


@pytest.fixture
def users(kontum, other):
    """One user for each role on the Kon Tum board, and some with no right on it."""
    made = {
        "viewer": make_user("viewer"),
        "editor": make_user("editor"),
        "approver": make_user("approver"),
        "province_admin": make_user("province_admin"),
        "other_admin": make_user("other_admin"),
        "system_admin": get_user_model().objects.create_superuser(
            username="root", password=PASSWORD
        ),
        "outsider": make_user("outsider"),
    }
    for role in ("viewer", "editor", "approver"):
        models.Membership.objects.create(user=made[role], agency=kontum, role=role)
    models.ProvinceAdmin.objects.create(user=made["province_admin"], province=kontum.province)
    models.ProvinceAdmin.objects.create(user=made["other_admin"], province=other.province)
    return made


def client_for(user: object) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def as_(users):
    """as_('editor') → a logged-in test client for that role."""
    return lambda role: client_for(users[role])


@pytest.fixture
def approving_decision(kontum, users):
    """A decision of the province's people's committee that may approve the example's plan
    (which takes effect on 01/10/2020)."""
    return services.document_add(
        agency=kontum,
        data={
            "symbol": "800/QĐ-UBND",
            "kind": "decision",
            "issued_on": "2020-09-15",
            "issuer": "UBND tỉnh Kon Tum",
            "title": "Phê duyệt phương án sắp xếp các phòng",
        },
        user=users["system_admin"],
    )
