"""Decree 82/2018/NĐ-CP on industrial parks and economic zones: the management board's departments.

RULES.md section 1. EZ-1 is encoded; EZ-2 (succession by Decree 35/2022) ends its window in the
parameter file; EZ-3 (minimum staff per department, deputies of the board) was not found and is
not encoded.
"""

from __future__ import annotations

from tinhgon.domain import Text, UnitClass
from tinhgon.law.staffing import DeputyLimitRule


class EZ1DepartmentDeputies(DeputyLimitRule):
    """EZ-1: deputy heads of a specialised department of an economic zone management board.

    Regime of Decree 82/2018/NĐ-CP, from its entry into force (10/07/2018, not confirmed) until
    Decree 35/2022/NĐ-CP took effect (15/07/2022, believed): a department of 7 to 9 staff has 1
    deputy head, one of 10 staff or more at most 2. The dates and numbers are in
    ``ez_department_deputy_heads.yaml``. Staff means the cadres and civil servants in post in
    the department, its leaders included, not contract workers. It applies to every department
    and equivalent of the board (Văn phòng included); below 7 staff no limit is encoded.
    """

    id = "EZ-1"
    title = Text(
        "Số Phó Trưởng phòng của phòng thuộc Ban quản lý khu kinh tế",
        "Deputy heads of a department of an economic zone management board",
    )
    agency_types = frozenset({"economic_zone_board"})
    unit_classes = frozenset({UnitClass.DEPARTMENT})
    applies_to_text = Text(
        "phòng chuyên môn, nghiệp vụ và tương đương (kể cả Văn phòng) của Ban quản lý khu kinh tế",
        "departments and equivalents (the office included) of an economic zone management board",
    )
    parameters = ("ez_department_deputy_heads",)


RULES = (EZ1DepartmentDeputies(),)
