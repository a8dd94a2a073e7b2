"""Benchmark (issue 14, aim 5): the national dataset's state on one date built from the
application's database, after ``tinhgon load DIR`` has loaded it in bulk.

Prints JSON. Reads the database the command line reads (the embedded SQLite database of
TINHGON_DATA_DIR, or DATABASE_URL): every agency row (one a province for the national
dataset), one after another in one process, each the way ``tinhgon show @CODE`` reads it
(``web.reader.read_agency`` with the one date asked, the collector paused while the rows become
objects), then its state on the date (``project.timeline.state_on``) and, with ``--columns``,
the columnar state the legal check makes from it. One province in memory at a time. Wall and
CPU (user + system) time of each step summed over the provinces, the slowest province, the
process's peak; ``--profile`` adds where the CPU time goes (cProfile, the functions with the
most time of their own, and the reader's parts by cumulative time).

    TINHGON_DATA_DIR=/tmp/db python bench/bench_national_db.py [--on 2025-12-31] [--columns]
    DATABASE_URL=postgres://postgres@127.0.0.1:55464/tinhgon python bench/bench_national_db.py

Without a database named (neither variable set, as ``make bench`` runs it), or with
``--people N``: ``tinhgon example national --people N`` (default 100,000) is written and loaded
into a new SQLite database in a temporary folder first, each in a process of its own, and the
measurement runs on it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from national_timing import rss_mib, timed

AIM_SECONDS = 10.0


def _profile_rows(profile: Any, limit: int = 25) -> dict[str, Any]:
    import pstats

    stats = pstats.Stats(profile)
    rows = []
    for (file, line, name), (_, calls, own, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        rows.append((own, cumulative, calls, f"{Path(file).name}:{line}:{name}"))
    own = sorted(rows, reverse=True)[:limit]
    mine = [r for r in sorted(rows, key=lambda r: -r[1]) if r[3].split(":")[0].endswith(".py")]
    return {
        "own_time": [
            {"function": f, "own_s": round(o, 3), "cumulative_s": round(c, 3), "calls": n}
            for o, c, n, f in own
        ],
        "cumulative": [
            {"function": f, "cumulative_s": round(c, 3), "own_s": round(o, 3), "calls": n}
            for o, c, n, f in mine[:limit]
        ],
    }


def run(on: dt.date, columns: bool, profile: bool) -> dict[str, Any]:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tinhgon.web.settings_reader")
    import django

    django.setup()
    from django.db import connection

    from tinhgon.web import models, reader

    codes = list(models.Agency.objects.order_by("code").values_list("code", flat=True))
    steps = ["read", "state_on", *(["columns"] if columns else [])]
    times = {k: [0.0, 0.0] for k in steps}
    slowest: tuple[float, str] = (0.0, "")
    people = units = 0
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile(time.process_time)  # CPU, not wall: a shared machine
    for code in codes:
        agency = models.Agency.objects.get(code=code)
        if profiler is not None:
            profiler.enable()
        wall, cpu, project = timed(lambda a=agency: reader.read_agency(a, snapshots_for=(on,)))
        times["read"][0] += wall
        times["read"][1] += cpu
        total = cpu
        w2, c2, state = timed(lambda p=project: p.timeline.state_on(on))
        times["state_on"][0] += w2
        times["state_on"][1] += c2
        total += c2
        if columns:
            from tinhgon.law.columnar import ColumnarState

            w3, c3, _ = timed(lambda s=state: ColumnarState.from_state(s))
            times["columns"][0] += w3
            times["columns"][1] += c3
            total += c3
        if profiler is not None:
            profiler.disable()
        people += len(state.assignments)
        units += len(state.units)
        slowest = max(slowest, (total, code))
        del project, state
        gc.collect()
    wall_total = sum(w for w, _ in times.values())
    cpu_total = sum(c for _, c in times.values())
    out: dict[str, Any] = {
        "benchmark": "national dataset: the state on one date built from the database",
        "database": connection.vendor,
        "on": on.isoformat(),
        "agencies": len(codes),
        "people_in_post": people,
        "units": units,
        **{k: {"wall": round(w, 3), "cpu": round(c, 3)} for k, (w, c) in times.items()},
        "total": {"wall": round(wall_total, 3), "cpu": round(cpu_total, 3)},
        "aim_seconds": AIM_SECONDS,
        "slowest_agency": {"code": slowest[1], "cpu": round(slowest[0], 3)},
        "peak_mib": round(rss_mib()),
        "load_average": os.getloadavg(),
    }
    if profiler is not None:
        out["profile"] = _profile_rows(profiler)
    return out


def _own_database(people: int, argv: list[str]) -> int:
    """The national dataset of ``people`` written and loaded into a new SQLite database, then
    this bench on it in a child process (its JSON printed, with the load's time)."""
    tinhgon = [sys.executable, "-c", "import sys; from tinhgon.entry import main; main()"]
    with tempfile.TemporaryDirectory(prefix="tinhgon-national-db-") as folder:
        env = dict(os.environ, TINHGON_DATA_DIR=str(Path(folder) / "data"))
        env.pop("DATABASE_URL", None)
        dataset = str(Path(folder) / "national")
        args = ["-q", "example", "national", "--people", str(people), "--output", dataset]
        subprocess.run([*tinhgon, *args], env=env, check=True, stdout=subprocess.DEVNULL)
        quiet = {"env": env, "check": True, "stdout": subprocess.DEVNULL}
        load = timed(lambda: subprocess.run([*tinhgon, "-q", "load", dataset], **quiet))
        done = subprocess.run(
            [sys.executable, __file__, *argv], env=env, check=True, capture_output=True, text=True
        )
    out = json.loads(done.stdout)
    out["people"] = people
    out["load_wall"] = round(load[0], 3)
    print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--on", default="2025-12-31")
    parser.add_argument("--columns", action="store_true")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--people", type=int, default=None)
    args = parser.parse_args()
    named = os.environ.get("TINHGON_DATA_DIR") or os.environ.get("DATABASE_URL")
    if args.people is not None or not named:
        rest = [a for a in sys.argv[1:] if a != "--people" and a != str(args.people)]
        return _own_database(args.people or 100_000, rest)
    on = dt.date.fromisoformat(args.on)
    print(json.dumps(run(on, args.columns, args.profile), ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
