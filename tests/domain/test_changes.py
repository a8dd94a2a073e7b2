"""Each kind of change, and every way it can be refused."""

from __future__ import annotations

import pytest

from tests.builders import BASIS, base, day, hire, person, staff, state_of, unit
from tinhgon.domain import (
    BUILTIN_KINDS,
    Appoint,
    Category,
    ChangeRefused,
    CreateUnit,
    DissolveUnit,
    EndKind,
    Hire,
    Leave,
    LeaveReason,
    MergeUnits,
    MoveUnit,
    NewUnit,
    Quota,
    Relieve,
    RenameUnit,
    Role,
    SetQuota,
    SplitUnit,
    Timeline,
    Transfer,
)

ON = day("2019-01-01")


def new(uid: str, name: str = "", kind: str = "department", parent: str | None = None) -> NewUnit:
    return NewUnit(id=uid, name=name or f"Phòng {uid}", kind=BUILTIN_KINDS[kind], parent_id=parent)


def refused(changes: list, match: str) -> ChangeRefused:  # type: ignore[type-arg]
    with pytest.raises(ChangeRefused, match=match) as caught:
        Timeline(changes)
    return caught.value


# -- create ---------------------------------------------------------------------------------


def test_creating_a_unit_puts_it_under_its_parent():
    changes = base(unit("c", on=ON))

    state = state_of(changes)

    assert [u.id for u in state.children("agency")] == ["a", "b", "c"]
    assert state.units["c"].established_on == ON


def test_a_unit_does_not_exist_before_the_day_it_is_created():
    state = state_of(base(unit("c", on=ON)), on="2018-12-31")

    assert "c" not in state.units


def test_creating_a_unit_under_an_unknown_parent_is_refused():
    refused(base(unit("c", parent="nowhere", on=ON)), "không có đơn vị 'nowhere'")


def test_creating_a_unit_with_an_id_already_used_is_refused():
    refused(base(unit("a", on=ON)), "mã đơn vị 'a' đã được dùng")


def test_a_unit_id_is_never_reused_even_after_the_unit_ended():
    changes = base(
        DissolveUnit(on=ON, basis=BASIS, unit="b", people={"b-0": "a", "b-1": "a", "b-2": "a"}),
        unit("b", on=day("2019-02-01")),
    )

    refused(changes, "mã đơn vị 'b' đã được dùng")


# -- rename and move ------------------------------------------------------------------------


def test_renaming_a_unit_keeps_its_identity_and_people():
    state = state_of(base(RenameUnit(on=ON, basis=BASIS, unit="a", name="Phòng Tổng hợp")))

    assert state.units["a"].name == "Phòng Tổng hợp"
    assert state.headcount("a") == 4


def test_renaming_to_the_same_name_is_refused():
    refused(base(RenameUnit(on=ON, basis=BASIS, unit="a", name="Phòng a")), "đã có tên")


def test_renaming_to_an_empty_name_is_refused():
    refused(base(RenameUnit(on=ON, basis=BASIS, unit="a", name="  ")), "tên mới trống")


def test_renaming_an_unknown_unit_is_refused():
    refused(base(RenameUnit(on=ON, basis=BASIS, unit="x", name="X")), "không có đơn vị 'x'")


def test_moving_a_unit_changes_its_parent_and_keeps_its_people():
    state = state_of(base(MoveUnit(on=ON, basis=BASIS, unit="b", parent="a")))

    assert state.units["b"].parent_id == "a"
    assert state.headcount("a", recursive=True) == 7


def test_moving_a_unit_under_itself_or_its_sub_unit_is_refused():
    changes = base(
        MoveUnit(on=ON, basis=BASIS, unit="b", parent="a"),
        MoveUnit(on=day("2019-02-01"), basis=BASIS, unit="a", parent="b"),
    )

    refused(changes, "chính nó hoặc đơn vị cấp dưới")


def test_moving_a_unit_where_it_already_is_is_refused():
    refused(base(MoveUnit(on=ON, basis=BASIS, unit="b", parent="agency")), "đã trực thuộc")


