"""A large project file (read by the compiled reader when it is plain enough) with a problem is
refused with the same problems, lines and wording as when libyaml reads it, and a good one
gives the same project."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tinhgon.io import ProjectFileError, fastyaml, load_project
from tinhgon.io.project_file import project_to_plain

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
from bigfile import project_text  # noqa: E402

BIG = project_text(700)


def _spoil(kind: str) -> str:
    lines = BIG.split("\n")
    at = next(i for i, line in enumerate(lines) if line == "- id: p300")
    if kind == "duplicate key":
        lines.insert(at + 2, lines[at + 1])  # name: twice
    elif kind == "syntax":
        lines[at + 1] = lines[at + 1] + ": x"
    elif kind == "indentation":
        lines[at + 2] = " " + lines[at + 2]
    elif kind == "bad date":
        lines[at + 2] = "  born: '1980-02-30'"
    elif kind == "unknown unit":
        lines = [("  unit: nowhere" if line.startswith("  unit:") else line) for line in lines]
    elif kind == "number forms":  # read by libyaml only; then refused by the schema
        lines[at + 2] = "  born: 1_980"
    elif kind == "tab":
        lines[at + 1] = lines[at + 1].replace(": ", ":\t")
    return "\n".join(lines)


def _outcome(path: Path) -> tuple[str, object]:
    try:
        project = load_project(path)
    except ProjectFileError as error:
        return "refused", [(p.line, p.field, p.vi, p.en) for p in error.problems]
    return "read", project_to_plain(project)


@pytest.mark.parametrize(
    "kind",
    [
        "none",
        "duplicate key",
        "syntax",
        "indentation",
        "bad date",
        "unknown unit",
        "number forms",
        "tab",
    ],
)
def test_same_outcome_as_libyaml(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TINHGON_NO_CACHE", "1")
    path = tmp_path / "province.yaml"
    path.write_text(_spoil(kind), encoding="utf-8")
    assert path.stat().st_size >= fastyaml.LARGE
    read = []
    real_load = fastyaml.load

    def spy(text: str) -> object:
        result = real_load(text)
        read.append(result is not fastyaml.NOT_READ)
        return result

    monkeypatch.setattr(fastyaml, "load", spy)
    fast = _outcome(path)
    assert read[:1] == [
        kind not in ("duplicate key", "syntax", "indentation", "number forms", "tab")
    ]
    monkeypatch.setattr(fastyaml, "LARGE", 10**9)  # libyaml only, as before
    assert _outcome(path) == fast
    if kind in ("none", "tab"):  # libyaml takes a tab after "key:"
        assert fast[0] == "read"
    else:
        assert fast[0] == "refused"
        assert all(line is not None for line, *_ in fast[1])  # type: ignore[attr-defined]
