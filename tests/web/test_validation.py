"""One validation for the forms and the API, with the database's limits; no default that would
let wrong data pass unnoticed; what was typed comes back with the error beside its field."""

from __future__ import annotations

import re

import pytest

from tinhgon.web import forms, models, repository
from tinhgon.web.api import token_digest


def _api(user, client):  # type: ignore[no-untyped-def]
    models.ApiToken.objects.get_or_create(user=user, name="t", digest=token_digest("tok"))
    return lambda url, body: client.post(
        url, body, content_type="application/json", headers={"Authorization": "Bearer tok"}
    )


@pytest.mark.django_db
@pytest.mark.parametrize("title", ["", "   ", "x" * 5000, "=1+1"])
def test_the_api_refuses_a_plan_title_the_form_refuses(users, client, title):
    post = _api(users["editor"], client)
    before = models.Plan.objects.count()

    response = post("/api/v1/agencies/bqlkkt/plans", {"title": title})

    assert response.status_code == 422
    assert models.Plan.objects.count() == before
    assert not forms.PlanCreateForm({"title": title}).is_valid()


@pytest.mark.django_db
def test_the_api_refuses_a_unit_name_longer_than_the_database_keeps(users, client):
    post = _api(users["editor"], client)
    plan = models.Plan.objects.get(pid="phuong-an-3-phong")
    change = {"kind": "rename", "on": "2021-01-01", "unit": "tnmt", "name": "P" * 100_000}

    response = post(
        "/api/v1/agencies/bqlkkt/plans/phuong-an-3-phong/changes",
        {"version": plan.version, "change": change},
    )

    assert response.status_code == 422
    assert "tối đa 300" in response.json()["detail"]
    plan.refresh_from_db()
    assert len(plan.changes) == len(models.Plan.objects.get(pk=plan.pk).changes)  # unchanged row
    assert all(c.get("name") != "P" * 100_000 for c in plan.changes)


def _form(kind, data, kontum, official=True):  # type: ignore[no-untyped-def]
    import datetime as dt

    project = repository.project_of(kontum)
    state = project.state_on(dt.date(2021, 1, 1))
    return forms.FORMS[kind](data, project=project, state=state, official=official)


@pytest.mark.django_db
def test_an_official_change_has_no_preselected_basis_nor_role(kontum):
    import datetime as dt

    project = repository.project_of(kontum)
    state = project.state_on(dt.date(2021, 1, 1))
    appoint = forms.AppointForm(
        project=project, state=state, official=True, initial={"kind": "appoint", "on": "01/01/2021"}
    )
    html = str(appoint)

    assert appoint.fields["basis"].choices[0][0] == ""
    assert appoint.fields["role"].choices[0][0] == ""
    assert appoint.fields["person"].choices[0][0] == ""
    assert not re.search(r'<option value="[^"]+" selected', html)
    refused = _form("appoint", {"kind": "appoint", "on": "01/01/2021", "person": "p001"}, kontum)
    assert not refused.is_valid()
    assert {"basis", "role"} <= set(refused.errors)


@pytest.mark.django_db
def test_a_hire_named_like_a_formula_is_refused_as_the_import_refuses_it(kontum):
    form = _form(
        "hire",
        {
            "kind": "hire",
            "on": "01/01/2021",
            "basis": "",
            "full_name": "=1+1",
            "born": "1990",
            "sex": "female",
            "category": "civil_servant",
            "unit": "tnmt",
            "role": "staff",
        },
        kontum,
        official=False,
    )

    assert not form.is_valid()
    assert "công thức" in str(form.errors["full_name"])


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("p012 2", "không đúng dạng"),
        ("nobody = 1", "không phải người của đơn vị"),
        ("{member} = 7", "từ 1 đến 2"),
        ("{member} = 0", "đơn vị cũ vẫn tiếp tục"),
    ],
)
def test_the_split_form_names_each_malformed_assignment_line(kontum, line, why):
    import datetime as dt

    state = repository.project_of(kontum).state_on(dt.date(2021, 1, 1))
    member = next(iter(state.members("tnmt"))).person_id
    form = _form(
        "split",
        {
            "kind": "split",
            "on": "01/01/2021",
            "unit": "tnmt",
            "new_names": "Phòng A\nPhòng B",
            "new_kind": "department",
            "assignment": line.format(member=member),
        },
        kontum,
        official=False,
    )

    assert not form.is_valid()
    assert why in str(form.errors["assignment"])
    assert "Dòng 1" in str(form.errors["assignment"])


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value", "why"),
    [
        ("born", "31/02/1990", "không có thật"),
        ("born", "1850", "không hợp lệ"),
        ("national_id", "12345", "12 chữ số"),
    ],
)
def test_the_hire_form_checks_birth_dates_and_personal_ids_beside_their_fields(
    kontum, field, value, why
):
    data = {
        "kind": "hire",
        "on": "01/01/2021",
        "full_name": "Nguyễn Văn Mới",
        "born": "1990",
        "sex": "male",
        "category": "civil_servant",
        "unit": "tnmt",
        "role": "staff",
    }
    form = _form("hire", data | {field: value}, kontum, official=False)

    assert not form.is_valid()
    assert why in str(form.errors[field])
