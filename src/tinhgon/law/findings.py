"""What a rule says about a state: findings, their severity and the law they cite.

A finding carries everything a user needs to see why: the unit and person, the actual value and
the limit, the citation, whether the numbers were checked against the official text
(``verified``), and the parameter values the rule used (``trace``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tinhgon.domain import Text
from tinhgon.domain.model import Label

UNVERIFIED_VI = "cần đối chiếu văn bản gốc"
UNVERIFIED_EN = "not checked against the official text"


class Severity(Label):
    """Mức độ của một phát hiện (shared/GLOSSARY.md: vi phạm / cảnh báo / lưu ý)."""

    VIOLATION = "violation", "vi phạm", "violation"
    WARNING = "warning", "cảnh báo", "warning"
    INFO = "info", "lưu ý", "note"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.VIOLATION: 0, Severity.WARNING: 1, Severity.INFO: 2}


class Confidence(Label):
    """How sure we are of a legal number (shared/legal/RULES.md).

    High: two or more independent sources agree; medium: one secondary source; low: not
    found in any source. A low-confidence value is never applied.
    """

    HIGH = "high", "cao", "high"
    MEDIUM = "medium", "trung bình", "medium"
    LOW = "low", "thấp", "low"

    @property
    def active(self) -> bool:
        return self is not Confidence.LOW


_KIND_VI = {
    "NĐ-CP": "Nghị định",
    "QH": "Luật",
    "NQ/TW": "Nghị quyết",
    "TT-BNV": "Thông tư",
}


def instrument_name(symbol: str) -> str:
    """'82/2018/NĐ-CP' → 'Nghị định 82/2018/NĐ-CP'; a symbol of unknown kind is kept as is."""
    for suffix, kind in _KIND_VI.items():
        if suffix in symbol:
            return f"{kind} {symbol}"
    return symbol


@dataclass(frozen=True, slots=True)
class Citation:
    """Căn cứ: the instrument, article and clause a number or a rule comes from.

    ``source`` says where the number was read when the official text was not (a secondary
    source: an article, another team's rule code); ``verified`` whether it was checked against
    the official text; ``confidence`` as in RULES.md.
    """

    instrument: str
    issued_on: date | None = None
    title: str = ""
    article: str = ""
    clause: str = ""
    point: str = ""
    annex: str = ""
    url: str = ""
    source: str = ""
    rules_md: str = ""
    confidence: Confidence = Confidence.MEDIUM
    verified: bool = False

    def text(self) -> str:
        """'Nghị định 82/2018/NĐ-CP ngày 22/05/2018, khoản 2 Điều 66' — as Vietnamese cites."""
        if "/QH" in self.instrument and self.title:
            out = f"{self.title} số {self.instrument}"
        else:
            out = instrument_name(self.instrument)
        if self.issued_on is not None:
            out += f" ngày {self.issued_on:%d/%m/%Y}"
        where = " ".join(
            part
            for part in (
                f"điểm {self.point}" if self.point else "",
                f"khoản {self.clause}" if self.clause else "",
                f"Điều {self.article}" if self.article else "",
            )
            if part
        )
        if where:
            out += f", {where}"
        if self.annex:
            out += f", {self.annex}"
        return out

    def as_dict(self) -> dict[str, Any]:
        return {
            "text": self.text(),
            "instrument": self.instrument,
            "issued_on": self.issued_on.isoformat() if self.issued_on else None,
            "title": self.title or None,
            "article": self.article or None,
            "clause": self.clause or None,
            "point": self.point or None,
            "annex": self.annex or None,
            "url": self.url or None,
            "source": self.source or None,
            "rules_md": self.rules_md or None,
            "confidence": self.confidence.value,
            "verified": self.verified,
        }


@dataclass(frozen=True, slots=True)
class TraceItem:
    """One parameter value a rule used: which parameter, since when, the value, its basis."""

    parameter: str
    since: date
    value: Any
    citation: Citation

    def as_dict(self) -> dict[str, Any]:
        return {
            "parameter": self.parameter,
            "since": self.since.isoformat(),
            "value": self.value,
            "citation": self.citation.text(),
            "confidence": self.citation.confidence.value,
            "verified": self.citation.verified,
        }


def join_citations(citations: tuple[Citation, ...] | list[Citation]) -> str:
    """The citations' texts, each once; one that a longer one already says is left out."""
    texts: list[str] = []
    for text in sorted((c.text() for c in citations), key=len, reverse=True):
        if not any(t == text or t.startswith(text + ",") for t in texts):
            texts.append(text)
    order = [c.text() for c in citations]
    return "; ".join(sorted(texts, key=order.index))


Scalar = int | str | None


@dataclass(frozen=True, slots=True)
class Finding:
    """A rule's verdict on a unit or a person at a date."""

    rule: str
    severity: Severity
    on: date
    message: Text
    citations: tuple[Citation, ...]
    unit_id: str | None = None
    unit_name: str | None = None
    person_id: str | None = None
    person_name: str | None = None
    actual: Scalar = None
    limit: Scalar = None
    trace: tuple[TraceItem, ...] = ()
    detail: dict[str, Any] = field(default_factory=dict)
    title: Text = field(default_factory=lambda: Text("", ""))

    @property
    def rule_name(self) -> str:
        """The rule's code with its title, as screens and reports show it: 'SO-1 (Biên chế…)'."""
        return f"{self.rule} ({self.title.vi})" if self.title.vi else self.rule

    @property
    def verified(self) -> bool:
        """Whether every legal number the finding rests on was checked against the official text."""
        return all(c.verified for c in self.citations)

    @property
    def citation(self) -> str:
        return join_citations(self.citations)

    def text_vi(self) -> str:
        return self.message.vi + ("" if self.verified else f" ({UNVERIFIED_VI})")

    def text_en(self) -> str:
        return self.message.en + ("" if self.verified else f" ({UNVERIFIED_EN})")

    def as_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "title": {"vi": self.title.vi, "en": self.title.en},
            "severity": self.severity.value,
            "unit": {"id": self.unit_id, "name": self.unit_name} if self.unit_id else None,
            "person": (
                {"id": self.person_id, "name": self.person_name} if self.person_id else None
            ),
            "actual": self.actual,
            "limit": self.limit,
            "citation": self.citation,
            "message": {"vi": self.text_vi(), "en": self.text_en()},
            "verified": self.verified,
            "citations": [c.as_dict() for c in self.citations],
            "trace": [t.as_dict() for t in self.trace],
            **({"detail": self.detail} if self.detail else {}),
        }
