"""The compiled schema checks give jsonschema's verdict, on the project schema and on files
broken at random; a keyword they do not know is refused, never guessed."""

from __future__ import annotations

import copy
import random
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from tinhgon.io.fastschema import Unsupported, compile_schema
from tinhgon.io.project_schema import _schemas, project_schema, schema_errors
from tinhgon.io.yamlsrc import load_plain

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kontum-ez-board.yaml"
ODD_VALUES: list[Any] = [
    None,
    0,
    1,
    1.0,
    1.5,
    2019,
    True,
    False,
    "",
    "x",
    "2019-01-01",
    "13/13/2019",
    "012345678901",
    [],
    ["x"],
    {},
    {"symbol": "x"},
]


@pytest.mark.parametrize(
    ("schema", "value", "valid"),
    [
        ({"type": "integer"}, 1.0, True),
        ({"type": "integer"}, True, False),
        ({"type": "integer"}, 1.5, False),
        ({"type": ["string", "integer"], "minimum": 1900, "pattern": "^[0-9]{4}$"}, 1800, False),
        ({"type": ["string", "integer"], "minimum": 1900, "pattern": "^[0-9]{4}$"}, "1800", True),
        ({"const": 1}, True, False),
        ({"const": 1}, 1.0, True),
        ({"enum": ["a", "b"]}, "b", True),
        ({"enum": ["a", "b"]}, 0, False),
        ({"oneOf": [{"type": "string"}, {"minLength": 1}]}, "x", False),
        ({"oneOf": [{"type": "string"}, {"type": "object"}]}, {}, True),
        ({"propertyNames": {"pattern": "^[0-9]{4}$"}}, {"20x9": 1}, False),
        ({"additionalProperties": False, "properties": {"a": {}}}, {"a": 1, "b": 2}, False),
        ({"required": ["a"]}, [], True),
        (
            {"if": {"properties": {"k": {"const": "x"}}}, "then": {"required": ["y"]}},
            {"k": "x"},
            False,
        ),
        ({"items": {"type": "string"}, "minItems": 1}, [], False),
    ],
)
def test_keywords_mean_what_jsonschema_says(
    schema: dict[str, Any], value: Any, valid: bool
) -> None:
    assert compile_schema(schema)(value) is valid
    assert Draft202012Validator(schema).is_valid(value) is valid


def test_an_unknown_keyword_is_refused() -> None:
    with pytest.raises(Unsupported):
        compile_schema({"type": "object", "unevaluatedProperties": False})
    with pytest.raises(Unsupported):
        compile_schema({"patternProperties": {"^x": {}}})


def _places(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            out += _places(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _places(value, (*path, i))
    return out


def _mutate(data: Any, rnd: random.Random) -> Any:
    data = copy.deepcopy(data)
    for _ in range(rnd.randint(1, 3)):
        path = rnd.choice(_places(data)[1:])
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        last = path[-1]
        action = rnd.random()
        if action < 0.2 and isinstance(parent, dict):
            del parent[last]
        elif action < 0.3 and isinstance(parent, dict):
            parent[rnd.choice(["nmae", "unit", "role", "since", "kind", "x"])] = "p"
        else:
            parent[last] = copy.deepcopy(rnd.choice(ODD_VALUES))
    return data


def test_same_verdict_as_the_whole_schema_on_broken_files() -> None:
    original = load_plain(EXAMPLE.read_text("utf-8"))
    whole = Draft202012Validator(project_schema())
    schemas = _schemas()
    parts = [
        (schemas.outline, lambda d: [d]),
        *(
            (s, lambda d, n=n: d.get(n) if isinstance(d.get(n), list) else [])
            for n, s in schemas.items.items()
        ),
    ]
    compiled = [(compile_schema(s), Draft202012Validator(s), pick) for s, pick in parts]
    rnd = random.Random(14)
    verdicts = set()
    for _ in range(120):
        data = _mutate(original, rnd)
        valid = whole.is_valid(data)
        verdicts.add(valid)
        assert (not schema_errors(data)) is valid
        for quick, slow, pick in compiled:
            for value in pick(data):
                assert quick(value) is slow.is_valid(value)
    assert verdicts == {True, False}  # both kinds of file were met


def test_the_project_schema_compiles_whole() -> None:
    """Every keyword of the real schema is known (else every file would go to jsonschema),
    and no ``$ref`` is left in the split parts (a ``$ref`` beside a description included)."""
    from tinhgon.io.project_schema import _verdicts

    assert _verdicts() is not None
    schemas = _schemas()
    for part in [schemas.outline, *schemas.items.values(), *schemas.by_kind.values()]:
        used = {k: v for k, v in part.items() if k != "$defs"}  # $defs: kept, not applied
        assert "'$ref'" not in str(used)
