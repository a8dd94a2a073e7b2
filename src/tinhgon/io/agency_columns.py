"""The fields of the agency (sheet ``Cơ quan``, as label/value rows): who the agency is, which body
of law applies to it, and the date and document the figures of an import hold on.

``columns.agency_label`` recognises the labels.
"""

from __future__ import annotations

from collections.abc import Mapping

from tinhgon.io.column import Column, Format

__all__ = ["AGENCY_FIELDS", "AGENCY_TYPES"]

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
