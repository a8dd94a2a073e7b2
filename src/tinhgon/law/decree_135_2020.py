"""Decree 135/2020/NĐ-CP on the retirement age (RULES.md RA-1 to RA-3).

The age comes from the roadmap in ``retirement_age_men.yaml`` and ``retirement_age_women.yaml``
(see ``tinhgon.law.retirement``); before the roadmap (2021) those files hold the flat 60 / 55 of
the Labour Code 2012, so dates from 01/05/2013 on are covered. A check applies only the texts
issued by its date: before Decree 135/2020 was issued, the Labour Code 2012 alone.

Someone past the age who works under a contract (a contract worker; Decree 135/2020 Art. 3(1)
and Art. 6) retires when the contract ends: a note, not a violation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from tinhgon.domain import Category, Person, State, Text
from tinhgon.law.engine import Env, Rule, issued_by
from tinhgon.law.findings import Citation, Finding, Severity
from tinhgon.law.retirement import (
    CONTRACT_AFTER_AGE,
    PARAMETER_BY_SEX,
    RETIREMENT_DATE,
    Retirement,
    add_months,
    age_on,
    known_values,
    retirement_of,
)

PLANNING_MONTHS = 12


class RARetirementAge(Rule):
    """RA: someone still employed after their retirement date; someone who reaches it soon.

    The roadmap of Decree 135/2020 from 01/01/2021 (Labour Code 2012, 60 / 55, from 01/05/2013
    before it): the age is the one in force when the person reaches it (RA-1, RA-2); the
    retirement date is the last day of that month (RA-3). Still in post after it: violation.
    Reaching it within the next 12 months (or today): a note, for planning.
    """

    id = "RA"
    title = Text("Tuổi nghỉ hưu", "Retirement age")
    applies_to_text = Text("mọi người đang công tác", "everyone on the staff")
    parameters = ("retirement_age_men", "retirement_age_women")
    basis = (RETIREMENT_DATE,)
    people = True

    def _retirement(self, person: Person, on: dt.date, env: Env, era: int) -> Retirement:
        key = ("retirement", person.sex, person.birth.year, person.birth.month, era)
        found = env.cache.get(key)
        if found is None:
            found = retirement_of(
                sex=person.sex, born=person.birth, parameters=env.parameters, as_of=on
            )
            env.cache[key] = found
        assert isinstance(found, Retirement)
        return found

    def check(self, state: State, on: dt.date, env: Env) -> Iterator[Finding]:
        horizon = add_months(on, PLANNING_MONTHS)
        # how many of each table's values were issued by the date: part of the cache key
        eras = {
            sex: len(known_values(env.parameters[pid].values, on))
            for sex, pid in PARAMETER_BY_SEX.items()
        }
        cache, people = env.cache, state.people
        for assignment in state.assignments.values():
            person = people[assignment.person_id]
            sex, birth = person.sex, person.birth
            # the cache of ``_retirement`` read in line (50,000 people: a call each counts)
            retirement = cache.get(("retirement", sex, birth.year, birth.month, eras[sex]))
            if retirement is None:
                retirement = self._retirement(person, on, env, eras[sex])
            if retirement.retires_on > horizon:
                continue
            late = on > retirement.retires_on
            contract = person.category is Category.CONTRACT_WORKER
            age = age_on(person.birth, on)
            unit = state.units[assignment.unit_id]
            when = f"{retirement.reached[1]:02d}/{retirement.reached[0]}"
            detail: dict[str, object] = {
                "born": person.birth.iso(),
                "sex": person.sex.value,
                "age": age.as_dict(),
                "retirement_age": retirement.age.as_dict(),
                "retires_on": retirement.retires_on.isoformat(),
                "pension_from": retirement.pension_from.isoformat(),
            }
            extra: list[Citation] = list(retirement.citations[1:])
            if late and contract:
                if issued_by(CONTRACT_AFTER_AGE, on):
                    extra.append(CONTRACT_AFTER_AGE)
                message = Text(
                    f"{person.full_name} ({unit.name}), sinh {person.birth}: đã qua tuổi nghỉ hưu "
                    f"({retirement.age}, ngày nghỉ hưu {retirement.retires_on:%d/%m/%Y}), đang "
                    "làm việc theo hợp đồng lao động: nghỉ theo thời hạn của hợp đồng",
                    f"{person.full_name} ({unit.name}), born {person.birth.iso()}: past the "
                    f"retirement age ({retirement.age.english()}, retirement date "
                    f"{retirement.retires_on.isoformat()}), working under a contract: leaves "
                    "when the contract ends",
                )
            elif late:
                message = Text(
                    f"{person.full_name} ({unit.name}), sinh {person.birth}: đủ tuổi nghỉ hưu "
                    f"({retirement.age}) tháng {when}, ngày nghỉ hưu "
                    f"{retirement.retires_on:%d/%m/%Y}, nhưng vẫn còn công tác",
                    f"{person.full_name} ({unit.name}), born {person.birth.iso()}: reached the "
                    f"retirement age ({retirement.age.english()}) in {when}, retirement date "
                    f"{retirement.retires_on.isoformat()}, yet still on the staff",
                )
            else:
                message = Text(
                    f"{person.full_name} ({unit.name}), sinh {person.birth}: đủ tuổi nghỉ hưu "
                    f"({retirement.age}) tháng {when}; nghỉ hưu từ "
                    f"{retirement.pension_from:%d/%m/%Y} (trong {PLANNING_MONTHS} tháng tới)",
                    f"{person.full_name} ({unit.name}), born {person.birth.iso()}: reaches the "
                    f"retirement age ({retirement.age.english()}) in {when}; retires from "
                    f"{retirement.pension_from.isoformat()} (within {PLANNING_MONTHS} months)",
                )
            if contract:
                detail["contract"] = True
            yield self.finding(
                Severity.VIOLATION if late and not contract else Severity.INFO,
                on,
                message,
                unit=unit,
                person=(person.id, person.full_name),
                actual=str(age),
                limit=str(retirement.age),
                used=[retirement.value],
                extra=extra,
                basis=False,
                detail=detail,
            )


RULES = (RARetirementAge(),)
