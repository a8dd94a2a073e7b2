"""Citations as official documents write them.

"Nghị định số 82/2018/NĐ-CP ngày 22/5/2018 của Chính phủ" at the first mention (with the
article when a limit is cited: "khoản 2 Điều 66 Nghị định số …"), "Nghị định số 82/2018/NĐ-CP"
after it; a code or a law by its name and year: "Bộ luật Lao động năm 2012". One function
(``official_citation``) writes every form; ``Citer`` remembers what a document has already
cited. Nothing issued after the document's own date is ever cited (``Citer.usable``).

The document data comes from the register (``Document``) or from the law layer's citation
fields (``Citation``: instrument, date, title, article…); nothing here lists decrees.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from tinhgon.domain import Document, DocumentKind
from tinhgon.law import Citation

# Decree 30/2020, Annex III: the part of a symbol after the kind names the issuer. Scaffolding
# of the document format (which suffix means which issuer), not a list of documents.
_SUFFIX_KIND: tuple[tuple[str, str, str], ...] = (
    ("/NĐ-CP", "Nghị định", "Chính phủ"),
    ("/NQ-CP", "Nghị quyết", "Chính phủ"),
    ("/QĐ-TTg", "Quyết định", "Thủ tướng Chính phủ"),
    ("/CT-TTg", "Chỉ thị", "Thủ tướng Chính phủ"),
    ("/TT-BNV", "Thông tư", "Bộ Nội vụ"),
    ("-NQ/TW", "Nghị quyết", "Ban Chấp hành Trung ương"),
    ("-KL/TW", "Kết luận", "Bộ Chính trị"),
    ("/QH", "Luật", "Quốc hội"),
    # Administrative documents of any body (Decree 30/2020, Annex III): the kind from the
    # abbreviation, the issuer from the register when it holds the document.
    ("/KH-", "Kế hoạch", ""),
    ("/QĐ-", "Quyết định", ""),
    ("/NQ-HĐND", "Nghị quyết", ""),
    ("/TTr-", "Tờ trình", ""),
    ("/BC-", "Báo cáo", ""),
    ("/CV-", "Công văn", ""),
)


def citation_date(on: dt.date) -> str:
    """'22/5/2018', '05/3/2020', '18/02/2019': a leading zero for days below 10 and for the
    months 1 and 2 only, as the date line of Decree 30/2020 writes them."""
    month = f"{on.month:02d}" if on.month <= 2 else str(on.month)
    return f"{on.day:02d}/{month}/{on.year}"


@dataclass(frozen=True, slots=True)
class Source:
    """What a citation needs: the symbol, the kind's name ('Nghị định'), the date, the issuer
    and, for a law or a code, its name ('Bộ luật Lao động')."""

    symbol: str
    kind: str
    issued_on: dt.date | None
    issuer: str = ""
    name: str = ""

    @property
    def is_law(self) -> bool:
        return self.kind in ("Luật", "Bộ luật") or "/QH" in self.symbol


def _law_name(title: str) -> str:
    """'Bộ luật Lao động', 'Luật Cán bộ, công chức': the name without a trailing 'năm 2012',
    which the citation adds from the date of issue."""
    name = " ".join(title.split())
    name = re.sub(r"\s+năm\s+\d{4}$", "", name)
    return name if name.startswith(("Luật", "Bộ luật", "Hiến pháp")) else f"Luật {name}"


def source_of_document(document: Document) -> Source:
    kind = document.kind.vi
    name = ""
    if document.kind is DocumentKind.LAW:
        name = _law_name(document.title)
        kind = name.split()[0] if name.startswith("Luật") else "Bộ luật"
    return Source(document.symbol.text, kind, document.issued_on, document.issuer, name)


def source_of_citation(citation: Citation, register: dict[str, Document] | None = None) -> Source:
    """A law-layer citation's document, from the project's register when it holds it."""
    if register:
        document = register.get(citation.instrument)
        if document is not None and (
            citation.issued_on is None or document.issued_on == citation.issued_on
        ):
            return source_of_document(document)
    kind, issuer = "", ""
    for suffix, kind_vi, issuer_vi in _SUFFIX_KIND:
        if suffix in citation.instrument:
            kind, issuer = kind_vi, issuer_vi
            break
    name = ""
    if (kind == "Luật" or "/QH" in citation.instrument) and citation.title.strip():
        name = _law_name(citation.title)
        kind = "Bộ luật" if name.startswith("Bộ luật") else "Luật"
    return Source(citation.instrument, kind, citation.issued_on, issuer, name)


def official_citation(
    source: Source,
    *,
    first: bool = True,
    article: str = "",
    clause: str = "",
    point: str = "",
) -> str:
    """The citation as official documents write it.

    * first mention: 'Nghị định số 82/2018/NĐ-CP ngày 22/5/2018 của Chính phủ';
    * later mentions: 'Nghị định số 82/2018/NĐ-CP';
    * a law or code: 'Bộ luật Lao động năm 2012' (its name and year, every time);
    * with an article: 'khoản 2 Điều 66 Nghị định số …'.
    """
    if source.is_law and source.name:
        year = f" năm {source.issued_on.year}" if source.issued_on else ""
        text = f"{source.name}{year}"
    else:
        kind = f"{source.kind} số " if source.kind else "văn bản số "
        text = f"{kind}{source.symbol}"
        if first and source.issued_on is not None:
            text += f" ngày {citation_date(source.issued_on)}"
        if first and source.issuer:
            text += f" của {source.issuer}"
    where = " ".join(
        part
        for part in (
            f"điểm {point}" if point else "",
            f"khoản {clause}" if clause else "",
            f"Điều {article}" if article else "",
        )
        if part
    )
    return f"{where} {text}" if where else text


_NO_ABOUT = ("về ", "quy định", "phê duyệt", "ban hành", "giao ", "hướng dẫn", "một số ")
_NAME_ENDS = (" thực hiện ", " triển khai ", " về ")


def _lower_first(text: str) -> str:
    first, _, rest = text.partition(" ")
    if first.isupper() and len(first) > 1:
        return text
    if rest and rest[:1].isupper() and not rest.startswith(("Đề án", "Nghị", "Quyết", "Chương")):
        return text
    return text[:1].lower() + text[1:]


def with_subject(document: Document) -> str:
    """The full citation and the subject line, as a "Căn cứ …" or "Thực hiện …" line writes
    it: 'Nghị định số 82/2018/NĐ-CP ngày 22/5/2018 của Chính phủ quy định về quản lý khu công
    nghiệp và khu kinh tế'; a law: 'Luật Tổ chức chính quyền địa phương ngày 19/6/2015'."""
    source = source_of_document(document)
    if source.is_law and source.name:
        return f"{source.name} ngày {citation_date(document.issued_on)}"
    title = re.sub(r"\s+", " ", document.title).strip().rstrip(".;")
    if title.casefold().startswith(source.kind.casefold() + " "):
        # 'Chương trình hành động thực hiện …': the title names the document itself.
        cut = min((title.find(e) for e in _NAME_ENDS if title.find(e) > 0), default=len(title))
        name, rest = title[:cut], title[cut:].strip()
        out = official_citation(Source(source.symbol, name, source.issued_on, source.issuer))
        return f"{out} {rest}" if rest else out
    out = official_citation(source)
    if title:
        title = _lower_first(title)
        out += f" {title}" if title.lower().startswith(_NO_ABOUT) else f" về {title}"
    return out


