"""The permission matrix, generated from the URL configuration: every page, export, action and
API endpoint that exists (including those added later) against every kind of user, so that a
new page cannot escape the rules.

For every URL and user, GET and POST:
- nothing answers 500;
- an anonymous visitor is sent to the login page (401 in the API), except on the few public
  pages listed below;
- a user without a role on the agency (no role at all, an editor of another agency, the
  administrator of another province) gets 404 and never sees the agency's name;
- a viewer writes nothing: a POST leaves the database as it was (only an export may be
  recorded in the audit log);
- everyone with a role gets an answer (200, a redirect, 400/403/404/405/409/422), never 500.

A URL with a parameter this file has no sample for fails the test: add the sample, and the new
page is in the matrix.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests.web.conftest import client_for, make_user
from tinhgon.web import models
from tinhgon.web.api import token_digest

# Parameter samples: (url name or "*", parameter) → value.
SAMPLES: dict[tuple[str, str], str] = {
    ("*", "code"): "bqlkkt",
    ("person", "pid"): "p001",
    ("*", "pid"): "phuong-an-3-phong",
    ("*", "index"): "0",
    ("*", "action"): "submit",
    ("*", "token"): "khong-co-tep-nay",
    ("*", "what"): "nhan-su",
    ("*", "paper"): "proposal",
    ("*", "fmt"): "txt",
    ("*", "seq"): "1",
}
# Pages anyone may open without logging in.
PUBLIC = {"login", "logout", "set_language", "spreadsheet_template"}
PUBLIC_API = {"openapi-json", "openapi-view", "api-root"}
# What every API GET carries, so that a missing parameter is not what answers.
API_QUERY = "?on=2019-12-31&before=2018-01-01&after=2019-12-31"
# 405 (method not allowed) and, for an API body that does not match the schema, 422 answer
# before anything of the agency is read: they tell nothing.
NEUTRAL = {405}
NEUTRAL_API_POST = {405, 422}

OUTSIDERS = ["outsider", "other_admin", "other_agency_editor"]
INSIDERS = ["viewer", "editor", "approver", "province_admin", "system_admin"]


def _walk(patterns: list[Any], prefix: str = "") -> list[tuple[str, str]]:
    """(name, route) of every URL, routes joined with their includes."""
    out: list[tuple[str, str]] = []
    for pattern in patterns:
        route = prefix + str(pattern.pattern).lstrip("^").rstrip("$")
        if isinstance(pattern, URLResolver):
            out.extend(_walk(pattern.url_patterns, route))
        elif isinstance(pattern, URLPattern):
            out.append((pattern.name or "", route))
    return out


def _fill(name: str, route: str) -> str:
    def sample(match: re.Match[str]) -> str:
        parameter = match.group(2)
        for key in ((name, parameter), ("*", parameter)):
            if key in SAMPLES:
                return SAMPLES[key]
        pytest.fail(f"no sample for <{parameter}> of URL '{name}' ({route}): add one to SAMPLES")

    return "/" + re.sub(r"<(\w+:)?(\w+)>", sample, route)


def all_urls() -> list[tuple[str, str]]:
    return [(name, _fill(name, route)) for name, route in _walk(get_resolver().url_patterns)]


URLS = all_urls()


def test_the_matrix_covers_every_url_of_the_configuration():
    names = {name for name, _ in URLS}

    # Pages, exports, actions and the API are all there (a sample of each).
    assert {"dashboard", "staff_export", "agency_export", "plan_transition", "memberships"} <= names
    assert any(url.startswith("/api/v1/agencies/bqlkkt/") for _, url in URLS)
    assert len(URLS) >= 30


def _counts() -> dict[str, int]:
    return {
        "changes": models.ChangeRecord.objects.count(),
        "plans": models.Plan.objects.count(),
        "plan_versions": sum(models.Plan.objects.values_list("version", flat=True)),
        "documents": models.Document.objects.count(),
        "people": models.Person.objects.count(),
        "memberships": models.Membership.objects.count(),
        "agencies": models.Agency.objects.count(),
        "tokens": models.ApiToken.objects.count(),
        "audit": models.AuditEntry.objects.exclude(action="export").count(),
    }


def _client(
    role: str, users: dict[str, Any], other: models.Agency
) -> tuple[Client, dict[str, str]]:
    if role == "anonymous":
        return Client(), {}
    if role == "other_agency_editor":
        user = make_user("other_agency_editor")
        models.Membership.objects.create(user=user, agency=other, role="editor")
    else:
        user = users[role]
    value = f"matrix-{role}"
    models.ApiToken.objects.create(user=user, name="m", digest=token_digest(value))
    return client_for(user), {"Authorization": f"Bearer {value}"}


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", *OUTSIDERS, *INSIDERS])
def test_every_url_against_every_kind_of_user(users, other, role):
    client, headers = _client(role, users, other)
    before = _counts()
    problems: list[str] = []
    for name, url in URLS:
        if name == "logout":
            continue  # would end the session the rest of the matrix uses
        api = url.startswith("/api/")
        methods = ["get", "post"] if role in ("anonymous", "viewer", *OUTSIDERS) else ["get"]
        for method in methods:
            if api:
                response = getattr(client, method)(
                    url + (API_QUERY if method == "get" else ""),
                    data={} if method == "get" else "{}",
                    headers=headers,
                    **({"content_type": "application/json"} if method == "post" else {}),
                )
            else:
                response = getattr(client, method)(url)
            status = response.status_code
            where = f"{method.upper()} {url} ({name}) as {role}: {status}"
            if status >= 500:
                problems.append(where)
                continue
            if status in NEUTRAL or (api and method == "post" and status in NEUTRAL_API_POST):
                continue
            if role == "anonymous":
                if api and name not in PUBLIC_API and status != 401:
                    problems.append(where + " (expected 401)")
                if (
                    not api
                    and name not in PUBLIC
                    and not (status == 302 and response["Location"].startswith("/dang-nhap/"))
                ):
                    problems.append(where + " (expected the login page)")
                continue
            if role in OUTSIDERS and "/bqlkkt/" in url:
                if status != 404:
                    problems.append(where + " (expected 404)")
                elif "Kon Tum" in response.content.decode(errors="replace"):
                    problems.append(where + " (the agency's name leaked)")
    assert problems == [], "\n".join(problems)
    if role in ("anonymous", "viewer", *OUTSIDERS):
        assert _counts() == before