def test_moving_under_an_unknown_unit_is_refused():
    refused(base(MoveUnit(on=ON, basis=BASIS, unit="b", parent="zz")), "không có đơn vị 'zz'")


# -- merge ----------------------------------------------------------------------------------


def test_merging_into_an_existing_unit_moves_everyone_and_ends_the_source():
    state = state_of(base(MergeUnits(on=ON, basis=BASIS, sources=("b",), into="a")))

    assert "b" not in state.units
    assert state.headcount("a") == 7
    assert state.ended["b"].how is EndKind.MERGED
    assert state.ended["b"].successors == ("a",)
    assert state.units["a"].predecessors == ("b",)


def test_after_a_merge_the_sources_leaders_are_staff_unless_given_a_role():
    merge = MergeUnits(on=ON, basis=BASIS, sources=("b",), into="a")

    state = state_of(base(merge))

    assert state.head("a").person_id == "a-0"
    assert state.assignments["b-0"].role is Role.STAFF


def test_a_merge_can_give_people_of_the_sources_a_role():
    merge = MergeUnits(on=ON, basis=BASIS, sources=("b",), into="a", roles={"b-0": Role.DEPUTY})

    state = state_of(base(merge))

    assert [d.person_id for d in state.deputies("a")] == ["b-0"]


def test_consolidating_creates_a_new_unit_that_replaces_the_sources():
    merge = MergeUnits(
        on=ON,
        basis=BASIS,
        sources=("a", "b"),
        into="ab",
        new_unit=new("ab", "Phòng Tổng hợp"),
        roles={"a-0": Role.HEAD, "b-0": Role.DEPUTY},
    )

    state = state_of(base(merge))

    assert set(state.units) == {"agency", "ab"}
    assert state.units["ab"].parent_id == "agency"
    assert state.units["ab"].predecessors == ("a", "b")
    assert state.headcount("ab") == 7
    assert state.head("ab").person_id == "a-0"


def test_a_merge_moves_the_sub_units_of_the_sources_under_the_target():
    changes = base(
        unit("b1", parent="b", kind="division"),
        MergeUnits(on=ON, basis=BASIS, sources=("b",), into="a"),
    )

    state = state_of(changes)

    assert state.units["b1"].parent_id == "a"


def test_a_merge_adds_the_sources_quotas_for_this_year_and_later_to_the_target():
    changes = base(
        SetQuota(on=ON, basis=BASIS, unit="a", category=Category.CIVIL_SERVANT, year=2019, value=5),
        SetQuota(on=ON, basis=BASIS, unit="b", category=Category.CIVIL_SERVANT, year=2019, value=4),
        SetQuota(on=ON, basis=BASIS, unit="b", category=Category.CIVIL_SERVANT, year=2018, value=9),
        MergeUnits(on=day("2019-03-01"), basis=BASIS, sources=("b",), into="a"),
    )

    state = state_of(changes)

    assert state.quota("a", Category.CIVIL_SERVANT, 2019) == 9
    assert state.quota("a", Category.CIVIL_SERVANT, 2018) is None


def test_merging_a_unit_into_itself_is_refused():
    refused(base(MergeUnits(on=ON, basis=BASIS, sources=("a",), into="a")), "chính nó")


def test_merging_an_unknown_unit_is_refused():
    refused(base(MergeUnits(on=ON, basis=BASIS, sources=("zz",), into="a")), "không có đơn vị 'zz'")


def test_merging_into_an_unknown_unit_is_refused():
    refused(base(MergeUnits(on=ON, basis=BASIS, sources=("a",), into="zz")), "không có đơn vị 'zz'")


def test_merging_nothing_is_refused():
    refused(base(MergeUnits(on=ON, basis=BASIS, sources=(), into="a")), "không có đơn vị nào")


def test_listing_a_unit_twice_in_a_merge_is_refused():
    refused(base(MergeUnits(on=ON, basis=BASIS, sources=("b", "b"), into="a")), "hai lần")


