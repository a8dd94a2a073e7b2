"""The parts of a report that only a person can write: the superior's request the report
answers, how the work was directed, strengths, causes of the shortcomings, directions for the
next period, proposals.

The officer fills them in once (a form of the web application keeps them with the agency, a
file on the command line: ``--text FILE``); each left empty takes a sensible default sentence,
so that no heading of the signed report is ever empty.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields

from tinhgon.domain import InvalidValue


@dataclass(frozen=True, kw_only=True)
class ReportTexts:
    """Each field is plain text; a blank line starts a new paragraph. Empty: the default."""

    request: str = ""  # "Công văn số …/SNV-TCBC ngày … của Sở Nội vụ" (what the report answers)
    direction: str = ""  # how the work was directed, beyond the documents tinhgon knows
    strengths: str = ""
    causes: str = ""
    directions: str = ""
    proposals: str = ""

    def paragraphs(self, name: str) -> tuple[str, ...]:
        value: str = getattr(self, name)
        return tuple(
            " ".join(p.split()) for p in value.replace("\r", "").split("\n\n") if p.strip()
        )

    def as_dict(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


# The field names of a text file, in Vietnamese (what an officer writes) and in English.
TEXT_KEYS: Mapping[str, str] = {
    "van_ban_yeu_cau": "request",
    "chi_dao": "direction",
    "uu_diem": "strengths",
    "nguyen_nhan": "causes",
    "phuong_huong": "directions",
    "kien_nghi": "proposals",
    **{f.name: f.name for f in fields(ReportTexts)},
}

TEXT_LABELS: Mapping[str, str] = {
    "request": "Văn bản yêu cầu báo cáo của cấp trên (nếu có)",
    "direction": "Công tác lãnh đạo, chỉ đạo, triển khai (bổ sung)",
    "strengths": "Ưu điểm (bổ sung)",
    "causes": "Nguyên nhân của tồn tại, hạn chế",
    "directions": "Phương hướng, nhiệm vụ thời gian tới",
    "proposals": "Đề xuất, kiến nghị",
}


def texts_from_mapping(data: object, source: str) -> ReportTexts:
    """ReportTexts from a mapping read from a file (YAML or JSON); unknown keys and values
    that are not text are refused, naming the file and the key."""
    if data is None:
        return ReportTexts()
    if not isinstance(data, Mapping):
        raise InvalidValue(
            f"tệp '{source}': cần các mục dạng 'tên: nội dung' ({', '.join(TEXT_KEYS)})",
            f"file '{source}': expected 'name: text' entries",
        )
    values: dict[str, str] = {}
    for key, value in data.items():
        name = TEXT_KEYS.get(str(key).strip())
        if name is None:
            raise InvalidValue(
                f"tệp '{source}', mục '{key}': không có mục này; dùng "
                f"{', '.join(list(TEXT_KEYS)[:6])}",
                f"file '{source}', key '{key}': unknown",
            )
        if value is None:
            continue
        if not isinstance(value, str):
            raise InvalidValue(
                f"tệp '{source}', mục '{key}': nội dung phải là văn bản",
                f"file '{source}', key '{key}': the value must be text",
            )
        values[name] = value.strip()
    return ReportTexts(**values)
