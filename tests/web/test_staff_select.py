"""The staff list sorts once and filters ids (rows only for the page shown); it must keep exactly
the people, in exactly the order, that filtering every row the way the page did before keeps."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from tinhgon.domain.vietnamese import name_sort_key
from tinhgon.web import models, page_data, privacy, selectors


def _rows(state):  # type: ignore[no-untyped-def]
    rows = [page_data.staff_row(state, pid) for pid in state.assignments]
    rows.sort(key=lambda r: name_sort_key(r.name))
    return rows


@pytest.mark.django_db
@pytest.mark.parametrize("on", [dt.date(2019, 12, 31), dt.date(2020, 12, 31)])
def test_staff_select_keeps_what_filtering_every_row_keeps(kontum, on):
    agency = models.Agency.objects.get(code="bqlkkt")
    state = page_data.state_at(agency=agency, on=on)
    ids = page_data.staff_ids(agency=agency, on=on)
    rows = _rows(state)
    assert ids == [r.person_id for r in rows]
    someone = rows[len(rows) // 2]
    searches = ["", "nguyen", "van an", fold_of(someone.name)[-6:], someone.national_id[3:8], "zzz"]
    units = ["", *list(state.units)[:4]]
    filters = [
        {},
        {"category": "civil_servant"},
        {"rank": someone.rank},
        {"age_band": "40-49"},
        {"retiring_within": 24},
    ]
    for personal, q, unit, extra in itertools.product([True, False], searches, units, filters):
        shown = rows if personal else [privacy.mask_row(r) for r in rows]
        expected = selectors.staff_filter(shown, on=on, q=q, unit=unit, state=state, **extra)
        got = page_data.staff_select(
            agency=agency,
            state=state,
            ids=ids,
            personal=personal,
            q=q,
            unit=unit,
            mask=None if personal else privacy.mask_row,
            **extra,
        )
        assert got == [r.person_id for r in expected], (personal, q, unit, extra)


def fold_of(name: str) -> str:
    from tinhgon.domain.vietnamese import fold

    return fold(name)
