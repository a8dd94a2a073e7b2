"""The ``tinhgon`` command line.

Exit codes: 0 success, 1 a check found violations, 2 bad input (a malformed file, date or
option). Errors go to standard error, in Vietnamese then English.
"""

from __future__ import annotations

import datetime as dt
import gc
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from tinhgon.cli import coercion, progress
from tinhgon.cli.lazy import Later
from tinhgon.domain import ChangeRefused, Project, TinhgonError

if TYPE_CHECKING:
    from rich.console import Console

app = typer.Typer(
    name="tinhgon",
    help=(
        "tinhgon — tổ chức bộ máy và biên chế như một lịch sử có ngày và căn cứ pháp lý.\n\n"
        "tinhgon — organisational structure and staffing as a dated, cited history."
    ),
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)

# Text, path and choice parameters without pydantic (a tenth of a second of start-up).
coercion.install()

EXIT_BAD_INPUT = 2


# Piped output is not cut to 80 columns: long Vietnamese unit names stay on one line.
# Made on first use: rich's console takes a tenth of the start-up to load.
def _out() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=True, width=None if sys.stdout.isatty() else 200)


def _err() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


out: Console = Later(_out)  # type: ignore[assignment]
err: Console = Later(_err)  # type: ignore[assignment]


OnOpt = Annotated[str, typer.Option("--on", help="Tại ngày / as of (dd/mm/yyyy hoặc yyyy-mm-dd)")]


class OutputFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


def fail(message: str) -> NoReturn:
    """Print an error to standard error and stop with exit code 2 (bad input)."""
    err.print(message, markup=False)
    raise typer.Exit(EXIT_BAD_INPUT)


@app.callback()
def _options(
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="Không hiện thanh tiến độ / no progress bars"),
    ] = False,
) -> None:
    progress.quiet = quiet


# Reads an agency from the application's database by its code (``@CODE`` instead of a file);
# set by tinhgon.entry, since the command line does not import the web application.
database_reader: Callable[[str, tuple[dt.date, ...] | None], Project] | None = None


# Set by tinhgon.entry when the program runs one command and exits (not under a test runner
# or a server): Python's cyclic garbage collector is off while a project is read, and what was
# read is then frozen (``gc.freeze``: never scanned again). A reading makes millions of objects
# and no garbage cycle; the collector only scanned them again and again (0.4-0.7 s of check or
# compare at 50,000 people, same peak memory).
one_shot = False


def read_project(file: Path, *, on: tuple[str, ...] | None = None) -> Project:
    """``on``: the dates (as given) whose states the command will ask for; the history then
    keeps fewer snapshots (a date that does not parse: all are kept, its error comes later)."""
    from tinhgon.io import ProjectFileError, load_project

    if one_shot:
        gc.disable()
    try:
        if str(file).startswith("@"):
            return _read_database(str(file)[1:], _dates_or_none(on))
        with progress.progress_bar() as bar:
            return load_project(file, progress=bar, snapshots_for=_dates_or_none(on))
    except ProjectFileError as error:
        count = len(error.problems)
        fail(
            "\n".join(str(p) for p in error.problems)
            + f"\nTệp không được nạp: {count} lỗi. (The file was not loaded: {count} error(s).)"
        )
    finally:
        if one_shot:
            # What was read lives until the process ends: set it aside for good (never scanned
            # again) and collect what the command makes next as usual (a report's figures,
            # the planner's models), so that memory stays bounded whatever the command does.
            gc.freeze()
            gc.enable()


def _dates_or_none(values: tuple[str, ...] | None) -> tuple[dt.date, ...] | None:
    from tinhgon.io.codec import FieldError, parse_date

    try:
        return None if values is None else tuple(parse_date(v) for v in values)
    except FieldError:
        return None


def _read_database(code: str, snapshots_for: tuple[dt.date, ...] | None = None) -> Project:
    if database_reader is None:
        fail(
            "đọc cơ quan từ cơ sở dữ liệu cần chương trình tinhgon đầy đủ "
            "(reading from the database needs the full tinhgon program)"
        )
    try:
        return database_reader(code, snapshots_for)
    except LookupError as error:
        vi, en = getattr(error, "vi", str(error)), getattr(error, "en", str(error))
        fail(f"@{code}: {vi} ({en})")


def option_date(value: str, option: str) -> dt.date:
    from tinhgon.io.codec import FieldError, parse_date

    try:
        return parse_date(value)
    except FieldError as error:
        fail(f"{option}: {error.vi} ({error.en})")


def state_or_fail(project: Project, on: dt.date, plan: str | None) -> Any:
    try:
        return project.state_on(on, plan=plan)
    except ChangeRefused as error:
        fail(f"{error.vi} ({error.en})")
    except TinhgonError as error:
        fail(f"{error.vi} ({error.en})")


def print_json(data: object) -> None:
    from tinhgon.cli import jsonout  # what json.dumps(…, ensure_ascii=False, indent=2) writes

    sys.stdout.write(jsonout.dumps(data) + "\n")


def vn_date(value: dt.date) -> str:
    return f"{value:%d/%m/%Y}"


def main() -> None:
    app()


# Commands register on import; importing them here also serves ``python -m tinhgon.cli``.
from tinhgon.cli import (  # noqa: E402, F401
    draft,
    example,
    excel,
    law,
    planning,
    report,
    structure,
)
