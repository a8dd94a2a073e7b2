"""Benchmark (issue 14, aim 5): the legal check of a national-sized state on one date, columnar,
against a hand-written DuckDB query computing the same findings in the same run.

For each size (100,000 and 2,000,000 people in post by default), in a process of its own so
that each peak is its own:

- the data: ``bench_check.province_rows`` (a sở-shaped agency, 20 people a unit: 5,000 units at
  100,000 people, 100,000 at 2,000,000), made as plain rows (not timed);
- ``state``: the columnar state built from those rows (``ColumnarState.from_rows``: the units
  made as domain units, the people as columns);
- ``check``: tinhgon's columnar check on it (``check_columnar``, every rule of the law);
- ``duckdb``: one SQL query over tables of the same people, units and quotas, giving the same
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
import json
import resource
import subprocess
import sys
import time
from collections import Counter
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from bench_check import ON, SINCE, province_rows

from tinhgon.domain import BUILTIN_KINDS, Agency, BirthDate, QuotaKey, Unit
from tinhgon.law import RULES, load_parameters, retirement_of
from tinhgon.law.columnar import ColumnarState, PeopleRows, check_columnar
from tinhgon.law.engine import Coverage, Env, limits_on
from tinhgon.law.retirement import PARAMETER_BY_SEX, add_months, known_values

AGENCY = Agency(id="root", name="Sở thử", agency_type="provincial_department", province_class="II")
PLANNING_MONTHS = 12

SQL = """
WITH RECURSIVE
anc(u, a, d) AS (
    SELECT u, u, 0 FROM units
    UNION ALL
    SELECT anc.u, units.parent, anc.d + 1 FROM anc JOIN units ON units.u = anc.a
    WHERE units.parent >= 0
),
agg AS (
    SELECT u, count(*) FILTER (WHERE role = 'head') AS heads,
           count(*) FILTER (WHERE role = 'deputy') AS deps
    FROM people GROUP BY u
),
uu AS (
    SELECT x.u, x.id, x.parent, x.class, x.kind, p.class AS pclass,
           coalesce(agg.heads, 0) AS heads, coalesce(agg.deps, 0) AS deps
    FROM units x LEFT JOIN units p ON p.u = x.parent LEFT JOIN agg ON agg.u = x.u
),
pu AS (SELECT u, category, count(*) AS n FROM people GROUP BY ALL),
own_count AS (  -- people of the counted categories in each unit itself, per rule
    SELECT c.rule, pu.u, sum(pu.n) AS n FROM pu JOIN counted c USING (category) GROUP BY ALL
),
tree_count AS (  -- the same with every sub-unit's
    SELECT o.rule, anc.a AS u, sum(o.n) AS n FROM own_count o JOIN anc ON anc.u = o.u GROUP BY ALL
),
given AS (  -- the quota of the counted categories for the year, per rule and unit
    SELECT c.rule, q.u, sum(q.value) AS n
    FROM quotas q JOIN counted c USING (category) WHERE q.year = $year GROUP BY ALL
),
minimum(rule, u) AS (
    SELECT 'SO-1', u FROM uu WHERE class = 'department' AND kind <> 'inspectorate' AND pclass = 'agency'
    UNION ALL SELECT 'SO-4', u FROM uu WHERE class = 'sub_department'
    UNION ALL SELECT 'SO-5', u FROM uu WHERE class = 'department' AND pclass = 'sub_department'
),
minimum_found AS (
    SELECT m.rule, m.u,
           coalesce(g.n, CASE WHEN m.rule = 'SO-4' THEN t.n ELSE o.n END, 0) AS posts
    FROM minimum m
    LEFT JOIN given g ON g.rule = m.rule AND g.u = m.u
    LEFT JOIN own_count o ON o.rule = m.rule AND o.u = m.u
    LEFT JOIN tree_count t ON t.rule = m.rule AND t.u = m.u
),
children AS (
    SELECT parent AS u, count(*) AS n FROM units WHERE class = 'department' GROUP BY ALL
),
deputy(rule, u, n) AS (
    SELECT 'SO-2', uu.u, coalesce(o.n, 0) FROM uu LEFT JOIN own_count o ON o.rule = 'SO-2' AND o.u = uu.u
    WHERE class = 'department' AND kind NOT IN ('office', 'inspectorate') AND pclass = 'agency'
    UNION ALL
    SELECT 'SO-6', uu.u, coalesce(o.n, 0) FROM uu LEFT JOIN own_count o ON o.rule = 'SO-6' AND o.u = uu.u
    WHERE class = 'department' AND kind = 'inspectorate' AND pclass = 'agency'
    UNION ALL
    SELECT 'SO-8', uu.u, coalesce(o.n, 0) FROM uu LEFT JOIN own_count o ON o.rule = 'SO-8' AND o.u = uu.u
    WHERE class = 'department' AND kind = 'office' AND pclass = 'agency'
    UNION ALL
    SELECT 'SO-7', uu.u, coalesce(c.n, 0) FROM uu LEFT JOIN children c ON c.u = uu.u
    WHERE class = 'sub_department'
),
q AS (SELECT u, category, value FROM quotas WHERE year = $year),
owner AS (  -- each unit's people of a category count against the nearest quota above them
    SELECT pu.u, pu.category, pu.n, arg_min(anc.a, anc.d) AS owner
    FROM pu JOIN anc ON anc.u = pu.u JOIN q ON q.u = anc.a AND q.category = pu.category
    GROUP BY ALL
),
found(rule, u, person, severity, actual, lim) AS (
    SELECT m.rule, m.u, NULL, 'warning', m.posts, b.lim
    FROM minimum_found m JOIN tops t ON t.rule = m.rule
    JOIN bands b ON b.rule = m.rule AND b.n = least(m.posts, t.top)
    WHERE m.rule IN (SELECT rule FROM in_force) AND m.posts < b.lim
    UNION ALL
    SELECT d.rule, d.u, NULL, CASE WHEN b.lim IS NULL THEN 'info' ELSE 'violation' END,
           uu.deps, b.lim
    FROM deputy d JOIN uu USING (u) JOIN tops t ON t.rule = d.rule
    LEFT JOIN bands b ON b.rule = d.rule AND b.n = least(d.n, t.top)
    WHERE d.rule IN (SELECT rule FROM in_force) AND uu.deps > 0
      AND (b.lim IS NULL OR uu.deps > b.lim)
    UNION ALL
    SELECT 'SO-3', uu.u, NULL, 'info', uu.deps, b.lim
    FROM uu JOIN tops t ON t.rule = 'SO-3'
    JOIN bands b ON b.rule = 'SO-3' AND b.n = least(uu.deps, t.top)
    WHERE uu.parent < 0 AND uu.class = 'agency' AND 'SO-3' IN (SELECT rule FROM in_force)
    UNION ALL
    SELECT 'QT-1', q.u, NULL, 'violation', sum(o.n), q.value
    FROM q JOIN owner o ON o.owner = q.u AND o.category = q.category
    GROUP BY q.u, q.category, q.value HAVING sum(o.n) > q.value
    UNION ALL
    SELECT 'QT-2', u, NULL, 'warning', NULL, NULL FROM uu
    WHERE (parent < 0 AND class = 'agency' OR class = 'public_service_unit')
      AND u NOT IN (SELECT u FROM q)
    UNION ALL
    SELECT 'LD-1', u, NULL, 'violation', heads, 1 FROM uu WHERE heads > 1
    UNION ALL
    SELECT 'LD-2', u, NULL, 'warning', 0, 1 FROM uu WHERE class = 'department' AND heads = 0
    UNION ALL
    SELECT 'LD-3', u, NULL, 'info', deps, NULL FROM uu WHERE heads = 0 AND deps > 0
    UNION ALL
    SELECT 'RA', p.u, p.i, CASE WHEN $on > r.retires_on AND p.category <> 'contract_worker'
                                THEN 'violation' ELSE 'info' END, NULL, NULL
    FROM people p JOIN retire r ON r.sex = p.sex AND r.by = p.by AND r.bm = p.bm
    WHERE r.retires_on <= $horizon
    UNION ALL  -- a rule without a value for the date, over units it would check: one note
    SELECT g.rule, (SELECT u FROM units WHERE parent < 0 ORDER BY u LIMIT 1), NULL, 'info',
           NULL, NULL
    FROM gaps g WHERE EXISTS (SELECT 1 FROM units x WHERE x.class = g.class)
)
SELECT rule, u, person, severity, actual, lim FROM found
"""


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(work: Any) -> tuple[float, float, Any]:
    start, cpu = time.perf_counter(), time.process_time()
    result = work()
    return time.perf_counter() - start, time.process_time() - cpu, result


def _best(work: Any, times: int = 3) -> tuple[float, float, Any]:
    """The least wall time and the least CPU time of a few runs (the machine is shared), and
    the last result (the one before is let go first: one report in memory at a time)."""
    wall, cpu, result = float("inf"), float("inf"), None
    for _ in range(times):
        result = None
        w, c, result = _timed(work)
        wall, cpu = min(wall, w), min(cpu, c)
    return wall, cpu, result


def build(rows: Any) -> ColumnarState:
    """The columnar state from the rows: units as domain units, people as columns."""
    c = rows.people
    n = len(c["id"])
    units = [Unit(uid, name, BUILTIN_KINDS[kind], parent) for uid, name, kind, parent in rows.units]
    people = PeopleRows(
        id=c["id"],
        full_name=c["full_name"],
        sex=c["sex"],
        birth_year=c["birth_year"],
        birth_month=c["birth_month"],
        birth_day=[None] * n,
        category=c["category"],
        unit_id=c["unit_id"],
        role=c["role"],
        since=[SINCE] * n,
    )
    quotas = {QuotaKey(u, cat, year): v for u, cat, year, v in rows.quotas}
    return ColumnarState.from_rows(on=ON, units=units, people=people, quotas=quotas)


def legal_tables(cs: ColumnarState) -> dict[str, Any]:
    """What the query needs of the law on the date, from tinhgon's parameter files: the rules
    in force and those without a value for the date, each rule's counted categories and limit
    by count, each retirement date by sex and month of birth."""

    parameters = load_parameters()
    env = Env(agency=AGENCY, parameters=parameters)
    in_force, gaps, counted, bands, tops = [], [], [], [], []
    for rule in RULES:
        if not rule.applies_to_agency(AGENCY.agency_type):
            continue
        if rule.ended(ON, parameters) is not None or not rule.in_force(ON, parameters):
            # one note on the root: no value for the date, or the rule has ended
            assert rule.unit_classes is not None
            assert len(rule.unit_classes) == 1
            gaps.append((rule.id, next(iter(rule.unit_classes)).value))
            continue
        in_force.append(rule.id)
        if rule.people or not rule.parameters:
            continue
        entry, limits = limits_on(env, rule.parameters[0], ON)
        for category in parameters[rule.parameters[0]].counted_categories:
            counted.append((rule.id, category.value))
        # every count up to the last edge of a band, then that count for any larger one
        edge = max((e for b in limits.bands for e in (b.low, b.high) if e is not None), default=0)
        for n in range(edge + 2):
            band = limits.band_for(n, AGENCY.province_class, entry.confidence)
            if band is not None:
                bands.append((rule.id, n, band.limit))
        tops.append((rule.id, edge + 1))
    horizon = add_months(ON, PLANNING_MONTHS)
    eras = {
        sex: len(known_values(parameters[pid].values, ON)) for sex, pid in PARAMETER_BY_SEX.items()
    }
    assert eras  # the retirement tables read as of the date, as the rule reads them
    retire = []
    groups = set(zip(cs.sex.tolist(), cs.birth_year.tolist(), cs.birth_month.tolist(), strict=True))
    from tinhgon.law.columnar.state import SEXES

    for sex, year, month in sorted(groups):
        r = retirement_of(
            sex=SEXES[sex], born=BirthDate(year, month), parameters=parameters, as_of=ON
        )
        retire.append((SEXES[sex].value, year, month, r.retires_on))
    return {
        "in_force": in_force,
        "gaps": gaps,
        "counted": counted,
        "bands": bands,
        "tops": tops,
        "retire": retire,
        "horizon": horizon,
    }


def load_duckdb(cs: ColumnarState, law: dict[str, Any]) -> Any:
    import duckdb
    import numpy as np
    import pandas as pd

    from tinhgon.law.columnar.state import CATEGORIES, CLASSES, ROLES, SEXES

    con = duckdb.connect()
    con.execute("SET threads TO 2")
    units = pd.DataFrame(
        {
            "u": np.arange(len(cs.units)),
            "id": [u.id for u in cs.units],
            "parent": cs.parent,
            "class": pd.Categorical.from_codes(cs.unit_class, [c.value for c in CLASSES]),
            "kind": [u.kind.code for u in cs.units],
        }
    )
    people = pd.DataFrame(
        {
            "i": np.arange(cs.size),
            "u": cs.person_unit,
            "role": pd.Categorical.from_codes(cs.role, [r.value for r in ROLES]),
            "category": pd.Categorical.from_codes(cs.category, [c.value for c in CATEGORIES]),
            "sex": pd.Categorical.from_codes(cs.sex, [s.value for s in SEXES]),
            "by": cs.birth_year,
            "bm": cs.birth_month,
        }
    )
    quotas = pd.DataFrame(
        [(cs.unit_index[k.unit_id], k.category.value, k.year, v) for k, v in cs.quotas.items()],
        columns=["u", "category", "year", "value"],
    )
    tables = {
        "units": units,
        "people": people,
        "quotas": quotas,
        "counted": pd.DataFrame(law["counted"], columns=["rule", "category"]),
        "bands": pd.DataFrame(law["bands"], columns=["rule", "n", "lim"]),
        "tops": pd.DataFrame(law["tops"], columns=["rule", "top"]),
        "retire": pd.DataFrame(law["retire"], columns=["sex", "by", "bm", "retires_on"]),
        "in_force": pd.DataFrame({"rule": law["in_force"]}),
        "gaps": pd.DataFrame(law["gaps"], columns=["rule", "class"]),
    }
    for name, frame in tables.items():
        # the categorical columns as plain text, as a database would hold them
        con.execute(f"CREATE TABLE {name} AS SELECT * FROM frame")
        del frame
    for column in ("class", "role", "category", "sex"):
        for name in ("units", "people"):
            if column in tables[name].columns:
                con.execute(f'ALTER TABLE {name} ALTER "{column}" TYPE VARCHAR')
    return con


def query(con: Any, law: dict[str, Any]) -> list[tuple[Any, ...]]:
    params = {"on": ON, "horizon": law["horizon"], "year": ON.year}
    return con.execute(SQL, params).fetchall()  # type: ignore[no-any-return]


def keys_of_report(report: Any, cs: ColumnarState) -> Counter[tuple[Any, ...]]:
    """Each finding as (rule, unit, person, severity, actual, limit): numbers kept, the texts
    of an age (RA) left to the message."""
    person_index = {pid: i for i, pid in enumerate(cs.person_ids)}
    return Counter(
        (
            f.rule,
            cs.unit_index[f.unit_id] if f.unit_id else None,
            person_index[f.person_id] if f.person_id else None,
            f.severity.value,
            f.actual if isinstance(f.actual, int) else None,
            f.limit if isinstance(f.limit, int) else None,
        )
        for f in report.findings
    )


def one(people: int, seed: int) -> dict[str, Any]:
    gen_wall, gen_cpu, rows = _timed(lambda: province_rows(people, seed))
    state_wall, state_cpu, cs = _timed(partial(build, rows))
    del rows
    rss_state = _rss_mib()
    parameters = load_parameters()

    def checked() -> Any:
        cs.cache.clear()  # each run derives everything again
        return check_columnar(cs, on=ON, agency=AGENCY, parameters=parameters)

    check_wall, check_cpu, report = _best(checked)
    rss_check = _rss_mib()
    law = legal_tables(cs)
    load_wall, load_cpu, con = _timed(lambda: load_duckdb(cs, law))
    query(con, law)  # warm: the first run plans the query and reads the tables in
    duck_wall, duck_cpu, rows_found = _best(lambda: query(con, law))
    ours = keys_of_report(report, cs)
    theirs = Counter(tuple(r) for r in rows_found)
    agree = ours == theirs
    if not agree:
        print("only tinhgon:", list((ours - theirs).items())[:10], file=sys.stderr)
        print("only duckdb:", list((theirs - ours).items())[:10], file=sys.stderr)
    assert agree, "tinhgon's columnar check and the DuckDB query disagree"
    in_force = [c.rule.id for c in report.coverage if c.status == Coverage.IN_FORCE]
    return {
        "people": cs.size,
        "units": len(cs.units),
        "on": ON.isoformat(),
        "rules_in_force": in_force,
        "findings": report.summary(),
        "findings_by_rule": dict(Counter(f.rule for f in report.findings)),
        "agree_finding_by_finding": agree,
        "generate_rows": {"wall": round(gen_wall, 3), "cpu": round(gen_cpu, 3)},
        "state": {"wall": round(state_wall, 3), "cpu": round(state_cpu, 3), "target": 10.0},
        "check": {"wall": round(check_wall, 3), "cpu": round(check_cpu, 3)},
        "duckdb_load": {"wall": round(load_wall, 3), "cpu": round(load_cpu, 3)},
        "duckdb_query": {"wall": round(duck_wall, 3), "cpu": round(duck_cpu, 3)},
        "check_over_duckdb": {
            "wall": round(check_wall / duck_wall, 2),
            "cpu": round(check_cpu / max(duck_cpu, 1e-9), 2),
            "target": 3.0,
        },
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
    from tinhgon.io.project_file import Locator, _Reader
    from tinhgon.law import check_project, columnar

    gen_wall, gen_cpu, plain = _timed(lambda: national_project(people, seed))
    read_wall, read_cpu, project = _timed(partial(_Reader("national", Locator()).read, plain))
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
        print(json.dumps(one(int(args[0]), int(args[1]) if len(args) > 1 else 1)))
        return 0
    if "--object" in sys.argv:
        print(json.dumps(object_path(int(args[0]), int(args[1]) if len(args) > 1 else 1)))
        return 0
    if "--dataset" in sys.argv:
        print(json.dumps(dataset(int(args[0]), int(args[1]) if len(args) > 1 else 1)))
        return 0
    sizes = [int(a) for a in args] or [100_000, 2_000_000]
    runs = [_child(["--one", str(n)]) for n in sizes]
    national = [] if "--no-dataset" in sys.argv else [_child(["--dataset", "200000"])]
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
