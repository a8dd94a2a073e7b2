"""show, check, compare and validate read a history for the dates they ask (fewer snapshots);
their output is the same as with every snapshot kept."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import tinhgon.domain.timeline as timeline_module
from tinhgon.cli import main
from tinhgon.cli.main import app

runner = CliRunner()


def _big(tmp_path: Path) -> Path:
    path = Path(__file__).resolve().parents[2] / "bench" / "bigfile.py"
    spec = importlib.util.spec_from_file_location("bigfile", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    file = tmp_path / "big.yaml"
    file.write_text(module.project_text(600), encoding="utf-8")
    return file


COMMANDS = [
    ("validate",),
    ("show", "--on", "2016-06-30", "--format", "json"),
    ("show", "--on", "2030-01-01"),
    ("check", "--on", "2016-06-30", "--format", "json"),
    ("compare", "--before", "2015-06-30", "--after", "2017-01-01", "--format", "json"),
    ("compare", "--before", "01/01/2016", "--after", "31/12/2016"),
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c))
def test_the_output_is_the_same_as_with_every_snapshot(
    command: tuple[str, ...], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = _big(tmp_path)
    monkeypatch.setattr(timeline_module, "_MIN_STEP", 40)  # the usual way keeps many here
    asked: list[Any] = []
    real = timeline_module.Timeline.__init__

    def spy(self: Any, *args: Any, **kwargs: Any) -> None:
        asked.append(kwargs.get("snapshots_for"))
        real(self, *args, **kwargs)

    monkeypatch.setattr(timeline_module.Timeline, "__init__", spy)
    args = [command[0], str(file), *command[1:]]
    sparse = runner.invoke(app, args)
    assert asked
    assert asked[0] is not None
    assert len(asked[0]) == {"validate": 0, "compare": 2}.get(command[0], 1)
    monkeypatch.setattr(main, "_dates_or_none", lambda values: None)
    asked.clear()
    usual = runner.invoke(app, args)
    assert asked == [None]
    assert (sparse.exit_code, sparse.output) == (usual.exit_code, usual.output)
    assert usual.exit_code in (0, 1), usual.output


def test_a_date_that_does_not_parse_keeps_every_snapshot_and_is_refused_as_before() -> None:
    assert main._dates_or_none(("31-12-2019",)) is None
    assert main._dates_or_none(("31/12/2019", "2020-01-01")) is not None
    assert main._dates_or_none(None) is None


def test_a_one_shot_reading_sets_what_it_read_aside_from_the_collector_and_prints_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc
    import os
    import subprocess
    import sys

    file = _big(tmp_path)
    seen: list[bool] = []
    from tinhgon import io as tinhgon_io

    loader = tinhgon_io.load_project

    def watching(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return loader(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(tinhgon_io, "load_project", watching)
    try:
        monkeypatch.setattr(main, "one_shot", True)
        project = main.read_project(file, on=("2016-06-30",))
        assert seen == [False]  # off while reading
        assert gc.isenabled()  # on again for what the command makes next
        assert gc.get_freeze_count() > len(project.people)  # what was read: never scanned again
    finally:
        gc.unfreeze()
        gc.enable()
    monkeypatch.setattr(main, "one_shot", False)
    main.read_project(file)
    assert seen == [False, True]  # under a test runner (or a server) the collector stays on
    assert gc.get_freeze_count() == 0

    args = ["check", str(file), "--on", "2016-06-30", "--format", "json"]
    code = "import sys; from tinhgon.entry import main; sys.argv[0] = 'tinhgon'; main()"
    env = dict(os.environ, TINHGON_NO_CACHE="1")
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=False
    )
    here = runner.invoke(app, args)
    assert (done.returncode, done.stdout) == (here.exit_code, here.stdout)
