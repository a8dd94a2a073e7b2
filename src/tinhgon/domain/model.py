"""The things an organisation is made of: units, people, roles and quotas.

Vietnamese terms are in shared/GLOSSARY.md; every label a user sees is given in Vietnamese
(``vi``) and English (``en``). The lists to choose from are in ``labels``, the kinds of unit in
``unit_kinds``; every name is importable from here.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from types import MappingProxyType

from tinhgon.domain.errors import InvalidValue
from tinhgon.domain.labels import (
    AutonomyGroup,
    Category,
    Label,
    LeaveReason,
    Rating,
    Role,
    Sex,
    UnitClass,
)
from tinhgon.domain.unit_kinds import BUILTIN_KINDS, LOCAL_GOVERNMENT_KINDS, UnitKind

__all__ = [
    "BUILTIN_KINDS",
    "LOCAL_GOVERNMENT_KINDS",
    "AutonomyGroup",
    "Category",
    "Label",
    "LeaveReason",
    "Rating",
    "Role",
    "Sex",
    "UnitClass",
    "UnitKind",
]

_UNIT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


def check_identifier(value: str, what_vi: str, what_en: str) -> str:
    """Identifiers are short, stable, ASCII: 'vp', 'phong-dau-tu', 'p001'."""
    if not _UNIT_ID.match(value):
        raise InvalidValue(
            f"mã {what_vi} '{value}' không hợp lệ: chỉ dùng chữ không dấu, số, '-', '_' hoặc '.'",
            f"{what_en} id '{value}' is invalid: use unaccented letters, digits, '-', '_' or '.'",
        )
    return value


@dataclass(frozen=True, slots=True)
class Unit:
    """Đơn vị: a node of the structure as it stands at a date.

    ``predecessors`` is the lineage: the units this one was merged or split from.
    """

    id: str
    name: str
    kind: UnitKind
    parent_id: str | None
    fields: tuple[str, ...] = ()
    autonomy_group: AutonomyGroup | None = None
    established_on: date | None = None
    predecessors: tuple[str, ...] = ()
    agency_type: str | None = None  # an agency inside a history: the body of law that applies

    def __post_init__(self) -> None:
        check_identifier(self.id, "đơn vị", "unit")
        if not self.name.strip():
            raise InvalidValue(
                f"đơn vị '{self.id}': thiếu tên", f"unit '{self.id}': the name is empty"
            )
        if self.autonomy_group is not None and (
            self.kind.unit_class is not UnitClass.PUBLIC_SERVICE_UNIT
        ):
            raise InvalidValue(
                f"đơn vị '{self.id}': chỉ đơn vị sự nghiệp công lập mới có mức tự chủ",
                f"unit '{self.id}': only a public service unit has an autonomy group",
            )


@dataclass(frozen=True, slots=True, order=True)
class BirthDate:
    """A birth date known to the day, or only to the month, or only to the year."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not 1900 <= self.year <= 2100:
            raise InvalidValue(
                f"năm sinh {self.year} không hợp lệ", f"invalid birth year {self.year}"
            )
        if self.month is None and self.day is not None:
            raise InvalidValue("có ngày sinh mà thiếu tháng", "a birth day without a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise InvalidValue(
                f"tháng sinh {self.month} không hợp lệ", f"invalid month {self.month}"
            )
        if self.day is not None and self.month is not None:
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise InvalidValue(
                    f"ngày sinh {self.day}/{self.month}/{self.year} không có thật",
                    f"birth date {self.year}-{self.month}-{self.day} does not exist",
                )

    @classmethod
    def parse(cls, text: str) -> BirthDate:
        """Accepts 'YYYY-MM-DD', 'YYYY-MM', 'YYYY', 'dd/mm/yyyy' and 'mm/yyyy'."""
        value = text.strip()
        try:
            if m := re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value):
                y, mo, d = m.groups()
                return cls(int(y), int(mo) if mo else None, int(d) if d else None)
            if m := re.fullmatch(r"(?:(\d{1,2})/)?(\d{1,2})/(\d{4})", value):
                d, mo, y = m.groups()
                return cls(int(y), int(mo), int(d) if d else None)
        except InvalidValue:
            raise
        raise InvalidValue(
            f"ngày sinh '{text}' không đúng dạng (dd/mm/yyyy, mm/yyyy, yyyy hoặc yyyy-mm-dd)",
            f"birth date '{text}' is malformed (dd/mm/yyyy, mm/yyyy, yyyy or yyyy-mm-dd)",
        )

    def earliest(self) -> date:
        """The date to reckon from: a missing month counts as January, a missing day as the 1st."""
        return date(self.year, self.month or 1, self.day or 1)

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year}"
        if self.day is None:
            return f"{self.month:02d}/{self.year}"
        return f"{self.day:02d}/{self.month:02d}/{self.year}"

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@dataclass(frozen=True, slots=True)
class Rank:
    """Ngạch: a civil-service or professional rank, by code ('01.003') and name."""

    code: str
    name: str

    def __str__(self) -> str:
        return f"{self.name} ({self.code})" if self.code else self.name


RANKS: Mapping[str, Rank] = MappingProxyType(
    {
        r.code: r
        for r in (
            Rank("01.001", "Chuyên viên cao cấp"),
            Rank("01.002", "Chuyên viên chính"),
            Rank("01.003", "Chuyên viên"),
            Rank("01.004", "Cán sự"),
            Rank("01.005", "Nhân viên"),
            Rank("04.023", "Thanh tra viên cao cấp"),
            Rank("04.024", "Thanh tra viên chính"),
            Rank("04.025", "Thanh tra viên"),
            Rank("06.030", "Kế toán viên chính"),
            Rank("06.031", "Kế toán viên"),
            Rank("06.032", "Kế toán viên trung cấp"),
        )
    }
)

