"""From a project and two dates to a report's content (``ReportData``).

The report follows the seed article (shared/seed): what the agency had on the "before" date,
what it has on the "after" date (or would have with a plan), the changes in between with the
documents that decided them, and what the law as code finds on the "after" date.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from typing import Any

from tinhgon import law
from tinhgon.domain import (
    Category,
    Change,
    CreateUnit,
    DiffItem,
    DissolveUnit,
    Document,
    DocumentKey,
    InvalidValue,
    MergeUnits,
    Metrics,
    MoveUnit,
    Plan,
    PlanStatus,
    Project,
    RenameUnit,
    SetQuota,
    SplitUnit,
    State,
    UnitClass,
    diff_states,
    metrics_of,
)
from tinhgon.domain.agencies import footprint
from tinhgon.domain.describe import narrate, unit_tree

# Changes that alter the structure or the quotas (as opposed to people): their documents are
# the report's legal bases.
from tinhgon.domain.diff import UNIT_KINDS
from tinhgon.law import Coverage, Finding, ParameterSet
from tinhgon.law.findings import UNVERIFIED_VI
from tinhgon.reports import decree30
from tinhgon.reports.charts import BarPanel, OrgNode, before_after_chart, org_chart
from tinhgon.reports.model import (
    Block,
    Cell,
    Column,
    Figure,
    Heading,
    Paragraph,
    ReportData,
    ReportOptions,
    Signature,
    Table,
)
from tinhgon.reports.wording import (
    cite_with_title,
    date_line,
    document_kind_order,
    headline_sentences,
    number_line,
    two_digits,
    vn_date,
)

_STRUCTURAL = (CreateUnit, RenameUnit, MoveUnit, MergeUnits, SplitUnit, DissolveUnit, SetQuota)
_UNIT_DIFFS = frozenset(UNIT_KINDS)

_QUOTA_LABEL = {
    Category.CADRE: "Biên chế cán bộ được giao",
    Category.CIVIL_SERVANT: "Biên chế công chức được giao",
    Category.PUBLIC_EMPLOYEE: "Số lượng người làm việc (viên chức) được giao",
    Category.CONTRACT_WORKER: "Hợp đồng lao động được giao",
}


def _normalise_authority(mark: str | None) -> str | None:
    if mark is None or not mark.strip():
        return None
    text = mark.strip().upper()
    if not text.endswith("."):
        text += "."
    if text not in decree30.AUTHORITY_MARKS:
        marks = ", ".join(decree30.AUTHORITY_MARKS)
        raise InvalidValue(
            f"thẩm quyền ký '{mark}' không hợp lệ: dùng {marks} hoặc để trống",
            f"signing authority '{mark}' is not valid: use {marks} or none",
        )
    return text


def _recipient_lines(recipients: Iterable[str], archive: str) -> tuple[str, ...]:
    """'- X;' for each recipient, then '- Lưu: VT, ….' (RULES.md §7)."""
    lines = []
    for entry in recipients:
        text = entry.strip().lstrip("-–").strip().rstrip(";.").strip()
        if text:
            lines.append(f"- {text};")
    store = archive.strip().strip(",").rstrip(".").strip()
    lines.append(f"- Lưu: VT, {store}." if store else "- Lưu: VT.")
    return tuple(lines)


def _signature(options: ReportOptions, project: Project, state: State) -> Signature:
    authority = _normalise_authority(options.authority)
    roots = [u for u in state.roots() if u.id == project.agency.id] or list(state.roots())
    root = roots[0] if roots else None
    head = state.head(root.id) if root else None
    head_title = root.kind.head_title if root else ""
    deputy_title = root.kind.deputy_title if root else ""
    head_name = state.people[head.person_id].full_name if head else ""
    if authority is None:
        title = options.signer_title if options.signer_title is not None else head_title
        name = options.signer if options.signer is not None else head_name
        return Signature(None, title.upper(), name)
    if authority == "TM.":
        behalf = options.on_behalf_of or project.agency.name
        title = options.signer_title if options.signer_title is not None else head_title
        name = options.signer if options.signer is not None else head_name
    elif authority == "KT.":
        behalf = options.on_behalf_of or head_title
        title = options.signer_title if options.signer_title is not None else deputy_title
        name = options.signer or ""
    else:
        behalf = options.on_behalf_of or head_title
        title = options.signer_title or ""
        name = options.signer or ""
    return Signature(f"{authority} {behalf.upper()}", title.upper(), name)


def _document(project: Project, key: DocumentKey) -> Document | None:
    return project.documents.get(key) if key in project.documents else None


def plan_label(plan: Plan) -> str:
    """'Phương án … (dự thảo)': the plan's title with its status, said once."""
    if plan.status.vi in plan.title:
        return plan.title
    return f"{plan.title} ({plan.status.vi})"


