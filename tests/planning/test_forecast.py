"""The forecast on a small agency computed by hand, with targets as data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.planning.builders import START, person, project, team
from tinhgon import law
from tinhgon.domain import (
    BUILTIN_KINDS,
    AutonomyGroup,
    Category,
    CreateUnit,
    Hire,
    Leave,
    LeaveReason,
    NewUnit,
    Plan,
    Sex,
)
from tinhgon.law.parameters import parameter_files
from tinhgon.planning.forecast import forecast_of

START_OF_FORECAST = dt.date(2021, 12, 31)


def psu(uid: str, group: AutonomyGroup) -> CreateUnit:
    return CreateUnit(
        on=START,
        unit=NewUnit(
            id=uid,
            name=f"Trung tâm {uid.upper()}",
            kind=BUILTIN_KINDS["public_service_unit"],
            parent_id="ban",
            autonomy_group=group,
        ),
    )


def agency():  # type: ignore[no-untyped-def]
    pe = Category.PUBLIC_EMPLOYEE
    civil = team(
        "a",
        10,
        # 08/1962: 60y9m, reached 05/2023 → retires 31/05/2023
        staff1=person("c1", born="1962-08-05"),
        # woman, 01/1968: 56y4m, reached 05/2024 → retires 31/05/2024
        staff2=person("c2", born="1968-01-05", sex=Sex.FEMALE),
    )
    extra = [
        psu("tt", AutonomyGroup.STATE_FINANCED),
        psu("tx", AutonomyGroup.SELF_FINANCING_RECURRENT),
    ]
    for i in range(10):
        # 05/1963: 61 years, reached 05/2024 → retires 31/05/2024
        born = "1963-05-10" if i == 0 else "1985-01-01"
        extra.append(Hire(on=START, person=person(f"t{i}", born=born, category=pe), unit="tt"))
    for i in range(5):
        extra.append(
            Hire(on=START, person=person(f"x{i}", born="1962-01-01", category=pe), unit="tx")
        )
    return project(civil, extra=extra)


def test_headcount_and_the_2026_target_by_hand() -> None:
    result = forecast_of(agency(), start=START_OF_FORECAST, until=2026)

    civil = {y.year: y.by_group["cadres_civil_servants"] for y in result.years}
    budget = {y.year: y.by_group["public_employees"] for y in result.years}
    assert civil == {
        2018: 10,
        2019: 10,
        2020: 10,
        2021: 10,
        2022: 10,
        2023: 9,
        2024: 8,
        2025: 8,
        2026: 8,
    }
    # tx (autonomy group 2) is not budget-paid: its 5 people never count, retired or not.
    assert budget == {
        2018: 10,
        2019: 10,
        2020: 10,
        2021: 10,
        2022: 10,
        2023: 10,
        2024: 9,
        2025: 9,
        2026: 9,
    }
    assert [y.projected for y in result.years if y.year <= 2021] == [False] * 4
    assert result.years[-1].by_unit["a"] == {"civil_servant": 8}

    targets = {t.group: t for t in result.targets if t.parameter == "staff_reduction_target_2026"}
    cs = targets["cadres_civil_servants"]
    assert (cs.base, cs.allowed, cs.at_target, cs.met_in, cs.gap) == (10, 9, 8, 2023, 0)
    assert cs.met
    pe = targets["public_employees"]
    assert (pe.base, pe.allowed, pe.at_target, pe.met_in, pe.gap) == (10, 9, 9, 2024, 0)
    assert cs.citation.instrument == "185/KH-UBND"


def test_a_plan_in_force_brings_the_target_forward() -> None:
    plan = Plan(
        id="p",
        title="Tinh giản",
        changes=(Leave(on=dt.date(2022, 6, 1), person="t5", reason=LeaveReason.STREAMLINING),),
    )
    result = forecast_of(agency().with_plan(plan), start=START_OF_FORECAST, until=2026, plans=["p"])
    pe = next(t for t in result.targets if t.group == "public_employees")
    assert pe.met_in == 2022
    assert pe.at_target == 8


def test_a_target_not_met_gives_the_gap(tmp_path: Path) -> None:
    for file in parameter_files():
        (tmp_path / file.name).write_text(file.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "local_target.yaml").write_text(
        """\
id: local_target
title: {vi: Chỉ tiêu của tỉnh, en: The province's target}
kind: numbers
values:
  2022-01-01:
    value: {base_year: 2021, target_year: 2026, cadres_civil_servants_percent: 30}
    citation: {instrument: 99/KH-UBND, issued_on: 2022-01-10}
    confidence: medium
    verified: false
""",
        encoding="utf-8",
    )
    result = forecast_of(
        agency(), start=START_OF_FORECAST, until=2026, parameters=law.load_parameters(tmp_path)
    )
    local = next(t for t in result.targets if t.parameter == "local_target")
    # 30 % fewer than 10 → at most 7; 8 in 2026: not met, 1 short.
    assert (local.allowed, local.at_target, local.met_in, local.gap) == (7, 8, None, 1)
    assert not local.met
