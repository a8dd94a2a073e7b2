"""The columnar QT-2 words one finding of each class of unit with the rule's own code and gives
the other units without a quota a copy with their own name and id (issue 14, aim 4: nearly
every unit of a sở in the years before its quotas were recorded). Many agencies and public
service units, some with a quota, some without, names of every shape, on dates either side of
the decrees the citations name: the columnar report is the object report, finding by finding."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tinhgon.domain import (
    BUILTIN_KINDS,
    Agency,
    Category,
    QuotaKey,
    State,
    StateBuilder,
    Unit,
)
from tinhgon.law import RULES, load_parameters
from tinhgon.law.columnar import ColumnarState, run_columnar
from tinhgon.law.engine import run

PARAMETERS = load_parameters()
NAMES = st.sampled_from(
    ("Trung tâm", "Phòng: Kế hoạch", "T", "Trung tâm Trung tâm", "Đơn vị (1)", "Ban: x")
)


@st.composite
def agencies(draw: Any) -> tuple[State, dt.date, Agency]:
    on = draw(st.dates(dt.date(2008, 1, 1), dt.date(2030, 12, 31)))
    b = StateBuilder()
    roots = [f"r{i}" for i in range(draw(st.integers(1, 3)))]
    for r in roots:
        b.add_unit(Unit(r, draw(NAMES) + r, BUILTIN_KINDS["provincial_department"], None))
    kinds = ("public_service_unit", "public_service_unit", "department", "sub_department")
    for n in range(draw(st.integers(0, 12))):
        parent = draw(st.sampled_from(roots))
        kind = draw(st.sampled_from(kinds))
        b.add_unit(Unit(f"u{n}", draw(NAMES), BUILTIN_KINDS[kind], parent))
    for uid in draw(st.lists(st.sampled_from(sorted(b.units)), max_size=4)):
        year = draw(st.sampled_from((on.year, on.year - 1)))
        b.set_quota(QuotaKey(uid, Category.CIVIL_SERVANT, year), draw(st.integers(0, 9)))
    agency = Agency(id="r0", name="Sở thử", agency_type="provincial_department")
    return b.snapshot(on), on, agency


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(agencies())
def test_the_columnar_no_quota_findings_are_the_rules_own(
    case: tuple[State, dt.date, Agency],
) -> None:
    state, on, agency = case
    expected = run(RULES, state, on, agency, PARAMETERS)
    got = run_columnar(RULES, ColumnarState.from_state(state), on, agency, PARAMETERS)
    assert [f.as_dict() for f in got.findings] == [f.as_dict() for f in expected.findings]
    assert got == expected
    mine = [f for f in got.findings if f.rule == "QT-2"]
    assert [f.detail for f in mine] == [f.detail for f in expected.findings if f.rule == "QT-2"]
    assert len({id(f.detail) for f in mine}) == len(mine)  # each its own, as the object path's