def test_consolidating_a_single_unit_is_refused():
    merge = MergeUnits(on=ON, basis=BASIS, sources=("a",), into="n", new_unit=new("n"))

    refused(base(merge), "ít nhất hai đơn vị")


def test_a_new_unit_whose_id_differs_from_into_is_refused():
    merge = MergeUnits(on=ON, basis=BASIS, sources=("a", "b"), into="n", new_unit=new("m"))

    refused(base(merge), "phải trùng với 'into'")


def test_consolidating_into_an_id_already_used_is_refused():
    merge = MergeUnits(
        on=ON, basis=BASIS, sources=("a", "b"), into="agency", new_unit=new("agency")
    )

    refused(base(merge), "đã được dùng")


def test_a_consolidated_unit_cannot_sit_under_one_of_its_sources():
    merge = MergeUnits(
        on=ON, basis=BASIS, sources=("a", "b"), into="n", new_unit=new("n", parent="a")
    )

    refused(base(merge), "không thể trực thuộc một đơn vị bị hợp nhất")


def test_merging_a_unit_into_its_own_sub_unit_is_refused():
    changes = base(unit("a1", parent="a", kind="division"))

    refused(
        [*changes, MergeUnits(on=ON, basis=BASIS, sources=("a",), into="a1")], "đơn vị cấp dưới"
    )


def test_a_merge_role_for_someone_outside_the_sources_is_refused():
    merge = MergeUnits(on=ON, basis=BASIS, sources=("b",), into="a", roles={"a-1": Role.DEPUTY})

    refused(base(merge), "không thuộc đơn vị bị sáp nhập")


def test_a_merge_making_two_people_head_is_refused():
    merge = MergeUnits(
        on=ON,
        basis=BASIS,
        sources=("a", "b"),
        into="n",
        new_unit=new("n"),
        roles={"a-0": Role.HEAD, "b-0": Role.HEAD},
    )

    refused(base(merge), "giao cấp trưởng cho nhiều người")


def test_a_merge_giving_a_second_head_to_the_target_is_refused():
    merge = MergeUnits(on=ON, basis=BASIS, sources=("b",), into="a", roles={"b-0": Role.HEAD})

    refused(base(merge), "đã có cấp trưởng")


# -- split ----------------------------------------------------------------------------------


def _divide(**overrides):  # type: ignore[no-untyped-def]
    fields = {
        "on": ON,
        "basis": BASIS,
        "source": "a",
        "new_units": (new("a1"), new("a2")),
        "people": {"a-0": "a1", "a-1": "a1", "a-2": "a2", "a-3": "a2"},
        "roles": {"a-0": Role.HEAD, "a-2": Role.HEAD},
    }
    fields.update(overrides)
    return SplitUnit(**fields)


def test_dividing_a_unit_ends_it_and_places_everyone_in_the_new_units():
    state = state_of(base(_divide()))

    assert "a" not in state.units
    assert state.ended["a"].how is EndKind.SPLIT
    assert state.ended["a"].successors == ("a1", "a2")
    assert state.headcount("a1") == 2
    assert state.headcount("a2") == 2
    assert state.head("a2").person_id == "a-2"
    assert state.units["a1"].predecessors == ("a",)


def test_dividing_keeps_the_headcount():
    before = state_of(base(), on="2018-12-31")

    after = state_of(base(_divide()))

    assert len(after.assignments) == len(before.assignments)


def test_dividing_without_placing_everyone_is_refused():
    refused(base(_divide(people={"a-0": "a1", "a-1": "a2"}, roles={})), "chưa nói những người sau")


def test_dividing_into_a_single_unit_is_refused():
    refused(base(_divide(new_units=(new("a1"),))), "ít nhất 2 đơn vị mới")


def test_dividing_someone_from_another_unit_is_refused():
    people = {"a-0": "a1", "a-1": "a1", "a-2": "a2", "a-3": "a2", "b-1": "a2"}

    refused(base(_divide(people=people)), "không thuộc đơn vị 'a'")


