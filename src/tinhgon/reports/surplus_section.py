"""The đề án's section on surplus staff (dôi dư) and how they are handled.

The people and their figures come from ``tinhgon.planning.surplus_of``: the leaders left
without a post, the people the plan takes off the staff, those above the quota. The signed text
says, in an official's words, how many there are and why, how each is to be handled (kept in
another post, early retirement, resignation, the leadership allowance kept) with the texts the
policies rest on, and what the allowances would cost in total on each side of the first 12
months; the table "Danh sách dôi dư và phương án giải quyết" lists everyone with the figures.
The arithmetic of every figure, the numbers not checked against the official texts and the
reasons a figure could not be computed go to the drafter's note, never into the paper.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from tinhgon import law
from tinhgon.planning.allowances import Figure, Option
from tinhgon.planning.proposer import PlanningError
from tinhgon.planning.surplus import SurplusPerson, SurplusReport, surplus_of
from tinhgon.reports.model import Block, Cell, Column, Paragraph, Table
from tinhgon.reports.papers import PlanPapers
from tinhgon.reports.plan_content import _post
from tinhgon.reports.wording import two_digits, vn_date

TITLE = "Danh sách dôi dư và phương án giải quyết"
SHEET = "Dôi dư"
# Why a person is surplus, as the đề án says it.
REASON_WORDS = {
    "leader_without_post": "thôi giữ chức vụ lãnh đạo",
    "left": "thôi công tác theo Đề án",
    "above_quota": "vượt số lượng biên chế được giao",
}
COUNT_WORDS = {
    "leader_without_post": "lãnh đạo thôi giữ chức vụ do sắp xếp",
    "left": "người thôi công tác theo Đề án",
    "above_quota": "người vượt số lượng biên chế được giao",
}
ONE_OFF = ("early_retirement", "resignation")
KIND_WORDS = {"early_retirement": "nghỉ hưu trước tuổi", "resignation": "thôi việc"}
SALARY = "monthly_salary"


def dong(amount: Decimal) -> int:
    """Whole đồng, half up (as the planning figures print them)."""
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _money(amount: int) -> str:
    return f"{amount:,}".replace(",", ".") + " đồng"


@dataclass(frozen=True, slots=True)
class PersonRow:
    """What the đề án says of one surplus person (also what the tests compare)."""

    name: str
    post_before: str
    reasons: str
    handling: str
    within: int | None  # the one-off allowance if leaving within the first 12 months
    after: int | None  # … if leaving from month 13
    kept_monthly: int | None  # the leadership allowance kept, each month


def _one_off(person: SurplusPerson, within: bool) -> Option | None:
    """The policy open to the person on one side of the 12 months (early retirement where the
    person qualifies, else resignation), with its total."""
    found = [
        o
        for o in person.options
        if o.kind in ONE_OFF and o.within_12_months is within and o.total is not None
    ]
    return max(found, key=lambda o: o.total or 0) if found else None


def _kept(person: SurplusPerson) -> Option | None:
    for o in person.options:
        if o.kind == "leadership_allowance" and o.eligible and o.figures:
            return o
    return None


def person_row(papers: PlanPapers, person: SurplusPerson) -> PersonRow:
    within, after, kept = _one_off(person, True), _one_off(person, False), _kept(person)
    ways: list[str] = []
    if person.unit_after_name:
        ways.append(f"bố trí tại {person.unit_after_name}")
    kinds = [o.kind for o in (within, after) if o is not None]
    for kind in dict.fromkeys(kinds):
        ways.append(f"{KIND_WORDS[kind]} (nếu có nguyện vọng)")
    if kept is not None:
        ways.append(f"bảo lưu phụ cấp chức vụ {_money(dong(kept.figures[0].amount))}/tháng")
    ways.append(f"nghỉ hưu ngày {vn_date(person.retires_on)}")
    handling = "; ".join(ways)
    post = _post(papers.before, person.person_id)
    if post == "Thôi công tác":
        post = person.unit_before_name
    return PersonRow(
        name=person.name,
        post_before=post,
        reasons="; ".join(REASON_WORDS[r] for r in person.reasons).capitalize(),
        handling=handling[:1].upper() + handling[1:],
        within=dong(within.total) if within is not None and within.total is not None else None,
        after=dong(after.total) if after is not None and after.total is not None else None,
        kept_monthly=dong(kept.figures[0].amount) if kept is not None else None,
    )


def _policy_citations(papers: PlanPapers, report: SurplusReport, options: list[Option]) -> str:
    """The texts a policy rests on, as the paper cites them (not the base salary's)."""
    salary = {
        c
        for p in report.people
        for o in p.options
        for f in o.figures
        if f.key == SALARY
        for c in f.citations
    }
    found = [
        c
        for o in options
        for f in o.figures
        if f.key != SALARY
        for c in f.citations
        if c not in salary
    ]
    return papers.cite.citations(tuple(dict.fromkeys(found)))


def surplus_table(rows: list[PersonRow], number: int) -> Table:
    def total(values: list[int | None]) -> int | None:
        known = [v for v in values if v is not None]
        return sum(known) if known else None

    body: list[tuple[Cell, ...]] = [
        (n, r.name, r.post_before, r.reasons, r.handling, r.within, r.after)
        for n, r in enumerate(rows, start=1)
    ]
    body.append(
        (
            None,
            "Tổng cộng",
            f"{two_digits(len(rows))} người",
            None,
            None,
            total([r.within for r in rows]),
            total([r.after for r in rows]),
        )
    )
    return Table(
        title=f"Bảng {number}. {TITLE}",
        sheet=SHEET,
        columns=(
            Column("STT", "int", 1.2),
            Column("Họ và tên", "text", 2.1),
            Column("Chức vụ, đơn vị hiện nay", "text", 2.6),
            Column("Lý do dôi dư", "text", 1.8),
            Column("Phương án giải quyết", "text", 2.9),
            Column("Trợ cấp nếu nghỉ trong 12 tháng đầu", "money", 2.7),
            Column("Trợ cấp nếu nghỉ từ tháng thứ 13", "money", 2.7),
        ),
        rows=tuple(body),
        unit="đồng",
    )


def _figure_note(person: str, option: Option, figure: Figure) -> str:
    line = f"{person} — {option.vi}: {figure.vi}: {figure.arithmetic}"
    if "=" not in figure.arithmetic:
        line += f" = {_money(dong(figure.amount))}"
    if figure.note:
        line += f" ({figure.note})"
    return line + "."


def drafter_notes(report: SurplusReport) -> list[str]:
    """The arithmetic of every figure, what could not be computed and why, the numbers not
    checked against the official texts."""
    notes = [
        f"Số người dôi dư và trợ cấp tính theo ngày Quyết định sắp xếp có hiệu lực "
        f"{vn_date(report.decision_on)} (nghỉ trong 12 tháng đầu: nghỉ từ ngày này; từ tháng "
        "thứ 13: nghỉ sau 12 tháng); người dôi dư vượt biên chế được chọn theo thứ tự gần đến "
        "tuổi nghỉ hưu nhất — người soạn thảo rà soát lại danh sách."
    ]
    unverified: dict[str, None] = {}
    for person in report.people:
        for option in person.options:
            if option.kind == "retirement":
                continue
            if not option.eligible:
                notes.append(
                    f"{person.name} — {option.vi}: chưa tính trợ cấp ({option.reason_vi})."
                )
                continue
            for figure in option.figures:
                notes.append(_figure_note(person.name, option, figure))
                for c in figure.citations:
                    if not c.verified:
                        unverified[c.text()] = None
    if unverified:
        notes.append(
            "Các mức, hệ số dùng để tính trợ cấp chưa được đối chiếu với văn bản gốc: "
            + "; ".join(unverified)
            + "."
        )
    return notes


def surplus_section(
    papers: PlanPapers, number: int, parameters: law.ParameterSet | None = None
) -> tuple[list[Block], list[str], bool]:
    """The blocks of the section, the drafter's notes, and whether a table numbered
    ``number`` was added."""
    try:
        report = surplus_of(papers.project, papers.plan.id, parameters=parameters)
    except PlanningError as error:
        return (
            [Paragraph("Số người dôi dư và phương án giải quyết được lập thành phụ lục kèm theo.")],
            [f"Chưa lập được danh sách dôi dư: {error}. Lập và đính kèm phụ lục trước khi trình."],
            False,
        )
    if not report.people:
        return (
            [
                Paragraph(
                    f"Sau sắp xếp, {papers.agency_name} không có cán bộ, công chức, viên chức, "
                    "người lao động dôi dư."
                )
            ],
            [],
            False,
        )
    rows = [person_row(papers, p) for p in report.people]
    counts = Counter(r for p in report.people for r in p.reasons)
    why = "; ".join(
        f"{two_digits(counts[r])} {COUNT_WORDS[r]}" for r in COUNT_WORDS if counts.get(r)
    )
    blocks: list[Block] = [
        Paragraph(
            f"Sau sắp xếp, có {two_digits(len(rows))} người dôi dư ({why}); danh sách và phương "
            f"án giải quyết đối với từng người tại Bảng {number}."
        ),
        Paragraph("Phương án giải quyết:"),
    ]
    lines: list[str] = []
    kept_somewhere = [p for p in report.people if p.unit_after_name]
    if kept_somewhere:
        lines.append(
            f"- Tiếp tục bố trí công tác phù hợp với vị trí việc làm: "
            f"{two_digits(len(kept_somewhere))} người"
        )
    for kind in ONE_OFF:
        options = [
            o for p in report.people for w in (True, False) if (o := _one_off(p, w)) is not None
        ]
        options = [o for o in options if o.kind == kind]
        if not options:
            continue
        people = {p.person_id for p in report.people for o in p.options if o in options}
        cited = _policy_citations(papers, report, options)
        basis = f" theo quy định tại {cited}" if cited else ""
        lines.append(
            f"- Người đủ điều kiện và có nguyện vọng {KIND_WORDS[kind]} được hưởng chính sách"
            f"{basis}: {two_digits(len(people))} người"
        )
    kept = [o for p in report.people if (o := _kept(p)) is not None]
    if kept:
        cited = _policy_citations(papers, report, kept)
        basis = f" theo quy định tại {cited}" if cited else ""
        lines.append(
            f"- Lãnh đạo thôi giữ chức vụ do sắp xếp được bảo lưu phụ cấp chức vụ lãnh đạo"
            f"{basis}: {two_digits(len(kept))} người"
        )
    lines = [f"{line};" for line in lines]
    lines[-1] = lines[-1][:-1] + "."
    blocks.extend(Paragraph(line) for line in lines)
    within = [r.within for r in rows if r.within is not None]
    after = [r.after for r in rows if r.after is not None]
    if within or after:
        parts = []
        if within:
            parts.append(
                f"nếu nghỉ trong 12 tháng đầu kể từ ngày {vn_date(report.decision_on)}: "
                f"{_money(sum(within))} ({two_digits(len(within))} người)"
            )
        if after:
            parts.append(
                f"nếu nghỉ từ tháng thứ 13: {_money(sum(after))} ({two_digits(len(after))} người)"
            )
        blocks.append(
            Paragraph(
                "Kinh phí dự kiến chi trả trợ cấp cho số người đủ điều kiện hưởng chính sách, "
                + "; ".join(parts)
                + "."
            )
        )
    monthly = [r.kept_monthly for r in rows if r.kept_monthly is not None]
    if monthly:
        blocks.append(
            Paragraph(
                f"Phụ cấp chức vụ lãnh đạo được bảo lưu: {_money(sum(monthly))} mỗi tháng "
                f"({two_digits(len(monthly))} người)."
            )
        )
    blocks.append(surplus_table(rows, number))
    return blocks, drafter_notes(report), True
