"""Benchmark (issue 14, aim 5): the legal check of a national-sized state on one date, columnar,
against a hand-written DuckDB query computing the same findings in the same run.

For each size (100,000 and 2,000,000 people in post by default), in a process of its own so
that each peak is its own:

- the data: ``bench_check.province_rows`` (a sở-shaped agency, 20 people a unit: 5,000 units at
  100,000 people, 100,000 at 2,000,000), made as plain rows (not timed);
- ``state``: the columnar state built from those rows (``ColumnarState.from_rows``: the units
  made as domain units, the people as columns);
- ``check``: tinhgon's columnar check on it (``check_columnar``, every rule of the law);
- ``duckdb``: one SQL query (``duckdb_findings.py``) over tables of the same people, units and quotas, giving the same
  findings (rule, unit, person, severity and, where they are numbers, the actual value and the
  limit). The legal numbers reach the query as small tables made from tinhgon's parameter
  files (each limit by count, each retirement date by sex and month of birth), as tinhgon's
  rules read them: the query does the counting, joining and judging. Loading the tables into
  DuckDB is timed apart;
- the two are asserted to agree finding by finding;
- peak memory: the process's maximum resident size (``resource.getrusage``).

Targets: check ≤ 3× DuckDB, state < 10 s, peak < 2 GiB. Wall and CPU (user + system) times
are given, each the least of three runs: the machine is shared.

    python bench/bench_national_check.py                 # 100,000 and 2,000,000 people
    python bench/bench_national_check.py 300000          # one size
    python bench/bench_national_check.py --no-dataset    # without helper D's dataset
    python bench/bench_national_check.py --no-baseline   # without the object path's figures

Then, on helper D's national dataset (``tinhgon.io.national``: the real 2025 tree, every kind
of agency, a few years of history; 200,000 people: reading it into a project takes most of
the time), ``law.check`` as users get it (columnar above the threshold) against the object
path alone, which must give the same report (there is no DuckDB query for a history of many
kinds of agency).

Last, the issue's baseline in the same run: for each size, the domain state built with the
state builder and the object path's check (``engine.run``), each in a process of its own.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import random
import subprocess
import sys
from collections import Counter
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from bench_check import ON, SINCE, province_rows
from duckdb_findings import AGENCY, keys_of_report, legal_tables, load_duckdb, query
from national_streamed import streamed
from national_timing import against_duckdb
from national_timing import best as _best
from national_timing import rss_mib as _rss_mib
from national_timing import timed as _timed

from tinhgon.domain import BUILTIN_KINDS, Category, QuotaKey, Role, Unit
from tinhgon.law import RULES, load_parameters
from tinhgon.law.columnar import ColumnarState, PeopleRows, check_columnar, people_rules
from tinhgon.law.engine import Coverage

# the retirement dates the columnar check remembers (none before this session's code)
_DATES: dict[Any, Any] = getattr(people_rules, "_DATES", {})

# The second date checked: the national dataset's (``tinhgon.io.national.CHECK_ON``), where
# Decree 150/2025's limits and SO-9's transition are in force.
LATER = dt.date(2025, 12, 31)


def build(rows: Any, on: dt.date = ON, seed: int = 1) -> tuple[ColumnarState, list[str]]:
    """The columnar state from the rows (units as domain units, people as columns) on ``on``,
    and the units a plan creates (``planned``).

    Beside ``province_rows``' data, deterministic from the seed, so that every rule the columnar
    check evaluates has findings to agree on: 3 % of people with early-retirement facts (years
    of hazardous work, years in a difficult area, or a loss of working capacity; RA-5), one
    department or chi cục in ten formed by merging two units on a day of the year before the
    date (SO-9's transition, where it is in force), one department in a hundred given a
    quota of 4 for the year (a minimum-staff shortfall), half of them the units of a plan (the
    plan's violation), the first two departments the sở's office and inspectorate (SO-8, SO-6),
    a head gone from one unit in 200 (LD-2, LD-3), a second head in one in 500 (LD-1), one
    public service unit in a hundred without a quota (QT-2). The quotas are the year's of the
    date checked."""
    rng = random.Random(f"tinhgon-national-check:{seed}")
    c = rows.people
    n = len(c["id"])
    facts: list[list[int | None]] = [[None] * n, [None] * n, [None] * n]
    for i in range(n):
        if rng.random() < 0.03:
            which = rng.randrange(3)
            facts[which][i] = rng.randint(20, 90) if which == 2 else rng.randint(5, 30)
    first = on - dt.timedelta(days=365)
    units, small, planned = [], [], []
    role = list(c["role"])
    heads = {
        uid: i for i, (uid, r) in enumerate(zip(c["unit_id"], role, strict=True)) if r is Role.HEAD
    }
    staff: dict[str, list[int]] = {}
    for i, (uid, r) in enumerate(zip(c["unit_id"], role, strict=True)):
        if r is Role.STAFF:
            staff.setdefault(uid, []).append(i)
    special = {"d1": "office", "d2": "inspectorate"}  # the sở's office and inspectorate
    without_quota: set[str] = set()
    kinds: dict[str, str] = {}
    for uid, name, kind, parent in rows.units:
        formed, before = None, ()
        kind = special.get(uid, kind)
        if uid != "root" and rng.random() < 0.005 and uid in heads:
            role[heads[uid]] = Role.STAFF  # the head has left: a unit without a head
        elif rng.random() < 0.002 and uid in staff:
            role[staff[uid][0]] = Role.HEAD  # a second head
        if kind == "public_service_unit" and rng.random() < 0.01:
            without_quota.add(uid)
        elif kind == "public_service_unit" and rng.random() < 0.01:
            small.append(uid)  # 12 posts allotted, fewer than a public service unit needs
        if uid in special or (kind == "department" and rng.random() < 0.03 and uid in staff):
            for k in staff[uid][1 : 3 if uid in special else 2]:
                role[k] = Role.DEPUTY  # one deputy more than the unit had (two: the office)
        if kind in ("department", "sub_department") and rng.random() < 0.1:
            formed = first + dt.timedelta(days=rng.randrange(365))
            before = (f"{uid}-a", f"{uid}-b")
        units.append(Unit(uid, name, BUILTIN_KINDS[kind], parent, (), None, formed, before))
        kinds[uid] = kind
        if kind in ("department", "sub_department") and rng.random() < 0.01:
            small.append(uid)
            if rng.random() < 0.5:
                planned.append(uid)
    people = PeopleRows(
        id=c["id"],
        full_name=c["full_name"],
        sex=c["sex"],
        birth_year=c["birth_year"],
        birth_month=c["birth_month"],
        birth_day=[None] * n,
        category=c["category"],
        unit_id=c["unit_id"],
        role=role,
        since=[SINCE] * n,
        hazardous_work_years=facts[0],
        difficult_area_years=facts[1],
        work_capacity_loss=facts[2],
    )
    quotas = {
        QuotaKey(u, cat, on.year): v for u, cat, _, v in rows.quotas if u not in without_quota
    }
    for uid in small:
        if uid in without_quota:
            continue
        if kinds[uid] == "public_service_unit":
            quotas[QuotaKey(uid, Category.PUBLIC_EMPLOYEE, on.year)] = 12
        else:
            quotas[QuotaKey(uid, Category.CIVIL_SERVANT, on.year)] = 4
    state = ColumnarState.from_rows(on=on, units=units, people=people, quotas=quotas)
    return state, planned


def one(people: int, seed: int, on: dt.date = ON) -> dict[str, Any]:
    gen_wall, gen_cpu, rows = _timed(lambda: province_rows(people, seed))
    state_wall, state_cpu, (cs, planned) = _timed(partial(build, rows, on, seed))
    del rows
    rss_state = _rss_mib()
    parameters = load_parameters()

    def checked() -> Any:
        cs.cache.clear()  # each run derives everything again
        _DATES.clear()  # retirement dates too
        return check_columnar(cs, on=on, agency=AGENCY, parameters=parameters, planned=planned)

    check_wall, check_cpu, report = _best(checked)
    rss_check = _rss_mib()
    ours = keys_of_report(report, cs)
    summary = report.summary()
    by_rule = Counter(f.rule for f in report.findings)
    in_force = [c.rule.id for c in report.coverage if c.status == Coverage.IN_FORCE]
    so9 = sum(1 for f in report.findings if "transition_until" in f.detail)
    planned_short = sum(1 for f in report.findings if f.detail.get("planned"))
    del report  # only its keys are compared: DuckDB's tables take its place in memory
    gc.collect()
    law = legal_tables(cs, on)
    load_wall, load_cpu, con = _timed(lambda: load_duckdb(cs, law, planned))
    duck: dict[int, tuple[float, float]] = {}
    for threads in (1, 2):
        con.execute(f"SET threads TO {threads}")
        query(con, law, on)  # warm: the first run plans the query and reads the tables in
        wall, cpu, rows_found = _best(lambda: query(con, law, on))
        duck[threads] = (wall, cpu)
        theirs = Counter(tuple(r) for r in rows_found)
        del rows_found
        agree = ours == theirs
        if not agree:
            print("only tinhgon:", list((ours - theirs).items())[:10], file=sys.stderr)
            print("only duckdb:", list((theirs - ours).items())[:10], file=sys.stderr)
        assert agree, "tinhgon's columnar check and the DuckDB query disagree"
    return {
        "people": cs.size,
        "units": len(cs.units),
        "on": on.isoformat(),
        "rules_in_force": in_force,
        "rules_in_force_without_findings": [r for r in in_force if not by_rule[r]],
        "findings": summary,
        "findings_by_rule": dict(by_rule),
        "agree_finding_by_finding": True,
        "so9_transitions": so9,
        "planned_units_short": planned_short,
        "generate_rows": {"wall": round(gen_wall, 3), "cpu": round(gen_cpu, 3)},
        "state": {"wall": round(state_wall, 3), "cpu": round(state_cpu, 3), "target": 10.0},
        "check": {"wall": round(check_wall, 3), "cpu": round(check_cpu, 3)},
        "duckdb_load": {"wall": round(load_wall, 3), "cpu": round(load_cpu, 3)},
        **against_duckdb(duck, check_wall, check_cpu),
        "peak_mib": {
            "after_state": round(rss_state),
            "after_check": round(rss_check),
            "end": round(_rss_mib()),
            "target": 2048,
        },
    }


def dataset(people: int, seed: int) -> dict[str, Any]:
    """Helper D's national dataset (``tinhgon example national``: the real 2025 tree, every
    kind of agency, a few years of history) read into a project, its state on ``CHECK_ON``,
    and ``law.check`` on it as users get it (the columnar path for each part above the
    threshold) against the object path alone: the same report."""
    from tinhgon.io.national import CHECK_ON, national_project
    from tinhgon.io.project_reader import ProjectReader
    from tinhgon.io.yamlsrc import Locator
    from tinhgon.law import check_project, columnar

    gen_wall, gen_cpu, plain = _timed(lambda: national_project(people, seed))
    read_wall, read_cpu, project = _timed(partial(ProjectReader("national", Locator()).read, plain))
    del plain
    state_wall, state_cpu, state = _timed(lambda: project.state_on(CHECK_ON))
    parameters = load_parameters()
    threshold = columnar.THRESHOLD
    columnar.THRESHOLD = 10**12
    obj_wall, obj_cpu, expected = _timed(
        lambda: check_project(project, on=CHECK_ON, state=state, parameters=parameters)
    )
    columnar.THRESHOLD = threshold
    col_wall, col_cpu, got = _timed(
        lambda: check_project(project, on=CHECK_ON, state=state, parameters=parameters)
    )
    assert got == expected, "the columnar path changed the report of the national dataset"
    return {
        "people": len(state.assignments),
        "units": len(state.units),
        "on": CHECK_ON.isoformat(),
        "findings": got.summary(),
        "same_report": True,
        "generate": {"wall": round(gen_wall, 3), "cpu": round(gen_cpu, 3)},
        "read_project": {"wall": round(read_wall, 3), "cpu": round(read_cpu, 3)},
        "state_on": {"wall": round(state_wall, 3), "cpu": round(state_cpu, 3)},
        "check_object_path": {"wall": round(obj_wall, 3), "cpu": round(obj_cpu, 3)},
        "check_as_users_get_it": {"wall": round(col_wall, 3), "cpu": round(col_cpu, 3)},
        "threshold": threshold,
        "peak_mib": round(_rss_mib()),
    }


def object_path(people: int, seed: int) -> dict[str, Any]:
    """The issue's baseline in the same run: the domain state built with the state builder
    (``bench_check.province``, the same people) and the object path's check (``engine.run``)."""
    import gc

    from bench_check import province

    from tinhgon.law.engine import run

    build_wall, build_cpu, state = _timed(lambda: province(people, seed))
    parameters = load_parameters()
    gc.collect()
    check_wall, check_cpu, report = _timed(lambda: run(RULES, state, ON, AGENCY, parameters))
    return {
        "people": len(state.assignments),
        "state_builder": {"wall": round(build_wall, 3), "cpu": round(build_cpu, 3)},
        "check_object_path": {"wall": round(check_wall, 3), "cpu": round(check_cpu, 3)},
        "findings": report.summary(),
        "peak_mib": round(_rss_mib()),
    }


def _child(args: list[str]) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, check=False
    )
    if done.returncode:
        return {"args": args, "error": done.stderr.strip().splitlines()[-12:]}
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if "--one" in sys.argv:
        on = dt.date.fromisoformat(args[2]) if len(args) > 2 else ON
        print(json.dumps(one(int(args[0]), int(args[1]) if len(args) > 1 else 1, on)))
        return 0
    if "--object" in sys.argv:
        print(json.dumps(object_path(int(args[0]), int(args[1]) if len(args) > 1 else 1)))
        return 0
    if "--streamed" in sys.argv:
        print(json.dumps(streamed(int(args[0]), int(args[1]) if len(args) > 1 else 1)))
        return 0
    if "--dataset" in sys.argv:
        print(json.dumps(dataset(int(args[0]), int(args[1]) if len(args) > 1 else 1)))
        return 0
    sizes = [int(a) for a in args] or [100_000, 2_000_000]
    dates = [ON.isoformat(), LATER.isoformat()]
    runs = [_child(["--one", str(n), "1", on]) for n in sizes for on in dates]
    national = (
        []
        if "--no-dataset" in sys.argv
        else [_child(["--dataset", "200000"]), _child(["--streamed", str(max(sizes))])]
    )
    baseline = [] if "--no-baseline" in sys.argv else [_child(["--object", str(n)]) for n in sizes]
    status = int(any("error" in r for r in [*runs, *national, *baseline]))
    print(
        json.dumps(
            {
                "benchmark": "national legal check, columnar, against DuckDB",
                "on": ON.isoformat(),
                "date_run": dt.date.today().isoformat(),
                "runs": runs,
                "national_dataset": national,
                "baseline_object_path": baseline,
            },
            ensure_ascii=False,
            indent=2,
        )
    )
    return status


if __name__ == "__main__":
    sys.exit(main())