class Citer:
    """Cites within one document: full at the first mention, short after; never a text
    issued after the document's date (``on``)."""

    def __init__(self, on: dt.date, register: dict[str, Document] | None = None) -> None:
        self.on = on
        self.register = register or {}
        self._seen: set[str] = set()

    def usable(self, issued_on: dt.date | None) -> bool:
        return issued_on is None or issued_on <= self.on

    def mark(self, symbol: str) -> None:
        """Count a document as already cited in full (e.g. in the opening lines)."""
        self._seen.add(symbol)

    def document(self, document: Document) -> str:
        first = document.symbol.text not in self._seen
        self._seen.add(document.symbol.text)
        return official_citation(source_of_document(document), first=first)

    def citation(self, citation: Citation) -> str | None:
        """'khoản 2 Điều 66 Nghị định số 82/2018/NĐ-CP ngày 22/5/2018 của Chính phủ', or None
        for a text issued after the date."""
        if not self.usable(citation.issued_on):
            return None
        if citation.issued_on is None and "/" not in citation.instrument:
            return None  # a principle, not a document: nothing an official text cites
        source = source_of_citation(citation, self.register)
        first = source.symbol not in self._seen
        self._seen.add(source.symbol)
        return official_citation(
            source,
            first=first,
            article=citation.article,
            clause=citation.clause,
            point=citation.point,
        )

    def citations(self, citations: tuple[Citation, ...]) -> str:
        """Each usable citation once, joined by '; '."""
        texts: list[str] = []
        for citation in citations:
            text = self.citation(citation)
            if text and text not in texts:
                texts.append(text)
        return "; ".join(texts)
