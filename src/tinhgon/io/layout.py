"""How agencies lay their lists out, read as they are (docs/excel.md, "Bố cục").

* **Title rows** above the table (the agency and its superior, the national motto, the title
  "DANH SÁCH CÔNG CHỨC…", "Đơn vị tính", dates, "Kèm theo Báo cáo số …"): kept as text, for the
  agency, the category, the unit of a sheet and the basis document they may name.
* **Headers on two or three rows** with merged cells: "Ngày, tháng, năm sinh" over "Nam" |
  "Nữ", "Ngạch" over "Tên ngạch" | "Mã ngạch", "Trình độ đào tạo" over TS | ThS | ĐH… marks,
  "Họ và tên" over "Họ và tên đệm" | "Tên". A merged cell's text is in its first cell only, so
  a header cell left empty beside a spanning one takes its text when the row below is filled.
* **Group rows** ("I. LÃNH ĐẠO BAN", "II. VĂN PHÒNG", "1. Phòng Quản lý đầu tư", "A. CÔNG
  CHỨC"), **total rows** ("TỔNG SỐ", "Cộng") and the **footer** (Người lập biểu, Thủ trưởng
  đơn vị, the place and date, signatures): told apart from the people's rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tinhgon.domain import Category
from tinhgon.io.columns import CellError, match_key, read_category, staff_header, text_of
from tinhgon.io.sheets import CellValue

# -- the header band ----------------------------------------------------------------------

_BIRTH_SEX = {"nam": "birth_male", "nu": "birth_female"}
_RANK_PARTS = {
    "ten ngach": "rank_name",
    "ten": "rank_name",
    "ten ngach chuc danh": "rank_name",
    "ten chuc danh": "rank_name",
    "ma ngach": "rank_code",
    "ma so": "rank_code",
    "ma": "rank_code",
    "ma so ngach": "rank_code",
    "ma chuc danh": "rank_code",
}
_NAME_PARTS = {
    "ho va ten dem": "family_name",
    "ho va chu dem": "family_name",
    "ho dem": "family_name",
    "ho va dem": "family_name",
    "ho": "family_name",
    "ten": "given_name",
}
DEGREES = {
    "ts": "Tiến sĩ",
    "tien si": "Tiến sĩ",
    "ths": "Thạc sĩ",
    "thac si": "Thạc sĩ",
    "dh": "Đại học",
    "dai hoc": "Đại học",
    "cd": "Cao đẳng",
    "cao dang": "Cao đẳng",
    "tc": "Trung cấp",
    "trung cap": "Trung cấp",
    "sc": "Sơ cấp",
    "so cap": "Sơ cấp",
}
POLITICAL_MARKS = {
    "cao cap": "Cao cấp",
    "cc": "Cao cấp",
    "trung cap": "Trung cấp",
    "tc": "Trung cấp",
    "so cap": "Sơ cấp",
    "sc": "Sơ cấp",
    "cu nhan": "Cử nhân",
    "cn": "Cử nhân",
}
_SUB_HEADER_WORDS = (
    set(_BIRTH_SEX) | set(_RANK_PARTS) | set(_NAME_PARTS) | set(DEGREES) | set(POLITICAL_MARKS)
)


def _strip_hint(text: str) -> str:
    return match_key(re.sub(r"\([^)]*\)|\[[^]]*\]|\*", " ", text))


def key_of(path: list[str]) -> str | None:
    """The key of a column from its header texts, top to bottom (a merged parent first)."""
    if not path:
        return None
    leaf = _strip_hint(path[-1])
    parents = [staff_header(p) for p in path[:-1]]
    folded_parents = [_strip_hint(p) for p in path[:-1]]
    # the nearest parent first: 'Trung cấp' under 'Lý luận chính trị' under 'Trình độ'
    for parent, folded in reversed(list(zip(parents, folded_parents, strict=True))):
        if parent == "birth" and leaf in _BIRTH_SEX:
            return _BIRTH_SEX[leaf]
        if (parent in ("rank_name", "rank_code") or "ngach" in folded.split()) and (
            leaf in _RANK_PARTS
        ):
            return _RANK_PARTS[leaf]
        if parent == "full_name" and leaf in _NAME_PARTS:
            return _NAME_PARTS[leaf]
        if parent == "political" and leaf in POLITICAL_MARKS:
            return f"mark:political:{POLITICAL_MARKS[leaf]}"
        if parent == "qualifications" and leaf in DEGREES:
            return f"mark:degree:{DEGREES[leaf]}"
        rating = (parent or "").startswith("rating") or folded.startswith(("xep loai", "danh gia"))
        if rating and re.fullmatch(r"(?:nam )?(\d{4})", leaf):
            return f"rating:{leaf[-4:]}"
    key = staff_header(path[-1])
    if key is None and leaf in _NAME_PARTS and leaf != "ho":
        key = _NAME_PARTS[leaf]
    if key is None and len(path) > 1:
        # a parent over one child it names fully ("Ngày sinh" over "(dd/mm/yyyy)")
        key = staff_header(path[0]) if leaf in ("", "dd mm yyyy") else None
    return key


def is_sub_header(values: tuple[CellValue, ...], name_column: int | None) -> bool:
    """A row of a header's lower level: text only, the name column empty (merged from above)
    or itself a part of the name, and at least one known lower-level header."""
    filled = [(i, v) for i, v in enumerate(values) if v is not None]
    if len(filled) < 2 or any(not isinstance(v, str) for _, v in filled):
        return False
    if name_column is not None and name_column < len(values):
        name = values[name_column]
        if name is not None and _strip_hint(text_of(name)) not in _NAME_PARTS:
            return False
    words = [_strip_hint(text_of(v)) for _, v in filled]
    if any(re.search(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}", text_of(v)) for _, v in filled):
        return False
    known = sum(1 for w in words if w in _SUB_HEADER_WORDS or re.fullmatch(r"(?:nam )?\d{4}", w))
    return known * 2 >= len(words)


def band_paths(rows: list[tuple[CellValue, ...]]) -> dict[int, list[str]]:
    """Each column's header texts, top to bottom, over a band of header rows; an empty cell of
    an upper row takes the text on its left when a lower row is filled there (a merged cell)."""
    width = max((len(r) for r in rows), default=0)
    paths: dict[int, list[str]] = {}
    for column in range(width):
        path: list[str] = []
        for level, row in enumerate(rows):
            value = row[column] if column < len(row) else None
            if value is not None:
                path.append(text_of(value))
                continue
            below = any(
                column < len(lower) and lower[column] is not None for lower in rows[level + 1 :]
            )
            if not below:
                continue
            for left in range(column - 1, -1, -1):
                carried = row[left] if left < len(row) else None
                if carried is not None:
                    path.append(text_of(carried))
                    break
                # stop at a column whose own cell below is empty: not the same merged span
                if not any(
                    left < len(lower) and lower[left] is not None for lower in rows[level + 1 :]
                ):
                    break
        if path:
            paths[column] = path
    return paths


# -- rows that are not people ------------------------------------------------------------

GROUP_PREFIX = re.compile(r"^\s*([IVXLC]{1,6}|[A-ZĐ]|\d{1,2}(?:\.\d{1,2})?)\s*[.)/:-]\s*(\S.*)$")
_ROMAN_OR_LETTER = re.compile(r"^(?:[IVXLC]{1,6}|[A-ZĐ])\.?$")
# Words that open a unit's name and never a person's (no "Trương", "Tô", "Đới": surnames).
UNIT_WORDS = (
    "lanh dao",
    "ban lanh dao",
    "ban giam doc",
    "phong",
    "van phong",
    "chi cuc",
    "trung tam",
    "thanh tra",
    "bo phan",
    "khoa",
    "tram",
    "ban quan ly",
)
LEADERSHIP_GROUPS = re.compile(
    r"^(?:ban )?lanh dao(?: (?:ban|so|co quan|chi cuc|trung tam|don vi|cuc|vien))?(?: .*)?$"
    r"|^ban giam doc$|^ban lanh dao$"
)
# Never a bare 'tong' or 'cong' prefix: 'Tống Văn A' is a person.
_TOTAL = re.compile(r"^(?:tong so|tong cong)\b|^(?:tong|cong|cong toan|cong chung)$")
_FOOTER = re.compile(
    r"nguoi lap(?: bieu)?\b|thu truong (?:co quan|don vi)|ky(?:,)? (?:ghi ro )?ho(?: va)? ten"
    r"|ky ten(?: va)? dong dau|xac nhan cua|ngay \d{1,2} thang \d{1,2} nam \d{4}"
    r"|ngay\s+thang\s+nam\s*$|^ghi chu\b|^noi nhan\b"
)


@dataclass(frozen=True)
class Group:
    """A group row: the unit (or category) of the people below it."""

    label: str  # as written, without its numbering
    leaders: bool  # 'Lãnh đạo Ban', 'Ban Giám đốc': the agency itself
    category: Category | None  # 'I. CÔNG CHỨC', 'III. HỢP ĐỒNG 68'


def row_text(values: tuple[CellValue, ...]) -> str:
    return " ".join(text_of(v) for v in values if v is not None)


def is_total(values: tuple[CellValue, ...]) -> bool:
    """'TỔNG SỐ', 'Tổng cộng', 'Cộng' in one of the row's first two texts."""
    texts = [v for v in values if isinstance(v, str)][:2]
    return any(t[:2].lower() in _TOTAL_START and _TOTAL.match(match_key(t)) for t in texts)


