"""Nhập từ Excel/CSV: appending what a staff list adds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Max

from tinhgon.domain import BUILTIN_KINDS
from tinhgon.io.codec import (
    unit_kind_to_plain,
)
from tinhgon.io.sheets import read_spreadsheet
from tinhgon.io.sheets_deadline import Deadline
from tinhgon.io.staff_import import ImportOptions, ImportResult, import_workbook
from tinhgon.web import models, repository
from tinhgon.web.services.base import ServiceError, _bump, audit

# -- spreadsheets ------------------------------------------------------------------------------


def read_deadline() -> Deadline:
    """The time an upload may take to read (``TINHGON_IMPORT_SECONDS``, default 120)."""
    return Deadline(getattr(settings, "TINHGON_IMPORT_SECONDS", 120))


def spreadsheet_import(
    *,
    agency: models.Agency,
    path: Path,
    filename: str,
    on: dt.date,
    basis: str,
    basis_date: dt.date | None = None,
    complete: bool,
    user: Any,
    reason: str = "",
    create_units: bool = False,
    accept_matches: bool = False,
    accept_warnings: bool = False,
) -> ImportResult:
    """Nhập từ Excel/CSV: the whole file is checked against the agency's project first; on any
    problem SpreadsheetError lists them all and nothing is written. Otherwise only what it adds
    is written: the new dated changes (citing ``basis``), new people and documents, and the
    people whose details changed. The past stays as it was recorded.

    The check takes a while on a large file; if the agency changed meanwhile, the import is
    refused (ServiceError) rather than overwriting what someone else just recorded.
    """
    from tinhgon.web.imports import import_slot

    with import_slot(agency=agency, user=user, filename=filename):
        return _spreadsheet_import(
            agency=agency,
            path=path,
            filename=filename,
            on=on,
            basis=basis,
            basis_date=basis_date,
            complete=complete,
            user=user,
            reason=reason,
            create_units=create_units,
            accept_matches=accept_matches,
            accept_warnings=accept_warnings,
        )


def _spreadsheet_import(
    *,
    agency: models.Agency,
    path: Path,
    filename: str,
    on: dt.date,
    basis: str,
    basis_date: dt.date | None,
    complete: bool,
    user: Any,
    reason: str,
    create_units: bool,
    accept_matches: bool,
    accept_warnings: bool,
) -> ImportResult:
    stamp = models.Agency.objects.filter(pk=agency.pk).values_list("stamp", flat=True).get()
    book = read_spreadsheet(path, deadline=read_deadline())
    project = repository.project_of(agency)
    options = ImportOptions(
        on=on,
        basis=basis,
        basis_date=basis_date,
        complete=complete,
        create_units=create_units,
        accept_matches=accept_matches,
        accept_warnings=accept_warnings,
    )
    result = import_workbook(book, project, options)
    new = result.project
    with transaction.atomic():
        locked = models.Agency.objects.select_for_update().get(pk=agency.pk)
        if locked.stamp != stamp:
            raise ServiceError(
                "dữ liệu của cơ quan vừa được người khác thay đổi trong lúc kiểm tra tệp; "
                "hãy nhập lại tệp — chưa có gì được ghi",
                "the agency's data was changed by someone else while the file was checked; "
                "import the file again — nothing was written",
            )
        known = set(locked.documents.values_list("symbol", "issued_on"))
        for document in new.documents:
            if (document.symbol.text, document.issued_on) not in known:
                repository.document_row(locked, document).save()
        custom = [
            unit_kind_to_plain(k) for c, k in new.unit_kinds.items() if c not in BUILTIN_KINDS
        ]
        if custom != locked.unit_kinds:
            locked.unit_kinds = custom
            locked.save(update_fields=["unit_kinds"])
        rows = {p.pid: p for p in locked.people.all()}
        added = 0
        for person in new.people.values():
            fresh = repository.person_row(locked, person)
            row = rows.get(person.id)
            if row is None:
                fresh.save()
                added += 1
            elif row.data != fresh.data:
                row.data, row.full_name, row.folded_name = (
                    fresh.data,
                    fresh.full_name,
                    fresh.folded_name,
                )
                row.save(update_fields=["data", "full_name", "folded_name"])
        seq = locked.changes.aggregate(m=Max("seq"))["m"] or 0
        records = []
        for change in result.changes:
            seq += 1
            records.append(
                repository.change_row(locked, seq, change, new.documents, plan=None, user=user)
            )
        models.ChangeRecord.objects.bulk_create(records)
        _bump(locked)
        audit(
            agency=locked,
            user=user,
            action="spreadsheet_import",
            summary=f"Nhập từ {filename}: {len(result.changes)} thay đổi ngày {result.on:%d/%m/%Y}, "
            f"{added} người mới, {len(result.updated)} hồ sơ cập nhật",
            reason=reason,
            data={"filename": filename, "changes": [r.payload for r in records]},
        )
    return result
