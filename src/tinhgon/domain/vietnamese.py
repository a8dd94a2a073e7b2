"""Vietnamese text: matching that ignores diacritics, and the Vietnamese order of names.

``fold`` is for matching what people type against what is stored: 'NỮ', 'nu' and 'Nữ' fold
alike, and so do 'Ngày, tháng, năm sinh' and 'ngay thang nam sinh'.

``name_sort_key`` sorts names the way Vietnamese lists do (shared/DESIGN.md): by the given name
(the last word), then the middle names, then the family name. Each word is compared letter by
letter in the Vietnamese alphabet (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y;
the letters f j w z of foreign names take their Latin places), and only then by its tone (none,
huyền, hỏi, ngã, sắc, nặng), so 'Hà' comes before 'Hai' and 'Ha' before 'Hà'.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NOT_WORD = re.compile(r"[\W_]+")

_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET)}

_BREVE, _CIRCUMFLEX, _HORN = "\u0306", "\u0302", "\u031b"
_MODIFIED = {
    ("a", _BREVE): "ă",
    ("a", _CIRCUMFLEX): "â",
    ("e", _CIRCUMFLEX): "ê",
    ("o", _CIRCUMFLEX): "ô",
    ("o", _HORN): "ơ",
    ("u", _HORN): "ư",
}
# none, huyền, hỏi, ngã, sắc, nặng
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}

WordKey = tuple[tuple[tuple[int, int], ...], int]


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Text for matching: no diacritics, đ as d, case folded, punctuation and runs of spaces
    as one space. 'Ngày, tháng, năm sinh' → 'ngay thang nam sinh'; 'NỮ' → 'nu'."""
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = bare.replace("đ", "d").replace("Đ", "D").casefold()
    return _NOT_WORD.sub(" ", bare).strip()


@lru_cache(maxsize=65536)
def word_key(word: str) -> WordKey:
    """One word's place in the Vietnamese order: its letters first, then its tone."""
    letters: list[tuple[int, int]] = []
    tone = 0
    for char in unicodedata.normalize("NFD", word.casefold()):
        if unicodedata.combining(char):
            if char in _TONE_RANK:
                tone = tone or _TONE_RANK[char]
            elif letters and letters[-1][0] == 1:
                base = _ALPHABET[letters[-1][1]]
                modified = _MODIFIED.get((base, char))
                if modified is not None:
                    letters[-1] = (1, _LETTER_RANK[modified])
            continue
        if char in _LETTER_RANK:
            letters.append((1, _LETTER_RANK[char]))
        elif char.isdigit():
            letters.append((0, ord(char)))
        else:
            letters.append((2, ord(char)))
    return tuple(letters), tone


def name_sort_key(full_name: str) -> tuple[WordKey, tuple[WordKey, ...], WordKey, str]:
    """Sort key for a Vietnamese full name: given name, then middle names, then family name;
    the name itself breaks any remaining tie so that the order is total."""
    words = full_name.split()
    if not words:
        return ((), 0), (), ((), 0), full_name
    given = word_key(words[-1])
    family = word_key(words[0]) if len(words) > 1 else ((), 0)
    middle = tuple(word_key(w) for w in words[1:-1])
    return given, middle, family, full_name


def text_sort_key(text: str) -> tuple[WordKey, ...]:
    """Sort key for any text in Vietnamese order, word by word from the first (unit names)."""
    return tuple(word_key(w) for w in text.split())
