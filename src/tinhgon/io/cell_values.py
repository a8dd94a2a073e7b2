"""How the cells of a spreadsheet are read: text for matching (``match_key``), and a reader for
every kind of value (dates, sexes, categories, ID numbers, rank codes, ratings, political theory,
autonomy groups, counts, unit kinds, posts). Each reader raises ``CellError`` with a message in
Vietnamese and English; the importer adds the sheet, row and column. The columns themselves are
in ``tinhgon.io.columns``."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
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


class CellError(Exception):
    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.vi = vi
        self.en = en


SEX_CHOICES = ("Nam", "Nữ")
CATEGORY_CHOICES = tuple(c.vi for c in Category)
RATING_CHOICES = tuple(r.vi.capitalize() for r in Rating)
POLITICAL_LEVELS = ("Cao cấp", "Trung cấp", "Sơ cấp", "Cử nhân")
POLITICAL = "lý luận chính trị"
AUTONOMY_CHOICES = tuple(g.value for g in AutonomyGroup)


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


# 'Hợp đồng 111', 'HĐ 68', 'HĐLĐ theo NĐ 111/2022', 'Lao động hợp đồng': contract workers.
_CONTRACT = re.compile(r"^(?:hop dong|hd|hdld|nld|lao dong hop dong)(?: .*|\d.*)?$")


def read_category(value: CellValue) -> Category:
    found = _lookup(_CATEGORIES, value)
    if isinstance(found, Category):
        return found
    if _CONTRACT.match(match_key(text_of(value))):
        return Category.CONTRACT_WORKER
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
    written = text_of(value)
    text = written.upper().replace(" ", "")
    if m := re.fullmatch(r"V\.?(\d{2})\.(\d{2})\.(\d{2})", text):
        return f"V.{m[1]}.{m[2]}.{m[3]}"  # public employees' codes: V.07.01.03, V07.01.03
    if re.fullmatch(r"[A-Z0-9]{1,3}(\.[A-Z0-9]{1,4}){1,3}", text):
        return text
    raise CellError(
        f"mã ngạch '{written}' không đúng dạng (ví dụ 01.003, V.07.01.03)",
        f"rank code '{written}' is malformed (for example 01.003, V.07.01.03)",
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


# Names that tell a kind the built-in kinds do not spell: 'Trung tâm …' is a public service
# unit, 'Tổ …', 'Đội …' a division.
_KIND_WORDS = (
    ("trung tam", "public_service_unit"),
    ("tram", "public_service_unit"),
    ("to", "division"),
    ("doi", "division"),
)


def guess_kind(name: str, kinds: Mapping[str, UnitKind]) -> UnitKind | None:
    """The kind a unit's name tells (``kind_from_name``, then 'Trung tâm', 'Tổ', 'Đội')."""
    kind = kind_from_name(name, kinds)
    if kind is not None:
        return kind
    folded = match_key(name)
    for words, code in _KIND_WORDS:
        if (folded == words or folded.startswith(words + " ")) and code in kinds:
            return kinds[code]
    return None


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


def read_coefficient(value: CellValue) -> Decimal:
    """A pay coefficient: a number cell (4.98) or text with a comma or a point ('4,98')."""
    if isinstance(value, float | int) and not isinstance(value, bool):
        number = Decimal(repr(float(value))).normalize() if math.isfinite(value) else None
    else:
        try:
            number = Decimal(text_of(value).replace(",", "."))
        except InvalidOperation:
            number = None
    if number is None or not number.is_finite() or not 0 <= number < 100:
        raise CellError(
            f"hệ số '{text_of(value)}' không hợp lệ: ghi một số, ví dụ 4,98",
            f"coefficient '{text_of(value)}' is invalid: write a number, for example 4.98",
        )
    return number
