"""A province (or any history holding several agencies): every agency on a date, and the org
chart as a box diagram."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse

from tinhgon import law
from tinhgon.domain import Agency as DomainAgency
from tinhgon.domain import Project, State, Unit, metrics_of
from tinhgon.domain.agencies import split_by_agency
from tinhgon.domain.describe import unit_tree
from tinhgon.domain.vietnamese import fold, sort_key
from tinhgon.law.retirement import add_months
from tinhgon.web import charts, models, page_data, repository, selectors
from tinhgon.web.views.base import agency_page, date_param, page


@dataclass(frozen=True)
class AgencyRow:
    """One agency of the province on a date: its headline numbers and findings."""

    id: str
    name: str
    agency_type: str
    staff: int
    quota: int
    departments: int
    leaders: int
    violations: int
    warnings: int
    infos: int
    retiring: int

    @property
    def over_quota(self) -> bool:
        return self.quota > 0 and self.staff > self.quota


AGENCY_TYPES_VI = {
    "provincial_department": "Sở",
    "economic_zone_board": "Ban quản lý khu kinh tế",
    "public_service_unit": "Đơn vị sự nghiệp công lập",
    "commune_committee": "Ủy ban nhân dân cấp xã",
    "province_committee": "Ủy ban nhân dân cấp tỉnh",
    "government": "Chính phủ",
    "other": "Cơ quan khác",
}


def _retiring(state: State, on: dt.date) -> int:
    """Who reaches retirement in the next 12 months (or has passed it and is still on staff)."""
    until = add_months(on, 12)
    count = 0
    for assignment in state.assignments.values():
        person = state.people[assignment.person_id]
        if selectors._retirement(person.sex, person.birth).retires_on <= until:
            count += 1
    return count


def province_rows(
    project: Project,
    on: dt.date,
    kept: dict[str, Any] | None = None,
    *,
    state: State | None = None,
) -> list[AgencyRow]:
    """Every agency inside the history on a date, in tree order (one pass for the split).

    ``kept``: a dict the caller keeps across writes (``repository.lasting``, one per date):
    an agency whose own part of the state (units, people, posts, quotas), agency record and
    date are equal to those its row was computed from keeps its row; only the agencies a write
    touched are computed again. ``state``: the project's state on the date, when at hand.
    """
    state = project.state_on(on) if state is None else state
    parameters = law.load_parameters()
    earlier: dict[str, tuple[Any, ...]] = {}
    last = kept.get("rows") if kept is not None else None  # one tuple: set at once
    if last is not None and last[0] is parameters:
        earlier = last[1]
    computed: dict[str, tuple[Any, ...]] = {}
    rows = []
    for agency_id, part in split_by_agency(state).items():
        unit = state.units[agency_id]
        record = project.agency_record(unit)
        old = earlier.get(agency_id)
        if old is not None and old[0] == record and old[1].on == part.on and old[1] == part:
            row: AgencyRow = old[2]
        else:
            row = _agency_row(part, unit=unit, record=record, on=on, parameters=parameters)
        computed[agency_id] = (record, part, row)
        rows.append(row)
    if kept is not None:
        kept["rows"] = (parameters, computed)
    return rows


def _agency_row(
    part: State, *, unit: Unit, record: DomainAgency, on: dt.date, parameters: Any
) -> AgencyRow:
    """One agency's row from its own part of the state."""
    metrics = metrics_of(part)
    quota = sum(t["quota"] for t in metrics.quota_totals().values())
    summary = law.check(part, on=on, agency=record, parameters=parameters).summary()
    return AgencyRow(
        id=unit.id,
        name=unit.name,
        agency_type=unit.agency_type or "other",
        staff=metrics.staff,
        quota=quota,
        departments=metrics.departments,
        leaders=metrics.department_leaders,
        violations=summary["violation"],
        warnings=summary["warning"],
        infos=summary["info"],
        retiring=_retiring(part, on),
    )


SORTS = {
    "name": lambda r: sort_key(r.name),
    "staff": lambda r: (-r.staff, sort_key(r.name)),
    "findings": lambda r: (-r.violations, -r.warnings, sort_key(r.name)),
    "retiring": lambda r: (-r.retiring, sort_key(r.name)),
    "quota": lambda r: (-(r.staff - r.quota), sort_key(r.name)),
}


def _whole(request: HttpRequest, agency: models.Agency) -> None:
    """The province page is for those who see the whole history."""
    if getattr(agency, "scope_fixed", False):
        raise Http404("Không tìm thấy trang")
    agency.scope = None  # type: ignore[attr-defined]