_TOTAL_START = frozenset({"tổ", "to", "cộ", "co"})  # not "Tống", "Tô": surnames


def is_footer(values: tuple[CellValue, ...]) -> bool:
    return bool(_FOOTER.search(match_key(row_text(values))))


def _category_of(label: str) -> Category | None:
    try:
        return read_category(label)
    except CellError:
        return None


def read_group(values: tuple[CellValue, ...], data_columns: set[int]) -> Group | None:
    """The group a row opens, or None when it is not a group row: one or two cells of text
    (a numbering and a label), no value in the columns of a person's data."""
    filled = [(i, v) for i, v in enumerate(values) if v is not None]
    if not filled or len(filled) > 2 or any(i in data_columns for i, _ in filled):
        return None
    texts = [text_of(v) for _, v in filled]
    if len(texts) == 2 and (
        _ROMAN_OR_LETTER.match(texts[0]) or re.fullmatch(r"\d{1,2}\.?", texts[0])
    ):
        prefix, label = texts[0].rstrip("."), texts[1]
    elif len(texts) == 1 and (m := GROUP_PREFIX.match(texts[0])):
        prefix, label = m[1], m[2]
    elif len(texts) == 1:
        prefix, label = "", texts[0]
    else:
        return None
    label = label.strip(" .:-")
    if not label:
        return None
    folded = match_key(label)
    category = _category_of(label)
    leaders = bool(LEADERSHIP_GROUPS.match(folded))
    unit_word = any(folded == w or folded.startswith(w + " ") for w in UNIT_WORDS)
    numbered = bool(prefix) and not prefix[0].isdigit()
    if category is not None or leaders or unit_word or (numbered and label.isupper()):
        return Group(sentence_case(label), leaders, category)
    return None


