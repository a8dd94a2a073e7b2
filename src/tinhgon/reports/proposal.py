"""The đề án (restructuring proposal) of a plan.

Phần I: the need for it and its legal basis (the rules the plan satisfies and those it does
not, in plain words); Phần II: the present structure, leaders and staff; Phần III: the
proposed structure (org chart), the functions of the new units, the staff placement, and the
surplus staff with their options and allowances (``surplus_section``, from the planning
features), the headcount forecast against the targets (``forecast_section``); Phần IV: the implementation timetable; the annexes (the Excel file).
"""

from __future__ import annotations

import datetime as dt

from tinhgon.domain import Project
from tinhgon.domain.changes import CreateUnit, MergeUnits, SplitUnit
from tinhgon.law import ParameterSet
from tinhgon.reports.citations import with_subject
from tinhgon.reports.common import agency_signature, recipient_lines
from tinhgon.reports.forecast_section import forecast_blocks, safe_forecast
from tinhgon.reports.model import (
    Block,
    Column,
    Heading,
    Paragraph,
    ReportData,
    ReportOptions,
    Table,
)
from tinhgon.reports.papers import PlanPapers, legal_documents, paper, party_documents, plan_papers
from tinhgon.reports.plan_content import (
    change_sentences,
    placement_table,
    present_sentence,
    result_sentences,
    rules_met,
    rules_unmet,
    timetable,
)
from tinhgon.reports.report_tables import metric_rows, org_figure
from tinhgon.reports.surplus_section import surplus_section
from tinhgon.reports.wording import vn_date


def proposal_forecast(
    papers: PlanPapers, figure_no: int, parameters: ParameterSet | None
) -> tuple[list[Block], list[str]]:
    """The headcount forecast with the plan (an implemented plan is in the history already)."""
    planned = papers.planned
    start = papers.first_on - dt.timedelta(days=1)
    forecast, why = safe_forecast(
        papers.project,
        start=start,
        plans=(papers.plan.id,) if planned else (),
        parameters=parameters,
    )
    if forecast is None:
        return (
            [Paragraph("Dự báo biên chế được lập thành phụ lục kèm theo Đề án.")],
            [f"Chưa lập được dự báo biên chế: {why}."],
        )
    return forecast_blocks(
        forecast,
        papers.cite,
        agency=papers.agency_name,
        figure_no=figure_no,
        with_plan=planned,
    )


def _functions(papers: PlanPapers) -> list[str]:
    lines = []
    for change in papers.plan.changes:
        new_units = []
        if isinstance(change, CreateUnit):
            new_units = [change.unit]
        elif isinstance(change, MergeUnits) and change.new_unit is not None:
            new_units = [change.new_unit]
        elif isinstance(change, SplitUnit):
            new_units = list(change.new_units)
        for unit in new_units:
            if unit.fields:
                lines.append(f"- {unit.name}: tham mưu, giúp việc về {', '.join(unit.fields)};")
    if lines:
        lines[-1] = lines[-1][:-1] + "."
    return lines


