"""Domain objects made from values already proven, for the rows of a reading (``fast_rows``).

A frozen dataclass sets each field through ``object.__setattr__`` in its ``__init__`` and then
runs its ``__post_init__``: for 2,000,000 people and their 2,000,000 hires that is most of
what reading the national dataset from the database costs. The functions here make the same
objects (same class, same fields, equal, same hash, same ``repr``) for less — the slots or the
instance dictionary filled directly — and are called only with values that passed the very
checks ``__post_init__`` makes (``person`` makes them itself: the identifier, the name, the
national identifier; a hire has no checks of its own). A field added to ``Person`` or ``Hire``
turns this path off (``FAST``): the caller then uses the class itself.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from tinhgon.domain import BirthDate, Category, Hire, Person, Rank, Role, Sex
from tinhgon.domain.documents import DocumentKey
from tinhgon.domain.errors import InvalidValue
from tinhgon.domain.model import check_identifier, check_name_and_national_id

# The fields as this module fills them, in their order: if the classes change, FAST is False.
_PERSON_FIELDS = (
    "id",
    "full_name",
    "sex",
    "birth",
    "category",
    "national_id",
    "rank",
    "qualifications",
    "ratings",
    "title",
    "hazardous_work_years",
    "difficult_area_years",
    "work_capacity_loss",
    "salary_coefficient",
    "position_allowance_coefficient",
    "allowance_coefficient",
    "social_insurance_months",
    "social_insurance_on",
)
_HIRE_FIELDS = ("on", "basis", "note", "ref", "person", "unit", "role")


def _defaults(cls: type, given: int) -> tuple[Any, ...]:
    out = []
    for f in dataclasses.fields(cls)[given:]:
        if f.default is dataclasses.MISSING:
            raise TypeError(f"{cls.__name__}.{f.name} has no default")
        out.append(f.default)
    return tuple(out)


FAST = (
    tuple(f.name for f in dataclasses.fields(Person)) == _PERSON_FIELDS
    and tuple(f.name for f in dataclasses.fields(Hire)) == _HIRE_FIELDS
    and "__slots__" in Person.__dict__
    and "__slots__" not in Hire.__dict__
    and _defaults(Person, 8) == ((), "", *(None,) * 8)
)

_new = object.__new__
if FAST:
    (
        _id,
        _full_name,
        _sex,
        _birth,
        _category,
        _national_id,
        _rank,
        _qualifications,
        _ratings,
        _title,
        _hazardous,
        _difficult,
        _capacity,
        _salary,
        _position,
        _allowance,
        _months,
        _insured_on,
    ) = (getattr(Person, name).__set__ for name in _PERSON_FIELDS)


def person(
    pid: str,
    full_name: str,
    sex: Sex,
    birth: BirthDate,
    category: Category,
    national_id: str | None,
    rank: Rank | None,
    qualifications: tuple[str, ...],
    title: str,
) -> Person | None:
    """``Person(id=pid, full_name=…, …, title=title)`` with every other field at its default,
    or None when ``Person`` would refuse it (the caller then lets the codec word the error).
    The caller gives values of the fields' types (``str``, the enums, a tuple of ``str``)."""
    if not FAST:
        return None
    # Person.__post_init__'s own checks, for the fields given (the others are at their
    # defaults, which it does not check).
    try:
        check_identifier(pid, "người", "person")
        check_name_and_national_id(pid, full_name, national_id)
    except InvalidValue:
        return None
    p = _new(Person)
    _id(p, pid)
    _full_name(p, full_name)
    _sex(p, sex)
    _birth(p, birth)
    _category(p, category)
    _national_id(p, national_id)
    _rank(p, rank)
    _qualifications(p, qualifications)
    _ratings(p, ())
    _title(p, title)
    _hazardous(p, None)
    _difficult(p, None)
    _capacity(p, None)
    _salary(p, None)
    _position(p, None)
    _allowance(p, None)
    _months(p, None)
    _insured_on(p, None)
    return p


def hire(
    on: date, basis: DocumentKey | None, note: str, ref: str, who: Person, unit: str, role: Role
) -> Hire:
    """``Hire(on=on, basis=basis, note=note, ref=ref, person=who, unit=unit, role=role)``:
    a hire has no checks of its own. The dictionary is filled in the fields' order, as the
    class's ``__init__`` fills it (the instances then share its keys, as theirs do)."""
    if not FAST:
        return Hire(on=on, basis=basis, note=note, ref=ref, person=who, unit=unit, role=role)
    h = _new(Hire)
    v = h.__dict__
    v["on"] = on
    v["basis"] = basis
    v["note"] = note
    v["ref"] = ref
    v["person"] = who
    v["unit"] = unit
    v["role"] = role
    return h
