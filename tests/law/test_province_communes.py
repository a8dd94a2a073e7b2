"""CM-1 over a province of the national dataset: its communes are local government units
(``commune``, ``ward``, ``special_zone``) with ``agency_type: commune_committee``, their office,
departments and public administrative service centre right under them; the province-wide
average counts those."""

from __future__ import annotations

from tinhgon.domain import Role, UnitClass
from tinhgon.io.national import CHECK_ON, national_provinces
from tinhgon.io.project_reader import ProjectReader
from tinhgon.io.yamlsrc import Locator
from tinhgon.law import Severity, check_project


def test_the_communes_departments_and_centres_are_averaged_across_the_province() -> None:
    province = next(iter(national_provinces(100_000, 1, only={"01"})))  # Hà Nội
    project = ProjectReader("01.yaml", Locator()).read(province.project)
    state = project.state_on(CHECK_ON)
    communes = [u for u in state.units.values() if u.agency_type == "commune_committee"]
    units = [
        u
        for u in state.units.values()
        if u.parent_id in {c.id for c in communes} and u.kind.unit_class is UnitClass.DEPARTMENT
    ]
    ids = {u.id for u in units}
    deputies = sum(
        1 for a in state.assignments.values() if a.role is Role.DEPUTY and a.unit_id in ids
    )

    report = check_project(project, on=CHECK_ON, state=state)

    cm1 = [f for f in report.findings if f.rule == "CM-1"]
    assert len(communes) == 126
    assert len(units) == 4 * 126  # an office, two departments and the centre in each
    assert deputies > 0
    assert [(f.actual, f.limit, f.detail["units"], f.detail["agencies"]) for f in cm1] == [
        (deputies, 2 * len(units), len(units), 126)
    ]
    assert cm1[0].severity is (Severity.VIOLATION if deputies > 2 * len(units) else Severity.INFO)
    assert f"{len(units):02d} phòng chuyên môn và trung tâm" in cm1[0].message.vi
