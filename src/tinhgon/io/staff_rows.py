"""Reading a staff sheet row by row, as agencies lay it out (``tinhgon.io.layout``).

Every cell read is kept as written or refused with its place; what the layout says instead of
a column is filled in and said where it came from:

* the unit from a group row ("II. VĂN PHÒNG"), the sheet's title or its name; the leaders'
  group ("I. LÃNH ĐẠO BAN") is the agency itself;
* the sex from the birth-date column the date is written in ("Nam" | "Nữ");
* the name from "Họ và tên đệm" | "Tên";
* qualifications from "x" marks under TS | ThS | ĐH…, political theory under Cao cấp | Trung cấp…;
* the category from a group row ("I. CÔNG CHỨC") or the title ("DANH SÁCH VIÊN CHỨC").

Total rows are skipped; the footer (Người lập biểu, the place and date) ends the table, and a
row after it that holds a birth date is a problem rather than dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from tinhgon.domain import Category, InvalidValue, Sex
from tinhgon.io.cell_values import read_coefficient
from tinhgon.io.columns import (
    POLITICAL,
    POLITICAL_LEVELS,
    CellError,
    guess_kind,
    match_key,
    read_birth,
    read_category,
    read_count,
    read_date,
    read_list,
    read_national_id,
    read_rank_code,
    read_rating,
    read_sex,
    text_of,
)
from tinhgon.io.errors import column_letter
from tinhgon.io.import_rows import Loc, RowReader, SheetView, StaffRow
from tinhgon.io.layout import LEADERSHIP_GROUPS, is_footer, is_total, read_group
from tinhgon.io.sheets import CellValue

NAME_PARTS = ("family_name", "given_name")
NOT_DATA = frozenset({"stt", "full_name", *NAME_PARTS})

# Cell values that say "none": never stored as a qualification.
_NOTHING = frozenset({"khong", "khong co", "x", "-", "--", "0", "chua", "chua co", "k"})
_MARKED = frozenset({"x", "v", "1", "co", "√", "✓", "✔", "+"})


def read_qualifications(value: CellValue) -> tuple[str, ...]:
    """Several qualifications separated by ';' or line breaks, each as written; 'Không', '-'
    or an 'x' alone mean none."""
    return tuple(p for p in read_list(value) if match_key(p) not in _NOTHING and p.strip("-—– "))


def read_political(value: CellValue) -> tuple[str, ...]:
    """'Cao cấp' → 'Cao cấp lý luận chính trị' (the four levels only); any other text is kept
    as written; 'Không' is none."""
    levels = {match_key(level): level for level in POLITICAL_LEVELS}
    out = []
    for part in read_qualifications(value):
        folded = match_key(part)
        out.append(f"{levels[folded]} {POLITICAL}" if folded in levels else part)
    return tuple(out)


def read_mark(value: CellValue) -> str:
    """A mark under a degree or a level: 'x' (marked), or the text written there (a major)."""
    text = text_of(value)
    if match_key(text) in _MARKED or text in _MARKED:
        return ""
    if match_key(text) in _NOTHING:
        return "-"
    return text


READERS: Mapping[str, Callable[[CellValue], Any]] = {
    "birth": read_birth,
    "birth_male": read_birth,
    "birth_female": read_birth,
    "sex": read_sex,
    "category": read_category,
    "national_id": read_national_id,
    "rank_code": read_rank_code,
    "qualifications": read_qualifications,
    "political": read_political,
    "salary_coefficient": read_coefficient,
    "position_allowance_coefficient": read_coefficient,
    "allowance_coefficient": read_coefficient,
    "social_insurance_months": read_count,
    "social_insurance_on": read_date,
}

_UNIQUE = frozenset({"person_id", "full_name", "national_id", "family_name", "given_name"})
_GENERIC_SHEETS = re.compile(
    r"^(?:sheet|trang tinh|bang tinh|ds|danh sach|nhan su|tong hop|th|data|du lieu|bao cao"
    r"|bieu|mau|trich ngang|cbccvc|ccvc|cb|cc|vc)\s*\d*$"
)


def sheet_unit(sheet: SheetView, kinds: Mapping[str, Any]) -> tuple[str, bool]:
    """The unit a sheet without a unit column is about: its title's, or its name when that
    names a unit ('Văn phòng', 'Phòng QLĐT') or is an id ('VP'); and whether it is the
    agency's leaders ('Lãnh đạo Sở')."""
    from_title = sheet.title.unit()
    if from_title:
        return from_title, False
    name = sheet.table.name.strip()
    folded = match_key(name)
    if not name or _GENERIC_SHEETS.match(folded):
        return "", False
    if LEADERSHIP_GROUPS.match(folded):
        return "", True
    if guess_kind(name, kinds) is not None:
        return name, False
    if re.fullmatch(r"[A-Za-z0-9_.-]{1,12}", name):
        return name, False
    return "", False


