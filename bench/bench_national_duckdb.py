"""Benchmark (issue 14, aim 5) on the national dataset itself: the columnar check of every
province's sở against the hand-written DuckDB query (``duckdb_findings.py``) over the same
people, units and quotas, asserted to agree finding by finding.

The dataset is ``tinhgon example national --people N --seed S`` (the real 2025 tree of 34
provinces, every kind of agency, two years of history), read the way the product reads it,
one province at a time: the province's plain project (the content of its ``<code>.yaml``,
generated in memory) through the ordinary reader (``ProjectReader``: the history replayed),
its state on ``CHECK_ON`` (31/12/2025), split into agencies as ``tinhgon.law.check`` splits it
(``split_by_agency``), and the sở of the province (``agency_type: provincial_department``)
together as one forest — the state ``check`` gives the columnar check for them, with the
province's class. Per province: the columnar state made from that state, the check timed
(least of three), its findings kept as (rule, unit, person, severity, actual, limit) with units
and people numbered across the country, and the province's rows added to the DuckDB tables.
Then one query for the whole country (the limits joined by each province's class), timed on
1 and 2 threads (least of three each), and the two compared.

``--type TYPE`` does the same for another kind of agency of each province, checked together as
``check`` checks them: ``commune_committee``, ``public_service_unit``, ``economic_zone_board``
(the query's EZ-1 to EZ-3 clauses). ``--full``: the sở and the communes of every province
and the province-wide rules (``check_province``: SO-3 and CM-1 over the province) together,
against three queries (``national_full.py``). What is not compared: the units outside every
agency (the People's Committee's own).

    python bench/bench_national_duckdb.py 2000000     # people (default 200,000), seed 1
    python bench/bench_national_duckdb.py 2000000 --type commune_committee
    python bench/bench_national_duckdb.py 2000000 --full
"""

from __future__ import annotations

import gc
import json
import sys
from collections import Counter
from pathlib import Path
from types import SimpleNamespace
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from duckdb_findings import frames_of, legal_tables, load_duckdb, query
from national_timing import Steps, against_duckdb, check_kind, kind_agency, read_province
from national_timing import best as _best
from national_timing import rss_mib as _rss_mib
from national_timing import timed as _timed

from tinhgon.io.national import CHECK_ON, national_provinces
from tinhgon.law import load_parameters
from tinhgon.law.columnar import ColumnarState
from tinhgon.law.rules import _forest

# the retirement dates the columnar check remembers (none before this session's code)

TYPE = "provincial_department"


def keys(report: Any, cs: ColumnarState, units_before: int, people_before: int) -> Counter[Any]:
    """Each finding as (rule, unit, person, severity, actual, limit), numbered as the tables."""
    person_index = {pid: i for i, pid in enumerate(cs.person_ids)}
    return Counter(
        (
            f.rule,
            cs.unit_index[f.unit_id] + units_before if f.unit_id else None,
            person_index[f.person_id] + people_before if f.person_id else None,
            f.severity.value,
            f.actual if isinstance(f.actual, int) else None,
            f.limit if isinstance(f.limit, int) else None,
        )
        for f in report.findings
    )


def run(people: int, seed: int, kind: str = TYPE) -> dict[str, Any]:
    parameters = load_parameters()
    times = Steps.of(("generate", "read_project", "state_on", "columns", "check"))
    ours: Counter[Any] = Counter()
    frames: list[dict[str, Any]] = []
    facts: list[SimpleNamespace] = []
    provinces: list[tuple[int, str | None]] = []
    units_before = people_before = 0
    by_rule: Counter[str] = Counter()
    classes: Counter[str] = Counter()

    source = iter(national_provinces(people, seed))
    for k in range(10**6):
        province = times.add("generate", _timed(lambda: next(source, None)))
        if province is None:
            break
        project, state, parts = read_province(province, times)
        del province
        ids = [a for a in parts if state.units[a].agency_type == kind]
        if not ids:  # no agency of this type in the province (an industrial-zone board)
            continue
        agency = kind_agency(project.agency, state, ids, kind)
        forest = [_forest([parts[i] for i in ids])]
        del project, state, parts
        report, cs = check_kind(agency, forest, times, parameters)
        ours += keys(report, cs, units_before, people_before)
        by_rule.update(f.rule for f in report.findings)
        frames.append(frames_of(cs, (), k, units_before, people_before))
        facts.append(
            SimpleNamespace(
                sex=cs.sex,
                birth_year=cs.birth_year,
                birth_month=cs.birth_month,
                hazardous=cs.hazardous,
                difficult=cs.difficult,
                loss=cs.loss,
            )
        )
        provinces.append((k, agency.province_class))
        classes[str(agency.province_class)] += 1
        units_before += len(cs.units)
        people_before += cs.size
        del cs, report
        gc.collect()
    rss_check = _rss_mib()
    present = {c for _, c in provinces}
    law = legal_tables(facts, CHECK_ON, present, kind)  # type: ignore[arg-type]
    del facts
    load = _timed(lambda: load_duckdb(frames, law, provinces=provinces))
    con = load[2]
    duck: dict[int, tuple[float, float]] = {}
    for threads in (1, 2):
        con.execute(f"SET threads TO {threads}")
        query(con, law, CHECK_ON)  # warm
        wall, cpu, found = _best(lambda: query(con, law, CHECK_ON))
        duck[threads] = (wall, cpu)
        theirs = Counter(tuple(r) for r in found)
        if ours != theirs:
            print("only tinhgon:", list((ours - theirs).items())[:10], file=sys.stderr)
            print("only duckdb:", list((theirs - ours).items())[:10], file=sys.stderr)
        assert ours == theirs, "the columnar check and the DuckDB query disagree"
    check_wall, check_cpu = times["check"]
    return {
        "benchmark": "national dataset: the sở of every province, columnar check against DuckDB",
        "people": people,
        "seed": seed,
        "on": CHECK_ON.isoformat(),
        "provinces": len(provinces),
        "province_classes": dict(classes),
        "people_in_post_checked": people_before,
        "units_checked": units_before,
        "findings": sum(ours.values()),
        "findings_by_rule": dict(by_rule),
        "agree_finding_by_finding": True,
        **{k: {"wall": round(w, 3), "cpu": round(c, 3)} for k, (w, c) in times.items()},
        "duckdb_load": {"wall": round(load[0], 3), "cpu": round(load[1], 3)},
        **against_duckdb(duck, check_wall, check_cpu),
        "peak_mib": {"after_checks": round(rss_check), "end": round(_rss_mib()), "target": 2048},
    }


def main() -> int:
    args = [int(a) for a in sys.argv[1:] if a.isdigit()]
    people = args[0] if args else 200_000
    seed = args[1] if len(args) > 1 else 1
    if "--full" in sys.argv:  # the sở, the communes and the province-wide rules together
        from national_full import run_full

        print(json.dumps(run_full(people, seed), ensure_ascii=False, indent=2))
        return 0
    kind = sys.argv[sys.argv.index("--type") + 1] if "--type" in sys.argv else TYPE
    print(json.dumps(run(people, seed, kind), ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
