"""Benchmark: the legal check of a province-sized state at one date, and how it grows with size.

Prints JSON. The state is built straight from the domain's state builder (not timed); the
check (every rule of tinhgon.law on one date) is timed, best of three.

    python bench/bench_check.py            # 10k, 50k and 100k people (500 to 5,000 units)
    python bench/bench_check.py 2000       # one size, for a quick look
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
import time
from itertools import pairwise
from typing import Any

from tinhgon.domain import (
    BUILTIN_KINDS,
    Agency,
    BirthDate,
    Category,
    Person,
    QuotaKey,
    Role,
    Sex,
    State,
    StateBuilder,
    Unit,
)
from tinhgon.law import check, load_parameters

ON = dt.date(2021, 6, 1)
PEOPLE_PER_UNIT = 20
SINCE = dt.date(2015, 1, 1)


def province(people: int, seed: int = 1) -> State:
    """A sở-shaped agency with ``people // 20`` units: departments, chi cục with their
    departments, and public service units, 20 people each with a head and deputies."""
    rng = random.Random(seed)
    b = StateBuilder()
    b.add_unit(Unit("root", "Sở thử", BUILTIN_KINDS["provincial_department"], None))
    units = max(people // PEOPLE_PER_UNIT, 5)
    made = ["root"]
    kinds: list[tuple[str, str, str | None]] = []
    i = 0
    while len(kinds) < units - 1:
        i += 1
        shape = i % 10
        if shape < 4:
            kinds.append((f"d{i}", "department", "root"))
        elif shape < 6:
            kinds.append((f"c{i}", "sub_department", "root"))
            for j in range(3):
                kinds.append((f"c{i}-{j}", "department", f"c{i}"))
        else:
            kinds.append((f"s{i}", "public_service_unit", "root"))
    kinds = kinds[: units - 1]
    for uid, kind, parent in kinds:
        b.add_unit(Unit(uid, f"Đơn vị {uid}", BUILTIN_KINDS[kind], parent))
        made.append(uid)
    for n in range(people):
        uid = made[n % len(made)]
        slot = n // len(made)
        role = (
            Role.HEAD if slot == 0 else Role.DEPUTY if slot <= rng.choice((1, 2, 3)) else Role.STAFF
        )
        psu = b.units[uid].kind.code == "public_service_unit"
        category = Category.PUBLIC_EMPLOYEE if psu else Category.CIVIL_SERVANT
        if rng.random() < 0.05:
            category = Category.CONTRACT_WORKER
        pid = f"p{n}"
        b.register(
            Person(
                id=pid,
                full_name=f"Nguyễn Văn {n}",
                sex=Sex.MALE if rng.random() < 0.55 else Sex.FEMALE,
                birth=BirthDate(rng.randint(1958, 2000), rng.randint(1, 12)),
                category=category,
            )
        )
        b.assign(pid, uid, role, SINCE)
    b.set_quota(QuotaKey("root", Category.CIVIL_SERVANT, ON.year), int(people * 0.7))
    b.set_quota(QuotaKey("root", Category.CONTRACT_WORKER, ON.year), int(people * 0.04))
    for uid in made:
        if b.units[uid].kind.code == "public_service_unit":
            b.set_quota(QuotaKey(uid, Category.PUBLIC_EMPLOYEE, ON.year), PEOPLE_PER_UNIT)
    return b.snapshot(ON)


def measure(people: int) -> dict[str, Any]:
    state = province(people)
    agency = Agency(
        id="root", name="Sở thử", agency_type="provincial_department", province_class="II"
    )
    parameters = load_parameters()
    best = float("inf")
    report = None
    for _ in range(3):
        start = time.perf_counter()
        report = check(state, on=ON, agency=agency, parameters=parameters)
        best = min(best, time.perf_counter() - start)
    assert report is not None
    return {
        "people": len(state.assignments),
        "units": len(state.units),
        "seconds": round(best, 3),
        "findings": report.summary(),
    }


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [10_000, 50_000, 100_000]
    runs = [measure(n) for n in sizes]
    growth = [
        {
            "from": a["people"],
            "to": b["people"],
            "size_ratio": round(b["people"] / a["people"], 2),
            "time_ratio": round(b["seconds"] / max(a["seconds"], 1e-9), 2),
        }
        for a, b in pairwise(runs)
    ]
    print(
        json.dumps(
            {
                "benchmark": "law check at one date",
                "on": ON.isoformat(),
                "runs": runs,
                "growth": growth,
            },
            ensure_ascii=False,
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
