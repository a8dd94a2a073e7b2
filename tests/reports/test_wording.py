"""The Vietnamese wording: the date line, the number line, counts as the seed article writes
them, and legal bases."""

from __future__ import annotations

import datetime as dt

import pytest

from tinhgon.domain import Document, DocumentKind, InvalidValue, parse_symbol
from tinhgon.reports.wording import (
    change_phrase,
    cite_with_title,
    date_line,
    headline_sentences,
    number_line,
)


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (dt.date(2019, 2, 5), "Kon Tum, ngày 05 tháng 02 năm 2019"),
        (dt.date(2019, 1, 9), "Kon Tum, ngày 09 tháng 01 năm 2019"),
        (dt.date(2019, 3, 5), "Kon Tum, ngày 05 tháng 3 năm 2019"),
        (dt.date(2019, 11, 20), "Kon Tum, ngày 20 tháng 11 năm 2019"),
        (dt.date(2019, 12, 31), "Kon Tum, ngày 31 tháng 12 năm 2019"),
        (dt.date(2020, 2, 10), "Kon Tum, ngày 10 tháng 02 năm 2020"),
    ],
)
def test_the_date_line_has_a_leading_zero_for_days_below_10_and_months_1_and_2_only(
    on: dt.date, expected: str
) -> None:
    assert date_line("Kon Tum", on) == expected


def test_a_blank_date_line_leaves_the_day_and_month_to_fill_in():
    line = date_line("Kon Tum", None, year=2020)

    assert line.startswith("Kon Tum, ngày")
    assert line.endswith("năm 2020")
    assert "\u00a0\u00a0\u00a0tháng\u00a0" in line


def test_the_number_line_carries_the_number_without_a_year():
    assert number_line("125/BC-BQLKKT", "BQLKKT") == "Số: 125/BC-BQLKKT"
    assert number_line("Số: 05/BC-BQLKKT", "BQLKKT") == "Số: 05/BC-BQLKKT"


def test_no_number_gives_a_blank_number_with_the_agencys_short_name():
    line = number_line(None, "BQLKKT")

    assert line.startswith("Số:")
    assert line.endswith("/BC-BQLKKT")
    assert line.replace("\u00a0", " ") == "Số:      /BC-BQLKKT"


@pytest.mark.parametrize("number", ["5/BC-BQLKKT", "125/2019/BC-BQLKKT", "BC-125", "18-NQ/TW"])
def test_a_malformed_number_is_refused_in_vietnamese(number: str):
    with pytest.raises(InvalidValue) as refused:
        number_line(number, "BQLKKT")

    assert "số" in refused.value.vi


@pytest.mark.parametrize(
    ("before", "after", "noun", "expected"),
    [
        (6, 4, "phòng", "giảm từ 06 phòng xuống còn 04 phòng"),
        (16, 11, "đồng chí", "giảm từ 16 đồng chí xuống còn 11 đồng chí"),
        (3, 2, "đơn vị", "giảm từ 03 đơn vị xuống còn 02 đơn vị"),
        (4, 5, "phòng", "tăng từ 04 phòng lên 05 phòng"),
        (4, 4, "phòng", "giữ nguyên 04 phòng"),
        (2, 0, "đơn vị", "giảm từ 02 đơn vị xuống không còn đơn vị nào"),
        (0, 0, "đơn vị", "không có đơn vị nào"),
        (120, 98, "người", "giảm từ 120 người xuống còn 98 người"),
    ],
)
def test_counts_are_worded_as_the_seed_article_words_them(
    before: int, after: int, noun: str, expected: str
):
    assert change_phrase(before, after, noun) == expected


def test_a_plan_says_dự_kiến():
    assert (
        change_phrase(4, 3, "phòng", planned=True) == "dự kiến giảm từ 04 phòng xuống còn 03 phòng"
    )


def test_the_headline_sentences_follow_the_seed_article():
    before = {"departments": 6, "department_leaders": 16, "public_service_units": 3, "staff": 64}
    after = {"departments": 4, "department_leaders": 11, "public_service_units": 2, "staff": 64}

    sentences = headline_sentences(before, after)

    assert sentences == [
        "Sắp xếp lại các phòng chuyên môn và tương đương, giảm từ 06 phòng xuống còn 04 phòng.",
        "Số lượng lãnh đạo cấp phòng và tương đương giảm từ 16 đồng chí xuống còn 11 đồng chí.",
        "Các đơn vị sự nghiệp công lập trực thuộc đã sắp xếp giảm từ 03 đơn vị xuống còn 02 đơn vị.",
        "Tổng số người làm việc giữ nguyên 64 người.",
    ]


def test_an_increase_is_not_called_a_rearrangement():
    before = {"departments": 4, "department_leaders": 11, "public_service_units": 2, "staff": 60}
    after = {"departments": 5, "department_leaders": 13, "public_service_units": 2, "staff": 62}

    sentences = headline_sentences(before, after)

    assert sentences[0] == "Các phòng chuyên môn và tương đương tăng từ 04 phòng lên 05 phòng."
    assert sentences[1].endswith("tăng từ 11 đồng chí lên 13 đồng chí.")
    assert sentences[2] == "Các đơn vị sự nghiệp công lập trực thuộc giữ nguyên 02 đơn vị."


def test_a_legal_basis_names_the_document_its_issuer_and_its_subject():
    decree = Document(
        symbol=parse_symbol("82/2018/NĐ-CP"),
        kind=DocumentKind.DECREE,
        issued_on=dt.date(2018, 5, 22),
        issuer="Chính phủ",
        title="Quy định về quản lý khu công nghiệp và khu kinh tế",
    )
    resolution = Document(
        symbol=parse_symbol("39-NQ/TW"),
        kind=DocumentKind.RESOLUTION,
        issued_on=dt.date(2015, 4, 17),
        issuer="Bộ Chính trị",
        title="Tinh giản biên chế và cơ cấu lại đội ngũ cán bộ, công chức, viên chức",
    )

    assert cite_with_title(decree) == (
        "Nghị định số 82/2018/NĐ-CP ngày 22/5/2018 của Chính phủ quy định về quản lý khu công "
        "nghiệp và khu kinh tế"
    )
    assert cite_with_title(resolution) == (
        "Nghị quyết số 39-NQ/TW ngày 17/4/2015 của Bộ Chính trị về tinh giản biên chế và cơ cấu "
        "lại đội ngũ cán bộ, công chức, viên chức"
    )
