"""Database rows to a domain ``Project`` and back (the adapter of cosmicpython's Django appendix).

Reading an agency builds its domain project once per revision and keeps it in memory: every
write bumps ``Agency.revision``, so a page only rebuilds what changed.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

from tinhgon.domain import (
    BUILTIN_KINDS,
    Change,
    CreateUnit,
    Document,
    DocumentRegister,
    Person,
    Project,
    Timeline,
)
from tinhgon.domain import (
    Agency as DomainAgency,
)
from tinhgon.domain import (
    Plan as DomainPlan,
)
from tinhgon.domain import (
    PlanStatus as DomainPlanStatus,
)
from tinhgon.domain.vietnamese import fold
from tinhgon.io.codec import (
    Context,
    change_from_plain,
    change_to_plain,
    document_from_plain,
    person_from_plain,
    person_to_plain,
    unit_kind_from_plain,
    unit_kind_to_plain,
)
from tinhgon.web import models

T = TypeVar("T")
_CACHE_SIZE = 32
_MEMO_SIZE = 128


class _Entry:
    """One agency's project as of one write, and what has been worked out from it."""

    __slots__ = ("memo", "project", "stamp")

    def __init__(self, stamp: Any, project: Project) -> None:
        self.stamp = stamp
        self.project = project
        self.memo: OrderedDict[Any, Any] = OrderedDict()


_cache: OrderedDict[int, _Entry] = OrderedDict()
_lock = threading.Lock()


def document_plain(row: models.Document) -> dict[str, Any]:
    return {
        "symbol": row.symbol,
        "kind": row.kind,
        "issued_on": row.issued_on.isoformat(),
        "effective_on": row.effective_on.isoformat() if row.effective_on else None,
        "issuer": row.issuer,
        "title": row.title,
        "url": row.url,
        "illustrative": row.illustrative,
    }


def context_of(agency: models.Agency) -> Context:
    kinds = dict(BUILTIN_KINDS)
    for entry in agency.unit_kinds:
        kind = unit_kind_from_plain(entry)
        kinds[kind.code] = kind
    documents = DocumentRegister(
        document_from_plain(document_plain(d)) for d in agency.documents.all()
    )
    people = {  # plain rows, not model instances: a province holds tens of thousands
        pid: person_from_plain(data, ("people", pid))
        for pid, data in agency.people.values_list("pid", "data")
    }
    return Context(kinds=kinds, documents=documents, people=people)


def context_from(project: Project) -> Context:
    """What plain changes resolve against, taken from an agency's (cached) project."""
    return Context(kinds=project.unit_kinds, documents=project.documents, people=project.people)


def document_row(agency: models.Agency, document: Document) -> models.Document:
    """The (unsaved) row of a document of the register."""
    return models.Document(
        agency=agency,
        symbol=document.symbol.text,
        kind=document.kind.value,
        issued_on=document.issued_on,
        effective_on=document.effective_on,
        issuer=document.issuer,
        title=document.title,
        url=document.url or "",
        illustrative=document.illustrative,
    )


def person_row(agency: models.Agency, person: Person) -> models.Person:
    """The (unsaved) row of a person of the registry."""
    return models.Person(
        agency=agency,
        pid=person.id,
        data=person_to_plain(person),
        full_name=person.full_name,
        folded_name=fold(person.full_name),
    )


def domain_agency(agency: models.Agency) -> DomainAgency:
    return DomainAgency(
        id=agency.code,
        name=agency.name,
        agency_type=agency.agency_type,
        short_name=agency.short_name,
        province=agency.province_name,
        province_class=agency.province_class or None,
        superior=agency.superior,
        place=agency.place,
        illustrative=agency.illustrative,
        note=agency.note,
    )


def build_project(agency: models.Agency) -> Project:
    """Read every row of an agency into a validated domain project (no cache)."""
    ctx = context_of(agency)
    official: list[Change] = []
    by_plan: dict[int, list[Change]] = {}
    for payload, plan_id in agency.changes.values_list("payload", "plan_id"):
        change = change_from_plain(payload, ctx, ())
        official.append(change)
        if plan_id is not None:
            by_plan.setdefault(plan_id, []).append(change)
    timeline = Timeline(official)
    plans = {}
    for row in agency.plans.select_related("decision").all():
        status = DomainPlanStatus(row.status)
        if status is DomainPlanStatus.IMPLEMENTED:
            changes = tuple(by_plan.get(row.pk, ()))
        else:
            changes = tuple(change_from_plain(c, ctx, ()) for i, c in enumerate(row.changes))
        plans[row.pid] = DomainPlan(
            id=row.pid,
            title=row.title,
            description=row.description,
            status=status,
            decision=ctx.documents.resolve(row.decision.symbol, row.decision.issued_on).key
            if row.decision
            else None,
            rejection_reason=row.rejection_reason,
            changes=changes,
        )
    return Project(
        agency=domain_agency(agency),
        documents=ctx.documents,
        timeline=timeline,
        plans=plans,
        people=ctx.people,
        unit_kinds=ctx.kinds,
    )


