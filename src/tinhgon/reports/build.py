"""From a project and two dates to a report's content (``ReportData``).

The report is structured as agencies write their reports on carrying out Resolution 18-NQ/TW:
it opens with "Thực hiện …"; I. how the work was directed; II. the results (structure, leaders,
staff and quotas, with tables); III. an assessment (strengths; shortcomings — what the legal
check still finds, in plain words — and their causes); IV. directions; V. proposals. What only
a person can write comes from ``ReportTexts`` (a default sentence where none is given). What
tinhgon is unsure of goes to ``ReportData.drafter_notes``, never into the signed text.
"""

from __future__ import annotations

import datetime as dt

from tinhgon import law
from tinhgon.domain import (
    Document,
    DocumentKind,
    InvalidValue,
    PlanStatus,
    Project,
    diff_states,
    metrics_of,
)
from tinhgon.law import ParameterSet
from tinhgon.reports import decree30
from tinhgon.reports.assessment import (
    blank_notes,
    check_notes,
    signed,
)
from tinhgon.reports.citations import with_subject
from tinhgon.reports.common import (
    agency_signature,
    citer,
    document_of,
    option_documents,
    ordered,
    plan_label,
    recipient_lines,
)
from tinhgon.reports.forecast_section import report_forecast
from tinhgon.reports.model import (
    Block,
    Column,
    Heading,
    Paragraph,
    ReportData,
    ReportOptions,
    Table,
)
from tinhgon.reports.report_changes import (
    cite_basis,
    events_between,
    leader_paragraphs,
    staff_movements,
    structure_lines,
)
from tinhgon.reports.report_sections import assessment_sections
from tinhgon.reports.report_tables import (
    before_after_figure,
    documents_table,
    headline_counts,
    metric_rows,
    org_figure,
    quota_table,
)
from tinhgon.reports.texts import ReportTexts
from tinhgon.reports.wording import (
    date_line,
    headline_sentences,
    number_line,
    two_digits,
    vn_date,
)

# What a report says it carries out ("Thực hiện …"): the Party's and the government's
# resolutions, conclusions, directives, programmes and plans of the register.
_CARRIED_OUT = (
    DocumentKind.RESOLUTION,
    DocumentKind.CONCLUSION,
    DocumentKind.DIRECTIVE,
    DocumentKind.PROGRAMME,
    DocumentKind.PLAN,
)


def _lines(paragraphs: list[str]) -> list[Block]:
    return [Paragraph(p) for p in paragraphs]


def _subject(options: ReportOptions, agency_name: str, plan_title: str | None, span: str) -> str:
    if options.subject:
        return options.subject
    if plan_title:
        return (
            "Dự kiến kết quả sắp xếp, kiện toàn tổ chức bộ máy, biên chế của "
            f"{agency_name} theo {plan_title}"
        )
    return f"Kết quả sắp xếp, kiện toàn tổ chức bộ máy, biên chế của {agency_name} {span}"


