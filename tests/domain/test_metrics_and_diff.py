"""What a state amounts to, and what changed between two states."""

from __future__ import annotations

from tests.builders import BASIS, agency, base, day, hire, staff, state_of, unit
from tinhgon.domain import (
    BUILTIN_KINDS,
    Appoint,
    Category,
    DissolveUnit,
    Leave,
    LeaveReason,
    MergeUnits,
    MoveUnit,
    NewUnit,
    RenameUnit,
    Role,
    SetQuota,
    SplitUnit,
    Transfer,
    diff_states,
    metrics_of,
)

ON = day("2019-01-01")


def test_departments_and_equivalents_count_the_office_and_the_inspectorate():
    changes = [
        agency(),
        unit("vp", kind="office"),
        unit("tt", kind="inspectorate"),
        unit("p1"),
        unit("psu", kind="public_service_unit"),
        unit("to", kind="division", parent="p1"),
    ]

    metrics = metrics_of(state_of(changes))

    assert metrics.departments == 3
    assert metrics.public_service_units == 1
    assert metrics.units == 6
    assert metrics.units_by_kind["division"] == 1
    assert metrics.layers == 3


def test_department_leaders_are_the_heads_and_deputies_of_departments_only():
    changes = [
        *base(),
        hire("boss", "agency", Role.HEAD),
        Appoint(on=ON, basis=BASIS, person="a-1", role=Role.DEPUTY),
        Appoint(on=ON, basis=BASIS, person="a-2", role=Role.DEPUTY),
    ]

    metrics = metrics_of(state_of(changes))

    assert metrics.department_heads == 2
    assert metrics.department_deputies == 2
    assert metrics.department_leaders == 4
    assert metrics.leaders_by_level["agency"] == {"heads": 1, "deputies": 0}


def test_staff_are_counted_by_category():
    changes = [*base(), hire("v1", "b", category=Category.PUBLIC_EMPLOYEE)]

    metrics = metrics_of(state_of(changes))

    assert metrics.staff == 8
    assert metrics.staff_by_category == {
        "cadre": 0,
        "civil_servant": 7,
        "public_employee": 1,
        "contract_worker": 0,
    }


def test_quota_is_compared_with_the_staff_in_post_of_the_units_own_subtree():
    changes = [
        *base(),
        unit("psu", kind="public_service_unit"),
        hire("v1", "psu", category=Category.PUBLIC_EMPLOYEE),
        SetQuota(
            on=ON, basis=BASIS, unit="agency", category=Category.CIVIL_SERVANT, year=2019, value=6
        ),
        SetQuota(
            on=ON, basis=BASIS, unit="psu", category=Category.PUBLIC_EMPLOYEE, year=2019, value=2
        ),
    ]

    metrics = metrics_of(state_of(changes, on="2019-06-01"))

    lines = {(q.unit_id, q.category): (q.quota, q.actual) for q in metrics.quota_lines}
    assert lines == {
        ("agency", Category.CIVIL_SERVANT): (6, 7),
        ("psu", Category.PUBLIC_EMPLOYEE): (2, 1),
    }
    assert metrics.quota_totals()["civil_servant"] == {"quota": 6, "actual": 7}


def test_a_sub_unit_with_its_own_quota_counts_against_it_not_its_parents():
    changes = [
        *base(),
        SetQuota(
            on=ON, basis=BASIS, unit="agency", category=Category.CIVIL_SERVANT, year=2019, value=10
        ),
        SetQuota(on=ON, basis=BASIS, unit="b", category=Category.CIVIL_SERVANT, year=2019, value=3),
    ]

    lines = {
        q.unit_id: q.actual for q in metrics_of(state_of(changes, on="2019-06-01")).quota_lines
    }

    assert lines == {"agency": 4, "b": 3}


def test_quotas_of_another_year_are_not_compared():
    changes = [
        *base(),
        SetQuota(
            on=ON, basis=BASIS, unit="agency", category=Category.CIVIL_SERVANT, year=2020, value=9
        ),
    ]

    assert metrics_of(state_of(changes, on="2019-06-01")).quota_lines == ()


