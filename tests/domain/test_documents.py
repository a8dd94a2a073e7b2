"""Document symbols of the three families, and the register keyed by symbol and date."""

from __future__ import annotations

import datetime as dt

import pytest

from tinhgon.domain import (
    Document,
    DocumentKind,
    DocumentRegister,
    InvalidValue,
    SymbolFamily,
    parse_symbol,
)


@pytest.mark.parametrize(
    ("text", "family", "number", "year", "kind", "issuer"),
    [
        ("82/2018/NĐ-CP", SymbolFamily.NORMATIVE, 82, 2018, "NĐ", "CP"),
        ("202/2025/QH15", SymbolFamily.NORMATIVE, 202, 2025, "QH15", ""),
        ("05/2018/TT-BNV", SymbolFamily.NORMATIVE, 5, 2018, "TT", "BNV"),
        ("1234/QĐ-UBND", SymbolFamily.ADMINISTRATIVE, 1234, None, "QĐ", "UBND"),
        ("05/BC-BQLKKT", SymbolFamily.ADMINISTRATIVE, 5, None, "BC", "BQLKKT"),
        ("51/KH-UBND", SymbolFamily.ADMINISTRATIVE, 51, None, "KH", "UBND"),
        ("18-NQ/TW", SymbolFamily.PARTY, 18, None, "NQ", "TW"),
        ("51-CTr/TU", SymbolFamily.PARTY, 51, None, "CTr", "TU"),
    ],
)
def test_symbols_of_each_family_are_recognised(text, family, number, year, kind, issuer):
    symbol = parse_symbol(text)

    assert (symbol.family, symbol.number, symbol.year, symbol.kind_code, symbol.issuer_code) == (
        family,
        number,
        year,
        kind,
        issuer,
    )


def test_the_number_line_prefix_is_accepted():
    assert parse_symbol("Số: 125/QĐ-UBND").text == "125/QĐ-UBND"


def test_an_administrative_number_below_ten_needs_its_leading_zero():
    with pytest.raises(InvalidValue, match="phải viết là 05"):
        parse_symbol("5/QĐ-UBND")


def test_an_administrative_number_has_no_other_leading_zeros():
    with pytest.raises(InvalidValue, match="phải viết là 125"):
        parse_symbol("0125/QĐ-UBND")


def test_a_number_zero_is_refused():
    with pytest.raises(InvalidValue, match="từ 01 trở lên"):
        parse_symbol("00/QĐ-UBND")


@pytest.mark.parametrize(
    "text", ["", "NĐ-CP", "82-2018-NĐ-CP", "abc/QĐ-UBND", "18/NQ/TW", "82/18/NĐ-CP"]
)
def test_malformed_symbols_are_refused_with_the_three_forms_shown(text):
    with pytest.raises(InvalidValue) as caught:
        parse_symbol(text)

    assert "82/2018/NĐ-CP" in caught.value.vi
    assert "18-NQ/TW" in caught.value.en


def test_the_kind_is_inferred_from_the_symbol():
    assert parse_symbol("82/2018/NĐ-CP").inferred_kind is DocumentKind.DECREE
    assert parse_symbol("51-CTr/TU").inferred_kind is DocumentKind.PROGRAMME
    assert parse_symbol("202/2025/QH15").inferred_kind is None


def _doc(symbol: str, issued: str, title: str = "t") -> Document:
    return Document(
        symbol=parse_symbol(symbol),
        kind=DocumentKind.RESOLUTION,
        issued_on=dt.date.fromisoformat(issued),
        issuer="Ban Chấp hành Trung ương",
        title=title,
    )


def test_a_normative_symbol_year_must_match_the_year_of_issue():
    with pytest.raises(InvalidValue, match="khác năm ban hành"):
        _doc("82/2018/NĐ-CP", "2019-05-22")


def test_a_document_cannot_take_effect_before_it_is_issued():
    with pytest.raises(InvalidValue, match="trước ngày ban hành"):
        Document(
            symbol=parse_symbol("82/2018/NĐ-CP"),
            kind=DocumentKind.DECREE,
            issued_on=dt.date(2018, 5, 22),
            effective_on=dt.date(2018, 5, 1),
            issuer="Chính phủ",
            title="t",
        )


def test_party_documents_sharing_a_number_are_told_apart_by_their_date():
    register = DocumentRegister([_doc("18-NQ/TW", "2017-10-25"), _doc("18-NQ/TW", "2022-06-16")])

    with pytest.raises(InvalidValue, match="ghi thêm ngày ban hành"):
        register.resolve("18-NQ/TW")
    assert register.resolve("18-NQ/TW", dt.date(2022, 6, 16)).issued_on.year == 2022


def test_a_document_is_registered_once():
    register = DocumentRegister([_doc("18-NQ/TW", "2017-10-25")])

    with pytest.raises(InvalidValue, match="đã có trong sổ"):
        register.add(_doc("18-NQ/TW", "2017-10-25"))


def test_an_unknown_document_is_reported():
    with pytest.raises(InvalidValue, match="không có văn bản 99-NQ/TW"):
        DocumentRegister().resolve("99-NQ/TW")


def test_a_citation_reads_the_usual_vietnamese_way():
    document = Document(
        symbol=parse_symbol("82/2018/NĐ-CP"),
        kind=DocumentKind.DECREE,
        issued_on=dt.date(2018, 5, 22),
        issuer="Chính phủ",
        title="Quy định về quản lý khu công nghiệp và khu kinh tế",
    )

    assert document.cite() == "Nghị định số 82/2018/NĐ-CP ngày 22/05/2018"
