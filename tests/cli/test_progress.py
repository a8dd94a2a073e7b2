"""Progress bars: drawn on a terminal with what is done, counts and time left; nothing when
the output is not a terminal or with --quiet."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console
from typer.testing import CliRunner

from tinhgon.cli import progress
from tinhgon.cli.main import app
from tinhgon.io import load_project

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kontum-ez-board.yaml"


def test_loading_draws_bars_on_a_terminal() -> None:
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=160)
    with progress.progress_bar(enabled=True, console=console) as bar:
        assert bar is not None
        project = load_project(EXAMPLE, progress=bar)
    drawn = screen.getvalue()
    assert len(project.people) == 65
    assert "Đọc nhân sự / reading the people" in drawn
    assert "Đọc tệp (dòng) / reading the file (lines)" in drawn
    assert "Dựng lịch sử thay đổi / building the history" in drawn
    assert "còn / left" in drawn


def test_no_bar_when_not_wanted() -> None:
    with progress.progress_bar(enabled=False) as bar:
        assert bar is None


def test_quiet_and_not_a_terminal() -> None:
    runner = CliRunner()
    try:
        done = runner.invoke(app, ["--quiet", "validate", str(EXAMPLE)])
        assert done.exit_code == 0, done.output
        assert progress.quiet is True
        assert not progress.wanted()
        done = runner.invoke(app, ["validate", str(EXAMPLE)])
        assert done.exit_code == 0
        assert progress.quiet is False
        assert not progress.wanted()  # the test's standard error is not a terminal
        assert "━" not in done.output
    finally:
        progress.quiet = False


def _terminal(monkeypatch) -> io.StringIO:  # type: ignore[no-untyped-def]
    """The program's standard error made a terminal that writes into a string."""
    import tinhgon.cli.main as main

    screen = io.StringIO()
    monkeypatch.setattr(main, "err", Console(file=screen, force_terminal=True, width=160))
    return screen


def test_check_and_import_draw_bars_on_a_terminal_and_none_when_quiet(
    monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from tinhgon.cli.excel import IMPORTING
    from tinhgon.cli.law import CHECKING

    runner = CliRunner()
    screen = _terminal(monkeypatch)
    done = runner.invoke(app, ["check", str(EXAMPLE), "--on", "2019-12-31"])
    assert done.exit_code in (0, 1), done.output
    assert CHECKING in screen.getvalue()
    assert "2/2" in screen.getvalue()
    book = tmp_path / "kontum.xlsx"
    done = runner.invoke(
        app, ["export", "workbook", str(EXAMPLE), "--on", "31/12/2019", "-o", str(book)]
    )
    assert done.exit_code == 0, done.output
    args = ["import", str(book), "--into", str(tmp_path / "moi.yaml"), "--basis", "05/BC-BQLKKT",
            "--basis-date", "31/12/2019", "--basis-title", "Danh sách"]  # fmt: skip
    done = runner.invoke(app, args)
    assert done.exit_code == 0, done.output
    assert IMPORTING in screen.getvalue()
    assert "3/3" in screen.getvalue()
    quiet = _terminal(monkeypatch)
    try:
        done = runner.invoke(app, ["--quiet", "check", str(EXAMPLE), "--on", "2019-12-31"])
        assert done.exit_code in (0, 1)
        assert CHECKING not in quiet.getvalue()
    finally:
        progress.quiet = False