def test_dividing_someone_into_a_unit_that_is_not_a_result_is_refused():
    people = {"a-0": "a1", "a-1": "a1", "a-2": "a2", "a-3": "b"}

    refused(base(_divide(people=people)), "không phải là đơn vị được chia ra")


def test_dividing_with_two_heads_for_one_new_unit_is_refused():
    refused(base(_divide(roles={"a-0": Role.HEAD, "a-1": Role.HEAD})), "hai cấp trưởng")


def test_dividing_into_two_units_sharing_an_id_is_refused():
    refused(base(_divide(new_units=(new("a1"), new("a1")))), "trùng mã")


def test_dividing_a_unit_with_sub_units_says_where_they_go():
    changes = base(unit("a0", parent="a", kind="division"))

    refused([*changes, _divide()], "chưa nói đơn vị trực thuộc")
    state = state_of([*changes, _divide(children={"a0": "a2"})])
    assert state.units["a0"].parent_id == "a2"


def test_dividing_shares_the_quota_but_not_more_than_there_is():
    quota = SetQuota(
        on=ON, basis=BASIS, unit="a", category=Category.CIVIL_SERVANT, year=2019, value=4
    )
    shares = (
        Quota("a1", Category.CIVIL_SERVANT, 2019, 2),
        Quota("a2", Category.CIVIL_SERVANT, 2019, 3),
    )

    refused(base(quota, _divide(quotas=shares)), "chia 5 biên chế")
    fair = (
        Quota("a1", Category.CIVIL_SERVANT, 2019, 2),
        Quota("a2", Category.CIVIL_SERVANT, 2019, 2),
    )
    state = state_of(base(quota, _divide(quotas=fair)))
    assert state.quota("a2", Category.CIVIL_SERVANT, 2019) == 2


def test_separating_part_of_a_unit_keeps_the_source_and_moves_only_those_named():
    quota = SetQuota(
        on=ON, basis=BASIS, unit="a", category=Category.CIVIL_SERVANT, year=2019, value=6
    )
    separate = SplitUnit(
        on=ON,
        basis=BASIS,
        source="a",
        new_units=(new("a9", "Phòng tách ra"),),
        people={"a-3": "a9"},
        roles={"a-3": Role.HEAD},
        quotas=(Quota("a9", Category.CIVIL_SERVANT, 2019, 2),),
        source_continues=True,
    )

    state = state_of(base(quota, separate))

    assert "a" in state.units
    assert state.headcount("a") == 3
    assert state.head("a9").person_id == "a-3"
    assert state.quota("a", Category.CIVIL_SERVANT, 2019) == 4
    assert state.quota("a9", Category.CIVIL_SERVANT, 2019) == 2


def test_a_quota_share_for_a_unit_that_is_not_a_result_is_refused():
    shares = (Quota("b", Category.CIVIL_SERVANT, 2019, 1),)

    refused(base(_divide(quotas=shares)), "không phải đơn vị được chia ra")


# -- dissolve -------------------------------------------------------------------------------


def test_dissolving_a_unit_ends_it_without_successor_and_moves_its_staff():
    dissolve = DissolveUnit(
        on=ON, basis=BASIS, unit="b", people={"b-0": "a", "b-1": "a", "b-2": "a"}
    )

    state = state_of(base(dissolve))

    assert state.ended["b"].how is EndKind.DISSOLVED
    assert state.ended["b"].successors == ()
    assert state.headcount("a") == 7
    assert state.assignments["b-0"].role is Role.STAFF


def test_dissolving_a_unit_that_still_has_staff_without_saying_where_they_go_is_refused():
    error = refused(
        base(DissolveUnit(on=ON, basis=BASIS, unit="b")), "chưa được bố trí: b-0, b-1, b-2"
    )

    assert "giải thể" in str(error)
    assert error.change.kind == "dissolve"


