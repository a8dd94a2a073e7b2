"""An agency or a province read from the application's database for the command line
(``tinhgon show @CODE``): the embedded SQLite database of TINHGON_DATA_DIR, or DATABASE_URL.

``@CODE`` names an agency (its code), or a province (the code of its row in the province
list): then the province's history, the one agency of that province whose root is the
province People's Committee (issue 9). ``--agency`` then takes one agency inside it.

The command line does not import the web application (DESIGN.md layers); ``tinhgon.entry``,
above both, hands this reader to it. Django loads only when an agency is read this way.

Reading gives what the web application's whole reading gives (``repository.build_project``:
the same rows, the same order, every person's checks, the same validating replay), for less:
the rows fetched on a cursor with their JSON decoded in one call, and the values that repeat
decoded once (``fast_rows``). Django starts with ``settings_reader`` (the application's
settings, only the applications a reading uses) unless DJANGO_SETTINGS_MODULE says otherwise.
"""

from __future__ import annotations

import gc
import os
from datetime import date
from typing import Any

from tinhgon.domain import Change, PlanStatus, Project, Timeline

PROVINCE_HISTORY = "province_committee"


class AgencyNotFound(LookupError):
    def __init__(self, code: str, vi: str, en: str) -> None:
        super().__init__(en)
        self.code = code
        self.vi = vi
        self.en = en


def project_from_database(code: str, snapshots_for: tuple[date, ...] | None = None) -> Project:
    """The project of the agency (or the province's history) with this code, read from
    every row (no cache: one read). ``snapshots_for``: as ``read_agency`` takes it."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tinhgon.web.settings_reader")
    import django
    from django.apps import apps
    from django.db import DatabaseError

    if not apps.ready:
        django.setup()

    try:
        return read_agency(agency_of(code), snapshots_for=snapshots_for)
    except DatabaseError as error:
        raise AgencyNotFound(
            code,
            f"không đọc được cơ sở dữ liệu: {error}",
            f"the database cannot be read: {error}",
        ) from None


def agency_of(code: str) -> Any:
    """The agency row of ``@CODE``: an agency by its code, else a province's history."""
    from tinhgon.web import models

    agency = models.Agency.objects.filter(code=code).first()
    if agency is not None:
        return agency
    province = models.Province.objects.filter(code=code).first()
    if province is None:
        agencies = ", ".join(models.Agency.objects.values_list("code", flat=True)[:20])
        provinces = ", ".join(models.Province.objects.values_list("code", flat=True)[:20])
        raise AgencyNotFound(
            code,
            f"không có cơ quan hay tỉnh mã '{code}' trong cơ sở dữ liệu "
            f"(cơ quan: {agencies or 'không có'}; tỉnh: {provinces or 'không có'})",
            f"no agency or province '{code}' in the database "
            f"(agencies: {agencies or 'none'}; provinces: {provinces or 'none'})",
        )
    histories = list(province.agencies.filter(agency_type=PROVINCE_HISTORY).order_by("code"))
    if len(histories) == 1:
        return histories[0]
    theirs = ", ".join(province.agencies.order_by("code").values_list("code", flat=True)[:20])
    if not histories:
        raise AgencyNotFound(
            code,
            f"tỉnh '{province.name}' chưa có lịch sử cấp tỉnh (cơ quan có gốc là Ủy ban nhân dân "
            f"tỉnh); đọc từng cơ quan bằng mã của nó (@{theirs or '…'})",
            f"province '{province.name}' has no province history (an agency whose root is the "
            f"province People's Committee); read its agencies by their codes ({theirs or 'none'})",
        )
    both = ", ".join(h.code for h in histories)
    raise AgencyNotFound(
        code,
        f"tỉnh '{province.name}' có nhiều lịch sử cấp tỉnh ({both}): ghi mã của một",
        f"province '{province.name}' has several province histories ({both}): give one's code",
    )


def read_agency(agency: Any, *, snapshots_for: tuple[date, ...] | None = None) -> Project:
    """The agency's project from every row: what ``repository.build_project`` builds.

    ``snapshots_for``: the only dates whose states the caller will ask for (a command line
    reading): the history keeps fewer snapshots (see ``Timeline``), unless a plan is open.

    The cyclic garbage collector is paused while the rows become objects (a reading makes a
    million objects and no garbage cycle; the collector would only scan them again and again)
    and set back as it was after."""
    paused = gc.isenabled()
    gc.disable()
    try:
        return _read(agency, snapshots_for)
    finally:
        if paused:
            gc.enable()


def _read(agency: Any, snapshots_for: tuple[date, ...] | None) -> Project:
    from tinhgon.domain import BUILTIN_KINDS, DocumentRegister
    from tinhgon.io.codec import Context, document_from_plain, unit_kind_from_plain
    from tinhgon.web import agency_rows
    from tinhgon.web.fast_rows import RowDecoder

    kinds = dict(BUILTIN_KINDS)  # as repository.context_of reads them
    for entry in agency.unit_kinds:
        kind = unit_kind_from_plain(entry)
        kinds[kind.code] = kind
    documents = DocumentRegister(
        document_from_plain(agency_rows.document_plain(d)) for d in agency.documents.all()
    )
    people: dict[str, Any] = {}
    ctx = Context(kinds=kinds, documents=documents, people=people)
    decoder = RowDecoder(ctx)
    people.update(decoder.people(agency.people.all()))
    official: list[Change] = []
    by_plan: dict[int, list[Change]] = {}
    for plan_id, change in decoder.changes(agency.changes.all()):
        official.append(change)
        if plan_id is not None:
            by_plan.setdefault(plan_id, []).append(change)
    plans = agency_rows.plans_of(agency, ctx, by_plan)
    # An open plan is projected from the snapshot nearest its first change: keep them all.
    closed = (PlanStatus.IMPLEMENTED, PlanStatus.REJECTED)
    keep = None if any(p.status not in closed for p in plans.values()) else snapshots_for
    return Project(
        agency=agency_rows.domain_agency(agency),
        documents=ctx.documents,
        timeline=Timeline(official, snapshots_for=keep),
        plans=plans,
        people=people,
        unit_kinds=ctx.kinds,
    )
