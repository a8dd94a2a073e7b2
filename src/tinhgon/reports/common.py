"""What every paper shares: the signature block, the recipients, the documents it cites."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from tinhgon import law
from tinhgon.domain import Document, DocumentKey, InvalidValue, Plan, Project, State
from tinhgon.law import Coverage
from tinhgon.reports import decree30
from tinhgon.reports.citations import Citer, with_subject
from tinhgon.reports.model import ReportOptions, Signature
from tinhgon.reports.wording import document_kind_order


def normalise_authority(mark: str | None) -> str | None:
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


def recipient_lines(recipients: Iterable[str], archive: str) -> tuple[str, ...]:
    """'- X;' for each recipient, then '- Lưu: VT, ….' (RULES.md §7)."""
    lines = []
    for entry in recipients:
        text = entry.strip().lstrip("-–").strip().rstrip(";.").strip()
        if text:
            lines.append(f"- {text};")
    store = archive.strip().strip(",").rstrip(".").strip()
    lines.append(f"- Lưu: VT, {store}." if store else "- Lưu: VT.")
    return tuple(lines)


def agency_signature(options: ReportOptions, project: Project, state: State) -> Signature:
    """The agency's own signature: its head on the date, or as the options say."""
    authority = normalise_authority(options.authority)
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


def document_of(project: Project, key: DocumentKey | None) -> Document | None:
    if key is None:
        return None
    return project.documents.get(key) if key in project.documents else None


def plan_label(plan: Plan) -> str:
    """The plan's title, with its status when it is not yet decided ('(dự thảo)')."""
    if plan.status.vi in plan.title:
        return plan.title
    return f"{plan.title} ({plan.status.vi})"


def register_by_symbol(project: Project) -> dict[str, Document]:
    return {d.symbol.text: d for d in project.documents}


def citer(project: Project, on: dt.date) -> Citer:
    return Citer(on, register_by_symbol(project))


def option_documents(project: Project, symbols: Iterable[str]) -> list[Document]:
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


def law_documents(project: Project, report: law.Report, on: dt.date) -> list[Document]:
    """The register's documents that the rules in force on the date rest on."""
    parameters = law.load_parameters()
    found = []
    for line in report.coverage:
        if line.status != Coverage.IN_FORCE or not line.checked:
            continue
        for citation in line.rule.citations(parameters, on):
            if citation.issued_on is None or citation.issued_on > on:
                continue
            document = document_of(project, DocumentKey(citation.instrument, citation.issued_on))
            if document is not None:
                found.append(document)
    return found


def ordered(documents: Iterable[Document], on: dt.date) -> list[Document]:
    """Each document once, none issued after the date, the highest instrument first."""
    unique = {d.key: d for d in documents if d.issued_on <= on}
    return sorted(
        unique.values(), key=lambda d: (document_kind_order(d.kind), d.issued_on, d.symbol.text)
    )


def basis_lines(
    documents: Iterable[Document], on: dt.date, lead: str = "Căn cứ"
) -> tuple[str, ...]:
    """'Căn cứ Nghị định số … ngày … của Chính phủ quy định về …;' for each document."""
    return tuple(f"{lead} {with_subject(d)};" for d in ordered(documents, on))