def test_dissolving_an_empty_unit_needs_nothing_else():
    changes = [*base(), unit("c"), DissolveUnit(on=ON, basis=BASIS, unit="c")]

    assert "c" not in state_of(changes).units


def test_dissolving_a_unit_with_sub_units_is_refused():
    changes = [*base(), unit("b1", parent="b", kind="division")]
    dissolve = DissolveUnit(
        on=ON, basis=BASIS, unit="b", people={"b-0": "a", "b-1": "a", "b-2": "a"}
    )

    refused([*changes, dissolve], "còn đơn vị trực thuộc")


def test_dissolving_into_the_same_unit_is_refused():
    dissolve = DissolveUnit(
        on=ON, basis=BASIS, unit="b", people={"b-0": "b", "b-1": "a", "b-2": "a"}
    )

    refused(base(dissolve), "chính đơn vị bị giải thể")


def test_dissolving_moves_people_only_into_existing_units():
    dissolve = DissolveUnit(
        on=ON, basis=BASIS, unit="b", people={"b-0": "zz", "b-1": "a", "b-2": "a"}
    )

    refused(base(dissolve), "không có đơn vị 'zz'")


def test_dissolving_names_only_people_of_the_unit():
    people = {"b-0": "a", "b-1": "a", "b-2": "a", "a-1": "a"}

    refused(
        base(DissolveUnit(on=ON, basis=BASIS, unit="b", people=people)), "không thuộc đơn vị 'b'"
    )


def test_a_dissolved_unit_cannot_be_used_afterwards():
    changes = base(
        DissolveUnit(on=ON, basis=BASIS, unit="b", people={"b-0": "a", "b-1": "a", "b-2": "a"}),
        hire("new", "b", on=day("2019-06-01")),
    )

    refused(changes, "đã chấm dứt ngày 01/01/2019")


# -- people ---------------------------------------------------------------------------------


def test_hiring_puts_a_person_on_the_staff_of_a_unit():
    state = state_of(base(hire("new", "b", on=ON)))

    assert state.assignments["new"].unit_id == "b"
    assert state.assignments["new"].since == ON


def test_hiring_someone_who_already_works_here_is_refused_nobody_is_in_two_places():
    refused(base(hire("a-1", "b", on=ON)), "không thể ở hai nơi")


def test_hiring_into_an_unknown_unit_is_refused():
    refused(base(hire("new", "zz", on=ON)), "không có đơn vị 'zz'")


def test_hiring_a_second_head_is_refused():
    refused(base(hire("new", "a", Role.HEAD, on=ON)), "đã có cấp trưởng")


def test_someone_who_left_may_be_hired_again():
    changes = base(
        Leave(on=ON, basis=BASIS, person="a-1", reason=LeaveReason.TRANSFER_OUT),
        hire("a-1", "b", on=day("2020-01-01")),
    )

    state = state_of(changes)

    assert state.assignments["a-1"].unit_id == "b"
    assert "a-1" not in state.departures


def test_transferring_moves_a_person_to_another_unit():
    state = state_of(base(Transfer(on=ON, basis=BASIS, person="a-1", unit="b")))

    assert state.assignments["a-1"].unit_id == "b"
    assert state.headcount("a") == 3


def test_transferring_a_head_leaves_the_old_unit_without_a_head():
    state = state_of(base(Transfer(on=ON, basis=BASIS, person="a-0", unit="b")))

    assert state.head("a") is None
    assert state.assignments["a-0"].role is Role.STAFF


def test_transferring_to_the_same_unit_is_refused():
    refused(base(Transfer(on=ON, basis=BASIS, person="a-1", unit="a")), "đã ở đơn vị 'a'")


def test_transferring_someone_not_on_the_staff_is_refused():
    refused(
        base(Transfer(on=ON, basis=BASIS, person="ghost", unit="a")), "không có trong danh sách"
    )


