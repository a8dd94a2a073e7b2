"""Legal and administrative documents (văn bản) and their symbols (số, ký hiệu).

Three families of symbol exist (shared/legal/RULES.md):

* normative documents carry the year: ``82/2018/NĐ-CP``, ``202/2025/QH15``;
* administrative documents under Decree 30/2020 carry no year, and numbers below 10 take a
  leading zero: ``1234/QĐ-UBND``, ``05/BC-BQLKKT``;
* Party documents put the kind after a hyphen: ``18-NQ/TW``, ``51-CTr/TU``.

Party documents reuse their numbers every term, so a document is keyed by its symbol *and*
its date of issue.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from tinhgon.domain.errors import InvalidValue

_UPPER = "A-ZĐ"
# An issuer's code may end in lower case: 'TTg' (Thủ tướng Chính phủ), as in '1499/QĐ-TTg'.
_NORMATIVE = re.compile(
    rf"^(\d+)/(\d{{4}})/([{_UPPER}]+(?:-[{_UPPER}0-9][{_UPPER}0-9g]*)*|[{_UPPER}]+\d+)$"
)
_ADMINISTRATIVE = re.compile(
    rf"^(\d+)/([{_UPPER}][{_UPPER}a-zđ]*)-([{_UPPER}0-9][{_UPPER}0-9g]*(?:-[{_UPPER}0-9]+)*)$"
)
_PARTY = re.compile(rf"^(\d+)-([{_UPPER}][{_UPPER}a-zđ]*)/([{_UPPER}0-9]+)$")


class SymbolFamily(StrEnum):
    """Which of the three symbol families a document belongs to."""

    NORMATIVE = "normative"
    ADMINISTRATIVE = "administrative"
    PARTY = "party"


class DocumentKind(StrEnum):
    """Loại văn bản."""

    LAW = "law"
    RESOLUTION = "resolution"
    DECREE = "decree"
    CIRCULAR = "circular"
    DECISION = "decision"
    DIRECTIVE = "directive"
    CONCLUSION = "conclusion"
    PLAN = "plan"
    PROGRAMME = "programme"
    PROJECT = "project"
    SUBMISSION = "submission"
    REPORT = "report"
    GUIDANCE = "guidance"
    NOTICE = "notice"
    OFFICIAL_LETTER = "official_letter"
    OTHER = "other"

    @property
    def vi(self) -> str:
        return _KIND_VI[self]


_KIND_VI: dict[DocumentKind, str] = {
    DocumentKind.LAW: "Luật",
    DocumentKind.RESOLUTION: "Nghị quyết",
    DocumentKind.DECREE: "Nghị định",
    DocumentKind.CIRCULAR: "Thông tư",
    DocumentKind.DECISION: "Quyết định",
    DocumentKind.DIRECTIVE: "Chỉ thị",
    DocumentKind.CONCLUSION: "Kết luận",
    DocumentKind.PLAN: "Kế hoạch",
    DocumentKind.PROGRAMME: "Chương trình",
    DocumentKind.PROJECT: "Đề án",
    DocumentKind.SUBMISSION: "Tờ trình",
    DocumentKind.REPORT: "Báo cáo",
    DocumentKind.GUIDANCE: "Hướng dẫn",
    DocumentKind.NOTICE: "Thông báo",
    DocumentKind.OFFICIAL_LETTER: "Công văn",
    DocumentKind.OTHER: "Văn bản",
}

# Abbreviations used in symbols (Decree 30/2020, Annex III; Party regulation on document format).
_KIND_CODES: dict[str, DocumentKind] = {
    "NQ": DocumentKind.RESOLUTION,
    "NĐ": DocumentKind.DECREE,
    "TT": DocumentKind.CIRCULAR,
    "QĐ": DocumentKind.DECISION,
    "QĐi": DocumentKind.DECISION,
    "CT": DocumentKind.DIRECTIVE,
    "KL": DocumentKind.CONCLUSION,
    "KH": DocumentKind.PLAN,
    "CTr": DocumentKind.PROGRAMME,
    "ĐA": DocumentKind.PROJECT,
    "TTr": DocumentKind.SUBMISSION,
    "BC": DocumentKind.REPORT,
    "HD": DocumentKind.GUIDANCE,
    "TB": DocumentKind.NOTICE,
}


@dataclass(frozen=True, slots=True)
class Symbol:
    """A parsed document symbol (số, ký hiệu)."""

    text: str
    family: SymbolFamily
    number: int
    year: int | None
    kind_code: str
    issuer_code: str

    def __str__(self) -> str:
        return self.text

    @property
    def inferred_kind(self) -> DocumentKind | None:
        """The kind of document the symbol's abbreviation stands for, if it is a known one."""
        if self.family is SymbolFamily.NORMATIVE and re.fullmatch(r"(UBTV)?QH\d+", self.kind_code):
            return None  # laws and resolutions of the National Assembly share this form
        return _KIND_CODES.get(self.kind_code)


