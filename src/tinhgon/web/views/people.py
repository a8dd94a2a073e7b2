"""Staff: the list with its filters, each person's page, the Excel export."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse

from tinhgon.io.xlsx_export import export_staff
from tinhgon.web import forms, models, page_data, privacy, repository, selectors
from tinhgon.web.views.base import (
    XLSX,
    agency_page,
    date_param,
    page,
)

STAFF_PAGE = 200


@agency_page()
def staff(request: HttpRequest, agency: models.Agency) -> HttpResponse:
    on = date_param(request)
    state = page_data.state_at(agency=agency, on=on)
    ranks = repository.memo(agency, ("ranks", on), lambda _: selectors.ranks_of(state))
    form = forms.StaffFilterForm(request.GET or None, state=state, ranks=ranks)
    personal = privacy.may_see_personal(request)
    # Sorted once per date; the rows are worked out for the page shown only.
    ids = page_data.staff_ids(agency=agency, on=on)
    total = len(ids)
    if form.is_valid():
        data = form.cleaned_data
        # Masked before any filter: the search cannot find someone by a hidden personal ID.
        ids = page_data.staff_select(
            agency=agency,
            state=state,
            ids=ids,
            personal=personal,
            q=data["q"],
            unit=data["unit"],
            category=data["category"],
            rank=data["rank"],
            age_band=data["age_band"],
            retiring_within=data["retiring_within"],
            mask=None if personal else privacy.mask_row,
        )
    pages = Paginator(ids, STAFF_PAGE)
    current = pages.get_page(request.GET.get("trang"))
    rows = [page_data.staff_row(state, pid) for pid in current.object_list]
    if not personal:
        rows = [privacy.mask_row(r) for r in rows]
    query = request.GET.copy()
    query.pop("trang", None)
    return page(
        request,
        "tinhgon/staff.html",
        agency,
        on=on,
        form=form,
        rows=rows,
        matched=len(ids),
        total=total,
        pager=current,
        query=query.urlencode(),
        first_number=current.start_index(),
        # one reversal for every row's link (200 of them a page)
        person_url=reverse("person", args=[agency.code, "-"])[:-2],
        on_text=f"{on:%d/%m/%Y}",
    )


@agency_page()
def person(request: HttpRequest, agency: models.Agency, pid: str) -> HttpResponse:
    on = date_param(request)
    project = repository.project_of(agency)
    if pid not in project.people:
        raise Http404("Không có người này")
    who = project.people[pid]
    personal = privacy.may_see_personal(request)
    state = selectors.structure_at(project=project, on=on)
    assignment = state.assignments.get(pid)
    post = None
    if assignment:
        unit = state.units[assignment.unit_id]
        post = {
            "unit": unit,
            "title": unit.kind.post(assignment.role, unit.name)
            if assignment.role.value != "staff"
            else "",
        }
    from tinhgon.law import age_on, retirement_of

    retirement = retirement_of(sex=who.sex, born=who.birth)
    return page(
        request,
        "tinhgon/person.html",
        agency,
        on=on,
        person=who if personal else privacy.mask_person(who),
        personal=personal,
        post=post,
        departure=state.departures.get(pid),
        retirement=retirement,
        age=age_on(who.birth, on),
        history=selectors.person_history(project=project, person_id=pid),
    )


@agency_page()
def staff_export(request: HttpRequest, agency: models.Agency) -> HttpResponse:
    """Xuất Excel: the staff list on a date."""
    on = date_param(request)
    project = repository.project_of(agency)
    state = project.state_on(on)
    personal = privacy.may_see_personal(request)
    if not personal:
        state = privacy.mask_state(state)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "nhan-su.xlsx"
        count = export_staff(path, project, state)
        data = path.read_bytes()
    privacy.audit_export(
        request=request,
        agency=agency,
        what="staff",
        summary=f"Xuất danh sách nhân sự ngày {on:%d/%m/%Y} ({count} người)",
        personal=personal,
        on=on.isoformat(),
        people=count,
    )
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = (
        f'attachment; filename="nhan-su-{agency.code}-{on:%Y%m%d}.xlsx"'
    )
    return response
