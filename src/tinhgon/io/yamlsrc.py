"""YAML read with line numbers, turned into plain JSON-like data, and written back.

libyaml (through PyYAML's C parser) builds the node tree, which knows the line of every key
and item; the nodes are turned into plain data here with YAML 1.2's core rules, so ``on:``
stays a word and ``2018-01-01`` stays text (tinhgon reads dates itself, with clear messages).
``load_located`` returns the plain data and a ``Locator`` that answers "on which line is
people[3].born?". Writing uses libyaml's emitter too: a project of 50,000 people takes
seconds, not minutes.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

import yaml

from tinhgon.io import fastyaml

Path = tuple[str | int, ...]
# Long work tells how far it is: (what, done, total); a total of 0 when it is not known.
Progress = Callable[[str, int, int], None]
READING = "Đọc tệp (dòng) / reading the file (lines)"

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

# YAML 1.2 core schema for plain (unquoted) scalars.
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)


def path_text(path: Path) -> str:
    """people[3].born"""
    if len(path) == 2 and type(path[0]) is str and type(path[1]) is int:  # people[3]
        return f"{path[0]}[{path[1]}]"
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


@dataclass
class Locator:
    lines: dict[Path, int] = field(default_factory=dict)

    def line(self, path: Path) -> int | None:
        """The line of the path, or of the nearest enclosing element that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), None)


class YamlSyntaxError(Exception):
    def __init__(self, line: int | None, vi: str, en: str) -> None:
        super().__init__(en)
        self.line = line
        self.vi = vi
        self.en = en


def _scalar(node: yaml.ScalarNode) -> Any:
    value = str(node.value)
    if node.style or node.tag not in _CORE_TAGS:
        return value  # quoted, a block, or an explicit tag: text as written
    return _resolve(value)


def _resolve(value: str) -> Any:
    """A plain scalar by YAML 1.2's core rules: null, a boolean, a number, or text."""
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        return int(value, 0) if value[:2] in ("0o", "0x") else int(value)
    if _FLOAT.match(value):
        lowered = value.lower()
        if "inf" in lowered:
            return float("-inf") if lowered.startswith("-") else float("inf")
        return float("nan") if "nan" in lowered else float(value)
    return value


_CORE_TAGS = frozenset(
    (
        "tag:yaml.org,2002:str",
        "tag:yaml.org,2002:int",
        "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:null",
        "tag:yaml.org,2002:timestamp",
    )
)
_NO_KEY = object()
# The first letters of a plain scalar that may be something else than text (null, a boolean,
# a number); any other is text as it is, without trying the patterns.
_MAYBE_TYPED = frozenset("~nNtTfF-+.0123456789")


def _syntax_error(error: yaml.YAMLError) -> YamlSyntaxError:
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = error.problem or str(error)
        return YamlSyntaxError(
            line, f"lỗi cú pháp YAML: {problem}", f"YAML syntax error: {problem}"
        )
    return YamlSyntaxError(None, f"lỗi cú pháp YAML: {error}", f"YAML syntax error: {error}")


