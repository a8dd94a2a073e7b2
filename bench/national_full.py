"""The full national check against DuckDB (issue 14, aim 5): in every province the sở
(``provincial_department``) and the communes (``commune_committee``), each kind checked in
columns as ``tinhgon.law.check`` checks it (the agencies of one type together as a forest), and
the province-wide rules (``check_province``: the sở's deputy directors on average, SO-3, and the
communes' deputy heads on average, CM-1) on every agency of the province, the per-agency notes
of a rule the province has judged left out as ``check`` leaves them out.

DuckDB holds each kind's tables in a schema of its own (``so``, ``cm``: the same tables and the
same query as ``duckdb_findings.py``, the query's last line keeping out the rows of a rule the
province judges), the province-wide limits as a table made by tinhgon's parameter loader
(``province_limits``: each rule's limit per agency and the city's extra, by province class), and
one more query judging the province-wide rules over both schemas. DuckDB's time is the sum of
the three queries (least of three), tinhgon's the sum of the two checks and the province-wide
run over the 34 provinces; the findings are asserted equal, finding by finding.

    python bench/bench_national_duckdb.py 2000000 --full
"""

from __future__ import annotations

import datetime as dt
import gc
import sys
from collections import Counter
from functools import partial
from pathlib import Path
from types import SimpleNamespace
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from duckdb_findings import frames_of, legal_tables, load_duckdb, query
from duckdb_sql import SQL
from national_timing import Steps, against_duckdb, check_kind, kind_agency, read_province
from national_timing import best as _best
from national_timing import rss_mib as _rss_mib
from national_timing import timed as _timed

from tinhgon.io.national import CHECK_ON, national_provinces
from tinhgon.law import load_parameters
from tinhgon.law.columnar import ColumnarState
from tinhgon.law.commune import CM1CommuneDeputies
from tinhgon.law.decree_24_2014 import SO3DeputyDirectors
from tinhgon.law.province import CITY_EXTRA, _limit, check_province
from tinhgon.law.rules import _forest, _without_agency_notes, province_members

# each kind of agency checked, and its DuckDB schema
KINDS = {"provincial_department": "so", "commune_committee": "cm"}
LAST = "SELECT rule, u, person, severity, actual, lim FROM found"
assert SQL.rstrip().endswith(LAST)
# a kind's findings without the per-agency rows of a rule the province judges (``check``
# keeps the province's finding, which says it)
KIND_SQL = (
    SQL.rstrip()[: -len(LAST)]
    + """
SELECT f.rule, f.u, f.person, f.severity, f.actual, f.lim FROM found f
WHERE NOT EXISTS (
    SELECT 1 FROM units x JOIN provinces pr ON pr.province = x.province
    JOIN province_limits l ON l.class = pr.class AND l.rule = f.rule
    WHERE x.u = f.u
)
"""
)

# SO-3 and CM-1 over the province (``tinhgon.law.province``): the province's number as a
# negative unit (-1 - province), no person; the limit per agency (SO-3: per sở, plus the city's
# extra) or per department and centre (CM-1: the communes' departments directly under an agency)
PROVINCE_SQL = """
WITH
so_deps AS (SELECT u, count(*) AS n FROM so.people WHERE role = 'deputy' GROUP BY u),
so_sum AS (
    SELECT x.province, count(*) AS agencies, coalesce(sum(d.n), 0) AS deps
    FROM so.units x LEFT JOIN so_deps d ON d.u = x.u WHERE x.parent < 0 GROUP BY x.province
),
cm_roots AS (
    SELECT province, count(*) AS agencies FROM cm.units WHERE parent < 0 GROUP BY province
),
cm_units AS (
    SELECT x.u, x.province FROM cm.units x JOIN cm.units p ON p.u = x.parent
    WHERE x.class = 'department' AND (p.class = 'agency' OR p.parent < 0)
),
cm_deps AS (SELECT u, count(*) AS n FROM cm.people WHERE role = 'deputy' GROUP BY u),
cm_sum AS (
    SELECT r.province, r.agencies, count(c.u) AS units, coalesce(sum(d.n), 0) AS deps
    FROM cm_roots r LEFT JOIN cm_units c ON c.province = r.province
    LEFT JOIN cm_deps d ON d.u = c.u GROUP BY r.province, r.agencies
)
SELECT 'SO-3', -1 - s.province, NULL,
       CASE WHEN s.deps > l.per * s.agencies + l.extra THEN 'violation' ELSE 'info' END,
       s.deps, l.per * s.agencies + l.extra
FROM so_sum s JOIN main.provinces pr ON pr.province = s.province
JOIN main.province_limits l ON l.rule = 'SO-3' AND l.class = pr.class
UNION ALL
SELECT 'CM-1', -1 - c.province, NULL,
       CASE WHEN c.deps > l.per * c.units THEN 'violation' ELSE 'info' END,
       c.deps, l.per * c.units
FROM cm_sum c JOIN main.provinces pr ON pr.province = c.province
JOIN main.province_limits l ON l.rule = 'CM-1' AND l.class = pr.class
"""