def _cite(project: Project, key: DocumentKey | None, plan: Plan | None) -> str:
    if key is None:
        return plan_label(plan) if plan is not None else ""
    document = _document(project, key)
    return document.cite() if document else f"Văn bản số {key.symbol} ngày {vn_date(key.issued_on)}"


def _option_documents(project: Project, symbols: Iterable[str]) -> list[Document]:
    found = []
    for entry in symbols:
        symbol, _, when = entry.partition("@")
        issued = None
        if when:
            try:
                issued = dt.date.fromisoformat(when.strip())
            except ValueError:
                raise InvalidValue(
                    f"căn cứ '{entry}': ngày ban hành phải viết yyyy-mm-dd",
                    f"basis '{entry}': the date of issue must be yyyy-mm-dd",
                ) from None
        found.append(project.documents.resolve(symbol, issued))
    return found


def _law_documents(project: Project, report: law.Report, on: dt.date) -> list[Document]:
    """The register's documents that the rules in force on the date rest on."""
    parameters = law.load_parameters()
    found = []
    for line in report.coverage:
        if line.status != Coverage.IN_FORCE or not line.checked:
            continue
        for citation in line.rule.citations(parameters, on):
            if citation.issued_on is None:
                continue
            key = DocumentKey(citation.instrument, citation.issued_on)
            document = _document(project, key)
            if document is not None:
                found.append(document)
    return found


def _bases(documents: Iterable[Document]) -> tuple[str, ...]:
    unique = {d.key: d for d in documents}
    ordered = sorted(
        unique.values(), key=lambda d: (document_kind_order(d.kind), d.issued_on, d.symbol.text)
    )
    return tuple(f"Căn cứ {cite_with_title(d)};" for d in ordered)


def _metric_rows(before: Metrics, after: Metrics) -> list[tuple[Cell, ...]]:
    def row(label: str, b: int, a: int) -> tuple[Cell, ...]:
        return (label, b, a, a - b)

    psu_b = before.leaders_by_level[UnitClass.PUBLIC_SERVICE_UNIT.value]
    psu_a = after.leaders_by_level[UnitClass.PUBLIC_SERVICE_UNIT.value]
    rows = [
        row("Phòng chuyên môn và tương đương", before.departments, after.departments),
        row(
            "Lãnh đạo cấp phòng và tương đương",
            before.department_leaders,
            after.department_leaders,
        ),
        row("- Cấp trưởng", before.department_heads, after.department_heads),
        row("- Cấp phó", before.department_deputies, after.department_deputies),
        row("Đơn vị sự nghiệp công lập", before.public_service_units, after.public_service_units),
        row(
            "Lãnh đạo đơn vị sự nghiệp công lập",
            psu_b["heads"] + psu_b["deputies"],
            psu_a["heads"] + psu_a["deputies"],
        ),
        row("Tổng số người làm việc", before.staff, after.staff),
    ]
    for category in Category:
        b = before.staff_by_category[category.value]
        a = after.staff_by_category[category.value]
        if b or a:
            rows.append(row(f"- {category.vi.capitalize()}", b, a))
    totals_b, totals_a = before.quota_totals(), after.quota_totals()
    for category in Category:
        qb = totals_b.get(category.value)
        qa = totals_a.get(category.value)
        if qb is None and qa is None:
            continue
        rows.append(
            (
                _QUOTA_LABEL[category],
                qb["quota"] if qb else None,
                qa["quota"] if qa else None,
                (qa["quota"] if qa else 0) - (qb["quota"] if qb else 0),
            )
        )
    return rows


