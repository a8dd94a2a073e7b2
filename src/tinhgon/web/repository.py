"""Database rows to a domain ``Project`` and back (the adapter of cosmicpython's Django appendix).

What a row reads as and is written from is in ``agency_rows``, the writing of a whole agency in
``agency_writer``; both are still importable from here. This module keeps the reading and its
cache.

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

from tinhgon.domain import Change, DocumentRegister, Project, Timeline
from tinhgon.io.codec import Context, change_from_plain, document_from_plain, person_from_plain
from tinhgon.web import collector, models

# Split out of this module along their meaning; every name is still importable from here.
from tinhgon.web.agency_rows import (
    change_row,
    context_from,
    context_of,
    document_plain,
    document_row,
    domain_agency,
    person_row,
    plans_of,
    shape_of,
)
from tinhgon.web.agency_writer import write_project
from tinhgon.web.request_stamp import kept_stamp

__all__ = [
    "build_project",
    "change_row",
    "context_from",
    "context_of",
    "document_plain",
    "document_row",
    "domain_agency",
    "forget",
    "lasting",
    "memo",
    "person_row",
    "project_of",
    "project_of_whole",
    "write_project",
]

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

    __slots__ = ("by_plan", "lasting", "marks", "memo", "memo_bytes", "project", "stamp", "weights")

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
        self.weights: dict[Any, int] = {}  # each memo entry's estimated bytes (``weight_of``)
        self.memo_bytes = 0
        # Handed on from one write to the next (``lasting``).
        self.lasting: OrderedDict[Any, Any] = OrderedDict()

    def weight(self) -> int:
        """Bytes this entry holds, estimated: measured on a 50,000-person project, about
        1.5 KiB a person or change; what is worked out from it by what it holds (``weight_of``);
        what is kept across writes (dates' states and checks), 0.5 KiB a person each."""
        people = len(self.project.people)
        lasting = _PER_PERSON * people * len(self.lasting)
        return 1536 * (people + len(self.project.timeline)) + self.memo_bytes + lasting

    def keep(self, key: Any, value: Any) -> None:
        self.drop(key)
        self.memo[key] = value
        self.weights[key] = weight = weight_of(value, people=len(self.project.people))
        self.memo_bytes += weight

    def drop(self, key: Any) -> None:
        self.memo.pop(key, None)
        self.memo_bytes -= self.weights.pop(key, 0)

    def drop_oldest(self) -> int:
        """Drop the least recently used entry; its estimated bytes."""
        key = next(iter(self.memo))
        weight = self.weights.get(key, 0)
        self.drop(key)
        return weight


# A state, a check or a project worked out from the agency's: 0.5 KiB a person (its own objects
# and indexes; the people themselves are the project's).
_PER_PERSON = 512
_SAMPLED = 64  # a container's items looked at to estimate the rest


def weight_of(value: Any, *, people: int) -> int:
    """Bytes a value worked out from a project holds, estimated by its kind: a list, tuple, set
    or dict by its length and what a sample of its items holds (a list of ids, a page's dict);
    a string by its size; anything else (a state, a check, a project for part of the agency)
    0.5 KiB a person. An object found inside a container counts little: the states and
    checks a page's dict refers to are memo entries of their own."""
    if isinstance(value, (list, tuple, set, frozenset, dict, str, bytes)):
        return _container_bytes(value, depth=3)
    return _PER_PERSON * max(people, 1)


def _container_bytes(value: Any, *, depth: int) -> int:
    if isinstance(value, str):  # CPython: 1 byte a character when ASCII, else (Vietnamese) 2
        return 49 + len(value) * (1 if value.isascii() else 2)
    if isinstance(value, bytes):
        return 33 + len(value)
    if not isinstance(value, (list, tuple, set, frozenset, dict)):
        return 64
    length = len(value)
    slot = 104 if isinstance(value, dict) else 8 if isinstance(value, (list, tuple)) else 40
    own = 64 + slot * length
    if depth == 0 or length == 0:
        return own + 64 * length
    items = value.items() if isinstance(value, dict) else value
    sampled = 0
    total = 0
    for item in items:
        total += _container_bytes(item, depth=depth - 1)
        sampled += 1
        if sampled == _SAMPLED:
            break
    return own + total * length // sampled


_cache: OrderedDict[int, _Entry] = OrderedDict()
_lock = threading.Lock()


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
        plans=plans_of(agency, ctx, by_plan),
        people=ctx.people,
        unit_kinds=ctx.kinds,
    )
    person_mark = agency.people.aggregate(m=Max("pk"))["m"] or 0
    return _Entry(
        stamp,
        project,
        marks=_Marks(audit_mark, change_mark, person_mark, shape_of(agency)),
        by_plan=by_plan,
    )


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
    if agency is None or shape_of(agency) != old.marks.shape:
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
        plans=plans_of(agency, ctx, by_plan),
        people=people,
        unit_kinds=project.unit_kinds,
    )
    marks = _Marks(actions[-1][0], change_mark, person_mark, old.marks.shape)
    return _Entry(stamp, fresh, marks=marks, by_plan=by_plan)


def _entry(agency: models.Agency) -> _Entry:
    stamp = kept_stamp(
        agency.pk,
        lambda: models.Agency.objects.filter(pk=agency.pk).values_list("stamp", flat=True).first(),
    )
    with _lock:
        hit = _cache.get(agency.pk)
        if hit is not None and hit.stamp == stamp:
            _cache.move_to_end(agency.pk)
            _evict()
            return hit
    entry = _refreshed(hit, agency.pk, stamp) if hit is not None else None
    if entry is None:
        # The audit mark first: a write logged meanwhile is looked at again next time. In a
        # server, read with the collector paused and frozen once read (web/collector.py).
        mark = _audit_mark(agency.pk)
        entry = collector.kept(lambda _: _read_all(agency, stamp=stamp, audit_mark=mark), None)
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
        collector.dropped(entry.weight(), budget=budget)


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
    # In a server, made with the collector paused and frozen once made (web/collector.py).
    value = collector.kept(compute, entry.project)
    with _lock:
        entry.keep(key, value)
        # Bounded by count and by the memory budget: at 50,000 people each date's state and
        # check weigh tens of MiB, so one agency's dates must not push the budget alone.
        budget = _budget_bytes()
        let_go = 0
        while len(entry.memo) > _MEMO_SIZE or (entry.weight() > budget and len(entry.memo) > 1):
            let_go += entry.drop_oldest()
        _evict()
    collector.dropped(let_go, budget=budget)
    return value


def forget(agency_pk: int) -> None:
    with _lock:
        _cache.pop(agency_pk, None)


# The former private names, for code that reached for them here.
_plans = plans_of
_shape = shape_of
