"""The figures and the font they and the PDF are drawn with: every Vietnamese letter must
have a glyph (a missing glyph is a matplotlib warning, and warnings fail the tests)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from tinhgon.reports.charts import BarPanel, OrgNode, before_after_chart, org_chart
from tinhgon.reports.fonts import VIETNAMESE, covers_vietnamese, serif_font

OLD_LIBERATION = Path("/usr/share/fonts/truetype/liberation")


def png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(b"\x89PNG")
    with Image.open(io.BytesIO(data)) as image:
        return image.size


def test_the_chosen_font_has_every_vietnamese_letter():
    font = serif_font()

    assert font.family in ("Times New Roman", "Liberation Serif", "DejaVu Serif")
    assert all(covers_vietnamese(path) for path in font.files())


def test_without_liberation_serif_the_font_is_dejavu_serif_from_matplotlib(tmp_path: Path):
    font = serif_font((tmp_path,), ())

    assert font.family == "DejaVu Serif"
    assert all(path.is_file() for path in font.files())
    assert all(covers_vietnamese(path) for path in font.files())


@pytest.mark.skipif(
    not (OLD_LIBERATION / "LiberationSerif-Regular.ttf").is_file()
    or covers_vietnamese(OLD_LIBERATION / "LiberationSerif-Regular.ttf"),
    reason="no Liberation Serif 1 (without Vietnamese letters) on this machine",
)
def test_liberation_serif_1_lacks_vietnamese_letters_and_is_passed_over():
    font = serif_font((OLD_LIBERATION,))

    assert font.family == "DejaVu Serif"


def test_the_before_after_chart_is_a_png_with_vietnamese_labels():
    panels = (
        BarPanel("Phòng chuyên môn và tương đương", 6, 4),
        BarPanel("Lãnh đạo cấp phòng và tương đương", 16, 11),
        BarPanel("Đơn vị sự nghiệp công lập", 3, 2),
        BarPanel(VIETNAMESE, 0, 0),
    )

    width, height = png_size(before_after_chart(panels, "01/01/2018", "31/12/2019"))

    assert width > height > 0


def test_the_org_chart_draws_wide_and_deep_structures():
    def unit(
        name: str, group: str = "department", children: list[OrgNode] | None = None
    ) -> OrgNode:
        return OrgNode(name, ("Trưởng phòng: Nguyễn Văn Ánh", "12 người"), group, children or [])

    chi_cuc = [
        unit(f"Chi cục {n}", "sub_department", [unit(f"Phòng {n}.{m} ưở ẫ ỵ") for m in range(12)])
        for n in range(3)
    ]
    root = OrgNode(
        "Sở Nội vụ tỉnh Thử nghiệm",
        ("Giám đốc: Trần Thị Bích", "250 người"),
        "agency",
        [unit(f"Phòng {n}") for n in range(12)]
        + chi_cuc
        + [unit("Trung tâm", "public_service_unit")],
    )

    width, height = png_size(org_chart(root))

    assert height > width > 0


def test_an_agency_without_units_draws_its_own_box():
    width, height = png_size(org_chart(OrgNode("Cơ quan một mình", ("03 người",))))

    assert width > 0
    assert height > 0


LIBERATION2 = Path("/usr/share/fonts/truetype/liberation2")


@pytest.mark.skipif(
    not (LIBERATION2 / "LiberationSerif-Regular.ttf").is_file(),
    reason="needs a font with Vietnamese letters to stand in for Times New Roman",
)
@pytest.mark.parametrize(
    "names",
    [
        ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"),
        (
            "Times_New_Roman.ttf",
            "Times_New_Roman_Bold.ttf",
            "Times_New_Roman_Italic.ttf",
            "Times_New_Roman_Bold_Italic.ttf",
        ),
    ],
)
def test_times_new_roman_is_taken_first_where_the_machine_has_it(
    tmp_path: Path, names: tuple[str, ...]
):
    faces = ("Regular", "Bold", "Italic", "BoldItalic")
    for name, face in zip(names, faces, strict=True):
        (tmp_path / name).write_bytes((LIBERATION2 / f"LiberationSerif-{face}.ttf").read_bytes())

    font = serif_font((LIBERATION2,), (tmp_path,))

    assert font.family == "Times New Roman"
    assert font.regular == tmp_path / names[0]
    assert font.bold_italic == tmp_path / names[3]


def test_figures_are_drawn_at_their_printed_width_with_text_of_at_least_9_pt(report):  # type: ignore[no-untyped-def]
    from tinhgon.reports.charts import DPI, MIN_TEXT_PT
    from tinhgon.reports.layout import fit_figure

    assert MIN_TEXT_PT >= 9
    for figure in report.figures:
        png = figure.draw()
        width_px, _ = png_size(png)
        drawn_cm = width_px / DPI * 2.54
        printed_cm, _ = fit_figure(png, figure.width_cm)
        # Printed at the size it was drawn: a 9 pt letter prints at 9 pt.
        assert abs(printed_cm - drawn_cm) < 0.05, figure.caption
