"""The quick way of reading a project file gives what the located way gives, and a file
with a problem is still explained with its lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from tinhgon.io import ProjectFileError
from tinhgon.io.project_file import _parse_located, parse_project, project_to_plain
from tinhgon.io.yamlsrc import YamlSyntaxError, load_located, load_plain

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kontum-ez-board.yaml"


def test_the_example_reads_the_same_both_ways() -> None:
    text = EXAMPLE.read_text("utf-8")
    quick, located = parse_project(text, name="x"), _parse_located(text, "x")
    assert project_to_plain(quick) == project_to_plain(located)
    assert quick.timeline.changes == located.timeline.changes


SCALARS = """\
on: 2018-01-01
off: no
count: 0x10
octal: 0o17
neg: -3
real: 1.5e3
inf: -.inf
nothing: ~
empty:
yes: true
Quoted: '12'
explicit: !!str 12
tagged: !custom 12
block: |
  hai dòng
  two lines
anchor: &a {x: 1}
alias: *a
1: one
null: null key
"""


def test_scalars_follow_yaml_1_2_core_rules() -> None:
    data, locator = load_located(SCALARS)
    assert load_plain(SCALARS) == data
    assert data == {
        "on": "2018-01-01",
        "off": "no",
        "count": 16,
        "octal": 15,
        "neg": -3,
        "real": 1500.0,
        "inf": float("-inf"),
        "nothing": None,
        "empty": None,
        "yes": True,
        "Quoted": "12",
        "explicit": 12,
        "tagged": "12",
        "block": "hai dòng\ntwo lines\n",
        "anchor": {"x": 1},
        "alias": {"x": 1},
        "1": "one",
        "": "null key",
    }
    assert data["alias"] is not data["anchor"]
    assert locator.line(("alias", "x")) == 18
    assert locator.line(("block",)) == 14


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("a: 1\nb: 2\na: 3\n", 3, "duplicate key 'a'"),
        ("a: 1\n---\nb: 2\n", 2, "another document"),
        ("a: *nowhere\n", 1, "undefined alias"),
        ("a: [1, 2\nb: 3\n", 2, "YAML syntax error"),
    ],
)
def test_yaml_errors_name_their_line(text: str, line: int, message: str) -> None:
    for load in (load_plain, load_located):
        with pytest.raises(YamlSyntaxError) as caught:
            load(text)
        assert caught.value.line == line
        assert message in caught.value.en


def test_a_problem_found_after_the_quick_read_is_reported_with_its_line() -> None:
    text = EXAMPLE.read_text("utf-8").replace("kind: board", "kind: boardx", 1)
    line = 1 + EXAMPLE.read_text("utf-8").splitlines().index("  kind: board")
    with pytest.raises(ProjectFileError) as caught:
        parse_project(text, name="f.yaml")
    assert [(p.line, p.field) for p in caught.value.problems] == [(line, "agency.kind")]
