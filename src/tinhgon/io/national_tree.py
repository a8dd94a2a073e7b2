"""What every province of the national dataset holds before its people: the sở as they were
on 01/01/2024 (and the one the first-round mergers of 01/03/2025 create), their departments, chi
cục and public service units by name, and the two kinds of unit a province declares (the
provincial office and inspectorate). Illustrative names (``national_province.ProvinceBuilder``
builds a province's units from them).
"""

from __future__ import annotations

from typing import Any

# (id suffix, name)
SO_BEFORE: list[tuple[str, str]] = [
    ("snv", "Sở Nội vụ"),
    ("stc", "Sở Tài chính"),
    ("stp", "Sở Tư pháp"),
    ("sxd", "Sở Xây dựng"),
    ("sct", "Sở Công Thương"),
    ("sgddt", "Sở Giáo dục và Đào tạo"),
    ("syt", "Sở Y tế"),
    ("skhcn", "Sở Khoa học và Công nghệ"),
    ("svhttdl", "Sở Văn hóa, Thể thao và Du lịch"),
    ("skhdt", "Sở Kế hoạch và Đầu tư"),
    ("stnmt", "Sở Tài nguyên và Môi trường"),
    ("snnptnt", "Sở Nông nghiệp và Phát triển nông thôn"),
    ("sgtvt", "Sở Giao thông vận tải"),
    ("sldtbxh", "Sở Lao động - Thương binh và Xã hội"),
    ("stttt", "Sở Thông tin và Truyền thông"),
]
NEW_SO = {"snnmt": "Sở Nông nghiệp và Môi trường"}

DEPARTMENTS: dict[str, list[str]] = {
    "snv": ["Tổ chức, biên chế", "Cải cách hành chính", "Công chức, viên chức"],
    "stc": ["Ngân sách", "Quản lý giá và công sản", "Tài chính doanh nghiệp"],
    "stp": ["Xây dựng và kiểm tra văn bản", "Hành chính tư pháp", "Bổ trợ tư pháp"],
    "sxd": ["Quản lý xây dựng", "Quy hoạch - Kiến trúc", "Phát triển đô thị"],
    "sct": ["Quản lý công nghiệp", "Quản lý thương mại", "Quản lý năng lượng"],
    "sgddt": ["Giáo dục phổ thông", "Giáo dục mầm non", "Khảo thí và Quản lý chất lượng"],
    "syt": ["Nghiệp vụ Y", "Nghiệp vụ Dược", "Kế hoạch - Tài chính"],
    "skhcn": ["Quản lý khoa học", "Quản lý công nghệ", "Tiêu chuẩn đo lường chất lượng"],
    "svhttdl": ["Quản lý văn hóa", "Quản lý thể dục thể thao", "Quản lý du lịch"],
    "skhdt": ["Tổng hợp, quy hoạch", "Đăng ký kinh doanh", "Đầu tư"],
    "stnmt": ["Quản lý đất đai", "Tài nguyên nước", "Khoáng sản"],
    "snnptnt": ["Kế hoạch - Tài chính", "Quản lý xây dựng công trình", "Kinh tế hợp tác"],
    "sgtvt": ["Quản lý vận tải", "Quản lý kết cấu hạ tầng giao thông", "Quản lý chất lượng"],
    "sldtbxh": ["Lao động - Việc làm", "Người có công", "Bảo trợ xã hội"],
    "stttt": ["Bưu chính, viễn thông", "Báo chí, xuất bản", "Công nghệ thông tin"],
}
SUB_DEPARTMENTS = {
    "snnptnt": ["Chi cục Kiểm lâm", "Chi cục Thủy lợi"],
    "stnmt": ["Chi cục Bảo vệ môi trường"],
    "sct": ["Chi cục Quản lý thị trường"],
}
OTHER_PSU = {
    "snnptnt": ["Trung tâm Khuyến nông"],
    "svhttdl": ["Thư viện tỉnh", "Bảo tàng tỉnh"],
    "sldtbxh": ["Trung tâm Dịch vụ việc làm"],
    "stnmt": ["Văn phòng Đăng ký đất đai"],
    "snv": ["Trung tâm Lưu trữ lịch sử"],
    "stttt": ["Trung tâm Công nghệ thông tin và Truyền thông"],
}

UNIT_KINDS: list[dict[str, Any]] = [
    {
        "code": "provincial_office",
        "name": "Văn phòng Ủy ban nhân dân",
        "name_en": "Office of the People's Committee",
        "class": "agency",
        "head_title": "Chánh Văn phòng",
        "deputy_title": "Phó Chánh Văn phòng",
    },
    {
        "code": "provincial_inspectorate",
        "name": "Thanh tra tỉnh",
        "name_en": "Provincial inspectorate",
        "class": "agency",
        "head_title": "Chánh Thanh tra",
        "deputy_title": "Phó Chánh Thanh tra",
    },
]
