"""Every role against every action, in pages and the API, and nothing of another agency."""

from __future__ import annotations

import pytest

from tests.web.conftest import client_for
from tinhgon.web import models
from tinhgon.web.api import token_digest

ROLES = [
    "viewer",
    "editor",
    "approver",
    "province_admin",
    "system_admin",
    "outsider",
    "other_admin",
]
SEES = {"viewer", "editor", "approver", "province_admin", "system_admin"}
EDITS = {"editor", "province_admin", "system_admin"}
APPROVES = {"approver", "province_admin", "system_admin"}

PAGES = [
    "/co-quan/bqlkkt/?on=31/12/2019",
    "/co-quan/bqlkkt/so-do/?on=31/12/2019",
    "/co-quan/bqlkkt/nhan-su/?on=31/12/2019",
    "/co-quan/bqlkkt/nhan-su/p001/?on=31/12/2019",
    "/co-quan/bqlkkt/lich-su/",
    "/co-quan/bqlkkt/van-ban/",
    "/co-quan/bqlkkt/de-an/",
    "/co-quan/bqlkkt/de-an/phuong-an-3-phong/",
    "/co-quan/bqlkkt/de-an/so-sanh/?p=phuong-an-3-phong",
    "/co-quan/bqlkkt/nhat-ky/",
    "/co-quan/bqlkkt/xuat/",
]


def expected(role: str, allowed: set[str]) -> int:
    if role not in SEES:
        return 404
    return 200 if role in allowed else 403


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url", PAGES)
def test_pages_of_an_agency_are_seen_only_by_those_with_a_role_on_it(as_, role, url):
    response = as_(role).get(url)

    assert response.status_code == expected(role, SEES)
    if response.status_code == 404:
        assert "Kon Tum" not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_replacing_an_agency_with_a_project_file_is_for_administrators(as_, role):
    assert as_(role).get("/co-quan/bqlkkt/nhap/").status_code == expected(
        role, {"province_admin", "system_admin"}
    )


def _post(client, url, data):  # type: ignore[no-untyped-def]
    return client.post(url, data)


def _version() -> int:
    return models.Plan.objects.get(pid="phuong-an-3-phong").version


