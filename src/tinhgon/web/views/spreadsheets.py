"""Excel and CSV: import of a staff list, its error copy, blank templates."""

from __future__ import annotations

import datetime as dt
import re
import secrets
import tempfile
import time
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect

from tinhgon.domain import TinhgonError
from tinhgon.io.errors import ConfirmationNeeded, FileRefused, SpreadsheetError
from tinhgon.io.sheets import read_spreadsheet
from tinhgon.io.xlsx_export import write_error_copy, write_template
from tinhgon.web import forms, models, repository, services
from tinhgon.web.permissions import (
    Action,
)
from tinhgon.web.services.spreadsheets import read_deadline
from tinhgon.web.views.base import (
    XLSX,
    _copies,
    _uploads,
    agency_page,
    page,
    show_error,
)

CONFIRMATIONS = ("create_units", "accept_matches", "accept_warnings")


@agency_page(Action.EDIT)
def spreadsheet_import(request: HttpRequest, agency: models.Agency) -> HttpResponse:
    """Nhập từ Excel: the file is checked whole; every problem at once, or what needs the
    editor's word (new units, doubtful matches, warnings) shown with a box to tick, the file
    kept until they confirm or upload another."""
    project = repository.project_of(agency)
    pending = request.POST.get("pending", "") if request.method == "POST" else ""
    if pending:
        return _confirm(request, agency, pending)
    form = forms.SpreadsheetImportForm(request.POST or None, request.FILES or None, project=project)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        _drop_stale(agency)
        token = secrets.token_urlsafe(16)
        folder = _uploads() / f"{agency.code}-{token}"
        folder.mkdir()
        # The file keeps the name the user knows it by: every problem names it.
        path = folder / (re.sub(r"[^\w.()\- ]+", "_", Path(upload.name).name) or "tep.xlsx")
        with path.open("wb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
        symbol, issued = form.cleaned_data["basis"].split("|")
        params = {
            "filename": upload.name,
            "path": str(path),
            "on": form.cleaned_data["on"].isoformat(),
            "basis": symbol,
            "basis_date": issued,
            "complete": bool(form.cleaned_data["complete"]),
            "reason": form.cleaned_data["reason"],
        }
        return _run(request, agency, form, token, params, {})
    return page(request, "tinhgon/import_sheet.html", agency, form=form)


def _drop_stale(agency: models.Agency) -> None:
    """Files left waiting for a confirmation that never came are removed after a day."""
    old = time.time() - 24 * 3600
    for folder in _uploads().glob(f"{agency.code}-*"):
        if folder.is_dir() and folder.stat().st_mtime < old:
            for leftover in folder.iterdir():
                leftover.unlink(missing_ok=True)
            folder.rmdir()


def _confirm(request: HttpRequest, agency: models.Agency, token: str) -> HttpResponse:
    params = request.session.get(f"import:{agency.code}:{token}")
    if not re.fullmatch(r"[\w-]{10,40}", token) or not isinstance(params, dict):
        messages.error(request, "Tệp chờ xác nhận không còn: hãy tải tệp lên lại.")
        return redirect("spreadsheet_import", code=agency.code)
    if "cancel" in request.POST:
        _discard(request, agency, token, params)
        return redirect("spreadsheet_import", code=agency.code)
    confirmed = {key: request.POST.get(key) == "on" for key in CONFIRMATIONS}
    form = forms.SpreadsheetImportForm(project=repository.project_of(agency))
    return _run(request, agency, form, token, params, confirmed)


def _discard(
    request: HttpRequest, agency: models.Agency, token: str, params: dict[str, Any]
) -> None:
    path = Path(params["path"])
    path.unlink(missing_ok=True)
    if path.parent.exists() and path.parent.parent == _uploads():
        path.parent.rmdir()
    request.session.pop(f"import:{agency.code}:{token}", None)


def _run(
    request: HttpRequest,
    agency: models.Agency,
    form: forms.SpreadsheetImportForm,
    token: str,
    params: dict[str, Any],
    confirmed: dict[str, bool],
) -> HttpResponse:
    path = Path(params["path"])
    problems: list[Any] = []
    asked: ConfirmationNeeded | None = None
    asked_later: list[dict[str, Any]] = []
    copy_token = ""
    language = getattr(request, "LANGUAGE_CODE", "vi")
    try:
        result = services.spreadsheet_import(
            agency=agency,
            path=path,
            filename=params["filename"],
            on=dt.date.fromisoformat(params["on"]),
            basis=params["basis"],
            basis_date=dt.date.fromisoformat(params["basis_date"]),
            complete=params["complete"],
            user=request.user,
            reason=params["reason"],
            **confirmed,
        )
    except ConfirmationNeeded as error:
        asked = error
        request.session[f"import:{agency.code}:{token}"] = params  # the file waits
    except SpreadsheetError as error:
        problems = [p.in_language(language) for p in error.problems]
        if error.asked is not None:
            asked_later = _asked(error.asked, language)
        if not isinstance(error, FileRefused):
            try:
                book = read_spreadsheet(path, deadline=read_deadline())
                write_error_copy(_copies(agency) / f"{token}.loi.xlsx", book, error.problems)
                copy_token = token
            except (SpreadsheetError, OSError):
                copy_token = ""
    except TinhgonError as error:
        show_error(request, error)
    else:
        _discard(request, agency, token, params)
        messages.success(
            request,
            f"Đã nhập {params['filename']}: {len(result.changes)} thay đổi ghi nhận ngày "
            f"{result.on:%d/%m/%Y}.",
        )
        return redirect("timeline", code=agency.code)
    if asked is None:
        _discard(request, agency, token, params)
    return page(
        request,
        "tinhgon/import_sheet.html",
        agency,
        form=form,
        problems=problems[:200],
        more=max(0, len(problems) - 200),
        copy_token=copy_token,
        asked=_asked(asked, language) if asked is not None else None,
        pending=token if asked is not None else "",
        asked_later=asked_later,
        filename=params["filename"],
    )


def _asked(asked: ConfirmationNeeded, language: str) -> list[dict[str, Any]]:
    groups = (
        ("create_units", asked.units, "Thành lập các đơn vị mới này", "Create these new units"),
        (
            "accept_matches",
            asked.matches,
            "Đây là cùng một người (khớp theo họ tên, ngày sinh)",
            "These are the same people (matched by name and birth date)",
        ),
        (
            "accept_warnings",
            asked.warnings,
            "Tôi đã đọc các cảnh báo này và vẫn nhập",
            "I have read these warnings and import anyway",
        ),
    )
    return [
        {
            "name": name,
            "label": en if language == "en" else vi,
            "items": [p.in_language(language) for p in items[:200]],
        }
        for name, items, vi, en in groups
        if items
    ]


@agency_page(Action.EDIT)
def spreadsheet_error_copy(request: HttpRequest, agency: models.Agency, token: str) -> HttpResponse:
    if not re.fullmatch(r"[\w-]{10,40}", token):
        raise Http404("Không có tệp này")
    path = _copies(agency) / f"{token}.loi.xlsx"
    if not path.exists():
        raise Http404("Không có tệp này")
    return FileResponse(path.open("rb"), as_attachment=True, filename="ban-sao-co-cot-loi.xlsx")


@login_required
def spreadsheet_template(request: HttpRequest, what: str) -> HttpResponse:
    """Tải mẫu: a blank workbook to fill in (staff, structure, or both)."""
    if what not in ("staff", "structure", "workbook"):
        raise Http404("Không có mẫu này")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"mau-{what}.xlsx"
        write_template(path, what)
        data = path.read_bytes()
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="mau-{what}.xlsx"'
    return response
