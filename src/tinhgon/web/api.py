"""The HTTP API (django-ninja) under /api/v1, with the same scopes as the pages.

Authentication: ``Authorization: Bearer <token>`` (tokens are made with ``tinhgon token``).
An agency the token's user may not see answers 404; an action they may not do, 403.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import NinjaAPI, Schema, Status
from ninja.errors import AuthenticationError, HttpError
from ninja.security import HttpBearer

from tinhgon.domain import ChangeRefused, Project, TinhgonError, metrics_of
from tinhgon.domain.describe import unit_tree
from tinhgon.io.codec import FieldError, parse_date
from tinhgon.web import models, page_data, repository, selectors, services
from tinhgon.web.dates import OutOfRange, in_range
from tinhgon.web.permissions import Action, Forbidden, agency_for, visible_agencies
from tinhgon.web.services.scope import visible_plan, visible_plans
from tinhgon.web.tokens import token_digest as token_digest
from tinhgon.web.tokens import token_for


class BearerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        now = timezone.now()
        row, why = token_for(token, now)
        if row is None:
            request.token_refusal = why  # type: ignore[attr-defined]
            return None
        models.ApiToken.objects.filter(pk=row.pk).update(last_used_at=now)
        request.user = row.user
        return row.user


api = NinjaAPI(
    title="tinhgon API",
    version="1",
    description="Cơ cấu tổ chức, so sánh, kiểm tra pháp lý và đề án / structure, compare, legal check and plans",
    auth=BearerToken(),
    urls_namespace="api",
)


class ErrorOut(Schema):
    detail: str
    detail_en: str = ""


class AgencyOut(Schema):
    code: str
    name: str
    agency_type: str
    province: str | None = None


class PlanOut(Schema):
    id: str
    title: str
    status: str
    version: int
    decision: str | None = None
    rejection_reason: str = ""
    changes: list[dict[str, Any]]


class ChangeIn(Schema):
    version: int
    change: dict[str, Any]


class PlanIn(Schema):
    title: str
    description: str = ""


class TransitionIn(Schema):
    version: int
    reason: str = ""
    decision_symbol: str | None = None
    decision_date: dt.date | None = None
    on: dt.date | None = None  # ngày trình (submit only); today when not given


def _agency(request: HttpRequest, code: str, action: Action = Action.VIEW) -> models.Agency:
    try:
        return agency_for(request.user, code, action)
    except Forbidden:
        raise HttpError(403, "Không có quyền thực hiện thao tác này (forbidden)") from None


def _project(request: HttpRequest, code: str, plan: str | None) -> Project:
    """The project of an agency the user may see; 404 for a plan it does not have."""
    agency = _agency(request, code)
    project = repository.project_of(agency)
    if plan is not None and plan not in project.plans:
        raise Http404
    if plan is not None:
        visible_plan(agency=agency, user=request.user, pid=plan)
    return project


def _date(value: str, name: str) -> dt.date:
    try:
        day = parse_date(value)
    except FieldError as error:
        raise HttpError(422, f"{name}: {error.vi} ({error.en})") from None
    try:
        return in_range(day)
    except OutOfRange as error:
        raise HttpError(400, f"{name}: {error.vi} ({error.en})") from None


def _plan_out(row: models.Plan) -> dict[str, Any]:
    return {
        "id": row.pid,
        "title": row.title,
        "status": row.status,
        "version": row.version,
        "decision": row.decision.symbol if row.decision else None,
        "rejection_reason": row.rejection_reason,
        "changes": row.changes,
    }


@api.exception_handler(TinhgonError)
def _domain_error(request: HttpRequest, error: TinhgonError) -> Any:
    status = 409 if isinstance(error, services.StaleEdit) else 422
    return api.create_response(request, {"detail": error.vi, "detail_en": error.en}, status=status)


@api.exception_handler(AuthenticationError)
def _unauthorized(request: HttpRequest, error: AuthenticationError) -> Any:
    """401 with WWW-Authenticate (RFC 6750): which scheme, and why a token was refused."""
    why = getattr(request, "token_refusal", "")
    texts = {
        "expired": ("mã truy cập đã hết hạn", "the token has expired"),
        "revoked": ("mã truy cập đã bị thu hồi", "the token was revoked"),
        "invalid": ("mã truy cập không đúng", "the token is not valid"),
    }
    vi, en = texts.get(why, ("cần mã truy cập (Bearer)", "a bearer token is required"))
    response = api.create_response(request, {"detail": vi, "detail_en": en}, status=401)
    challenge = 'Bearer realm="tinhgon"'
    if why:
        challenge += f', error="invalid_token", error_description="{en}"'
    response["WWW-Authenticate"] = challenge
    return response


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, error: Http404) -> Any:
    return api.create_response(
        request, {"detail": "Không tìm thấy (not found)", "detail_en": "not found"}, status=404
    )


@api.get(
    "/agencies",
    response=list[AgencyOut],
    summary="Các cơ quan được xem / agencies visible to the user",
)
def agencies(request: HttpRequest) -> Any:
    return [
        {
            "code": a.code,
            "name": a.name,
            "agency_type": a.agency_type,
            "province": a.province.name if a.province else None,
        }
        for a in visible_agencies(request.user).select_related("province")
    ]


@api.get(
    "/agencies/{code}/structure", summary="Cơ cấu tổ chức tại một ngày / the structure on a date"
)
def structure(request: HttpRequest, code: str, on: str, plan: str | None = None) -> Any:
    project = _project(request, code, plan)
    state = project.state_on(_date(on, "on"), plan=plan)
    return {
        "on": state.on.isoformat() if state.on else on,
        "plan": plan,
        "metrics": metrics_of(state).as_dict(),
        "units": unit_tree(state),
    }


@api.get("/agencies/{code}/compare", summary="So sánh hai thời điểm / compare two dates")
def compare(
    request: HttpRequest, code: str, before: str, after: str, plan: str | None = None
) -> Any:
    project = _project(request, code, plan)
    result = selectors.comparison(
        project=project,
        before_on=_date(before, "before"),
        after_on=_date(after, "after"),
        plan=plan,
    )
    return {
        "plan": plan,
        "before": {
            "on": _date(before, "before").isoformat(),
            "metrics": result["before"]["metrics"].as_dict(),
            "findings": result["before"]["report"].summary(),
        },
        "after": {
            "on": _date(after, "after").isoformat(),
            "metrics": result["after"]["metrics"].as_dict(),
            "findings": result["after"]["report"].summary(),
        },
        "changes": [item.as_dict() for item in result["changes"]],
    }


@api.get("/agencies/{code}/check", summary="Kiểm tra theo quy định / legal check on a date")
def check(
    request: HttpRequest,
    code: str,
    on: str,
    plan: str | None = None,
    offset: int = 0,
    limit: int | None = None,
) -> Any:
    """Every finding, or with ``limit`` a page of them from ``offset`` (thousands at province
    size); ``total`` is the number of findings either way."""
    _project(request, code, plan)  # who may see what, and a 404 for an unknown plan
    agency = _agency(request, code)
    report = page_data.report_at(agency=agency, on=_date(on, "on"), plan=plan)
    out = report.as_dict()
    out["total"] = len(out["findings"])
    if limit is not None or offset:
        if offset < 0 or (limit is not None and limit < 0):
            raise HttpError(422, "offset, limit: phải là số không âm (must not be negative)")
        end = None if limit is None else offset + limit
        out["findings"] = out["findings"][offset:end]
        out["offset"], out["limit"] = offset, limit
    return out


@api.get("/agencies/{code}/plans", response=list[PlanOut], summary="Các đề án / plans")
def plans(request: HttpRequest, code: str) -> Any:
    agency = _agency(request, code)
    rows = agency.plans.select_related("decision")
    return [_plan_out(p) for p in visible_plans(agency=agency, user=request.user, rows=rows)]


@api.post(
    "/agencies/{code}/plans",
    response={201: PlanOut, 403: ErrorOut},
    summary="Tạo đề án / create a plan",
)
def plan_create(request: HttpRequest, code: str, payload: PlanIn) -> Any:
    agency = _agency(request, code, Action.EDIT)
    row = services.plan_create(
        agency=agency, title=payload.title, description=payload.description, user=request.user
    )
    return Status(201, _plan_out(row))


@api.get("/agencies/{code}/plans/{pid}", response=PlanOut, summary="Một đề án / one plan")
def plan_detail(request: HttpRequest, code: str, pid: str) -> Any:
    agency = _agency(request, code)
    return _plan_out(visible_plan(agency=agency, user=request.user, pid=pid))


@api.post(
    "/agencies/{code}/plans/{pid}/changes",
    response={200: PlanOut, 403: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Thêm thay đổi vào đề án / add a change (plain form of docs/format.md)",
)
def plan_change_add(request: HttpRequest, code: str, pid: str, payload: ChangeIn) -> Any:
    agency = _agency(request, code, Action.EDIT)
    row = visible_plan(agency=agency, user=request.user, pid=pid)
    try:
        services.plan_change_add(
            plan=row, plain=payload.change, version=payload.version, user=request.user
        )
    except (KeyError, ValueError, TypeError) as error:
        raise HttpError(422, f"thay đổi không đúng dạng: {error} (malformed change)") from None
    except ChangeRefused:
        raise
    return Status(200, _plan_out(row))


TRANSITIONS: dict[str, tuple[Action, Any]] = {
    "submit": (Action.EDIT, services.plan_submit),
    "return": (Action.APPROVE, services.plan_return),
    "reject": (Action.APPROVE, services.plan_reject),
    "approve": (Action.APPROVE, services.plan_approve),
    "implement": (Action.APPROVE, services.plan_implement),
}


@api.post(
    "/agencies/{code}/plans/{pid}/{action}",
    response={200: PlanOut, 403: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Trình, phê duyệt, từ chối, trả lại, thực hiện / plan transitions",
)
def plan_transition(
    request: HttpRequest, code: str, pid: str, action: str, payload: TransitionIn
) -> Any:
    if action not in TRANSITIONS:
        raise Http404
    needed, service = TRANSITIONS[action]
    agency = _agency(request, code, needed)
    row = visible_plan(agency=agency, user=request.user, pid=pid)
    kwargs: dict[str, Any] = {
        "plan": row,
        "version": payload.version,
        "user": request.user,
        "reason": payload.reason,
    }
    if action == "submit":
        kwargs["on"] = payload.on or timezone.localdate()
    if action == "approve":
        if not payload.decision_symbol:
            raise HttpError(
                422,
                "cần quyết định phê duyệt (decision_symbol) / the approving decision is required",
            )
        documents = models.Document.objects.filter(agency=agency, symbol=payload.decision_symbol)
        if payload.decision_date:
            documents = documents.filter(issued_on=payload.decision_date)
        decision = documents.first()
        if decision is None:
            raise HttpError(
                422,
                f"không có văn bản {payload.decision_symbol} trong sổ văn bản / no such document",
            )
        kwargs["decision"] = decision
    service(**kwargs)
    row.refresh_from_db()
    return Status(200, _plan_out(row))
