"""Writes: every one in a transaction, bumping the agency's revision and recording who, when,
what and why in the audit log. Named ``<noun>_<verb>``, keyword-only (HackSoftware style).

They raise ``ServiceError`` (or a domain error: ``ChangeRefused``, ``PlanError``,
``InvalidValue``) with the message in Vietnamese and English; views show it to the user.
Split by topic; everything is importable from ``tinhgon.web.services``.
"""

from tinhgon.web.services.agencies import (
    agency_export,
    agency_import,
    change_record,
    document_add,
    membership_grant,
    membership_revoke,
    next_person_id,
    person_register,
)
from tinhgon.web.services.base import ServiceError, StaleEdit, _bump, audit
from tinhgon.web.services.plans import (
    plan_approve,
    plan_change_add,
    plan_change_remove,
    plan_create,
    plan_implement,
    plan_reject,
    plan_return,
    plan_submit,
)
from tinhgon.web.services.spreadsheets import spreadsheet_import

__all__ = [
    "ServiceError",
    "StaleEdit",
    "_bump",
    "agency_export",
    "agency_import",
    "audit",
    "change_record",
    "document_add",
    "membership_grant",
    "membership_revoke",
    "next_person_id",
    "person_register",
    "plan_approve",
    "plan_change_add",
    "plan_change_remove",
    "plan_create",
    "plan_implement",
    "plan_reject",
    "plan_return",
    "plan_submit",
    "spreadsheet_import",
]
