"""The quick reading of parameter files (libyaml) gives exactly ruamel.yaml's YAML 1.2 reading."""

from __future__ import annotations

import datetime as dt
import warnings
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tinhgon.law import ParameterError, load_parameters, parameter_yaml, parse_parameter
from tinhgon.law.parameter_yaml import YamlProblem, load, ruamel_load
from tinhgon.law.parameters import parameter_files


def typed(data: Any) -> Any:
    """The data with every value's type beside it (``1 == 1.0 == True`` hides differences)."""
    if isinstance(data, dict):
        return ("dict", [(typed(k), typed(v)) for k, v in data.items()])
    if isinstance(data, list):
        return ("list", [typed(v) for v in data])
    return (type(data).__name__, data)


def reading(text: str) -> Any:
    try:
        with warnings.catch_warnings():  # made-up texts may reuse an anchor: ruamel warns
            warnings.simplefilter("ignore")
            return typed(ruamel_load(text))
    except (YamlProblem, ValueError) as error:
        return ("refused", type(error).__name__)


def quick_reading(text: str) -> Any:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return typed(load(text))
    except (YamlProblem, ValueError) as error:
        return ("refused", type(error).__name__)


def test_every_parameter_file_reads_as_ruamel_reads_it_and_without_ruamel() -> None:
    files = parameter_files()
    assert len(files) >= 27
    for file in files:
        text = file.read_text(encoding="utf-8")
        assert typed(parameter_yaml._quick(text)) == reading(text), file.name


def test_the_package_parameters_are_the_same_through_either_reading(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    quick = load_parameters(parameter_files()[0].parent)
    monkeypatch.setattr(parameter_yaml, "_Loader", None)  # ruamel for every file
    slow = load_parameters(parameter_files()[0].parent)
    assert quick == slow


@pytest.mark.parametrize(
    "scalar",
    [
        "12", "-3", "0", "-0", "012", "+1", "1_000", "0o17", "0x1F", "0b101", "1.5", "-0.25",
        "1.", ".5", "1e3", "1.0e+3", ".inf", "-.Inf", ".nan", "2025-07-01", "2025-7-1",
        "2025-13-01", "2025-07-01 10:00:00", "2025-07-01T10:00:00Z", "null", "Null", "NULL",
        "~", "", "true", "True", "TRUE", "false", "yes", "no", "on", "off", "Yes", "y", "n",
        "nul", "tru", "title", "24/2023/NĐ-CP", "15 năm", "1:20", "12:30:00", "=", "<<",
        "'12'", '"2025-07-01"', "!!str 12", "!!str true", "!!str abc", "!!int 12",
        "!!float 1", "!!str 2025-07-01", "! 12", "|\n  12\n", ">\n  a\n  b\n", "[1, 2]",
        "{a: 1}", "&x 1", "Điều 5", "a b: c",
    ],
)  # fmt: skip
def test_scalars_read_as_ruamel_reads_them(scalar: str) -> None:
    text = f"key: {scalar}\n"
    assert quick_reading(text) == reading(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: &x [1]\nb: *x\n",
        "a: 1\na: 2\n",
        "2025-01-01: 1\n2025-01-01: 2\n",
        "1: a\n1.0: b\n",
        "'2025-01-01': 1\n2025-01-01: 2\n",
        "<<: {a: 1}\nb: 2\n",
        "a: 1\n---\nb: 2\n",
        "%YAML 1.1\n---\na: yes\n",
        "",
        "a: [1, 2\n",
        "a:\n\tb: 1\n",
        "? [1, 2]\n: c\n",
        "!!map {a: 1}\n",
        "!!omap [a: 1]\n",
    ],
)
def test_documents_read_as_ruamel_reads_them(text: str) -> None:
    assert quick_reading(text) == reading(text)


def test_a_key_given_twice_is_still_refused_with_ruamels_words() -> None:
    text = (parameter_files()[0].read_text(encoding="utf-8")).replace(
        "values:\n", "values:\n  2020-01-01: {value: null}\n  2020-01-01: {value: null}\n", 1
    )
    with pytest.raises(ParameterError) as refused:
        parse_parameter(text, name=parameter_files()[0].name)
    assert "trùng" in refused.value.problems[0].vi
    assert "duplicate key" in refused.value.problems[0].en


_PLAIN_CHARS = st.sampled_from(list("0123456789-+._:eExXoObB aAfFnNtTzZ~/ĐđyYsl<=!&*,#"))


@settings(max_examples=400, deadline=None)
@given(st.text(_PLAIN_CHARS, max_size=14))
def test_made_up_plain_scalars_read_as_ruamel_reads_them(scalar: str) -> None:
    text = f"key: {scalar}\nother: [{scalar}]\n{scalar}: 1\n"
    assert quick_reading(text) == reading(text)


@settings(max_examples=150, deadline=None)
@given(
    st.recursive(
        st.one_of(
            st.none(),
            st.booleans(),
            st.integers(-(10**6), 10**6),
            st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)),
            st.text(max_size=8),
        ),
        lambda inner: st.one_of(
            st.lists(inner, max_size=3),
            st.dictionaries(st.text(max_size=5), inner, max_size=3),
        ),
        max_leaves=12,
    )
)
def test_made_up_documents_written_by_ruamel_read_back_alike(data: Any) -> None:
    import io

    from ruamel.yaml import YAML

    out = io.StringIO()
    YAML(typ="safe", pure=True).dump({"root": data}, out)
    text = out.getvalue()
    assert quick_reading(text) == reading(text)
