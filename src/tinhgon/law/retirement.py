"""Tuổi nghỉ hưu: the retirement age, date and first pension day of a person — date arithmetic.

RA-1: the age is given by the year in which a person reaches it (men 60 years 3 months in 2021,
3 months more each year, 62 from 2028; women 55 years 4 months in 2021, 4 months more a year, 60
from 2035). The parameter files ``retirement_age_men.yaml`` and ``retirement_age_women.yaml``
hold that roadmap keyed by the date each age takes effect.

RA-2: the age by month of birth (Annexes I and II of Decree 135/2020) follows: a person retires
at the first age of the roadmap that they reach while it is in force. A man born 10/1961 would
reach 60 years 3 months in 01/2022, when the age is already 60 years 6 months, which he reaches
in 04/2022: so each step of the annex covers 9 birth months for men and 8 for women.

RA-3: the retirement date is the last day of the month in which the person reaches the age; the
pension starts on the first day of the next month. With only the year of birth known, the month
is taken as January.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from tinhgon.domain import BirthDate, Sex
from tinhgon.domain.model import month_end
from tinhgon.law.findings import Citation, Confidence, join_citations
from tinhgon.law.parameters import Age, DatedValue, ParameterSet, load_parameters

RETIREMENT_DATE = Citation(
    instrument="135/2020/NĐ-CP",
    issued_on=dt.date(2020, 11, 18),
    title="Quy định về tuổi nghỉ hưu",
    source=(
        "RULES.md RA-3: ngày nghỉ hưu là ngày cuối tháng đủ tuổi, hưởng lương hưu từ ngày 01 "
        "tháng sau; chỉ biết năm sinh thì lấy tháng 01 / the retirement date is the last day "
        "of the month the age is reached; the pension starts on the 1st of the next month"
    ),
    rules_md="RA-3",
    confidence=Confidence.MEDIUM,
    verified=False,
)

CONTRACT_AFTER_AGE = Citation(
    instrument="135/2020/NĐ-CP",
    issued_on=dt.date(2020, 11, 18),
    title="Quy định về tuổi nghỉ hưu",
    article="3, Điều 6",
    clause="1",
    source=(
        "RULES.md RA-3: người tiếp tục làm việc theo hợp đồng sau tuổi nghỉ hưu thì nghỉ hưu khi "
        "hợp đồng chấm dứt, không phải vi phạm / someone working on under a contract after the "
        "age retires when the contract ends: not a violation"
    ),
    rules_md="RA-3",
    confidence=Confidence.HIGH,
    verified=False,
)

PARAMETER_BY_SEX = {Sex.MALE: "retirement_age_men", Sex.FEMALE: "retirement_age_women"}


@dataclass(frozen=True, slots=True)
class Retirement:
    """When someone retires: the age, the month it is reached, the dates, and the law used."""

    sex: Sex
    born: BirthDate
    age: Age
    reached: tuple[int, int]
    retires_on: dt.date
    pension_from: dt.date
    value: DatedValue

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The age's citation, and Decree 135/2020's rule on the date where the age is its."""
        if self.value.citation.instrument == RETIREMENT_DATE.instrument:
            return (self.value.citation, RETIREMENT_DATE)
        return (self.value.citation,)

    @property
    def citation(self) -> str:
        return join_citations(self.citations)

    @property
    def verified(self) -> bool:
        return all(c.verified for c in self.citations)


def _month_index(year: int, month: int) -> int:
    return year * 12 + (month - 1)


def _from_index(index: int) -> tuple[int, int]:
    return index // 12, index % 12 + 1


def known_values(values: tuple[DatedValue, ...], as_of: dt.date | None) -> list[DatedValue]:
    """The values of texts already issued on a date (all of them without a date), the last one
    known running on: the law as it could be read that day."""
    if as_of is None:
        return list(values)
    known = [v for v in values if v.citation.issued_on is None or v.citation.issued_on <= as_of]
    if known and known[-1].until is not None and known[-1] is not values[-1]:
        known[-1] = replace(known[-1], until=None)
    return known


def retirement_of(
    *,
    sex: Sex,
    born: BirthDate,
    parameters: ParameterSet | None = None,
    as_of: dt.date | None = None,
    parameter_id: str | None = None,
) -> Retirement:
    """The retirement of a person of this sex born in this month (RA-1 to RA-3).

    Someone who reached the first encoded age before its date (born long ago) is given that age.
    With ``as_of``, only the texts issued by that date count (a check on 2019-12-31 applies the
    Labour Code 2012, not the roadmap of Decree 135/2020 issued later). ``parameter_id`` names
    another age table (the early retirement ages of Annex II).
    """
    params = parameters if parameters is not None else load_parameters()
    parameter = params[parameter_id or PARAMETER_BY_SEX[sex]]
    values = known_values(parameter.values, as_of)
    birth = _month_index(born.year, born.month or 1)
    chosen: tuple[int, DatedValue] | None = None
    for entry in values:
        if not isinstance(entry.value, Age):
            continue
        reach = birth + entry.value.total_months
        reach_day = dt.date(*_from_index(reach), 1)
        if entry.until is None or reach_day < entry.until:
            chosen = (reach, entry)
            break
    if chosen is None:  # every value ended (value: null); use the last age encoded
        ages = [e for e in values if isinstance(e.value, Age)]
        if not ages:
            raise LookupError(f"no age in {parameter.id} known on {as_of}")
        last = ages[-1]
        assert isinstance(last.value, Age)
        chosen = (birth + last.value.total_months, last)
    reach, entry = chosen
    assert isinstance(entry.value, Age)
    year, month = _from_index(reach)
    retires_on = month_end(year, month)
    return Retirement(
        sex=sex,
        born=born,
        age=entry.value,
        reached=(year, month),
        retires_on=retires_on,
        pension_from=retires_on + dt.timedelta(days=1),
        value=entry,
    )


def age_on(born: BirthDate, on: dt.date) -> Age:
    """Completed years and months on a date (a missing month or day counts as the first)."""
    start = born.earliest()
    months = (on.year - start.year) * 12 + (on.month - start.month)
    if on.day < start.day:
        months -= 1
    months = max(months, 0)
    return Age(months // 12, months % 12)


def add_months(on: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, or the month's last day where it has no such day."""
    year, month = _from_index(_month_index(on.year, on.month) + months)
    return min(dt.date(year, month, 1) + dt.timedelta(days=on.day - 1), month_end(year, month))
