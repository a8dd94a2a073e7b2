"""The legal check in columns (numpy), for states of a province's or the country's size.

``ColumnarState`` is the state on a date as arrays (from a domain ``State`` or straight from
rows); ``check_columnar`` runs the rules on it and gives the report ``tinhgon.law.check`` gives
on the same state, finding by finding: the columns say which units and people can have a
finding, and the rules' own code words the findings on small domain states of those only.
numpy is imported when a columnar state is first built, not with this package.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from tinhgon.domain import Agency
from tinhgon.law.columnar.run import run_columnar, supported
from tinhgon.law.columnar.state import ColumnarState, PeopleRows
from tinhgon.law.engine import Report
from tinhgon.law.parameters import ParameterSet

# From this many people in post, ``tinhgon.law.check`` takes the columnar path. Measured with
# bench/bench_check.py (CPU, best of three, same run): the two paths cost the same near 1,000
# people, the columnar one is 1.4× quicker at 5,000, 2.7× at 30,000, 3.8× at 100,000. Below
# 5,000 (an agency's size) the object path stays: no numpy to import (0.1 s, once) for a
# check of a few milliseconds.
THRESHOLD = 5_000


def check_columnar(
    state: ColumnarState,
    *,
    on: dt.date,
    agency: Agency,
    parameters: ParameterSet | None = None,
    planned: Iterable[str] = (),
) -> Report:
    """Kiểm tra on a columnar state of one agency: every rule of ``tinhgon.law.RULES``."""
    from tinhgon.law.rules import RULES

    return run_columnar(RULES, state, on, agency, parameters, planned)


__all__ = [
    "THRESHOLD",
    "ColumnarState",
    "PeopleRows",
    "check_columnar",
    "run_columnar",
    "supported",
]
