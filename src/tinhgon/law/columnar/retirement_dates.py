"""Retirement dates for the columnar RA and RA-5, remembered by the law in force on the date
asked (which values of the age tables were issued by then), not by the date itself: a new date
reuses the dates of every date asked before under the same law (issue 14, aim 4)."""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Callable
from typing import Any

from tinhgon.domain import BirthDate, Sex
from tinhgon.law.columnar.state import NONE, Ints
from tinhgon.law.parameters import DatedValue, ParameterSet
from tinhgon.law.retirement import PARAMETER_BY_SEX

# Retirement dates already worked out, by parameter set (its id, checked through a weak reference:
# a parameter set is read-only once loaded) and (parameter, date, sex, birth): a country's
# provinces are checked one after another on the same date, each with the same few thousand births.
_DATES: dict[int, tuple[Callable[[], object], dict[tuple[object, ...], Any]]] = {}


def _era(values: tuple[DatedValue, ...], on: dt.date) -> tuple[int, ...]:
    """Which of a table's values were issued by a date (their places): ``retirement_of`` as of
    the date reads those alone (``known_values``), so two dates with the same ones have the same
    retirement dates — a date never asked before reuses those of the other dates."""
    return tuple(
        i
        for i, v in enumerate(values)
        if v.citation.issued_on is None or v.citation.issued_on <= on
    )


def _known(parameters: ParameterSet) -> dict[tuple[object, ...], Any]:
    """The dates worked out under this parameter set (see ``_DATES``)."""
    entry = _DATES.get(id(parameters))
    if entry is None or entry[0]() is not parameters:
        if len(_DATES) > 8:
            _DATES.clear()
        entry = _DATES[id(parameters)] = (weakref.ref(parameters), {})
    return entry[1]


def retires_on(
    parameters: ParameterSet, sex: Sex, born: BirthDate, on: dt.date, parameter_id: str | None
) -> dt.date:
    """``retirement_of(...).retires_on`` as of ``on``, remembered (by which values of the age
    table were issued by ``on``, not by the date itself)."""
    from tinhgon.law.retirement import retirement_of

    known = _known(parameters)
    pid = parameter_id or PARAMETER_BY_SEX[sex]
    era = known.get((pid, on))  # which of the table's values were issued by the date
    if era is None:
        if len(known) > 200_000:
            known.clear()
        era = known[(pid, on)] = _era(parameters[pid].values, on)
    key = (parameter_id, era, sex, born.year, born.month, born.day)
    found = known.get(key)
    if found is None:
        if len(known) > 200_000:
            known.clear()
        found = known[key] = retirement_of(
            sex=sex, born=born, parameters=parameters, as_of=on, parameter_id=parameter_id
        ).retires_on
    assert isinstance(found, dt.date)
    return found


def normal_retirement(
    parameters: ParameterSet, sex: Ints, year: Ints, month: Ints, on: dt.date
) -> Ints:
    """``retires_on`` at the normal ages (as an ordinal) of each (sex, year, month of birth —
    NONE when unknown) as of ``on``: each found among the dates already worked out under the
    same values of the age table (one key per sex, values issued and birth month, kept flat in
    the remembered dates, as ``retires_on``'s own), the others asked of ``retires_on``."""
    import numpy as np

    from tinhgon.law.columnar.state import SEXES

    known = _known(parameters)
    out: Ints = np.empty(len(sex), dtype=np.int64)
    for code, label in enumerate(SEXES):
        at = np.flatnonzero(sex == code)
        if not len(at):
            continue
        pid = PARAMETER_BY_SEX[label]
        era = known.get((pid, on))
        if era is None:
            era = known[(pid, on)] = _era(parameters[pid].values, on)
        months = (year[at] * 14 + (month[at] - NONE)).tolist()  # 0: month unknown, else month + 1
        keys = [("ordinal", era, code, k) for k in months]
        got = list(map(known.get, keys))
        for j, key in enumerate(keys):
            if got[j] is None:
                y, m = divmod(months[j], 14)
                born = BirthDate(y, None if m == 0 else m + NONE)
                got[j] = retires_on(parameters, label, born, on, None).toordinal()
                known[key] = got[j]
        out[at] = got
    return out
