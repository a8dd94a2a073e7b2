"""The đề án's surplus section: the people ``tinhgon.planning.surplus_of`` lists, with the same
figures, read back from the Word file and the Excel annex; the arithmetic in the drafter's note,
never in the paper; one sentence where there is no surplus.

Kon Tum has no pay data and its plans predate Decree 178/2024: the fixture ``paid``
(conftest.py) gives everyone the same illustrative pay and asks the proposer for a plan taking
effect on 01/09/2025.
"""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest

from tests.reports.conftest import keep
from tinhgon.domain import Project
from tinhgon.planning.surplus import SurplusReport, surplus_of
from tinhgon.reports import ReportData, build_proposal, write_docx, write_xlsx
from tinhgon.reports.model import Heading, Paragraph, Table
from tinhgon.reports.surplus_section import TITLE, dong

SOFTWARE = ("mã hóa", "RS-", "tinhgon", "×", "min(", "chưa tính", "đối chiếu văn bản gốc")


@pytest.fixture(scope="module")
def surplus(paid: tuple[Project, str]) -> SurplusReport:
    return surplus_of(*paid)


@pytest.fixture(scope="module")
def proposal(paid: tuple[Project, str]) -> ReportData:
    return build_proposal(*paid)


def _one_off(person, within: bool) -> int | None:  # type: ignore[no-untyped-def]
    totals = [
        o.total
        for o in person.options
        if o.kind in ("early_retirement", "resignation")
        and o.within_12_months is within
        and o.total is not None
    ]
    return dong(max(totals)) if totals else None


def _money(value: int | None) -> str:
    return "" if value is None else f"{value:,}".replace(",", ".")


def test_the_surplus_table_read_back_lists_the_surplus_people_with_their_figures(
    proposal: ReportData, surplus: SurplusReport, tmp_path: Path
):
    assert len(surplus.people) >= 2  # the proposal leaves deputies without a post
    path = keep(write_and_return(proposal, tmp_path / "kontum-de-an-doi-du.docx"))
    document = docx.Document(str(path))
    table = next(t for t in document.tables if "Lý do dôi dư" in [c.text for c in t.rows[0].cells])
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    people, total = rows[:-1], rows[-1]
    assert [r[1] for r in people] == [p.name for p in surplus.people]
    for row, person in zip(people, surplus.people, strict=True):
        kept = next(o for o in person.options if o.kind == "leadership_allowance")
        assert row[5:] == [_money(_one_off(person, True)), _money(_one_off(person, False))]
        assert (
            f"bảo lưu phụ cấp chức vụ {_money(dong(kept.figures[0].amount))} đồng/tháng" in row[4]
        )
        assert row[3] == "Thôi giữ chức vụ lãnh đạo"
        assert f"{person.retires_on:%d/%m/%Y}" in row[4]
    within = sum(_one_off(p, True) or 0 for p in surplus.people)
    assert total[1] == "Tổng cộng"
    assert (
        total[5]
        == _money(within)
        == _money(
            int(surplus.as_dict()["totals"]["resignation_within_12_months"])
            + int(surplus.as_dict()["totals"]["early_retirement_within_12_months"])
        )
    )  # type: ignore[call-overload]
    # The caption precedes the table in the paper.
    captions = [p.text for p in document.paragraphs if TITLE in p.text]
    assert captions
    assert captions[0].startswith("Bảng ")


def write_and_return(data: ReportData, path: Path) -> Path:
    write_docx(data, path)
    return path


def test_a_figure_by_hand(proposal: ReportData, surplus: SurplusReport):
    # Phạm Thị Lan, Phó Chánh Văn phòng, retires 31/10/2034: 110 months from 01/09/2025 to
    # her pension (01/11/2034), so no early retirement (over 5 years, no heavy-work record):
    # resignation within 12 months = min(110; 60; 240) = 60 months × 0,8 × salary
    # + 20 years × 1,5 months × salary + 3 months × salary (civil servant);
    # salary = (4,32 + 0,3) × 2.340.000 = 10.810.800 đ.
    salary = 10_810_800
    expected = 60 * 8 * salary // 10 + 20 * 15 * salary // 10 + 3 * salary
    assert expected == 875_674_800
    lan = next(p for p in surplus.people if p.name == "Phạm Thị Lan")
    assert _one_off(lan, True) == expected
    table = next(b for b in proposal.body if isinstance(b, Table) and TITLE in b.title)
    row = next(r for r in table.rows if r[1] == "Phạm Thị Lan")
    assert row[5] == expected
    assert any("60 tháng × 0,8 × 10.810.800 đ" in n for n in proposal.drafter_notes)