def build_proposal(
    project: Project,
    plan: str,
    *,
    options: ReportOptions | None = None,
    parameters: ParameterSet | None = None,
) -> ReportData:
    """The đề án of a plan (Decree 30/2020 form)."""
    options = options or ReportOptions()
    papers = plan_papers(project, plan, options, parameters)
    agency = project.agency
    title = papers.title
    subject = title.removeprefix("Đề án ").strip()
    subject = subject[:1].upper() + subject[1:]
    notes: list[str] = []
    body: list[Block] = []

    body.append(Heading("Phần I. SỰ CẦN THIẾT VÀ CĂN CỨ PHÁP LÝ"))
    body.append(Heading("1. Sự cần thiết", 2))
    if papers.plan.description.strip():
        body.append(Paragraph(" ".join(papers.plan.description.split())))
    else:
        notes.append("Đề án chưa có phần mô tả sự cần thiết: người soạn thảo bổ sung.")
    body.append(Heading("2. Căn cứ pháp lý", 2))
    documents = [*party_documents(papers), *legal_documents(papers)]
    for n, document in enumerate(documents, start=1):
        end = "." if n == len(documents) else ";"
        papers.cite.mark(document.symbol.text)
        body.append(Paragraph(f"- {with_subject(document)}{end}"))
    met, unmet = rules_met(papers), rules_unmet(papers)
    if met or unmet:
        body.append(Heading("3. Sự phù hợp với quy định", 2))
    if met:
        body.append(Paragraph("Phương án sắp xếp bảo đảm các quy định sau:"))
        body.extend(Paragraph(line) for line in met)
    if unmet:
        body.append(Paragraph("Những nội dung chưa bảo đảm theo quy định, cần tiếp tục xử lý:"))
        body.extend(Paragraph(line) for line in unmet)

    body.append(Heading("Phần II. THỰC TRẠNG TỔ CHỨC BỘ MÁY, BIÊN CHẾ"))
    body.append(Paragraph(present_sentence(papers)))
    body.append(Heading("Phần III. PHƯƠNG ÁN SẮP XẾP"))
    body.append(Heading("1. Cơ cấu tổ chức sau sắp xếp", 2))
    changes = change_sentences(papers)
    for n, (on, text) in enumerate(changes, start=1):
        end = "." if n == len(changes) else ";"
        body.append(Paragraph(f"- {text} từ ngày {on}{end}"))
    body.append(Paragraph(" ".join(result_sentences(papers))))
    table_no = 1
    body.append(
        Table(
            title=f"Bảng {table_no}. Tổ chức bộ máy, biên chế trước và sau sắp xếp",
            sheet="Trước và sau",
            columns=(
                Column("Chỉ tiêu", "text", 8.1),
                Column("Hiện nay", "int", 2.8),
                Column("Sau sắp xếp", "int", 2.8),
                Column("Tăng (+), giảm (-)", "delta", 2.8),
            ),
            rows=tuple(metric_rows(papers.metrics_before, papers.metrics_after)),
            unit="phòng, đơn vị, người",
        )
    )
    chart = org_figure(
        papers.after,
        f"Hình 1. Sơ đồ tổ chức của {agency.name} sau sắp xếp (từ ngày {vn_date(papers.last_on)})",
    )
    if chart is not None:
        body.append(chart)
    functions = _functions(papers)
    if functions:
        body.append(Heading("2. Chức năng, nhiệm vụ của đơn vị sau sắp xếp", 2))
        body.extend(Paragraph(line) for line in functions)
    n = 3 if functions else 2
    body.append(Heading(f"{n}. Phương án bố trí nhân sự", 2))
    placement = placement_table(papers, table_no + 1)
    if placement is not None:
        table_no += 1
        body.append(Paragraph(f"Phương án bố trí nhân sự tại Bảng {table_no}."))
        body.append(placement)
    else:
        body.append(Paragraph("Giữ nguyên việc bố trí nhân sự hiện nay."))
    body.append(Heading(f"{n + 1}. Số người dôi dư và phương án giải quyết", 2))
    blocks, surplus_notes, tabled = surplus_section(papers, table_no + 1, parameters)
    table_no += 1 if tabled else 0
    body.extend(blocks)
    notes.extend(surplus_notes)
    body.append(Heading(f"{n + 2}. Dự báo biên chế và chỉ tiêu tinh giản", 2))
    blocks, forecast_notes = proposal_forecast(papers, 1 if chart is None else 2, parameters)
    body.extend(blocks)
    notes.extend(forecast_notes)

    body.append(Heading("Phần IV. TỔ CHỨC THỰC HIỆN"))
    table_no += 1
    body.append(timetable(papers, table_no))
    body.append(
        Paragraph(
            f"{agency.name} chịu trách nhiệm tổ chức thực hiện Đề án sau khi được {papers.approver} "
            "phê duyệt; định kỳ báo cáo kết quả thực hiện."
        )
    )
    recipients = options.recipients or (papers.approver,)
    return paper(
        papers,
        options,
        kind="đề án",
        document_type="ĐỀ ÁN",
        code="ĐA",
        subject=subject,
        body=body,
        closing="",
        recipients=recipient_lines(recipients, options.archive),
        signature=agency_signature(options, project, papers.before),
        superior=agency.superior if options.superior is None else options.superior,
        agency_line=agency.name,
        short_name=agency.short_name,
        notes=notes,
    )
