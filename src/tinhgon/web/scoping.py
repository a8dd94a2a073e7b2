"""Which agency inside a history a request sees (a province holds many agencies).

A membership may be limited to one agency inside the history (``Membership.unit``): its user
sees that agency only, on every page, in the API and in exports — the history is narrowed to it
(``Project.for_agency``) before anything is shown. Whoever sees the whole history (a province
administrator, a system administrator, a membership without a unit) may narrow the pages to one
agency with the selector (``?agency=ID``, kept in the session per history).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect

from tinhgon.domain import TinhgonError
from tinhgon.web import models


def fixed_scope(user: Any, agency: models.Agency) -> str | None:
    """The agency inside the history a user is limited to, if any."""
    if not user.is_authenticated or user.is_superuser:
        return None
    if (
        agency.province_id
        and models.ProvinceAdmin.objects.filter(user=user, province_id=agency.province_id).exists()
    ):
        return None
    unit = (
        models.Membership.objects.filter(user=user, agency=agency)
        .values_list("unit", flat=True)
        .first()
    )
    return unit or None


def limit(user: Any, agency: models.Agency) -> models.Agency:
    """Narrow the agency row to what the user may see (called on every access)."""
    agency.scope = fixed_scope(user, agency)  # type: ignore[attr-defined]
    agency.scope_fixed = agency.scope is not None  # type: ignore[attr-defined]
    if agency.scope is not None:  # type: ignore[attr-defined]
        _check(agency)
    return agency


def _key(agency: models.Agency) -> str:
    return f"tinhgon.scope.{agency.pk}"


def _check(agency: models.Agency) -> bool:
    from tinhgon.web import repository

    try:
        repository.project_of(agency)
    except TinhgonError:
        if getattr(agency, "scope_fixed", False):
            raise Http404("Không tìm thấy cơ quan") from None
        return False
    return True


def choose(request: HttpRequest, agency: models.Agency) -> None:
    """Apply the selector: ``?agency=ID`` narrows the pages of the history, ``?agency=`` shows
    the whole again; a user limited to one agency cannot change it."""
    if getattr(agency, "scope_fixed", False):
        return
    session = getattr(request, "session", None)
    if session is None:
        return
    if "agency" in request.GET:
        session[_key(agency)] = request.GET["agency"].strip()
    wanted = session.get(_key(agency)) or None
    if wanted is None or wanted == agency.code:
        return
    agency.scope = wanted  # type: ignore[attr-defined]
    if not _check(agency):
        agency.scope = None  # type: ignore[attr-defined]
        session.pop(_key(agency), None)


def selector(agency: models.Agency) -> dict[str, Any]:
    """What the base template needs for the agency selector: the agencies inside the history
    today (for a history that holds several) and the one seen."""
    from tinhgon.web import repository
    from tinhgon.web.views.base import today

    scope = getattr(agency, "scope", None)
    fixed = getattr(agency, "scope_fixed", False)
    if fixed:
        project = repository.project_of(agency)
        return {"scope_agencies": [], "scope": scope, "scope_name": project.agency.name}

    def compute(project: Any) -> list[tuple[str, str]]:
        return [(u.id, u.name) for u in project.agencies_on(today())]

    whole = getattr(agency, "scope", None)
    agency.scope = None  # type: ignore[attr-defined]
    try:
        choices = repository.memo(agency, ("agencies", today()), compute)
    finally:
        agency.scope = whole  # type: ignore[attr-defined]
    name = dict(choices).get(scope or "", "")
    return {"scope_agencies": choices, "scope": scope, "scope_name": name}


def not_on_that_date(
    request: HttpRequest, agency: models.Agency, error: TinhgonError
) -> HttpResponse:
    """A page asked for an agency on a date it did not exist (a sở merged before it): a user
    limited to it gets 404; anyone else sees the whole history again, with the reason."""
    if getattr(agency, "scope_fixed", False):
        raise Http404(error.vi)
    english = getattr(request, "LANGUAGE_CODE", "vi") == "en"
    messages.error(request, error.en if english else error.vi)
    session = getattr(request, "session", None)
    if session is not None:
        session.pop(_key(agency), None)
    query = request.GET.copy()
    query["agency"] = ""
    return HttpResponseRedirect(f"{request.path}?{query.urlencode()}")
