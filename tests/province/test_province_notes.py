"""In a province's check, the province-wide finding of SO-3 stands alone: no sở also gets its
own "cần số liệu của cả tỉnh" note beside it (follow-up F1 of issues 8 and 9)."""

from __future__ import annotations

import datetime as dt

from tinhgon.domain import Project
from tinhgon.law import check


def test_a_province_check_gives_the_province_wide_so3_finding_without_per_so_notes(
    province: Project,
):
    on = dt.date(2025, 1, 1)
    report = check(province.state_on(on), on=on, agency=province.agency)

    so3 = [f for f in report.findings if f.rule == "SO-3"]
    assert len(so3) == 1
    assert "Quảng Ngãi: 03 sở có tổng 01 Phó Giám đốc" in so3[0].message.vi
    assert not [f for f in report.findings if "cần số liệu của cả tỉnh" in f.message.vi]


def test_one_so_alone_still_gets_its_note(province: Project):
    """Checked alone (one agency), a sở cannot be judged on the province's average: the note
    stays."""
    on = dt.date(2025, 1, 1)
    state = province.state_on(on)
    from tinhgon.domain.agencies import split_by_agency

    stc = split_by_agency(state)["stc"]
    agency = province.agency.__class__(
        id="stc", name="Sở Tài chính", agency_type="provincial_department"
    )
    report = check(stc, on=on, agency=agency)

    notes = [f for f in report.findings if f.rule == "SO-3"]
    assert len(notes) == 1
    assert "cần số liệu của cả tỉnh" in notes[0].message.vi
