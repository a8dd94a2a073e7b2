"""The columnar check's retirement dates are remembered by which values of the age table were
issued by the date asked, not by the date (issue 14, aim 4: a dashboard on a date never asked
reuses the dates worked out for the others). Asked on dates in any order — either side of the
issue of Decree 135/2020 and of the Labour Code 2019 — each must be ``retirement_of``'s own."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tinhgon.domain import BirthDate, Sex
from tinhgon.law.columnar import retirement_dates
from tinhgon.law.early_retirement import EARLY_AGE
from tinhgon.law.parameters import load_parameters
from tinhgon.law.retirement import retirement_of

PARAMETERS = load_parameters()

births = st.builds(
    BirthDate,
    st.integers(1950, 1985),
    st.one_of(st.none(), st.integers(1, 12)),
    st.none(),
)
asks = st.tuples(
    st.sampled_from([Sex.MALE, Sex.FEMALE]),
    births,
    st.dates(dt.date(2013, 5, 1), dt.date(2036, 12, 31)),
    st.booleans(),  # the early ages of Annex II
)


@settings(max_examples=150, deadline=None)
@given(st.lists(asks, min_size=1, max_size=30))
def test_remembered_dates_are_retirement_of_on_each_date(questions: list) -> None:
    retirement_dates._DATES.clear()
    for sex, born, on, early in questions + questions[::-1]:
        parameter_id = EARLY_AGE[sex] if early else None
        try:
            expected = retirement_of(
                sex=sex, born=born, parameters=PARAMETERS, as_of=on, parameter_id=parameter_id
            ).retires_on
        except LookupError:  # no early age issued yet that day: none remembered either
            with pytest.raises(LookupError):
                retirement_dates.retires_on(PARAMETERS, sex, born, on, parameter_id)
            continue
        assert retirement_dates.retires_on(PARAMETERS, sex, born, on, parameter_id) == expected


def test_the_law_of_the_date_not_of_an_earlier_date() -> None:
    """A woman born 06/1968: 55 years under the Labour Code 2012 (30/06/2023 before the
    roadmap was issued), later under Decree 135/2020's roadmap; asked first on the later date."""
    retirement_dates._DATES.clear()
    born = BirthDate(1968, 6, None)
    late, early = dt.date(2022, 1, 1), dt.date(2019, 1, 1)
    for on in (late, early, late):
        expected = retirement_of(sex=Sex.FEMALE, born=born, parameters=PARAMETERS, as_of=on)
        got = retirement_dates.retires_on(PARAMETERS, Sex.FEMALE, born, on, None)
        assert got == expected.retires_on
    assert retirement_dates.retires_on(PARAMETERS, Sex.FEMALE, born, late, None) != (
        retirement_dates.retires_on(PARAMETERS, Sex.FEMALE, born, early, None)
    )


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.booleans(), births), min_size=1, max_size=40),
    st.lists(st.dates(dt.date(2013, 5, 1), dt.date(2036, 12, 31)), min_size=1, max_size=4),
)
def test_the_table_of_normal_retirement_dates_is_retirement_of(
    people: list, dates: list[dt.date]
) -> None:
    """``normal_retirement`` (RA's candidates: one array per state) gives each (sex, year,
    month of birth) ``retirement_of``'s date on the day asked: the same people asked on several
    days, forwards then backwards (each day's law its own)."""
    retirement_dates._DATES.clear()
    for on in (*dates, *dates[::-1], dt.date(2019, 1, 1), dt.date(2022, 1, 1)):
        _same_as_retirement_of(people, on)


def test_the_table_of_normal_retirement_dates_follows_the_law_of_the_date() -> None:
    """A woman born 06/1968 (55 years under the Labour Code 2012, later the roadmap): asked on
    2022, then 2019, then 2022."""
    retirement_dates._DATES.clear()
    for on in (dt.date(2022, 1, 1), dt.date(2019, 1, 1), dt.date(2022, 1, 1)):
        _same_as_retirement_of([(True, BirthDate(1968, 6, None))], on)


def _same_as_retirement_of(people: list, on: dt.date) -> None:
    import numpy as np

    from tinhgon.law.columnar.state import NONE, SEXES

    sexes = [Sex.FEMALE if female else Sex.MALE for female, _ in people]
    got = retirement_dates.normal_retirement(
        PARAMETERS,
        np.array([SEXES.index(s) for s in sexes], dtype=np.int64),
        np.array([b.year for _, b in people], dtype=np.int64),
        np.array([NONE if b.month is None else b.month for _, b in people], dtype=np.int64),
        on,
    )
    expected = [
        retirement_of(sex=s, born=b, parameters=PARAMETERS, as_of=on).retires_on.toordinal()
        for s, (_, b) in zip(sexes, people, strict=True)
    ]
    assert got.tolist() == expected
