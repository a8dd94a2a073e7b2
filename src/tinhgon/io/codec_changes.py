"""Changes: plain data (a project file's ``changes:`` item, a plan's change, a database row) to
domain changes and back."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tinhgon.domain import (
    CHANGE_KINDS,
    Appoint,
    Category,
    Change,
    CreateUnit,
    DissolveUnit,
    DocumentKey,
    DocumentRegister,
    Hire,
    Leave,
    LeaveReason,
    MergeUnits,
    MoveUnit,
    Quota,
    Relieve,
    RenameUnit,
    ReorganiseUnit,
    Role,
    SetQuota,
    SplitUnit,
    Transfer,
)
from tinhgon.io.codec_base import Context, FieldError, parse_date
from tinhgon.io.codec_units import basis_to_plain, new_unit_from_plain, new_unit_to_plain
from tinhgon.io.yamlsrc import Path, path_text

# -- changes ------------------------------------------------------------------------------


def change_from_plain(
    data: Mapping[str, Any], ctx: Context, path: Path, *, require_basis: bool = False
) -> Change:
    """Read one change; ``path`` is where it stands, so that its ``ref`` can point back."""
    kind = str(data["kind"])
    on = parse_date(data["on"], (*path, "on"))
    basis: DocumentKey | None = None
    if data.get("basis") is not None:
        basis = ctx.basis(data["basis"], (*path, "basis"))
    elif require_basis:
        raise FieldError(
            (*path, "basis"),
            "thiếu căn cứ pháp lý (basis): văn bản quyết định thay đổi này",
            "missing legal basis (basis): the document that decides this change",
        )
    common: dict[str, Any] = {
        "on": on,
        "basis": basis,
        "note": str(data.get("note", "")),
        "ref": path_text(path),
    }
    if kind == "create":
        return CreateUnit(unit=new_unit_from_plain(data["unit"], ctx, (*path, "unit")), **common)
    if kind == "rename":
        return RenameUnit(unit=str(data["unit"]), name=str(data["name"]), **common)
    if kind == "move":
        return MoveUnit(unit=str(data["unit"]), parent=str(data["parent"]), **common)
    if kind == "merge":
        new_unit = None
        if data.get("new_unit") is not None:
            new_unit = new_unit_from_plain(
                data["new_unit"], ctx, (*path, "new_unit"), default_id=str(data["into"])
            )
        return MergeUnits(
            sources=tuple(str(u) for u in data["units"]),
            into=str(data["into"]),
            new_unit=new_unit,
            roles={str(p): Role(str(r)) for p, r in data.get("roles", {}).items()},
            **common,
        )
    if kind == "split":
        return SplitUnit(
            source=str(data["unit"]),
            new_units=tuple(
                new_unit_from_plain(u, ctx, (*path, "into", i)) for i, u in enumerate(data["into"])
            ),
            people={str(p): str(u) for p, u in data.get("people", {}).items()},
            roles={str(p): Role(str(r)) for p, r in data.get("roles", {}).items()},
            children={str(c): str(u) for c, u in data.get("children", {}).items()},
            quotas=tuple(
                Quota(str(q["unit"]), Category(str(q["category"])), int(q["year"]), int(q["value"]))
                for q in data.get("quotas", ())
            ),
            source_continues=bool(data.get("keep_source", False)),
            **common,
        )
    if kind == "dissolve":
        return DissolveUnit(
            unit=str(data["unit"]),
            people={str(p): str(u) for p, u in data.get("people", {}).items()},
            **common,
        )
    if kind == "reorganise":
        return ReorganiseUnit(
            unit=str(data["unit"]),
            new_unit=new_unit_from_plain(data["new_unit"], ctx, (*path, "new_unit")),
            **common,
        )
    if kind == "hire":
        person = ctx.person(str(data["person"]), (*path, "person"))
        return Hire(
            person=person, unit=str(data["unit"]), role=Role(data.get("role", "staff")), **common
        )
    if kind == "transfer":
        return Transfer(
            person=str(data["person"]),
            unit=str(data["unit"]),
            role=Role(data.get("role", "staff")),
            **common,
        )
    if kind == "appoint":
        return Appoint(
            person=str(data["person"]),
            role=Role(str(data["role"])),
            unit=str(data["unit"]) if data.get("unit") else None,
            **common,
        )
    if kind == "relieve":
        return Relieve(person=str(data["person"]), **common)
    if kind == "leave":
        return Leave(person=str(data["person"]), reason=LeaveReason(str(data["reason"])), **common)
    if kind == "set_quota":
        return SetQuota(
            unit=str(data["unit"]),
            category=Category(str(data["category"])),
            year=int(data["year"]),
            value=int(data["value"]),
            **common,
        )
    known = ", ".join(CHANGE_KINDS)
    raise FieldError(
        (*path, "kind"),
        f"loại thay đổi '{kind}' không có (các loại: {known})",
        f"unknown change kind '{kind}' (known: {known})",
    )


def change_to_plain(change: Change, documents: DocumentRegister) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": change.kind, "on": change.on.isoformat()}
    basis = basis_to_plain(change.basis, documents)
    if basis is not None:
        out["basis"] = basis
    if change.note:
        out["note"] = change.note
    if isinstance(change, CreateUnit):
        out["unit"] = new_unit_to_plain(change.unit)
    elif isinstance(change, RenameUnit):
        out.update(unit=change.unit, name=change.name)
    elif isinstance(change, MoveUnit):
        out.update(unit=change.unit, parent=change.parent)
    elif isinstance(change, MergeUnits):
        out.update(units=list(change.sources), into=change.into)
        if change.new_unit is not None:
            out["new_unit"] = new_unit_to_plain(change.new_unit)
        if change.roles:
            out["roles"] = {p: r.value for p, r in change.roles.items()}
    elif isinstance(change, SplitUnit):
        out.update(unit=change.source, into=[new_unit_to_plain(u) for u in change.new_units])
        if change.people:
            out["people"] = dict(change.people)
        if change.roles:
            out["roles"] = {p: r.value for p, r in change.roles.items()}
        if change.children:
            out["children"] = dict(change.children)
        if change.quotas:
            out["quotas"] = [
                {"unit": q.unit_id, "category": q.category.value, "year": q.year, "value": q.value}
                for q in change.quotas
            ]
        if change.source_continues:
            out["keep_source"] = True
    elif isinstance(change, DissolveUnit):
        out["unit"] = change.unit
        if change.people:
            out["people"] = dict(change.people)
    elif isinstance(change, ReorganiseUnit):
        out.update(unit=change.unit, new_unit=new_unit_to_plain(change.new_unit))
    elif isinstance(change, Hire):
        out.update(person=change.person.id, unit=change.unit)
        if change.role is not Role.STAFF:
            out["role"] = change.role.value
    elif isinstance(change, Transfer):
        out.update(person=change.person, unit=change.unit)
        if change.role is not Role.STAFF:
            out["role"] = change.role.value
    elif isinstance(change, Appoint):
        out.update(person=change.person, role=change.role.value)
        if change.unit:
            out["unit"] = change.unit
    elif isinstance(change, Relieve):
        out["person"] = change.person
    elif isinstance(change, Leave):
        out.update(person=change.person, reason=change.reason.value)
    elif isinstance(change, SetQuota):
        out.update(
            unit=change.unit, category=change.category.value, year=change.year, value=change.value
        )
    return out
