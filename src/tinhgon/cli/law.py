"""check, retirement and rules: the law as code on the command line.

``check`` exits 0 when there is no violation, 1 when there is at least one, 2 on bad input.
"""

from __future__ import annotations

import re
import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from tinhgon.cli import progress
from tinhgon.cli.lazy import lazy_module
from tinhgon.cli.main import (
    OnOpt,
    OutputFormat,
    app,
    fail,
    option_date,
    out,
    print_json,
    state_or_fail,
    vn_date,
)
from tinhgon.cli.structure import (
    AgencyOpt,
    FileArg,
    FormatOpt,
    PlanOpt,
    findings_text,
    read_agency,
)
from tinhgon.domain import BirthDate, InvalidValue, Sex

if TYPE_CHECKING:
    from tinhgon import law
else:
    law = lazy_module("tinhgon.law")

EXIT_VIOLATIONS = 1
CHECKING = "Kiểm tra (bước: trạng thái, quy định) / checking (steps: state, rules)"


def _parameters() -> law.ParameterSet:
    try:
        return law.load_parameters()
    except law.ParameterError as error:
        fail(
            f"{error}\nTệp tham số pháp lý không đọc được. (A legal parameter file cannot be read.)"
        )


def _print_finding(finding: law.Finding) -> None:
    style = {
        law.Severity.VIOLATION: "bold red",
        law.Severity.WARNING: "yellow",
        law.Severity.INFO: "cyan",
    }[finding.severity]
    head = f"{finding.severity.vi.upper()} / {finding.severity.value}"
    out.print(f"[{style}]{head}[/{style}] [bold]{finding.rule_name}[/bold]: ", end="")
    out.print(finding.text_vi(), markup=False)
    out.print(f"    {finding.text_en()}", markup=False)
    if finding.actual is not None or finding.limit is not None:
        out.print(
            f"    Thực tế / actual: {finding.actual if finding.actual is not None else '—'}; "
            f"giới hạn / limit: {finding.limit if finding.limit is not None else '—'}",
            markup=False,
        )
    from tinhgon.law.findings import UNVERIFIED_EN, UNVERIFIED_VI

    mark = "" if finding.verified else f" — {UNVERIFIED_VI} ({UNVERIFIED_EN})"
    out.print(f"    Căn cứ / citation: {finding.citation or '—'}{mark}", markup=False)


def _rule_name(rule_id: str) -> str:
    """'SO-1 (Biên chế tối thiểu của phòng, Văn phòng thuộc sở)': the code with its title."""
    try:
        return f"{rule_id} ({law.rule_by_id(rule_id).title.vi})"
    except KeyError:
        return rule_id


@app.command()
def check(
    file: FileArg,
    on: OnOpt,
    plan: PlanOpt = None,
    output: FormatOpt = OutputFormat.TEXT,
    agency: AgencyOpt = None,
) -> None:
    """Kiểm tra theo quy định / Check against the law.

    Mọi quy định áp dụng cho cơ quan tại ngày đó; mã thoát 0 khi không có vi phạm, 1 khi có,
    2 khi đầu vào sai. Every rule that applies to the agency on the date; exit code 0 with no
    violation, 1 with at least one, 2 on bad input. With --agency, one agency inside the
    history.
    """
    project = read_agency(file, agency, on=(on,))
    day = option_date(on, "--on")
    with progress.steps(CHECKING, 2) as step:  # the state built, then checked
        state = state_or_fail(project, day, plan)
        step.advance()
        report = law.check_project(
            project, on=day, plan=plan, state=state, parameters=_parameters()
        )
        step.advance()
    if output is OutputFormat.JSON:
        print_json(
            {
                "on": day.isoformat(),
                "agency": {
                    "id": project.agency.id,
                    "name": project.agency.name,
                    "agency_type": project.agency.agency_type,
                    "province_class": project.agency.province_class,
                },
                "plan": plan,
                "summary": report.summary(),
                "findings": [f.as_dict() for f in report.findings],
                "coverage": [c.as_dict() for c in report.coverage],
            }
        )
    else:
        title = f"{project.agency.name} — kiểm tra theo quy định tại ngày {vn_date(day)}"
        if plan:
            title += f" theo đề án '{plan}' ({project.plan(plan).title})"
        out.print(f"[bold]{title}[/bold]")
        out.print(
            f"Check against the law on {day.isoformat()}" + (f", plan '{plan}'" if plan else "")
        )
        out.print()
        for finding in report.findings:
            _print_finding(finding)
        if not report.findings:
            out.print("Không có phát hiện nào. (No findings.)")
        out.print()
        out.print(f"Tổng / summary: {findings_text(report.summary())}", markup=False)
        in_force = [
            f"{_rule_name(c.rule.id)}: {c.checked}"
            for c in report.coverage
            if c.status == law.Coverage.IN_FORCE
        ]
        gaps = [_rule_name(c.rule.id) for c in report.coverage if c.status == "not_encoded"]
        ended = [_rule_name(c.rule.id) for c in report.coverage if c.status == "ended"]
        out.print(
            f"Quy định đã áp dụng / rules applied: {'; '.join(in_force) or '—'}", markup=False
        )
        if gaps:
            out.print(
                "Chưa có quy định trong tinhgon cho giai đoạn này / no rule held for this "
                f"period: {'; '.join(gaps)}",
                markup=False,
            )
        if ended:
            out.print(
                f"Quy định không còn áp dụng / rules that have ended: {'; '.join(ended)}",
                markup=False,
            )
    if report.has_violations:
        raise typer.Exit(EXIT_VIOLATIONS)


