"""The compiled YAML reader (io/fastyaml.py) gives exactly what libyaml's events in yamlsrc
give — equal data, equal types, keys in the same order — or leaves the text to them.

The property: for any text, when ``fastyaml.load`` reads it, ``yamlsrc._build`` (the reading
used before, and still used for everything the compiled reader leaves) reads it without an
error and to the same data. Made-up texts come from a grammar of block mappings and
sequences whose scalars are drawn from the awkward cases (number forms of both readers,
indicators, quoting, Vietnamese text, several lines); every YAML file of the repository and
a generated province file are read too, and must be read by the compiled reader where the
repository's own files are plain enough (otherwise the property would hold vacuously).
"""

from __future__ import annotations

import math
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tinhgon.io import fastyaml
from tinhgon.io.yamlsrc import YamlSyntaxError, _build, dump_plain, load_plain

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
from bigfile import project_text  # noqa: E402


def typed(value: Any) -> Any:
    """The value with every type spelled out and mappings in their order (1 == 1.0 == True,
    {a, b} == {b, a} and nan != nan are hidden by plain equality)."""
    if isinstance(value, dict):
        return ("dict", [(typed(k), typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [typed(v) for v in value])
    if isinstance(value, float) and math.isnan(value):
        return ("float", "nan")
    return (type(value).__name__, repr(value))


def usual(text: str) -> Any:
    """What the usual reading gives: the data, or the error it words."""
    try:
        return typed(_build(text, None))
    except YamlSyntaxError as error:
        return ("error", error.line, error.en)


def assert_alike(text: str) -> bool:
    """The property for one text; whether the compiled reader read it."""
    fast = fastyaml.load(text)
    if fast is fastyaml.NOT_READ:
        return False
    assert usual(text) == typed(fast), text
    return True


def repository_yaml() -> list[Path]:
    found = [
        *ROOT.glob("examples/*.yaml"),
        *ROOT.glob("src/tinhgon/law/parameters/*.yaml"),
        *ROOT.glob("tests/**/*.yaml"),
    ]
    assert len(found) >= 40
    return sorted(found)


@pytest.mark.parametrize("path", repository_yaml(), ids=lambda p: p.name)
def test_every_yaml_file_of_the_repository(path: Path) -> None:
    assert_alike(path.read_text("utf-8"))


def test_a_province_is_read_by_the_compiled_reader() -> None:
    """(The hand-written example uses flow style, ``[a, b]``, ``{code: x}``: left to the
    usual reading.)"""
    big = project_text(2_000)
    assert len(big) >= fastyaml.LARGE
    assert assert_alike(big)
    # and load_plain takes the compiled reader for the large one (same data either way)
    assert typed(load_plain(big)) == usual(big)


def test_files_the_writer_makes_are_read_by_the_compiled_reader() -> None:
    data = {
        "tinhgon": 1,
        "agency": {"id": "so", "name": "Sở Nội vụ tỉnh Thử nghiệm", "note": "ghi chú"},
        "documents": [{"symbol": "24/2023/NĐ-CP", "issued_on": "2023-05-14", "kind": "decree"}],
        "people": [
            {"id": f"p{i}", "born": "1980-01-02", "national_id": "001100000001", "rank": {}}
            for i in range(3)
        ],
        "quotas": [{"year": 2024, "value": 12, "ratio": 1.5, "on": None, "open": True}],
        "fields": [],
    }
    assert assert_alike(dump_plain(data))
    # a text of several lines is written as a block scalar (``|``): left to the usual reading
    # (yaml-rs reads an empty one otherwise, "\n" against "")
    data["agency"]["note"] = "dòng 1\ndòng 2\n"  # type: ignore[index]
    assert not assert_alike(dump_plain(data))


# Scalars the two readers may read otherwise; each is left to the usual reading in every
# position (a value, an item, a key), or read alike.
AWKWARD = [
    "1_000", "0b101", "0B1", "0X1F", "0O17", "+0x1", "-0x1", "0x1F", "0o17", "0o", "0x",
    ".iNf", ".inf", "-.Inf", "+.inf", ".NaN", ".nan", "+.nan", "_1", "1_", "__", "_",
    "1.", ".5", "-.5", "1e3", "1E+3", "1.5e-3", ".5e3", "1.e3", "1e", "e3", "1e1000",
    "0123", "00", "-0", "+1", "-1", "01.5", "99999999999999999999999", "1.2.3", "1,5", "1:30",
    "12:30:45", "2018-01-01", "2018-01-01T10:00:00", "2018-1-1", "1 2", "~", "~x", "-", "--1",
    "-x", "--after", "null", "Null", "NULL", "nUll", "true", "True", "TRUE", "tRue", "false",
    "yes", "on", "off", "No", "y", "[]", "{}", "[1]", "{a: 1}", "&a x", "*a", "!!str 1",
    "!x 1", "! 1", "? x", "%x", "@x", "`x", "|", ">", ":x", "x:y", "x #c", "x#c", "'1'",
    '"1"', "''", "'it''s'", "Đà Nẵng", "24/2023/NĐ-CP", "Nguyễn Văn A.", "0905 123 456",
]  # fmt: skip


@pytest.mark.parametrize("scalar", AWKWARD)
def test_awkward_scalars_in_every_position(scalar: str) -> None:
    for text in (
        f"a: {scalar}\n",
        f"- {scalar}\n",
        f"{scalar}: a\n",
        f"a:\n  - {scalar}\n  - b\n",
        f"a:\n  {scalar}: 1\n",
        f"a: x\n  {scalar}\n",
        f"{scalar}\n",
    ):
        assert_alike(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: 1_000\n", "a: 0b101\n", "a: .iNf\n", "a: +0x1\n", "1: x\n", "true: x\n",
        "~: x\n", ": x\n", "[]: x\n", "a: &x 1\nb: *x\n", "a: !!str 1\n", "--- 1\n--- 2\n",
        "a: 1\n---\n", "... \n", "a:\tb\n", "a: 'x\\y'\n", "? a\n: b\n", "a: [1, b]\n",
        "a: 1\r\nb: 2\n", "a: x\u2028y\n", "a: x\x85y\n", "\ufeffa: 1\n", "a: \x07\n",
    ],
)  # fmt: skip
def test_what_is_read_otherwise_is_left_to_the_usual_reading(text: str) -> None:
    """The guard itself: these would be read otherwise (or need a rule of their own), so the
    compiled reader must leave them (a dropped rule of the scan fails here)."""
    assert fastyaml.load(text) is fastyaml.NOT_READ


def test_errors_are_left_to_the_usual_reading() -> None:
    for text in ("a: 1\na: 2\n", "a: 1\n'a': 2\n", "a: b: c\n", "a: 1\n  b: 2\n", "- a\nb: 1\n"):
        assert fastyaml.load(text) is fastyaml.NOT_READ
        with pytest.raises(YamlSyntaxError):
            load_plain(text * 5000 if len(text * 5000) < 10**6 else text)


# -- made-up documents ---------------------------------------------------------------------

PLAIN_ALPHABET = "0123456789_-+.eExXoObBiInNaAfF ~:#&*!|>?[]{},'\"%@`\\xyĐđạ"
WORDS = st.sampled_from(
    ["id", "name", "Tên", "đơn vị", "on", "yes", "null", "true", "x", "1", "-1", "0x1", "1_0"]
)


def plain_scalars() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(AWKWARD),
        st.text(alphabet=PLAIN_ALPHABET, min_size=0, max_size=7),
        st.text(alphabet="0123456789_-+.eExXob", min_size=1, max_size=6),
        st.text(
            alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)),
            min_size=0,
            max_size=6,
        ),
    )


