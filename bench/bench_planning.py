"""Benchmark: the proposer (OR-Tools CP-SAT) on an agency of 30 departments and 600 people and
on a province of 20 sở. Prints JSON: seconds to the first lawful plan, to the optimum (or the
best within the time limit), the sizes before and after.

    python bench/bench_planning.py          # both cases, 30 s limit each
    python bench/bench_planning.py 5        # a 5 s limit
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
import time

from tinhgon.domain import (
    BUILTIN_KINDS,
    Agency,
    BirthDate,
    Category,
    Change,
    CreateUnit,
    DocumentRegister,
    Hire,
    NewUnit,
    Person,
    Project,
    Role,
    Sex,
    Timeline,
)
from tinhgon.planning.proposer import Constraints, propose

START = dt.date(2018, 1, 1)


def build(
    *, units: int, people: int, kind: str, root_kind: str, agency_type: str, seed: int = 1
) -> Project:
    rng = random.Random(seed)
    changes: list[Change] = [
        CreateUnit(on=START, unit=NewUnit(id="root", name="Cơ quan", kind=BUILTIN_KINDS[root_kind]))
    ]
    sizes = [people // units] * units
    for _ in range(units * 3):  # shuffle the sizes, keeping the total
        a, b = rng.randrange(units), rng.randrange(units)
        if sizes[a] > 6:
            sizes[a] -= 1
            sizes[b] += 1
    number = 0
    for u, size in enumerate(sizes):
        uid = f"u{u:02d}"
        changes.append(
            CreateUnit(
                on=START,
                unit=NewUnit(
                    id=uid, name=f"Đơn vị {u + 1}", kind=BUILTIN_KINDS[kind], parent_id="root"
                ),
            )
        )
        deputies = min(3, max(1, size // 8))
        for i in range(size):
            number += 1
            role = Role.HEAD if i == 0 else Role.DEPUTY if i <= deputies else Role.STAFF
            who = Person(
                id=f"p{number:05d}",
                full_name=f"Người {number}",
                sex=Sex.MALE if number % 2 else Sex.FEMALE,
                birth=BirthDate(1975 + number % 20, 1 + number % 12),
                category=Category.CIVIL_SERVANT,
            )
            changes.append(Hire(on=START, person=who, unit=uid, role=role))
    return Project(
        agency=Agency(id="root", name="Cơ quan", agency_type=agency_type),
        documents=DocumentRegister(()),
        timeline=Timeline(changes, require_basis=False),
        people={c.person.id: c.person for c in changes if isinstance(c, Hire)},
    )


def run(name: str, project: Project, constraints: Constraints) -> dict[str, object]:
    started = time.perf_counter()
    proposal = propose(project, on=constraints.effective, constraints=constraints)
    wall = time.perf_counter() - started
    return {
        "case": name,
        "units_before": proposal.units_before,
        "units_after": proposal.units_after,
        "leaders_before": proposal.leaders_before,
        "leaders_after": proposal.leaders_after,
        "moved": proposal.moved,
        "solver_status": proposal.status,
        "solutions_found": proposal.solutions,
        "seconds_asking_the_law": round(proposal.seconds_probe, 3),
        "seconds_to_first_plan": round(proposal.seconds_first, 3),
        "seconds_total": round(wall, 3),
        "violations": proposal.report.summary()["violation"],
    }


def main() -> None:
    limit = float(sys.argv[1]) if len(sys.argv) > 1 else 30.0
    on = dt.date(2019, 1, 1)
    agency = build(
        units=30,
        people=600,
        kind="department",
        root_kind="board",
        agency_type="economic_zone_board",
    )
    province = build(
        units=20,
        people=600,
        kind="provincial_department",
        root_kind="agency",
        agency_type="province",
    )
    results = [
        run(
            "agency: 30 departments, 600 people",
            agency,
            Constraints(effective=on, max_units=12, time_limit=limit),
        ),
        run(
            "province: 20 sở, at most 14",
            province,
            Constraints(effective=on, max_units=14, max_merged=2, time_limit=limit),
        ),
    ]
    print(json.dumps({"time_limit_seconds": limit, "cases": results}, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
