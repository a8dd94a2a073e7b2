"""A province in one history: agencies inside it, transfers and mergers across them."""

from __future__ import annotations

import datetime as dt

import pytest

from tinhgon.domain import (
    BUILTIN_KINDS,
    Category,
    CreateUnit,
    DocumentKey,
    Hire,
    NewUnit,
    Project,
    ReorganiseUnit,
    Role,
    State,
    Timeline,
    metrics_of,
)
from tinhgon.domain.agencies import UnknownAgency, agency_of, agency_units, scope, split_by_agency
from tinhgon.domain.state import EndKind
from tinhgon.io import dump_project, parse_project

BEFORE = dt.date(2025, 2, 28)
AFTER = dt.date(2025, 3, 1)


def test_the_agencies_of_a_province_are_its_units_with_an_agency_type(province: Project):
    state = province.state_on(BEFORE)

    assert [u.id for u in agency_units(state)] == ["skhdt", "stc", "snv", "xa-an"]
    assert agency_of(state, "skhdt-dt").id == "skhdt"  # type: ignore[union-attr]
    assert agency_of(state, "qn") is None  # the root itself has no agency type in the units
    assert [u.id for u in province.agencies_on(BEFORE)] == ["skhdt", "stc", "snv", "xa-an"]


def test_an_agency_inside_the_history_is_seen_as_a_history_of_its_own(province: Project):
    whole = province.state_on(BEFORE)
    stc = scope(whole, "stc")

    assert set(stc.units) == {"stc", "stc-vp", "stc-ns"}
    assert stc.units["stc"].parent_id is None
    assert set(stc.assignments) == {"tc1", "tc2"}
    assert {k.unit_id for k in stc.quotas} == {"stc"}
    metrics = metrics_of(stc)
    assert (metrics.departments, metrics.staff, metrics.layers) == (2, 2, 2)
    assert metrics_of(whole).staff == 9


def test_every_agency_in_one_pass_matches_each_agency_alone(province: Project):
    whole = province.state_on(BEFORE)
    parts = split_by_agency(whole)

    assert set(parts) == {"skhdt", "stc", "snv", "xa-an"}
    for agency_id, part in parts.items():
        alone = scope(whole, agency_id)
        assert set(part.units) == set(alone.units)
        assert part.assignments == alone.assignments
        assert part.quotas == alone.quotas
        assert metrics_of(part).as_dict() == metrics_of(alone).as_dict()


def test_a_transfer_between_two_agencies_is_one_change(province: Project):
    after = province.state_on(AFTER, plan="hop-nhat-so")

    assert after.assignments["kh4"].unit_id == "snv-tccb"
    snv = province.for_agency("snv")
    assert "kh4" in snv.state_on(AFTER, plan="hop-nhat-so").assignments
    assert "kh4" not in snv.state_on(BEFORE).assignments


def test_a_merger_of_two_so_moves_their_people_departments_and_quotas(province: Project):
    after = province.state_on(AFTER, plan="hop-nhat-so")

    assert "skhdt" not in after.units
    end = after.ended["skhdt"]
    assert (end.how, end.successors) == (EndKind.MERGED, ("stc",))
    assert after.units["skhdt-dt"].parent_id == "stc"
    assert after.assignments["kh1"].unit_id == "stc"
    assert after.assignments["kh1"].role is Role.DEPUTY
    assert after.quota("stc", Category.CIVIL_SERVANT, 2025) == 9
    stc = province.for_agency("stc").state_on(AFTER, plan="hop-nhat-so")
    assert metrics_of(stc).departments == 4
    assert "skhdt" in stc.ended  # the lineage stays visible from the agency that took it in


def test_an_agency_that_ended_or_never_was_is_refused_by_name(province: Project):
    merged = province.for_agency("skhdt")
    with pytest.raises(UnknownAgency) as ended:
        merged.state_on(AFTER, plan="hop-nhat-so")
    assert "đã chấm dứt ngày 01/03/2025" in ended.value.vi
    with pytest.raises(UnknownAgency) as unknown:
        province.for_agency("so-khong-co")
    assert "không có cơ quan 'so-khong-co'" in unknown.value.vi
    with pytest.raises(UnknownAgency):
        province.for_agency("stc-ns")  # a department is not an agency


def test_an_agency_view_keeps_the_root_and_comes_back_to_the_whole(province: Project):
    stc = province.for_agency("stc")

    assert (stc.agency.id, stc.agency.name, stc.agency.agency_type) == (
        "stc",
        "Sở Tài chính",
        "provincial_department",
    )
    assert stc.agency.province_class == "I"
    assert stc.whole().agency == province.agency
    assert province.for_agency(None) is province
    assert province.for_agency("qn") is province
    assert stc.for_agency("snv").agency.id == "snv"


def test_local_government_kinds_are_built_in_with_their_titles():
    for code in ("province", "city", "district", "commune", "ward", "special_zone"):
        kind = BUILTIN_KINDS[code]
        assert (kind.title(Role.HEAD), kind.title(Role.DEPUTY)) == ("Chủ tịch", "Phó Chủ tịch")
    assert BUILTIN_KINDS["government"].head_title == "Thủ tướng Chính phủ"
    assert BUILTIN_KINDS["commune"].post(Role.HEAD, "Ủy ban nhân dân xã An Phú") == (
        "Chủ tịch Ủy ban nhân dân xã An Phú"
    )


BASIS = DocumentKey("01/QĐ-UBND", dt.date(2024, 12, 20))