def sentence_case(name: str) -> str:
    """'VĂN PHÒNG' → 'Văn phòng'; 'PHÒNG QUẢN LÝ ĐẦU TƯ' → 'Phòng Quản lý đầu tư'; a name
    not written in capitals is kept as written."""
    name = " ".join(name.split())
    if not name.isupper():
        return name
    words = name.lower().split()
    words[0] = words[0].capitalize()
    folded = [match_key(w) for w in words]
    for prefix in (["van", "phong"], ["chi", "cuc"], ["trung", "tam"], ["phong"], ["ban"], ["so"]):
        n = len(prefix)
        if folded[:n] == prefix and len(words) > n and prefix != ["van", "phong"]:
            words[n] = words[n].capitalize()
            break
    return " ".join(words)


# -- the title rows ---------------------------------------------------------------------

_MOTTO = re.compile(r"^(?:cong hoa xa hoi chu nghia viet nam|doc lap tu do hanh phuc)$")
_AGENCY_START = re.compile(
    r"^(?:so|ban quan ly|ban|chi cuc|trung tam|van phong|co quan|cuc|tong cuc|vien|truong"
    r"|benh vien|thanh tra|bo|hoi dong|dai)\b"
)
_LABELLED = re.compile(
    r"^(?:ten )?(?:co quan|don vi|co quan don vi|don vi bao cao|ten co quan don vi)\s*:", re.I
)
_SYMBOL = re.compile(r"\bsố\s*:?\s*(\d+/[0-9A-ZĐ/-]*[A-ZĐ][0-9A-ZĐ-]*)", re.IGNORECASE)
_DATE_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_DATE_SLASH = re.compile(r"ngày\s+(\d{1,2})/(\d{1,2})/(\d{4})", re.IGNORECASE)


