"""Vietnamese wording of the report: the number line, the date line, counts as the seed
article writes them ("giảm từ 06 phòng xuống còn 04 phòng"), citations of documents."""

from __future__ import annotations

import datetime as dt

from tinhgon.domain import Document, DocumentKind, InvalidValue, parse_symbol
from tinhgon.domain.documents import SymbolFamily
from tinhgon.reports.citations import with_subject

# A blank to fill in by hand (non-breaking spaces: a PDF paragraph would collapse plain ones).
BLANK = "\u00a0" * 6


def two_digits(n: int) -> str:
    """A count as the seed article writes it: '06', '16', '120'."""
    return f"{n:02d}"


def vn_date(value: dt.date) -> str:
    return f"{value:%d/%m/%Y}"


def date_line(place: str, on: dt.date | None, *, year: int | None = None) -> str:
    """'Kon Tum, ngày 05 tháng 02 năm 2019' (Decree 30/2020, RULES.md §7): a leading zero for
    days below 10 and for months 1 and 2 only; with no date, blanks for the signer's office to
    fill in ('ngày      tháng      năm 2019')."""
    if on is None:
        return f"{place}, ngày{BLANK}tháng{BLANK}năm {year if year else ''}".rstrip()
    month = f"{on.month:02d}" if on.month <= 2 else str(on.month)
    return f"{place}, ngày {on.day:02d} tháng {month} năm {on.year}"


def number_line(number: str | None, short_name: str, code: str = "BC") -> str:
    """'Số: 125/BC-BQLKKT'; with no number, a blank one for the records office to fill in.

    The number is checked as an administrative symbol (no year; a leading zero below 10).
    """
    if number is None or not number.strip():
        issuer = f"-{short_name}" if short_name else ""
        return f"Số:{BLANK}/{code}{issuer}"
    symbol = parse_symbol(number)
    if symbol.family is not SymbolFamily.ADMINISTRATIVE:
        raise InvalidValue(
            f"số báo cáo '{number}' phải là số, ký hiệu văn bản hành chính, ví dụ 125/BC-BQLKKT "
            "(không ghi năm)",
            f"report number '{number}' must be an administrative symbol such as 125/BC-BQLKKT "
            "(no year)",
        )
    return f"Số: {symbol.text}"


def cite_with_title(document: Document) -> str:
    """'Nghị định số 82/2018/NĐ-CP ngày 22/5/2018 của Chính phủ quy định về quản lý khu công
    nghiệp và khu kinh tế', as a legal basis is written (``citations.with_subject``)."""
    return with_subject(document)


# What the seed article counts, and how it words each count.
_NOUN = {
    "departments": "phòng",
    "department_leaders": "đồng chí",
    "public_service_units": "đơn vị",
    "staff": "người",
}


def amount(n: int, noun: str) -> str:
    return f"{two_digits(n)} {noun}"


def change_phrase(before: int, after: int, noun: str, *, planned: bool = False) -> str:
    """'giảm từ 06 phòng xuống còn 04 phòng', 'tăng từ 04 phòng lên 05 phòng', 'giữ nguyên
    04 phòng'; with ``planned``, 'dự kiến giảm …'."""
    will = "dự kiến " if planned else ""
    if after < before:
        rest = amount(after, noun) if after else f"không còn {noun} nào"
        if not after:
            return f"{will}giảm từ {amount(before, noun)} xuống {rest}"
        return f"{will}giảm từ {amount(before, noun)} xuống còn {rest}"
    if after > before:
        return f"{will}tăng từ {amount(before, noun)} lên {amount(after, noun)}"
    return f"{will}giữ nguyên {amount(after, noun)}" if after else f"không có {noun} nào"


def headline_sentences(
    before: dict[str, int], after: dict[str, int], *, planned: bool = False
) -> list[str]:
    """The seed article's sentences for the departments, the department-level leaders, the
    public service units and the staff, whichever way each moved."""
    sentences: list[str] = []
    b, a = before["departments"], after["departments"]
    phrase = change_phrase(b, a, _NOUN["departments"], planned=planned)
    if a < b:
        sentences.append(f"Sắp xếp lại các phòng chuyên môn và tương đương, {phrase}.")
    else:
        sentences.append(f"Các phòng chuyên môn và tương đương {phrase}.")
    b, a = before["department_leaders"], after["department_leaders"]
    phrase = change_phrase(b, a, _NOUN["department_leaders"], planned=planned)
    sentences.append(f"Số lượng lãnh đạo cấp phòng và tương đương {phrase}.")
    b, a = before["public_service_units"], after["public_service_units"]
    phrase = change_phrase(b, a, _NOUN["public_service_units"], planned=planned)
    if a < b and planned:
        sentences.append(f"Các đơn vị sự nghiệp công lập trực thuộc được sắp xếp, {phrase}.")
    elif a < b:
        sentences.append(f"Các đơn vị sự nghiệp công lập trực thuộc đã sắp xếp {phrase}.")
    else:
        sentences.append(f"Các đơn vị sự nghiệp công lập trực thuộc {phrase}.")
    b, a = before["staff"], after["staff"]
    phrase = change_phrase(b, a, _NOUN["staff"], planned=planned)
    sentences.append(f"Tổng số người làm việc {phrase}.")
    return sentences


def document_kind_order(kind: DocumentKind) -> int:
    """Legal bases are listed from the highest instrument down, then by date."""
    order = (
        DocumentKind.LAW,
        DocumentKind.RESOLUTION,
        DocumentKind.CONCLUSION,
        DocumentKind.DIRECTIVE,
        DocumentKind.DECREE,
        DocumentKind.CIRCULAR,
        DocumentKind.PROGRAMME,
        DocumentKind.PLAN,
        DocumentKind.DECISION,
        DocumentKind.PROJECT,
        DocumentKind.GUIDANCE,
        DocumentKind.SUBMISSION,
        DocumentKind.REPORT,
        DocumentKind.NOTICE,
        DocumentKind.OFFICIAL_LETTER,
        DocumentKind.OTHER,
    )
    return order.index(kind)
