"""The columns of the spreadsheets tinhgon reads and writes, and how their cells are read.

Three kinds of sheet (docs/excel.md):

* ``Cơ quan`` — the agency, as label/value rows (Mã cơ quan, Tên cơ quan, Tại ngày, Căn cứ…);
* ``Đơn vị`` — the structure, one unit a row (Mã đơn vị, Tên đơn vị, Loại đơn vị, Trực thuộc…);
* ``Nhân sự`` — the staff list, one person a row (Họ và tên, Ngày sinh, Giới tính, Đơn vị…).

A sheet is recognised by its headers, not its name (except ``Cơ quan`` and ``Hướng dẫn``).
Headers match whatever their case, spacing, punctuation and diacritics (``match_key``); so do the
values of enumerations ('Nữ', 'nu', 'NỮ'). Each reader raises ``CellError`` with a message in
Vietnamese and English; the importer adds the sheet, row and column.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from tinhgon.domain import (
    BUILTIN_KINDS,
    RANKS,
    AutonomyGroup,
    BirthDate,
    Category,
    InvalidValue,
    Rank,
    Rating,
    Role,
    Sex,
    UnitKind,
)
from tinhgon.domain.vietnamese import fold
from tinhgon.io.sheets import CellValue

_NOT_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=65536)
def match_key(text: str) -> str:
    """Text for matching what people type: ``fold`` (no diacritics, đ as d, case folded), and
    punctuation as spaces, so 'Ngày, tháng, năm sinh' → 'ngay thang nam sinh', 'NỮ' → 'nu'."""
    return " ".join(_NOT_WORD.sub(" ", fold(text)).split())


SHEET_AGENCY = "Cơ quan"
SHEET_UNITS = "Đơn vị"
SHEET_STAFF = "Nhân sự"
SHEET_GUIDE = "Hướng dẫn"


class CellError(Exception):
    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.vi = vi
        self.en = en


class SheetKind(StrEnum):
    AGENCY = "agency"
    UNITS = "units"
    STAFF = "staff"


class Format(StrEnum):
    TEXT = "text"  # stored as text, so '01.003' and leading zeros survive
    DATE = "date"
    NUMBER = "number"
    GENERAL = "general"


@dataclass(frozen=True)
class Column:
    """A column: its key in code, the header tinhgon writes, the other headers it accepts."""

    key: str
    header: str
    aliases: tuple[str, ...] = ()
    note_vi: str = ""
    note_en: str = ""
    width: float = 16
    format: Format = Format.GENERAL
    choices: tuple[str, ...] = ()
    required: bool = False  # must be filled for a new person or unit
    export_only: bool = False  # written by exports, read back as nothing


SEX_CHOICES = ("Nam", "Nữ")
CATEGORY_CHOICES = tuple(c.vi for c in Category)
RATING_CHOICES = tuple(r.vi.capitalize() for r in Rating)
POLITICAL_LEVELS = ("Cao cấp", "Trung cấp", "Sơ cấp", "Cử nhân")
POLITICAL = "lý luận chính trị"
AUTONOMY_CHOICES = tuple(g.value for g in AutonomyGroup)

STAFF_COLUMNS: tuple[Column, ...] = (
    Column(
        "stt",
        "STT",
        ("TT", "Số TT", "Số thứ tự"),
        "Số thứ tự; không đọc",
        "Row number; not read",
        6,
    ),
    Column(
        "person_id",
        "Mã",
        ("Mã nhân sự", "Mã cán bộ", "Mã người", "Mã số"),
        "Mã của người trong tệp dự án (p001…); để trống với người mới thì tinhgon tự đặt",
        "The person's id in the project (p001…); left empty for someone new, tinhgon makes one",
        9,
        Format.TEXT,
    ),
    Column(
        "full_name",
        "Họ và tên",
        ("Họ tên", "Họ và tên khai sinh", "Họ, tên"),
        "Bắt buộc",
        "Required",
        26,
        Format.TEXT,
        required=True,
    ),
    Column(
        "birth",
        "Ngày sinh",
        ("Ngày, tháng, năm sinh", "Ngày tháng năm sinh", "Năm sinh", "Sinh ngày"),
        "dd/mm/yyyy (ô ngày của Excel hoặc chữ); chỉ biết tháng: mm/yyyy; chỉ biết năm: yyyy",
        "dd/mm/yyyy (an Excel date or text); month only: mm/yyyy; year only: yyyy",
        12,
        Format.DATE,
        required=True,
    ),
    Column(
        "sex",
        "Giới tính",
        ("Giới",),
        "Nam hoặc Nữ",
        "Nam (male) or Nữ (female)",
        9,
        choices=SEX_CHOICES,
        required=True,
    ),
    Column(
        "category",
        "Loại",
        ("Loại nhân sự", "Loại cán bộ", "Đối tượng", "Phân loại"),
        "cán bộ, công chức, viên chức hoặc người lao động (hợp đồng lao động)",
        "cán bộ (cadre), công chức (civil servant), viên chức (public employee) or người lao "
        "động (contract worker)",
        15,
        choices=CATEGORY_CHOICES,
        required=True,
    ),
    Column(
        "national_id",
        "Số định danh cá nhân",
        ("Số định danh", "Mã định danh", "Số CCCD", "CCCD", "Số căn cước công dân", "Số căn cước"),
        "12 chữ số (số căn cước công dân); nhập dạng chữ để giữ số 0 đầu",
        "12 digits (citizen ID); enter as text to keep the leading zero",
        16,
        Format.TEXT,
    ),
    Column(
        "unit_id",
        "Mã đơn vị",
        (),
        "Mã của đơn vị trong tệp dự án; có thể bỏ trống nếu ghi Đơn vị",
        "The unit's id in the project; may be left empty when Đơn vị is given",
        10,
        Format.TEXT,
    ),
    Column(
        "unit",
        "Đơn vị",
        ("Đơn vị công tác", "Phòng ban", "Phòng", "Nơi công tác", "Bộ phận"),
        "Tên đơn vị (như trong cơ cấu) hoặc mã đơn vị; lãnh đạo cơ quan ghi tên cơ quan",
        "The unit's name (as in the structure) or id; the agency's leaders: the agency's name",
        34,
        Format.TEXT,
        required=True,
    ),
    Column(
        "post",
        "Chức vụ",
        ("Chức vụ, chức danh", "Chức danh", "Chức vụ hiện tại"),
        "Trưởng phòng, Phó Trưởng phòng, Chánh Văn phòng, Giám đốc…: cấp trưởng hoặc cấp phó "
        "của đơn vị; để trống hoặc chức danh khác (Chuyên viên…): nhân viên",
        "Head or deputy of the unit (Trưởng phòng, Phó Trưởng phòng…); empty or anything else "
        "(Chuyên viên…): staff",
        22,
    ),
    Column(
        "rank_code",
        "Mã ngạch",
        ("Mã số ngạch", "Mã ngạch, chức danh nghề nghiệp", "Mã chức danh nghề nghiệp"),
        "Ví dụ 01.003; nhập dạng chữ",
        "For example 01.003; enter as text",
        10,
        Format.TEXT,
    ),
    Column(
        "rank_name",
        "Ngạch",
        ("Ngạch công chức", "Ngạch viên chức", "Chức danh nghề nghiệp", "Ngạch, chức danh"),
        "Chuyên viên chính, Chuyên viên, Cán sự, Kế toán viên…",
        "The rank's name",
        20,
    ),
    Column(
        "qualifications",
        "Trình độ chuyên môn",
        ("Trình độ", "Chuyên môn", "Trình độ đào tạo", "Trình độ chuyên môn, nghiệp vụ"),
        "Nhiều trình độ cách nhau bằng dấu chấm phẩy (;)",
        "Several separated by semicolons (;)",
        30,
    ),
    Column(
        "political",
        "Lý luận chính trị",
        ("Trình độ lý luận chính trị", "LLCT"),
        "Cao cấp, Trung cấp, Sơ cấp hoặc Cử nhân",
        "Political theory level",
        14,
        choices=POLITICAL_LEVELS,
    ),
)

# Pay and social insurance (issue 13: streamlining allowances). Not yet part of STAFF_COLUMNS:
# the importer and the export must read and write them first (issue 10 rewrites the importer),
# otherwise a value typed in them would be dropped without a word.
PAY_COLUMNS: tuple[Column, ...] = (
    Column(
        "salary_coefficient",
        "Hệ số lương",
        ("Hệ số lương hiện hưởng", "HSL"),
        "Ví dụ 4,98",
        "For example 4.98",
        10,
        Format.NUMBER,
    ),
    Column(
        "position_allowance_coefficient",
        "Hệ số phụ cấp chức vụ",
        ("Phụ cấp chức vụ", "Hệ số phụ cấp chức vụ lãnh đạo", "PCCV"),
        "Ví dụ 0,3",
        "For example 0.3",
        10,
        Format.NUMBER,
    ),
    Column(
        "allowance_coefficient",
        "Hệ số phụ cấp khác",
        ("Phụ cấp khác",),
        "Tổng hệ số các phụ cấp khác tính theo mức lương cơ sở",
        "The other allowances paid as a coefficient of the base salary, added up",
        10,
        Format.NUMBER,
    ),
    Column(
        "social_insurance_months",
        "Số tháng đóng BHXH bắt buộc",
        ("Số tháng đóng bảo hiểm xã hội bắt buộc", "Thời gian đóng BHXH (tháng)"),
        "Số tháng đóng bảo hiểm xã hội bắt buộc tính đến ngày ở cột sau",
        "Months of compulsory social insurance up to the date in the next column",
        12,
        Format.NUMBER,
    ),
    Column(
        "social_insurance_on",
        "BHXH tính đến ngày",
        ("Tính đến ngày",),
        "dd/mm/yyyy",
        "dd/mm/yyyy",
        12,
        Format.DATE,
    ),
)

RATING_HEADER = "Xếp loại {year}"
_RATING = re.compile(r"^(?:danh gia )?xep loai(?: chat luong)?(?: nam)? (\d{4})$")

UNIT_COLUMNS: tuple[Column, ...] = (
    Column(
        "stt",
        "STT",
        ("TT", "Số TT", "Số thứ tự"),
        "Số thứ tự; không đọc",
        "Row number; not read",
        6,
    ),
    Column(
        "unit_id",
        "Mã đơn vị",
        ("Mã",),
        "Mã ngắn không dấu (vp, qldt); để trống thì tinhgon đặt từ tên",
        "A short unaccented id (vp, qldt); left empty, tinhgon makes one from the name",
        10,
        Format.TEXT,
    ),
    Column(
        "name",
        "Tên đơn vị",
        ("Tên tổ chức", "Tên phòng, đơn vị"),
        "Bắt buộc",
        "Required",
        44,
        Format.TEXT,
        required=True,
    ),
    Column(
        "kind",
        "Loại đơn vị",
        ("Loại hình đơn vị", "Loại hình"),
        "Phòng, Văn phòng, Thanh tra, Chi cục, Đơn vị sự nghiệp công lập, Bộ phận…; để trống "
        "thì lấy từ chữ đầu của tên (Phòng…, Văn phòng, Thanh tra, Chi cục…)",
        "Phòng, Văn phòng, Thanh tra, Chi cục, Đơn vị sự nghiệp công lập, Bộ phận…; left empty, "
        "taken from the first word of the name",
        24,
    ),
    Column(
        "parent",
        "Trực thuộc",
        ("Đơn vị cấp trên", "Cấp trên", "Mã đơn vị cấp trên", "Thuộc"),
        "Tên hoặc mã đơn vị cấp trên; để trống: trực thuộc cơ quan",
        "The parent unit's name or id; empty: directly under the agency",
        30,
    ),
    Column(
        "fields",
        "Lĩnh vực",
        ("Lĩnh vực phụ trách", "Chức năng, nhiệm vụ"),
        "Nhiều lĩnh vực cách nhau bằng dấu chấm phẩy (;)",
        "Several separated by semicolons (;)",
        36,
    ),
    Column(
        "autonomy",
        "Mức tự chủ",
        ("Mức tự chủ tài chính", "Nhóm tự chủ", "Tự chủ tài chính"),
        "Đơn vị sự nghiệp công lập: 1, 2, 3 hoặc 4 (Nghị định 60/2021/NĐ-CP)",
        "Public service units: 1, 2, 3 or 4 (Decree 60/2021)",
        11,
        choices=AUTONOMY_CHOICES,
    ),
    Column(
        "head",
        "Cấp trưởng",
        (),
        "Chỉ để xem (lấy từ danh sách nhân sự)",
        "For reading only (from the staff list)",
        24,
        export_only=True,
    ),
    Column("deputies", "Cấp phó", (), "Chỉ để xem", "For reading only", 30, export_only=True),
    Column(
        "staff",
        "Số người",
        (),
        "Chỉ để xem",
        "For reading only",
        9,
        Format.NUMBER,
        export_only=True,
    ),
    Column(
        "staff_total",
        "Tổng số người (kể cả đơn vị trực thuộc)",
        (),
        "Chỉ để xem",
        "For reading only",
        12,
        Format.NUMBER,
        export_only=True,
    ),
)

QUOTA_HEADERS: Mapping[Category, str] = {
    Category.CADRE: "Biên chế cán bộ {year}",
    Category.CIVIL_SERVANT: "Biên chế công chức {year}",
    Category.PUBLIC_EMPLOYEE: "Số lượng người làm việc {year}",
    Category.CONTRACT_WORKER: "Hợp đồng lao động {year}",
}
_QUOTA = re.compile(
    r"^(bien che can bo|bien che cong chuc|so luong nguoi lam viec|hop dong lao dong"
    r"|bien che nguoi lao dong)(?: nam)? (\d{4})$"
)
_QUOTA_CATEGORY = {
    "bien che can bo": Category.CADRE,
    "bien che cong chuc": Category.CIVIL_SERVANT,
    "so luong nguoi lam viec": Category.PUBLIC_EMPLOYEE,
    "hop dong lao dong": Category.CONTRACT_WORKER,
    "bien che nguoi lao dong": Category.CONTRACT_WORKER,
}

AGENCY_FIELDS: tuple[Column, ...] = (
    Column("agency_id", "Mã cơ quan", (), "Mã ngắn không dấu (bqlkkt)", "A short unaccented id"),
    Column("agency_name", "Tên cơ quan", (), "Tên đầy đủ", "The full name"),
    Column("short_name", "Tên viết tắt", (), "Ví dụ BQLKKT", "For example BQLKKT"),
    Column(
        "agency_kind",
        "Loại đơn vị",
        ("Loại cơ quan",),
        "Ban quản lý, Sở hoặc Cơ quan",
        "Ban quản lý (board), Sở (provincial department) or Cơ quan (agency)",
    ),
    Column(
        "agency_type",
        "Loại hình cơ quan",
        ("Loại hình",),
        "Để biết quy định nào áp dụng: Ban Quản lý khu kinh tế, Sở, Đơn vị sự nghiệp công lập, "
        "Khác",
        "Which body of law applies",
    ),
    Column(
        "fields",
        "Lĩnh vực",
        ("Lĩnh vực quản lý",),
        "Lĩnh vực quản lý của cơ quan, cách nhau bằng dấu chấm phẩy (;)",
        "The agency's fields, separated by semicolons",
    ),
    Column("province", "Tỉnh", ("Tỉnh, thành phố",), "Ví dụ Kon Tum", "For example Kon Tum"),
    Column(
        "superior", "Cơ quan cấp trên", (), "Ví dụ Ủy ban nhân dân tỉnh Kon Tum", "Superior body"
    ),
    Column(
        "on",
        "Tại ngày",
        ("Ngày số liệu", "Số liệu tại ngày", "Ngày hiệu lực"),
        "Ngày số liệu có hiệu lực (dd/mm/yyyy): mọi thay đổi khi nhập mang ngày này",
        "The date the figures hold on (dd/mm/yyyy): every change of the import takes this date",
        format=Format.DATE,
    ),
    Column(
        "basis",
        "Căn cứ (số, ký hiệu)",
        ("Căn cứ", "Số, ký hiệu", "Số ký hiệu văn bản", "Văn bản căn cứ"),
        "Số, ký hiệu văn bản xác nhận số liệu, ví dụ 112/BC-BQLKKT",
        "The document that certifies the figures, for example 112/BC-BQLKKT",
        format=Format.TEXT,
    ),
    Column(
        "basis_date",
        "Ngày ban hành",
        ("Ngày ban hành văn bản",),
        "Ngày ban hành của văn bản căn cứ (dd/mm/yyyy)",
        "Its date of issue",
        format=Format.DATE,
    ),
    Column(
        "basis_kind",
        "Loại văn bản",
        (),
        "Báo cáo, Quyết định…; để trống thì suy từ số, ký hiệu",
        "Report, decision…; empty: from the symbol",
    ),
    Column("basis_issuer", "Cơ quan ban hành", (), "Để trống: chính cơ quan", "Empty: the agency"),
    Column("basis_title", "Trích yếu", (), "Trích yếu nội dung văn bản căn cứ", "Its subject line"),
)

AGENCY_TYPES: Mapping[str, str] = {
    "economic_zone_board": "Ban Quản lý khu kinh tế",
    "provincial_department": "Sở",
    "public_service_unit": "Đơn vị sự nghiệp công lập",
    "other": "Khác",
}


# -- headers --------------------------------------------------------------------------------


def _header_text(text: str) -> str:
    """Headers may carry a hint in brackets or a required mark: 'Ngày sinh (dd/mm/yyyy) *'."""
    return match_key(re.sub(r"\([^)]*\)|\[[^]]*\]|\*", " ", text))


def _index(columns: tuple[Column, ...]) -> dict[str, str]:
    index: dict[str, str] = {}
    for column in columns:
        for header in (column.header, *column.aliases):
            index[_header_text(header)] = column.key
    return index


_STAFF_INDEX = _index(STAFF_COLUMNS)
_UNIT_INDEX = _index(UNIT_COLUMNS)
AGENCY_INDEX = _index(AGENCY_FIELDS)


def staff_header(text: str) -> str | None:
    """'full_name', 'rating:2023', or None for a header tinhgon does not know."""
    folded = _header_text(text)
    if folded in _STAFF_INDEX:
        return _STAFF_INDEX[folded]
    if match := _RATING.match(folded):
        return f"rating:{match[1]}"
    return None


def unit_header(text: str) -> str | None:
    """'name', 'quota:civil_servant:2019', or None."""
    folded = _header_text(text)
    if folded in _UNIT_INDEX:
        return _UNIT_INDEX[folded]
    if match := _QUOTA.match(folded):
        return f"quota:{_QUOTA_CATEGORY[match[1]].value}:{match[2]}"
    return None


def agency_label(text: str) -> str | None:
    return AGENCY_INDEX.get(_header_text(text))


def is_guide_sheet(name: str) -> bool:
    return match_key(name) in ("huong dan", "ghi chu", "chu thich", "danh sach loi")


def is_agency_sheet(name: str) -> bool:
    return match_key(name) in ("co quan", "thong tin co quan", "thong tin chung")


# -- cell values -----------------------------------------------------------------------------


def text_of(value: CellValue) -> str:
    """A cell as text: numbers without a trailing '.0', dates as dd/mm/yyyy."""
    if type(value) is str:
        return " ".join(value.split())
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    return " ".join(str(value).split())


def _lookup(table: Mapping[str, object], value: CellValue) -> object | None:
    return table.get(match_key(text_of(value)))


_SEXES: dict[str, Sex] = {"nam": Sex.MALE, "male": Sex.MALE, "nu": Sex.FEMALE, "female": Sex.FEMALE}


def read_sex(value: CellValue) -> Sex:
    found = _lookup(_SEXES, value)
    if isinstance(found, Sex):
        return found
    raise CellError(
        f"giới tính '{text_of(value)}' không hợp lệ: ghi Nam hoặc Nữ",
        f"sex '{text_of(value)}' is invalid: write Nam or Nữ",
    )


_CATEGORIES: dict[str, Category] = {
    **{match_key(c.vi): c for c in Category},
    **{match_key(c.value): c for c in Category},
    "cb": Category.CADRE,
    "cc": Category.CIVIL_SERVANT,
    "vc": Category.PUBLIC_EMPLOYEE,
    "nld": Category.CONTRACT_WORKER,
    "hop dong": Category.CONTRACT_WORKER,
    "hop dong lao dong": Category.CONTRACT_WORKER,
    "hdld": Category.CONTRACT_WORKER,
    "lao dong hop dong": Category.CONTRACT_WORKER,
}


def read_category(value: CellValue) -> Category:
    found = _lookup(_CATEGORIES, value)
    if isinstance(found, Category):
        return found
    raise CellError(
        f"loại '{text_of(value)}' không hợp lệ: ghi cán bộ, công chức, viên chức hoặc người lao "
        "động",
        f"category '{text_of(value)}' is invalid: write cán bộ, công chức, viên chức or người "
        "lao động",
    )


_RATINGS: dict[str, Rating] = {
    **{match_key(r.vi): r for r in Rating},
    **{match_key(r.value): r for r in Rating},
    "htxsnv": Rating.EXCELLENT,
    "xuat sac": Rating.EXCELLENT,
    "httnv": Rating.GOOD,
    "tot": Rating.GOOD,
    "htnv": Rating.COMPLETED,
    "hoan thanh": Rating.COMPLETED,
    "khtnv": Rating.NOT_COMPLETED,
    "khong hoan thanh": Rating.NOT_COMPLETED,
}


def read_rating(value: CellValue) -> Rating:
    found = _lookup(_RATINGS, value)
    if isinstance(found, Rating):
        return found
    choices = ", ".join(RATING_CHOICES)
    raise CellError(
        f"xếp loại '{text_of(value)}' không hợp lệ: ghi một trong {choices} (hoặc HTXSNV, "
        "HTTNV, HTNV, KHTNV)",
        f"rating '{text_of(value)}' is invalid: write one of the four ratings (or HTXSNV, "
        "HTTNV, HTNV, KHTNV)",
    )


def _whole_number(value: float) -> int | None:
    return int(value) if math.isfinite(value) and value.is_integer() else None


def read_birth(value: CellValue) -> BirthDate:
    if isinstance(value, dt.datetime | dt.date):
        return BirthDate(value.year, value.month, value.day)
    if isinstance(value, int | float) and not isinstance(value, bool):
        year = _whole_number(float(value))
        if year is not None and 1900 <= year <= 2100:
            return BirthDate(year)
        raise CellError(
            f"ngày sinh '{text_of(value)}' là một số, không phải ngày: định dạng ô là ngày "
            "(dd/mm/yyyy) hoặc ghi dạng chữ",
            f"birth date '{text_of(value)}' is a number, not a date: format the cell as a date "
            "or write it as text",
        )
    text = re.sub(r"^(\d{1,2})[.-](\d{1,2})[.-](\d{4})$", r"\1/\2/\3", text_of(value))
    text = re.sub(r"^(\d{1,2})[.-](\d{4})$", r"\1/\2", text)
    try:
        return BirthDate.parse(text)
    except InvalidValue as error:
        raise CellError(error.vi, error.en) from None


def read_date(value: CellValue) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = text_of(value)
    try:
        if m := re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text):
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        raise CellError(f"ngày '{text}' không có thật", f"date '{text}' does not exist") from None
    raise CellError(
        f"ngày '{text}' không đúng dạng dd/mm/yyyy", f"date '{text}' is not in the form dd/mm/yyyy"
    )


def read_national_id(value: CellValue) -> str:
    if isinstance(value, float | int) and not isinstance(value, bool):
        number = _whole_number(float(value))
        if number is not None and 0 < number < 10**12:
            return f"{number:012d}"  # Excel drops the leading zero of a number
    text = re.sub(r"[\s.]", "", text_of(value))
    if re.fullmatch(r"\d{12}", text):
        return text
    raise CellError(
        f"số định danh cá nhân '{text_of(value)}' phải gồm đúng 12 chữ số",
        f"national ID '{text_of(value)}' must be exactly 12 digits",
    )


def read_rank_code(value: CellValue) -> str:
    if isinstance(value, float) and math.isfinite(value) and 0 < value < 100:
        return f"{value:06.3f}"  # Excel turned '01.003' into the number 1.003
    text = text_of(value)
    if re.fullmatch(r"[A-Z0-9]{1,3}(\.[A-Z0-9]{1,4}){1,2}", text):
        return text
    raise CellError(
        f"mã ngạch '{text}' không đúng dạng (ví dụ 01.003, V.07.01.03)",
        f"rank code '{text}' is malformed (for example 01.003, V.07.01.03)",
    )


_RANK_BY_NAME: dict[str, Rank] = {match_key(r.name): r for r in RANKS.values()}


def read_rank(code: str | None, name: str | None) -> Rank:
    """The rank from its code, its name, or both (which must then agree)."""
    if code is not None:
        known = RANKS.get(code)
        if known is not None:
            if name and match_key(name) != match_key(known.name):
                raise CellError(
                    f"mã ngạch {code} là '{known.name}', không phải '{name}'",
                    f"rank code {code} is '{known.name}', not '{name}'",
                )
            return known
        if not name:
            raise CellError(
                f"mã ngạch {code} không có trong danh mục: ghi thêm tên ngạch (cột Ngạch)",
                f"rank code {code} is not in the list: give its name too (column Ngạch)",
            )
        return Rank(code, name)
    assert name is not None
    return _RANK_BY_NAME.get(match_key(name), Rank("", name))


def read_list(value: CellValue) -> tuple[str, ...]:
    return tuple(
        part.strip() for part in re.split(r"[;\n]", text_of_multiline(value)) if part.strip()
    )


def text_of_multiline(value: CellValue) -> str:
    if isinstance(value, str):
        return "\n".join(" ".join(line.split()) for line in value.splitlines())
    return text_of(value)


def political_qualification(value: CellValue) -> tuple[str, ...]:
    """'Cao cấp' → 'Cao cấp lý luận chính trị'; a full text is kept as it is."""
    out = []
    for part in read_list(value):
        if "ly luan chinh tri" in match_key(part):
            out.append(part)
        else:
            out.append(f"{part} {POLITICAL}")
    return tuple(out)


def split_political(qualifications: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """Qualifications for the two columns: professional ones, and political theory levels
    (written as 'Cao cấp' when they read '<level> lý luận chính trị')."""
    professional: list[str] = []
    political: list[str] = []
    for q in qualifications:
        if "ly luan chinh tri" not in match_key(q):
            professional.append(q)
            continue
        level = q[: -len(POLITICAL)].strip() if q.endswith(POLITICAL) else ""
        political.append(level if level in POLITICAL_LEVELS else q)
    return professional, political


def read_autonomy(value: CellValue) -> AutonomyGroup:
    text = match_key(text_of(value))
    text = re.sub(r"^(nhom|muc) ", "", text)
    for group in AutonomyGroup:
        if text in (group.value, match_key(group.vi)):
            return group
    raise CellError(
        f"mức tự chủ '{text_of(value)}' không hợp lệ: ghi 1, 2, 3 hoặc 4",
        f"autonomy group '{text_of(value)}' is invalid: write 1, 2, 3 or 4",
    )


def read_count(value: CellValue) -> int:
    if isinstance(value, float | int) and not isinstance(value, bool):
        number = _whole_number(float(value))
        if number is not None and number >= 0:
            return number
    text = text_of(value)
    if text.isdigit():
        return int(text)
    raise CellError(
        f"'{text}' phải là số nguyên không âm", f"'{text}' must be a whole number, 0 or more"
    )


def kind_index(kinds: Mapping[str, UnitKind]) -> dict[str, UnitKind]:
    """Unit kinds by their code and their Vietnamese and English names, folded."""
    index: dict[str, UnitKind] = {}
    for kind in kinds.values():
        for name in (kind.code, kind.name_vi, kind.name_en):
            index.setdefault(match_key(name), kind)
    index.setdefault("dvsn", kinds.get("public_service_unit", BUILTIN_KINDS["public_service_unit"]))
    index.setdefault(
        "don vi su nghiep", kinds.get("public_service_unit", BUILTIN_KINDS["public_service_unit"])
    )
    return index


def kind_from_name(name: str, kinds: Mapping[str, UnitKind]) -> UnitKind | None:
    """'Phòng Quản lý đầu tư' → Phòng; 'Văn phòng' → Văn phòng: the kind whose name starts
    the unit's name (the longest such), or None."""
    folded = match_key(name)
    best: UnitKind | None = None
    for kind in kinds.values():
        prefix = match_key(kind.name_vi)
        if (folded == prefix or folded.startswith(prefix + " ")) and (
            best is None or len(prefix) > len(match_key(best.name_vi))
        ):
            best = kind
    return best


@lru_cache(maxsize=1024)
def _title_roles(kinds: tuple[UnitKind, ...]) -> tuple[tuple[str, Role], ...]:
    titles: dict[str, Role] = {}
    for kind in kinds:
        titles.setdefault(match_key(kind.deputy_title), Role.DEPUTY)
    for kind in kinds:
        titles.setdefault(match_key(kind.head_title), Role.HEAD)
    return tuple(sorted(titles.items(), key=lambda item: -len(item[0])))


def read_role(value: CellValue, kinds: tuple[UnitKind, ...]) -> Role:
    """The role a post names: the head or deputy title of a unit kind, alone or followed by
    the unit's name ('Phó Trưởng phòng Quản lý đầu tư'); anything else is staff."""
    text = match_key(text_of(value))
    if not text:
        return Role.STAFF
    for title, role in _title_roles(kinds):
        if text == title or text.startswith(title + " "):
            return role
    if text.startswith("pho ") and read_role(text[4:], kinds) is Role.HEAD:
        return Role.DEPUTY
    return Role.STAFF