@dataclass
class Title:
    """What the rows above a table say."""

    lines: list[tuple[int, str]]  # (column, text) of each title cell, top to bottom

    def texts(self) -> list[str]:
        return [t for _, t in self.lines]

    def agency(self) -> str:
        """The agency: 'Tên cơ quan: …', or the last line of the issuer's block (left of the
        motto) that names an agency ('BAN QUẢN LÝ KHU KINH TẾ' under 'UBND TỈNH KON TUM')."""
        for _, text in self.lines:
            if m := _LABELLED.match(text.replace("Đ", "D").replace("đ", "d")):
                value = text[m.end() :].strip()
                if value:
                    return sentence_case(value)
        found = ""
        for column, text in self.lines:
            folded = match_key(text)
            if _MOTTO.match(folded) or column > 3:
                continue
            if folded.startswith(("danh sach", "bao cao", "trich ngang", "bieu", "mau")):
                break  # the title: the issuer's block is above it
            if folded.startswith(("uy ban nhan dan", "ubnd", "bo noi vu")) and not found:
                continue
            if _SYMBOL.search(text) or re.search(r"\d", text):
                continue
            if _AGENCY_START.match(folded) and not _FOOTER.search(folded):
                found = text
        return sentence_case(found) if found else ""

    def heading(self) -> str:
        for _, text in self.lines:
            if match_key(text).startswith(("danh sach", "bao cao", "trich ngang", "thong ke")):
                return text
        return ""

    def category(self) -> Category | None:
        """'DANH SÁCH CÔNG CHỨC' → công chức; 'cán bộ, công chức' names two: None."""
        heading = match_key(self.heading())
        found = set()
        for words, category in (
            ("can bo", Category.CADRE),
            ("cong chuc", Category.CIVIL_SERVANT),
            ("vien chuc", Category.PUBLIC_EMPLOYEE),
            ("nguoi lao dong", Category.CONTRACT_WORKER),
            ("hop dong", Category.CONTRACT_WORKER),
        ):
            if re.search(rf"\b{words}\b", heading):
                found.add(category)
        return found.pop() if len(found) == 1 else None

    def unit(self) -> str:
        """A unit the heading names after the list's subject ('DANH SÁCH CÔNG CHỨC PHÒNG QUẢN
        LÝ ĐẦU TƯ' → 'Phòng Quản lý đầu tư'), or a 'Đơn vị: …' line below it."""
        heading = self.heading()
        words = heading.split()
        folded = [match_key(w) for w in words]
        for i, word in enumerate(folded):
            if i < 2:
                continue
            pair = " ".join(folded[i : i + 2])
            if word in ("phong", "chi", "trung", "doi", "khoa", "tram", "to") or pair in (
                "van phong",
                "thanh tra",
                "bo phan",
            ):
                if word == "phong" and i > 0 and folded[i - 1] == "van":
                    continue
                unit = " ".join(words[i:]).strip(" .:")
                unit = re.split(
                    r"\s+(?:năm\s+\d{4}|đến ngày|tại ngày|tính đến|có mặt đến|\()",
                    unit,
                    maxsplit=1,
                    flags=re.IGNORECASE,
                )[0]
                return sentence_case(unit.strip(" .:,"))
        return ""

    def basis(self) -> tuple[str, tuple[int, int, int] | None]:
        """A document the title rows cite: 'Số: 15/BC-SNV', 'Kèm theo Báo cáo số 15/BC-SNV
        ngày 30/12/2024', and its date."""
        for _, text in self.lines:
            if m := _SYMBOL.search(text):
                symbol = m[1]
                date = _DATE_WORDS.search(text) or _DATE_SLASH.search(text)
                if date is None:
                    for _, other in self.lines:
                        date = _DATE_WORDS.search(other) or _DATE_SLASH.search(other)
                        if date:
                            break
                when = (int(date[3]), int(date[2]), int(date[1])) if date else None
                return symbol, when
        return "", None
