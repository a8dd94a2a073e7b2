"""Kinds of unit (loại đơn vị): the built-in ones (departments, public service units, the kinds
of local government) with the titles of their head and deputies."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from tinhgon.domain.labels import Role, UnitClass


@dataclass(frozen=True, slots=True)
class UnitKind:
    """A kind of unit (loại đơn vị): its class, and the titles of its head and deputies.

    The built-in kinds are in ``BUILTIN_KINDS``; a project may declare more.
    """

    code: str
    name_vi: str
    name_en: str
    unit_class: UnitClass
    head_title: str = "Trưởng"
    deputy_title: str = "Phó"

    @property
    def is_department(self) -> bool:
        """Whether the kind counts as a department or equivalent (phòng và tương đương)."""
        return self.unit_class is UnitClass.DEPARTMENT

    def title(self, role: Role) -> str:
        if role is Role.HEAD:
            return self.head_title
        if role is Role.DEPUTY:
            return self.deputy_title
        return "Nhân viên"

    def post(self, role: Role, unit_name: str) -> str:
        """The post as Vietnamese writes it: 'Trưởng phòng Kế hoạch - Tổng hợp', not
        'Trưởng phòng Phòng Kế hoạch - Tổng hợp'; 'Chánh Văn phòng', not '… Văn phòng Văn phòng'."""
        title = self.title(role)
        if title.casefold().endswith(unit_name.casefold()):
            return title
        first, _, rest = unit_name.partition(" ")
        if rest and title.split()[-1].casefold() == first.casefold():
            return f"{title} {rest}"
        return f"{title} {unit_name}"


BUILTIN_KINDS: Mapping[str, UnitKind] = MappingProxyType(
    {
        kind.code: kind
        for kind in (
            UnitKind(
                "agency", "Cơ quan", "Agency", UnitClass.AGENCY, "Thủ trưởng", "Phó Thủ trưởng"
            ),
            UnitKind(
                "board",
                "Ban quản lý",
                "Management board",
                UnitClass.AGENCY,
                "Trưởng ban",
                "Phó Trưởng ban",
            ),
            UnitKind(
                "provincial_department",
                "Sở",
                "Provincial department",
                UnitClass.AGENCY,
                "Giám đốc",
                "Phó Giám đốc",
            ),
            UnitKind(
                "department",
                "Phòng",
                "Department",
                UnitClass.DEPARTMENT,
                "Trưởng phòng",
                "Phó Trưởng phòng",
            ),
            UnitKind(
                "office",
                "Văn phòng",
                "Office",
                UnitClass.DEPARTMENT,
                "Chánh Văn phòng",
                "Phó Chánh Văn phòng",
            ),
            UnitKind(
                "inspectorate",
                "Thanh tra",
                "Inspectorate",
                UnitClass.DEPARTMENT,
                "Chánh Thanh tra",
                "Phó Chánh Thanh tra",
            ),
            UnitKind(
                "sub_department",
                "Chi cục",
                "Sub-department",
                UnitClass.SUB_DEPARTMENT,
                "Chi cục trưởng",
                "Phó Chi cục trưởng",
            ),
            UnitKind(
                "public_service_unit",
                "Đơn vị sự nghiệp công lập",
                "Public service unit",
                UnitClass.PUBLIC_SERVICE_UNIT,
                "Giám đốc",
                "Phó Giám đốc",
            ),
            UnitKind(
                "public_administrative_service_centre",
                "Trung tâm Phục vụ hành chính công",
                "Public administrative service centre",
                UnitClass.DEPARTMENT,
                "Giám đốc",
                "Phó Giám đốc",
            ),
            UnitKind(
                "division",
                "Bộ phận",
                "Division",
                UnitClass.DIVISION,
                "Tổ trưởng",
                "Tổ phó",
            ),
            UnitKind(
                "government",
                "Chính phủ",
                "Government",
                UnitClass.LOCAL_GOVERNMENT,
                "Thủ tướng Chính phủ",
                "Phó Thủ tướng Chính phủ",
            ),
            *(
                UnitKind(code, vi, en, UnitClass.LOCAL_GOVERNMENT, "Chủ tịch", "Phó Chủ tịch")
                for code, vi, en in (
                    ("province", "Tỉnh", "Province"),
                    ("city", "Thành phố trực thuộc trung ương", "Centrally-run city"),
                    # The district level exists until 30/06/2025 (abolished from 01/07/2025).
                    ("district", "Cấp huyện", "District"),
                    ("commune", "Xã", "Commune"),
                    ("ward", "Phường", "Ward"),
                    ("township", "Thị trấn", "Township"),
                    ("special_zone", "Đặc khu", "Special zone"),
                )
            ),
        )
    }
)

# Local government: the units a People's Committee governs (province, commune…), whose head is
# "Chủ tịch" (Chairman) and deputies "Phó Chủ tịch".
LOCAL_GOVERNMENT_KINDS: tuple[str, ...] = (
    "government",
    "province",
    "city",
    "district",
    "commune",
    "ward",
    "township",
    "special_zone",
)