def build_report(
    project: Project,
    *,
    before: dt.date,
    after: dt.date,
    plan: str | None = None,
    options: ReportOptions | None = None,
    parameters: ParameterSet | None = None,
    texts: ReportTexts | None = None,
) -> ReportData:
    """The content of the report of a project between two dates.

    ``plan`` (an id) makes "after" the state the plan would give. Raises ``InvalidValue``
    for dates in the wrong order or a malformed option, ``PlanError`` for an unknown plan and
    ``ChangeRefused`` for a plan that cannot apply.
    """
    options = options or ReportOptions()
    texts = texts or ReportTexts()
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
    checked = signed(
        law.check_project(project, on=after, plan=plan, state=state_after, parameters=parameters)
    )
    events = events_between(project, chosen, before, after)
    diff = diff_states(state_before, state_after)
    superior = agency.superior if options.superior is None else options.superior
    place = options.place or agency.place or agency.province or "……"
    issued_on = None if options.blank_date else (options.issued_on or after)
    dated = options.issued_on or after  # nothing issued after this is cited
    cite = citer(project, dated)
    span = f"từ ngày {vn_date(before)} đến ngày {vn_date(after)}"
    subject = _subject(options, agency.name, chosen.title if planned and chosen else None, span)

    # Opening: "Thực hiện …" (the resolutions, programmes and plans; the superior's request).
    carried: list[Document] = [
        d for d in project.documents if d.kind in _CARRIED_OUT and d.issued_on <= after
    ]
    carried.extend(option_documents(project, options.bases))
    opening_docs = ordered(carried, dated)
    for document in opening_docs:
        cite.mark(document.symbol.text)
    items = [with_subject(d) for d in opening_docs]
    items.extend(texts.paragraphs("request"))
    what = "dự kiến kết quả" if planned else "kết quả"
    lead = f"Thực hiện {'; '.join(items)}, " if items else ""
    opening = (
        f"{lead}{agency.name} báo cáo {what} sắp xếp, kiện toàn tổ chức bộ máy, biên chế"
        + (f" theo {plan_label(chosen)}" if planned and chosen else f" {span}")
        + " như sau:"
    )
    body: list[Block] = [Paragraph(opening[:1].upper() + opening[1:])]

    # I. How the work was directed.
    body.append(Heading("I. TÌNH HÌNH TRIỂN KHAI THỰC HIỆN"))
    decided = []
    for item in project.plans.values():
        approval = document_of(project, item.decision)
        if approval is not None and before <= approval.issued_on <= after:
            decided.append((approval.issued_on, item.title, cite.document(approval)))
    if planned and chosen is not None:
        body.append(
            Paragraph(
                f"{agency.name} đã quán triệt, triển khai thực hiện các văn bản nêu trên và xây "
                f"dựng {plan_label(chosen)}."
            )
        )
    elif decided:
        body.append(
            Paragraph(
                f"{agency.name} đã quán triệt, triển khai thực hiện các văn bản nêu trên; xây "
                f"dựng, trình cấp có thẩm quyền phê duyệt {two_digits(len(decided))} đề án:"
            )
        )
        for n, (_, title, decision) in enumerate(sorted(decided), start=1):
            end = "." if n == len(decided) else ";"
            body.append(Paragraph(f"- {title}, được phê duyệt tại {decision}{end}"))
    else:
        body.append(
            Paragraph(
                f"{agency.name} đã quán triệt, triển khai thực hiện các văn bản nêu trên đến "
                "toàn thể cán bộ, công chức, viên chức và người lao động."
            )
        )
    body.extend(_lines(list(texts.paragraphs("direction"))))

    # II. Results.
    body.append(Heading(f"II. KẾT QUẢ {'DỰ KIẾN ' if planned else ''}THỰC HIỆN"))
    counts = headline_counts(m_before, m_after)
    sentences = headline_sentences(
        {k: v[0] for k, v in counts.items()}, {k: v[1] for k, v in counts.items()}, planned=planned
    )
    body.append(Heading("1. Về sắp xếp tổ chức bộ máy", 2))
    body.append(
        Paragraph(
            f"Tại ngày {vn_date(before)}, {agency.name} có {two_digits(m_before.departments)} "
            f"phòng chuyên môn và tương đương, {two_digits(m_before.public_service_units)} đơn "
            f"vị sự nghiệp công lập trực thuộc. {sentences[0]} {sentences[2]}"
        )
    )
    structure = structure_lines(diff, events, project, chosen, cite)
    if not structure:
        body.append(Paragraph(f"Không có thay đổi về đơn vị trực thuộc {span}."))
    else:
        body.append(Paragraph(f"Cụ thể{' (dự kiến)' if planned else ''} như sau:"))
        body.extend(Paragraph(line) for line in structure)
    table_no = 1
    before_head = f"Ngày {vn_date(before)}"
    after_head = f"Ngày {vn_date(after)}" + (" (dự kiến)" if planned else "")
    body.append(
        Table(
            title=f"Bảng {table_no}. Tổ chức bộ máy, biên chế trước và sau sắp xếp",
            sheet="Trước và sau",
            unit="phòng, đơn vị, người",
            columns=(
                Column("Chỉ tiêu", "text", 8.1),
                Column(before_head, "int", 2.8),
                Column(after_head, "int", 2.8),
                Column("Tăng (+), giảm (-)", "delta", 2.8),
            ),
            rows=tuple(metric_rows(m_before, m_after)),
        )
    )
    chart = org_figure(
        state_after,
        f"Hình 1. Sơ đồ tổ chức của {agency.name} tại ngày {vn_date(after)}"
        + (" (dự kiến)" if planned else ""),
    )
    if chart is not None:
        body.append(chart)
    body.append(Heading("2. Về bố trí lãnh đạo", 2))
    body.append(Paragraph(sentences[1]))
    body.extend(leader_paragraphs(diff, state_after))
    body.append(Heading("3. Về biên chế và tinh giản biên chế", 2))
    body.append(Paragraph(" ".join((sentences[3], *staff_movements(events, span)))))
    quota = quota_table(m_before, m_after, table_no + 1)
    if quota is not None:
        table_no += 1
        body.append(quota)
    body.append(
        before_after_figure(
            f"Hình {2 if chart is not None else 1}. Phòng, lãnh đạo cấp phòng, đơn vị sự nghiệp "
            f"công lập và người làm việc: ngày {vn_date(before)} và ngày {vn_date(after)}",
            counts,
            vn_date(before),
            vn_date(after),
        )
    )
    if events:
        body.append(
            Paragraph(
                f"Các thay đổi {span} và văn bản quyết định từng thay đổi được tổng hợp tại Phụ "
                "lục kèm theo."
            )
        )
        body.append(
            Table(
                title="Các thay đổi về tổ chức bộ máy, nhân sự và căn cứ",
                sheet="Thay đổi",
                columns=(
                    Column("STT", "int", 1.2),
                    Column("Ngày hiệu lực", "date", 2.4),
                    Column("Nội dung thay đổi", "text", 8.1),
                    Column("Căn cứ", "text", 4.8),
                ),
                rows=tuple(
                    (n, change.on, text, cite_basis(project, cite, change.basis, chosen))
                    for n, (change, text) in enumerate(events, start=1)
                ),
                annex_only=True,
            )
        )

    outlook, outlook_notes = report_forecast(
        project,
        after=after,
        plan=plan if planned else None,
        cite=cite,
        figure_no=3 if chart is not None else 2,
        parameters=parameters,
    )
    body.extend(
        assessment_sections(
            outlook=outlook,
            agency_name=agency.name,
            superior=superior,
            after=after,
            planned=planned,
            counts=counts,
            checked=checked,
            cite=cite,
            texts=texts,
        )
    )

    cited = {d.key: d for d in opening_docs}
    for change, _ in events:
        basis = document_of(project, change.basis)
        if basis is not None:
            cited[basis.key] = basis
    body.append(documents_table(cited.values()))

    notes = blank_notes(not options.number, options.blank_date, issued_on)
    notes.extend(check_notes(checked, dated))
    notes.extend(outlook_notes)
    for name, label in (
        ("causes", "Nguyên nhân"),
        ("directions", "Phương hướng, nhiệm vụ"),
        ("proposals", "Đề xuất, kiến nghị"),
    ):
        if not texts.paragraphs(name):
            notes.append(f"Mục “{label}” đang dùng câu mặc định: người soạn thảo bổ sung.")
    if agency.illustrative or any(d.illustrative for d in cited.values()):
        notes.append(
            "Báo cáo dựng từ dữ liệu minh họa (tên đơn vị, họ tên, các văn bản đánh dấu minh "
            "họa): không dùng để ban hành."
        )

    closing = (
        f"Trên đây là báo cáo {what} sắp xếp, kiện toàn tổ chức bộ máy, biên chế của "
        f"{agency.name}" + (f" theo {chosen.title}" if planned and chosen else f" {span}") + "./."
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
        date_line=date_line(place, issued_on, year=dated.year),
        document_type=decree30.DOCUMENT_TYPE,
        subject=subject,
        bases=(),
        body=tuple(body),
        closing=closing,
        recipients=recipient_lines(recipients, options.archive),
        signature=agency_signature(options, project, state_after),
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
        drafter_notes=tuple(notes),
    )