def quoted(value: str, kind: str) -> str:
    if kind == "'":
        return "'" + value.replace("'", "''") + "'"
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


@st.composite
def scalars(draw: st.DrawFn, indent: int) -> str:
    kind = draw(st.sampled_from(["plain", "plain", "'", '"', "block", "multi"]))
    value = draw(plain_scalars())
    if kind in ("'", '"'):
        return quoted(value, kind)
    if kind == "block":
        head = draw(st.sampled_from(["|", "|-", "|+", ">", ">-", ">+"]))
        lines = draw(st.lists(st.one_of(plain_scalars(), st.just("")), min_size=1, max_size=3))
        pad = " " * (indent + 2)
        extra = draw(st.sampled_from(["", " ", "  "]))
        return head + "".join(f"\n{pad}{extra if i else ''}{line}" for i, line in enumerate(lines))
    if kind == "multi":
        second = draw(plain_scalars())
        return f"{value}\n{' ' * (indent + 2)}{second}"
    return value


@st.composite
def blocks(draw: st.DrawFn, indent: int = 0, depth: int = 0) -> str:
    """A block mapping or sequence at this indentation (its lines, joined)."""
    pad = " " * indent
    lines = []
    mapping = draw(st.booleans())
    for _ in range(draw(st.integers(1, 3))):
        head = f"{pad}{draw(st.one_of(WORDS, plain_scalars()))}:" if mapping else f"{pad}-"
        if depth < 2 and draw(st.integers(0, 3)) == 0:
            lines.append(head + "\n" + draw(blocks(indent + 2, depth + 1)))
        else:
            lines.append(f"{head} {draw(scalars(indent))}")
    return "\n".join(lines)


@st.composite
def documents(draw: st.DrawFn) -> str:
    text = draw(blocks()) + draw(st.sampled_from(["", "\n", "\n\n", "\n# c\n"]))
    # now and then a line moved, doubled or cut: texts either reader may refuse
    if draw(st.integers(0, 4)) == 0:
        lines = text.split("\n")
        i = draw(st.integers(0, len(lines) - 1))
        change = draw(st.sampled_from(["indent", "double", "cut", "comment"]))
        if change == "indent":
            lines[i] = " " + lines[i]
        elif change == "double":
            lines.insert(i, lines[i])
        elif change == "cut":
            lines[i] = lines[i][: len(lines[i]) // 2]
        else:
            lines[i] += " # " + draw(plain_scalars())
        text = "\n".join(lines)
    return text


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
@example("a: 1\nb:\n  - x\n  - 'y'\n")
def test_made_up_documents(text: str) -> None:
    assert_alike(text)


@settings(max_examples=300, deadline=None)
@given(
    st.recursive(
        st.one_of(
            st.none(),
            st.booleans(),
            st.integers(-(10**20), 10**20),
            st.floats(allow_nan=False),
            st.text(alphabet=PLAIN_ALPHABET + "\n ", max_size=12),
            st.text(max_size=8),
        ),
        lambda inner: st.one_of(
            st.lists(inner, max_size=3),
            st.dictionaries(
                st.text(alphabet="abcĐđ_ 1", min_size=1, max_size=5), inner, max_size=3
            ),
        ),
        max_leaves=12,
    )
)
def test_what_the_writer_writes(data: Any) -> None:
    assert_alike(dump_plain({"data": data}))
