"""The proposer on hand-made agencies with a known optimum, on Kon Tum, and when nothing fits."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.planning.builders import person, project, team
from tinhgon import law
from tinhgon.domain import (
    BUILTIN_KINDS,
    Agency,
    CreateUnit,
    DocumentRegister,
    Hire,
    NewUnit,
    Project,
    Role,
    Timeline,
)
from tinhgon.io import load_project
from tinhgon.planning.proposer import Constraints, Unsatisfiable, as_of, propose

EFFECTIVE = dt.date(2019, 1, 1)  # EZ-1 (Decree 82/2018) is in force: 7–9 staff → 1 deputy
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kontum-ez-board.yaml"


def three_departments() -> object:
    # a: 4 people (head, 1 deputy); b: 3 people (head only); c: 8 people (head, 1 deputy).
    # By hand, with at most 2 units merged into one, the fewest units is 2:
    #   {a,b}+{c}: sizes 7 and 8 → 1 deputy each (EZ-1) → 2 heads + 2 deputies = 4 leaders
    #   {a,c}+{b}: size 12 → 2 deputies; b (3, no band) has no spare leader → 4 leaders
    #   {b,c}+{a}: size 11 → 2 deputies; a keeps its deputy → 5 leaders
    # Tie at 4 leaders; moving b (3 people) costs less than moving a (4): b into a, c alone.
    return project(
        team("a", 4, deputies=1),
        team("b", 3, head=person("b0", rank="01.002", name="Trần Thị Bích")),
        team("c", 8, deputies=1),
    )


def test_the_hand_computed_optimum() -> None:
    proposal = propose(
        three_departments(),  # type: ignore[arg-type]
        on=EFFECTIVE,
        constraints=Constraints(effective=EFFECTIVE, max_merged=2),
    )

    assert proposal.optimal
    assert proposal.merges == (("a", ("b",)),)
    assert proposal.units_after == 2
    assert proposal.leaders_after == 4
    assert proposal.moved == 3
    assert proposal.lawful


def test_who_leads_follows_the_documented_order_and_can_be_overridden() -> None:
    agency = three_departments()
    proposal = propose(
        agency,  # type: ignore[arg-type]
        on=EFFECTIVE,
        constraints=Constraints(effective=EFFECTIVE, max_merged=2),
    )
    roles = {o.person_id: o.role_after for o in proposal.leaders if o.unit_after == "a"}
    # Both heads hold the same post; b0's rank (chuyên viên chính) comes first: b0 heads the
    # merged unit, a0 (a head) becomes its one deputy, a1 (a deputy) is left without a post.
    assert roles == {"b0": Role.HEAD, "a0": Role.DEPUTY, "a1": Role.STAFF}
    assert [o.person_id for o in proposal.without_post] == ["a1"]

    preferred = propose(
        agency,  # type: ignore[arg-type]
        on=EFFECTIVE,
        constraints=Constraints(effective=EFFECTIVE, max_merged=2, prefer=("a1",)),
    )
    roles = {o.person_id: o.role_after for o in preferred.leaders if o.unit_after == "a"}
    assert roles == {"a1": Role.HEAD, "b0": Role.DEPUTY, "a0": Role.STAFF}
    after = agency.with_plan(preferred.plan).state_on(EFFECTIVE, plan="proposed")  # type: ignore[attr-defined]
    assert after.head("a").person_id == "a1"  # type: ignore[union-attr]
    assert "b" not in after.units


def test_keeping_units_changes_the_answer() -> None:
    proposal = propose(
        three_departments(),  # type: ignore[arg-type]
        on=EFFECTIVE,
        constraints=Constraints(effective=EFFECTIVE, max_merged=2, keep=frozenset({"a", "b"})),
    )
    # a and b must both remain, so c must go: into a (12 people → 2 deputies from a0's and
    # c's leaders; b has none to spare → 4 leaders) or into b (11 → 2 deputies, a keeps its
    # deputy → 5 leaders). By hand: c into a, 8 people moved.
    assert proposal.units_after == 2
    assert proposal.leaders_after == 4
    assert proposal.merges == (("a", ("c",)),)
    assert proposal.moved == 8


def test_an_unlawful_unit_must_be_merged() -> None:
    # Two units of 12 people each with 3 deputies: EZ-1 allows 2; merging them into one gives
    # 24 people with at most 2 deputies: 1 unit, 3 leaders, 12 moved.
    proposal = propose(
        project(team("a", 12, deputies=3), team("b", 12, deputies=3)),
        on=EFFECTIVE,
        constraints=Constraints(effective=EFFECTIVE),
    )
    assert proposal.units_after == 1
    assert proposal.leaders_after == 3
    assert proposal.moved == 12
    assert proposal.lawful
    assert len(proposal.without_post) == 5


def test_conflicting_constraints_are_named() -> None:
    with pytest.raises(Unsatisfiable) as raised:
        propose(
            three_departments(),  # type: ignore[arg-type]
            on=EFFECTIVE,
            constraints=Constraints(
                effective=EFFECTIVE, max_units=2, keep=frozenset({"a", "b", "c"})
            ),
        )
    keys = {c.key for c in raised.value.conflicts}
    assert "max_units" in keys
    assert keys <= {"max_units", "keep:a", "keep:b", "keep:c"}
    assert "nới bớt" in raised.value.vi
    assert "--max-departments" in raised.value.vi


def test_a_merge_rule_by_field_is_named_when_it_blocks() -> None:
    agency = project(
        team("a", 4, fields=["đầu tư"]),
        team("b", 4, fields=["môi trường"]),
    )
    with pytest.raises(Unsatisfiable) as raised:
        propose(
            agency,
            on=EFFECTIVE,
            constraints=Constraints(effective=EFFECTIVE, max_units=1, same_field=True),
        )
    assert {c.key for c in raised.value.conflicts} == {"max_units", "merge_rule"}


def test_kon_tum_from_2018() -> None:
    on = dt.date(2018, 1, 1)
    known, dropped = as_of(load_project(EXAMPLE), on)
    assert dropped > 0
    proposal = propose(
        known,
        on=on,
        constraints=Constraints(effective=dt.date(2018, 11, 1), max_units=4),
    )
    assert proposal.units_before == 6
    assert proposal.units_after <= 4
    assert proposal.leaders_after <= 11
    assert not proposal.report.has_violations
    # The report is the law engine's own, on the state the plan gives.
    after = known.with_plan(proposal.plan).state_on(dt.date(2018, 11, 1), plan="proposed")
    again = law.check(after, on=dt.date(2018, 11, 1), agency=known.agency)
    assert not again.has_violations
    assert any(c.status == "in_force" and c.rule.id == "EZ-1" for c in again.coverage)


def test_a_province_merges_its_agencies() -> None:
    # A province People's Committee with four sở: at most 2 sở after, 2 merged into one.
    # No rule limits a sở's deputies in this history: each merged sở keeps as many deputies as
    # its leaders can fill, up to the most probed (3).
    root = CreateUnit(
        on=EFFECTIVE,
        unit=NewUnit(id="ubnd", name="Ủy ban nhân dân tỉnh", kind=BUILTIN_KINDS["agency"]),
    )
    changes = [root]
    for index, size in enumerate((12, 10, 9, 8)):
        uid = f"so{index}"
        changes.append(
            CreateUnit(
                on=EFFECTIVE,
                unit=NewUnit(
                    id=uid,
                    name=f"Sở {index}",
                    kind=BUILTIN_KINDS["provincial_department"],
                    parent_id="ubnd",
                ),
            )
        )
        for i in range(size):
            role = Role.HEAD if i == 0 else Role.DEPUTY if i <= 2 else Role.STAFF
            changes.append(Hire(on=EFFECTIVE, person=person(f"{uid}p{i}"), unit=uid, role=role))
    province = Project(
        agency=Agency(id="ubnd", name="Ủy ban nhân dân tỉnh", agency_type="province"),
        documents=DocumentRegister(()),
        timeline=Timeline(changes, require_basis=False),
        people={c.person.id: c.person for c in changes if isinstance(c, Hire)},
    )
    proposal = propose(
        province,
        on=EFFECTIVE,
        constraints=Constraints(effective=EFFECTIVE, max_units=2, max_merged=2),
    )
    assert proposal.units_before == 4
    assert proposal.units_after == 2
    # 2 directors and 3 deputies each (the most probed): 8 leaders of the 12.
    assert proposal.leaders_after == 8
    # Fewest people moved: the two smallest sở (9 and 8) go into the two largest.
    assert proposal.moved == 17
    assert proposal.lawful


def test_kon_tum_on_1_january_2018_itself() -> None:
    # No deputy rule is in force yet (EZ-1 from 10/07/2018): the engine says so (coverage
    # notes), and the proposal still meets the article's numbers.
    on = dt.date(2018, 1, 1)
    known, _ = as_of(load_project(EXAMPLE), on)
    proposal = propose(known, on=on, constraints=Constraints(effective=on, max_units=4))
    assert proposal.units_after <= 4
    assert proposal.leaders_after <= 11
    assert proposal.report.summary()["violation"] == 0
    assert any(c.status == "not_encoded" and c.rule.id == "EZ-1" for c in proposal.report.coverage)


def test_years_in_post_count_across_a_merge() -> None:
    # c0 has headed since 01/01/2018; their unit c was merged into b on 01/01/2019 with c0 kept
    # as head (so the domain's assignment date is 01/01/2019). a0 became head of a on
    # 01/06/2018. By years in post c0 comes first, although a0 is first by name.
    from tinhgon.domain import Appoint, MergeUnits, Relieve

    agency = project(
        team("a", 6),
        team("b", 0),
        team("c", 3, head=person("c0", name="Trần Văn Y")),
        extra=[
            Relieve(on=dt.date(2018, 3, 1), person="a0"),
            Appoint(on=dt.date(2018, 6, 1), person="a0", role=Role.HEAD),
            MergeUnits(on=dt.date(2019, 1, 1), sources=("c",), into="b", roles={"c0": Role.HEAD}),
        ],
    )
    on = dt.date(2019, 6, 1)
    proposal = propose(agency, on=on, constraints=Constraints(effective=on, max_units=1))
    heads = [o.person_id for o in proposal.leaders if o.role_after is Role.HEAD]
    assert heads == ["c0"]
