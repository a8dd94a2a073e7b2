"""A person's page tells only the changes that may concern them (replayed from the nearest
snapshot): it must list exactly what telling the whole history and keeping theirs lists."""

from __future__ import annotations

from typing import Any
from unittest.mock import patch

import pytest

from tests.web.conftest import kontum_project
from tinhgon.domain import DissolveUnit, MergeUnits, Project, SplitUnit
from tinhgon.domain.describe import narrate
from tinhgon.web import selectors


def _reference(project: Project, person_id: str) -> list[dict[str, Any]]:
    """The whole history told, theirs kept (the way the page did it before issue 14)."""
    entries: list[dict[str, Any]] = []
    if person_id not in project.people:
        return entries
    for change, text, before in narrate(project.timeline):
        where = before.assignments.get(person_id)
        moved_along = (
            isinstance(change, MergeUnits | SplitUnit | DissolveUnit)
            and where is not None
            and where.unit_id in change.unit_ids()
        )
        if person_id in change.person_ids() or moved_along:
            entries.append(selectors._entry(project, change, text))
    return entries


@pytest.mark.parametrize("near", [0, 3, 200])
def test_a_persons_history_is_the_one_the_whole_history_tells(near):
    project = kontum_project()
    moved = 0
    with patch.object(selectors, "_NEAR", near):
        for person_id in [*project.people, "nobody"]:
            expected = _reference(project, person_id)
            assert selectors.person_history(project=project, person_id=person_id) == expected
            moved += any(e["kind"] in {"merge", "split", "dissolve"} for e in expected)
    assert moved  # people taken along by a merge are among them
