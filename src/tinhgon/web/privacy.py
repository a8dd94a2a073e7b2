"""Personal data (Nghị định 13/2023/NĐ-CP on the protection of personal data): the personal ID
number, the exact birth date and the yearly ratings are shown and exported only to the roles
that need them (editors, who record hires and leaves, and administrators); everyone else sees
the birth year and nothing of the rest, in pages, exports and the project file alike.

Every export (staff list, project file, report) is written in the audit log: who, when, what,
and whether personal data was in it.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from tinhgon.domain import Project, State
from tinhgon.domain.model import BirthDate, Person
from tinhgon.web import models
from tinhgon.web.permissions import Action

HIDDEN = "•••"


def may_see_personal(request: Any) -> bool:
    return Action.PERSONAL in getattr(request, "rights", frozenset())


def mask_person(person: Person) -> Person:
    return dataclasses.replace(
        person, national_id=None, birth=BirthDate(person.birth.year), ratings=()
    )


def mask_project(project: Project) -> Project:
    people = {pid: mask_person(p) for pid, p in project.people.items()}
    return dataclasses.replace(project, people=people)


def mask_state(state: State) -> State:
    return State(
        on=state.on,
        units=state.units,
        ended=state.ended,
        people={pid: mask_person(p) for pid, p in state.people.items()},
        assignments=state.assignments,
        departures=state.departures,
        quotas=state.quotas,
    )


def mask_row(row: Any) -> Any:
    """A staff row without the exact birth date or personal ID."""
    return dataclasses.replace(row, birth=row.birth[-4:], national_id="")


def audit_export(
    *, request: Any, agency: models.Agency, what: str, summary: str, personal: bool, **data: Any
) -> None:
    from tinhgon.web.services import audit

    audit(
        agency=agency,
        user=request.user,
        action="export",
        summary=summary
        + (" — có dữ liệu cá nhân" if personal else " — dữ liệu cá nhân đã được che"),
        data={"what": what, "personal": personal, **data},
    )
