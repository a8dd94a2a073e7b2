"""What the three papers of a plan share (đề án, tờ trình, quyết định): the plan's dates and
states, the approving authority, the documents in force, the header and the signature.

A plan's papers are dated by the options (``issued_on``); without a date, the date line is left
blank for the signer's office and nothing issued after the plan's first change is cited.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tinhgon import law
from tinhgon.domain import (
    Document,
    DocumentKind,
    InvalidValue,
    Metrics,
    Plan,
    PlanStatus,
    Project,
    State,
    metrics_of,
)
from tinhgon.domain.model import Role
from tinhgon.law import ParameterSet
from tinhgon.reports import decree30
from tinhgon.reports.assessment import check_notes, signed
from tinhgon.reports.citations import Citer
from tinhgon.reports.common import citer, document_of, law_documents, ordered
from tinhgon.reports.model import Block, Column, ReportData, ReportOptions, Signature, Table
from tinhgon.reports.wording import date_line, number_line, vn_date

_LEGAL = (DocumentKind.LAW, DocumentKind.DECREE, DocumentKind.CIRCULAR)
_PARTY = (
    DocumentKind.RESOLUTION,
    DocumentKind.CONCLUSION,
    DocumentKind.DIRECTIVE,
    DocumentKind.PROGRAMME,
    DocumentKind.PLAN,
)
PEOPLES_COMMITTEE = "Ủy ban nhân dân"


@dataclass(frozen=True, kw_only=True)
class PlanPapers:
    """Everything the papers of one plan are written from."""

    project: Project
    plan: Plan
    first_on: dt.date  # the plan's first change
    last_on: dt.date
    before: State  # the day before the first change
    after: State  # on the last change, with the plan
    metrics_before: Metrics
    metrics_after: Metrics
    check_before: law.Report
    check_after: law.Report
    issued_on: dt.date | None  # the date line (None: left blank)
    dated: dt.date  # nothing issued after this is cited
    approver: str  # who approves: 'Ủy ban nhân dân tỉnh Kon Tum'
    head_post: str  # 'Trưởng ban Quản lý Khu kinh tế tỉnh Kon Tum'
    head_title: str  # 'Trưởng ban'
    cite: Citer

    @property
    def agency_name(self) -> str:
        return self.project.agency.name

    @property
    def title(self) -> str:
        """The plan's title as the papers write it: without the draft mark ' (dự thảo)'."""
        return self.plan.title.removesuffix(" (dự thảo)").strip()

    @property
    def planned(self) -> bool:
        return self.plan.status is not PlanStatus.IMPLEMENTED


def plan_papers(
    project: Project,
    plan_id: str,
    options: ReportOptions,
    parameters: ParameterSet | None = None,
) -> PlanPapers:
    """Raises ``PlanError`` for an unknown plan, ``InvalidValue`` for a plan without changes,
    ``ChangeRefused`` for a plan that cannot apply."""
    plan = project.plan(plan_id)
    if not plan.changes:
        raise InvalidValue(
            f"đề án '{plan_id}' chưa có thay đổi nào: chưa thể soạn văn bản",
            f"plan '{plan_id}' has no changes yet: nothing to draft",
        )
    first_on = min(c.on for c in plan.changes)
    last_on = max(c.on for c in plan.changes)
    day_before = first_on - dt.timedelta(days=1)
    before = project.state_on(day_before)
    after = project.state_on(last_on, plan=plan_id)
    agency = project.agency
    decision = document_of(project, plan.decision)
    approver = (decision.issuer if decision else "") or agency.superior or "cấp có thẩm quyền"
    issued_on = None if options.blank_date else options.issued_on
    dated = options.issued_on or (decision.issued_on if decision else None) or first_on
    roots = [u for u in after.roots() if u.id == agency.id] or list(after.roots())
    root = roots[0] if roots else None
    head_title = root.kind.head_title if root else "Thủ trưởng"
    head_post = root.kind.post(Role.HEAD, agency.name) if root else f"Thủ trưởng {agency.name}"
    return PlanPapers(
        project=project,
        plan=plan,
        first_on=first_on,
        last_on=last_on,
        before=before,
        after=after,
        metrics_before=metrics_of(before),
        metrics_after=metrics_of(after),
        check_before=signed(law.check(before, on=day_before, agency=agency, parameters=parameters)),
        check_after=signed(
            law.check_project(project, on=last_on, plan=plan.id, state=after, parameters=parameters)
        ),
        issued_on=issued_on,
        dated=dated,
        approver=approver,
        head_post=head_post,
        head_title=head_title,
        cite=citer(project, dated),
    )


