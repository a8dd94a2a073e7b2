"""Plain data (the JSON-like form of the project file) to domain objects and back.

The project file reader, the database and the API all speak this form, so a change reads and
writes the same way everywhere. Conversion errors are ``FieldError``: the path below the value
being read, and what is wrong in Vietnamese and English.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from tinhgon.domain import (
    CHANGE_KINDS,
    RANKS,
    Appoint,
    AutonomyGroup,
    BirthDate,
    Category,
    Change,
    CreateUnit,
    DissolveUnit,
    Document,
    DocumentKey,
    DocumentKind,
    DocumentRegister,
    Hire,
    InvalidValue,
    Leave,
    LeaveReason,
    MergeUnits,
    MoveUnit,
    NewUnit,
    Person,
    Quota,
    Rank,
    Rating,
    Relieve,
    RenameUnit,
    ReorganiseUnit,
    Role,
    SetQuota,
    Sex,
    SplitUnit,
    Transfer,
    UnitClass,
    UnitKind,
    parse_symbol,
)
from tinhgon.io.yamlsrc import Path, path_text

T = TypeVar("T")


class FieldError(Exception):
    """A value that cannot be read; ``path`` is relative to the object being read."""

    def __init__(self, path: Path, vi: str, en: str) -> None:
        super().__init__(en)
        self.path = path
        self.vi = vi
        self.en = en


def parse_date(value: Any, path: Path = ()) -> dt.date:
    """'2018-01-01' or '01/01/2018' (dd/mm/yyyy)."""
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text):
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        raise FieldError(
            path, f"ngày '{text}' không có thật", f"date '{text}' does not exist"
        ) from None
    raise FieldError(
        path,
        f"ngày '{text}' không đúng dạng (dd/mm/yyyy hoặc yyyy-mm-dd)",
        f"date '{text}' is malformed (dd/mm/yyyy or yyyy-mm-dd)",
    )


def _guard(path: Path, call: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    try:
        return call(*args, **kwargs)
    except InvalidValue as error:
        raise FieldError(path, error.vi, error.en) from None


@dataclass
class Context:
    """What references resolve against: unit kinds, documents and the people registry."""

    kinds: Mapping[str, UnitKind]
    documents: DocumentRegister
    people: Mapping[str, Person] = field(default_factory=dict)

    def kind(self, code: str, path: Path) -> UnitKind:
        try:
            return self.kinds[code]
        except KeyError:
            known = ", ".join(sorted(self.kinds))
            raise FieldError(
                path,
                f"loại đơn vị '{code}' không có (các loại: {known}; khai báo thêm ở unit_kinds)",
                f"unknown unit kind '{code}' (known: {known}; declare more in unit_kinds)",
            ) from None

    def basis(self, value: Any, path: Path) -> DocumentKey:
        if isinstance(value, Mapping):
            symbol = str(value["symbol"])
            issued = parse_date(value["date"], (*path, "date"))
            document = _guard(path, self.documents.resolve, symbol, issued)
        else:
            document = _guard(path, self.documents.resolve, str(value))
        return document.key

    def person(self, person_id: str, path: Path) -> Person:
        try:
            return self.people[person_id]
        except KeyError:
            raise FieldError(
                path,
                f"không có người '{person_id}' trong mục people",
                f"no person '{person_id}' in people",
            ) from None


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


def rank_from_plain(value: Any) -> Rank:
    if isinstance(value, Mapping):
        return Rank(str(value["code"]), str(value["name"]))
    text = str(value)
    if text in RANKS:
        return RANKS[text]
    for rank in RANKS.values():
        if rank.name.lower() == text.lower():
            return rank
    return Rank("", text)


def person_from_plain(data: Mapping[str, Any], path: Path) -> Person:
    born = _guard((*path, "born"), BirthDate.parse, str(data["born"]))
    ratings = tuple(
        sorted((int(year), Rating(str(value))) for year, value in data.get("ratings", {}).items())
    )
    return _guard(
        path,
        Person,
        id=str(data["id"]),
        full_name=" ".join(str(data["name"]).split()),
        sex=Sex(str(data["sex"])),
        birth=born,
        category=Category(str(data["category"])),
        national_id=str(data["national_id"]) if data.get("national_id") else None,
        rank=rank_from_plain(data["rank"]) if data.get("rank") else None,
        qualifications=tuple(str(q) for q in data.get("qualifications", ())),
        title=" ".join(str(data.get("title", "")).split()),
        ratings=ratings,
        **{key: data[key] for key in EARLY_RETIREMENT_FACTS if data.get(key) is not None},
        **_pay_from_plain(data, path),
    )


# Optional facts for early retirement (Decree 135/2020 Art. 5), as the Person fields are named.
EARLY_RETIREMENT_FACTS = ("hazardous_work_years", "difficult_area_years", "work_capacity_loss")


def _pay_from_plain(data: Mapping[str, Any], path: Path) -> dict[str, Any]:
    """The optional pay and social-insurance fields of a person (streamlining allowances)."""
    out: dict[str, Any] = {}
    for key in ("salary_coefficient", "position_allowance_coefficient", "allowance_coefficient"):
        raw = data.get(key)
        if raw is None:
            continue
        try:
            out[key] = Decimal(str(raw).replace(",", "."))
        except InvalidOperation:
            raise FieldError(
                (*path, key), f"'{raw}' không phải một hệ số", f"'{raw}' is not a coefficient"
            ) from None
    months = data.get("social_insurance_months")
    if months is not None:
        if not isinstance(months, int) or isinstance(months, bool):
            raise FieldError(
                (*path, "social_insurance_months"),
                f"số tháng đóng bảo hiểm xã hội '{months}' phải là số nguyên",
                f"months of social insurance '{months}' must be a whole number",
            )
        out["social_insurance_months"] = months
    if data.get("social_insurance_on") is not None:
        out["social_insurance_on"] = parse_date(
            data["social_insurance_on"], (*path, "social_insurance_on")
        )
    return out


def person_to_plain(person: Person) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": person.id,
        "name": person.full_name,
        "born": person.birth.iso(),
        "sex": person.sex.value,
        "category": person.category.value,
    }
    if person.national_id:
        out["national_id"] = person.national_id
    if person.rank:
        out["rank"] = {"code": person.rank.code, "name": person.rank.name}
    if person.qualifications:
        out["qualifications"] = list(person.qualifications)
    if person.ratings:
        out["ratings"] = {str(year): rating.value for year, rating in person.ratings}
    if person.title:
        out["title"] = person.title
    for key in EARLY_RETIREMENT_FACTS:
        if getattr(person, key) is not None:
            out[key] = getattr(person, key)
    for key in ("salary_coefficient", "position_allowance_coefficient", "allowance_coefficient"):
        number = getattr(person, key)
        if number is not None:
            out[key] = float(number) if number != number.to_integral_value() else int(number)
    if person.social_insurance_months is not None:
        out["social_insurance_months"] = person.social_insurance_months
    if person.social_insurance_on is not None:
        out["social_insurance_on"] = person.social_insurance_on.isoformat()
    return out


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
