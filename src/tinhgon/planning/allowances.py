"""Allowances for someone made surplus by a restructuring (Decree 178/2024 as amended by 67/2025).

Every figure carries the arithmetic that gives it, the citations of the numbers it uses (the
parameter files ``base_salary``, ``streamlining_early_retirement``, ``streamlining_resignation``,
``pension_minimum_social_insurance``, ``streamlining_leadership_allowance``) and the lowest
confidence among them. Nothing here is a legal number: those are in the parameter files.

Choices where the law is unsettled or was not read (shared/legal/RULES.md), each said in the
figure's note:

* months early, months to retirement: whole months from the day of leaving to the first day of
  the pension under Decree 135/2020 (the day after the retirement date);
* years early: whole years (Circular 01/2025/TT-BNV pays per full year early, RS-3);
* years of social insurance: a remainder of 1 to 6 months counts as half a year, 7 to 11 as a
  whole year (agrees with the two worked examples of RS-3; the general rule is unverified);
* the 15-year clause of Decree 67/2025 is applied to 15 to under 20 years of insurance;
* under 2 years early, from month 13: the decree's 0.5 (Circular 01 says 1.0; RS-1).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from tinhgon import law
from tinhgon.domain import Person
from tinhgon.law.findings import Citation, Confidence
from tinhgon.law.numbers import Numbers
from tinhgon.law.parameters import DatedValue

ZERO = Decimal(0)


def money(amount: Decimal) -> str:
    """12.636.000 đ — Vietnamese thousands separators, whole đồng."""
    whole = int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return f"{whole:,}".replace(",", ".") + " đ"


def number(value: Decimal) -> str:
    """4,98 — a Vietnamese decimal comma, no trailing zeros."""
    text = format(value.normalize(), "f")
    return text.replace(".", ",")


@dataclass(frozen=True, slots=True)
class Figure:
    """One amount: what it is, how much, the arithmetic, where its numbers come from."""

    key: str
    vi: str
    en: str
    amount: Decimal
    arithmetic: str
    citations: tuple[Citation, ...]
    note: str = ""

    @property
    def confidence(self) -> Confidence:
        order = [Confidence.LOW, Confidence.MEDIUM, Confidence.HIGH]
        return min((c.confidence for c in self.citations), key=order.index)

    @property
    def verified(self) -> bool:
        return all(c.verified for c in self.citations)

    def as_dict(self) -> dict[str, object]:
        return {
            "key": self.key,
            "label": {"vi": self.vi, "en": self.en},
            "amount": int(self.amount.quantize(Decimal(1), rounding=ROUND_HALF_UP)),
            "arithmetic": self.arithmetic,
            "citations": [c.text() for c in self.citations],
            "confidence": self.confidence.value,
            "verified": self.verified,
            "note": self.note or None,
        }


@dataclass(frozen=True, slots=True)
class Option:
    """One way out for a surplus person, on one leaving date."""

    kind: str  # early_retirement | resignation | retirement | leadership_allowance
    vi: str
    en: str
    leave_on: dt.date | None
    within_12_months: bool | None
    eligible: bool
    reason_vi: str = ""
    reason_en: str = ""
    figures: tuple[Figure, ...] = ()
    monthly: bool = False  # figures are per month (kept allowance), not a total

    @property
    def total(self) -> Decimal | None:
        if not self.eligible or not self.figures or self.monthly:
            return None
        return sum((f.amount for f in self.figures if f.key != "monthly_salary"), ZERO)

    def as_dict(self) -> dict[str, object]:
        total = self.total
        return {
            "kind": self.kind,
            "label": {"vi": self.vi, "en": self.en},
            "leave_on": self.leave_on.isoformat() if self.leave_on else None,
            "within_12_months": self.within_12_months,
            "eligible": self.eligible,
            "reason": {"vi": self.reason_vi, "en": self.reason_en} if self.reason_vi else None,
            "figures": [f.as_dict() for f in self.figures],
            "monthly": self.monthly,
            "total": int(total.quantize(Decimal(1))) if total is not None else None,
        }


@dataclass(frozen=True, slots=True)
class Salary:
    """Tiền lương hiện hưởng: (coefficients) × base salary on a date."""

    amount: Decimal
    figure: Figure


@dataclass
class _Env:
    parameters: law.ParameterSet
    cache: dict[tuple[str, dt.date], DatedValue | None] = field(default_factory=dict)

    def numbers(self, parameter: str, on: dt.date) -> tuple[Numbers, DatedValue] | None:
        key = (parameter, on)
        if key not in self.cache:
            entry = (
                self.parameters[parameter].value_on(on) if parameter in self.parameters else None
            )
            ok = entry is not None and isinstance(entry.value, Numbers)
            self.cache[key] = (
                entry if ok and entry is not None and entry.confidence.active else None
            )
        found = self.cache[key]
        if found is None:
            return None
        assert isinstance(found.value, Numbers)
        return found.value, found


def whole_months(start: dt.date, end: dt.date) -> int:
    """Whole months from one date to a later one (0 if the end is not later)."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if end.day < start.day:
        months -= 1
    return max(months, 0)


def insurance_years(months: int) -> Decimal:
    """Years of social insurance: remainder 1–6 months → half a year, 7–11 → a whole year."""
    years, rest = divmod(months, 12)
    if rest == 0:
        return Decimal(years)
    return Decimal(years) + (Decimal("0.5") if rest <= 6 else Decimal(1))


def insurance_months_on(person: Person, leave_on: dt.date) -> int | None:
    """Months of compulsory social insurance on the day of leaving: those recorded, plus the
    months since the date they were counted (contributions go on while in post)."""
    if person.social_insurance_months is None:
        return None
    extra = 0
    if person.social_insurance_on is not None and person.social_insurance_on < leave_on:
        extra = whole_months(person.social_insurance_on, leave_on)
    return person.social_insurance_months + extra


def salary_of(person: Person, on: dt.date, env: _Env) -> Salary | None:
    if person.salary_coefficient is None:
        return None
    found = env.numbers("base_salary", on)
    if found is None:
        return None
    numbers, entry = found
    base = numbers["amount"]
    parts = [("hệ số lương", person.salary_coefficient)]
    if person.position_allowance_coefficient:
        parts.append(("phụ cấp chức vụ", person.position_allowance_coefficient))
    if person.allowance_coefficient:
        parts.append(("phụ cấp khác", person.allowance_coefficient))
    coefficient = sum((p[1] for p in parts), ZERO)
    amount = coefficient * base
    terms = " + ".join(f"{number(v)} ({label})" for label, v in parts)
    return Salary(
        amount=amount,
        figure=Figure(
            key="monthly_salary",
            vi="Tiền lương hiện hưởng một tháng",
            en="Current monthly salary",
            amount=amount,
            arithmetic=f"({terms}) × {money(base)} (mức lương cơ sở) = {money(amount)}",
            citations=(entry.citation,),
        ),
    )


def _figure(
    key: str,
    vi: str,
    en: str,
    amount: Decimal,
    arithmetic: str,
    *entries: DatedValue,
    note: str = "",
) -> Figure:
    return Figure(
        key=key,
        vi=vi,
        en=en,
        amount=amount,
        arithmetic=f"{arithmetic} = {money(amount)}",
        citations=tuple(e.citation for e in entries),
        note=note,
    )