@agency_page()
def province(request: HttpRequest, agency: models.Agency) -> HttpResponse:
    """Các cơ quan: every agency of the province on a date, sortable and filterable."""
    _whole(request, agency)
    on = date_param(request)

    def compute(project: Project) -> dict[str, Any]:
        # What the last computation before a write found is kept for what the write left
        # as it was (rows of the agencies it did not touch, points of the chart before it).
        walked: dict[dt.date, State] = {}  # the state on the date, if the chart computed it
        series = selectors.metrics_series(
            project=project,
            dates=selectors.series_dates(project=project, until=on),
            kept=repository.lasting(agency, "province-series"),
            walked=walked,
        )
        kept = repository.lasting(agency, ("province-rows", on))
        rows = province_rows(project, on, kept, state=walked.get(on))
        return {"rows": rows, "chart": charts.series_chart(series)}

    data = repository.memo(agency, ("province", on), compute)
    rows: list[AgencyRow] = data["rows"]
    query = request.GET.get("q", "").strip()
    kind = request.GET.get("type", "")
    if query:
        rows = [r for r in rows if fold(query) in fold(r.name)]
    if kind:
        rows = [r for r in rows if r.agency_type == kind]
    sort = request.GET.get("sort", "")
    if sort in SORTS:
        rows = sorted(rows, key=SORTS[sort])
    totals = {
        field: sum(getattr(r, field) for r in rows)
        for field in (
            "staff",
            "quota",
            "departments",
            "leaders",
            "violations",
            "warnings",
            "infos",
            "retiring",
        )
    }
    types = sorted({r.agency_type for r in data["rows"]})
    return page(
        request,
        "tinhgon/province.html",
        agency,
        on=on,
        rows=rows,
        totals=totals,
        chart=data["chart"],
        query=query,
        kind=kind,
        sort=sort,
        types=[(t, AGENCY_TYPES_VI.get(t, t)) for t in types],
        type_names=AGENCY_TYPES_VI,
    )


def _boxes(tree: list[dict[str, Any]], *, agencies_only: bool) -> list[dict[str, Any]]:
    """The tree for the box diagram; for a province, down to its agencies only."""
    out = []
    for node in tree:
        children = node["children"]
        if agencies_only and node.get("agency_type"):
            children = []
        out.append({**node, "children": _boxes(children, agencies_only=agencies_only)})
    return out


@agency_page()
def orgchart_boxes(request: HttpRequest, agency: models.Agency) -> HttpResponse:
    """Sơ đồ khối: the org chart drawn the way agencies draw it, printable A4 or A3 landscape;
    for the whole province, down to its agencies. An agency of more than
    ``page_data.WHOLE_TREE_UNITS`` units is drawn the way its org chart is: one unit (the
    agency, or ``don-vi``) with a page of its sub-units (``trang``), each opened on demand."""
    on = date_param(request)
    paper = "A3" if request.GET.get("paper") == "A3" else "A4"
    whole = getattr(agency, "scope", None) is None

    def compute(project: Project) -> dict[str, Any]:
        state = page_data.state_at(agency=agency, on=on)  # shared with the other pages
        agencies = whole and any(
            child.agency_type for root in state.roots() for child in state.children(root.id)
        )
        drawn_whole = agencies or len(state.units) <= page_data.WHOLE_TREE_UNITS
        return {
            "state": state,
            "tree": unit_tree(state) if drawn_whole else None,
            "agencies": agencies,
        }

    data = repository.memo(agency, ("boxes", on), compute)
    query = request.GET.copy()
    for key in ("don-vi", "trang"):
        query.pop(key, None)
    sliced: dict[str, Any] = {"partial": False, "page": 1, "pages": 1}
    if data["tree"] is None:
        try:
            number = int(request.GET.get("trang", "1"))
        except ValueError:
            number = 1
        sliced = page_data.org_tree(
            {"state": data["state"], "by_unit": {}},
            focus=request.GET.get("don-vi") or None,
            page=number,
        )
        boxes = sliced.pop("tree")
    else:
        boxes = _boxes(data["tree"], agencies_only=data["agencies"])
    return page(
        request,
        "tinhgon/orgchart_boxes.html",
        agency,
        on=on,
        boxes=boxes,
        paper=paper,
        province_view=data["agencies"],
        tree_query=query.urlencode(),
        **sliced,
    )