WRITES = {
    "record a change": (
        EDITS,
        lambda: (
            "/co-quan/bqlkkt/lich-su/ghi-nhan/",
            {
                "kind": "relieve",
                "on": "01/03/2021",
                "basis": "61/QĐ-BQLKKT|2020-05-15",
                "person": "p031",
            },
        ),
    ),
    "add a document": (
        EDITS | APPROVES,
        lambda: (
            "/co-quan/bqlkkt/van-ban/",
            {
                "symbol": "77/QĐ-BQLKKT",
                "kind": "decision",
                "issued_on": "01/02/2021",
                "issuer": "Ban",
                "title": "Quyết định",
            },
        ),
    ),
    "create a plan": (EDITS, lambda: ("/co-quan/bqlkkt/de-an/", {"title": "Phương án mới"})),
    "add a plan change": (
        EDITS,
        lambda: (
            "/co-quan/bqlkkt/de-an/phuong-an-3-phong/them/",
            {"kind": "relieve", "on": "01/10/2020", "person": "p031", "version": _version()},
        ),
    ),
    "submit a plan": (
        EDITS,
        lambda: ("/co-quan/bqlkkt/de-an/phuong-an-3-phong/submit/", {"version": _version()}),
    ),
    "return a plan": (
        APPROVES,
        lambda: ("/co-quan/bqlkkt/de-an/phuong-an-3-phong/return/", {"version": _version()}),
    ),
    "reject a plan": (
        APPROVES,
        lambda: (
            "/co-quan/bqlkkt/de-an/phuong-an-3-phong/reject/",
            {"version": _version(), "reason": "x"},
        ),
    ),
    "approve a plan": (
        APPROVES,
        lambda: ("/co-quan/bqlkkt/de-an/phuong-an-3-phong/approve/", {"version": _version()}),
    ),
    "implement a plan": (
        APPROVES,
        lambda: ("/co-quan/bqlkkt/de-an/phuong-an-3-phong/implement/", {"version": _version()}),
    ),
    "remove a plan change": (
        EDITS,
        lambda: ("/co-quan/bqlkkt/de-an/phuong-an-3-phong/bo/0/", {"version": _version()}),
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(WRITES))
def test_every_write_is_refused_to_roles_without_the_right(as_, role, action):
    allowed, request = WRITES[action]
    url, data = request()
    before = models.AuditEntry.objects.count()

    response = _post(as_(role), url, data)

    if role not in SEES:
        assert response.status_code == 404
    elif role in allowed:
        assert response.status_code == 302
    else:
        assert response.status_code == 403
    if response.status_code != 302:
        assert models.AuditEntry.objects.count() == before


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_only_administrators_create_agencies(as_, role):
    status = as_(role).get("/co-quan/moi/").status_code

    assert status == (200 if role in ("province_admin", "system_admin", "other_admin") else 403)


@pytest.mark.django_db
def test_the_home_page_lists_only_the_agencies_a_user_may_see(as_):
    assert "Kon Tum" in as_("viewer").get("/").content.decode()
    assert "Bí Mật" not in as_("viewer").get("/").content.decode()
    assert "Bí Mật" in as_("other_admin").get("/").content.decode()
    assert "Kon Tum" not in as_("other_admin").get("/").content.decode()
    page = as_("system_admin").get("/").content.decode()
    assert "Kon Tum" in page
    assert "Bí Mật" in page


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_the_login_page(client, kontum):
    response = client.get("/co-quan/bqlkkt/")

    assert response.status_code == 302
    assert response["Location"].startswith("/dang-nhap/")


# -- the API, with tokens ---------------------------------------------------------------------


def token_for(user) -> str:  # type: ignore[no-untyped-def]
    value = f"token-{user.username}"
    models.ApiToken.objects.create(user=user, name="t", digest=token_digest(value))
    return value


API_READS = [
    "/api/v1/agencies/bqlkkt/structure?on=2019-12-31",
    "/api/v1/agencies/bqlkkt/compare?before=2018-01-01&after=2019-12-31",
    "/api/v1/agencies/bqlkkt/check?on=2019-12-31",
    "/api/v1/agencies/bqlkkt/plans",
    "/api/v1/agencies/bqlkkt/plans/phuong-an-3-phong",
]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url", API_READS)
def test_the_api_has_the_same_scopes_as_the_pages(users, client, role, url):
    token = token_for(users[role])

    response = client.get(url, headers={"Authorization": f"Bearer {token}"})

    assert response.status_code == (200 if role in SEES else 404)
    if response.status_code == 404:
        assert "Kon Tum" not in response.content.decode()


API_WRITES = {
    "create a plan": (EDITS, "/api/v1/agencies/bqlkkt/plans", lambda: {"title": "Qua API"}),
    "submit": (
        EDITS,
        "/api/v1/agencies/bqlkkt/plans/phuong-an-3-phong/submit",
        lambda: {"version": _version()},
    ),
    "return": (
        APPROVES,
        "/api/v1/agencies/bqlkkt/plans/phuong-an-3-phong/return",
        lambda: {"version": _version()},
    ),
    "add a change": (
        EDITS,
        "/api/v1/agencies/bqlkkt/plans/phuong-an-3-phong/changes",
        lambda: {
            "version": _version(),
            "change": {"kind": "relieve", "on": "2020-10-01", "person": "p031"},
        },
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(API_WRITES))
def test_api_writes_need_the_right_role(users, client, role, action):
    allowed, url, body = API_WRITES[action]
    token = token_for(users[role])

    response = client.post(
        url, body(), content_type="application/json", headers={"Authorization": f"Bearer {token}"}
    )

    if role not in SEES:
        assert response.status_code == 404
    elif role in allowed:
        assert response.status_code in (
            200,
            201,
            422,
        )  # 422: the right is there, the plan's state is not
    else:
        assert response.status_code == 403


@pytest.mark.django_db
def test_the_api_refuses_requests_without_a_valid_token(client, kontum):
    assert client.get("/api/v1/agencies").status_code == 401
    assert (
        client.get("/api/v1/agencies", headers={"Authorization": "Bearer nope"}).status_code == 401
    )


@pytest.mark.django_db
def test_a_session_does_not_open_the_api(as_):
    assert as_("system_admin").get("/api/v1/agencies").status_code == 401


@pytest.mark.django_db
def test_the_api_lists_only_visible_agencies(users, client):
    token = token_for(users["other_admin"])

    data = client.get("/api/v1/agencies", headers={"Authorization": f"Bearer {token}"}).json()

    assert [a["code"] for a in data] == ["so-noi-vu-x"]


@pytest.mark.django_db
def test_an_inactive_users_token_no_longer_works(users, client):
    token = token_for(users["viewer"])
    users["viewer"].is_active = False
    users["viewer"].save()

    assert (
        client.get("/api/v1/agencies", headers={"Authorization": f"Bearer {token}"}).status_code
        == 401
    )


def test_client_helper_logs_in(users):  # a guard for the fixtures themselves
    assert client_for(users["viewer"]).get("/").status_code == 200


MANAGES = {"province_admin", "system_admin"}


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_roles_are_managed_only_by_administrators(as_, role):
    assert as_(role).get("/co-quan/bqlkkt/phan-quyen/").status_code == expected(role, MANAGES)
    posted = as_(role).post("/co-quan/bqlkkt/phan-quyen/", {"username": "moi", "role": "viewer"})
    assert posted.status_code == (302 if role in MANAGES else expected(role, MANAGES))