def test_the_section_says_how_in_officials_words(proposal: ReportData, surplus: SurplusReport):
    body = list(proposal.body)
    start = body.index(next(b for b in body if isinstance(b, Heading) and "dôi dư" in b.text))
    end = next(i for i, b in enumerate(body) if i > start and isinstance(b, Heading))
    text = "\n".join(b.text for b in body[start:end] if isinstance(b, Paragraph))
    n = len(surplus.people)
    assert f"Sau sắp xếp, có {n:02d} người dôi dư ({n:02d} lãnh đạo thôi giữ chức vụ" in text
    assert (
        "thôi việc được hưởng chính sách theo quy định tại Điều 9 Nghị định số 178/2024/NĐ-CP"
        in text
    )
    assert (
        "bảo lưu phụ cấp chức vụ lãnh đạo theo quy định tại Điều 11 Nghị định số 178/2024/NĐ-CP"
        in text
    )
    within = sum(_one_off(p, True) or 0 for p in surplus.people)
    assert f"nếu nghỉ trong 12 tháng đầu kể từ ngày 01/09/2025: {_money(within)} đồng" in text
    section = "\n".join(
        "\n".join(str(c) for row in b.rows for c in row) if isinstance(b, Table) else b.text
        for b in body[start:end]
        if isinstance(b, Paragraph | Table)
    )
    for wording in SOFTWARE:
        assert wording not in section
    # (The plan's own description, written by the proposer, is the user's text: not checked.)
    assert "RS-" not in proposal.text()
    # What is not settled goes to the drafter.
    assert any(
        "chưa được đối chiếu với văn bản gốc" in n and "178/2024" in n
        for n in proposal.drafter_notes
    )


def test_the_excel_annex_has_the_surplus_sheet_with_totals(proposal: ReportData, tmp_path: Path):
    path = tmp_path / "de-an.xlsx"
    write_xlsx(proposal, path)
    sheet = openpyxl.load_workbook(path)["Dôi dư"]
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=8)]
    people = [r for r in values if isinstance(r[0], int)]
    total = next(r for r in values if r[1] == "Tổng cộng")
    assert total[5] == sum(r[5] for r in people if r[5] is not None)
    assert sheet.cell(row=8, column=6).number_format == "#,##0"


def test_no_surplus_is_said_in_one_sentence(kontum: Project):
    data = build_proposal(kontum, "phuong-an-3-phong")
    assert not surplus_of(kontum, "phuong-an-3-phong").people
    body = list(data.body)
    heading = next(b for b in body if isinstance(b, Heading) and "dôi dư" in b.text)
    after = body[body.index(heading) + 1]
    assert isinstance(after, Paragraph)
    assert after.text == (
        "Sau sắp xếp, Ban Quản lý Khu kinh tế tỉnh Kon Tum không có cán bộ, công chức, viên "
        "chức, người lao động dôi dư."
    )
    assert not any(isinstance(b, Table) and TITLE in b.title for b in body)


def test_people_without_pay_data_are_listed_and_the_drafter_told_why(kontum: Project):
    # The 2018 merger left four deputies without a post; the policy of Decree 178/2024 did
    # not exist then: listed, no figures, the reason in the note only.
    data = build_proposal(kontum, "de-an-2018")
    table = next(b for b in data.body if isinstance(b, Table) and TITLE in b.title)
    names = [r[1] for r in table.rows[:-1]]
    assert names == [p.name for p in surplus_of(kontum, "de-an-2018").people]
    assert all(r[5] is None and r[6] is None for r in table.rows)
    assert any("chưa tính trợ cấp" in n for n in data.drafter_notes)
    assert "mã hóa" not in data.text()