def province_limits(
    parameters: Any, classes: set[str | None], on: dt.date = CHECK_ON
) -> list[tuple[Any, ...]]:
    """(rule, class, limit per agency or unit, the city's extra) of the province-wide rules in
    force on the date, as ``check_province`` reads them (its own ``_limit``)."""
    out = []
    for rule in (SO3DeputyDirectors(), CM1CommuneDeputies()):
        if not rule.in_force(on, parameters):
            continue
        for cls in sorted(classes, key=str):
            found = _limit(parameters, rule.parameters[0], on, cls)
            if found is None:
                continue
            extra = 0
            if rule.id == "SO-3":
                city = _limit(parameters, CITY_EXTRA, on, cls)
                extra = city[1] if city is not None and city[1] else 0
            out.append((rule.id, cls, found[1], extra))
    return out


def province_tables(con: Any, every: list[tuple[int, str | None]], limits: list[Any]) -> None:
    """The provinces (number, class) and the province-wide limits in the main schema."""
    import pandas as pd

    con.execute("SET schema = 'main'")
    con.register("every_frame", pd.DataFrame(every, columns=["province", "class"]))
    con.register("limits_frame", pd.DataFrame(limits, columns=["rule", "class", "per", "extra"]))
    con.execute("CREATE TABLE provinces AS SELECT * FROM every_frame")
    con.execute("CREATE TABLE province_limits AS SELECT * FROM limits_frame")
    con.unregister("every_frame")
    con.unregister("limits_frame")


def _keys(report: Any, cs: ColumnarState, units_before: int, people_before: int) -> Counter[Any]:
    from bench_national_duckdb import keys

    return keys(report, cs, units_before, people_before)


