"""Reports of agencies other than the example: a unit established between the dates, and an
agency large enough that its figures must be made to fit the page."""

from __future__ import annotations

import datetime as dt
import io

import docx
import openpyxl
from docx.shared import Cm

from tests.builders import BASIS, agency, staff, unit
from tinhgon.domain import (
    Agency,
    Document,
    DocumentKey,
    DocumentKind,
    DocumentRegister,
    Project,
    Timeline,
    parse_symbol,
)
from tinhgon.reports import build_report, write_docx, write_pdf, write_xlsx
from tinhgon.reports.layout import FIGURE_MAX_HEIGHT_CM, TEXT_WIDTH_CM

SET_UP = DocumentKey("12/QĐ-UBND", dt.date(2019, 1, 2))


def register() -> DocumentRegister:
    return DocumentRegister(
        [
            Document(
                symbol=parse_symbol(BASIS.symbol),
                kind=DocumentKind.DECISION,
                issued_on=BASIS.issued_on,
                issuer="Ủy ban nhân dân tỉnh Thử",
                title="Về việc giao biên chế",
            ),
            Document(
                symbol=parse_symbol(SET_UP.symbol),
                kind=DocumentKind.DECISION,
                issued_on=SET_UP.issued_on,
                issuer="Ủy ban nhân dân tỉnh Thử",
                title="Về việc thành lập Phòng Pháp chế",
            ),
        ]
    )


def project(changes: list) -> Project:  # type: ignore[type-arg]
    return Project(
        agency=Agency(
            id="agency",
            name="Ban Quản lý Khu kinh tế tỉnh Thử",
            short_name="BQL",
            agency_type="economic_zone_board",
            place="Thử",
            superior="Ủy ban nhân dân tỉnh Thử",
        ),
        documents=register(),
        timeline=Timeline(changes),
    )


def test_a_unit_established_between_the_dates_is_told_and_its_decision_cited():
    on = dt.date(2019, 1, 15)
    created = unit("pc", name="Phòng Pháp chế", on=on)
    changes = [
        agency(),
        unit("a"),
        unit("b"),
        *staff("a", 4),
        *staff("b", 3),
        type(created)(on=on, basis=SET_UP, unit=created.unit),
        *staff("pc", 2, on=on),
    ]

    data = build_report(project(changes), before=dt.date(2018, 6, 1), after=dt.date(2019, 6, 1))
    text = data.text()

    assert "Các phòng chuyên môn và tương đương tăng từ 02 phòng lên 03 phòng." in text
    assert (
        "- Thành lập Phòng Pháp chế từ ngày 15/01/2019 (theo Quyết định số 12/QĐ-UBND ngày "
        "02/01/2019" in text
    )
    assert data.number_line.endswith("/BC-BQL")
    assert data.date_line == "Thử, ngày 01 tháng 6 năm 2019"


def test_a_large_agency_gets_figures_that_fit_the_page_and_every_table():
    changes = [agency()]
    for n in range(60):
        changes.append(unit(f"d{n:02d}", name=f"Phòng chuyên môn số {n:02d}"))
        changes.extend(staff(f"d{n:02d}", 25))
    data = build_report(project(changes), before=dt.date(2018, 1, 1), after=dt.date(2019, 1, 1))
    word, pdf, excel = io.BytesIO(), io.BytesIO(), io.BytesIO()

    write_docx(data, word)
    write_pdf(data, pdf)
    write_xlsx(data, excel)

    shapes = docx.Document(io.BytesIO(word.getvalue())).inline_shapes
    assert len(shapes) == 3  # org chart, before/after bars, headcount forecast
    for shape in shapes:
        assert shape.height <= Cm(FIGURE_MAX_HEIGHT_CM) + 1
        assert shape.width <= Cm(TEXT_WIDTH_CM) + 1
    assert pdf.getvalue().startswith(b"%PDF")
    rows = {
        r[0]: r[1:]
        for r in openpyxl.load_workbook(excel)["Trước và sau"].iter_rows(
            min_row=5, values_only=True
        )
    }
    assert rows["Phòng chuyên môn và tương đương"] == (60, 60, 0)
    assert rows["Tổng số người làm việc"] == (1500, 1500, 0)
