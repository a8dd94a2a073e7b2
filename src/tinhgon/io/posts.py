"""Posts as lists write them: the role a post gives in its unit, abbreviations included.

'TP', 'PTP', 'Phó TP', 'Chánh VP', 'Phó Chánh VP', 'GĐ', 'Phó GĐ', 'Q. Trưởng phòng',
'Quyền Trưởng phòng', 'P. Trưởng phòng', 'Trưởng ban', 'Phó Trưởng ban'… are read as the head or
deputy title of a unit kind. Posts that are not the leadership of the unit ('Tổ trưởng công
đoàn', 'Trưởng ban Thanh tra nhân dân', 'Kế toán trưởng', 'Lái xe') are staff, whatever words
they contain. A head or deputy title that is not the one of the unit's kind ('Giám đốc' of a
Phòng) is reported by the importer, not accepted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tinhgon.domain import Role, UnitKind
from tinhgon.io.columns import match_key, text_of
from tinhgon.io.sheets import CellValue

# Abbreviations, word by word, on the folded text.
_WORDS = {
    "tp": "truong phong",
    "ptp": "pho truong phong",
    "vp": "van phong",
    "cvp": "chanh van phong",
    "pcvp": "pho chanh van phong",
    "gd": "giam doc",
    "pgd": "pho giam doc",
    "tb": "truong ban",
    "ptb": "pho truong ban",
    "ctt": "chanh thanh tra",
    "pctt": "pho chanh thanh tra",
    "cct": "chi cuc truong",
    "pcct": "pho chi cuc truong",
}
# Leading words: 'Q.', 'Quyền' (acting: holds the post), 'P.' (phó).
_ACTING = ("quyen ", "q ")
# Posts of the party, the union, the people's inspection, or a trade: never the unit's head.
_NOT_LEADERSHIP = re.compile(
    r"cong doan|doan thanh nien|chi doan|chi bo|dang uy|thanh tra nhan dan|hoi cuu chien binh"
    r"|hoi phu nu|^ke toan|^lai xe|^bao ve|^tap vu|^van thu|^thu quy|^chuyen vien|^nhan vien"
    r"|^can su|^pho bi thu|^bi thu|^chu tich"
)


def expand(text: str) -> str:
    """The folded post with its abbreviations written out."""
    words = match_key(text).split()
    if words and words[0] == "p" and len(words) > 1:
        words[0] = "pho"
    return " ".join(_WORDS.get(w, w) for w in words)


@dataclass(frozen=True)
class Post:
    """What a post says: the role, and the kinds of unit whose head or deputy it names."""

    role: Role
    kinds: frozenset[str]  # kind codes; empty for staff
    title: str  # the post as written

    def fits(self, kind: UnitKind) -> bool:
        return self.role is Role.STAFF or kind.code in self.kinds


@lru_cache(maxsize=1024)
def _titles(kinds: tuple[UnitKind, ...]) -> tuple[tuple[str, Role, frozenset[str]], ...]:
    found: dict[tuple[str, Role], set[str]] = {}
    for kind in kinds:
        found.setdefault((match_key(kind.deputy_title), Role.DEPUTY), set()).add(kind.code)
        found.setdefault((match_key(kind.head_title), Role.HEAD), set()).add(kind.code)
    deputies = {t for t, r in found if r is Role.DEPUTY}
    rows = [
        (title, role, frozenset(codes))
        for (title, role), codes in found.items()
        if not (role is Role.HEAD and title in deputies)
    ]
    return tuple(sorted(rows, key=lambda item: -len(item[0])))


def read_post(value: CellValue, kinds: tuple[UnitKind, ...]) -> Post:
    return _read_post(text_of(value), kinds)


@lru_cache(maxsize=4096)
def _read_post(written: str, kinds: tuple[UnitKind, ...]) -> Post:
    text = expand(written)
    if not text or _NOT_LEADERSHIP.search(text):
        return Post(Role.STAFF, frozenset(), written)
    for prefix in _ACTING:
        if text.startswith(prefix):
            text = text[len(prefix) :]
            break
    for title, role, codes in _titles(kinds):
        if text == title or text.startswith(title + " "):
            return Post(role, codes, written)
    if text.startswith("pho "):
        head = _read_post(text[4:], kinds)
        if head.role is Role.HEAD:
            return Post(Role.DEPUTY, head.kinds, written)
    return Post(Role.STAFF, frozenset(), written)
