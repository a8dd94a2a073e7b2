"""People: plain data (a project file's ``people:`` item, a database row) to ``Person`` and back."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from tinhgon.domain import (
    RANKS,
    BirthDate,
    Category,
    InvalidValue,
    Person,
    Rank,
    Rating,
    Sex,
)
from tinhgon.io.codec_base import FieldError, _guard, parse_date
from tinhgon.io.yamlsrc import Path


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
    if data.keys() & _UNCOMMON:
        return _person_in_full(data, path)
    # The usual person (no ratings, qualifications, title, pay or retirement facts): the same
    # reading with fewer steps. Birth dates and ranks repeat; as frozen values they are shared.
    text = str(data["born"])
    born = _BIRTHS.get(text)
    if born is None:
        born = _guard((*path, "born"), BirthDate.parse, text)
        if len(_BIRTHS) < _SHARED_AT_MOST:
            _BIRTHS[text] = born
    # (in the order the full reading reads them: a missing key is the same KeyError)
    try:
        return Person(
            id=str(data["id"]),
            full_name=" ".join(str(data["name"]).split()),
            sex=_SEXES.get(sex := str(data["sex"])) or Sex(sex),
            birth=born,
            category=_CATEGORIES.get(category := str(data["category"])) or Category(category),
            national_id=str(national_id) if (national_id := data.get("national_id")) else None,
            rank=_rank(rank) if (rank := data.get("rank")) else None,
        )
    except InvalidValue as error:
        raise FieldError(path, error.vi, error.en) from None


def _person_in_full(data: Mapping[str, Any], path: Path) -> Person:
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


def _rank(value: Any) -> Rank:
    """``rank_from_plain``, a rank read before given again (a rank is a frozen value)."""
    if isinstance(value, Mapping):
        key = (str(value["code"]), str(value["name"]))
        rank = _RANKS_READ.get(key)
        if rank is None:
            rank = Rank(*key)
            if len(_RANKS_READ) < _SHARED_AT_MOST:
                _RANKS_READ[key] = rank
        return rank
    return rank_from_plain(value)


_SEXES = {sex.value: sex for sex in Sex}
_CATEGORIES = {category.value: category for category in Category}
_BIRTHS: dict[str, BirthDate] = {}
_RANKS_READ: dict[tuple[str, str], Rank] = {}
_SHARED_AT_MOST = 100_000  # birth dates in 250 years; a bound for a long-running server

# Optional facts for early retirement (Decree 135/2020 Art. 5), as the Person fields are named.
EARLY_RETIREMENT_FACTS = ("hazardous_work_years", "difficult_area_years", "work_capacity_loss")


_PAY_COEFFICIENTS = (
    "salary_coefficient",
    "position_allowance_coefficient",
    "allowance_coefficient",
)


def _pay_from_plain(data: Mapping[str, Any], path: Path) -> dict[str, Any]:
    """The optional pay and social-insurance fields of a person (streamlining allowances)."""
    out: dict[str, Any] = {}
    for key in _PAY_COEFFICIENTS:
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
    for key in _PAY_COEFFICIENTS:
        number = getattr(person, key)
        if number is not None:
            out[key] = float(number) if number != number.to_integral_value() else int(number)
    if person.social_insurance_months is not None:
        out["social_insurance_months"] = person.social_insurance_months
    if person.social_insurance_on is not None:
        out["social_insurance_on"] = person.social_insurance_on.isoformat()
    return out


# The keys of a person that only the full reading reads.
_UNCOMMON = frozenset(
    (
        "ratings",
        "qualifications",
        "title",
        *EARLY_RETIREMENT_FACTS,
        *_PAY_COEFFICIENTS,
        "social_insurance_months",
        "social_insurance_on",
    )
)