def _reorganised() -> tuple[State, State]:
    k = BUILTIN_KINDS
    timeline = Timeline(
        [
            CreateUnit(
                on=dt.date(2025, 1, 1),
                basis=BASIS,
                unit=NewUnit(id="p", name="Tỉnh A", kind=k["province"]),
            ),
            CreateUnit(
                on=dt.date(2025, 1, 1),
                basis=BASIS,
                unit=NewUnit(id="h", name="Huyện B", kind=k["district"], parent_id="p"),
            ),
            CreateUnit(
                on=dt.date(2025, 1, 1),
                basis=BASIS,
                unit=NewUnit(
                    id="tt",
                    name="Thị trấn C",
                    kind=k["township"],
                    parent_id="h",
                    agency_type="commune_committee",
                ),
            ),
            Hire(on=dt.date(2025, 1, 1), basis=BASIS, person=_person(), unit="tt", role=Role.HEAD),
        ]
    )
    change = ReorganiseUnit(
        on=dt.date(2025, 7, 1),
        basis=BASIS,
        unit="tt",
        new_unit=NewUnit(
            id="xc", name="Xã C", kind=k["commune"], parent_id="p", agency_type="commune_committee"
        ),
    )
    before = timeline.state_on(dt.date(2025, 6, 30))
    return before, before.apply(change)


def _person():  # type: ignore[no-untyped-def]
    from tinhgon.domain import BirthDate, Category, Person, Sex

    return Person(
        id="c1",
        full_name="Lê Thị Cúc",
        sex=Sex.FEMALE,
        birth=BirthDate(1975),
        category=Category.CADRE,
    )


def test_a_township_reorganised_as_a_commune_keeps_its_people_and_roles():
    before, after = _reorganised()

    assert "tt" not in after.units
    assert after.units["xc"].kind.code == "commune"
    assert after.units["xc"].parent_id == "p"
    assert after.units["xc"].predecessors == ("tt",)
    assert after.units["xc"].agency_type == "commune_committee"
    assert after.assignments["c1"].unit_id == "xc"
    assert after.assignments["c1"].role is Role.HEAD
    assert after.ended["tt"].successors == ("xc",)
    assert metrics_of(before).units_by_kind["township"] == 1
    assert "township" not in metrics_of(after).units_by_kind


def test_reorganise_is_refused_into_its_own_sub_unit_or_an_id_in_use():
    from tinhgon.domain import ChangeRefused

    before, _ = _reorganised()
    k = BUILTIN_KINDS
    with pytest.raises(ChangeRefused):
        before.apply(
            ReorganiseUnit(
                on=dt.date(2025, 7, 1),
                basis=BASIS,
                unit="h",
                new_unit=NewUnit(id="h2", name="X", kind=k["commune"], parent_id="tt"),
            )
        )
    with pytest.raises(ChangeRefused):
        before.apply(
            ReorganiseUnit(
                on=dt.date(2025, 7, 1),
                basis=BASIS,
                unit="tt",
                new_unit=NewUnit(id="h", name="X", kind=k["commune"]),
            )
        )


def test_the_project_file_keeps_agency_types_and_reorganisations(province: Project):
    again = parse_project(dump_project(province))

    assert again.state_on(BEFORE).units["stc"].agency_type == "provincial_department"
    assert again.state_on(BEFORE).units["stc-ns"].agency_type is None
    assert again.state_on(AFTER, plan="hop-nhat-so") == province.state_on(AFTER, plan="hop-nhat-so")
    text = """
tinhgon: 1
agency: {id: p, name: Tỉnh A, kind: province, agency_type: province_committee}
baseline: {on: 2025-01-01, basis: 01/QĐ-UBND}
documents:
  - {symbol: 01/QĐ-UBND, kind: decision, issued_on: 2024-12-20, issuer: UBND, title: T}
units:
  - {id: tt, name: Thị trấn C, kind: township, agency_type: commune_committee}
changes:
  - kind: reorganise
    on: 2025-07-01
    basis: 01/QĐ-UBND
    unit: tt
    new_unit: {id: xc, name: Xã C, kind: commune, agency_type: commune_committee}
"""
    project = parse_project(text)
    assert project.state_on(dt.date(2025, 7, 1)).units["xc"].agency_type == "commune_committee"
    assert parse_project(dump_project(project)).timeline.changes == project.timeline.changes


def test_a_bad_agency_type_on_a_unit_is_reported_with_its_line():
    from tinhgon.io import ProjectFileError

    text = """
tinhgon: 1
agency: {id: p, name: Tỉnh A, kind: province}
baseline: {on: 2025-01-01, basis: 01/QĐ-UBND}
documents:
  - {symbol: 01/QĐ-UBND, kind: decision, issued_on: 2024-12-20, issuer: UBND, title: T}
units:
  - {id: s, name: Sở A, kind: provincial_department, agency_type: bo}
"""
    with pytest.raises(ProjectFileError) as caught:
        parse_project(text, name="p.yaml")
    problem = caught.value.problems[0]
    assert problem.line == 8
    assert "agency_type" in str(problem)


def test_the_footprint_of_an_agency_holds_its_changes_and_everyone_ever_on_its_staff(
    province: Project,
):
    from tinhgon.domain.agencies import footprint

    timeline = province.plan("hop-nhat-so").project(province.timeline)
    positions, people = footprint(timeline.changes, "snv")
    kinds = [timeline.changes[i].kind for i in sorted(positions)]

    assert kinds.count("transfer") == 1  # kh4 came in from another sở
    assert "merge" not in kinds  # the merger of two other sở does not concern it
    assert people == {"nv1", "nv2", "kh4"}
    _, stc_people = footprint(timeline.changes, "stc")
    assert stc_people == {"tc1", "tc2", "kh1", "kh2", "kh3"}  # taken along by the merger
    assert set(province.for_agency("snv").people) == {"nv1", "nv2", "kh4"}
