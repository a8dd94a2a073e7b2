"""Documents ready to sign: the report's person-written parts (a form kept with the agency)
and the papers of a plan (đề án, tờ trình, dự thảo quyết định) as Word, PDF and the drafter's
note."""

from __future__ import annotations

import io

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _

from tinhgon.domain import TinhgonError
from tinhgon.reports import (
    CONTENT_TYPES,
    PAPERS,
    ReportFormat,
    ReportOptions,
    ReportTexts,
    build_report,
    notes_text,
    write_report,
)
from tinhgon.web import forms as web_forms
from tinhgon.web import models, repository, services
from tinhgon.web.permissions import Action
from tinhgon.web.services.scope import visible_plan, visible_plan_ids
from tinhgon.web.views.base import agency_page, page, show_error

# File names of the papers, in Vietnamese.
PAPER_FILES = {"proposal": "de-an", "submission": "to-trinh", "decision": "du-thao-quyet-dinh"}
PAPER_NAMES = {
    "proposal": "Đề án",
    "submission": "Tờ trình",
    "decision": "Dự thảo quyết định",
}
_FIELDS = ("request", "direction", "strengths", "causes", "directions", "proposals")
_LABELS = {
    "request": _("Văn bản yêu cầu báo cáo của cấp trên (nếu có)"),
    "direction": _("Công tác lãnh đạo, chỉ đạo, triển khai (bổ sung)"),
    "strengths": _("Ưu điểm (bổ sung)"),
    "causes": _("Nguyên nhân của tồn tại, hạn chế"),
    "directions": _("Phương hướng, nhiệm vụ thời gian tới"),
    "proposals": _("Đề xuất, kiến nghị"),
}
# The issuing details kept with the texts: the report form starts from them.
_ISSUING = ("signer", "signer_title", "authority", "on_behalf_of", "recipients", "archive")
_ISSUING_LABELS = {
    "signer": _("Người ký (để trống: người đứng đầu cơ quan)"),
    "signer_title": _("Chức vụ người ký (ví dụ: PHÓ TRƯỞNG BAN)"),
    "authority": _("Thẩm quyền ký"),
    "on_behalf_of": _("Ký thay, thừa lệnh cho (ví dụ: TRƯỞNG BAN)"),
    "recipients": _("Nơi nhận (mỗi dòng một nơi)"),
    "archive": _("Lưu: VT, … (đơn vị soạn thảo, ví dụ: VP)"),
}
_HELP = {
    "request": _("Ví dụ: Công văn số 15/SNV-TCBC ngày 06/01/2020 của Sở Nội vụ."),
    "causes": _("Để trống: dùng câu mặc định."),
    "directions": _("Để trống: dùng câu mặc định."),
    "proposals": _("Để trống: dùng câu mặc định."),
}


class ReportTextsForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = models.ReportTexts
        fields = (*_FIELDS, *_ISSUING)
        labels = {**_LABELS, **_ISSUING_LABELS}
        help_texts = _HELP
        widgets = {
            **{name: forms.Textarea(attrs={"rows": 4}) for name in _FIELDS},
            "recipients": forms.Textarea(attrs={"rows": 3}),
        }


def audit_download(
    request: HttpRequest, agency: models.Agency, what: str, summary: str, **data: object
) -> None:
    """Nhật ký: who downloaded which report or paper, when (the entry's time) and for which
    dates, like the other exports (reports carry names and titles, no personal fields)."""
    services.audit(
        agency=agency,
        user=request.user,
        action="export",
        summary=summary,
        data={"what": what, "personal": False, **data},
    )


def kept_issuing(agency: models.Agency) -> dict[str, str]:
    """The issuing details kept for the agency, as the report form's initial values."""
    row = models.ReportTexts.objects.filter(agency=agency).first()
    if row is None:
        return {}
    return {name: getattr(row, name) for name in _ISSUING if getattr(row, name)}


def kept_texts(agency: models.Agency) -> ReportTexts:
    """The person-written parts kept for the agency (empty ones take the defaults)."""
    row = models.ReportTexts.objects.filter(agency=agency).first()
    if row is None:
        return ReportTexts()
    return ReportTexts(**{name: getattr(row, name) for name in _FIELDS})


