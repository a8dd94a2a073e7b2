"""Allowances computed by hand (Decree 178/2024 as amended by 67/2025; base salary 2,340,000 đ).

Retirement ages (Decree 135/2020, Annex I, men): born 07/1965–03/1966 → 61 years 9 months;
born 04/1966 or later → 62.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from tests.planning.builders import person
from tinhgon import law
from tinhgon.domain import Category
from tinhgon.planning.allowances import insurance_years, money
from tinhgon.planning.options import options_for

PARAMS = law.load_parameters()
JAN_2026 = dt.date(2026, 1, 1)


def _options(who, decision: dt.date, leader: bool = False):  # type: ignore[no-untyped-def]
    _, options = options_for(who, decision_on=decision, leader_lost_post=leader, parameters=PARAMS)
    return {(o.kind, o.within_12_months): o for o in options}


def _amounts(option) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {f.key: int(f.amount) for f in option.figures}


def test_two_to_five_years_early_then_under_two_years_from_month_13() -> None:
    # Born 03/1966: 61y9m, reached 12/2027 → retires 31/12/2027, pension from 01/01/2028.
    # Pay: (4.98 + 0.3) × 2,340,000 = 12,355,200. 25 years of insurance.
    who = person(
        "p1", born="1966-03-10", salary="4.98", position="0.3", si_months=300, si_on=JAN_2026
    )
    options = _options(who, JAN_2026, leader=True)

    within = options[("early_retirement", True)]
    assert within.eligible
    assert "từ 2 năm đến 5 năm" in within.vi
    assert _amounts(within) == {
        "monthly_salary": 12_355_200,
        "months_early": 296_524_800,  # 24 months × 1.0 × 12,355,200
        "years_early": 123_552_000,  # 2 years × 5 months × 12,355,200
        "insurance_years": 92_664_000,  # (5 + 5 × 0.5) months × 12,355,200
    }
    assert within.total == Decimal(512_740_800)
    assert ("resignation", True) not in options  # early retirement is open: no resignation

    # Leaving on 01/01/2027 (month 13): 12 months early → under 2 years, × 0.5, nothing more.
    after = options[("early_retirement", False)]
    assert after.eligible
    assert "dưới 2 năm" in after.vi
    assert _amounts(after) == {"monthly_salary": 12_355_200, "months_early": 74_131_200}
    assert "chưa thống nhất" in after.figures[1].note

    kept = options[("leadership_allowance", None)]
    assert kept.monthly
    assert kept.total is None
    assert int(kept.figures[0].amount) == 702_000  # 0.3 × 2,340,000 a month


def test_under_two_years_early_within_12_months() -> None:
    # Born 07/1965: 61y9m, reached 04/2027 → pension from 01/05/2027: 16 months early.
    who = person("p2", born="1965-07-20", salary="3", si_months=360)
    within = _options(who, JAN_2026)[("early_retirement", True)]
    assert _amounts(within) == {"monthly_salary": 7_020_000, "months_early": 112_320_000}
    assert within.total == Decimal(112_320_000)


def test_resignation_on_both_sides_of_12_months() -> None:
    # Born 1980: 62 in 01/2042, pension from 01/02/2042: far from retirement, early
    # retirement closed; 10 years of insurance on 01/01/2026, contributions go on.
    who = person("p3", born="1980-01-15", salary="3", si_months=120, si_on=JAN_2026)
    options = _options(who, JAN_2026)
    assert not options[("early_retirement", True)].eligible

    within = options[("resignation", True)]
    assert _amounts(within) == {
        "monthly_salary": 7_020_000,
        "months_to_retirement": 336_960_000,  # min(193; 60; 120) = 60 × 0.8 × 7,020,000
        "insurance_years": 105_300_000,  # 10 × 1.5 × 7,020,000
        "job_search": 21_060_000,  # 3 × 7,020,000 (civil servant)
    }
    assert within.total == Decimal(463_320_000)

    after = options[("resignation", False)]  # 01/01/2027: 132 months of insurance, 11 years
    assert _amounts(after) == {
        "monthly_salary": 7_020_000,
        "months_to_retirement": 168_480_000,  # 60 × 0.4 × 7,020,000
        "insurance_years": 115_830_000,  # 11 × 1.5 × 7,020,000
        "job_search": 21_060_000,
    }


def test_a_public_employee_gets_no_job_search_months() -> None:
    who = person(
        "p4", born="1980-01-15", salary="3", si_months=120, category=Category.PUBLIC_EMPLOYEE
    )
    within = _options(who, JAN_2026)[("resignation", True)]
    assert "job_search" not in _amounts(within)
    assert within.total == Decimal(336_960_000 + 105_300_000)


def test_seventeen_years_of_insurance_on_both_sides_of_1_july_2025() -> None:
    # Born 04/1966: 62, reached 04/2028 → pension from 01/05/2028. 17 years of insurance;
    # pay 4.0 × 2,340,000 = 9,360,000.
    who = person("p5", born="1966-04-02", salary="4", si_months=204)

    # Decision on 01/06/2025: a pension needs 20 years (Law 58/2014): resignation instead.
    june = _options(who, dt.date(2025, 6, 1))
    assert not june[("early_retirement", True)].eligible
    assert "20" in june[("early_retirement", True)].reason_vi
    assert _amounts(june[("resignation", True)]) == {
        "monthly_salary": 9_360_000,
        "months_to_retirement": 262_080_000,  # min(35; 60; 204) = 35 × 0.8 × 9,360,000
        "insurance_years": 238_680_000,  # 17 × 1.5 × 9,360,000
        "job_search": 28_080_000,
    }

    # Decision on 01/07/2025: 15 years suffice (Law 41/2024): early retirement, 34 months
    # early; the 15-year clause of Decree 67/2025: 4 months + 2 × 0.5.
    july = _options(who, dt.date(2025, 7, 1))
    early = july[("early_retirement", True)]
    assert early.eligible
    assert _amounts(early) == {
        "monthly_salary": 9_360_000,
        "months_early": 318_240_000,  # 34 × 1.0 × 9,360,000
        "years_early": 93_600_000,  # 2 × 5 × 9,360,000
        "insurance_years": 46_800_000,  # (4 + 2 × 0.5) × 9,360,000
    }
    assert early.total == Decimal(458_640_000)
    assert "67/2025" in early.figures[-1].note
    citations = {c.instrument for f in early.figures for c in f.citations}
    assert citations == {"73/2024/NĐ-CP", "67/2025/NĐ-CP"}


def test_over_five_years_needs_early_pension_conditions() -> None:
    # Born 01/1970: 62 in 01/2032, pension from 01/02/2032: 73 months early on 01/01/2026.
    # The early-pension conditions (heavy work) are not recorded: not computed, and said so.
    who = person("p6", born="1970-01-10", salary="3", si_months=360)
    early = _options(who, JAN_2026)[("early_retirement", True)]
    assert not early.eligible
    assert "trên 5 năm" in early.reason_vi


def test_no_policy_before_2025_and_missing_data_are_said() -> None:
    who = person("p7", born="1966-04-02", salary="4", si_months=300)
    early = _options(who, dt.date(2024, 6, 1))[("early_retirement", True)]
    assert not early.eligible
    assert "chưa có quy định trong tinhgon về chính sách này" in early.reason_vi
    nobody = person("p8", born="1966-04-02")
    early = _options(nobody, JAN_2026)[("early_retirement", True)]
    assert not early.eligible
    assert "bảo hiểm xã hội" in early.reason_vi


def test_rounding_and_money() -> None:
    assert insurance_years(204) == 17
    assert insurance_years(208) == Decimal("17.5")  # 4 months → half a year (RS-3)
    assert insurance_years(215) == 18  # 11 months → a whole year (RS-3)
    assert money(Decimal("12355200")) == "12.355.200 đ"


def test_over_five_years_early_with_the_early_pension_facts() -> None:
    # Born 01/1970: pension from 01/02/2032, 73 months early on 01/01/2026; 30 years of
    # insurance; pay 3 × 2,340,000 = 7,020,000; 20 years of hazardous work (Decree 135/2020 Art. 5).
    from dataclasses import replace

    who = replace(
        person("p9", born="1970-01-10", salary="3", si_months=360), hazardous_work_years=20
    )
    options = _options(who, JAN_2026)
    within = options[("early_retirement", True)]
    assert within.eligible
    assert "trên 5 năm" in within.vi
    assert _amounts(within) == {
        "monthly_salary": 7_020_000,
        "months_early": 379_080_000,  # 60 × 0.9 × 7,020,000
        "years_early": 168_480_000,  # 6 years × 4 months × 7,020,000
        "insurance_years": 70_200_000,  # (5 + 10 × 0.5) × 7,020,000
    }
    after = options[("early_retirement", False)]  # 01/01/2027: 61 months early
    assert _amounts(after) == {
        "monthly_salary": 7_020_000,
        "months_early": 189_540_000,  # 60 × 0.45 × 7,020,000
        "years_early": 140_400_000,  # 5 × 4 × 7,020,000
        "insurance_years": 70_200_000,
    }
