"""Writing a project back as plain data and YAML text (which loads back to an equal project)."""

from __future__ import annotations

from typing import Any

from tinhgon.domain import (
    BUILTIN_KINDS,
    CreateUnit,
    PlanStatus,
    Project,
)
from tinhgon.io.codec import (
    basis_to_plain,
    change_to_plain,
    document_to_plain,
    person_to_plain,
    unit_kind_to_plain,
)
from tinhgon.io.project_schema import project_schema as project_schema  # re-exported
from tinhgon.io.project_schema import schema_errors as schema_errors  # re-exported
from tinhgon.io.yamlsrc import (
    dump_plain,
)

FORMAT_VERSION = 1


def project_to_plain(project: Project) -> dict[str, Any]:
    """The plain form of a project, which loads back to an equal project.

    Every official change is written out in ``changes`` (the agency's creation in ``agency``,
    the changes of implemented plans under their plan), and every person in ``people``.
    """
    docs = project.documents
    agency = project.agency
    changes = list(project.timeline.changes)
    root = changes.pop(0) if changes and isinstance(changes[0], CreateUnit) else None
    out: dict[str, Any] = {"tinhgon": FORMAT_VERSION}
    agency_out: dict[str, Any] = {"id": agency.id, "name": agency.name}
    if root is not None:
        assert isinstance(root, CreateUnit)
        agency_out["kind"] = root.unit.kind.code
        if root.unit.fields:
            agency_out["fields"] = list(root.unit.fields)
        agency_out["since"] = root.on.isoformat()
        if root.basis is not None:
            agency_out["basis"] = basis_to_plain(root.basis, docs)
    for key in (
        "short_name",
        "agency_type",
        "province",
        "province_class",
        "superior",
        "place",
        "note",
    ):
        value = getattr(agency, key)
        if value:
            agency_out[key] = value
    if agency.illustrative:
        agency_out["illustrative"] = True
    out["agency"] = agency_out
    custom = [k for code, k in project.unit_kinds.items() if code not in BUILTIN_KINDS]
    if custom:
        out["unit_kinds"] = [unit_kind_to_plain(k) for k in custom]
    out["documents"] = [document_to_plain(d) for d in docs]
    out["people"] = [person_to_plain(p) for p in project.people.values()]
    # The changes of implemented plans are written under their plan, which enters them into
    # the timeline again on loading.
    for plan in project.plans.values():
        if plan.status is PlanStatus.IMPLEMENTED:
            for change in plan.changes:
                if change in changes:
                    changes.remove(change)
    out["changes"] = [change_to_plain(c, docs) for c in changes]
    plans = []
    for plan in project.plans.values():
        entry: dict[str, Any] = {"id": plan.id, "title": plan.title, "status": plan.status.value}
        if plan.description:
            entry["description"] = plan.description
        if plan.decision is not None:
            entry["decision"] = basis_to_plain(plan.decision, docs)
        if plan.rejection_reason:
            entry["rejection_reason"] = plan.rejection_reason
        entry["changes"] = [change_to_plain(c, docs) for c in plan.changes]
        plans.append(entry)
    if plans:
        out["plans"] = plans
    return out


def dump_project(project: Project) -> str:
    """The project as YAML text."""
    return dump_plain(project_to_plain(project))