def legal_documents(papers: PlanPapers) -> list[Document]:
    """The laws, decrees and circulars of the register in force on the date, and those the
    rules checked rest on."""
    on = papers.dated
    found = [
        d
        for d in papers.project.documents
        if d.kind in _LEGAL and (d.effective_on or d.issued_on) <= on
    ]
    found.extend(law_documents(papers.project, papers.check_after, on))
    return ordered(found, on)


def party_documents(papers: PlanPapers) -> list[Document]:
    """The resolutions, programmes and plans the plan carries out."""
    found = [d for d in papers.project.documents if d.kind in _PARTY]
    return ordered(found, papers.dated)


def approver_is_committee(papers: PlanPapers) -> bool:
    return papers.approver.startswith(PEOPLES_COMMITTEE)


def approver_short(papers: PlanPapers) -> str:
    return "UBND" if approver_is_committee(papers) else ""


def signature_for_approver(papers: PlanPapers, options: ReportOptions) -> Signature:
    """'TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH' for a People's Committee; else as the options say."""
    if options.signer_title is not None or options.authority:
        mark = (options.authority or "").strip().upper()
        mark = mark if not mark or mark.endswith(".") else mark + "."
        behalf = (options.on_behalf_of or "").upper()
        line = f"{mark} {behalf}".strip() if mark else None
        return Signature(line, (options.signer_title or "").upper(), options.signer or "")
    if approver_is_committee(papers):
        return Signature(f"TM. {PEOPLES_COMMITTEE.upper()}", "CHỦ TỊCH", options.signer or "")
    return Signature(None, "", options.signer or "")


def paper(
    papers: PlanPapers,
    options: ReportOptions,
    *,
    kind: str,
    document_type: str,
    code: str,
    subject: str,
    body: list[Block],
    closing: str,
    recipients: tuple[str, ...],
    signature: Signature,
    superior: str,
    agency_line: str,
    short_name: str,
    bases: tuple[str, ...] = (),
    issuing_authority: str = "",
    addressee: str = "",
    notes: list[str] | None = None,
) -> ReportData:
    project = papers.project
    agency = project.agency
    place = options.place or agency.place or agency.province or "……"
    number = number_line(options.number, short_name, code)
    notes = list(notes or ())
    if not options.number:
        notes.insert(0, "Số văn bản để trống để văn thư ghi khi phát hành.")
    if papers.issued_on is None:
        notes.insert(1, "Ngày, tháng ở dòng địa danh để trống để ghi khi ký.")
    notes.extend(check_notes(papers.check_after, papers.dated))
    if agency.illustrative:
        notes.append(
            "Văn bản dựng từ dữ liệu minh họa (tên đơn vị, họ tên, số văn bản): không dùng để "
            "ban hành."
        )
    info = Table(
        title=f"Thông tin {kind}",
        sheet="Thông tin",
        columns=(Column("Nội dung", "text", 5.0), Column("Giá trị", "text", 11.0)),
        rows=(
            ("Cơ quan", agency.name),
            ("Loại văn bản", document_type.capitalize()),
            ("Số, ký hiệu", number.removeprefix("Số:").strip()),
            ("Ngày", papers.issued_on),
            ("Trích yếu", subject),
            ("Đề án", papers.plan.title),
        ),
    )
    return ReportData(
        superior=superior.upper(),
        agency=agency_line.upper(),
        number_line=number,
        national_title=decree30.NATIONAL_TITLE,
        motto=decree30.MOTTO,
        date_line=date_line(place, papers.issued_on, year=papers.dated.year),
        document_type=document_type,
        subject=options.subject or subject,
        bases=bases,
        body=tuple(body),
        closing=closing,
        recipients=recipients,
        signature=signature,
        agency_name=agency.name,
        before=papers.first_on - dt.timedelta(days=1),
        after=papers.last_on,
        issued_on=papers.issued_on,
        plan_id=papers.plan.id,
        plan_title=papers.plan.title,
        metrics_before=papers.metrics_before,
        metrics_after=papers.metrics_after,
        findings=papers.check_after,
        info=info,
        kind=kind,
        issuing_authority=issuing_authority,
        addressee=addressee,
        drafter_notes=tuple(notes),
    )


def span_text(papers: PlanPapers) -> str:
    if papers.first_on == papers.last_on:
        return f"từ ngày {vn_date(papers.first_on)}"
    return f"từ ngày {vn_date(papers.first_on)} đến ngày {vn_date(papers.last_on)}"
