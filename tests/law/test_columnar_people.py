"""The columnar RA and RA-5 ask only about the people who can have a finding (issue 14, aim 5):
those whose retirement date, or earliest date with facts that meet a condition, falls within
the rules' 12 months (or has passed). Every person of every month of birth around the ages,
both sexes, with and without a day of birth, with early-retirement facts at and around each
condition's threshold, on dates across the law's tables: the columnar report is the object
report, and everyone the object path names is among the candidates, who are far fewer than
everyone.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from tinhgon.domain import (
    BUILTIN_KINDS,
    Agency,
    BirthDate,
    Category,
    Person,
    Role,
    Sex,
    State,
    StateBuilder,
    Unit,
)
from tinhgon.law import RULES, load_parameters
from tinhgon.law.columnar import ColumnarState, run_columnar
from tinhgon.law.columnar.people_rules import early_candidates, retirement_candidates
from tinhgon.law.engine import Env, run

PARAMETERS = load_parameters()
AGENCY = Agency(id="root", name="Sở thử", agency_type="provincial_department", province_class="I")
FACTS = (
    (None, None, None),
    (14, None, None),
    (15, None, None),
    (16, None, None),
    (None, 14, None),
    (None, 15, None),
    (None, None, 60),
    (None, None, 61),
    (None, None, 62),
    (3, 20, 10),
)


def people_around(on: dt.date) -> State:
    """One person for each sex, month of birth from 64 years before the date to 36 years
    before, day of birth given or not, category and set of facts (every fifth combination, so
    that each fact meets every month)."""
    b = StateBuilder()
    b.add_unit(Unit("root", "Sở thử", BUILTIN_KINDS["provincial_department"], None))
    b.add_unit(Unit("d", "Phòng thử", BUILTIN_KINDS["department"], "root"))
    months = range((on.year - 64) * 12, (on.year - 36) * 12)
    combos = itertools.product(
        (Sex.MALE, Sex.FEMALE),
        months,
        (None, 15),
        (Category.CIVIL_SERVANT, Category.CONTRACT_WORKER),
    )
    for k, (sex, month, day, category) in enumerate(combos):
        hazardous, difficult, loss = FACTS[k % len(FACTS)]
        pid = f"p{k}"
        b.register(
            Person(
                id=pid,
                full_name=f"Người {k + 1}",
                sex=sex,
                birth=BirthDate(month // 12, month % 12 + 1, day),
                category=category,
                hazardous_work_years=hazardous,
                difficult_area_years=difficult,
                work_capacity_loss=loss,
            )
        )
        b.assign(pid, "d", Role.STAFF, dt.date(2010, 1, 1))
    return b.snapshot(on)


@pytest.mark.parametrize(
    "on",
    [dt.date(2021, 1, 1), dt.date(2022, 12, 31), dt.date(2024, 2, 29), dt.date(2025, 12, 31)],
)
def test_the_candidates_hold_everyone_the_rules_name(on: dt.date) -> None:
    state = people_around(on)
    expected = run(RULES, state, on, AGENCY, PARAMETERS)
    cs = ColumnarState.from_state(state)
    assert run_columnar(RULES, cs, on, AGENCY, PARAMETERS) == expected
    env = Env(agency=AGENCY, parameters=PARAMETERS)
    index = {pid: i for i, pid in enumerate(cs.person_ids)}
    for rule, candidates in (
        ("RA", retirement_candidates(cs, on, env)),
        ("RA-5", early_candidates(cs, on, env)),
    ):
        named = {index[f.person_id] for f in expected.findings if f.rule == rule and f.person_id}
        assert named, rule  # the dates and ages are chosen so that each rule names people
        chosen = set(candidates.tolist())
        assert named <= chosen, rule
        assert len(chosen) < cs.size / 2, rule  # a filter, not everyone
