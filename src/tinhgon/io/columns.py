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

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from tinhgon.domain import (
    Category,
)
from tinhgon.io.cell_values import (
    AUTONOMY_CHOICES,
    CATEGORY_CHOICES,
    POLITICAL,
    POLITICAL_LEVELS,
    RATING_CHOICES,
    SEX_CHOICES,
    CellError,
    guess_kind,
    kind_from_name,
    kind_index,
    match_key,
    political_qualification,
    read_autonomy,
    read_birth,
    read_category,
    read_count,
    read_date,
    read_list,
    read_national_id,
    read_rank,
    read_rank_code,
    read_rating,
    read_role,
    read_sex,
    split_political,
    text_of,
    text_of_multiline,
)

# The readers of cell values live in tinhgon.io.cell_values; they are re-exported here.
__all__ = [
    "AGENCY_FIELDS",
    "AGENCY_INDEX",
    "AGENCY_TYPES",
    "AUTONOMY_CHOICES",
    "CATEGORY_CHOICES",
    "POLITICAL",
    "POLITICAL_LEVELS",
    "QUOTA_HEADERS",
    "RATING_CHOICES",
    "RATING_HEADER",
    "SEX_CHOICES",
    "SHEET_AGENCY",
    "SHEET_GUIDE",
    "SHEET_STAFF",
    "SHEET_UNITS",
    "STAFF_COLUMNS",
    "UNIT_COLUMNS",
    "CellError",
    "Column",
    "Format",
    "SheetKind",
    "agency_label",
    "guess_kind",
    "is_agency_sheet",
    "is_guide_sheet",
    "kind_from_name",
    "kind_index",
    "match_key",
    "political_qualification",
    "read_autonomy",
    "read_birth",
    "read_category",
    "read_count",
    "read_date",
    "read_list",
    "read_national_id",
    "read_rank",
    "read_rank_code",
    "read_rating",
    "read_role",
    "read_sex",
    "split_political",
    "staff_header",
    "text_of",
    "text_of_multiline",
    "unit_header",
]

SHEET_AGENCY = "Cơ quan"
SHEET_UNITS = "Đơn vị"
SHEET_STAFF = "Nhân sự"
SHEET_GUIDE = "Hướng dẫn"


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
        ("Ngày, tháng, năm sinh", "Ngày tháng năm sinh", "Năm sinh", "Sinh ngày", "Ngày sinh"),
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
        (
            "Đơn vị công tác",
            "Phòng ban",
            "Phòng",
            "Nơi công tác",
            "Bộ phận",
            "Cơ quan, đơn vị đang làm việc",
            "Cơ quan, đơn vị công tác",
            "Đơn vị đang làm việc",
        ),
        "Tên đơn vị (như trong cơ cấu) hoặc mã đơn vị; lãnh đạo cơ quan ghi tên cơ quan",
        "The unit's name (as in the structure) or id; the agency's leaders: the agency's name",
        34,
        Format.TEXT,
        required=True,
    ),
    Column(
        "post",
        "Chức vụ",
        (
            "Chức vụ, chức danh",
            "Chức danh",
            "Chức vụ hiện tại",
            "Chức vụ hoặc chức danh công tác",
            "Chức vụ, chức danh công tác",
            "Chức vụ Đảng, chính quyền",
        ),
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
        (
            "Ngạch công chức",
            "Ngạch viên chức",
            "Chức danh nghề nghiệp",
            "Ngạch, chức danh",
            "Ngạch công chức, viên chức",
            "Ngạch, chức danh nghề nghiệp",
            "Tên ngạch",
        ),
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

# Pay and social insurance (issue 13: streamlining allowances), after STAFF_COLUMNS: read by
# the importer (tinhgon.io.staff_rows), written by the staff export and the templates.
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


_STAFF_INDEX = _index(STAFF_COLUMNS + PAY_COLUMNS)
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
