"""The project file: one agency in YAML, human-editable (docs/format.md, project.schema.json).

Loading is all or nothing: every problem found is reported at once as
``FILE:LINE: field: what is wrong (English)``, and nothing is loaded while any remains.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path as FsPath
from typing import Any

from tinhgon.domain import (
    Project,
    TinhgonError,
)
from tinhgon.io import plaincache
from tinhgon.io.errors import FileProblem, ProjectFileError
from tinhgon.io.project_reader import BUILDING_HISTORY as BUILDING_HISTORY  # re-exported
from tinhgon.io.project_reader import READING_PEOPLE as READING_PEOPLE  # re-exported
from tinhgon.io.project_reader import ProjectReader
from tinhgon.io.project_schema import project_schema as project_schema  # re-exported
from tinhgon.io.project_schema import schema_errors as schema_errors  # re-exported
from tinhgon.io.project_schema import schema_problem
from tinhgon.io.project_writer import FORMAT_VERSION as FORMAT_VERSION  # re-exported
from tinhgon.io.project_writer import dump_project as dump_project  # re-exported
from tinhgon.io.project_writer import project_to_plain as project_to_plain  # re-exported
from tinhgon.io.yamlsrc import (
    Locator,
    Progress,
    YamlSyntaxError,
    load_located,
    load_plain,
)


def load_project(
    path: str | FsPath,
    progress: Progress | None = None,
    *,
    snapshots_for: tuple[date, ...] | None = None,
) -> Project:
    """Read a project file; raise ProjectFileError listing every problem.

    ``snapshots_for``: the only dates whose states the caller will ask for (a command line
    reading); the history then keeps fewer snapshots. Any date is still answered."""
    name = str(path)
    try:
        content = FsPath(path).read_bytes()
        text = content.decode("utf-8")
    except FileNotFoundError:
        raise ProjectFileError(
            [FileProblem(name, None, "", "không tìm thấy tệp", "file not found")]
        ) from None
    except IsADirectoryError:
        raise ProjectFileError(
            [FileProblem(name, None, "", "đây là thư mục, không phải tệp", "this is a directory")]
        ) from None
    except UnicodeDecodeError:
        raise ProjectFileError(
            [FileProblem(name, None, "", "tệp không được mã hóa UTF-8", "the file is not UTF-8")]
        ) from None
    if "\r" in text:  # as reading in text mode does (universal newlines)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    cached = plaincache.get(FsPath(path), content)
    if cached is not None:
        try:
            return _read_checked(cached, name, progress, snapshots_for)
        except ProjectFileError:
            return _parse_located(text, name)
    return _parse(text, name, progress, cache=(FsPath(path), content), snapshots_for=snapshots_for)


def parse_project(
    text: str, *, name: str = "<project>", progress: Progress | None = None
) -> Project:
    """Read a project file's text. A valid file is read once, without keeping the line of
    every value (the quick way); a file with any problem is read again with its lines, so
    that every problem names its line."""
    return _parse(text, name, progress, cache=None)


def _parse(
    text: str,
    name: str,
    progress: Progress | None,
    cache: tuple[FsPath, bytes] | None,
    snapshots_for: tuple[date, ...] | None = None,
) -> Project:
    try:
        data = load_plain(text, progress)
    except YamlSyntaxError as error:
        raise ProjectFileError([FileProblem(name, error.line, "", error.vi, error.en)]) from None
    if isinstance(data, dict) and not schema_errors(data):
        if cache is not None:  # kept once checked: the next reading of this file skips both
            plaincache.put(*cache, data)
        try:
            return _read_checked(data, name, progress, snapshots_for)
        except ProjectFileError:
            pass  # read again below, with the line of each problem
    return _parse_located(text, name)


def _read_checked(
    data: dict[str, Any],
    name: str,
    progress: Progress | None,
    snapshots_for: tuple[date, ...] | None = None,
) -> Project:
    """Plain data the schema has accepted, read into a project (the quick way: no lines)."""
    reader = ProjectReader(name, Locator())
    reader.progress = progress
    reader.snapshots_for = snapshots_for
    return reader.read(data)


def _parse_located(text: str, name: str) -> Project:
    try:
        data, locator = load_located(text)
    except YamlSyntaxError as error:
        raise ProjectFileError([FileProblem(name, error.line, "", error.vi, error.en)]) from None
    if not isinstance(data, dict):
        raise ProjectFileError(
            [
                FileProblem(
                    name,
                    1,
                    "",
                    "tệp dự án phải là một bảng khóa: giá trị (bắt đầu bằng 'tinhgon: 1')",
                    "a project file must be a mapping (starting with 'tinhgon: 1')",
                )
            ]
        )
    problems = [schema_problem(name, locator, e, prefix) for prefix, e in schema_errors(data)]
    if not problems:
        return ProjectReader(name, locator).read(data)
    # The file has shape errors; read what can be read anyway, so that every problem (an
    # unknown unit kind, a bad symbol…) is reported at once, then refuse the whole file.
    reader = ProjectReader(name, locator, lenient=True)
    try:
        reader.read(data)
    except ProjectFileError:
        pass
    except (KeyError, TypeError, ValueError, AttributeError, IndexError, TinhgonError):
        # A domain refusal of what could be read (e.g. an implemented plan whose decision was
        # dropped with a malformed document): the schema's problems already refuse the file.
        pass
    seen = [p.field for p in problems]
    extra = [p for p in reader.problems if not any(_overlap(p.field, f) for f in seen)]
    raise ProjectFileError(_dedupe(problems + extra))


def _overlap(a: str, b: str) -> bool:
    """Whether two field paths are the same or one contains the other (people[0], people[0].x)."""
    short, long = sorted((a, b), key=len)
    return long == short or long.startswith((short + ".", short + "["))


def _dedupe(problems: list[FileProblem]) -> list[FileProblem]:
    seen: set[tuple[int | None, str, str]] = set()
    out = []
    for p in problems:
        key = (p.line, p.field, p.vi)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out
