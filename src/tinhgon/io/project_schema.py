"""The project file's JSON Schema: quick yes-or-no checks for a valid file, and jsonschema's
errors, in Vietnamese and English with their field and line, for one that fails.

project.schema.json is the one description of the format. It is split here for speed (see
``_Schemas``); the split parts are compiled to quick checks (fastschema.py), and jsonschema
runs only on the parts that fail, to say why.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from tinhgon.io.errors import FileProblem
from tinhgon.io.fastschema import Check, Unsupported, compile_schema
from tinhgon.io.yamlsrc import Locator, Path, path_text

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError


@cache
def project_schema() -> dict[str, Any]:
    text = resources.files("tinhgon.io").joinpath("project.schema.json").read_text("utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


@dataclass(frozen=True)
class _Schemas:
    """The schema split for speed, from the one schema file (``$ref`` inlined): the file
    without the items of its lists, the schema of an item of each list (a change: its kind
    only), and one schema for each kind of change (its own fields only).

    Checking each item on its own tells which items fail, so that jsonschema explains only
    those; checking a change against the schema of its kind, rather than against twelve
    if/then branches, gives the same verdicts many times faster.
    """

    outline: dict[str, Any]
    items: dict[str, dict[str, Any]]
    by_kind: dict[str, dict[str, Any]]


@cache
def _schemas() -> _Schemas:
    schema = project_schema()
    defs = schema["$defs"]
    change = defs["change"]
    outline = copy.deepcopy(schema)
    outline["$defs"]["change"] = {
        "type": "object",
        "required": change["required"],
        "properties": {"kind": change["properties"]["kind"]},
    }
    outline = _inline(outline, outline["$defs"])
    items = {}
    for name, prop in outline.get("properties", {}).items():
        if (
            isinstance(prop, dict)
            and set(prop) <= {"type", "items", "description"}
            and prop.get("type") == "array"
            and isinstance(prop.get("items"), dict)
        ):
            items[name] = prop["items"]
            outline["properties"][name] = {"type": "array"}
    by_kind = {}
    for branch in change["allOf"]:
        kind = branch["if"]["properties"]["kind"]["const"]
        then = branch["then"]
        by_kind[kind] = _inline(
            {
                "type": "object",
                "required": [*change["required"], *then.get("required", [])],
                "properties": {**change["properties"], **then.get("properties", {})},
                "additionalProperties": False,
            },
            defs,
        )
    return _Schemas(outline, items, by_kind)


_Verdicts = tuple[Check, dict[str, Check], dict[str, Check]]


@cache
def _verdicts() -> _Verdicts | None:
    """The schemas compiled to quick yes-or-no checks (None: a keyword they cannot check)."""
    schemas = _schemas()
    try:
        return (
            compile_schema(schemas.outline),
            {name: compile_schema(s) for name, s in schemas.items.items()},
            {kind: compile_schema(s) for kind, s in schemas.by_kind.items()},
        )
    except Unsupported:
        return None


@cache
def _validator(key: tuple[str, str]) -> Draft202012Validator:
    """jsonschema's validator of one of the split schemas: ("outline", ""), ("items", name)
    or ("kind", kind). Loaded only to explain a file that fails."""
    from jsonschema import Draft202012Validator

    schemas = _schemas()
    group, name = key
    if group == "outline":
        return Draft202012Validator(schemas.outline)
    return Draft202012Validator((schemas.items if group == "items" else schemas.by_kind)[name])


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    """The schema with every ``$ref`` replaced by what it points to (none is recursive). A
    ``$ref`` beside other keywords means both hold (JSON Schema 2020-12): an ``allOf``."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            target = _inline(defs[ref.rsplit("/", 1)[1]], defs)
            if set(node) == {"$ref"}:
                return target
            others = {k: _inline(v, defs) for k, v in node.items() if k != "$ref"}
            return {**others, "allOf": [*others.get("allOf", []), target]}
        return {k: v if k == "$defs" else _inline(v, defs) for k, v in node.items()}
    if isinstance(node, list):
        return [_inline(item, defs) for item in node]
    return node


def schema_errors(data: Any) -> list[tuple[Path, ValidationError]]:
    """Every schema error of a project file, each with the path of the value it was found in.

    Each part is checked with the quick compiled checks first; jsonschema runs only on the
    parts that fail, to say why.
    """
    verdicts = _verdicts()
    found: list[tuple[Path, ValidationError]] = []

    def explain(key: tuple[str, str], quick: Check | None, value: Any, prefix: Path) -> None:
        if verdicts is not None and quick is not None and quick(value):
            return
        found.extend((prefix, e) for e in _validator(key).iter_errors(value))

    outline, item_checks, kind_checks = verdicts or (None, {}, {})
    explain(("outline", ""), outline, data, ())
    for name in _schemas().items:
        entries = data.get(name)
        if isinstance(entries, list):
            quick = item_checks.get(name)
            for i, entry in enumerate(entries):
                explain(("items", name), quick, entry, (name, i))
    lists: list[tuple[Path, Any]] = [(("changes",), data.get("changes"))]
    plans = data.get("plans")
    if isinstance(plans, list):
        lists += [
            (("plans", i, "changes"), p.get("changes"))
            for i, p in enumerate(plans)
            if isinstance(p, dict)
        ]
    by_kind = _schemas().by_kind
    for prefix, changes in lists:
        if not isinstance(changes, list):
            continue
        for i, change in enumerate(changes):
            kind = change.get("kind") if isinstance(change, dict) else None
            if isinstance(kind, str) and kind in by_kind:
                explain(("kind", kind), kind_checks.get(kind), change, (*prefix, i))
    return found


