"""The pages of the web application, one module per part of it."""

from tinhgon.web.views.agencies import (
    agency_export,
    agency_import,
    agency_new,
    audit,
    home,
    memberships,
)
from tinhgon.web.views.corrections import (
    change_correct,
    change_withdraw,
    corrections_list,
    plan_delete,
)
from tinhgon.web.views.history import documents, timeline, timeline_record
from tinhgon.web.views.overview import dashboard, orgchart, report
from tinhgon.web.views.people import person, staff, staff_export
from tinhgon.web.views.plans import (
    plan,
    plan_change_add,
    plan_change_remove,
    plan_transition,
    plans,
    plans_compare,
)
from tinhgon.web.views.province import orgchart_boxes, province
from tinhgon.web.views.spreadsheets import (
    spreadsheet_error_copy,
    spreadsheet_import,
    spreadsheet_template,
)

__all__ = [
    "agency_export",
    "agency_import",
    "agency_new",
    "audit",
    "change_correct",
    "change_withdraw",
    "corrections_list",
    "dashboard",
    "documents",
    "home",
    "memberships",
    "orgchart",
    "orgchart_boxes",
    "person",
    "plan",
    "plan_change_add",
    "plan_change_remove",
    "plan_delete",
    "plan_transition",
    "plans",
    "plans_compare",
    "province",
    "report",
    "spreadsheet_error_copy",
    "spreadsheet_import",
    "spreadsheet_template",
    "staff",
    "staff_export",
    "timeline",
    "timeline_record",
]
