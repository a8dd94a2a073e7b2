"""Block-style YAML for large plain data, written quickly (the national dataset's files).

``dump_plain`` (PyYAML's emitter through a Python representer per value) spends about 130 µs
a person; the national dataset of 2,000,000 people would take minutes to write. This writer
knows only what plain project data holds (mappings with text keys, lists, text, integers,
booleans, null, floats) and writes the same block style: a text is written plain when
``yamlsrc``'s own reading of it as a plain scalar gives it back unchanged and it has none of
YAML's indicator characters; otherwise it is written double-quoted, every character
YAML would not take as it is written as an escape. Reading the output with
``yamlsrc.load_plain`` gives back the data given (tested, with random texts).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from tinhgon.io.yamlsrc import _resolve

# letters (Vietnamese included), digits and a few safe marks; not starting with an indicator
_SAFE = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`~][^:#\n\r\t\[\]{},&*!|>'\"%@`]*$")
_SAFE_START_DASH = re.compile(r"^-[^\s:#\n\r\t\[\]{},&*!|>'\"%@`]+$")


@lru_cache(maxsize=1 << 16)
def _text(value: str) -> str:
    plain = value == value.strip() and value != "" and value.isprintable()
    safe = plain and bool(_SAFE.match(value) or _SAFE_START_DASH.match(value))
    if safe and _resolve(value) == value and not value.startswith(("---", "...")):
        return value
    return _quoted(value)


def _quoted(value: str) -> str:
    """Double-quoted, every character YAML would not take as it is escaped."""
    out = ['"']
    for ch in value:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch.isprintable() and ch not in "\ufeff\ufffe\uffff":
            out.append(ch)
        else:
            code = ord(ch)
            out.append(f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
    out.append('"')
    return "".join(out)


def scalar(value: Any) -> str:
    """One value as YAML text, read back as the same value."""
    if isinstance(value, str):
        return _text(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return (
            json.dumps(value)
            if value == value and abs(value) != float("inf")
            else (".nan" if value != value else ".inf" if value > 0 else "-.inf")
        )
    raise TypeError(f"not plain data: {type(value).__name__}")


def _mapping(data: dict[str, Any], indent: int, out: Callable[[str], Any], lead: str) -> None:
    pad = " " * indent
    for key, value in data.items():
        name = _text(str(key)) if isinstance(key, str) else scalar(key)
        if isinstance(value, dict) and value:
            out(f"{lead}{name}:\n")
            _mapping(value, indent + 2, out, " " * (indent + 2))
        elif isinstance(value, list) and value:
            out(f"{lead}{name}:\n")
            _sequence(value, indent, out)
        elif isinstance(value, dict):
            out(f"{lead}{name}: {{}}\n")
        elif isinstance(value, list):
            out(f"{lead}{name}: []\n")
        else:
            out(f"{lead}{name}: {scalar(value)}\n")
        lead = pad


def _sequence(items: list[Any], indent: int, out: Callable[[str], Any]) -> None:
    pad = " " * indent
    for item in items:
        if isinstance(item, dict) and item:
            _mapping(item, indent + 2, out, f"{pad}- ")
        elif isinstance(item, list) and item:
            out(f"{pad}-\n")
            _sequence(item, indent + 2, out)
        elif isinstance(item, dict):
            out(f"{pad}- {{}}\n")
        elif isinstance(item, list):
            out(f"{pad}- []\n")
        else:
            out(f"{pad}- {scalar(item)}\n")


def dump_fast(data: dict[str, Any], write: Callable[[str], Any] | None = None) -> str:
    """``data`` (a mapping) as block-style YAML; given ``write``, the text goes to it piece by
    piece (nothing is kept) and "" is returned."""
    if write is not None:
        _mapping(data, 0, write, "")
        return ""
    parts: list[str] = []
    _mapping(data, 0, parts.append, "")
    return "".join(parts)
