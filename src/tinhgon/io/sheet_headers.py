"""What a sheet's header row says beyond its columns: the title lines above it, the row of
column numbers '(1) (2) (3)…' under it, what each column of a header on several rows was taken
to be, the rank's code beside the rank's name, and the columns only exports write.
"""

from __future__ import annotations

import re

from tinhgon.io.columns import UNIT_COLUMNS, match_key, text_of
from tinhgon.io.errors import column_letter
from tinhgon.io.layout import Title, key_of
from tinhgon.io.sheet_records import SheetView, Text
from tinhgon.io.sheets import CellValue, Table

__all__ = [
    "KEY_MEANINGS",
    "export_only",
    "header_notice",
    "is_numbering_row",
    "rank_code_after_rank",
    "title_above",
]

_NUMBERING = re.compile(r"^\(?\d{1,3}\)?$")


def is_numbering_row(values: tuple[CellValue, ...]) -> bool:
    """The row of column numbers '(1) (2) (3)…' that official forms put under the header."""
    filled = [text_of(v) for v in values if v is not None]
    return len(filled) >= 3 and all(_NUMBERING.match(v) for v in filled)


def export_only(key: str) -> bool:
    """A column exports write for reading only (Cấp trưởng, Số người…): never read back."""
    return any(c.key == key and c.export_only for c in UNIT_COLUMNS)


def title_above(table: Table, header: int) -> Title:
    """The title lines above the header row (the form's name, the agency, the date…)."""
    lines = [
        (i, text_of(v))
        for number, values in table.rows
        if number < header
        for i, v in enumerate(values)
        if v is not None and text_of(v)
    ]
    return Title(lines)


def header_notice(sheet: SheetView) -> Text:
    """A header on several rows: what each column was taken to be."""
    taken = {i: k for k, i in sheet.columns.items()}
    parts_vi, parts_en = [], []
    for index in sorted(sheet.headers):
        key = taken.get(index)
        meaning = KEY_MEANINGS.get(key.split(":")[0] if key else "") if key else None
        if key and key.startswith("mark:"):
            meaning = (f"đánh dấu '{key.split(':')[2]}'", f"mark '{key.split(':')[2]}'")
        elif key and key.startswith("rating:"):
            meaning = (f"xếp loại {key[7:]}", f"rating {key[7:]}")
        vi, en = meaning or ("không đọc", "not read")
        head = sheet.headers[index]
        parts_vi.append(f"{column_letter(index)} '{head}' → {vi}")
        parts_en.append(f"{column_letter(index)} '{head}' → {en}")
    where = f"trang tính '{sheet.table.name}'" if sheet.table.name else "tệp"
    return (
        f"{where}: tiêu đề nhiều dòng, đọc là: " + "; ".join(parts_vi),
        f"{sheet.table.name or 'file'}: a header on several rows, read as: " + "; ".join(parts_en),
    )


KEY_MEANINGS: dict[str, Text] = {
    "stt": ("số thứ tự (không đọc)", "row number (not read)"),
    "person_id": ("mã người", "person id"),
    "full_name": ("họ và tên", "full name"),
    "family_name": ("họ và tên đệm", "family and middle names"),
    "given_name": ("tên", "given name"),
    "birth": ("ngày sinh", "birth date"),
    "birth_male": ("ngày sinh của nam (giới tính Nam)", "birth date of a man (sex: male)"),
    "birth_female": ("ngày sinh của nữ (giới tính Nữ)", "birth date of a woman (sex: female)"),
    "sex": ("giới tính", "sex"),
    "category": ("loại", "category"),
    "national_id": ("số định danh cá nhân", "national ID"),
    "unit_id": ("mã đơn vị", "unit id"),
    "unit": ("đơn vị", "unit"),
    "post": ("chức vụ", "post"),
    "rank_code": ("mã ngạch", "rank code"),
    "rank_name": ("tên ngạch", "rank name"),
    "qualifications": ("trình độ chuyên môn", "qualifications"),
    "political": ("lý luận chính trị", "political theory"),
    "salary_coefficient": ("hệ số lương", "salary coefficient"),
    "position_allowance_coefficient": ("hệ số phụ cấp chức vụ", "position allowance"),
    "allowance_coefficient": ("hệ số phụ cấp khác", "other allowances"),
    "social_insurance_months": ("số tháng đóng BHXH", "months of social insurance"),
    "social_insurance_on": ("BHXH tính đến ngày", "social insurance counted up to"),
}


def rank_code_after_rank(paths: dict[int, list[str]]) -> dict[int, str | None]:
    """Each column's key; 'Mã số' right after the rank's name is the rank's code (the official
    forms' 'Ngạch công chức, viên chức' | 'Mã số'), not the person's id."""
    keys = {i: key_of(p) for i, p in paths.items()}
    for index, key in keys.items():
        if (
            key == "person_id"
            and match_key(paths[index][-1]) == "ma so"
            and keys.get(index - 1) == "rank_name"
            and "rank_code" not in keys.values()
        ):
            keys[index] = "rank_code"
    return keys