# Columns official forms and HR software have that tinhgon does not keep: listed, not warned.
_NOT_KEPT = re.compile(
    r"^(?:que quan|noi sinh|dan toc|ton giao|ngay vao dang|ngay vao dang chinh thuc|dang vien"
    r"|he so luong|bac luong|bac|luong|phu cap|ngay huong|moc nang luong|ngoai ngu|tin hoc"
    r"|quan ly nha nuoc|ghi chu|cho o|dia chi|so dien thoai|dien thoai|email|thoi gian"
    r"|ngay tuyen dung|ngay bo nhiem|ngay vao co quan|nam vao nganh|chuyen nganh|truong dao tao"
    r"|hinh thuc dao tao|nam tot nghiep|danh hieu|khen thuong|ky luat|so so bhxh|so bao hiem"
    r"|ma so thue|tinh trang|trinh do ngoai ngu|trinh do tin hoc|loi|error)\b"
)


def read_staff_sheet(reader: RowReader, sheet: SheetView) -> None:
    reader.staff_sheets += 1
    columns = sheet.columns
    has_unit_column = "unit" in columns or "unit_id" in columns
    derived = set(columns)
    if "birth_male" in columns or "birth_female" in columns:
        derived |= {"birth", "sex"}
    if "family_name" in columns or "given_name" in columns:
        derived.add("full_name")
    if any(k.startswith("mark:degree:") for k in columns):
        derived.add("qualifications")
    if any(k.startswith("mark:political:") for k in columns):
        derived.add("political")
    title_category = sheet.title.category() if "category" not in columns else None
    own_unit, own_leaders = ("", False) if has_unit_column else sheet_unit(sheet, reader.kinds)
    if title_category is not None:
        derived.add("category")
    readers = [
        (k, i, read_rating if k.startswith("rating:") else READERS.get(k, _reader_of(k)))
        for k, i in columns.items()
        if k != "stt"
    ]
    data_columns = {i for k, i in columns.items() if k not in NOT_DATA}
    read_columns = {i for k, i in columns.items() if k != "stt"}
    formulas = sheet.table.formulas
    known: dict[tuple[str, type, CellValue], Any] = {}
    group_unit = ""
    group_row = 0
    group_leaders = False
    group_category: Category | None = None
    grouped = False
    footer_at: int | None = None
    rows = list(reader.data_rows(sheet))
    for position, (number, values) in enumerate(rows):
        # Totals, footers and group rows are short: a person's row fills more cells.
        short = len(values) - values.count(None) <= 5
        if is_total(values):
            continue
        if short and is_footer(values):
            footer_at = position
            break
        group = read_group(values, data_columns) if short else None
        if group is not None:
            if group.category is not None and not group.leaders:
                group_category = group.category
            else:
                grouped = True
                group_unit, group_leaders = group.label, group.leaders
                group_row = number
            continue
        if number in formulas:
            cells = sorted(formulas[number] & read_columns)
            for index in cells:
                key = next(k for k, i in columns.items() if i == index)
                reader.problem(
                    sheet.loc(number, key),
                    "ô chứa công thức: không nhận công thức ở nơi đọc dữ liệu, hãy sao chép rồi "
                    "dán giá trị (Paste Values)",
                    "the cell holds a formula: formulas are refused where data is read, copy and "
                    "paste the values",
                )
            if cells:
                continue
        read: dict[str, Any] = {}
        bad = False
        width = len(values)
        for key, index, cell_reader in readers:
            raw = values[index] if index < width else None
            if raw is None:
                continue
            if type(raw) is str and raw.startswith("="):
                reader.problem(
                    sheet.loc(number, key),
                    f"ô bắt đầu bằng '=' ('{raw[:30]}'): không nhận công thức",
                    f"the cell starts with '=' ('{raw[:30]}'): formulas are refused",
                )
                bad = True
                continue
            memo = (key, type(raw), raw)
            if memo in known:
                read[key] = known[memo]
                continue
            try:
                value = read[key] = cell_reader(raw)
                if key not in _UNIQUE:
                    known[memo] = value
            except (CellError, InvalidValue) as error:
                reader.problem(sheet.loc(number, key), error.vi, error.en)
                bad = True
        bad = _derive(reader, sheet, number, read) or bad
        if "full_name" not in read:
            if not bad:
                reader.problem(
                    sheet.loc(number, "full_name" if "full_name" in columns else "given_name"),
                    "thiếu họ và tên",
                    "the name is missing",
                )
            continue
        if "person_id" in read:
            pid: str = read["person_id"]
            if not reader.valid_id(sheet.loc(number, "person_id"), pid, "người", "person"):
                continue
        if bad:
            # The row is not imported, but its unit is still checked: every problem at once.
            unit = read.get("unit") or ("" if has_unit_column or group_leaders else group_unit)
            if unit and isinstance(unit, str):
                reader.unchecked_units.append((unit, sheet.loc(number, "unit")))
            continue
        if "category" not in read and "category" not in columns:
            category = group_category or title_category
            if category is not None:
                read["category"] = category
        leader = False
        unit_loc: Loc | None = None  # where the unit is written when it is not in a column
        if "unit" not in read and "unit_id" not in read:
            # No unit in the row: its group's (with a unit column, a leaders' group row above
            # rows whose unit cell is empty), else the sheet's.
            if grouped:
                leader = group_leaders
                if not leader:
                    read["unit"] = group_unit
                    unit_loc = Loc(sheet.table.name, group_row)
            elif own_leaders and not has_unit_column:
                leader = True
            elif own_unit and not has_unit_column:
                read["unit"] = own_unit
        row_present = frozenset(derived | ({"unit"} if "unit" in read else set()))
        reader.staff_rows.append(
            StaffRow(
                sheet.loc(number),
                sheet,
                read,
                row_present,
                agency_leader=leader,
                unit_loc=unit_loc,
            )
        )
    if footer_at is not None:
        birth_columns = [
            columns[k] for k in ("birth", "birth_male", "birth_female") if k in columns
        ]
        for number, values in rows[footer_at + 1 :]:
            if any(i < len(values) and values[i] is not None for i in birth_columns) and any(
                _is_birth(values[i]) for i in birth_columns if i < len(values)
            ):
                reader.problem(
                    sheet.loc(number),
                    "dòng có ngày sinh nằm dưới phần ký tên (Người lập biểu…): chuyển lên trên "
                    "phần ký tên, hoặc xóa",
                    "a row with a birth date is below the signatures: move it above them, or "
                    "delete it",
                )
    _unread_columns(reader, sheet, rows)
    if title_category is not None and "category" not in columns:
        reader.notices.append(
            (
                f"trang tính '{sheet.table.name}': không có cột Loại; loại "
                f"'{title_category.vi}' lấy từ tiêu đề '{sheet.title.heading()}'",
                f"sheet '{sheet.table.name}': no category column; '{title_category.en}' taken "
                f"from the title",
            )
        )