class SexOption(StrEnum):
    MALE = "male"
    FEMALE = "female"


def parse_birth_month(text: str) -> BirthDate:
    """'1961-01', '01/1961' or '1961' (only the year known: January, RA-3)."""
    value = text.strip()
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", value) or re.fullmatch(r"(\d{1,2})/(\d{4})", value)
    try:
        if match:
            if "/" in value:
                month, year = int(match[1]), int(match[2])
            else:
                year, month = int(match[1]), int(match[2])
            if not 1 <= month <= 12:
                fail(
                    f"--born: tháng sinh {month} không hợp lệ trong '{text}' (tháng từ 01 đến 12) "
                    f"(invalid month {month} in '{text}': months are 01 to 12)"
                )
            return BirthDate(year, month)
        if re.fullmatch(r"\d{4}", value):
            return BirthDate(int(value))
    except InvalidValue as error:
        fail(f"--born: {error.vi} ({error.en})")
    fail(
        f"--born: '{text}' không đúng dạng tháng sinh yyyy-mm (ví dụ 1961-01) "
        f"('{text}' is not a birth month yyyy-mm, for example 1961-01)"
    )


@app.command()
def retirement(
    sex: Annotated[SexOption, typer.Option("--sex", help="Giới tính / sex")],
    born: Annotated[
        str, typer.Option("--born", help="Tháng sinh / birth month (yyyy-mm, mm/yyyy hoặc yyyy)")
    ],
    output: FormatOpt = OutputFormat.TEXT,
) -> None:
    """Tuổi và ngày nghỉ hưu / Retirement age and date (Decree 135/2020, RA-1 to RA-3).

    Ngày nghỉ hưu là ngày cuối của tháng đủ tuổi; hưởng lương hưu từ ngày 01 tháng sau.
    The retirement date is the last day of the month the age is reached; the pension starts
    on the first day of the next month.
    """
    birth = parse_birth_month(born)
    person_sex = Sex(sex.value)
    result = law.retirement_of(sex=person_sex, born=birth, parameters=_parameters())
    data: dict[str, Any] = {
        "sex": person_sex.value,
        "born": birth.iso(),
        "age": result.age.as_dict(),
        "reaches": f"{result.reached[0]:04d}-{result.reached[1]:02d}",
        "retires_on": result.retires_on.isoformat(),
        "pension_from": result.pension_from.isoformat(),
        "citation": result.citation,
        "verified": result.verified,
        "citations": [c.as_dict() for c in result.citations],
    }
    if output is OutputFormat.JSON:
        print_json(data)
        return
    from tinhgon.law.findings import UNVERIFIED_EN, UNVERIFIED_VI

    mark = "" if result.verified else f" ({UNVERIFIED_VI} / {UNVERIFIED_EN})"
    only_year = (
        " (chỉ biết năm sinh: tính tháng 01 / year only: January)" if birth.month is None else ""
    )
    out.print(
        f"{person_sex.vi.capitalize()}, sinh {birth}{only_year}: tuổi nghỉ hưu {result.age}; "
        f"đủ tuổi tháng {result.reached[1]:02d}/{result.reached[0]}; ngày nghỉ hưu "
        f"{vn_date(result.retires_on)}; hưởng lương hưu từ {vn_date(result.pension_from)}.",
        markup=False,
    )
    out.print(
        f"{person_sex.en.capitalize()}, born {birth.iso()}: retirement age "
        f"{result.age.english()}; retires on {result.retires_on.isoformat()}; pension from "
        f"{result.pension_from.isoformat()}.",
        markup=False,
    )
    out.print(f"Căn cứ / citation: {result.citation}{mark}", markup=False)


class CatalogueFormat(StrEnum):
    MARKDOWN = "markdown"
    JSON = "json"


@app.command()
def rules(
    on: Annotated[
        str | None,
        typer.Option(
            "--on", help="Trạng thái tại ngày / status on (yyyy-mm-dd)", show_default=False
        ),
    ] = None,
    output: Annotated[
        CatalogueFormat, typer.Option("--format", help="Định dạng / output format")
    ] = CatalogueFormat.MARKDOWN,
) -> None:
    """Danh mục quy định và tham số / The catalogue of rules and parameters.

    Căn cứ, độ tin cậy và đã đối chiếu văn bản gốc hay chưa; docs/rules.md được sinh từ lệnh
    này. Citations, confidence and verification; docs/rules.md is generated by this command.
    """
    from tinhgon.law.catalogue import catalogue, catalogue_markdown

    day = option_date(on, "--on") if on is not None else None
    parameters = _parameters()
    if output is CatalogueFormat.JSON:
        print_json(catalogue(day, parameters))
        return
    sys.stdout.write(catalogue_markdown(day, parameters))
