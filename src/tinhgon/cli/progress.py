"""Progress bars for long work: what is being done, how much of it, time spent and time left.

Shown on standard error, only when it is a terminal and ``--quiet`` was not given: piped
output and scripts see nothing of them. rich loads only when a bar is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from tinhgon.cli.lazy import Later

if TYPE_CHECKING:
    from rich.console import Console

Progress = Callable[[str, int, int], None]

quiet = False  # set by the --quiet option of the program


def wanted() -> bool:
    from tinhgon.cli.main import err

    return not quiet and err.is_terminal


@contextmanager
def progress_bar(
    enabled: bool | None = None, console: Console | None = None
) -> Iterator[Progress | None]:
    """A ``(what, done, total)`` callback drawing one bar for each "what" (a total of 0: not
    known, a pulsing bar); None when no bar is to be shown."""
    if not (wanted() if enabled is None else enabled):
        yield None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        TaskID,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.progress import Progress as Bars

    if console is None:
        from tinhgon.cli.main import err

        console = err.made() if isinstance(err, Later) else err

    with Bars(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("còn / left"),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    ) as bars:
        tasks: dict[str, tuple[TaskID, int]] = {}

        def update(what: str, done: int, total: int) -> None:
            if what not in tasks:
                for task, size in tasks.values():  # the work before this one is over
                    bars.update(task, completed=size or 1, total=size or 1)
                tasks[what] = (bars.add_task(what, total=total or None), total)
            bars.update(tasks[what][0], completed=done, total=total or None)

        yield update


class Steps:
    """The steps of a piece of work whose parts have no count of their own (``advance()``
    after each); a bar only where ``progress_bar`` draws one."""

    def __init__(self, what: str, total: int, bar: Progress | None) -> None:
        self.what, self.total, self.bar, self.done = what, total, bar, 0
        if bar is not None:
            bar(what, 0, total)

    def advance(self) -> None:
        self.done = min(self.done + 1, self.total)
        if self.bar is not None:
            self.bar(self.what, self.done, self.total)


@contextmanager
def steps(what: str, total: int, enabled: bool | None = None) -> Iterator[Steps]:
    with progress_bar(enabled) as bar:
        yield Steps(what, total, bar)
