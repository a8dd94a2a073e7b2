"""An agency's database rows and the domain objects they hold: what a person, a document, a
change or a plan row reads as, and the (unsaved) rows a domain object is written as. Used by
the cached reading (``repository``), the writing (``agency_writer``) and the command line's
reading (``reader``); every name is still importable from ``repository``."""

from __future__ import annotations

from typing import Any

from tinhgon.domain import (
    BUILTIN_KINDS,
    Change,
    Document,
    DocumentRegister,
    Person,
    Project,
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
)
from tinhgon.web import models


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


def plans_of(
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


def shape_of(agency: models.Agency) -> tuple[Any, ...]:
    """What of the agency's own row the project depends on."""
    return (domain_agency(agency), agency.root_kind, agency.root_fields, agency.unit_kinds)
