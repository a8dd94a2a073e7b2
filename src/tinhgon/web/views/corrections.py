"""Correcting mistakes: withdraw or correct an official change recorded by mistake, delete a
draft plan (``tinhgon.web.corrections``). Editors only; each asks for its reason."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django import forms as django_forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect

from tinhgon.domain import Change, Project, TinhgonError
from tinhgon.domain.agencies import footprint
from tinhgon.io.codec import FieldError, change_from_plain
from tinhgon.web import corrections, models, repository, scoping
from tinhgon.web.forms import VnDateField, document_choices
from tinhgon.web.permissions import Action
from tinhgon.web.services.scope import OutsideScope, visible_plan
from tinhgon.web.views.base import agency_page, page, show_error

REASON = django_forms.CharField(
    label="Lý do (ghi vào nhật ký)",
    max_length=500,
    widget=django_forms.Textarea(attrs={"rows": 2}),
)


class WithdrawForm(django_forms.Form):
    reason = REASON


class CorrectForm(django_forms.Form):
    on = VnDateField(label="Ngày hiệu lực đúng")
    basis = django_forms.ChoiceField(label="Căn cứ đúng (văn bản trong sổ văn bản)")
    reason = REASON

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["basis"].choices = choices


def _record(request: HttpRequest, agency: models.Agency, seq: int) -> models.ChangeRecord:
    """The recorded change, or 404 (also for a change outside the agency a user is limited
    to: the service would refuse it)."""
    record = agency.changes.filter(seq=seq).first()
    if record is None:
        raise Http404("Không có thay đổi này")
    try:
        corrections.check_scope(agency, request.user, record.payload)
    except OutsideScope:
        raise Http404("Không có thay đổi này") from None
    except TinhgonError:
        pass  # told when the correction is refused
    return record


def _summary(agency: models.Agency, record: models.ChangeRecord) -> str:
    try:
        return corrections._describe(agency, record)
    except TinhgonError:
        return f"{record.kind} ({record.on:%d/%m/%Y})"


def _confirm(
    request: HttpRequest,
    agency: models.Agency,
    form: django_forms.Form,
    act: Callable[[dict[str, Any]], None],
    *,
    done: str,
    back: str,
    **context: Any,
) -> HttpResponse:
    """The page of one correction: on a valid post, do it (its reason in the form) and go back
    with a message; otherwise, or when refused, the form again with what it is about."""
    if request.method == "POST" and form.is_valid():
        try:
            act(form.cleaned_data)
        except TinhgonError as error:
            show_error(request, error)
        else:
            messages.success(request, done)
            return redirect(back, code=agency.code)
    return page(request, "tinhgon/correction.html", agency, form=form, **context)


@agency_page(Action.EDIT)
def change_withdraw(request: HttpRequest, agency: models.Agency, seq: int) -> HttpResponse:
    record = _record(request, agency, seq)
    return _confirm(
        request,
        agency,
        WithdrawForm(request.POST or None),
        lambda data: corrections.change_withdraw(
            agency=agency, seq=seq, user=request.user, reason=data["reason"]
        ),
        done="Đã rút thay đổi ghi nhầm; bản gốc được giữ trong nhật ký.",
        back="timeline",
        heading="Rút thay đổi ghi nhầm",
        what=_summary(agency, record),
        explain="Thay đổi sẽ không còn trong lịch sử chính thức. Nhật ký giữ nguyên bản gốc, "
        "người rút, thời điểm và lý do.",
        button="Rút thay đổi",
    )


@agency_page(Action.EDIT)
def change_correct(request: HttpRequest, agency: models.Agency, seq: int) -> HttpResponse:
    record = _record(request, agency, seq)
    project = repository.project_of(agency)
    choices = document_choices(project, blank=False)
    basis = record.payload.get("basis")
    symbol = basis.get("symbol") if isinstance(basis, dict) else basis
    initial_basis = next((value for value, _ in choices if value.split("|")[0] == symbol), "")
    form = CorrectForm(
        request.POST or None,
        choices=choices,
        initial={"on": record.on, "basis": initial_basis},
    )

    def act(data: dict[str, Any]) -> None:
        chosen, issued = data["basis"].split("|")
        corrections.change_correct(
            agency=agency,
            seq=seq,
            on=data["on"],
            basis=chosen,
            basis_date=dt.date.fromisoformat(issued),
            user=request.user,
            reason=data["reason"],
        )

    return _confirm(
        request,
        agency,
        form,
        act,
        done="Đã sửa thay đổi; bản gốc được giữ trong nhật ký.",
        back="timeline",
        heading="Sửa ngày hoặc căn cứ của thay đổi ghi nhầm",
        what=_summary(agency, record),
        explain="Thay đổi giữ nguyên nội dung, chỉ sửa ngày hiệu lực và văn bản căn cứ. Nhật ký "
        "giữ nguyên bản gốc. Sai người, sai đơn vị: rút thay đổi rồi ghi nhận lại.",
        button="Sửa thay đổi",
    )


@agency_page(Action.EDIT)
def plan_delete(request: HttpRequest, agency: models.Agency, pid: str) -> HttpResponse:
    plan = visible_plan(agency=agency, user=request.user, pid=pid)
    return _confirm(
        request,
        agency,
        WithdrawForm(request.POST or None),
        lambda data: corrections.plan_delete(plan=plan, user=request.user, reason=data["reason"]),
        done=f"Đã xóa đề án nháp '{plan.title}'.",
        back="plans",
        heading="Xóa đề án nháp",
        what=plan.title,
        explain="Chỉ xóa được đề án đang soạn. Nhật ký giữ nguyên đề án và các thay đổi của nó.",
        button="Xóa đề án",
    )


LISTED = 200


def _concerning(
    agency: models.Agency, scope: str, records: list[models.ChangeRecord]
) -> list[models.ChangeRecord]:
    """The records whose change concerns an agency (``domain.agencies.footprint``: named
    before or after it), computed once per write."""

    def changes_of(_: Project) -> dict[tuple[Any, ...], list[Change]]:
        whole = repository.project_of_whole(agency)
        positions, _people = footprint(whole.timeline.changes, scope)
        found: dict[tuple[Any, ...], list[Change]] = {}
        for position in positions:
            change = whole.timeline.changes[position]
            found.setdefault((change.on, change.kind), []).append(change)
        return found

    found = repository.memo(agency, ("concerning", scope), changes_of)
    ctx = repository.context_from(repository.project_of_whole(agency))
    kept = []
    for record in records:
        try:
            change = change_from_plain(record.payload, ctx, ())
        except (TinhgonError, FieldError):
            continue
        if change in found.get((change.on, change.kind), ()):
            kept.append(record)
    return kept


@agency_page(Action.EDIT)
def corrections_list(request: HttpRequest, agency: models.Agency) -> HttpResponse:
    """The official changes, newest recorded first, each with its withdraw and correct links."""
    records = list(agency.changes.order_by("-seq")[: LISTED + 1])
    first = agency.changes.order_by("seq").values_list("seq", flat=True).first()
    scope = scoping.fixed_scope(request.user, agency)
    if scope is not None:  # a user limited to one agency: the changes that concern it
        records = _concerning(agency, scope, records)
    rows = [
        {
            "seq": r.seq,
            "on": r.on,
            "text": _summary(agency, r),
            "fixed": r.seq == first or r.plan_id is not None,
            "recorded_at": r.recorded_at,
        }
        for r in records[:LISTED]
    ]
    return page(
        request,
        "tinhgon/corrections.html",
        agency,
        rows=rows,
        more=len(records) > LISTED,
        drafts=agency.plans.filter(status=models.PlanStatus.DRAFT).order_by("title"),
    )
