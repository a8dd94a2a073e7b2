"""A parameter file's text into plain data: ruamel.yaml's YAML 1.2 reading, quickly.

The law reads its parameter files with ruamel.yaml (``typ="safe"``, YAML 1.2: ``2025-07-01``
is a date, ``yes`` is a word). Pure-Python ruamel takes ~0.2 s for the 27 files, on every
``check`` and ``compare``. libyaml's C parser (through PyYAML) builds the same node tree in a
tenth of that; the nodes are turned into plain data here by the rules ruamel applies, but only
where they are certain to give ruamel's result:

- a quoted or block scalar is its text;
- a plain scalar whose first character starts none of ruamel's YAML 1.2 implicit types is its
  text (ruamel picks a type only by the first character, then a pattern);
- ``null``/``Null``/``NULL``/``~``/empty, ``true``/``false`` in their three spellings, a plain
  decimal ``-12``/``0``/``3.25`` (no sign ``+``, no leading zero, no ``_`` or exponent) and a
  ``yyyy-mm-dd`` date are read as ruamel reads them.

Anything else — another number form, a time stamp, a tag, an alias, ``<<``, a key given
twice, a ``%`` directive, a second document, a text libyaml cannot parse — makes ``load`` hand the whole text
to ruamel, which decides (and words its own errors). The tests compare both readings on every
parameter file and on made-up scalars.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

__all__ = ["YamlProblem", "load", "ruamel_load"]

_Loader: Any = getattr(yaml, "CSafeLoader", None)

# ruamel.yaml 0.19's YAML 1.2 implicit resolvers (``VersionedResolver(version=(1, 2))``) pick
# a type by the first character, then a pattern. After "F N T f n t ~" the patterns are the
# words below; after "! & * < =" the whole scalars in ``_OTHER``; after a digit, a sign or a dot,
# numbers and time stamps (only the plainest forms are read here; a scalar with a character
# none of them allows, like ``24/2023/NĐ-CP``, is text). Any other first character gives text.
_NUMBER_FIRST = frozenset("+-.0123456789")
# Every character those number and time stamp patterns may hold (a superset).
_NUMBER_CHARS = frozenset("0123456789_.+-:eEbBoOxXabcdefABCDEFiInNfFaAtTzZ \t")
_OTHER = frozenset({"!", "&", "*", "<<", "="})
_WORDS: dict[str, Any] = {
    "null": None,
    "Null": None,
    "NULL": None,
    "~": None,
    "true": True,
    "True": True,
    "TRUE": True,
    "false": False,
    "False": False,
    "FALSE": False,
}
_INT = re.compile(r"-?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]+")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_DIRECTIVE = re.compile(r"^%", re.MULTILINE)
_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


class YamlProblem(Exception):
    """ruamel.yaml could not read the text; ``str()`` is ruamel's own message."""


class _Unsure(Exception):
    """The quick reading cannot be sure to give ruamel's result."""


def ruamel_load(text: str) -> Any:
    """The reference reading: ruamel.yaml, safe, pure, YAML 1.2.

    ruamel's YAML errors become ``YamlProblem`` with ruamel's message (ruamel is imported only
    when it is needed)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        return YAML(typ="safe", pure=True).load(text)
    except YAMLError as error:
        raise YamlProblem(str(error)) from error


def load(text: str) -> Any:
    """The plain data ruamel's reading gives; on a bad text, what ``ruamel_load`` raises."""
    if _Loader is not None:
        try:
            return _quick(text)
        except (_Unsure, yaml.YAMLError, ValueError, RecursionError):
            pass
    return ruamel_load(text)


def _quick(text: str) -> Any:
    if _DIRECTIVE.search(text):
        raise _Unsure  # %YAML 1.1 would change ruamel's rules
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    finally:
        loader.dispose()
    if node is None:
        raise _Unsure  # an empty text: ruamel says what it is
    return _plain(node, set())


def _plain(node: yaml.Node, seen: set[int]) -> Any:
    if id(node) in seen:
        raise _Unsure  # an alias: the same node twice
    seen.add(id(node))
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node)
    if isinstance(node, yaml.SequenceNode):
        if node.tag != _SEQ:
            raise _Unsure
        return [_plain(item, seen) for item in node.value]
    if isinstance(node, yaml.MappingNode):
        if node.tag != _MAP:
            raise _Unsure
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _plain(key_node, seen)
            if isinstance(key, (list, dict)) or key in out:
                raise _Unsure  # a complex key, or a key given twice
            out[key] = _plain(value_node, seen)
        return out
    raise _Unsure


def _scalar(node: yaml.ScalarNode) -> Any:
    value: str = node.value
    if node.style:  # quoted, literal or folded: text, unless tagged
        if node.tag != _STR:
            raise _Unsure
        return value
    if node.tag != _resolved_tag(value):
        raise _Unsure  # an explicit tag on a plain scalar
    if not value:
        return None
    if value in _WORDS:
        return _WORDS[value]
    first = value[0]
    if first not in _NUMBER_FIRST:
        if value in _OTHER:
            raise _Unsure
        return value  # ruamel's patterns for these first characters are whole words
    if not _NUMBER_CHARS.issuperset(value):
        return value  # a character no number or time stamp pattern of ruamel's allows
    if _INT.fullmatch(value):
        return int(value)
    if _FLOAT.fullmatch(value):
        return float(value)
    date = _DATE.fullmatch(value)
    if date:
        return dt.date(int(date[1]), int(date[2]), int(date[3]))  # ValueError: ruamel decides
    raise _Unsure


def _resolved_tag(value: str) -> str:
    """The tag libyaml's SafeLoader resolver gives a plain scalar (YAML 1.1 rules)."""
    return str(_Loader.resolve(_Loader, yaml.ScalarNode, value, (True, False)))
