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

# From this many people in post, ``tinhgon.law.check`` takes the columnar path (measured
# with bench/bench_check.py: the two cost the same near 30,000 people; below, the object path
# is faster, at 100,000 the columnar one takes 0.8 s of CPU against 1.0 s).
THRESHOLD = 30_000


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
