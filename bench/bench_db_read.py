"""Benchmark (issue 14, aim 3): a 50,000-person agency read from the application's database.

Prints JSON. The province-sized file of bench/bigfile.py is loaded with ``tinhgon load`` into a
fresh embedded SQLite database, then — when TINHGON_BENCH_PG names a server — into a new
PostgreSQL database (``bench_web.on_both_databases``). On each:

- ``in_process``: ``web.reader.read_agency`` of the agency, then its state on one date, in a
  process of its own, best of ``--repeat`` (CPU = user+system, and wall); with the collector
  as the command line runs it (``cli``: off while reading, as ``tinhgon`` does) and on
  throughout (``collector_on``: a library call in a long-lived process, the collections the
  reading causes counted, ``gc.collect()`` after it included);
- ``commands``: ``tinhgon validate|show|check|compare @so`` end to end, each its own process,
  best of ``--repeat``.

Both for the code of this tree and, in the same run, the commit the work started from
(``--baseline``, extracted with ``git archive``), so that the figures share the machine's load;
the load average is written beside them.

    python bench/bench_db_read.py                    # 50,000 people, SQLite (+ PostgreSQL)
    python bench/bench_db_read.py --people 5000 --repeat 1 --no-baseline
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from bench_cli_scale import baseline_source  # noqa: E402
from bench_web import on_both_databases  # noqa: E402
from bigfile import project_text  # noqa: E402

BASELINE = "ea7fa09"  # main when this part of aim 3 started
AIM_SECONDS = 1.0
ON = "2023-12-31"

# The in-process reading, run in a child with the package of one side on its path.
READ = """
import datetime, gc, json, os, sys, time
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tinhgon.web.settings")
import django
django.setup()
from tinhgon.web import reader
on = datetime.date.fromisoformat(sys.argv[1])
agency = reader.agency_of("so")
out = {}
for mode in ("cli", "collector_on"):
    best = None
    for _ in range(int(sys.argv[2])):
        gc.collect()
        if mode == "cli":
            gc.disable()
        cpu, wall = time.process_time(), time.perf_counter()
        project = reader.read_agency(agency, snapshots_for=(on,))
        state = project.timeline.state_on(on)
        if mode == "collector_on":
            gc.collect()
        figures = {"cpu_seconds": round(time.process_time() - cpu, 3),
                   "seconds": round(time.perf_counter() - wall, 3),
                   "people": len(project.people), "changes": len(project.timeline)}
        gc.enable()
        del project, state
        if best is None or figures["cpu_seconds"] < best["cpu_seconds"]:
            best = figures
    out[mode] = best
print(json.dumps(out))
"""


def _env(src: Path, data: Path, url: str | None) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(src), TINHGON_DATA_DIR=str(data))
    env.pop("DATABASE_URL", None)
    if url:
        env["DATABASE_URL"] = url
    return env


def _child(
    args: list[str], env: dict[str, str]
) -> tuple[subprocess.CompletedProcess[bytes], float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        args, env=env, capture_output=True, check=False, cwd=tempfile.gettempdir()
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return done, wall, cpu


def _command(args: list[str], env: dict[str, str], repeat: int) -> dict[str, Any]:
    code = "import sys; from tinhgon.entry import main; sys.argv[0] = 'tinhgon'; main()"
    best: dict[str, Any] | None = None
    for _ in range(repeat):
        done, wall, cpu = _child([sys.executable, "-c", code, *args], env)
        figures: dict[str, Any] = {
            "cpu_seconds": round(cpu, 3),
            "seconds": round(wall, 3),
            "exit": done.returncode,
        }
        if done.returncode not in (0, 1):
            figures["stderr"] = done.stderr.decode("utf-8", "replace")[-500:]
        if best is None or figures["cpu_seconds"] < best["cpu_seconds"]:
            best = figures
    assert best is not None
    return best


def _in_process(env: dict[str, str], repeat: int) -> dict[str, Any]:
    done, _, _ = _child([sys.executable, "-c", READ, ON, str(repeat)], env)
    if done.returncode != 0:
        return {"error": done.stderr.decode("utf-8", "replace")[-800:]}
    return json.loads(done.stdout)  # type: ignore[no-any-return]


COMMANDS = {
    "validate": ["validate", "@so"],
    "show": ["show", "@so", "--on", ON, "--format", "json"],
    "check": ["check", "@so", "--on", ON, "--format", "json"],
    "compare": ["compare", "@so", "--before", "2016-01-01", "--after", ON],
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--baseline", default=BASELINE)
    parser.add_argument("--no-baseline", action="store_true")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "province.yaml"
        big.write_text(project_text(options.people), encoding="utf-8")
        sides = {"current": ROOT / "src"}
        if not options.no_baseline:
            old = baseline_source(options.baseline, Path(tmp) / "baseline")
            if old is not None:
                sides[f"baseline_{options.baseline}"] = old

        def measure(database: str, url: str | None) -> dict[str, Any]:
            data = Path(tmp) / f"data-{database}"
            load_env = _env(sides["current"], data, url)
            loaded = _command(["load", str(big)], load_env, 1)
            run: dict[str, Any] = {"database": database, "load": loaded}
            # Interleaved: each figure of one side beside the same figure of the other.
            for name in sides:
                run[name] = {"load_average_before": [round(x, 2) for x in os.getloadavg()]}
            for name, src in sides.items():
                run[name]["in_process"] = _in_process(_env(src, data, url), options.repeat)
            for command, args in COMMANDS.items():
                for name, src in sides.items():
                    run[name][command] = _command(args, _env(src, data, url), options.repeat)
            for name in sides:
                run[name]["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
            print(json.dumps(run, ensure_ascii=False), file=sys.stderr, flush=True)
            return run

        result = {
            "benchmark": "db_read",
            "people": options.people,
            "on": ON,
            "aim_seconds": AIM_SECONDS,
            "cpu_count": os.cpu_count(),
            "runs": on_both_databases(measure, prefix="tinhgon_bench_db_read_"),
        }
        print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
