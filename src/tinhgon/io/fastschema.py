"""A JSON Schema compiled to plain Python predicates: "is this value valid?", quickly.

The project file's schema (project.schema.json) stays the one description of the format and
the explanation of a file that fails (jsonschema's errors, translated in project_file.py).
Checking 50,000 people with jsonschema takes seconds, though; these predicates give the same
yes-or-no verdict many times faster, so that jsonschema runs only on what fails.

Only the keywords the project schema uses are compiled, with JSON Schema's meaning (a keyword
applies to the values of its own type; ``1`` and ``true`` differ; ``1.0`` is an integer). A
keyword not listed here raises ``Unsupported``: the caller then falls back to jsonschema for
everything, so a verdict is never guessed. ``$ref`` must be inlined beforehand.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]

# Keywords that say nothing about validity.
_ANNOTATIONS = frozenset(
    ("$schema", "$id", "$comment", "$defs", "title", "description", "default", "examples")
)


class Unsupported(Exception):
    """The schema uses a keyword this compiler does not know."""


def _integer(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and value.is_integer())


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


_TYPES: dict[str, Check] = {
    "string": lambda v: isinstance(v, str),
    "integer": _integer,
    "number": _number,
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


def _equal(one: Any, two: Any) -> bool:
    """JSON equality for scalars, as jsonschema has it: a boolean equals only a boolean."""
    if isinstance(one, bool) or isinstance(two, bool):
        return isinstance(one, bool) and isinstance(two, bool) and one == two
    return bool(one == two)


def _members(values: list[Any]) -> Check:
    if any(isinstance(v, dict | list) for v in values):
        raise Unsupported("enum of objects or arrays")
    if all(isinstance(v, str) for v in values):
        texts = frozenset(values)
        return lambda v: isinstance(v, str) and v in texts
    return lambda v: any(_equal(v, member) for member in values)


def compile_schema(schema: Any) -> Check:
    """The predicate of a schema (``$ref`` already inlined)."""
    if schema is True:
        return lambda v: True
    if schema is False:
        return lambda v: False
    if not isinstance(schema, dict):
        raise Unsupported(f"schema {schema!r}")
    checks: list[Check] = []
    keys = set(schema) - _ANNOTATIONS
    if keys == {"type", "pattern"} and schema["type"] == "string":  # the most frequent pair
        search = re.compile(schema["pattern"]).search
        return lambda v: isinstance(v, str) and search(v) is not None
    object_keys = {"properties", "required", "additionalProperties", "propertyNames"}
    if keys & object_keys:
        checks.append(_object(schema))
        keys -= object_keys
    if "if" in keys:
        checks.append(_conditional(schema))
        keys -= {"if", "then", "else"}
    for key in sorted(keys):
        checks.append(_keyword(key, schema[key]))
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks
        return lambda v: first(v) and second(v)

    def every(value: Any) -> bool:
        for check in checks:  # noqa: SIM110 (a loop is quicker than all(…) here)
            if not check(value):
                return False
        return True

    return every


def _keyword(key: str, argument: Any) -> Check:
    if key == "type":
        names = argument if isinstance(argument, list) else [argument]
        if any(name not in _TYPES for name in names):
            raise Unsupported(f"type {argument!r}")
        tests = [_TYPES[name] for name in names]
        if len(tests) == 1:
            return tests[0]
        return lambda v: any(test(v) for test in tests)
    if key == "enum":
        return _members(list(argument))
    if key == "const":
        return _members([argument])
    if key == "pattern":
        search = re.compile(argument).search
        return lambda v: not isinstance(v, str) or search(v) is not None
    if key == "minLength":
        return lambda v: not isinstance(v, str) or len(v) >= argument
    if key == "minimum":
        return lambda v: not _number(v) or v >= argument
    if key == "maximum":
        return lambda v: not _number(v) or v <= argument
    if key == "minItems":
        return lambda v: not isinstance(v, list) or len(v) >= argument
    if key == "items":
        item = compile_schema(argument)

        def items(value: Any) -> bool:
            if isinstance(value, list):
                for x in value:
                    if not item(x):
                        return False
            return True

        return items
    if key == "oneOf":
        branches = [compile_schema(branch) for branch in argument]
        return lambda v: sum(1 for branch in branches if branch(v)) == 1
    if key == "anyOf":
        branches = [compile_schema(branch) for branch in argument]
        return lambda v: any(branch(v) for branch in branches)
    if key == "allOf":
        branches = [compile_schema(branch) for branch in argument]
        return lambda v: all(branch(v) for branch in branches)
    raise Unsupported(key)


def _conditional(schema: dict[str, Any]) -> Check:
    test = compile_schema(schema["if"])
    then = compile_schema(schema.get("then", True))
    otherwise = compile_schema(schema.get("else", True))
    return lambda v: then(v) if test(v) else otherwise(v)


def _object(schema: dict[str, Any]) -> Check:
    properties = {name: compile_schema(s) for name, s in schema.get("properties", {}).items()}
    required = tuple(schema.get("required", ()))
    extra = schema.get("additionalProperties")
    other = None if extra is None else compile_schema(extra)
    names = compile_schema(schema["propertyNames"]) if "propertyNames" in schema else None

    def check(value: Any) -> bool:
        if not isinstance(value, dict):
            return True
        for name in required:
            if name not in value:
                return False
        for name, item in value.items():
            if names is not None and not names(name):
                return False
            own = properties.get(name)
            if own is not None:
                if not own(item):
                    return False
            elif other is not None and not other(item):
                return False
        return True

    return check