def _quota_table(before: Metrics, after: Metrics, number: int) -> Table | None:
    lines: dict[tuple[str, str], list[int | None]] = {}
    order: list[tuple[str, str]] = []
    for index, metrics in enumerate((before, after)):
        for line in metrics.quota_lines:
            key = (line.unit_name, line.category.vi)
            if key not in lines:
                lines[key] = [None, None, None, None]
                order.append(key)
            lines[key][index * 2] = line.quota
            lines[key][index * 2 + 1] = line.actual
    if not lines:
        return None
    year_b = before.on.year if before.on else ""
    year_a = after.on.year if after.on else ""
    return Table(
        title=f"Bảng {number}. Biên chế được giao và hiện có theo đơn vị",
        sheet="Biên chế",
        columns=(
            Column("Đơn vị", "text", 5.3),
            Column("Loại", "text", 2.4),
            Column(f"Được giao năm {year_b}", "int", 2.2),
            Column(f"Hiện có ngày {vn_date(before.on)}" if before.on else "Hiện có", "int", 2.2),
            Column(f"Được giao năm {year_a}", "int", 2.2),
            Column(f"Hiện có ngày {vn_date(after.on)}" if after.on else "Hiện có", "int", 2.2),
        ),
        rows=tuple((name, category, *values) for (name, category), values in lines.items()),
    )


def _org_node(entry: dict[str, Any]) -> OrgNode:
    lines = []
    if entry["head"]:
        lines.append(f"{entry['head']['title']}: {entry['head']['name']}")
    if entry["deputies"]:
        lines.append(f"{len(entry['deputies']):02d} {entry['deputies'][0]['title']}")
    lines.append(f"{two_digits(entry['staff_total'])} người")
    return OrgNode(
        name=entry["name"],
        lines=tuple(lines),
        group=entry["unit_class"],
        children=[_org_node(c) for c in entry["children"]],
    )


def _org_figure(state: State, caption: str) -> Figure | None:
    tree = unit_tree(state)
    if not tree:
        return None
    root = (
        _org_node(tree[0]) if len(tree) == 1 else OrgNode("", (), "", [_org_node(t) for t in tree])
    )
    return Figure(caption=caption, draw=functools.cache(functools.partial(org_chart, root)))


def _events(
    project: Project, plan: Plan | None, before: dt.date, after: dt.date
) -> list[tuple[Change, str]]:
    timeline = project.timeline if plan is None else plan.project(project.timeline)
    mine: set[int] | None = None
    if project.scope is not None:  # an agency inside a province's history: its own changes
        positions, _ = footprint(timeline.changes, project.scope)
        mine = {id(timeline.changes[i]) for i in positions}
    out = []
    for change, text, _ in narrate(timeline):
        if change.on > after:
            break
        if change.on > before and (mine is None or id(change) in mine):
            out.append((change, text.vi))
    return out


# Which change makes each kind of structural difference (to find its date and basis).
_DIFF_CHANGE: dict[str, type[Change]] = {
    "unit_created": CreateUnit,
    "units_merged": MergeUnits,
    "unit_split": SplitUnit,
    "unit_separated": SplitUnit,
    "unit_renamed": RenameUnit,
    "unit_moved": MoveUnit,
    "unit_dissolved": DissolveUnit,
}


