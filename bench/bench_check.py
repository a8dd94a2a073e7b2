"""Benchmark: the legal check of a province-sized state at one date, and how it grows with size.

Prints JSON. The state is built straight from the domain's state builder (not timed); the
check (every rule of tinhgon.law on one date) is timed, best of three, on the object path
(``engine.run``) and on the columnar path (``tinhgon.law.columnar``, making the columns from the
state included), which must give the same report: where they cross is the threshold
``tinhgon.law.check`` switches at.

    python bench/bench_check.py            # 1k to 100k people (50 to 5,000 units)
    python bench/bench_check.py 2000       # one size, for a quick look
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
import time
from dataclasses import dataclass
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
from tinhgon.law import RULES, load_parameters
from tinhgon.law.columnar import THRESHOLD, ColumnarState, run_columnar
from tinhgon.law.engine import run

ON = dt.date(2021, 6, 1)
PEOPLE_PER_UNIT = 20
SINCE = dt.date(2015, 1, 1)


@dataclass
class Rows:
    """A sở-shaped agency as plain rows: units (id, name, kind, parent), one row per person in
    post (columns), quotas. ``province`` makes a domain state of them; the national bench
    (bench_national_check.py) builds its columnar state and its DuckDB tables from them."""

    units: list[tuple[str, str, str, str | None]]
    people: dict[str, list[Any]]
    quotas: list[tuple[str, Category, int, int]]


def province_rows(people: int, seed: int = 1) -> Rows:
    """A sở-shaped agency with ``people // 20`` units: departments, chi cục with their
    departments, and public service units, 20 people each with a head and deputies."""
    rng = random.Random(seed)
    unit_rows: list[tuple[str, str, str, str | None]] = [
        ("root", "Sở thử", "provincial_department", None)
    ]
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
    kind_of = {"root": "provincial_department"}
    for uid, kind, parent in kinds:
        unit_rows.append((uid, f"Đơn vị {uid}", kind, parent))
        kind_of[uid] = kind
        made.append(uid)
    cols: dict[str, list[Any]] = {
        k: [] for k in ("id", "full_name", "sex", "birth_year", "birth_month", "category")
    }
    cols["unit_id"], cols["role"] = [], []
    for n in range(people):
        uid = made[n % len(made)]
        slot = n // len(made)
        role = (
            Role.HEAD if slot == 0 else Role.DEPUTY if slot <= rng.choice((1, 2, 3)) else Role.STAFF
        )
        psu = kind_of[uid] == "public_service_unit"
        category = Category.PUBLIC_EMPLOYEE if psu else Category.CIVIL_SERVANT
        if rng.random() < 0.05:
            category = Category.CONTRACT_WORKER
        cols["id"].append(f"p{n}")
        cols["full_name"].append(f"Nguyễn Văn {n}")
        cols["sex"].append(Sex.MALE if rng.random() < 0.55 else Sex.FEMALE)
        cols["birth_year"].append(rng.randint(1958, 2000))
        cols["birth_month"].append(rng.randint(1, 12))
        cols["category"].append(category)
        cols["unit_id"].append(uid)
        cols["role"].append(role)
    quotas = [
        ("root", Category.CIVIL_SERVANT, ON.year, int(people * 0.7)),
        ("root", Category.CONTRACT_WORKER, ON.year, int(people * 0.04)),
    ]
    quotas += [
        (uid, Category.PUBLIC_EMPLOYEE, ON.year, PEOPLE_PER_UNIT)
        for uid in made
        if kind_of[uid] == "public_service_unit"
    ]
    return Rows(unit_rows, cols, quotas)


def province(people: int, seed: int = 1) -> State:
    """The agency of ``province_rows`` as a domain state, straight from the state builder."""
    rows = province_rows(people, seed)
    b = StateBuilder()
    for uid, name, kind, parent in rows.units:
        b.add_unit(Unit(uid, name, BUILTIN_KINDS[kind], parent))
    c = rows.people
    for n, pid in enumerate(c["id"]):
        b.register(
            Person(
                id=pid,
                full_name=c["full_name"][n],
                sex=c["sex"][n],
                birth=BirthDate(c["birth_year"][n], c["birth_month"][n]),
                category=c["category"][n],
            )
        )
        b.assign(pid, c["unit_id"][n], c["role"][n], SINCE)
    for uid, category, year, value in rows.quotas:
        b.set_quota(QuotaKey(uid, category, year), value)
    return b.snapshot(ON)


def _best(work: Any) -> tuple[float, float, Any]:
    """Best wall time and CPU time (user + system) of three runs, and the result."""
    wall, cpu, result = float("inf"), float("inf"), None
    for _ in range(3):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = work()
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    return wall, cpu, result


def measure(people: int) -> dict[str, Any]:
    """The object check (``engine.run``) and the columnar one (state to columns included) on
    the same state; they must give the same report."""
    state = province(people)
    agency = Agency(
        id="root", name="Sở thử", agency_type="provincial_department", province_class="II"
    )
    parameters = load_parameters()
    wall, cpu, report = _best(lambda: run(RULES, state, ON, agency, parameters))
    col_wall, col_cpu, columnar = _best(
        lambda: run_columnar(RULES, ColumnarState.from_state(state), ON, agency, parameters)
    )
    assert columnar == report, "the columnar report differs from the object report"
    return {
        "people": len(state.assignments),
        "units": len(state.units),
        "seconds": round(wall, 3),
        "cpu_seconds": round(cpu, 3),
        "columnar_seconds": round(col_wall, 3),
        "columnar_cpu_seconds": round(col_cpu, 3),
        "check_path": "columnar" if len(state.assignments) >= THRESHOLD else "object",
        "findings": report.summary(),
    }


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1_000, 5_000, 10_000, 30_000, 50_000, 100_000]
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
