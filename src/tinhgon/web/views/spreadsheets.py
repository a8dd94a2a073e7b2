"""Excel and CSV: import of a staff list, its error copy, blank templates."""

from __future__ import annotations

import datetime as dt
import re
import secrets
import tempfile
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect

from tinhgon.domain import TinhgonError
from tinhgon.io.errors import FileRefused, SpreadsheetError
from tinhgon.io.sheets import read_spreadsheet
from tinhgon.io.xlsx_export import write_error_copy, write_template
from tinhgon.web import forms, models, repository, services
from tinhgon.web.permissions import (
    Action,
)
from tinhgon.web.views.base import (
    XLSX,
    _copies,
    _uploads,
    agency_page,
    page,
    show_error,
)


@agency_page(Action.EDIT)
def spreadsheet_import(request: HttpRequest, agency: models.Agency) -> HttpResponse:
    project = repository.project_of(agency)
    form = forms.SpreadsheetImportForm(request.POST or None, request.FILES or None, project=project)
    problems: list[Any] = []
    copy_token = ""
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        token = secrets.token_urlsafe(16)
        folder = _uploads() / f"{agency.code}-{token}"
        folder.mkdir()
        # The file keeps the name the user knows it by: every problem names it.
        path = folder / (re.sub(r"[^\w.()\- ]+", "_", Path(upload.name).name) or "tep.xlsx")
        with path.open("wb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
        try:
            symbol, issued = form.cleaned_data["basis"].split("|")
            result = services.spreadsheet_import(
                agency=agency,
                path=path,
                filename=upload.name,
                on=form.cleaned_data["on"],
                basis=symbol,
                basis_date=dt.date.fromisoformat(issued),
                complete=form.cleaned_data["complete"],
                user=request.user,
                reason=form.cleaned_data["reason"],
            )
        except SpreadsheetError as error:
            language = getattr(request, "LANGUAGE_CODE", "vi")
            problems = [p.in_language(language) for p in error.problems]
            if not isinstance(error, FileRefused):
                try:
                    book = read_spreadsheet(path)
                    write_error_copy(_copies(agency) / f"{token}.loi.xlsx", book, error.problems)
                    copy_token = token
                except (SpreadsheetError, OSError):
                    copy_token = ""
        except TinhgonError as error:
            show_error(request, error)
        else:
            messages.success(
                request,
                f"Đã nhập {upload.name}: {len(result.changes)} thay đổi ghi nhận ngày {result.on:%d/%m/%Y}.",
            )
            return redirect("timeline", code=agency.code)
        finally:
            path.unlink(missing_ok=True)
            folder.rmdir()
    return page(
        request,
        "tinhgon/import_sheet.html",
        agency,
        form=form,
        problems=problems[:200],
        more=max(0, len(problems) - 200),
        copy_token=copy_token,
    )


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
