"""Writing an agency's rows from a domain project: every row replaced, inside the caller's
transaction (an import, ``tinhgon load``, the national bulk load). Still importable from
``repository``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tinhgon.domain import BUILTIN_KINDS, CreateUnit, Project
from tinhgon.domain import PlanStatus as DomainPlanStatus
from tinhgon.io.codec import change_to_plain, unit_kind_to_plain
from tinhgon.web import models
from tinhgon.web.agency_rows import change_row, document_row, person_row


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
