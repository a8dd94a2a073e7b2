"""The national dataset's quick YAML writer: what it writes reads back as the data given."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tinhgon.io.national import national_provinces
from tinhgon.io.national_yaml import dump_fast, scalar
from tinhgon.io.yamlsrc import load_plain

texts = st.text(
    st.characters(blacklist_categories=("Cs",)), max_size=20
) | st.sampled_from(
    ["on", "true", "null", "~", "01.003", "2024-01-01", "-", "- a", "a: b", "#x", "x #y",
     " lead", "trail ", "0x1F", ".inf", "---", "...", "Sở Y tế", "'q'", '"d"', "a\nb", ""]
)  # fmt: skip
leaves = texts | st.integers() | st.booleans() | st.none()
plain: Any = st.recursive(
    leaves,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(texts, plain, max_size=5))
def test_random_data_reads_back_equal(data: dict[str, Any]) -> None:
    assert load_plain(dump_fast(data) or "{}") == data


@given(texts)
def test_one_text_reads_back_equal(value: str) -> None:
    assert load_plain(f"k: {scalar(value)}\n") == {"k": value}


def test_a_province_reads_back_equal_and_streams() -> None:
    (province,) = national_provinces(2000, 5, only={"22"})
    text = dump_fast(province.project)
    assert load_plain(text) == province.project
    pieces: list[str] = []
    assert dump_fast(province.project, pieces.append) == ""
    assert "".join(pieces) == text
    assert "\n  born: " in text  # block style, one field a line