def _diff_units(item: DiffItem) -> set[str]:
    ids: set[str] = set()
    for key in ("unit", "into", "units", "from"):
        value = item.data.get(key)
        if isinstance(value, str):
            ids.add(value)
        elif isinstance(value, list | tuple):
            ids.update(v for v in value if isinstance(v, str))
    return ids


def _event_of(item: DiffItem, events: list[tuple[Change, str]]) -> Change | None:
    """The last change between the dates that made this difference."""
    kind = _DIFF_CHANGE[item.kind]
    units = _diff_units(item)
    found = None
    for change, _ in events:
        same_date = item.on is None or change.on == item.on
        if isinstance(change, kind) and same_date and units & set(change.unit_ids()):
            found = change
    return found


def _structure_lines(
    items: list[DiffItem], events: list[tuple[Change, str]], project: Project, plan: Plan | None
) -> list[str]:
    lines = []
    for item in items:
        if item.kind not in _UNIT_DIFFS:
            continue
        event = _event_of(item, events)
        on = item.on or (event.on if event else None)
        when = f" từ ngày {vn_date(on)}" if on else ""
        if event is not None and event.basis is not None:
            basis = f" (theo {_cite(project, event.basis, plan)})"
        elif item.basis:
            basis = f" (theo văn bản số {item.basis})"
        elif plan is not None and plan.status is not PlanStatus.IMPLEMENTED:
            basis = f" (theo {plan_label(plan)})"
        else:
            basis = ""
        lines.append(f"- {item.text.vi}{when}{basis};")
    if lines:
        lines[-1] = lines[-1][:-1] + "."
    return lines


def _leader_paragraphs(items: list[DiffItem], state_after: State) -> list[Paragraph]:
    removed = [i for i in items if i.kind == "leader_removed"]
    added = [i for i in items if i.kind == "leader_added"]
    if not removed and not added:
        return []
    text = (
        f"Về bố trí lãnh đạo: {two_digits(len(removed))} trường hợp thôi giữ chức vụ lãnh đạo "
        f"đang giữ, {two_digits(len(added))} trường hợp được bố trí giữ chức vụ lãnh đạo"
    )
    out = [Paragraph(text + (":" if added else "."))]
    limit = 20
    shown = added[:limit]
    for n, item in enumerate(shown, start=1):
        end = "." if n == len(shown) and len(added) <= limit else ";"
        out.append(Paragraph(f"- {item.text.vi}{end}"))
    if len(added) > limit:
        out.append(Paragraph(f"- và {len(added) - limit:02d} trường hợp khác (xem Bảng thay đổi)."))
    return out


def _finding_row(n: int, finding: Finding) -> tuple[Cell, ...]:
    who = ", ".join(p for p in (finding.unit_name, finding.person_name) if p)
    citation = finding.citation
    if not finding.verified:
        citation += f" — {UNVERIFIED_VI}"
    return (
        n,
        finding.severity.vi.capitalize(),
        who,
        finding.text_vi(),
        "" if finding.actual is None else str(finding.actual),
        "" if finding.limit is None else str(finding.limit),
        citation,
    )


