"""What the đề án and the tờ trình say about a plan: what it changes, the rules it satisfies
and those it does not (in plain words), who goes where, and the timetable."""

from __future__ import annotations

from tinhgon import law
from tinhgon.domain import State
from tinhgon.domain.describe import narrate
from tinhgon.domain.model import Role
from tinhgon.law import Coverage, Severity
from tinhgon.reports.articles import plan_changes_told
from tinhgon.reports.assessment import shortcoming_lines
from tinhgon.reports.citations import citation_date
from tinhgon.reports.model import Cell, Column, Table
from tinhgon.reports.papers import PlanPapers
from tinhgon.reports.wording import headline_sentences, two_digits


def change_sentences(papers: PlanPapers) -> list[tuple[str, str]]:
    """(date, 'Sáp nhập … vào …') for each change of the plan, in date order (for a project
    narrowed to one agency, each that concerns it)."""
    timeline = papers.plan.project(papers.project.timeline)
    told = plan_changes_told(papers.project, papers.plan, timeline)
    return [
        (citation_date(change.on), text.vi)
        for change, text, _ in narrate(timeline)
        if id(change) in told
    ]


def present_sentence(papers: PlanPapers) -> str:
    m = papers.metrics_before
    return (
        f"Hiện nay, {papers.agency_name} có {two_digits(m.departments)} phòng chuyên môn và "
        f"tương đương, {two_digits(m.department_leaders)} lãnh đạo cấp phòng "
        f"({two_digits(m.department_heads)} cấp trưởng, {two_digits(m.department_deputies)} "
        f"cấp phó), {two_digits(m.public_service_units)} đơn vị sự nghiệp công lập trực thuộc; "
        f"tổng số người làm việc là {two_digits(m.staff)} người."
    )


def result_sentences(papers: PlanPapers) -> list[str]:
    b, a = papers.metrics_before, papers.metrics_after
    keys = ("departments", "department_leaders", "public_service_units", "staff")
    before = {k: getattr(b, k) for k in keys}
    after = {k: getattr(a, k) for k in keys}
    return headline_sentences(before, after, planned=papers.planned)


def rules_met(papers: PlanPapers) -> list[str]:
    """'- Số Phó Trưởng phòng … (khoản 2 Điều 66 Nghị định số …);' for each rule checked on the
    structure after the plan without a violation or a warning."""
    parameters = law.load_parameters()
    failing = {f.rule for f in papers.check_after.findings if f.severity is not Severity.INFO}
    lines = []
    for line in papers.check_after.coverage:
        if line.status != Coverage.IN_FORCE or not line.checked or line.rule.people:
            continue
        if line.rule.id in failing:
            continue
        cited = papers.cite.citations(tuple(line.rule.citations(parameters, papers.last_on)))
        if cited:
            lines.append(f"- {line.rule.title.vi} theo quy định tại {cited}: bảo đảm;")
    if lines:
        lines[-1] = lines[-1][:-1] + "."
    return lines


def rules_unmet(papers: PlanPapers) -> list[str]:
    return shortcoming_lines(papers.check_after, papers.cite)


def _post(state: State, person_id: str) -> str:
    where = state.assignments.get(person_id)
    if where is None:
        return "Thôi công tác"
    unit = state.units.get(where.unit_id)
    if unit is None:
        return where.unit_id
    if where.role is Role.STAFF:
        return unit.name
    return unit.kind.post(where.role, unit.name)


def placement_table(papers: PlanPapers, number: int) -> Table | None:
    """Who goes where and who heads what: everyone of the units the plan touches, and anyone
    whose post changes."""
    touched: set[str] = set()
    for change in papers.plan.changes:
        touched.update(change.unit_ids())
    rows: list[tuple[Cell, ...]] = []
    before, after = papers.before, papers.after
    for person_id, where in before.assignments.items():
        later = after.assignments.get(person_id)
        moved = later is None or (later.unit_id, later.role) != (where.unit_id, where.role)
        if where.unit_id in touched or moved:
            old, new = _post(before, person_id), _post(after, person_id)
            name = before.people[person_id].full_name
            rows.append((name, old, new, where.role.value))
    if not rows:
        return None
    rank = {Role.HEAD.value: 0, Role.DEPUTY.value: 1, Role.STAFF.value: 2}
    rows.sort(key=lambda r: (str(r[2]), rank.get(str(r[3]), 3), str(r[0])))
    return Table(
        title=f"Bảng {number}. Phương án bố trí nhân sự",
        sheet="Bố trí nhân sự",
        columns=(
            Column("STT", "int", 1.2),
            Column("Họ và tên", "text", 4.0),
            Column("Chức vụ, đơn vị hiện nay", "text", 5.4),
            Column("Chức vụ, đơn vị sau sắp xếp", "text", 5.4),
        ),
        rows=tuple((n, r[0], r[1], r[2]) for n, r in enumerate(rows, start=1)),
    )


def timetable(papers: PlanPapers, number: int) -> Table:
    """The implementation timetable: approval, then each date of the plan's changes."""
    rows: list[tuple[Cell, ...]] = [
        (
            1,
            f"Trước ngày {citation_date(papers.first_on)}",
            f"Trình {papers.approver} phê duyệt Đề án và ban hành Quyết định",
            papers.agency_name,
        )
    ]
    by_date: dict[str, list[str]] = {}
    for on, text in change_sentences(papers):
        by_date.setdefault(on, []).append(text)
    for on, texts in by_date.items():
        rows.append((len(rows) + 1, f"Từ ngày {on}", "; ".join(texts), papers.agency_name))
    rows.append(
        (
            len(rows) + 1,
            "Sau khi sắp xếp",
            "Quy định chức năng, nhiệm vụ của các đơn vị; bố trí công chức, viên chức theo vị "
            "trí việc làm; báo cáo kết quả thực hiện",
            papers.agency_name,
        )
    )
    return Table(
        title=f"Bảng {number}. Tiến độ thực hiện",
        sheet="Tiến độ",
        columns=(
            Column("STT", "int", 1.2),
            Column("Thời gian", "text", 3.2),
            Column("Nội dung", "text", 8.0),
            Column("Đơn vị thực hiện", "text", 3.6),
        ),
        rows=tuple(rows),
    )
