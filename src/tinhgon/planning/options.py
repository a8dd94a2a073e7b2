"""The options of one surplus person and their figures (RS-1, RS-2, RS-4; RA-1 to RA-3).

``options_for`` gives, for leaving on the day the restructuring decision takes effect (within
12 months) and on the first day of month 13 (after), early retirement where the person
qualifies or else resignation, plus retirement at the normal age and, for a leader who loses
the post, the leadership allowance kept each month.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from tinhgon import law
from tinhgon.domain import Category, Person
from tinhgon.law.early_retirement import eligibility
from tinhgon.law.numbers import Numbers
from tinhgon.law.retirement import add_months
from tinhgon.planning.allowances import (
    ZERO,
    Figure,
    Option,
    _Env,
    _figure,
    insurance_months_on,
    insurance_years,
    money,
    number,
    salary_of,
    whole_months,
)

CIVIL = frozenset({Category.CADRE, Category.CIVIL_SERVANT})
EARLY = ("Nghỉ hưu trước tuổi", "Early retirement")
RESIGN = ("Thôi việc", "Resignation")


def _within(leave_on: dt.date, decision_on: dt.date) -> bool:
    return leave_on < add_months(decision_on, 12)


def _scenario(within: bool) -> tuple[str, str]:
    if within:
        return "trong 12 tháng đầu", "within the first 12 months"
    return "từ tháng thứ 13", "from month 13"


@dataclass(frozen=True, slots=True)
class _Asked:
    """One option being worked out: its kind and label, the day of leaving, and whether that
    day falls within the first 12 months after the restructuring decision."""

    kind: str
    label_vi: str
    label_en: str
    leave_on: dt.date
    within: bool

    @classmethod
    def of(
        cls, kind: str, name: tuple[str, str], leave_on: dt.date, decision_on: dt.date
    ) -> _Asked:
        within = _within(leave_on, decision_on)
        when_vi, when_en = _scenario(within)
        return cls(kind, f"{name[0]} ({when_vi})", f"{name[1]} ({when_en})", leave_on, within)

    def refuse(self, vi: str, en: str) -> Option:
        """The option, not open to the person, with the reason."""
        return Option(
            self.kind, self.label_vi, self.label_en, self.leave_on, self.within, False, vi, en
        )

    def no_policy(self) -> Option:
        return self.refuse(
            f"chưa có quy định trong tinhgon về chính sách này tại ngày {self.leave_on:%d/%m/%Y}",
            f"no policy encoded on {self.leave_on.isoformat()}",
        )


def early_retirement(
    person: Person,
    retirement: law.Retirement,
    leave_on: dt.date,
    decision_on: dt.date,
    env: _Env,
) -> Option:
    asked = _Asked.of("early_retirement", EARLY, leave_on, decision_on)
    within, label_vi, label_en, refuse = asked.within, asked.label_vi, asked.label_en, asked.refuse
    coefficients = env.numbers("streamlining_early_retirement", leave_on)
    if coefficients is None:
        return asked.no_policy()
    k, entry = coefficients
    months_early = whole_months(leave_on, retirement.pension_from)
    if months_early < 1:
        return refuse("đã đến tuổi nghỉ hưu", "already at retirement age")
    if months_early > 120:
        return refuse(
            f"còn {months_early} tháng đến tuổi nghỉ hưu (trên 10 năm)",
            f"{months_early} months to retirement age (over 10 years)",
        )
    si_months = insurance_months_on(person, leave_on)
    minimum = env.numbers("pension_minimum_social_insurance", leave_on)
    if si_months is None or minimum is None:
        return refuse(
            "thiếu số tháng đóng bảo hiểm xã hội bắt buộc", "months of social insurance unknown"
        )
    need, need_entry = minimum
    if Decimal(si_months) < need["years"] * 12:
        return refuse(
            f"{si_months} tháng đóng bảo hiểm xã hội, chưa đủ {number(need['years'])} năm để "
            f"hưởng lương hưu ({need_entry.citation.instrument})",
            f"{si_months} months of social insurance, short of the {need['years']} years for "
            f"a pension ({need_entry.citation.instrument})",
        )
    # Over 5 years early: the conditions of Decree 135/2020 Art. 5, as the law layer reads them
    # from the person's facts and the parameter files.
    if months_early > 60 and eligibility(person, leave_on, env.parameters) is None:
        return refuse(
            "nghỉ sớm trên 5 năm cần đủ điều kiện nghỉ hưu trước tuổi (15 năm làm nghề nặng "
            "nhọc, độc hại hoặc ở vùng đặc biệt khó khăn): chưa có dữ liệu hoặc chưa đủ",
            "over 5 years early needs the early-pension conditions (15 years of heavy work "
            "or in especially difficult areas): not recorded or not met",
        )
    salary = salary_of(person, leave_on, env)
    if salary is None:
        return refuse(
            "thiếu hệ số lương hoặc mức lương cơ sở", "salary coefficient or base salary unknown"
        )
    pay = salary.amount
    figures: list[Figure] = [salary.figure]
    years_early = months_early // 12
    si_years = insurance_years(si_months)
    if months_early > 60:
        group = "trên 5 năm đến 10 năm"
        rate = k["over_5_years_within"] if within else k["over_5_years_after"]
        months = k["over_5_years_months"]
        figures.append(
            _figure(
                "months_early",
                "Trợ cấp cho số tháng nghỉ sớm",
                "Allowance for the months early",
                months * rate * pay,
                f"{number(months)} tháng × {number(rate)} × {money(pay)}",
                entry,
            )
        )
        per_year: Decimal | None = k["per_year_over_5"]
    else:
        group = "dưới 2 năm" if months_early < 24 else "từ 2 năm đến 5 năm"
        if within:
            rate = k["within_12_months"]
        elif months_early < 24:
            rate = k["under_2_years_after_12"]
        else:
            rate = k["after_12_months"]
        note = (
            "Từ tháng thứ 13, nhóm dưới 2 năm: Nghị định ghi 0,5, Thông tư 01/2025/TT-BNV ghi "
            "như 12 tháng đầu — chưa thống nhất (RS-1)"
            if months_early < 24 and not within
            else ""
        )
        figures.append(
            _figure(
                "months_early",
                "Trợ cấp cho số tháng nghỉ sớm",
                "Allowance for the months early",
                months_early * rate * pay,
                f"{months_early} tháng × {number(rate)} × {money(pay)}",
                entry,
                note=note,
            )
        )
        per_year = k["per_year_2_to_5"] if months_early >= 24 else None
    if per_year is not None and years_early:
        figures.append(
            _figure(
                "years_early",
                "Trợ cấp cho số năm nghỉ sớm",
                "Allowance for the years early",
                years_early * per_year * pay,
                f"{years_early} năm × {number(per_year)} tháng × {money(pay)}",
                entry,
                note="Tính theo số năm tròn nghỉ sớm (RS-3)",
            )
        )
    if per_year is not None:
        figures.append(_insurance_figure(k, entry, si_years, si_months, pay))
    return Option(
        "early_retirement",
        f"{label_vi}, nhóm {group}",
        f"{label_en}, {group}",
        leave_on,
        within,
        True,
        figures=tuple(figures),
    )


def _insurance_figure(
    k: Numbers,
    entry: law.DatedValue,
    si_years: Decimal,
    si_months: int,
    pay: Decimal,
) -> Figure:
    first_years, first_months = k["si_first_years"], k["si_first_months"]
    further = k["si_further_per_year"]
    short_years, short_months = k.get("short_si_first_years"), k.get("short_si_first_months")
    note = f"{si_months} tháng = {number(si_years)} năm (làm tròn theo RS-3)"
    if si_years >= first_years or short_years is None or short_months is None:
        base_years, base_months = first_years, first_months
    else:
        base_years, base_months = short_years, short_months
        note += "; khoản 15 năm của Nghị định 67/2025/NĐ-CP"
    extra = max(si_years - base_years, ZERO)
    months = base_months + extra * further
    return _figure(
        "insurance_years",
        "Trợ cấp theo thời gian đóng bảo hiểm xã hội",
        "Allowance for the years of social insurance",
        months * pay,
        f"({number(base_months)} tháng cho {number(base_years)} năm đầu + {number(extra)} năm × "
        f"{number(further)} tháng) × {money(pay)}",
        entry,
        note=note,
    )


def resignation(
    person: Person,
    retirement: law.Retirement,
    leave_on: dt.date,
    decision_on: dt.date,
    env: _Env,
) -> Option:
    asked = _Asked.of("resignation", RESIGN, leave_on, decision_on)
    within, label_vi, label_en, refuse = asked.within, asked.label_vi, asked.label_en, asked.refuse
    coefficients = env.numbers("streamlining_resignation", leave_on)
    if coefficients is None:
        return asked.no_policy()
    k, entry = coefficients
    to_retirement = whole_months(leave_on, retirement.pension_from)
    if to_retirement < k["min_months_to_retirement"]:
        return refuse(
            f"còn {to_retirement} tháng đến tuổi nghỉ hưu (cần từ đủ "
            f"{number(k['min_months_to_retirement'])} tháng)",
            f"{to_retirement} months to retirement age (needs "
            f"{k['min_months_to_retirement']} or more)",
        )
    si_months = insurance_months_on(person, leave_on)
    salary = salary_of(person, leave_on, env)
    if si_months is None or salary is None:
        return refuse(
            "thiếu hệ số lương, mức lương cơ sở hoặc số tháng đóng bảo hiểm xã hội",
            "salary coefficient, base salary or months of social insurance unknown",
        )
    pay = salary.amount
    months = min(Decimal(to_retirement), k["max_months"], Decimal(si_months))
    rate = k["within_12_months"] if within else k["after_12_months"]
    si_years = insurance_years(si_months)
    figures = [
        salary.figure,
        _figure(
            "months_to_retirement",
            "Trợ cấp cho số tháng còn lại đến tuổi nghỉ hưu",
            "Allowance for the months to retirement age",
            months * rate * pay,
            f"min({to_retirement}; {number(k['max_months'])}; {si_months}) = {number(months)} "
            f"tháng × {number(rate)} × {money(pay)}",
            entry,
        ),
        _figure(
            "insurance_years",
            "Trợ cấp theo thời gian đóng bảo hiểm xã hội",
            "Allowance for the years of social insurance",
            si_years * k["per_si_year"] * pay,
            f"{number(si_years)} năm × {number(k['per_si_year'])} tháng × {money(pay)}",
            entry,
            note=f"{si_months} tháng = {number(si_years)} năm (làm tròn theo RS-3)",
        ),
    ]
    if person.category in CIVIL:
        bonus = k["civil_servant_bonus_months"]
        figures.append(
            _figure(
                "job_search",
                "Trợ cấp tìm việc làm (cán bộ, công chức)",
                "Job-search allowance (cadres and civil servants)",
                bonus * pay,
                f"{number(bonus)} tháng × {money(pay)}",
                entry,
            )
        )
    return Option("resignation", label_vi, label_en, leave_on, within, True, figures=tuple(figures))


def retirement_option(retirement: law.Retirement) -> Option:
    return Option(
        "retirement",
        "Nghỉ hưu đúng tuổi",
        "Retirement at the normal age",
        retirement.retires_on,
        None,
        True,
        f"nghỉ hưu ngày {retirement.retires_on:%d/%m/%Y} ({retirement.age}), hưởng lương hưu từ "
        f"{retirement.pension_from:%d/%m/%Y} — {retirement.citation}",
        f"retires on {retirement.retires_on.isoformat()} ({retirement.age.english()}), pension "
        f"from {retirement.pension_from.isoformat()}",
    )


def leadership_allowance(person: Person, on: dt.date, env: _Env) -> Option:
    label = ("Bảo lưu phụ cấp chức vụ lãnh đạo", "Leadership allowance kept")
    kept = env.numbers("streamlining_leadership_allowance", on)
    base = env.numbers("base_salary", on)
    if kept is None or base is None or not person.position_allowance_coefficient:
        return Option(
            "leadership_allowance",
            *label,
            on,
            None,
            False,
            "thiếu hệ số phụ cấp chức vụ hoặc chưa có chính sách tại ngày này",
            "no leadership allowance coefficient, or no policy on this date",
        )
    amount = person.position_allowance_coefficient * base[0]["amount"]
    figure = _figure(
        "leadership_allowance_monthly",
        "Phụ cấp chức vụ được bảo lưu mỗi tháng",
        "Leadership allowance kept, each month",
        amount,
        f"{number(person.position_allowance_coefficient)} × {money(base[0]['amount'])}",
        base[1],
        kept[1],
        note="Thời hạn bảo lưu chưa tìm thấy trong văn bản (RS-4): không tính tổng",
    )
    return Option("leadership_allowance", *label, on, None, True, figures=(figure,), monthly=True)


def options_for(
    person: Person,
    *,
    decision_on: dt.date,
    leader_lost_post: bool,
    parameters: law.ParameterSet,
    env: _Env | None = None,
) -> tuple[law.Retirement, list[Option]]:
    env = env or _Env(parameters)
    retirement = law.retirement_of(sex=person.sex, born=person.birth, parameters=parameters)
    options: list[Option] = []
    for leave_on in (decision_on, add_months(decision_on, 12)):
        early = early_retirement(person, retirement, leave_on, decision_on, env)
        options.append(early)
        if not early.eligible:
            options.append(resignation(person, retirement, leave_on, decision_on, env))
    options.append(retirement_option(retirement))
    if leader_lost_post:
        options.append(leadership_allowance(person, decision_on, env))
    return retirement, options
