"""Who heads a new unit and who becomes deputy: a documented order that a user may override.

The default order (``DEFAULT_ORDER``) compares, one after the other:

``post``
    the post held now: a head before a deputy before anyone else;
``rank``
    the civil-service rank (ngạch): senior principal (chuyên viên cao cấp and equivalents)
    before principal before specialist before the rest;
``years``
    years in the role held now (head, deputy), counted across moves of unit: longer first;
``name``
    last, the Vietnamese order of names, so that the result never depends on input order.

A user passes another order (for instance ``("rank", "years", "post")``) or names people to
put first (``prefer``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence

from tinhgon.domain import Assignment, Change, Role, State, StateBuilder
from tinhgon.domain.vietnamese import name_sort_key

DEFAULT_ORDER: tuple[str, ...] = ("post", "rank", "years")
CRITERIA = ("post", "rank", "years")

# Rank level by code: 1 is the most senior. Codes not listed come after every listed one.
RANK_LEVEL = {
    "01.001": 1,
    "04.023": 1,
    "06.029": 1,
    "01.002": 2,
    "04.024": 2,
    "06.030": 2,
    "01.003": 3,
    "04.025": 3,
    "06.031": 3,
    "01.004": 4,
    "06.032": 4,
    "01.005": 5,
}
_POST = {Role.HEAD: 0, Role.DEPUTY: 1, Role.STAFF: 2}
_MOVES_UNITS = frozenset({"merge", "split", "dissolve"})


class OrderError(ValueError):
    def __init__(self, criterion: str) -> None:
        super().__init__(criterion)
        self.vi = (
            f"tiêu chí sắp xếp '{criterion}' không hợp lệ (dùng: post, rank, years — "
            "chức vụ, ngạch, số năm giữ chức vụ)"
        )
        self.en = f"unknown ordering criterion '{criterion}' (use post, rank, years)"


def check_order(order: Sequence[str]) -> tuple[str, ...]:
    for criterion in order:
        if criterion not in CRITERIA:
            raise OrderError(criterion)
    return tuple(order)


def posts_since(changes: Iterable[Change], person_ids: Iterable[str]) -> dict[str, dt.date]:
    """Since when each person has held the role they hold at the end of ``changes`` (head,
    deputy, staff), whatever moves of unit came between: a head whose unit was merged into
    another where they stayed head keeps their date; one made staff by a merge starts again.

    ``Assignment.since`` cannot say this: every move resets it."""
    wanted = set(person_ids)
    builder = StateBuilder()
    held: dict[str, Role | None] = {}
    since: dict[str, dt.date] = {}
    for change in changes:
        change.apply(builder)
        # Merges, splits and dissolutions move whole units (their people are not all named in
        # the change); every other change names the people it touches.
        touched = (
            wanted if change.kind in _MOVES_UNITS else wanted.intersection(change.person_ids())
        )
        for person_id in touched:
            assignment = builder.assignments.get(person_id)
            role = assignment.role if assignment else None
            if held.get(person_id, "unset") != role:
                held[person_id] = role
                since[person_id] = change.on
    return since


def sort_key(
    state: State,
    on: dt.date,
    order: Sequence[str],
    prefer: Iterable[str] = (),
    since: dict[str, dt.date] | None = None,
) -> Callable[[Assignment], tuple[object, ...]]:
    preferred = list(prefer)
    started = since or {}

    def key(assignment: Assignment) -> tuple[object, ...]:
        person = state.people[assignment.person_id]
        parts: list[object] = [
            preferred.index(person.id) if person.id in preferred else len(preferred)
        ]
        for criterion in order:
            if criterion == "post":
                parts.append(_POST[assignment.role])
            elif criterion == "rank":
                parts.append(RANK_LEVEL.get(person.rank.code, 9) if person.rank else 9)
            elif criterion == "years":
                began = started.get(assignment.person_id, assignment.since)
                parts.append(began.toordinal() if began <= on else 0)
        parts.append(name_sort_key(person.full_name))
        parts.append(person.id)
        return tuple(parts)

    return key
