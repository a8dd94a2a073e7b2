"""YAML read with line numbers, turned into plain JSON-like data, and written back.

libyaml (through PyYAML's C parser) builds the node tree, which knows the line of every key
and item; the nodes are turned into plain data here with YAML 1.2's core rules, so ``on:``
stays a word and ``2018-01-01`` stays text (tinhgon reads dates itself, with clear messages).
``load_located`` returns the plain data and a ``Locator`` that answers "on which line is
people[3].born?". Writing uses libyaml's emitter too: a project of 50,000 people takes
seconds, not minutes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, ClassVar

import yaml

Path = tuple[str | int, ...]

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
    if node.style or node.tag not in (
        "tag:yaml.org,2002:str",
        "tag:yaml.org,2002:int",
        "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:null",
        "tag:yaml.org,2002:timestamp",
    ):
        return value  # quoted, a block, or an explicit tag: text as written
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


def _plain(node: yaml.Node, path: Path, locator: Locator) -> Any:
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = _plain(key_node, (), Locator()) if isinstance(key_node, yaml.ScalarNode) else None
            name = "" if key is None else str(key)
            if name in out:
                line = key_node.start_mark.line + 1
                raise YamlSyntaxError(
                    line,
                    f"lỗi cú pháp YAML: khóa '{name}' lặp lại",
                    f"YAML syntax error: duplicate key '{name}'",
                )
            locator.lines[(*path, name)] = key_node.start_mark.line + 1
            out[name] = _plain(value_node, (*path, name), locator)
        return out
    if isinstance(node, yaml.SequenceNode):
        items = []
        for i, item in enumerate(node.value):
            locator.lines[(*path, i)] = item.start_mark.line + 1
            items.append(_plain(item, (*path, i), locator))
        return items
    return _scalar(node)


def load_located(text: str) -> tuple[Any, Locator]:
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = error.problem or str(error)
        raise YamlSyntaxError(
            line, f"lỗi cú pháp YAML: {problem}", f"YAML syntax error: {problem}"
        ) from error
    except yaml.YAMLError as error:
        raise YamlSyntaxError(
            None, f"lỗi cú pháp YAML: {error}", f"YAML syntax error: {error}"
        ) from error
    locator = Locator()
    locator.lines[()] = 1
    if node is None:
        return None, locator
    return _plain(node, (), locator), locator


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