def build_report(
    project: Project,
    *,
    before: dt.date,
    after: dt.date,
    plan: str | None = None,
    options: ReportOptions | None = None,
    parameters: ParameterSet | None = None,
) -> ReportData:
    """The content of the before/after report of a project between two dates.

    ``plan`` (an id) makes "after" the state the plan would give. Raises ``InvalidValue``
    for dates in the wrong order or a malformed option, ``PlanError`` for an unknown plan and
    ``ChangeRefused`` for a plan that cannot apply.
    """
    options = options or ReportOptions()
    if after < before:
        raise InvalidValue(
            f"ngày sau ({vn_date(after)}) phải sau ngày trước ({vn_date(before)})",
            f"the after date ({after.isoformat()}) must not precede the before date "
            f"({before.isoformat()})",
        )
    agency = project.agency
    chosen = project.plan(plan) if plan is not None else None
    planned = chosen is not None and chosen.status is not PlanStatus.IMPLEMENTED
    state_before = project.state_on(before)
    state_after = project.state_on(after, plan=plan)
    m_before, m_after = metrics_of(state_before), metrics_of(state_after)
    checked = law.check(state_after, on=after, agency=agency, parameters=parameters)
    events = _events(project, chosen, before, after)
    diff = diff_states(state_before, state_after)

    # Header.
    superior = agency.superior if options.superior is None else options.superior
    place = options.place or agency.place or agency.province or "……"
    issued_on = None if options.blank_date else (options.issued_on or after)
    year = (options.issued_on or after).year
    subject = options.subject
    if not subject:
        if planned and chosen is not None:
            subject = (
                "Dự kiến kết quả sắp xếp, kiện toàn tổ chức bộ máy, biên chế của "
                f"{agency.name} theo {chosen.title}"
            )
        else:
            subject = (
                f"Kết quả sắp xếp, kiện toàn tổ chức bộ máy, biên chế của {agency.name} "
                f"từ ngày {vn_date(before)} đến ngày {vn_date(after)}"
            )

    # Legal bases.
    documents: list[Document] = []
    for change, _ in events:
        if change.basis is not None and isinstance(change, _STRUCTURAL):
            document = _document(project, change.basis)
            if document is not None:
                documents.append(document)
    if chosen is not None and chosen.decision is not None:
        document = _document(project, chosen.decision)
        if document is not None:
            documents.append(document)
    documents.extend(_law_documents(project, checked, after))
    documents.extend(_option_documents(project, options.bases))
    bases = _bases(documents)

    # Body.
    body: list[Block] = []
    span = f"từ ngày {vn_date(before)} đến ngày {vn_date(after)}"
    if planned and chosen is not None:
        intro = (
            f"{agency.name} báo cáo kết quả dự kiến khi thực hiện {plan_label(chosen)}, so sánh cơ cấu tổ chức tại ngày {vn_date(before)} với cơ "
            f"cấu dự kiến tại ngày {vn_date(after)}, như sau:"
        )
    else:
        intro = (
            f"{agency.name} báo cáo kết quả sắp xếp, kiện toàn tổ chức bộ máy, biên chế {span} "
            "như sau:"
        )
    body.append(Paragraph(intro))
    body.append(Heading("I. KẾT QUẢ SẮP XẾP TỔ CHỨC BỘ MÁY, BIÊN CHẾ"))
    body.append(Heading("1. Tổ chức bộ máy và biên chế trước và sau sắp xếp", 2))
    headline = {
        "departments": (m_before.departments, m_after.departments),
        "department_leaders": (m_before.department_leaders, m_after.department_leaders),
        "public_service_units": (m_before.public_service_units, m_after.public_service_units),
        "staff": (m_before.staff, m_after.staff),
    }
    sentences = headline_sentences(
        {k: v[0] for k, v in headline.items()},
        {k: v[1] for k, v in headline.items()},
        planned=planned,
    )
    body.append(
        Paragraph(
            f"Tại ngày {vn_date(before)}, {agency.name} có {two_digits(m_before.departments)} phòng chuyên môn và "
            f"tương đương, {two_digits(m_before.department_leaders)} lãnh đạo cấp phòng và "
            f"{two_digits(m_before.public_service_units)} đơn vị sự nghiệp công lập trực thuộc. "
            + " ".join(sentences)
        )
    )
    table_no = 0
    table_no += 1
    before_head = f"Ngày {vn_date(before)}"
    after_head = f"Ngày {vn_date(after)}" + (" (dự kiến)" if planned else "")
    body.append(
        Table(
            title=f"Bảng {table_no}. Tổ chức bộ máy, biên chế trước và sau sắp xếp",
            sheet="Trước và sau",
            columns=(
                Column("Chỉ tiêu", "text", 8.1),
                Column(before_head, "int", 2.8),
                Column(after_head, "int", 2.8),
                Column("Tăng (+), giảm (-)", "delta", 2.8),
            ),
            rows=tuple(_metric_rows(m_before, m_after)),
        )
    )
    quota = _quota_table(m_before, m_after, table_no + 1)
    if quota is not None:
        table_no += 1
        body.append(quota)
    figure_no = 1
    body.append(
        Figure(
            caption=(
                f"Hình {figure_no}. Phòng, lãnh đạo cấp phòng, đơn vị sự nghiệp công lập và "
                f"người làm việc: ngày {vn_date(before)} và ngày {vn_date(after)}"
            ),
            # Drawn once, however many formats are written from the same data.
            draw=functools.cache(
                functools.partial(
                    before_after_chart,
                    (
                        BarPanel("Phòng chuyên môn và tương đương", *headline["departments"]),
                        BarPanel(
                            "Lãnh đạo cấp phòng và tương đương", *headline["department_leaders"]
                        ),
                        BarPanel("Đơn vị sự nghiệp công lập", *headline["public_service_units"]),
                        BarPanel("Tổng số người làm việc", *headline["staff"]),
                    ),
                    vn_date(before),
                    vn_date(after),
                )
            ),
        )
    )

    body.append(Heading("2. Các thay đổi và căn cứ pháp lý", 2))
    structure = _structure_lines(diff, events, project, chosen)
    if structure:
        body.append(Paragraph("Về tổ chức bộ máy:"))
        body.extend(Paragraph(line) for line in structure)
    else:
        body.append(Paragraph(f"Không có thay đổi về đơn vị trực thuộc {span}."))
    body.extend(_leader_paragraphs(diff, state_after))
    if events:
        table_no += 1
        body.append(
            Paragraph(
                f"Các thay đổi {span} và văn bản quyết định từng thay đổi được liệt kê tại "
                f"Bảng {table_no}."
            )
        )
        body.append(
            Table(
                title=f"Bảng {table_no}. Các thay đổi và căn cứ pháp lý",
                sheet="Thay đổi",
                columns=(
                    Column("STT", "int", 1.2),
                    Column("Ngày hiệu lực", "date", 2.4),
                    Column("Nội dung thay đổi", "text", 8.1),
                    Column("Căn cứ", "text", 4.8),
                ),
                rows=tuple(
                    (n, change.on, text, _cite(project, change.basis, chosen))
                    for n, (change, text) in enumerate(events, start=1)
                ),
            )
        )
    figure_no += 1
    chart = _org_figure(
        state_after,
        f"Hình {figure_no}. Sơ đồ tổ chức của {agency.name} tại ngày {vn_date(after)}"
        + (" (dự kiến)" if planned else ""),
    )
    if chart is not None:
        body.append(chart)

    body.append(Heading("II. KIỂM TRA THEO QUY ĐỊNH"))
    summary = checked.summary()
    body.append(
        Paragraph(
            f"Kiểm tra cơ cấu tổ chức tại ngày {vn_date(after)} theo các quy định đã được mã "
            f"hóa: {two_digits(summary['violation'])} vi phạm, "
            f"{two_digits(summary['warning'])} cảnh báo, {two_digits(summary['info'])} lưu ý."
        )
    )
    findings = checked.findings
    if findings:
        if not all(f.verified for f in findings):
            body.append(
                Paragraph(
                    f"Nội dung có ghi “{UNVERIFIED_VI}” dựa trên số liệu pháp lý chưa được đối "
                    "chiếu với văn bản gốc; cần kiểm tra lại trước khi sử dụng.",
                    italic=True,
                )
            )
        table_no += 1
        body.append(
            Table(
                title=f"Bảng {table_no}. Kết quả kiểm tra theo quy định tại ngày {vn_date(after)}",
                sheet="Kiểm tra",
                columns=(
                    Column("STT", "int", 1.2),
                    Column("Mức độ", "text", 1.6),
                    Column("Đơn vị, cá nhân", "text", 2.6),
                    Column("Nội dung", "text", 4.7),
                    Column("Thực tế", "text", 1.6),
                    Column("Giới hạn", "text", 1.5),
                    Column("Căn cứ", "text", 3.3),
                ),
                rows=tuple(_finding_row(n, f) for n, f in enumerate(findings, start=1)),
            )
        )
    else:
        body.append(Paragraph("Không có trường hợp nào vi phạm, cần cảnh báo hoặc lưu ý."))

    cited = {d.key: d for d in documents}
    for change, _ in events:
        if change.basis is not None and change.basis not in cited:
            document = _document(project, change.basis)
            if document is not None:
                cited[document.key] = document
    if cited:
        body.append(
            Table(
                title="Văn bản được viện dẫn",
                sheet="Văn bản",
                columns=(
                    Column("Số, ký hiệu", "text", 3.0),
                    Column("Loại văn bản", "text", 2.5),
                    Column("Ngày ban hành", "date", 2.5),
                    Column("Cơ quan ban hành", "text", 4.0),
                    Column("Trích yếu", "text", 8.0),
                    Column("Minh họa", "text", 1.5),
                ),
                rows=tuple(
                    (
                        d.symbol.text,
                        d.kind.vi,
                        d.issued_on,
                        d.issuer,
                        " ".join(d.title.split()),
                        "có" if d.illustrative else "",
                    )
                    for d in sorted(
                        cited.values(), key=lambda d: (document_kind_order(d.kind), d.issued_on)
                    )
                ),
                annex_only=True,
            )
        )
    if agency.illustrative or any(d.illustrative for d in cited.values()):
        body.append(
            Paragraph(
                "Ghi chú: báo cáo dựng từ dữ liệu minh họa; tên đơn vị, họ tên và các văn bản "
                "đánh dấu minh họa không phải dữ liệu thật.",
                italic=True,
            )
        )

    if planned and chosen is not None:
        closing = (
            f"Trên đây là báo cáo kết quả dự kiến khi thực hiện {chosen.title} của {agency.name}./."
        )
    else:
        closing = (
            "Trên đây là báo cáo kết quả sắp xếp, kiện toàn tổ chức bộ máy, biên chế của "
            f"{agency.name} {span}./."
        )

    recipients = options.recipients or ((superior,) if superior else ())
    number = number_line(options.number, agency.short_name)
    info = Table(
        title="Thông tin báo cáo",
        sheet="Thông tin",
        columns=(Column("Nội dung", "text", 5.0), Column("Giá trị", "text", 11.0)),
        rows=(
            ("Cơ quan báo cáo", agency.name),
            ("Cơ quan cấp trên", superior or ""),
            ("Số, ký hiệu", number.removeprefix("Số:").strip()),
            ("Ngày báo cáo", issued_on),
            ("Trích yếu", subject),
            ("Từ ngày", before),
            ("Đến ngày", after),
            ("Đề án", plan_label(chosen) if chosen else ""),
        ),
    )
    return ReportData(
        superior=superior.upper(),
        agency=agency.name.upper(),
        number_line=number,
        national_title=decree30.NATIONAL_TITLE,
        motto=decree30.MOTTO,
        date_line=date_line(place, issued_on, year=year),
        document_type=decree30.DOCUMENT_TYPE,
        subject=subject,
        bases=bases,
        body=tuple(body),
        closing=closing,
        recipients=_recipient_lines(recipients, options.archive),
        signature=_signature(options, project, state_after),
        agency_name=agency.name,
        before=before,
        after=after,
        issued_on=issued_on,
        plan_id=plan,
        plan_title=chosen.title if chosen else None,
        metrics_before=m_before,
        metrics_after=m_after,
        findings=checked,
        info=info,
    )
