"""Decree 82/2018/NĐ-CP, then Decree 35/2022/NĐ-CP: deputy heads of the management board's
departments.

RULES.md section 1. EZ-1 holds both regimes in ``ez_department_deputy_heads.yaml``: Decree
82/2018 from 10/07/2018, Decree 35/2022 Art. 70 from 15/07/2022 (by province class). The other
rules of Art. 70 are in ``tinhgon.law.decree_35_2022``.
"""

from __future__ import annotations

from tinhgon.domain import Text, UnitClass
from tinhgon.law.staffing import DeputyLimitRule


class EZ1DepartmentDeputies(DeputyLimitRule):
    """EZ-1: deputy heads of a specialised department of an economic zone management board.

    Decree 82/2018/NĐ-CP from its entry into force (10/07/2018, not confirmed): a department of
    7 to 9 staff has 1 deputy head, one of 10 staff or more at most 2; below 7 no limit is held.
    Decree 35/2022/NĐ-CP from 15/07/2022: 1 below 10 / 9 / 8 staff by province class, at most 2
    up to 14; from 15 no limit is held (a note). Staff means the cadres and civil servants in
    post in the department, its leaders included, not contract workers. It applies to every
    department and equivalent of the board (Văn phòng included).
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
