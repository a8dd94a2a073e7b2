"""Early retirement eligibility: Decree 135/2020/NĐ-CP Art. 5 and Annex II (RULES.md RA-5).

Someone may retire up to 5 years below the normal age (the lowest ages are Annex II, in
``early_retirement_age_*.yaml``) with 15 years or more of heavy or hazardous work, or 15 years or
more in areas of especially difficult conditions (``early_retirement_service_years.yaml``), or
with working capacity reduced by 61 % or more (``early_retirement_capacity_loss.yaml``). The facts
are optional fields of the person; without them nothing is said.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from tinhgon.domain import Person, Sex, State, Text
from tinhgon.law.engine import Env, Rule
from tinhgon.law.findings import Finding, Severity
from tinhgon.law.parameters import DatedValue, Limits, ParameterSet
from tinhgon.law.retirement import Retirement, add_months, retirement_of

EARLY_AGE = {Sex.MALE: "early_retirement_age_men", Sex.FEMALE: "early_retirement_age_women"}
YEARS = "early_retirement_service_years"
LOSS = "early_retirement_capacity_loss"
PLANNING_MONTHS = 12


@dataclass(frozen=True, slots=True)
class Eligibility:
    """Why someone qualifies for early retirement, and the conditions' values used."""

    reason: Text
    used: tuple[DatedValue, ...]


def _threshold(parameters: ParameterSet, pid: str, on: dt.date) -> DatedValue | None:
    entry = parameters[pid].value_on(on)
    if entry is None or not isinstance(entry.value, Limits) or not entry.confidence.active:
        return None
    return entry


def has_facts(person: Person) -> bool:
    return (
        person.hazardous_work_years is not None
        or person.difficult_area_years is not None
        or person.work_capacity_loss is not None
    )


def eligibility(person: Person, on: dt.date, parameters: ParameterSet) -> Eligibility | None:
    """The first condition of Art. 5 the person's facts meet on the date, if any."""
    years = _threshold(parameters, YEARS, on)
    loss = _threshold(parameters, LOSS, on)
    checks = (
        (
            years,
            person.hazardous_work_years,
            "năm làm nghề, công việc nặng nhọc, độc hại, nguy hiểm",
            "years of heavy, hazardous work",
        ),
        (
            years,
            person.difficult_area_years,
            "năm làm việc ở vùng có điều kiện kinh tế - xã hội đặc biệt khó khăn",
            "years in areas of especially difficult conditions",
        ),
        (
            loss,
            person.work_capacity_loss,
            "% suy giảm khả năng lao động",
            "% of working capacity lost",
        ),
    )
    for entry, value, vi, en in checks:
        if entry is None or value is None:
            continue
        assert isinstance(entry.value, Limits)
        band = entry.value.band_for(value, None, entry.confidence)
        if band is not None and value >= band.limit:
            return Eligibility(Text(f"{value} {vi}", f"{value} {en}"), (entry,))
    return None


def early_retirement_of(
    person: Person, on: dt.date, parameters: ParameterSet
) -> tuple[Retirement, Eligibility] | None:
    """The earliest retirement of someone who qualifies on the date, with the reason."""
    why = eligibility(person, on, parameters)
    if why is None:
        return None
    early = retirement_of(
        sex=person.sex,
        born=person.birth,
        parameters=parameters,
        as_of=on,
        parameter_id=EARLY_AGE[person.sex],
    )
    return early, why


class RA5EarlyRetirement(Rule):
    """RA-5: someone who qualifies for early retirement and reaches its lowest age within the
    next 12 months (or already has) — a note for planning, never a violation."""

    id = "RA-5"
    title = Text("Điều kiện nghỉ hưu sớm", "Early retirement eligibility")
    applies_to_text = Text(
        "người có khai báo điều kiện nghỉ hưu sớm", "people whose early retirement facts are given"
    )
    parameters = ("early_retirement_age_men", "early_retirement_age_women", YEARS, LOSS)
    people = True

    def checked(self, state: State) -> int:
        return sum(1 for a in state.assignments.values() if has_facts(state.people[a.person_id]))

    def check(self, state: State, on: dt.date, env: Env) -> Iterator[Finding]:
        horizon = add_months(on, PLANNING_MONTHS)
        for assignment in state.assignments.values():
            person = state.people[assignment.person_id]
            if not has_facts(person):
                continue
            found = early_retirement_of(person, on, env.parameters)
            if found is None:
                continue
            early, why = found
            if early.retires_on > horizon:
                continue
            unit = state.units[assignment.unit_id]
            when = f"{early.reached[1]:02d}/{early.reached[0]}"
            yield self.finding(
                Severity.INFO,
                on,
                Text(
                    f"{person.full_name} ({unit.name}), sinh {person.birth}: đủ điều kiện nghỉ "
                    f"hưu sớm ({why.reason.vi}); được nghỉ hưu từ {early.age} (tháng {when}), "
                    f"ngày nghỉ hưu sớm nhất {early.retires_on:%d/%m/%Y}",
                    f"{person.full_name} ({unit.name}), born {person.birth.iso()}: qualifies for "
                    f"early retirement ({why.reason.en}); may retire from {early.age.english()} "
                    f"({when}), earliest retirement date {early.retires_on.isoformat()}",
                ),
                unit=unit,
                person=(person.id, person.full_name),
                limit=str(early.age),
                used=[early.value, *why.used],
                detail={"early_from": early.retires_on.isoformat()},
            )


RULES = (RA5EarlyRetirement(),)