def parse_symbol(text: str) -> Symbol:
    """Parse and validate a document symbol; raise InvalidValue naming what is wrong."""
    raw = text.strip()
    if raw.lower().startswith("số"):
        raw = raw[2:].lstrip(" :")
    if match := _NORMATIVE.match(raw):
        number, year, code = match.groups()
        kind, _, issuer = code.partition("-")
        return Symbol(raw, SymbolFamily.NORMATIVE, int(number), int(year), kind, issuer)
    if match := _PARTY.match(raw):
        number, kind, issuer = match.groups()
        return Symbol(raw, SymbolFamily.PARTY, int(number), None, kind, issuer)
    if match := _ADMINISTRATIVE.match(raw):
        number, kind, issuer = match.groups()
        value = int(number)
        if value == 0:
            raise InvalidValue(
                f"số ký hiệu '{text}': số văn bản phải từ 01 trở lên",
                f"symbol '{text}': the number must be 01 or more",
            )
        expected = f"{value:02d}"
        if number != expected:
            raise InvalidValue(
                f"số ký hiệu '{text}': số phải viết là {expected} "
                "(số dưới 10 có số 0 đứng trước, không có số 0 thừa)",
                f"symbol '{text}': the number must be written {expected} "
                "(a leading zero below 10, no other leading zeros)",
            )
        return Symbol(raw, SymbolFamily.ADMINISTRATIVE, value, None, kind, issuer)
    raise InvalidValue(
        f"số ký hiệu '{text}' không đúng dạng: văn bản quy phạm pháp luật '82/2018/NĐ-CP', "
        "văn bản hành chính '1234/QĐ-UBND', văn bản của Đảng '18-NQ/TW'",
        f"symbol '{text}' is malformed: normative '82/2018/NĐ-CP', "
        "administrative '1234/QĐ-UBND', Party '18-NQ/TW'",
    )


@dataclass(frozen=True, slots=True, order=True)
class DocumentKey:
    """How a document is identified: its symbol and its date of issue."""

    symbol: str
    issued_on: date

    def __str__(self) -> str:
        return f"{self.symbol} ngày {self.issued_on:%d/%m/%Y}"


@dataclass(frozen=True, slots=True)
class Document:
    """Văn bản: a legal, administrative or Party document that changes and rules cite."""

    symbol: Symbol
    kind: DocumentKind
    issued_on: date
    issuer: str
    title: str
    effective_on: date | None = None
    url: str | None = None
    illustrative: bool = False

    def __post_init__(self) -> None:
        if self.symbol.year is not None and self.symbol.year != self.issued_on.year:
            raise InvalidValue(
                f"văn bản {self.symbol}: năm trong số ký hiệu ({self.symbol.year}) khác năm ban "
                f"hành ({self.issued_on.year})",
                f"document {self.symbol}: the year in the symbol ({self.symbol.year}) differs "
                f"from the year of issue ({self.issued_on.year})",
            )
        if self.effective_on is not None and self.effective_on < self.issued_on:
            raise InvalidValue(
                f"văn bản {self.symbol}: ngày hiệu lực trước ngày ban hành",
                f"document {self.symbol}: takes effect before it is issued",
            )

    @property
    def key(self) -> DocumentKey:
        return DocumentKey(self.symbol.text, self.issued_on)

    def cite(self) -> str:
        """The usual Vietnamese citation: 'Nghị định số 82/2018/NĐ-CP ngày 22/5/2018'."""
        return f"{self.kind.vi} số {self.symbol} ngày {self.issued_on:%d/%m/%Y}"


class DocumentRegister:
    """Sổ văn bản: every document of a project, keyed by symbol and date."""

    def __init__(self, documents: Iterable[Document] = ()) -> None:
        self._by_key: dict[DocumentKey, Document] = {}
        self._by_symbol: dict[str, list[Document]] = {}
        for document in documents:
            self.add(document)

    def add(self, document: Document) -> None:
        if document.key in self._by_key:
            raise InvalidValue(
                f"văn bản {document.key} đã có trong sổ văn bản",
                f"document {document.key} is already registered",
            )
        self._by_key[document.key] = document
        self._by_symbol.setdefault(document.symbol.text, []).append(document)

    def __iter__(self) -> Iterator[Document]:
        return iter(sorted(self._by_key.values(), key=lambda d: (d.issued_on, d.symbol.text)))

    def __len__(self) -> int:
        return len(self._by_key)

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def get(self, key: DocumentKey) -> Document:
        try:
            return self._by_key[key]
        except KeyError:
            raise InvalidValue(
                f"không có văn bản {key} trong sổ văn bản", f"no document {key} in the register"
            ) from None

    def resolve(self, symbol: str, issued_on: date | None = None) -> Document:
        """Find a document by symbol, and by date when several share the symbol."""
        candidates = self._by_symbol.get(symbol.strip(), [])
        if issued_on is not None:
            candidates = [d for d in candidates if d.issued_on == issued_on]
        if not candidates:
            when = f" ngày {issued_on:%d/%m/%Y}" if issued_on else ""
            when_en = f" of {issued_on.isoformat()}" if issued_on else ""
            raise InvalidValue(
                f"không có văn bản {symbol}{when} trong sổ văn bản (mục documents)",
                f"no document {symbol}{when_en} in the register (documents)",
            )
        if len(candidates) > 1:
            dates = ", ".join(f"{d.issued_on:%d/%m/%Y}" for d in candidates)
            raise InvalidValue(
                f"có nhiều văn bản số {symbol} ({dates}): ghi thêm ngày ban hành",
                f"several documents share the symbol {symbol} ({dates}): give the date too",
            )
        return candidates[0]