def run_full(people: int, seed: int) -> dict[str, Any]:
    parameters = load_parameters()
    steps = ("generate", "read_project", "state_on", "columns", "check", "province_wide")
    times = Steps.of(steps)
    ours: Counter[Any] = Counter()
    frames: dict[str, list[dict[str, Any]]] = {k: [] for k in KINDS}
    facts: dict[str, list[SimpleNamespace]] = {k: [] for k in KINDS}
    provinces: dict[str, list[tuple[int, str | None]]] = {k: [] for k in KINDS}
    every: list[tuple[int, str | None]] = []
    units_before = dict.fromkeys(KINDS, 0)
    people_before = dict.fromkeys(KINDS, 0)
    by_rule: Counter[str] = Counter()

    source = iter(national_provinces(people, seed))
    for k in range(10**6):
        province = times.add("generate", _timed(lambda: next(source, None)))
        if province is None:
            break
        project, state, parts = read_province(province, times)
        del province
        every.append((k, project.agency.province_class))
        reports: dict[str, tuple[Any, ColumnarState]] = {}
        for kind in KINDS:
            ids = [a for a in parts if state.units[a].agency_type == kind]
            if not ids:
                continue
            agency = kind_agency(project.agency, state, ids, kind)
            report, cs = check_kind(agency, [_forest([parts[i] for i in ids])], times, parameters)
            reports[kind] = (report, cs)

        def province_wide(
            parts: Any = parts, state: Any = state, agency: Any = project.agency
        ) -> Any:
            members = province_members(agency, state, parts)  # as ``check`` makes them
            return check_province(
                members,
                on=CHECK_ON,
                province=agency.province or agency.name,
                province_class=agency.province_class,
                parameters=parameters,
            )

        wall, cpu, judged_report = _best(province_wide)
        times["province_wide"][0] += wall
        times["province_wide"][1] += cpu
        judged = {f.rule for f in judged_report.findings}
        for f in judged_report.findings:
            assert f.unit_id is None
            assert f.person_id is None
            key = (f.rule, -1 - k, None, f.severity.value, f.actual, f.limit)
            ours[("province", *key)] += 1
            by_rule[f.rule] += 1
        for kind, (report, cs) in reports.items():
            wall, cpu, kept = _timed(
                lambda r=report, j=judged: _without_agency_notes(r, j)  # type: ignore[misc]
            )
            times["province_wide"][0] += wall
            times["province_wide"][1] += cpu
            for key, n in _keys(kept, cs, units_before[kind], people_before[kind]).items():
                ours[(kind, *key)] += n
            by_rule.update(f.rule for f in kept.findings)
            frames[kind].append(frames_of(cs, (), k, units_before[kind], people_before[kind]))
            facts[kind].append(
                SimpleNamespace(
                    sex=cs.sex,
                    birth_year=cs.birth_year,
                    birth_month=cs.birth_month,
                    hazardous=cs.hazardous,
                    difficult=cs.difficult,
                    loss=cs.loss,
                )
            )
            provinces[kind].append((k, project.agency.province_class))
            units_before[kind] += len(cs.units)
            people_before[kind] += cs.size
        del project, state, parts, reports, judged_report
        gc.collect()
    rss_check = _rss_mib()
    present = {c for _, c in every}
    limits = province_limits(parameters, present)
    import duckdb

    con = duckdb.connect()
    laws: dict[str, dict[str, Any]] = {}
    load = [0.0, 0.0]
    province_tables(con, every, limits)
    for kind, schema in KINDS.items():
        classes = {c for _, c in provinces[kind]}
        law = legal_tables(facts.pop(kind), CHECK_ON, classes, kind)  # type: ignore[arg-type]
        laws[kind] = law
        wall, cpu, _ = _timed(
            partial(
                load_duckdb,
                frames.pop(kind),
                law,
                provinces=provinces[kind],
                con=con,
                schema=schema,
            )
        )
        load[0] += wall
        load[1] += cpu
        con.execute("CREATE TABLE province_limits AS SELECT * FROM main.province_limits")

    def all_queries() -> Counter[Any]:
        found: Counter[Any] = Counter()
        for kind, schema in KINDS.items():
            con.execute(f"SET schema = '{schema}'")
            for row in query(con, laws[kind], CHECK_ON, KIND_SQL):
                found[(kind, *row)] += 1
        con.execute("SET schema = 'main'")
        for row in con.execute(PROVINCE_SQL).fetchall():
            found[("province", *row)] += 1
        return found

    duck: dict[int, tuple[float, float]] = {}
    for threads in (1, 2):
        con.execute(f"SET threads TO {threads}")
        all_queries()  # warm
        wall, cpu, theirs = _best(all_queries)
        duck[threads] = (wall, cpu)
        if ours != theirs:
            print("only tinhgon:", list((ours - theirs).items())[:10], file=sys.stderr)
            print("only duckdb:", list((theirs - ours).items())[:10], file=sys.stderr)
        assert ours == theirs, "the full check and the DuckDB queries disagree"
    check_wall = times["check"][0] + times["province_wide"][0]
    check_cpu = times["check"][1] + times["province_wide"][1]
    return {
        "benchmark": "national dataset: the sở, the communes and the province-wide rules of "
        "every province, the check against DuckDB",
        "people": people,
        "seed": seed,
        "on": CHECK_ON.isoformat(),
        "provinces": len(every),
        "people_in_post_checked": dict(people_before),
        "units_checked": dict(units_before),
        "findings": sum(ours.values()),
        "findings_by_rule": dict(by_rule),
        "province_wide_findings": {  # by rule and severity, over the provinces
            f"{rule} {severity}": n
            for (rule, severity), n in sorted(
                Counter(
                    (k[1], k[4]) for k, m in ours.items() if k[0] == "province" for _ in range(m)
                ).items()
            )
        },
        "agree_finding_by_finding": True,
        **{k: {"wall": round(w, 3), "cpu": round(c, 3)} for k, (w, c) in times.items()},
        "full_check": {"wall": round(check_wall, 3), "cpu": round(check_cpu, 3)},
        "duckdb_load": {"wall": round(load[0], 3), "cpu": round(load[1], 3)},
        **against_duckdb(duck, check_wall, check_cpu),
        "peak_mib": {"after_checks": round(rss_check), "end": round(_rss_mib()), "target": 2048},
    }