_NATIONAL_ID = re.compile(r"^\d{12}$")


def check_name_and_national_id(person_id: str, full_name: str, national_id: str | None) -> None:
    """A person's name is not blank and their national identifier (số định danh cá nhân), when
    given, is 12 digits: the last of ``Person``'s checks, also made by the database reading's
    quick path before it makes a person without the constructor (``web/proven``)."""
    if not full_name.strip():
        raise InvalidValue(
            f"người '{person_id}': thiếu họ và tên", f"person '{person_id}': the name is empty"
        )
    if national_id is not None and not _NATIONAL_ID.match(national_id):
        raise InvalidValue(
            f"người '{person_id}': số định danh cá nhân '{national_id}' phải gồm đúng 12 chữ số",
            f"person '{person_id}': national ID '{national_id}' must be exactly 12 digits",
        )


@dataclass(frozen=True, slots=True)
class Person:
    """Cán bộ, công chức, viên chức, người lao động: someone on (or once on) the staff."""

    id: str
    full_name: str
    sex: Sex
    birth: BirthDate
    category: Category
    national_id: str | None = None
    rank: Rank | None = None
    qualifications: tuple[str, ...] = ()
    ratings: tuple[tuple[int, Rating], ...] = field(default=())
    # Chức danh as the list writes it for someone who is not a head or deputy ('Lái xe',
    # 'Kế toán trưởng', 'Tổ trưởng công đoàn'); a head's or deputy's title is their unit's.
    title: str = ""
    # Facts for early retirement (Decree 135/2020 Art. 5), each optional: years of heavy,
    # hazardous work; years in areas of especially difficult conditions; % of working capacity lost.
    hazardous_work_years: int | None = None
    difficult_area_years: int | None = None
    work_capacity_loss: int | None = None

    # Pay and social insurance, for the streamlining allowances (all optional):
    # hệ số lương; hệ số phụ cấp chức vụ lãnh đạo; the other allowances paid as a coefficient
    # of the base salary, added up; months of compulsory social insurance counted up to
    # ``social_insurance_on`` (or up to the day someone leaves when that date is not given).
    salary_coefficient: Decimal | None = None
    position_allowance_coefficient: Decimal | None = None
    allowance_coefficient: Decimal | None = None
    social_insurance_months: int | None = None
    social_insurance_on: date | None = None

    def __post_init__(self) -> None:
        check_identifier(self.id, "người", "person")
        # (the optional facts are checked only when given: most people have none of them)
        if (
            self.hazardous_work_years is not None
            or self.difficult_area_years is not None
            or self.work_capacity_loss is not None
        ):
            self._check_retirement_facts()
        if (
            self.salary_coefficient is not None
            or self.position_allowance_coefficient is not None
            or self.allowance_coefficient is not None
        ):
            self._check_pay()
        if self.social_insurance_months is not None and not (
            0 <= self.social_insurance_months <= 12 * 70
        ):
            raise InvalidValue(
                f"người '{self.id}': số tháng đóng bảo hiểm xã hội "
                f"{self.social_insurance_months} không hợp lệ",
                f"person '{self.id}': {self.social_insurance_months} months of social "
                "insurance is invalid",
            )
        check_name_and_national_id(self.id, self.full_name, self.national_id)

    def _check_retirement_facts(self) -> None:
        for value, high, vi, en in (
            (
                self.hazardous_work_years,
                60,
                "số năm làm nghề nặng nhọc, độc hại",
                "hazardous work years",
            ),
            (
                self.difficult_area_years,
                60,
                "số năm ở vùng đặc biệt khó khăn",
                "difficult area years",
            ),
            (
                self.work_capacity_loss,
                100,
                "tỷ lệ suy giảm khả năng lao động (%)",
                "work capacity loss (%)",
            ),
        ):
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= high
            ):
                raise InvalidValue(
                    f"người '{self.id}': {vi} phải là số nguyên từ 0 đến {high}",
                    f"person '{self.id}': {en} must be a whole number from 0 to {high}",
                )

    def _check_pay(self) -> None:
        for name, label in (
            ("salary_coefficient", "hệ số lương"),
            ("position_allowance_coefficient", "hệ số phụ cấp chức vụ"),
            ("allowance_coefficient", "hệ số phụ cấp khác"),
        ):
            number = getattr(self, name)
            if number is not None and not Decimal(0) <= number <= Decimal(100):
                raise InvalidValue(
                    f"người '{self.id}': {label} {number} không hợp lệ (từ 0 đến 100)",
                    f"person '{self.id}': {name} {number} is invalid (0 to 100)",
                )

    @property
    def rating_by_year(self) -> Mapping[int, Rating]:
        return dict(self.ratings)

    @property
    def given_name(self) -> str:
        """Tên: the last word of the full name, which Vietnamese lists sort by."""
        return self.full_name.split()[-1]


@dataclass(frozen=True, slots=True, order=True)
class QuotaKey:
    unit_id: str
    category: Category
    year: int


@dataclass(frozen=True, slots=True)
class Quota:
    """Biên chế được giao (or số lượng người làm việc for a public service unit)."""

    unit_id: str
    category: Category
    year: int
    value: int

    @property
    def key(self) -> QuotaKey:
        return QuotaKey(self.unit_id, self.category, self.year)


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def reaches(units: Mapping[str, Unit], ancestor_id: str, unit_id: str) -> bool:
    """Whether ``ancestor_id`` is the unit or one of its parents in ``units`` (stops on a loop)."""
    current: str | None = unit_id
    seen: set[str] = set()
    while current is not None and current not in seen:
        if current == ancestor_id:
            return True
        seen.add(current)
        unit = units.get(current)
        current = unit.parent_id if unit is not None else None
    return False