def test_transferring_someone_who_left_is_refused_with_when_and_why():
    changes = base(
        Leave(on=ON, basis=BASIS, person="a-1", reason=LeaveReason.RETIREMENT),
        Transfer(on=day("2019-02-01"), basis=BASIS, person="a-1", unit="b"),
    )

    refused(changes, "đã thôi \\(nghỉ hưu\\) ngày 01/01/2019")


def test_transferring_as_head_into_a_unit_with_a_head_is_refused():
    refused(
        base(Transfer(on=ON, basis=BASIS, person="a-1", unit="b", role=Role.HEAD)),
        "đã có cấp trưởng",
    )


def test_appointing_a_deputy_in_their_own_unit():
    state = state_of(base(Appoint(on=ON, basis=BASIS, person="a-1", role=Role.DEPUTY)))

    assert [d.person_id for d in state.deputies("a")] == ["a-1"]
    assert state.assignments["a-1"].since == ON


def test_appointing_a_head_of_another_unit_moves_them_there():
    changes = base(
        Transfer(on=ON, basis=BASIS, person="b-0", unit="a"),
        Appoint(on=day("2019-02-01"), basis=BASIS, person="a-1", role=Role.HEAD, unit="b"),
    )

    state = state_of(changes)

    assert state.head("b").person_id == "a-1"


def test_appointing_a_second_head_is_refused_naming_the_head_in_post():
    error = refused(
        base(Appoint(on=ON, basis=BASIS, person="a-1", role=Role.HEAD)), "đã có cấp trưởng"
    )

    assert "a-0" in error.vi
    assert "already has a head" in error.en


def test_appointing_to_the_post_already_held_is_refused():
    refused(base(Appoint(on=ON, basis=BASIS, person="a-0", role=Role.HEAD)), "đã giữ chức vụ này")


def test_appointing_to_staff_is_refused():
    refused(base(Appoint(on=ON, basis=BASIS, person="a-1", role=Role.STAFF)), "chỉ bổ nhiệm")


def test_appointing_someone_not_on_the_staff_is_refused():
    refused(
        base(Appoint(on=ON, basis=BASIS, person="zz", role=Role.DEPUTY)), "không có trong danh sách"
    )


def test_relieving_a_head_makes_them_staff_of_the_same_unit():
    state = state_of(base(Relieve(on=ON, basis=BASIS, person="a-0")))

    assert state.head("a") is None
    assert state.assignments["a-0"].unit_id == "a"
    assert state.assignments["a-0"].role is Role.STAFF


def test_relieving_someone_without_a_post_is_refused():
    refused(base(Relieve(on=ON, basis=BASIS, person="a-1")), "không giữ chức vụ lãnh đạo")


@pytest.mark.parametrize("reason", list(LeaveReason))
def test_leaving_takes_a_person_off_the_staff_with_the_reason(reason):
    state = state_of(base(Leave(on=ON, basis=BASIS, person="a-0", reason=reason)))

    assert "a-0" not in state.assignments
    assert state.departures["a-0"].reason is reason
    assert state.departures["a-0"].role is Role.HEAD
    assert state.head("a") is None


def test_leaving_twice_is_refused():
    changes = base(
        Leave(on=ON, basis=BASIS, person="a-1", reason=LeaveReason.RESIGNATION),
        Leave(on=day("2019-02-01"), basis=BASIS, person="a-1", reason=LeaveReason.RESIGNATION),
    )

    refused(changes, "đã thôi")


# -- quotas ---------------------------------------------------------------------------------


def test_setting_a_quota_for_a_unit_category_and_year():
    quota = SetQuota(
        on=ON, basis=BASIS, unit="a", category=Category.CIVIL_SERVANT, year=2019, value=8
    )

    state = state_of(base(quota))

    assert state.quota("a", Category.CIVIL_SERVANT, 2019) == 8
    assert state.quota("a", Category.PUBLIC_EMPLOYEE, 2019) is None


def test_a_negative_quota_is_refused():
    quota = SetQuota(
        on=ON, basis=BASIS, unit="a", category=Category.CIVIL_SERVANT, year=2019, value=-1
    )

    refused(base(quota), "không thể âm")


