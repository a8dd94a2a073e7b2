"""The draft decision (quyết định) that does what a plan proposes.

"Căn cứ …" lines (the laws, decrees and circulars of the register in force on the date), "Theo
đề nghị của … tại Tờ trình số …", then "QUYẾT ĐỊNH:" and one article per change of the plan in
a drafter's words (``articles``), an article on the functions of the reorganised units, the
effective date, and the last article on execution.
"""

from __future__ import annotations

from tinhgon.domain import Project
from tinhgon.law import ParameterSet
from tinhgon.reports.articles import plan_articles
from tinhgon.reports.assessment import shortcoming_lines
from tinhgon.reports.citations import Citer, citation_date
from tinhgon.reports.common import basis_lines, recipient_lines
from tinhgon.reports.model import Block, Heading, Paragraph, ReportData, ReportOptions
from tinhgon.reports.papers import (
    PlanPapers,
    approver_is_committee,
    approver_short,
    legal_documents,
    paper,
    plan_papers,
    signature_for_approver,
)
from tinhgon.reports.wording import BLANK


def _execution(papers: PlanPapers) -> str:
    who = []
    if approver_is_committee(papers):
        who.append(f"Chánh Văn phòng {papers.approver}")
        if "tỉnh" in papers.approver or "thành phố" in papers.approver:
            who.append("Giám đốc Sở Nội vụ")
    who.append(papers.head_post)
    who.append("Thủ trưởng các cơ quan, đơn vị và cá nhân có liên quan")
    return ", ".join(who) + " chịu trách nhiệm thi hành Quyết định này./."


def build_decision(
    project: Project,
    plan: str,
    *,
    options: ReportOptions | None = None,
    parameters: ParameterSet | None = None,
) -> ReportData:
    """The draft decision of a plan (Decree 30/2020 form)."""
    options = options or ReportOptions()
    papers = plan_papers(project, plan, options, parameters)
    agency = project.agency
    documents = legal_documents(papers)
    bases = list(basis_lines(documents, papers.dated))
    submission = f"Tờ trình số{BLANK}/TTr-{agency.short_name}"
    title = papers.title
    bases.append(
        f"Theo đề nghị của {papers.head_post} tại {submission} về việc đề nghị phê duyệt "
        f"{title[:1].lower()}{title[1:]}."
    )
    notes: list[str] = []
    if not any(d.kind.value == "law" for d in documents):
        notes.append(
            "Sổ văn bản chưa có luật quy định thẩm quyền của cơ quan ban hành (ví dụ Luật Tổ "
            "chức chính quyền địa phương): bổ sung dòng “Căn cứ …” tương ứng."
        )
    notes.append("Ghi số, ngày của Tờ trình ở dòng “Theo đề nghị của …” khi Tờ trình được ký.")
    unmet = shortcoming_lines(papers.check_after, Citer(papers.dated, {}))
    if unmet:
        notes.append(
            "Cơ cấu sau khi thực hiện Quyết định còn nội dung chưa bảo đảm quy định: "
            + " ".join(line.removeprefix("- ") for line in unmet)
        )

    body: list[Block] = [Heading("QUYẾT ĐỊNH:", 0)]
    articles = plan_articles(project, papers.plan)
    n = 0
    for article in articles:
        n += 1
        body.append(Paragraph(article.text, lead=f"Điều {n}."))
        for k, clause in enumerate(article.clauses, start=1):
            body.append(Paragraph(f"{k}. {clause}"))
    if any(a.structural for a in articles):
        n += 1
        body.append(
            Paragraph(
                f"Giao {papers.head_post} quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ "
                "chức của các đơn vị được sắp xếp theo quy định; bố trí công chức, viên chức, "
                "người lao động theo vị trí việc làm.",
                lead=f"Điều {n}.",
            )
        )
    n += 1
    dates = sorted({a.on for a in articles})
    if len(dates) == 1:
        effect = f"Quyết định này có hiệu lực thi hành kể từ ngày {citation_date(dates[0])}."
    else:
        effect = "Quyết định này có hiệu lực thi hành kể từ ngày ký."
    body.append(Paragraph(effect, lead=f"Điều {n}."))
    n += 1
    body.append(Paragraph(_execution(papers), lead=f"Điều {n}."))

    signature = signature_for_approver(papers, options)
    if not signature.title:
        notes.append("Ghi chức vụ người ký của cơ quan phê duyệt (--signer-title).")
    if not signature.name:
        notes.append("Họ tên người ký để trống.")
    recipients = options.recipients or (f"Như Điều {n}",)
    issuing = papers.approver.upper()
    return paper(
        papers,
        options,
        kind="quyết định",
        document_type="QUYẾT ĐỊNH",
        code="QĐ",
        subject=f"Về việc sắp xếp, kiện toàn tổ chức bộ máy của {agency.name}",
        body=body,
        closing="",
        recipients=recipient_lines(recipients, options.archive),
        signature=signature,
        superior="",
        agency_line=papers.approver,
        short_name=approver_short(papers),
        bases=tuple(bases),
        issuing_authority=issuing,
        notes=notes,
    )
