"""Documents, unit kinds and units: plain data to domain objects and back (and a change's
legal basis to plain data)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tinhgon.domain import (
    AutonomyGroup,
    Document,
    DocumentKey,
    DocumentKind,
    DocumentRegister,
    InvalidValue,
    NewUnit,
    UnitClass,
    UnitKind,
    parse_symbol,
)
from tinhgon.io.codec_base import Context, FieldError, _guard, parse_date
from tinhgon.io.yamlsrc import Path


def basis_to_plain(key: DocumentKey | None, documents: DocumentRegister) -> Any:
    if key is None:
        return None
    try:
        documents.resolve(key.symbol)
    except InvalidValue:
        return {"symbol": key.symbol, "date": key.issued_on.isoformat()}
    return key.symbol


# -- documents and unit kinds --------------------------------------------------------------


def document_from_plain(data: Mapping[str, Any], path: Path = ()) -> Document:
    try:
        symbol = parse_symbol(str(data["symbol"]))
    except InvalidValue as error:
        raise FieldError((*path, "symbol"), error.vi, error.en) from None
    kind = DocumentKind(data["kind"]) if data.get("kind") else symbol.inferred_kind
    return _guard(
        path,
        Document,
        symbol=symbol,
        kind=kind or DocumentKind.OTHER,
        issued_on=parse_date(data["issued_on"], (*path, "issued_on")),
        issuer=str(data["issuer"]),
        title=str(data["title"]),
        effective_on=(
            parse_date(data["effective_on"], (*path, "effective_on"))
            if data.get("effective_on")
            else None
        ),
        url=data.get("url") or None,
        illustrative=bool(data.get("illustrative", False)),
    )


def document_to_plain(document: Document) -> dict[str, Any]:
    out: dict[str, Any] = {
        "symbol": document.symbol.text,
        "kind": document.kind.value,
        "issued_on": document.issued_on.isoformat(),
        "issuer": document.issuer,
        "title": document.title,
    }
    if document.effective_on:
        out["effective_on"] = document.effective_on.isoformat()
    if document.url:
        out["url"] = document.url
    if document.illustrative:
        out["illustrative"] = True
    return out


def unit_kind_from_plain(data: Mapping[str, Any]) -> UnitKind:
    return UnitKind(
        code=str(data["code"]),
        name_vi=str(data["name"]),
        name_en=str(data.get("name_en", data["name"])),
        unit_class=UnitClass(str(data["class"])),
        head_title=str(data.get("head_title", "Trưởng")),
        deputy_title=str(data.get("deputy_title", "Phó")),
    )


def unit_kind_to_plain(kind: UnitKind) -> dict[str, Any]:
    return {
        "code": kind.code,
        "name": kind.name_vi,
        "name_en": kind.name_en,
        "class": kind.unit_class.value,
        "head_title": kind.head_title,
        "deputy_title": kind.deputy_title,
    }


# -- units and people ---------------------------------------------------------------------


def new_unit_from_plain(
    data: Mapping[str, Any], ctx: Context, path: Path, *, default_id: str = ""
) -> NewUnit:
    group = data.get("autonomy_group")
    return _guard(
        path,
        NewUnit,
        id=str(data.get("id", default_id)),
        name=str(data["name"]),
        kind=ctx.kind(str(data["kind"]), (*path, "kind")),
        parent_id=data.get("parent"),
        fields=tuple(data.get("fields", ())),
        autonomy_group=AutonomyGroup(str(group)) if group is not None else None,
        agency_type=str(data["agency_type"]) if data.get("agency_type") else None,
    )


def new_unit_to_plain(unit: NewUnit) -> dict[str, Any]:
    out: dict[str, Any] = {"id": unit.id, "name": unit.name, "kind": unit.kind.code}
    if unit.parent_id:
        out["parent"] = unit.parent_id
    if unit.fields:
        out["fields"] = list(unit.fields)
    if unit.autonomy_group:
        out["autonomy_group"] = unit.autonomy_group.value
    if unit.agency_type:
        out["agency_type"] = unit.agency_type
    return out
