"""One read of an agency's stamp a request: the staff pages ask the database for it once; a
write in the same request, or from another connection between two requests, is still seen."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.web.conftest import client_for
from tinhgon.web import models, repository, services
from tinhgon.web.request_stamp import StampMiddleware

NEW_PERSON = {
    "id": "p901",
    "name": "Đặng Thị Vừa Ghi",
    "born": "1991",
    "sex": "female",
    "category": "civil_servant",
}
HIRE = {
    "kind": "hire",
    "on": "2021-03-01",
    "basis": "61/QĐ-BQLKKT",
    "person": "p901",
    "unit": "tnmt",
}


def _stamp_reads(queries: CaptureQueriesContext) -> int:
    """The reads of the stamp alone (``repository``'s; not the agency's whole row)."""
    return sum(1 for q in queries.captured_queries if '"stamp" AS "stamp" FROM' in q["sql"])


@pytest.mark.parametrize(
    "query", ["?on=30/06/2021", "?on=30/06/2021&q=nguyen", "?on=30/06/2021&unit=tnmt"]
)
@pytest.mark.django_db
def test_the_staff_pages_read_the_stamp_once(kontum, users, query):
    client = client_for(users["viewer"])
    url = reverse("staff", kwargs={"code": kontum.code}) + query
    assert client.get(url).status_code == 200  # the project and the date worked out
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert _stamp_reads(queries) == 1
    # Each request reads it again (another process may have written meanwhile).
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    assert _stamp_reads(queries) == 1


def _in_a_request(view):  # type: ignore[no-untyped-def]
    """Runs ``view`` the way a request runs through the middleware."""
    seen: list[object] = []

    def get_response(request: HttpRequest) -> HttpResponse:
        seen.append(view())
        return HttpResponse()

    StampMiddleware(get_response)(HttpRequest())
    return seen[0]


@pytest.mark.django_db
def test_a_write_within_a_request_is_seen_by_the_rest_of_it(kontum, users):
    def view():  # type: ignore[no-untyped-def]
        before = repository.project_of(kontum)
        services.person_register(agency=kontum, data=NEW_PERSON, user=users["editor"])
        services.change_record(agency=kontum, plain=HIRE, user=users["editor"])
        fresh = models.Agency.objects.get(pk=kontum.pk)  # another row object of the agency
        after = repository.project_of(fresh)
        with CaptureQueriesContext(connection) as queries:
            repository.project_of(fresh)
        return before, after, _stamp_reads(queries)

    before, after, reads = _in_a_request(view)
    assert "p901" not in before.people
    assert "p901" in after.people
    assert "p901" in after.state_on(dt.date(2021, 6, 30)).assignments
    assert reads == 1  # after a write, read each time


@pytest.mark.django_db
def test_no_write_within_a_request_reads_the_stamp_once(kontum):
    def view() -> int:
        with CaptureQueriesContext(connection) as queries:
            for _ in range(5):
                repository.project_of(kontum)
                repository.memo(kontum, ("test",), lambda project: len(project.people))
        return _stamp_reads(queries)

    assert _in_a_request(view) == 1
    with CaptureQueriesContext(connection) as queries:  # outside a request: each time
        repository.project_of(kontum)
        repository.project_of(kontum)
    assert _stamp_reads(queries) == 2


@pytest.mark.django_db(transaction=True)
def test_a_write_from_another_connection_between_two_requests_is_seen(kontum, users):
    client = client_for(users["viewer"])
    url = reverse("staff", kwargs={"code": kontum.code}) + "?on=30/06/2021&q=vua+ghi"
    for _ in range(2):  # the second from the cache, its stamp read once
        assert "Đặng Thị Vừa Ghi" not in client.get(url).content.decode()
    failed: list[BaseException] = []

    def elsewhere() -> None:  # its own database connection (Django's are per thread)
        try:
            agency = models.Agency.objects.get(pk=kontum.pk)
            services.person_register(agency=agency, data=NEW_PERSON, user=users["editor"])
            services.change_record(agency=agency, plain=HIRE, user=users["editor"])
        except BaseException as error:  # pragma: no cover - shown by the assert below
            failed.append(error)
        finally:
            connection.close()

    ours = repository._cache[kontum.pk]
    writer = threading.Thread(target=elsewhere)
    writer.start()
    writer.join()
    assert not failed
    # Another process's write leaves this process's memory as it was.
    repository._cache[kontum.pk] = ours
    assert "Đặng Thị Vừa Ghi" in client.get(url).content.decode()


@pytest.mark.django_db
def test_a_page_after_its_own_write_shows_it(kontum, users):
    editor = client_for(users["editor"])
    staff = reverse("staff", kwargs={"code": kontum.code}) + "?on=30/06/2021&q=vua+ghi"
    assert "Đặng Thị Vừa Ghi" not in editor.get(staff).content.decode()
    response = editor.post(
        reverse("timeline_record", kwargs={"code": kontum.code}),
        {
            "kind": "hire",
            "on": "01/03/2021",
            "basis": "61/QĐ-BQLKKT|2020-05-15",
            "person": "p901",
            "full_name": "Đặng Thị Vừa Ghi",
            "born": "1991",
            "sex": "female",
            "category": "civil_servant",
            "unit": "tnmt",
            "role": "staff",
            "entry_reason": "thử",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert "Đặng Thị Vừa Ghi" in editor.get(staff).content.decode()