@agency_page()
def report_texts(request: HttpRequest, agency: models.Agency) -> HttpResponse:
    """Nội dung do người soạn viết: the form, kept with the agency and used by every report."""
    row = models.ReportTexts.objects.filter(agency=agency).first()
    may_edit = Action.EDIT in request.rights  # type: ignore[attr-defined]
    if request.method == "POST":
        if not may_edit:
            messages.error(request, gettext_now("Bạn không có quyền sửa nội dung báo cáo."))
            return redirect("report_texts", agency.code)
        form = ReportTextsForm(request.POST, instance=row or models.ReportTexts(agency=agency))
        if form.is_valid():
            saved = form.save(commit=False)
            saved.agency = agency
            saved.updated_by = request.user.get_username()
            saved.save()
            services.audit(
                agency=agency,
                user=request.user,
                action="report_texts",
                summary="Cập nhật nội dung do người soạn viết của báo cáo",
            )
            messages.success(
                request, gettext_now("Đã lưu nội dung; các báo cáo sẽ dùng nội dung này.")
            )
            return redirect("report_texts", agency.code)
    else:
        form = ReportTextsForm(instance=row)
    if not may_edit:
        for field in form.fields.values():
            field.disabled = True
    return page(request, "tinhgon/report_texts.html", agency, form=form, row=row)


@agency_page()
def plan_paper(
    request: HttpRequest, agency: models.Agency, pid: str, paper: str, fmt: str
) -> HttpResponse:
    """Tải đề án, tờ trình, dự thảo quyết định of a plan: Word, PDF, or the drafter's note."""
    if paper not in PAPERS or fmt not in ("docx", "pdf", "txt"):
        raise Http404("không có văn bản này")
    visible_plan(agency=agency, user=request.user, pid=pid)
    project = repository.project_of(agency)
    try:
        # No date: the papers leave the date line blank for the signer's office.
        data = PAPERS[paper](project, pid, options=ReportOptions())
    except TinhgonError as error:
        show_error(request, error)
        return redirect("plan", agency.code, pid)
    name = f"{PAPER_FILES[paper]}-{pid}"
    file_name = f"{name}.ghi-chu.txt" if fmt == "txt" else f"{name}.{fmt}"
    audit_download(
        request,
        agency,
        "plan_paper",
        f"Tải {PAPER_NAMES[paper].lower()} của đề án {pid} ({file_name})",
        paper=paper,
        plan=pid,
        format=fmt,
        file=file_name,
    )
    if fmt == "txt":
        response = HttpResponse(notes_text(data), content_type="text/plain; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.ghi-chu.txt"'
        return response
    chosen = ReportFormat(fmt)
    buffer = io.BytesIO()
    write_report(data, buffer, chosen)
    response = HttpResponse(buffer.getvalue(), content_type=CONTENT_TYPES[chosen])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@agency_page()
def report_notes(request: HttpRequest, agency: models.Agency) -> HttpResponse:
    """The drafter's note of the report the report form describes (same fields), as text."""
    project = repository.project_of(agency)
    seen = visible_plan_ids(agency=agency, user=request.user)
    plans = [(p.id, p.title) for p in project.plans.values() if p.id in seen]
    form = web_forms.ReportForm(request.GET or None, plans=plans)
    if not form.is_valid():
        messages.error(request, gettext_now("Chọn ngày trước và ngày sau để soạn ghi chú."))
        return redirect("report", agency.code)
    data = form.cleaned_data
    options = form.options()
    try:
        content = build_report(
            project,
            before=data["before"],
            after=data["after"],
            plan=data["plan"] or None,
            options=options,
            texts=kept_texts(agency),
        )
    except TinhgonError as error:
        show_error(request, error)
        return redirect("report", agency.code)
    response = HttpResponse(notes_text(content), content_type="text/plain; charset=utf-8")
    name = f"bao-cao-{agency.code}-{data['after']:%Y%m%d}.ghi-chu.txt"
    audit_download(
        request,
        agency,
        "report_notes",
        f"Tải ghi chú cho người soạn thảo báo cáo ({data['before']:%d/%m/%Y} – "
        f"{data['after']:%d/%m/%Y}, {name})",
        before=data["before"].isoformat(),
        after=data["after"].isoformat(),
        plan=data["plan"] or "",
        file=name,
    )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
