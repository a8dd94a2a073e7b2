"""The retirement calculator against RULES.md RA-2 (the annexes of Decree 135/2020) and RA-3."""

from __future__ import annotations

import datetime as dt

import pytest

from tinhgon.domain import BirthDate, Sex
from tinhgon.law import Age, age_on, retirement_of
from tinhgon.law.retirement import add_months


def _months(year: int, month: int) -> int:
    return year * 12 + month - 1


def _annex_age(sex: Sex, year: int, month: int) -> Age:
    """RA-2 as RULES.md words it, independently of the parameter files: men born 01/1961 to
    09/1961 retire at 60y3m and each later step covers 9 birth months, 3 months older, up to
    62 from 04/1966; women born 01/1966 to 08/1966 at 55y4m, steps of 8 birth months, 4 months
    older, up to 60 from 05/1975; born earlier: 60 / 55."""
    if sex is Sex.MALE:
        start, first, step, width, last = _months(1961, 1), 60 * 12 + 3, 3, 9, 62 * 12
        base = 60 * 12
    else:
        start, first, step, width, last = _months(1966, 1), 55 * 12 + 4, 4, 8, 60 * 12
        base = 55 * 12
    born = _months(year, month)
    if born < start:
        total = base
    else:
        total = min(first + step * ((born - start) // width), last)
    return Age(total // 12, total % 12)


def _births(first: tuple[int, int], count: int) -> list[tuple[int, int]]:
    start = _months(*first)
    return [((start + i) // 12, (start + i) % 12 + 1) for i in range(count)]


MEN_CASES = [
    *_births((1960, 1), 12),  # before the roadmap
    *_births((1961, 1), 9),  # the first step, every month
    *_births((1961, 10), 1),  # the first month of the second step
    *_births((1965, 7), 9),  # the last step below 62 (61y9m), every month
    *_births((1966, 4), 12),  # 62 and after
    (1980, 6),
]
WOMEN_CASES = [
    *_births((1965, 1), 12),
    *_births((1966, 1), 8),
    *_births((1966, 9), 1),
    *_births((1974, 9), 8),  # the last step below 60 (59y8m), every month
    *_births((1975, 5), 12),
    (1990, 6),
]


@pytest.mark.parametrize(("year", "month"), MEN_CASES, ids=lambda v: str(v))
def test_a_man_retires_at_the_age_the_annex_gives_for_his_birth_month(
    year: int, month: int
) -> None:
    result = retirement_of(sex=Sex.MALE, born=BirthDate(year, month))

    assert result.age == _annex_age(Sex.MALE, year, month)


@pytest.mark.parametrize(("year", "month"), WOMEN_CASES, ids=lambda v: str(v))
def test_a_woman_retires_at_the_age_the_annex_gives_for_her_birth_month(
    year: int, month: int
) -> None:
    result = retirement_of(sex=Sex.FEMALE, born=BirthDate(year, month))

    assert result.age == _annex_age(Sex.FEMALE, year, month)


@pytest.mark.parametrize(
    ("sex", "born", "retires_on", "pension_from"),
    [
        (Sex.MALE, "1961-01", "2021-04-30", "2021-05-01"),
        (Sex.MALE, "1961-09", "2021-12-31", "2022-01-01"),
        (Sex.MALE, "1961-10", "2022-04-30", "2022-05-01"),
        (Sex.MALE, "1966-03", "2027-12-31", "2028-01-01"),
        (Sex.MALE, "1966-04", "2028-04-30", "2028-05-01"),
        (Sex.MALE, "1960-02", "2020-02-29", "2020-03-01"),
        (Sex.FEMALE, "1966-01", "2021-05-31", "2021-06-01"),
        (Sex.FEMALE, "1966-08", "2021-12-31", "2022-01-01"),
        (Sex.FEMALE, "1966-09", "2022-05-31", "2022-06-01"),
        (Sex.FEMALE, "1975-04", "2034-12-31", "2035-01-01"),
        (Sex.FEMALE, "1975-05", "2035-05-31", "2035-06-01"),
    ],
)
def test_the_retirement_date_is_the_last_day_of_the_month_the_age_is_reached(
    sex: Sex, born: str, retires_on: str, pension_from: str
) -> None:
    result = retirement_of(sex=sex, born=BirthDate.parse(born))

    assert result.retires_on.isoformat() == retires_on
    assert result.pension_from.isoformat() == pension_from


def test_with_only_the_year_of_birth_the_month_is_january() -> None:
    result = retirement_of(sex=Sex.MALE, born=BirthDate(1961))

    assert result.retires_on == dt.date(2021, 4, 30)


def test_the_day_of_birth_does_not_move_the_retirement_date() -> None:
    early = retirement_of(sex=Sex.FEMALE, born=BirthDate(1970, 3, 1))
    late = retirement_of(sex=Sex.FEMALE, born=BirthDate(1970, 3, 31))

    assert early.retires_on == late.retires_on


def test_a_roadmap_retirement_cites_decree_135_and_says_it_is_unverified() -> None:
    result = retirement_of(sex=Sex.MALE, born=BirthDate(1962, 1))

    assert "135/2020/NĐ-CP" in result.citation
    assert result.verified is False


def test_a_retirement_before_the_roadmap_cites_the_labour_code_2012() -> None:
    result = retirement_of(sex=Sex.MALE, born=BirthDate(1960, 6))

    assert "10/2012/QH13" in result.citation


def test_age_on_a_date_counts_completed_months() -> None:
    assert age_on(BirthDate(1960, 6, 15), dt.date(2020, 6, 14)) == Age(59, 11)
    assert age_on(BirthDate(1960, 6, 15), dt.date(2020, 6, 15)) == Age(60, 0)


def test_twelve_months_from_the_end_of_january_is_the_end_of_january() -> None:
    assert add_months(dt.date(2019, 1, 31), 12) == dt.date(2020, 1, 31)
    assert add_months(dt.date(2019, 1, 31), 1) == dt.date(2019, 2, 28)
