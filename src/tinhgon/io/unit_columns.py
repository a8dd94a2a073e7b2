"""The columns of the structure (sheet ``Đơn vị``, one unit a row): the unit, its kind and parent,
its fields and autonomy, what exports add for reading only, and a quota column a category and a
year, its header made from ``QUOTA_HEADERS``.

``columns.unit_header`` recognises the headers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from tinhgon.domain import Category
from tinhgon.io.cell_values import AUTONOMY_CHOICES
from tinhgon.io.column import ROW_NUMBER, Column, Format

__all__ = ["QUOTA_CATEGORIES", "QUOTA_HEADERS", "QUOTA_PATTERN", "UNIT_COLUMNS"]

UNIT_COLUMNS: tuple[Column, ...] = (
    ROW_NUMBER,
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
# The header of a quota column, folded by ``match_key`` ('Biên chế công chức năm 2019'), and the
# category each wording stands for.
QUOTA_PATTERN = re.compile(
    r"^(bien che can bo|bien che cong chuc|so luong nguoi lam viec|hop dong lao dong"
    r"|bien che nguoi lao dong)(?: nam)? (\d{4})$"
)
QUOTA_CATEGORIES: Mapping[str, Category] = {
    "bien che can bo": Category.CADRE,
    "bien che cong chuc": Category.CIVIL_SERVANT,
    "so luong nguoi lam viec": Category.PUBLIC_EMPLOYEE,
    "hop dong lao dong": Category.CONTRACT_WORKER,
    "bien che nguoi lao dong": Category.CONTRACT_WORKER,
}
