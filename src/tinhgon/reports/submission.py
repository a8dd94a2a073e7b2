"""The submission (tờ trình) of a plan's đề án to the approving authority."""

from __future__ import annotations

from tinhgon.domain import Project
from tinhgon.law import ParameterSet
from tinhgon.reports.citations import with_subject
from tinhgon.reports.common import agency_signature, recipient_lines
from tinhgon.reports.model import Block, Heading, Paragraph, ReportData, ReportOptions
from tinhgon.reports.papers import legal_documents, paper, party_documents, plan_papers
from tinhgon.reports.plan_content import (
    change_sentences,
    present_sentence,
    result_sentences,
    rules_met,
    rules_unmet,
)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def build_submission(
    project: Project,
    plan: str,
    *,
    options: ReportOptions | None = None,
    parameters: ParameterSet | None = None,
) -> ReportData:
    """The tờ trình asking the approving authority to approve the plan's đề án."""
    options = options or ReportOptions()
    papers = plan_papers(project, plan, options, parameters)
    agency = project.agency
    title = papers.title
    for document in (*party_documents(papers), *legal_documents(papers)):
        papers.cite.mark(document.symbol.text)
    body: list[Block] = []
    grounds = [with_subject(d) for d in party_documents(papers)]
    grounds += [with_subject(d) for d in legal_documents(papers)]
    opening = (f"Căn cứ {'; '.join(grounds)}, " if grounds else "") + (
        f"{agency.name} kính trình {papers.approver} xem xét, phê duyệt {title} như sau:"
    )
    body.append(Paragraph(opening))

    body.append(Heading("I. SỰ CẦN THIẾT"))
    if papers.plan.description.strip():
        body.append(Paragraph(" ".join(papers.plan.description.split())))
    body.append(Paragraph(present_sentence(papers)))

    body.append(Heading("II. NỘI DUNG CHỦ YẾU CỦA ĐỀ ÁN"))
    body.append(Heading("1. Phương án sắp xếp", 2))
    changes = change_sentences(papers)
    for n, (on, text) in enumerate(changes, start=1):
        end = "." if n == len(changes) else ";"
        body.append(Paragraph(f"- {text} từ ngày {on}{end}"))
    body.append(Heading("2. Kết quả sau sắp xếp", 2))
    body.append(Paragraph(" ".join(result_sentences(papers))))
    body.append(Heading("3. Sự phù hợp với quy định", 2))
    met = rules_met(papers)
    if met:
        body.append(Paragraph("Phương án sắp xếp bảo đảm các quy định sau:"))
        body.extend(Paragraph(line) for line in met)
    unmet = rules_unmet(papers)
    if unmet:
        body.append(Paragraph("Những nội dung chưa bảo đảm, cần tiếp tục xử lý:"))
        body.extend(Paragraph(line) for line in unmet)
    if not met and not unmet:
        body.append(Paragraph("Phương án sắp xếp không trái với các quy định đã được rà soát."))

    body.append(Heading("III. ĐỀ NGHỊ"))
    body.append(
        Paragraph(
            f"{agency.name} kính trình {papers.approver} xem xét, phê duyệt {title} và ban hành "
            "Quyết định sắp xếp, kiện toàn tổ chức bộ máy (kèm theo Đề án và dự thảo Quyết "
            "định)."
        )
    )
    recipients = options.recipients or ("Như trên",)
    return paper(
        papers,
        options,
        kind="tờ trình",
        document_type="TỜ TRÌNH",
        code="TTr",
        subject=f"Về việc đề nghị phê duyệt {_lower_first(title)}",
        body=body,
        closing=f"Kính trình {papers.approver} xem xét, quyết định./.",
        recipients=recipient_lines(recipients, options.archive),
        signature=agency_signature(options, project, papers.before),
        superior=agency.superior if options.superior is None else options.superior,
        agency_line=agency.name,
        short_name=agency.short_name,
        addressee=papers.approver,
    )
