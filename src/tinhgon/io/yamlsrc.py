"""YAML read with line numbers, turned into plain JSON-like data.

The round-trip loader of ruamel.yaml (YAML 1.2, so ``on:`` stays a word) knows where every
key and item stands; ``load_located`` returns the plain data and a ``Locator`` that answers
"on which line is people[3].born?".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

Path = tuple[str | int, ...]


def path_text(path: Path) -> str:
    """people[3].born"""
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


def _plain(node: Any, path: Path, locator: Locator) -> Any:
    if isinstance(node, CommentedMap):
        out: dict[str, Any] = {}
        for key in node:
            line = node.lc.key(key)[0] + 1
            name = key.isoformat() if isinstance(key, dt.date) else str(key)
            locator.lines[(*path, name)] = line
            out[name] = _plain(node[key], (*path, name), locator)
        return out
    if isinstance(node, CommentedSeq):
        items = []
        for i, item in enumerate(node):
            locator.lines[(*path, i)] = node.lc.item(i)[0] + 1
            items.append(_plain(item, (*path, i), locator))
        return items
    if isinstance(node, dt.datetime):
        return node.date().isoformat()
    if isinstance(node, dt.date):
        return node.isoformat()
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, str):
        return str(node)
    return node


def load_located(text: str) -> tuple[Any, Locator]:
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    # Dates stay text: tinhgon reads them itself, so that '2018-13-01' or '30/02/1980' get a
    # clear message with their line instead of failing inside the YAML parser.
    yaml.constructor.add_constructor(
        "tag:yaml.org,2002:timestamp", lambda constructor, node: constructor.construct_scalar(node)
    )
    try:
        data = yaml.load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = error.problem or str(error)
        raise YamlSyntaxError(
            line, f"lỗi cú pháp YAML: {problem}", f"YAML syntax error: {problem}"
        ) from error
    except YAMLError as error:
        raise YamlSyntaxError(
            None, f"lỗi cú pháp YAML: {error}", f"YAML syntax error: {error}"
        ) from error
    locator = Locator()
    locator.lines[()] = 1
    return _plain(data, (), locator), locator