def test_span_of_control_counts_direct_staff_and_the_heads_of_sub_units():
    changes = [*base(), hire("boss", "agency", Role.HEAD)]

    metrics = metrics_of(state_of(changes))

    assert metrics.span_of_control_max == 3  # a's head leads 3; the boss leads 2 heads
    assert metrics.span_of_control_average == (2 + 3 + 2) / 3


def test_the_json_form_has_the_contract_fields_as_integers():
    data = metrics_of(state_of(base())).as_dict()

    for key in ("departments", "department_leaders", "public_service_units", "staff"):
        assert isinstance(data[key], int)


# -- diff -----------------------------------------------------------------------------------


def _kinds(before, after):  # type: ignore[no-untyped-def]
    return [item.kind for item in diff_states(before, after)]


def test_a_merge_into_an_existing_unit_reads_as_sap_nhap():
    changes = base(MergeUnits(on=ON, basis=BASIS, sources=("b",), into="a"))

    items = diff_states(state_of(changes, "2018-12-31"), state_of(changes))

    merged = next(i for i in items if i.kind == "units_merged")
    assert merged.text.vi == "Sáp nhập Phòng b vào Phòng a"
    assert merged.data == {"units": ["b"], "into": "a", "new_unit": False}
    assert merged.basis == "1055/QĐ-UBND"
    assert merged.on == ON


def test_a_consolidation_reads_as_hop_nhat_and_the_new_unit_is_not_reported_as_created():
    new = NewUnit(id="ab", name="Phòng AB", kind=BUILTIN_KINDS["department"])
    changes = base(MergeUnits(on=ON, basis=BASIS, sources=("a", "b"), into="ab", new_unit=new))

    items = diff_states(state_of(changes, "2018-12-31"), state_of(changes))

    assert items[0].text.vi == "Hợp nhất Phòng a, Phòng b thành Phòng AB"
    assert "unit_created" not in [i.kind for i in items]


def test_a_division_a_separation_a_dissolution_a_creation_a_rename_and_a_move_are_told_apart():
    a1 = NewUnit(id="a1", name="Phòng A1", kind=BUILTIN_KINDS["department"])
    a2 = NewUnit(id="a2", name="Phòng A2", kind=BUILTIN_KINDS["department"])
    b9 = NewUnit(id="b9", name="Phòng B9", kind=BUILTIN_KINDS["department"])
    changes = [
        *base(),
        unit("c"),
        unit("d"),
        SplitUnit(
            on=ON,
            basis=BASIS,
            source="a",
            new_units=(a1, a2),
            people={"a-0": "a1", "a-1": "a1", "a-2": "a2", "a-3": "a2"},
        ),
        SplitUnit(
            on=ON,
            basis=BASIS,
            source="b",
            new_units=(b9,),
            people={"b-2": "b9"},
            source_continues=True,
        ),
        DissolveUnit(on=ON, basis=BASIS, unit="c"),
        unit("e", on=ON),
        RenameUnit(on=ON, basis=BASIS, unit="d", name="Phòng Dê"),
        MoveUnit(on=ON, basis=BASIS, unit="d", parent="e"),
    ]

    kinds = _kinds(state_of(changes, "2018-12-31"), state_of(changes))

    for kind in (
        "unit_split",
        "unit_separated",
        "unit_dissolved",
        "unit_created",
        "unit_renamed",
        "unit_moved",
    ):
        assert kind in kinds
    assert kinds.count("unit_created") == 1


