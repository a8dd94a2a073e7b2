"""The JSON of an agency's person and change rows decoded in one call into typed rows
(msgspec), for ``fast_rows``: no dictionary made for a row, the types of a person's fields
checked by the decoder.

This is only a quicker way to the values the JSON holds. A row the typed decoding does not
take — a field of another type, a key the quick path does not read, text msgspec refuses
where Python's ``json`` might not — is given back as None, and the caller reads that row's
text with ``json.loads`` and its ordinary path, which then gives the same object or the same
error as ever. Both decoders keep the last of two equal keys.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import msgspec

_UNSET: Any = msgspec.UNSET


class RankRow(msgspec.Struct, frozen=True):
    code: str
    name: str


class PersonRow(msgspec.Struct):
    """A person as ``person_to_plain`` writes one; the keys after ``rank`` are what
    ``person_from_plain`` reads besides: any of them present sends the row the ordinary way."""

    id: str
    name: str
    born: str
    sex: str
    category: str
    national_id: str | None = None
    title: str = ""
    qualifications: tuple[str, ...] = ()
    rank: RankRow | None = None
    ratings: Any = _UNSET
    hazardous_work_years: Any = _UNSET
    difficult_area_years: Any = _UNSET
    work_capacity_loss: Any = _UNSET
    salary_coefficient: Any = _UNSET
    position_allowance_coefficient: Any = _UNSET
    allowance_coefficient: Any = _UNSET
    social_insurance_months: Any = _UNSET
    social_insurance_on: Any = _UNSET

    def usual(self) -> bool:
        """None of the keys the quick path leaves to the codec."""
        return (
            self.ratings is _UNSET
            and self.hazardous_work_years is _UNSET
            and self.difficult_area_years is _UNSET
            and self.work_capacity_loss is _UNSET
            and self.salary_coefficient is _UNSET
            and self.position_allowance_coefficient is _UNSET
            and self.allowance_coefficient is _UNSET
            and self.social_insurance_months is _UNSET
            and self.social_insurance_on is _UNSET
        )


class ChangeRow(msgspec.Struct):
    """The fields of a hire or a transfer, of any type (checked by the caller); the other
    kinds' own fields are skipped, and such a row is read the ordinary way."""

    kind: Any = None
    on: Any = None
    person: Any = None
    unit: Any = None
    role: Any = "staff"
    basis: Any = None
    note: Any = ""


_PEOPLE = msgspec.json.Decoder(list[PersonRow])
_PERSON = msgspec.json.Decoder(PersonRow)
_CHANGES = msgspec.json.Decoder(list[ChangeRow])
_CHANGE = msgspec.json.Decoder(ChangeRow)


def _typed(texts: Sequence[str], many: Any, one: Any) -> list[Any]:
    try:
        return list(many.decode(("[" + ",".join(texts) + "]").encode()))
    except (msgspec.DecodeError, UnicodeEncodeError):
        pass
    rows: list[Any] = []
    for text in texts:  # the rows the decoder takes; None for the others
        try:
            rows.append(one.decode(text.encode()))
        except (msgspec.DecodeError, UnicodeEncodeError):
            rows.append(None)
    return rows


def people(texts: Sequence[str]) -> list[PersonRow | None]:
    """Each text as a typed person row, or None where the typed decoding does not take it."""
    return _typed(texts, _PEOPLE, _PERSON)


def changes(texts: Sequence[str]) -> list[ChangeRow | None]:
    """Each text as a change row, or None where the decoder does not take it."""
    return _typed(texts, _CHANGES, _CHANGE)
