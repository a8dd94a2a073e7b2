"""Vietnamese text: alphabetical order, name order, and diacritic-free matching.

The alphabet is a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y; letters compare
first, tones second (none, huyền, hỏi, ngã, sắc, nặng), as in dictionaries and ICU's Vietnamese
collation. Lists of people sort by given name (the last word), then the middle names, then the
family name.
"""

from __future__ import annotations

import functools
import unicodedata

_ALPHABET = [
    "a",
    "ă",
    "â",
    "b",
    "c",
    "d",
    "đ",
    "e",
    "ê",
    "g",
    "h",
    "i",
    "k",
    "l",
    "m",
    "n",
    "o",
    "ô",
    "ơ",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "ư",
    "v",
    "x",
    "y",
]
_RANK = {letter: i for i, letter in enumerate(_ALPHABET)}
# Letters outside the Vietnamese alphabet (f, j, w, z) and digits sort after it, in code order.
_OTHER_BASE = len(_ALPHABET)

# Tones: none, huyền (grave), hỏi (hook above), ngã (tilde), sắc (acute), nặng (dot below).
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def _letters(text: str) -> list[tuple[str, int]]:
    """Each letter of the text with its tone (0 for none)."""
    out: list[tuple[str, int]] = []
    for char in unicodedata.normalize("NFD", text.casefold()):
        if unicodedata.combining(char):
            if not out:
                continue
            base, tone = out[-1]
            if char in _TONES:
                out[-1] = (base, _TONES[char])
            elif char == "\u0306" and base == "a":
                out[-1] = ("ă", tone)
            elif char == "\u0302" and base in "aeo":
                out[-1] = ({"a": "â", "e": "ê", "o": "ô"}[base], tone)
            elif char == "\u031b" and base in "ou":
                out[-1] = ({"o": "ơ", "u": "ư"}[base], tone)
            continue
        out.append((char, 0))
    return out


@functools.lru_cache(maxsize=65536)
def sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...], str]:
    """A key that orders text the Vietnamese way: letters first, then tones."""
    letters = _letters(text)
    primary = tuple(
        _RANK[c] if c in _RANK else _OTHER_BASE + ord(c) for c, _ in letters if not c.isspace()
    )
    secondary = tuple(tone for c, tone in letters if not c.isspace())
    return primary, secondary, text


@functools.lru_cache(maxsize=65536)
def name_sort_key(full_name: str) -> tuple[object, ...]:
    """Order of a list of people: given name, then middle names, then family name."""
    words = full_name.split()
    if not words:
        return ((), (), ())
    given, family, middle = words[-1], words[0] if len(words) > 1 else "", " ".join(words[1:-1])
    g, m, f = sort_key(given), sort_key(middle), sort_key(family)
    return (g[0], g[1], m[0], m[1], f[0], f[1], full_name)


def fold(text: str) -> str:
    """Text without diacritics, lower case, single spaces: 'Nguyễn Văn An' → 'nguyen van an'."""
    stripped = "".join(
        c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)
    )
    return " ".join(stripped.replace("đ", "d").replace("Đ", "D").casefold().split())
