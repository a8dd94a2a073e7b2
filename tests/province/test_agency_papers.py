"""A plan's papers narrowed to one agency inside a province's history (the đề án, the tờ
trình, the draft decision and its articles) tell only the plan's changes that concern that
agency; the whole province's papers tell every change. Read back from the Word files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from docx import Document

from tinhgon.domain import Project
from tinhgon.reports import ReportOptions, write_docx
from tinhgon.reports.articles import plan_articles
from tinhgon.reports.decision import build_decision
from tinhgon.reports.proposal import build_proposal
from tinhgon.reports.submission import build_submission

PLAN = "hop-nhat-so"
TRANSFER = "Phạm Thị Dung"  # moved from Sở Kế hoạch và Đầu tư to Sở Nội vụ
MERGER = "Sáp nhập Sở Kế hoạch và Đầu tư vào Sở Tài chính"
OPTIONS = ReportOptions(issued_on=dt.date(2025, 2, 27))


def _text(path: Path) -> str:
    document = Document(str(path))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


@pytest.mark.parametrize(
    ("agency", "told", "untold"),
    [
        ("snv", [TRANSFER], [MERGER]),
        ("stc", [MERGER], [TRANSFER]),
        (None, [TRANSFER, MERGER], []),
    ],
)
def test_the_draft_decision_tells_the_changes_of_the_agency(
    province: Project, tmp_path: Path, agency: str | None, told: list[str], untold: list[str]
):
    project = province.for_agency(agency)
    path = tmp_path / "quyet-dinh.docx"
    write_docx(build_decision(project, PLAN, options=OPTIONS), path)
    text = _text(path)
    articles = " ".join(a.text for a in plan_articles(project, project.plan(PLAN)))

    for words in told:
        assert words in text
        assert words in articles
    for words in untold:
        assert words not in text
        assert words not in articles


@pytest.mark.parametrize("build", [build_proposal, build_submission])
def test_the_proposal_and_submission_of_an_agency_tell_its_changes_only(
    province: Project, tmp_path: Path, build
):
    texts = {}
    for agency in ("snv", "stc", None):
        path = tmp_path / f"{agency}.docx"
        write_docx(build(province.for_agency(agency), PLAN, options=OPTIONS), path)
        texts[agency] = _text(path)
    moved = "Điều động Phạm Thị Dung"

    assert moved in texts["snv"]
    assert moved not in texts["stc"]
    assert moved in texts[None]