def test_people_who_joined_left_or_moved_and_leaders_added_or_removed_are_listed():
    changes = [
        *base(),
        hire("new", "a", on=ON),
        Leave(on=ON, basis=BASIS, person="b-2", reason=LeaveReason.RETIREMENT),
        Transfer(on=ON, basis=BASIS, person="a-0", unit="b"),
        Appoint(on=ON, basis=BASIS, person="a-1", role=Role.HEAD),
    ]

    items = diff_states(state_of(changes, "2018-12-31"), state_of(changes))

    by_kind = {i.kind: i for i in items}
    assert by_kind["person_joined"].data == {"person": "new", "unit": "a"}
    assert by_kind["person_left"].data["reason"] == "retirement"
    assert by_kind["person_moved"].data == {"person": "a-0", "from": "a", "to": "b"}
    assert by_kind["leader_removed"].text.vi == "Nguyễn Văn A-0 thôi giữ chức Trưởng phòng a"
    assert by_kind["leader_added"].text.vi == "Nguyễn Văn A-1 giữ chức Trưởng phòng a"


def test_two_equal_states_have_no_difference():
    state = state_of(base())

    assert diff_states(state, state) == []


def test_posts_are_written_the_vietnamese_way():
    office = BUILTIN_KINDS["office"]
    department = BUILTIN_KINDS["department"]

    assert office.post(Role.HEAD, "Văn phòng") == "Chánh Văn phòng"
    assert department.post(Role.DEPUTY, "Phòng Quản lý đầu tư") == "Phó Trưởng phòng Quản lý đầu tư"
    assert (
        BUILTIN_KINDS["public_service_unit"].post(Role.HEAD, "Trung tâm X")
        == "Giám đốc Trung tâm X"
    )


def test_staff_helper_builds_a_head_and_staff():
    state = state_of([agency(), unit("x"), *staff("x", 3)])

    assert state.head("x").person_id == "x-0"
    assert state.headcount("x") == 3


def test_people_moved_together_share_one_line_for_reading():
    from tinhgon.domain.diff import group_moves

    changes = base(
        MergeUnits(on=ON, basis=BASIS, sources=("b",), into="a"),
        hire("x", "b", on=day("2018-06-01")),
    )
    items = diff_states(state_of(changes, "2018-12-31"), state_of(changes))

    grouped = group_moves(items)

    moved = [i for i in grouped if i.kind == "people_moved"]
    assert len(moved) == 1
    assert (
        moved[0].text.vi
        == "4 người từ Phòng b sang Phòng a: Nguyễn Văn B-0, Nguyễn Văn B-1, Nguyễn Văn B-2, Nguyễn Văn X"
    )
    assert moved[0].data["people"] == ["b-0", "b-1", "b-2", "x"]
    assert [i for i in grouped if i.kind == "person_moved"] == []
    assert len(grouped) == len(items) - 3


def test_a_unit_created_then_merged_into_is_reported_as_created_and_as_a_merger_not_a_consolidation():
    changes = base(
        unit("t", on=day("2018-06-01")), MergeUnits(on=ON, basis=BASIS, sources=("a",), into="t")
    )

    items = diff_states(state_of(changes, "2018-01-01"), state_of(changes))

    kinds = [i.kind for i in items]
    assert "unit_created" in kinds
    merged = next(i for i in items if i.kind == "units_merged")
    assert merged.text.vi == "Sáp nhập Phòng a vào Phòng t"
    assert merged.data["new_unit"] is False


def test_two_mergers_into_one_unit_on_different_days_are_two_lines():
    changes = [
        *base(),
        unit("c"),
        MergeUnits(on=ON, basis=BASIS, sources=("b",), into="a"),
        MergeUnits(on=day("2019-06-01"), basis=BASIS, sources=("c",), into="a"),
    ]

    items = diff_states(state_of(changes, "2018-12-31"), state_of(changes))

    merged = [i for i in items if i.kind == "units_merged"]
    assert [(m.on, m.data["units"]) for m in merged] == [(ON, ["b"]), (day("2019-06-01"), ["c"])]


def test_departments_inside_a_sub_department_are_not_the_agencys_departments():
    changes = [
        agency(),
        unit("p1"),
        unit("cc", kind="sub_department"),
        unit("cc-p", parent="cc"),
        hire("h1", "p1", Role.HEAD),
        hire("h2", "cc-p", Role.HEAD),
    ]

    metrics = metrics_of(state_of(changes))

    assert metrics.departments == 1
    assert metrics.department_leaders == 1
    assert metrics.units_by_kind["department"] == 2
