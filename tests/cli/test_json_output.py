"""The commands' JSON (cli/jsonout.py) is byte for byte what
``json.dumps(data, ensure_ascii=False, indent=2)`` writes: on made-up data of every JSON kind
(and of the kinds Python's json accepts beside them: tuples, str and int subclasses, keys that
are numbers, booleans or None), on what it refuses (the same error), and on the output of
``check``, ``show`` and ``compare`` of the example."""

from __future__ import annotations

import enum
import json
from collections import OrderedDict
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tinhgon.cli import jsonout
from tinhgon.cli.main import app

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kontum-ez-board.yaml"


class Colour(enum.StrEnum):
    RED = "đỏ"


class Size(enum.IntEnum):
    BIG = 3


def standard(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**30), 10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(),
    st.sampled_from([Colour.RED, Size.BIG, "", '\x00\u2028"\\/', "Đà Nẵng"]),
)
KEYS = st.one_of(
    st.text(max_size=5),
    st.integers(-5, 5),
    st.floats(allow_nan=False, width=16),
    st.booleans(),
    st.none(),
    st.just(Colour.RED),
)
DATA = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.lists(inner, max_size=3).map(tuple),
        st.dictionaries(KEYS, inner, max_size=4),
        st.dictionaries(st.text(max_size=3), inner, max_size=3).map(OrderedDict),
    ),
    max_leaves=25,
)


@settings(max_examples=700, deadline=None)
@given(DATA)
def test_same_text_as_the_standard_library(data: Any) -> None:
    assert jsonout.dumps(data) == standard(data)


@pytest.mark.parametrize(
    "data",
    [
        {"a": {1, 2}},
        [object()],
        {(1, 2): "tuple key"},
        {"x": b"bytes"},
    ],
    ids=["set", "object", "tuple key", "bytes"],
)
def test_the_same_refusal(data: Any) -> None:
    with pytest.raises(TypeError) as expected:
        standard(data)
    with pytest.raises(TypeError) as got:
        jsonout.dumps(data)
    assert str(got.value) == str(expected.value)


def test_a_cycle_and_deep_nesting() -> None:
    cycle: list[Any] = []
    cycle.append(cycle)
    with pytest.raises(ValueError, match="Circular reference"):
        jsonout.dumps(cycle)
    deep: Any = "x"
    for _ in range(700):  # deeper than jsonout goes itself: handed to the standard library
        deep = [deep]
    assert jsonout.dumps(deep) == standard(deep)


@pytest.mark.parametrize(
    "args",
    [
        ["check", str(EXAMPLE), "--on", "2020-12-31", "--format", "json"],
        ["show", str(EXAMPLE), "--on", "2020-12-31", "--format", "json"],
        ["compare", str(EXAMPLE), "--before", "2019-12-31", "--after", "2020-12-31",
         "--format", "json"],
    ],
    ids=["check", "show", "compare"],
)  # fmt: skip
def test_commands_write_what_the_standard_library_writes(args: list[str]) -> None:
    done = CliRunner().invoke(app, args)
    assert done.exit_code in (0, 1), done.output
    assert done.stdout == standard(json.loads(done.stdout)) + "\n"
    assert len(done.stdout) > 1000
