"""The columns of the staff list (sheet ``Nhân sự``, one person a row): who the person is, where
they work, their rank and training, their pay and social insurance, and a yearly rating.

Each column lists the headers it accepts besides its own; ``columns.staff_header`` recognises
them. A rating column is one a year, its header made from ``RATING_HEADER``.
"""

from __future__ import annotations

import re

from tinhgon.io.cell_values import CATEGORY_CHOICES, POLITICAL_LEVELS, SEX_CHOICES
from tinhgon.io.column import ROW_NUMBER, Column, Format

__all__ = ["PAY_COLUMNS", "RATING_HEADER", "RATING_PATTERN", "STAFF_COLUMNS"]

STAFF_COLUMNS: tuple[Column, ...] = (
    ROW_NUMBER,
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
# The header of a rating column, folded by ``match_key`` ('Xếp loại chất lượng năm 2023').
RATING_PATTERN = re.compile(r"^(?:danh gia )?xep loai(?: chat luong)?(?: nam)? (\d{4})$")
