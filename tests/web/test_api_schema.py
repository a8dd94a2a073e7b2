"""Schema-driven tests of the API (schemathesis): requests generated from the OpenAPI document,
valid and not, as a user with every right — never a server error. Kept to a few examples per
operation for the CI's time."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from tinhgon.web import models
from tinhgon.web.tokens import token_digest
from tinhgon.web.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """Requests go straight to the WSGI application, not through Django's test client: keep
    the test's database connection open across them as the test client does (otherwise the end
    of a request closes it, inside the test's transaction, on PostgreSQL)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def token(users):  # type: ignore[no-untyped-def]
    models.ApiToken.objects.create(
        user=users["system_admin"], name="schema", digest=token_digest("schema-token")
    )
    return "schema-token"


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_the_api_never_answers_a_server_error(case, token):  # type: ignore[no-untyped-def]
    if "code" in (case.path_parameters or {}):
        case.path_parameters["code"] = "bqlkkt"
    case.call_and_validate(
        headers={"Authorization": f"Bearer {token}"}, checks=[not_a_server_error]
    )
