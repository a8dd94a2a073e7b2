"""The values of legal parameters: limits tables, ages and durations, dated values, parameters.

``tinhgon.law.parameters`` reads them from the parameter files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from tinhgon.domain import Category, Text
from tinhgon.law.findings import Citation, Confidence
from tinhgon.law.numbers import Numbers

PROVINCE_CLASSES = ("special", "I", "II", "III")


# -- values ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Band:
    """One line of a limits table: for a count from ``low`` to ``high`` (inclusive; None is
    open), the limit; optionally only for some province classes."""

    low: int | None
    high: int | None
    limit: int
    province_classes: frozenset[str] | None = None
    confidence: Confidence | None = None
    note: str = ""

    def covers(self, count: int, province_class: str | None) -> bool:
        if self.low is not None and count < self.low:
            return False
        if self.high is not None and count > self.high:
            return False
        if self.province_classes is None:
            return True
        return province_class in self.province_classes

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"from": self.low, "to": self.high, "limit": self.limit}
        if self.province_classes is not None:
            out["province_class"] = sorted(self.province_classes)
        return out

    def describe(self) -> str:
        if self.low is not None and self.high is not None:
            span = f"{self.low}–{self.high}" if self.low != self.high else f"{self.low}"
        elif self.low is not None:
            span = f"≥ {self.low}"
        elif self.high is not None:
            span = f"≤ {self.high}"
        else:
            span = "mọi số lượng / any"
        where = ""
        if self.province_classes is not None:
            where = " (" + ", ".join(_class_name(c) for c in sorted(self.province_classes)) + ")"
        return f"{span}{where}: {self.limit}"


def _class_name(code: str) -> str:
    return {"special": "Hà Nội, TP HCM", "I": "loại I", "II": "loại II", "III": "loại III"}[code]


@dataclass(frozen=True, slots=True)
class Limits:
    """A limits table; ``at_most`` (a maximum) or ``at_least`` (a minimum)."""

    direction: str
    bands: tuple[Band, ...]

    def band_for(self, count: int, province_class: str | None, default: Confidence) -> Band | None:
        """The tightest active band covering the count, or None when no active band does."""
        candidates = [
            b
            for b in self.bands
            if (b.confidence or default).active and b.covers(count, province_class)
        ]
        if not candidates:
            return None
        if self.direction == "at_most":
            return min(candidates, key=lambda b: b.limit)
        return max(candidates, key=lambda b: b.limit)

    def as_plain(self) -> list[dict[str, Any]]:
        return [b.as_dict() for b in self.bands]


@dataclass(frozen=True, slots=True, order=True)
class Age:
    """An age in years and months."""

    years: int
    months: int = 0

    @property
    def total_months(self) -> int:
        return self.years * 12 + self.months

    def as_dict(self) -> dict[str, int]:
        return {"years": self.years, "months": self.months}

    def __str__(self) -> str:
        return f"{self.years} tuổi {self.months} tháng" if self.months else f"{self.years} tuổi"

    def english(self) -> str:
        if self.months:
            return f"{self.years} years {self.months} months"
        return f"{self.years} years"


Value = Limits | Age | Numbers | None


@dataclass(frozen=True, slots=True)
class DatedValue:
    """A parameter's value from ``since`` until the next value's date (``until``, exclusive)."""

    parameter: str
    since: dt.date
    until: dt.date | None
    value: Value
    citation: Citation
    date_confidence: Confidence
    note: str = ""
    ends: bool = False

    @property
    def confidence(self) -> Confidence:
        return self.citation.confidence

    @property
    def verified(self) -> bool:
        return self.citation.verified

    def plain_value(self) -> Any:
        if isinstance(self.value, Limits):
            return self.value.as_plain()
        if isinstance(self.value, Age | Numbers):
            return self.value.as_dict()
        return None


@dataclass(frozen=True, slots=True)
class Parameter:
    """Một tham số pháp lý: its id (the file name), title, and dated values."""

    id: str
    title: Text
    description: Text
    kind: str
    values: tuple[DatedValue, ...]
    counts: Text = field(default_factory=lambda: Text("", ""))
    counted_categories: frozenset[Category] = frozenset()
    file: str = ""

    def value_on(self, on: dt.date) -> DatedValue | None:
        """The value in force on a date (its ``value`` is None where the rule ended), or None
        before the first encoded date."""
        found = None
        for entry in self.values:
            if entry.since <= on:
                found = entry
            else:
                break
        return found

    def in_force(self, on: dt.date) -> bool:
        entry = self.value_on(on)
        return entry is not None and entry.value is not None and entry.confidence.active

    def ended(self, on: dt.date) -> DatedValue | None:
        """The value that ended the rule, when the rule no longer exists on the date."""
        entry = self.value_on(on)
        return entry if entry is not None and entry.value is None and entry.ends else None

    def windows(self) -> list[tuple[dt.date, dt.date | None]]:
        """The periods in which an active value is encoded, with consecutive values joined."""
        out: list[tuple[dt.date, dt.date | None]] = []
        for entry in self.values:
            if entry.value is None or not entry.confidence.active:
                continue
            if out and out[-1][1] == entry.since:
                out[-1] = (out[-1][0], entry.until)
            else:
                out.append((entry.since, entry.until))
        return out

    @property
    def verified(self) -> bool:
        return all(v.verified for v in self.values)


class ParameterSet(Mapping[str, Parameter]):
    """Every parameter, by id."""

    def __init__(self, parameters: Mapping[str, Parameter]) -> None:
        self._parameters = dict(sorted(parameters.items()))

    def __getitem__(self, key: str) -> Parameter:
        return self._parameters[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._parameters)

    def __len__(self) -> int:
        return len(self._parameters)
