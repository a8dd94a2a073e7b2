"""What the legal check says, in the words of a report's assessment, and what the drafter must
know but the signed text must not say (the drafter's note)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable

from tinhgon import law
from tinhgon.law import Citation, Finding, Severity
from tinhgon.reports.citations import Citer, citation_date
from tinhgon.reports.model import Cell
from tinhgon.reports.wording import two_digits, vn_date


def signed(report: law.Report) -> law.Report:
    """The check as a signed text may state it: without the lines on the coverage of the law in
    tinhgon (a rule not held for the date, a rule that has ended), which are for the drafter
    (``check_notes`` reads them from the report's coverage)."""
    kept = tuple(f for f in report.findings if "coverage" not in f.detail)
    return dataclasses.replace(report, findings=kept)


def _rule_title(rule_id: str) -> str:
    try:
        return law.rule_by_id(rule_id).title.vi
    except KeyError:
        return ""


def _names(findings: list[Finding]) -> str:
    names: list[str] = []
    for finding in findings:
        who = finding.person_name or finding.unit_name or ""
        if finding.person_name and finding.unit_name:
            who = f"{finding.person_name}, {finding.unit_name}"
        if who and who not in names:
            names.append(who)
    return "; ".join(names)


def _grouped(findings: Iterable[Finding]) -> list[list[Finding]]:
    groups: dict[tuple[str, Severity], list[Finding]] = {}
    for finding in findings:
        groups.setdefault((finding.rule, finding.severity), []).append(finding)
    return sorted(groups.values(), key=lambda g: (g[0].severity.rank, g[0].rule))


def shortcoming_lines(report: law.Report, citer: Citer) -> list[str]:
    """'- Số Phó Trưởng phòng: còn 01 trường hợp chưa bảo đảm quy định tại khoản 2 Điều 66
    Nghị định số …' for each rule a violation or warning was found against."""
    lines = []
    serious = [f for f in report.findings if f.severity is not Severity.INFO]
    for group in _grouped(serious):
        first = group[0]
        title = _rule_title(first.rule) or first.message.vi
        cited = citer.citations(first.citations)
        where = f" quy định tại {cited}" if cited else " quy định"
        verb = (
            "chưa bảo đảm" if first.severity is Severity.VIOLATION else "cần tiếp tục rà soát theo"
        )
        names = _names(group)
        lines.append(
            f"- {title}: còn {two_digits(len(group))} trường hợp {verb}{where}"
            + (f" ({names})" if names else "")
            + ";"
        )
    if lines:
        lines[-1] = lines[-1][:-1] + "."
    return lines


def forecast_lines(report: law.Report, citer: Citer) -> list[str]:
    """The notes of the check (e.g. who reaches retirement age), one line each."""
    lines = []
    for finding in report.findings:
        if finding.severity is not Severity.INFO:
            continue
        cited = citer.citations(finding.citations)
        lines.append(f"- {finding.message.vi}" + (f" (theo {cited})" if cited else "") + ";")
    if lines:
        lines[-1] = lines[-1][:-1] + "."
    return lines


def finding_rows(report: law.Report, citer: Citer) -> tuple[tuple[Cell, ...], ...]:
    """The findings as rows of the annex (no software wording)."""
    rows = []
    for n, finding in enumerate(report.findings, start=1):
        who = ", ".join(p for p in (finding.unit_name, finding.person_name) if p)
        rows.append(
            (
                n,
                finding.severity.vi.capitalize(),
                who,
                finding.message.vi,
                "" if finding.actual is None else str(finding.actual),
                "" if finding.limit is None else str(finding.limit),
                citer.citations(finding.citations),
            )
        )
    return tuple(rows)


def _all_citations(report: law.Report) -> list[Citation]:
    out: list[Citation] = []
    for finding in report.findings:
        out.extend(finding.citations)
    return out


def check_notes(report: law.Report, on: dt.date) -> list[str]:
    """What the drafter must verify: legal numbers not checked against the official text,
    texts left uncited because they were issued after the date."""
    notes = []
    unverified = []
    later = []
    no_article = []
    for finding in report.findings:
        if finding.severity is Severity.INFO:
            continue
        for citation in finding.citations:
            label = citation.text()
            if not citation.article and "/" in citation.instrument and label not in no_article:
                no_article.append(label)
    if no_article:
        notes.append(
            "Chưa có điều, khoản của căn cứ dùng ở phần tồn tại, hạn chế; ghi bổ sung: "
            + "; ".join(no_article)
            + "."
        )
    for citation in _all_citations(report):
        label = citation.text()
        if citation.issued_on is not None and citation.issued_on > on:
            if label not in later:
                later.append(label)
        elif not citation.verified and label not in unverified:
            unverified.append(label)
    if unverified:
        notes.append(
            "Các căn cứ sau đây của phần đánh giá chưa được đối chiếu với văn bản gốc; kiểm tra "
            "điều, khoản và số liệu trước khi trình ký: " + "; ".join(unverified) + "."
        )
    if later:
        notes.append(
            f"Không trích dẫn các văn bản ban hành sau ngày {vn_date(on)} (ngày của văn bản): "
            + "; ".join(later)
            + "."
        )
    missing = [
        line.rule.title.vi
        for line in report.coverage
        if line.status == law.Coverage.NOT_ENCODED and line.checked
    ]
    if missing:
        notes.append(
            f"tinhgon chưa có quy định áp dụng tại ngày {vn_date(report.on)} để rà soát các nội "
            "dung sau; đối chiếu văn bản hiện hành trước khi trình ký: " + "; ".join(missing) + "."
        )
    return notes


def blank_notes(number_blank: bool, date_blank: bool, on: dt.date | None) -> list[str]:
    notes = []
    if number_blank:
        notes.append("Số văn bản để trống để văn thư ghi khi phát hành.")
    if date_blank:
        notes.append("Ngày, tháng ở dòng địa danh để trống để ghi khi ký.")
    elif on is not None:
        notes.append(f"Ngày ghi ở dòng địa danh: {citation_date(on)}; sửa nếu ngày ký khác.")
    return notes
