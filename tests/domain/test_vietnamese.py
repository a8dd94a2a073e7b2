"""Vietnamese order and diacritic-free matching."""

from __future__ import annotations

from tinhgon.domain.vietnamese import fold, name_sort_key, sort_key


def test_the_alphabet_orders_letters_with_marks_after_the_plain_letter():
    words = ["đi", "ăn", "an", "ân", "dê", "bê", "ơn", "ôm", "om", "ưa", "ua"]

    assert sorted(words, key=sort_key) == [
        "an",
        "ăn",
        "ân",
        "bê",
        "dê",
        "đi",
        "om",
        "ôm",
        "ơn",
        "ua",
        "ưa",
    ]


def test_tones_come_second_in_the_order_none_huyen_hoi_nga_sac_nang():
    words = ["má", "mạ", "mà", "ma", "mã", "mả"]

    assert sorted(words, key=sort_key) == ["ma", "mà", "mả", "mã", "má", "mạ"]


def test_letters_decide_before_tones():
    assert sorted(["bá", "ba", "bàc"], key=sort_key) == ["ba", "bá", "bàc"]


def test_people_sort_by_given_name_then_middle_then_family_name():
    names = ["Trần Văn Bình", "Nguyễn Thị An", "Lê Văn An", "Nguyễn Văn An", "Đỗ Ánh"]

    assert sorted(names, key=name_sort_key) == [
        "Nguyễn Thị An",
        "Lê Văn An",
        "Nguyễn Văn An",
        "Đỗ Ánh",
        "Trần Văn Bình",
    ]


def test_upper_and_lower_case_sort_together():
    assert sorted(["Ân", "an", "ĂN"], key=sort_key)[0] == "an"


def test_folding_removes_diacritics_and_case():
    assert fold("  Nguyễn   Văn ĐỨC ") == "nguyen van duc"
    assert fold("Phòng Quản lý đầu tư") == "phong quan ly dau tu"