def _entry(agency: models.Agency) -> _Entry:
    stamp = models.Agency.objects.filter(pk=agency.pk).values_list("stamp", flat=True).first()
    with _lock:
        hit = _cache.get(agency.pk)
        if hit is not None and hit.stamp == stamp:
            _cache.move_to_end(agency.pk)
            return hit
    entry = _Entry(stamp, build_project(agency))
    with _lock:
        _cache[agency.pk] = entry
        _cache.move_to_end(agency.pk)
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return entry


def project_of(agency: models.Agency) -> Project:
    """The agency's project as of its last write, from memory when it is there; seen from the
    agency inside the history the request is narrowed to (``agency.scope``, web.scoping)."""
    entry = _entry(agency)
    scope = getattr(agency, "scope", None)
    if not scope:
        return entry.project
    return _memo(entry, ("scope", scope), lambda project: project.for_agency(scope))


def project_of_whole(agency: models.Agency) -> Project:
    """The whole history of an agency row, whatever the request is narrowed to."""
    return _entry(agency).project


def memo(agency: models.Agency, key: Any, compute: Callable[[Project], T]) -> T:
    """Something worked out from the agency's project (a state's metrics, a legal check…),
    computed once per write of the agency and kept with its project."""
    scope = getattr(agency, "scope", None)
    if not scope:
        return _memo(_entry(agency), key, compute)
    project = project_of(agency)
    return _memo(_entry(agency), (key, "in", scope), lambda _: compute(project))


def _memo(entry: _Entry, key: Any, compute: Callable[[Project], T]) -> T:
    with _lock:
        if key in entry.memo:
            entry.memo.move_to_end(key)
            return entry.memo[key]  # type: ignore[no-any-return]
    value = compute(entry.project)
    with _lock:
        entry.memo[key] = value
        while len(entry.memo) > _MEMO_SIZE:
            entry.memo.popitem(last=False)
    return value


def forget(agency_pk: int) -> None:
    with _lock:
        _cache.pop(agency_pk, None)


def write_project(project: Project, agency: models.Agency, *, user: Any) -> None:
    """Replace every row of an agency with the content of a project (inside a transaction)."""
    project = project.whole()  # a page narrowed to an agency inside the history writes it all
    agency.changes.all().delete()
    agency.plans.all().delete()
    agency.people.all().delete()
    agency.documents.all().delete()
    info = project.agency
    changes = list(project.timeline.changes)
    root = changes[0] if changes and isinstance(changes[0], CreateUnit) else None
    agency.name = info.name
    agency.agency_type = info.agency_type
    agency.short_name = info.short_name
    agency.province_name = info.province
    agency.province_class = info.province_class or ""
    agency.superior = info.superior
    agency.place = info.place
    agency.illustrative = info.illustrative
    agency.note = info.note
    agency.root_kind = root.unit.kind.code if root else "agency"
    agency.root_fields = list(root.unit.fields) if root else []
    agency.unit_kinds = [
        unit_kind_to_plain(k) for code, k in project.unit_kinds.items() if code not in BUILTIN_KINDS
    ]
    agency.save()
    documents = {}
    for document in project.documents:
        documents[document.key] = row = document_row(agency, document)
        row.save()
    models.Person.objects.bulk_create(person_row(agency, p) for p in project.people.values())
    plan_rows = {}
    implemented: dict[int, models.Plan] = {}
    for plan in project.plans.values():
        row = models.Plan.objects.create(
            agency=agency,
            pid=plan.id,
            title=plan.title,
            description=plan.description,
            status=plan.status.value,
            decision=documents.get(plan.decision) if plan.decision else None,
            rejection_reason=plan.rejection_reason,
            changes=[change_to_plain(c, project.documents) for c in plan.changes],
            created_by=user,
        )
        plan_rows[plan.id] = row
        if plan.status is DomainPlanStatus.IMPLEMENTED:
            for change in plan.changes:
                implemented[id(change)] = row
    records = []
    for seq, change in enumerate(changes, start=1):
        plan_row = implemented.get(id(change))
        if plan_row is None:
            plan_row = next(
                (
                    plan_rows[p.id]
                    for p in project.plans.values()
                    if p.status is DomainPlanStatus.IMPLEMENTED and change in p.changes
                ),
                None,
            )
        records.append(change_row(agency, seq, change, project.documents, plan=plan_row, user=user))
    models.ChangeRecord.objects.bulk_create(records, batch_size=1000)


def change_row(
    agency: models.Agency,
    seq: int,
    change: Change,
    documents: DocumentRegister,
    *,
    plan: models.Plan | None,
    user: Any,
) -> models.ChangeRecord:
    """The (unsaved) row of one official change, in the plain form of the project file."""
    return models.ChangeRecord(
        agency=agency,
        seq=seq,
        kind=change.kind,
        on=change.on,
        payload=change_to_plain(change, documents),
        plan=plan,
        recorded_by=user if user is not None and user.is_authenticated else None,
    )