def schema_problem(
    name: str, locator: Locator, error: ValidationError, prefix: Path = ()
) -> FileProblem:
    path: Path = (*prefix, *error.absolute_path)
    vi, en = _translate(error)
    field: str
    if error.validator == "required":
        missing = str(error.message).split("'")[1] if "'" in error.message else ""
        field = path_text((*path, missing)) if missing else path_text(path)
    elif error.validator in ("additionalProperties", "unevaluatedProperties"):
        extra = _unexpected(error)
        field = path_text((*path, extra[0])) if extra else path_text(path)
        if extra:
            path = (*path, extra[0])
    else:
        field = path_text(path)
    return FileProblem(name, locator.line(path), field, vi, en)


def _unexpected(error: ValidationError) -> list[str]:
    match = re.search(r"\((.*)(?: was| were) unexpected\)", error.message)
    if not match:
        return []
    return re.findall(r"'([^']*)'", match.group(1))


def _translate(error: ValidationError) -> tuple[str, str]:
    v = error.validator
    value = error.instance
    if v == "required":
        missing = error.message.split("'")[1] if "'" in error.message else "?"
        return f"thiếu trường bắt buộc '{missing}'", f"required field '{missing}' is missing"
    if v in ("additionalProperties", "unevaluatedProperties"):
        extra = ", ".join(_unexpected(error)) or "?"
        return (
            f"trường không được phép '{extra}' (viết sai tên trường?)",
            f"unexpected field '{extra}' (a misspelt name?)",
        )
    if v == "enum":
        allowed = ", ".join(str(x) for x in error.validator_value)
        return (
            f"giá trị '{value}' không hợp lệ; chọn một trong: {allowed}",
            f"invalid value '{value}'; choose one of: {allowed}",
        )
    if v == "const":
        return (
            f"giá trị phải là {error.validator_value!r}",
            f"the value must be {error.validator_value!r}",
        )
    if v == "type":
        expected = error.validator_value
        names = {
            "string": ("chuỗi ký tự", "a string"),
            "integer": ("số nguyên", "an integer"),
            "object": ("bảng khóa: giá trị", "a mapping"),
            "array": ("danh sách", "a list"),
            "boolean": ("true hoặc false", "true or false"),
        }
        vi_name, en_name = names.get(str(expected), (str(expected), str(expected)))
        hint_vi = hint_en = ""
        if expected == "string" and isinstance(value, float | int):
            hint_vi = ' (đặt trong dấu nháy, ví dụ "01.003")'
            hint_en = ' (put it in quotes, for example "01.003")'
        return (
            f"giá trị {value!r} phải là {vi_name}{hint_vi}",
            f"the value {value!r} must be {en_name}{hint_en}",
        )
    if v == "pattern":
        field = error.absolute_path[-1] if error.absolute_path else ""
        what = {
            "born": (
                "ngày sinh (dd/mm/yyyy, mm/yyyy, yyyy)",
                "a birth date (dd/mm/yyyy, mm/yyyy, yyyy)",
            ),
            "national_id": ("số định danh cá nhân gồm 12 chữ số", "a 12-digit national ID number"),
        }.get(str(field))
        if what is None and "[0-9]{4}-" in str(error.validator_value):
            what = ("ngày dạng dd/mm/yyyy hoặc yyyy-mm-dd", "a date as dd/mm/yyyy or yyyy-mm-dd")
        if what is None:
            what = (
                "mã chỉ gồm chữ không dấu, số, '-', '_', '.'",
                "an id of unaccented letters, digits, '-', '_', '.'",
            )
        return f"'{value}' không hợp lệ: cần {what[0]}", f"'{value}' is invalid: expected {what[1]}"
    if v in ("minimum", "maximum"):
        return (
            f"giá trị {value} nằm ngoài giới hạn ({v} {error.validator_value})",
            f"value {value} is out of range ({v} {error.validator_value})",
        )
    if v in ("minItems", "minLength"):
        return "giá trị trống hoặc quá ngắn", "the value is empty or too short"
    if v == "oneOf":
        return (
            f"giá trị {value!r} không đúng dạng (xem docs/format.md)",
            f"the value {value!r} has the wrong shape (see docs/format.md)",
        )
    if v == "propertyNames":
        return (
            f"khóa '{value}' không hợp lệ (cần năm, ví dụ 2019)",
            f"invalid key '{value}' (a year)",
        )
    return f"không hợp lệ: {error.message}", f"invalid: {error.message}"
