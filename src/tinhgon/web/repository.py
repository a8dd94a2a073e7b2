"""Database rows to a domain ``Project`` and back (the adapter of cosmicpython's Django appendix).

Reading an agency builds its domain project once and keeps it in memory: every write bumps
``Agency.stamp``. A write that only adds rows (a change recorded, a person registered, a
document, a plan edited) is applied to the project already built, from the new rows only;
any other write reads the agency again. The cache is bounded by an estimate of the memory
it holds, not by a count of agencies.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar

from django.db.models import Max

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
_MEMO_SIZE = 128
_LASTING_SIZE = 16  # what is kept across writes may hold states: fewer of them


class _Marks(NamedTuple):
    """How far the rows read into a cached project go: the last audit entry looked at, the
    last change record and person row read, and the agency's own fields."""

    audit: int
    change: int
    person: int
    shape: tuple[Any, ...]


class _Entry:
    """One agency's project as of one write, and what has been worked out from it."""

    __slots__ = ("by_plan", "lasting", "marks", "memo", "project", "stamp")

    def __init__(
        self,
        stamp: Any,
        project: Project,
        *,
        marks: _Marks,
        by_plan: dict[int, list[Change]],
    ) -> None:
        self.stamp = stamp
        self.project = project
        self.marks = marks
        self.by_plan = by_plan
        self.memo: OrderedDict[Any, Any] = OrderedDict()
        # Handed on from one write to the next (``lasting``).
        self.lasting: OrderedDict[Any, Any] = OrderedDict()

    def weight(self) -> int:
        """Bytes this entry holds, estimated: measured on a 50,000-person project, about
        1.5 KiB a person or change; a state or a check worked out from it, 0.5 KiB a person."""
        people = len(self.project.people)
        worked_out = len(self.memo) + len(self.lasting)
        return 1536 * (people + len(self.project.timeline)) + 512 * people * worked_out


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
    # Plain values, not model instances: a tenth of the time on 50,000 rows.
    people = {
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
    return _read_all(agency, stamp=None, audit_mark=0).project


def _read_all(agency: models.Agency, *, stamp: Any, audit_mark: int) -> _Entry:
    ctx = context_of(agency)
    official: list[Change] = []
    by_plan: dict[int, list[Change]] = {}
    change_mark = 0
    for pk, payload, plan_id in agency.changes.values_list("pk", "payload", "plan_id"):
        change = change_from_plain(payload, ctx, ())
        official.append(change)
        change_mark = max(change_mark, pk)
        if plan_id is not None:
            by_plan.setdefault(plan_id, []).append(change)
    timeline = Timeline(official)
    project = Project(
        agency=domain_agency(agency),
        documents=ctx.documents,
        timeline=timeline,
        plans=_plans(agency, ctx, by_plan),
        people=ctx.people,
        unit_kinds=ctx.kinds,
    )
    person_mark = agency.people.aggregate(m=Max("pk"))["m"] or 0
    return _Entry(
        stamp,
        project,
        marks=_Marks(audit_mark, change_mark, person_mark, _shape(agency)),
        by_plan=by_plan,
    )


def _plans(
    agency: models.Agency, ctx: Context, by_plan: dict[int, list[Change]]
) -> dict[str, DomainPlan]:
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
    return plans


def _shape(agency: models.Agency) -> tuple[Any, ...]:
    """What of the agency's own row the project depends on."""
    return (domain_agency(agency), agency.root_kind, agency.root_fields, agency.unit_kinds)


# Writes that only add to an agency (rows appended, plans rewritten): the project in memory
# takes them in without reading every row again. Any other write (an import replacing the
# agency, a spreadsheet import updating people) rebuilds it.
_APPENDING = frozenset(
    ("document_add", "person_register", "change_record", "membership_grant", "membership_revoke")
)


def _appending(action: str) -> bool:
    return action in _APPENDING or action.startswith("plan_")


def _audit_mark(agency_pk: int) -> int:
    return models.AuditEntry.objects.filter(agency_id=agency_pk).aggregate(m=Max("pk"))["m"] or 0


def _refreshed(old: _Entry, agency_pk: int, stamp: Any) -> _Entry | None:
    """The cached project with the writes since it was built applied to it, or None when
    they are not all appends (then the agency is read again whole)."""
    actions = list(
        models.AuditEntry.objects.filter(agency_id=agency_pk, pk__gt=old.marks.audit)
        .order_by("pk")
        .values_list("pk", "action")
    )
    if not actions or not all(_appending(action) for _, action in actions):
        return None
    agency = models.Agency.objects.filter(pk=agency_pk).first()
    if agency is None or _shape(agency) != old.marks.shape:
        return None
    project = old.project
    documents = DocumentRegister(
        document_from_plain(document_plain(d)) for d in agency.documents.all()
    )
    people = dict(project.people)
    person_mark = old.marks.person
    new_people = list(agency.people.filter(pk__gt=person_mark).order_by("pk"))
    for row in new_people:
        people[row.pid] = person_from_plain(row.data, ("people", row.pid))
        person_mark = max(person_mark, row.pk)
    if new_people:  # in the order a whole reading gives
        people = {pid: people[pid] for pid in agency.people.values_list("pid", flat=True)}
    ctx = Context(kinds=project.unit_kinds, documents=documents, people=people)
    by_plan = {pk: list(changes) for pk, changes in old.by_plan.items()}
    change_mark = old.marks.change
    added: list[Change] = []
    for record in agency.changes.filter(pk__gt=change_mark).order_by("seq"):
        change = change_from_plain(record.payload, ctx, ())
        added.append(change)
        change_mark = max(change_mark, record.pk)
        if record.plan_id is not None:
            by_plan.setdefault(record.plan_id, []).append(change)
    timeline = project.timeline.with_changes(added) if added else project.timeline
    fresh = Project(
        agency=project.agency,
        documents=documents,
        timeline=timeline,
        plans=_plans(agency, ctx, by_plan),
        people=people,
        unit_kinds=project.unit_kinds,
    )
    marks = _Marks(actions[-1][0], change_mark, person_mark, old.marks.shape)
    return _Entry(stamp, fresh, marks=marks, by_plan=by_plan)


def _entry(agency: models.Agency) -> _Entry:
    stamp = models.Agency.objects.filter(pk=agency.pk).values_list("stamp", flat=True).first()
    with _lock:
        hit = _cache.get(agency.pk)
        if hit is not None and hit.stamp == stamp:
            _cache.move_to_end(agency.pk)
            _evict()
            return hit
    entry = _refreshed(hit, agency.pk, stamp) if hit is not None else None
    if entry is None:
        # The audit mark first: a write logged meanwhile is looked at again next time.
        entry = _read_all(agency, stamp=stamp, audit_mark=_audit_mark(agency.pk))
    if hit is not None:
        entry.lasting = hit.lasting
    with _lock:
        _cache[agency.pk] = entry
        _cache.move_to_end(agency.pk)
        _evict()
    return entry


def _evict() -> None:
    """Forget the least recently used projects while the cache weighs more than its budget
    (TINHGON_CACHE_MIB, 768 by default); the one just used always stays."""
    budget = _budget_bytes()
    total = sum(entry.weight() for entry in _cache.values())
    while total > budget and len(_cache) > 1:
        _, entry = _cache.popitem(last=False)
        total -= entry.weight()


def _budget_bytes() -> int:
    try:
        mib = float(os.environ.get("TINHGON_CACHE_MIB", "768"))
    except ValueError:
        mib = 768.0
    return int(mib * 2**20)


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


def lasting(agency: models.Agency, key: Any) -> dict[str, Any]:
    """A dict kept with the agency's cached project across its writes (``memo`` starts empty
    after each write): for what judges by itself which of its parts still apply to the project
    after a write (``selectors.metrics_series``' points, the province page's rows). Bounded
    and forgotten with the project."""
    entry = _entry(agency)
    scope = getattr(agency, "scope", None)
    key = (key, "in", scope) if scope else key
    with _lock:
        kept = entry.lasting.get(key)
        if kept is None:
            kept = entry.lasting[key] = {}
            while len(entry.lasting) > _LASTING_SIZE:
                entry.lasting.popitem(last=False)
        entry.lasting.move_to_end(key)
        return kept  # type: ignore[no-any-return]


def _memo(entry: _Entry, key: Any, compute: Callable[[Project], T]) -> T:
    with _lock:
        if key in entry.memo:
            entry.memo.move_to_end(key)
            return entry.memo[key]  # type: ignore[no-any-return]
    value = compute(entry.project)
    with _lock:
        entry.memo[key] = value
        # Bounded by count and by the memory budget: at 50,000 people each date's state and
        # check weigh tens of MiB, so one agency's dates must not push the budget alone.
        budget = _budget_bytes()
        while len(entry.memo) > _MEMO_SIZE or (entry.weight() > budget and len(entry.memo) > 1):
            entry.memo.popitem(last=False)
        _evict()
    return value


def forget(agency_pk: int) -> None:
    with _lock:
        _cache.pop(agency_pk, None)


def write_project(
    project: Project,
    agency: models.Agency,
    *,
    user: Any,
    insert: Callable[[type[Any], list[Any]], None] | None = None,
) -> None:
    """Replace every row of an agency with the content of a project (inside a transaction).

    ``insert(model, rows)`` writes the people's and the changes' rows (the many ones): by
    default ``bulk_create``; the national bulk load passes a quicker one (web/bulk_load.py)."""
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
    person_rows = [person_row(agency, p) for p in project.people.values()]
    if insert is not None:
        insert(models.Person, person_rows)
    else:
        models.Person.objects.bulk_create(person_rows)
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
    if insert is not None:
        insert(models.ChangeRecord, records)
    else:
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
