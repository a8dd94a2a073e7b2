"""Decree 120/2020/NĐ-CP on setting up public service units, as amended by Decree 283/2025/NĐ-CP.

RULES.md section 3, PSU-1: from 01/11/2025 a public service unit needs at least 15 people
(``psu_minimum_staff.yaml``), except in the cases the decree lists — those exceptions are not
held in tinhgon, so a shortfall is a warning that says to check them. No number was found
before 01/11/2025: the engine reports a coverage gap there.
"""

from __future__ import annotations

from tinhgon.domain import Text, UnitClass
from tinhgon.law.staffing import MinimumStaffRule


class PSU1MinimumStaff(MinimumStaffRule):
    """PSU-1: at least 15 people in a public service unit (its allotted number of staff where it
    has one, otherwise its public employees in post)."""

    id = "PSU-1"
    title = Text(
        "Số người làm việc tối thiểu của đơn vị sự nghiệp công lập (trừ trường hợp nghị định "
        "quy định khác)",
        "Fewest people of a public service unit (save the decree's exceptions)",
    )
    unit_classes = frozenset({UnitClass.PUBLIC_SERVICE_UNIT})
    applies_to_text = Text("đơn vị sự nghiệp công lập", "public service units")
    parameters = ("psu_minimum_staff",)
    recursive = True


RULES = (PSU1MinimumStaff(),)