def _is_birth(value: CellValue) -> bool:
    try:
        read_birth(value)
    except (CellError, InvalidValue):
        return False
    return True


def _reader_of(key: str) -> Callable[[CellValue], Any]:
    if key.startswith("mark:"):
        return read_mark
    return text_of


def _derive(reader: RowReader, sheet: SheetView, number: int, read: dict[str, Any]) -> bool:
    """Values the layout gives instead of a column; True if something is wrong."""
    bad = False
    if "family_name" in read or "given_name" in read:
        name = " ".join(p for p in (read.pop("family_name", ""), read.pop("given_name", "")) if p)
        if "full_name" not in read and name:
            read["full_name"] = name
    male, female = read.pop("birth_male", None), read.pop("birth_female", None)
    if male is not None and female is not None:
        reader.problem(
            sheet.loc(number, "birth_female"),
            "ngày sinh ghi ở cả cột Nam và cột Nữ: chỉ ghi ở cột đúng giới tính",
            "the birth date is in both the Nam and Nữ columns: keep the one of the person's sex",
        )
        return True
    if male is not None or female is not None:
        sex = Sex.MALE if male is not None else Sex.FEMALE
        if "sex" in read and read["sex"] is not sex:
            reader.problem(
                sheet.loc(number, "sex"),
                f"giới tính '{read['sex'].vi}' khác với cột ngày sinh ({sex.vi})",
                f"the sex '{read['sex'].en}' differs from the birth-date column ({sex.en})",
            )
            return True
        if "birth" in read:
            reader.problem(
                sheet.loc(number, "birth"),
                "ngày sinh ghi hai lần (cột Ngày sinh và cột Nam/Nữ)",
                "the birth date is given twice",
            )
            return True
        read["birth"] = male if male is not None else female
        read["sex"] = sex
    degrees: list[str] = []
    political: list[str] = []
    for key in [k for k in read if k.startswith("mark:")]:
        mark = read.pop(key)
        _, family, name = key.split(":", 2)
        if mark == "-":
            continue
        text = (
            name
            if not mark
            else (mark if match_key(mark).startswith(match_key(name)) else f"{name} {mark}")
        )
        if family == "degree":
            degrees.append(text)
        else:
            political.append(f"{name} {POLITICAL}" if not mark else text)
    if degrees:
        read["qualifications"] = tuple(read.get("qualifications", ())) + tuple(degrees)
    if political:
        read["political"] = tuple(read.get("political", ())) + tuple(political)
    return bad


def _unread_columns(
    reader: RowReader, sheet: SheetView, rows: list[tuple[int, tuple[CellValue, ...]]]
) -> None:
    """A column tinhgon does not know that holds data is a warning to acknowledge, unless it
    is one lists commonly carry and tinhgon does not keep (Quê quán, Dân tộc…)."""
    taken = set(sheet.columns.values())
    for index, header in sorted(sheet.headers.items()):
        if index in taken:
            continue
        parts = [match_key(p) for p in header.split(" / ")]
        if any(_NOT_KEPT.match(p) for p in parts):
            continue
        filled = sum(1 for _, values in rows if index < len(values) and values[index] is not None)
        if filled:
            reader.warn(
                sheet.loc(sheet.header_row),
                f"cột {column_letter(index)} '{header}' có dữ liệu ở {filled} dòng nhưng tinhgon "
                "không biết cột này nên không đọc",
                f"column {column_letter(index)} '{header}' holds data on {filled} rows but "
                "tinhgon does not know it and does not read it",
            )
