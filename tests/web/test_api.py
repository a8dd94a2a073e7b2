"""The API answers as its OpenAPI document says."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from openapi_spec_validator import validate

from tinhgon.web import models
from tinhgon.web.api import token_digest


@pytest.fixture
def api(users, client):
    """A client speaking to the API as a user of a given role."""

    def make(role: str):  # type: ignore[no-untyped-def]
        token = f"t-{role}"
        models.ApiToken.objects.get_or_create(
            user=users[role], name="t", digest=token_digest(token)
        )
        headers = {"Authorization": f"Bearer {token}"}

        class Api:
            def get(self, url: str):  # type: ignore[no-untyped-def]
                return client.get(url, headers=headers)

            def post(self, url: str, body: dict):  # type: ignore[no-untyped-def, type-arg]
                return client.post(url, body, content_type="application/json", headers=headers)

        return Api()

    return make


@pytest.mark.django_db
def test_the_openapi_document_is_valid_and_lists_the_endpoints(client):
    document = client.get("/api/v1/openapi.json").json()

    validate(document)
    paths = set(document["paths"])
    for path in (
        "/api/v1/agencies/{code}/structure",
        "/api/v1/agencies/{code}/compare",
        "/api/v1/agencies/{code}/check",
        "/api/v1/agencies/{code}/plans",
        "/api/v1/agencies/{code}/plans/{pid}/{action}",
    ):
        assert path in paths
    assert "BearerToken" in document["components"]["securitySchemes"]


@pytest.mark.django_db
def test_structure_on_a_date(api):
    data = api("viewer").get("/api/v1/agencies/bqlkkt/structure?on=2019-12-31").json()

    assert data["metrics"]["departments"] == 4
    [root] = data["units"]
    assert root["head"]["name"] == "Nguyễn Văn Hùng"


@pytest.mark.django_db
def test_structure_accepts_dd_mm_yyyy_and_refuses_a_bad_date(api):
    viewer = api("viewer")

    assert viewer.get("/api/v1/agencies/bqlkkt/structure?on=31/12/2019").status_code == 200
    bad = viewer.get("/api/v1/agencies/bqlkkt/structure?on=2019-13-45")
    assert bad.status_code == 422
    assert "không có thật" in bad.json()["detail"]


@pytest.mark.django_db
def test_compare_gives_the_seed_numbers_and_findings_on_each_side(api):
    data = (
        api("viewer")
        .get("/api/v1/agencies/bqlkkt/compare?before=2018-01-01&after=2019-12-31")
        .json()
    )

    assert (data["before"]["metrics"]["departments"], data["after"]["metrics"]["departments"]) == (
        6,
        4,
    )
    assert (
        data["before"]["metrics"]["department_leaders"],
        data["after"]["metrics"]["department_leaders"],
    ) == (16, 11)
    assert data["after"]["findings"]["violation"] == 0
    assert any(c["kind"] == "units_merged" for c in data["changes"])


@pytest.mark.django_db
def test_check_with_a_plan_reports_its_violation(api):
    data = (
        api("viewer")
        .get("/api/v1/agencies/bqlkkt/check?on=2020-12-31&plan=phuong-an-3-phong")
        .json()
    )

    violations = [f for f in data["findings"] if f["severity"] == "violation"]
    assert [f["rule"] for f in violations] == ["EZ-1"]
    assert violations[0]["verified"] is False
    assert violations[0]["actual"] == 3
    assert violations[0]["limit"] == 2


@pytest.mark.django_db
def test_an_unknown_plan_is_404(api):
    assert (
        api("viewer").get("/api/v1/agencies/bqlkkt/check?on=2020-12-31&plan=nope").status_code
        == 404
    )


@pytest.mark.django_db
def test_a_plan_goes_through_its_workflow_by_api(api, approving_decision):
    editor, approver = api("editor"), api("approver")
    created = editor.post("/api/v1/agencies/bqlkkt/plans", {"title": "Qua API"})
    assert created.status_code == 201
    plan = created.json()

    added = editor.post(
        f"/api/v1/agencies/bqlkkt/plans/{plan['id']}/changes",
        {
            "version": plan["version"],
            "change": {"kind": "merge", "on": "2021-01-01", "units": ["tnmt"], "into": "qhxd"},
        },
    ).json()
    submitted = editor.post(
        f"/api/v1/agencies/bqlkkt/plans/{plan['id']}/submit",
        {"version": added["version"], "on": "2020-09-01"},
    ).json()
    approved = approver.post(
        f"/api/v1/agencies/bqlkkt/plans/{plan['id']}/approve",
        {"version": submitted["version"], "decision_symbol": "800/QĐ-UBND"},
    ).json()
    done = approver.post(
        f"/api/v1/agencies/bqlkkt/plans/{plan['id']}/implement", {"version": approved["version"]}
    ).json()

    assert [submitted["status"], approved["status"], done["status"]] == [
        "submitted",
        "approved",
        "implemented",
    ]
    after = editor.get("/api/v1/agencies/bqlkkt/structure?on=2021-01-01").json()
    assert after["metrics"]["departments"] == 3


@pytest.mark.django_db
def test_a_change_that_cannot_apply_is_422_with_the_reason(api):
    plan = api("editor").get("/api/v1/agencies/bqlkkt/plans/phuong-an-3-phong").json()

    response = api("editor").post(
        "/api/v1/agencies/bqlkkt/plans/phuong-an-3-phong/changes",
        {
            "version": plan["version"],
            "change": {"kind": "dissolve", "on": "2021-01-01", "unit": "vp"},
        },
    )

    assert response.status_code == 422
    assert "chưa được bố trí" in response.json()["detail"]
    assert "nowhere to go" in response.json()["detail_en"]


@pytest.mark.django_db
def test_a_stale_version_is_409(api):
    plan = api("editor").get("/api/v1/agencies/bqlkkt/plans/phuong-an-3-phong").json()
    change = {"kind": "relieve", "on": "2020-10-01", "person": "p031"}
    api("editor").post(
        "/api/v1/agencies/bqlkkt/plans/phuong-an-3-phong/changes",
        {"version": plan["version"], "change": change},
    )

    response = api("province_admin").post(
        "/api/v1/agencies/bqlkkt/plans/phuong-an-3-phong/changes",
        {"version": plan["version"], "change": change},
    )

    assert response.status_code == 409
    assert "vừa được người khác lưu" in response.json()["detail"]


@pytest.mark.django_db
def test_approving_without_a_decision_is_422(api):
    plan = api("editor").get("/api/v1/agencies/bqlkkt/plans/phuong-an-3-phong").json()
    submitted = (
        api("editor")
        .post(
            "/api/v1/agencies/bqlkkt/plans/phuong-an-3-phong/submit", {"version": plan["version"]}
        )
        .json()
    )

    response = api("approver").post(
        "/api/v1/agencies/bqlkkt/plans/phuong-an-3-phong/approve", {"version": submitted["version"]}
    )

    assert response.status_code == 422


@pytest.mark.django_db
def test_the_api_documentation_page_is_served_without_any_cdn(client):
    import re

    page = client.get("/api/v1/docs")

    assert page.status_code == 200
    assert not re.search(r'(src|href)="(https?:)?//', page.content.decode())
    assert "script-src 'self'" in page["Content-Security-Policy"]


@pytest.mark.django_db
@pytest.mark.parametrize("symbol", ["108/2014/NĐ-CP", "61/QĐ-BQLKKT", "1402/QĐ-UBND"])
def test_the_api_approves_only_by_the_right_decision(api, symbol):
    plan = api("editor").get("/api/v1/agencies/bqlkkt/plans/phuong-an-3-phong").json()
    submitted = (
        api("editor")
        .post(
            "/api/v1/agencies/bqlkkt/plans/phuong-an-3-phong/submit", {"version": plan["version"]}
        )
        .json()
    )

    response = api("approver").post(
        "/api/v1/agencies/bqlkkt/plans/phuong-an-3-phong/approve",
        {"version": submitted["version"], "decision_symbol": symbol},
    )

    assert response.status_code == 422
    assert (
        api("viewer").get("/api/v1/agencies/bqlkkt/plans/phuong-an-3-phong").json()["status"]
        == "submitted"
    )


@pytest.mark.django_db
def test_a_401_says_how_to_authenticate_and_why_a_token_was_refused(users, client):
    import datetime as dt

    from django.utils import timezone

    from tinhgon.web.tokens import token_create, token_revoke

    now = timezone.now()
    _, expired = token_create(
        user=users["viewer"], name="cũ", days=1, now=now - dt.timedelta(days=2)
    )
    row, revoked = token_create(user=users["viewer"], name="thu hồi", days=30, now=now)
    token_revoke(token=row, now=now)
    _, good = token_create(user=users["viewer"], name="tốt", days=30, now=now)

    def get(token: str | None):  # type: ignore[no-untyped-def]
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return client.get("/api/v1/agencies", headers=headers)

    none, old, gone, fine = get(None), get(expired), get(revoked), get(good)

    assert none.status_code == 401
    assert none["WWW-Authenticate"] == 'Bearer realm="tinhgon"'
    assert old.status_code == 401
    assert 'error="invalid_token"' in old["WWW-Authenticate"]
    assert "hết hạn" in old.json()["detail"]
    assert gone.status_code == 401
    assert "thu hồi" in gone.json()["detail"]
    assert fine.status_code == 200


@pytest.mark.django_db
def test_a_user_makes_sees_and_revokes_their_tokens_on_their_page(as_, users, client):
    page = as_("viewer")

    made = page.post("/tai-khoan/ma-api/", {"name": "báo cáo tháng", "days": "30"})
    value = re.search(r'<code id="new-token">([^<]+)</code>', made.content.decode()).group(1)
    assert (
        client.get("/api/v1/agencies", headers={"Authorization": f"Bearer {value}"}).status_code
        == 200
    )
    listing = page.get("/tai-khoan/ma-api/").content.decode()
    assert "báo cáo tháng" in listing
    assert value not in listing
    row = models.ApiToken.objects.get(user=users["viewer"], name="báo cáo tháng")
    page.post("/tai-khoan/ma-api/", {"revoke": row.pk})

    assert (
        client.get("/api/v1/agencies", headers={"Authorization": f"Bearer {value}"}).status_code
        == 401
    )
    # Another user's token cannot be revoked from one's own page.
    other = models.ApiToken.objects.create(user=users["editor"], name="x", digest="0" * 64)
    assert as_("viewer").post("/tai-khoan/ma-api/", {"revoke": other.pk}).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "url", "body"),
    [
        ("post", "/api/v1/agencies/bqlkkt/plans", {"title": "a\x00b"}),
        ("get", "/api/v1/agencies/bq%00lkkt/plans", None),
        (
            "post",
            "/api/v1/agencies/bqlkkt/plans/phuong-an-3-phong/approve",
            {"version": 1, "decision_symbol": "1\x00"},
        ),
    ],
)
def test_an_api_request_with_a_nul_character_is_a_400_not_a_500(api, method, url, body):
    client = api("system_admin")
    before = models.Plan.objects.count()

    response = client.get(url) if method == "get" else client.post(url, body)

    assert response.status_code == 400
    assert "NUL" in response.json()["detail_en"]
    assert models.Plan.objects.count() == before


@pytest.mark.django_db
def test_the_api_takes_the_submission_date_and_refuses_an_earlier_decision(
    api, kontum, approving_decision
):
    plan = models.Plan.objects.get(agency=kontum, pid="phuong-an-3-phong")
    submitted = api("editor").post(
        f"/api/v1/agencies/bqlkkt/plans/{plan.pid}/submit",
        {"version": plan.version, "on": "2020-09-16"},
    )
    assert submitted.status_code == 200
    plan.refresh_from_db()
    assert plan.submitted_on == dt.date(2020, 9, 16)
    refused = api("approver").post(
        f"/api/v1/agencies/bqlkkt/plans/{plan.pid}/approve",
        {"version": plan.version, "decision_symbol": "800/QĐ-UBND"},
    )
    assert refused.status_code in (409, 422)
    plan.refresh_from_db()
    assert plan.status == "submitted"


@pytest.mark.django_db
def test_the_check_gives_its_findings_a_page_at_a_time(api):
    url = "/api/v1/agencies/bqlkkt/check?on=2020-12-31&plan=phuong-an-3-phong"
    whole = api("viewer").get(url).json()
    assert whole["total"] == len(whole["findings"]) >= 2
    first = api("viewer").get(url + "&limit=1").json()
    rest = api("viewer").get(url + "&offset=1").json()
    assert first["findings"] + rest["findings"] == whole["findings"]
    assert (first["total"], first["offset"], first["limit"]) == (whole["total"], 0, 1)
    assert api("viewer").get(url + "&limit=-1").status_code == 422