def test_a_quota_for_an_unknown_unit_is_refused():
    quota = SetQuota(
        on=ON, basis=BASIS, unit="zz", category=Category.CIVIL_SERVANT, year=2019, value=1
    )

    refused(base(quota), "không có đơn vị 'zz'")


def test_a_quota_for_an_absurd_year_is_refused():
    quota = SetQuota(
        on=ON, basis=BASIS, unit="a", category=Category.CIVIL_SERVANT, year=19, value=1
    )

    refused(base(quota), "năm 19 không hợp lệ")


# -- the refusal itself ---------------------------------------------------------------------


def test_a_refusal_names_the_change_its_date_its_basis_and_the_reason_in_both_languages():
    change = Hire(on=ON, basis=BASIS, person=person("x"), unit="zz", ref="changes[7]")

    error = refused(base(change), "zz")

    assert error.vi.startswith(
        "thay đổi 'tuyển dụng, tiếp nhận' ngày 01/01/2019, căn cứ 1055/QĐ-UBND [changes[7]]"
    )
    assert error.en.startswith("change 'hire' on 2019-01-01, basis 1055/QĐ-UBND [changes[7]]")
    assert error.reason_en == "unknown unit 'zz'"


def test_a_head_count_per_unit_is_consistent_with_its_staff_list():
    state = state_of([*base(), *staff("b", 2, prefix="extra", on=ON)[1:]])

    assert state.headcount("b") == 4
    assert sorted(a.person_id for a in state.members("b")) == ["b-0", "b-1", "b-2", "extra-1"]


def test_a_created_unit_keeps_the_kind_it_was_given():
    change = CreateUnit(
        on=ON,
        basis=BASIS,
        unit=new("psu", "Trung tâm", kind="public_service_unit", parent="agency"),
    )

    state = state_of(base(change))

    assert state.units["psu"].kind.code == "public_service_unit"


def test_a_consolidated_unit_cannot_sit_under_a_sub_unit_of_one_of_its_sources():
    changes = [*base(), unit("a1", parent="a", kind="division")]
    merge = MergeUnits(
        on=ON, basis=BASIS, sources=("a", "b"), into="n", new_unit=new("n", parent="a1")
    )

    refused([*changes, merge], "hay đơn vị cấp dưới của nó")


def test_new_units_of_a_division_cannot_sit_under_themselves_or_each_other_in_a_loop():
    loop = _divide(new_units=(new("a1", parent="a2"), new("a2", parent="a1")))
    itself = _divide(new_units=(new("a1", parent="a1"), new("a2")))

    refused(base(loop), "thành vòng")
    refused(base(itself), "thành vòng")


def test_a_new_unit_of_a_division_cannot_sit_under_a_sub_unit_of_the_divided_unit():
    changes = [*base(), unit("a0", parent="a", kind="division")]
    split = _divide(new_units=(new("a1", parent="a0"), new("a2")), children={"a0": "a1"})

    refused([*changes, split], "hay đơn vị cấp dưới của nó")


def test_separating_may_move_the_head_out_and_make_someone_else_head_of_the_source():
    separate = SplitUnit(
        on=ON,
        basis=BASIS,
        source="a",
        new_units=(new("a9"),),
        people={"a-0": "a9", "a-1": "a"},
        roles={"a-0": Role.HEAD, "a-1": Role.HEAD},
        source_continues=True,
    )

    state = state_of(base(separate))

    assert state.head("a").person_id == "a-1"
    assert state.head("a9").person_id == "a-0"


def test_separating_cannot_give_the_source_a_second_head_while_its_head_stays():
    separate = SplitUnit(
        on=ON,
        basis=BASIS,
        source="a",
        new_units=(new("a9"),),
        people={"a-1": "a"},
        roles={"a-1": Role.HEAD},
        source_continues=True,
    )

    refused(base(separate), "đã có cấp trưởng")
