import pytest

from tinhgon.domain import fold, name_sort_key, text_sort_key


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("NỮ", "nữ"),
        ("nu", "Nữ"),
        ("  Ngày,  tháng, năm sinh ", "ngay thang nam sinh"),
        ("Số định danh cá nhân", "so dinh danh ca nhan"),
        ("ĐẶNG QUỐC TUẤN", "dang quoc tuan"),
        ("Phòng Kế hoạch - Tổng hợp", "phong ke hoach tong hop"),
    ],
)
def test_fold_matches_text_whatever_its_case_spacing_and_diacritics(typed, stored):
    assert fold(typed) == fold(stored)


def test_fold_keeps_letters_apart_that_differ_without_their_marks():
    assert fold("Nam") != fold("Nữ")


def test_fold_reads_decomposed_text_like_composed_text():
    decomposed = "Nguye\u0302\u0303n"

    assert fold(decomposed) == fold("Nguyễn") == "nguyen"


def test_names_sort_by_given_name_before_family_name():
    names = ["Trần Văn Bình", "Lê Thị An", "Nguyễn Văn Cường"]

    assert sorted(names, key=name_sort_key) == ["Lê Thị An", "Trần Văn Bình", "Nguyễn Văn Cường"]


def test_names_with_the_same_given_name_sort_by_middle_then_family_name():
    names = ["Trần Văn Hùng", "Nguyễn Văn Hùng", "Nguyễn Đình Hùng"]

    assert sorted(names, key=name_sort_key) == [
        "Nguyễn Đình Hùng",
        "Nguyễn Văn Hùng",
        "Trần Văn Hùng",
    ]


def test_letters_with_marks_follow_their_base_letter_in_the_vietnamese_alphabet():
    words = ["Ân", "Ăn", "An", "Bình", "Đức", "Dũng", "Ơn", "Ôn", "On", "Ưng", "Ung", "Vy"]

    ordered = sorted(words, key=lambda w: text_sort_key(w))

    assert ordered == [
        "An",
        "Ăn",
        "Ân",
        "Bình",
        "Dũng",
        "Đức",
        "On",
        "Ôn",
        "Ơn",
        "Ung",
        "Ưng",
        "Vy",
    ]


def test_tones_order_none_huyen_hoi_nga_sac_nang():
    words = ["Hạ", "Há", "Hã", "Hả", "Hà", "Ha"]

    assert sorted(words, key=lambda w: text_sort_key(w)) == ["Ha", "Hà", "Hả", "Hã", "Há", "Hạ"]


def test_letters_count_before_tones():
    assert sorted(["Hai", "Hà"], key=lambda w: text_sort_key(w)) == ["Hà", "Hai"]


def test_a_tone_under_a_modified_vowel_keeps_both_the_letter_and_the_tone():
    assert text_sort_key("Ậ") == text_sort_key("ậ")
    assert sorted(["Ấn", "Ận", "Ăn", "An"], key=lambda w: text_sort_key(w)) == [
        "An",
        "Ăn",
        "Ấn",
        "Ận",
    ]


def test_single_word_and_empty_names_sort_without_error():
    names = ["Y Ngọc", "Ngọc", "", "A Thuấn"]

    ordered = sorted(names, key=name_sort_key)

    assert ordered[0] == ""
    assert ordered.index("Ngọc") < ordered.index("Y Ngọc") < ordered.index("A Thuấn")
