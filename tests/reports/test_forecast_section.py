"""The đề án's forecast section: the counts and the targets of ``tinhgon.planning.forecast_of``
in words, a figure drawn like the other charts (printed width, text of at least 9 pt) and an
annex table; a target issued after the paper's date is left to the drafter's note."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.text import Text

from tests.reports.test_charts_and_fonts import png_size
from tinhgon.domain import Project
from tinhgon.planning.forecast import forecast_of
from tinhgon.reports import ReportData, build_proposal, write_docx
from tinhgon.reports.charts import (
    DPI,
    MIN_TEXT_PT,
    Series,
    TargetMark,
    forecast_chart,
    forecast_figure,
)
from tinhgon.reports.forecast_section import SHEET
from tinhgon.reports.layout import fit_figure
from tinhgon.reports.model import Figure, Heading, Paragraph, Table


@pytest.fixture(scope="module")
def proposal(paid: tuple[Project, str]) -> ReportData:
    return build_proposal(*paid)


def _section(data: ReportData) -> list[str]:
    body = list(data.body)
    start = next(
        i for i, b in enumerate(body) if isinstance(b, Heading) and "Dự báo biên chế" in b.text
    )
    end = next(i for i, b in enumerate(body) if isinstance(b, Heading) and "Phần IV" in b.text)
    return [b.text for b in body[start:end] if isinstance(b, Paragraph)]


def test_the_forecast_in_the_proposal_says_what_the_planning_forecast_says(
    paid: tuple[Project, str], proposal: ReportData
):
    project, plan_id = paid
    plan = project.plan(plan_id)
    start = min(c.on for c in plan.changes) - dt.timedelta(days=1)
    forecast = forecast_of(project, start=start, until=2030, plans=(plan_id,))
    last = forecast.years[-1]
    text = "\n".join(_section(proposal))

    assert (
        f"đến ngày 31/12/2030 dự kiến còn: cán bộ, công chức "
        f"{last.by_group['cadres_civil_servants']:02d} người; viên chức hưởng lương từ ngân "
        f"sách nhà nước {last.by_group['public_employees']:02d} người"
    ) in text
    cadres = next(t for t in forecast.targets if t.group == "cadres_civil_servants")
    assert cadres.base is not None
    assert cadres.allowed is not None
    assert cadres.at_target is not None
    line = next(s for s in _section(proposal) if "5% cán bộ, công chức năm 2026" in s)
    assert (
        f"năm 2021 có {cadres.base:02d} người, đến năm 2026 còn tối đa {cadres.allowed:02d} "
        f"người; dự kiến năm 2026 còn {cadres.at_target:02d} người"
    ) in line
    if cadres.met:
        assert f"đạt chỉ tiêu từ năm {cadres.met_in}" in line
    else:
        assert f"chưa đạt chỉ tiêu (còn vượt {cadres.gap:02d} người)" in line
    assert "theo Kế hoạch số 185/KH-UBND ngày 22/10/2024" in line
    table = next(t for t in proposal.tables if t.sheet == SHEET)
    assert table.annex_only
    assert [r[0] for r in table.rows] == [str(y.year) for y in forecast.years]
    assert [r[1] for r in table.rows] == [
        y.by_group["cadres_civil_servants"] for y in forecast.years
    ]
    assert any("chưa được đối chiếu với văn bản gốc" in n for n in proposal.drafter_notes)


def test_the_forecast_figure_is_in_the_word_file_at_its_printed_width(
    proposal: ReportData, tmp_path: Path
):
    figure = next(f for f in proposal.figures if "Dự báo" in f.caption)
    assert figure.caption.startswith("Hình 2. Dự báo số lượng cán bộ, công chức, viên chức")
    png = figure.draw()
    width_px, _ = png_size(png)
    printed_cm, _ = fit_figure(png, figure.width_cm)
    assert abs(printed_cm - width_px / DPI * 2.54) < 0.05
    path = tmp_path / "de-an.docx"
    write_docx(proposal, path)
    document = docx.Document(str(path))
    assert len(document.inline_shapes) == len(proposal.figures)
    assert any(p.text == figure.caption for p in document.paragraphs)


def test_the_forecast_chart_text_is_at_least_9_pt():
    figure = forecast_figure(
        [2021, 2022, 2023],
        [Series("Cán bộ, công chức", (40, 39, 37)), Series("Viên chức", (19, 19, 18))],
        [TargetMark("Chỉ tiêu 2023", 2023, 38)],
        2022,
    )
    FigureCanvasAgg(figure).draw()
    texts = [t for t in figure.findobj(Text) if t.get_text() and t.get_visible()]
    assert {"Dự báo", "Chỉ tiêu 2023: 38", "Cán bộ, công chức", "37"} <= {
        t.get_text() for t in texts
    }
    assert min(t.get_fontsize() for t in texts) >= MIN_TEXT_PT
    png = forecast_chart([2021, 2022], [Series("Cán bộ, công chức", (40, 39))], [], None)
    assert png_size(png)[0] == round(6.3 * DPI)


def test_a_target_issued_after_the_papers_date_is_left_to_the_drafter(kontum: Project):
    data = build_proposal(kontum, "phuong-an-3-phong")  # dated 2020: the target is of 2024
    text = "\n".join(_section(data))
    assert "dự kiến còn: cán bộ, công chức" in text
    assert "185/KH-UBND" not in data.text()
    assert any("185/KH-UBND" in n and "không nêu trong văn bản" in n for n in data.drafter_notes)
    assert any(isinstance(b, Figure) and "Dự báo" in b.caption for b in data.body)
    assert any(isinstance(b, Table) and b.sheet == SHEET for b in data.body)


def test_the_report_carries_the_forecast_in_its_directions(kontum: Project, report: ReportData):
    # Kon Tum, 01/01/2018 → 31/12/2019: no plan is approved and not carried out, so the
    # forecast counts the retirements only, from the report's "after" date to 2026 (the
    # target year).
    forecast = forecast_of(kontum, start=dt.date(2019, 12, 31), until=2026)
    body = list(report.body)
    four = next(
        i for i, b in enumerate(body) if isinstance(b, Heading) and b.text.startswith("IV.")
    )
    five = next(i for i, b in enumerate(body) if isinstance(b, Heading) and b.text.startswith("V."))
    text = "\n".join(b.text for b in body[four:five] if isinstance(b, Paragraph))
    cadres = forecast.years[-1].by_group["cadres_civil_servants"]
    assert (
        "Tính theo số người đến tuổi nghỉ hưu theo quy định (chưa tính số người được tuyển dụng "
        f"mới), đến ngày 31/12/2026 dự kiến còn: cán bộ, công chức {cadres:02d} người"
    ) in text
    figure = next(b for b in body[four:five] if isinstance(b, Figure))
    assert figure.caption.startswith("Hình 3. Dự báo số lượng")
    table = next(t for t in report.tables if t.sheet == SHEET)
    assert [r[2] for r in table.rows] == [y.by_group["public_employees"] for y in forecast.years]