def _build(text: str, locator: Locator | None, progress: Progress | None = None) -> Any:
    """Plain data straight from libyaml's events (no node tree: five times quicker), with the
    line of every key and item in ``locator`` when one is given."""
    lines = locator.lines if locator is not None else None
    total_lines = text.count("\n") + 1 if progress is not None else 0
    containers = 0
    anchors: dict[str, Any] = {}
    # One frame per open mapping or sequence: [container, path, pending key].
    stack: list[list[Any]] = []
    root: Any = None
    documents = 0
    duplicate: tuple[int, str] | None = None
    scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
    mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    end_events = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    maybe_typed = _MAYBE_TYPED
    core_tags = _CORE_TAGS

    def place(value: Any, event: yaml.Event) -> Path:
        """Put a value where the parser stands; return its path (when lines are kept)."""
        nonlocal root, duplicate
        if not stack:
            root = value
            return ()
        frame = stack[-1]
        container = frame[0]
        if type(container) is list:
            if lines is None:
                container.append(value)
                return ()
            path: Path = (*frame[1], len(container))
            container.append(value)
            lines[path] = event.start_mark.line + 1
            return path
        key = frame[2]
        if key is _NO_KEY:  # the value is a key
            name = "" if value is None or type(value) in (dict, list) else str(value)
            if name in container and duplicate is None:
                duplicate = (event.start_mark.line + 1, name)
            frame[2] = name
            if lines is not None:
                lines[(*frame[1], name)] = event.start_mark.line + 1
            return ()
        container[key] = value
        frame[2] = _NO_KEY
        return (*frame[1], key) if lines is not None else ()

    parser = _Loader(text)
    next_event = parser.get_event
    try:
        while (event := next_event()) is not None:
            kind = type(event)
            if kind is scalar_event:
                value: Any = event.value
                if (
                    not event.style
                    and (not value or value[0] in maybe_typed)
                    and (event.tag is None or event.tag in core_tags or event.tag == "!")
                ):
                    value = _resolve(value)
                if event.anchor:
                    anchors[event.anchor] = value
                # The most frequent case, inline: a value or a key in a mapping without lines.
                if lines is None and stack and duplicate is None:
                    frame = stack[-1]
                    container = frame[0]
                    key = frame[2]
                    if type(container) is dict:
                        if key is _NO_KEY:
                            if type(value) is not str:
                                value = "" if value is None else str(value)
                            if value not in container:
                                frame[2] = value
                                continue
                        else:
                            container[key] = value
                            frame[2] = _NO_KEY
                            continue
                place(value, event)
            elif kind in end_events:
                stack.pop()
            elif kind is mapping_start or kind is sequence_start:
                container = {} if kind is mapping_start else []
                containers += 1
                if progress is not None and not containers & 0xFFF:
                    progress(READING, event.start_mark.line, total_lines)
                if event.anchor:
                    anchors[event.anchor] = container
                stack.append([container, place(container, event), _NO_KEY])
            elif kind is alias_event:
                if event.anchor not in anchors:
                    raise YamlSyntaxError(
                        event.start_mark.line + 1,
                        f"lỗi cú pháp YAML: không có neo '{event.anchor}'",
                        f"YAML syntax error: found undefined alias '{event.anchor}'",
                    )
                place(copy.deepcopy(anchors[event.anchor]), event)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    problem = "but found another document"
                    raise YamlSyntaxError(
                        event.start_mark.line + 1,
                        f"lỗi cú pháp YAML: {problem}",
                        f"YAML syntax error: {problem}",
                    )
    except yaml.YAMLError as error:
        raise _syntax_error(error) from error
    finally:
        parser.dispose()
    if duplicate is not None:
        line, name = duplicate
        raise YamlSyntaxError(
            line,
            f"lỗi cú pháp YAML: khóa '{name}' lặp lại",
            f"YAML syntax error: duplicate key '{name}'",
        )
    return root


def load_plain(text: str, progress: Progress | None = None) -> Any:
    """The plain data of a YAML text, without line numbers (the quick way, for valid files).

    A large text is read by the compiled reader (``fastyaml``) when it reads it exactly as
    libyaml's events here do; anything else, and every error, is read below."""
    if len(text) >= fastyaml.LARGE:
        if progress is not None:
            progress(READING, 0, text.count("\n") + 1)
        data = fastyaml.load(text)
        if data is not fastyaml.NOT_READ:
            if progress is not None:
                progress(READING, 1, 1)
            return data
    data = _build(text, None, progress)
    if progress is not None:
        progress(READING, 1, 1)
    return data


def load_located(text: str) -> tuple[Any, Locator]:
    locator = Locator()
    data = _build(text, locator)
    locator.lines[()] = 1
    return data, locator


class _PlainDumper(_Dumper):  # type: ignore[misc, valid-type]
    """Writes what this module reads back the same: YAML 1.2's core rules for plain scalars
    (so ``on:`` and dates are written as they are), quotes where a string would be misread."""

    yaml_implicit_resolvers: ClassVar[dict[str, list[Any]]] = {}


_PlainDumper.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_PlainDumper.add_implicit_resolver("tag:yaml.org,2002:int", _INT, list("-+0123456789"))
_PlainDumper.add_implicit_resolver("tag:yaml.org,2002:float", _FLOAT, list("-+0123456789."))
_PlainDumper.add_implicit_resolver("tag:yaml.org,2002:null", _NULL, ["~", "n", "N", ""])


def _represent_str(dumper: Any, value: str) -> Any:
    plain = yaml.ScalarNode("tag:yaml.org,2002:str", value)
    if _scalar(plain) != value or value != value.strip() or "\n" in value:
        style = "|" if "\n" in value else "'"
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_PlainDumper.add_representer(str, _represent_str)


def dump_plain(data: Any) -> str:
    """Plain data as block-style YAML, keys in the order given, Vietnamese left as it is."""
    return str(
        yaml.dump(
            data,
            Dumper=_PlainDumper,
            allow_unicode=True,
            sort_keys=False,
            default_flow_style=False,
            width=100,
        )
    )
