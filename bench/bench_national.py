"""Benchmark (issue 14, aims 5 and 6): the national dataset — generating it and loading it.

Prints JSON. Every step runs as its own process (as a user runs it), measured with
``os.wait4``: wall time, CPU time (user + system) and peak resident memory of that process.

- generation (``tinhgon example national --output DIR``) for each ``--people`` size;
- the bulk load (``tinhgon load DIR``) into a new SQLite database, and into a new PostgreSQL
  database when ``--postgres postgres://user@host:port`` is given (or ``DATABASE_URL``'s
  server), for each ``--load-people`` size;
- the same folder loaded through the ordinary import path (``bulk_create``, the rows written
  as ``tinhgon load FILE`` writes them) in the same run, for the smallest load size.

    python bench/bench_national.py                                   # 100,000 and 2,000,000
    python bench/bench_national.py --people 100000 --load-people 100000 \\
        --postgres postgres://postgres@127.0.0.1:55443
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

GIB = 1024**3


def measure(args: list[str], env: dict[str, str] | None = None) -> dict[str, Any]:
    start = time.perf_counter()
    child = subprocess.Popen(
        args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    out = child.stdout.read() if child.stdout else ""
    err = child.stderr.read() if child.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"{' '.join(args)} failed ({code}):\n{out}\n{err}")
    return {
        "seconds": round(wall, 2),
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2),
        "peak_mib": round(usage.ru_maxrss / 1024, 1),  # KiB on Linux
    }


def tinhgon(*args: str) -> list[str]:
    return [sys.executable, "-m", "tinhgon", "--quiet", *args]


def generate(people: int, folder: Path) -> dict[str, Any]:
    figures = measure(tinhgon("example", "national", "--people", str(people), "--seed", "1",
                              "--output", str(folder)))  # fmt: skip
    manifest = json.loads((folder / "national.json").read_text(encoding="utf-8"))
    size = sum(p.stat().st_size for p in folder.iterdir())
    return {
        "people": people,
        **figures,
        "peak_under_2_gib": figures["peak_mib"] * 1024**2 < 2 * GIB,
        "counts": manifest["counts"],
        "megabytes": round(size / 1e6, 1),
    }


ORDINARY = """
import sys
from pathlib import Path
from tinhgon.web.commands import setup_django
setup_django()
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
from tinhgon.web.bulk_load import load_national
report = load_national(Path(sys.argv[1]), bulk=False)
assert not report.failed, [p.error for p in report.failed]
"""


def _sql(base: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(sql)


def load(folder: Path, postgres: str | None, bulk: bool = True) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL",)}
    data = Path(tempfile.mkdtemp(prefix="tinhgon-bench-load-"))
    env["TINHGON_DATA_DIR"] = str(data)
    name = None
    if postgres:
        name = f"tinhgon_bench_{uuid.uuid4().hex[:8]}"
        _sql(postgres, f'CREATE DATABASE "{name}"')
        env["DATABASE_URL"] = f"{postgres}/{name}"
    try:
        args = (
            tinhgon("load", str(folder)) if bulk else [sys.executable, "-c", ORDINARY, str(folder)]
        )
        return {"bulk": bulk, **measure(args, env)}
    finally:
        shutil.rmtree(data, ignore_errors=True)
        if postgres and name:
            _sql(postgres, f'DROP DATABASE IF EXISTS "{name}"')


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, nargs="+", default=[100_000, 2_000_000])
    parser.add_argument("--load-people", type=int, nargs="*", default=[100_000])
    url = os.environ.get("DATABASE_URL", "")
    parser.add_argument(
        "--postgres", default=url.rsplit("/", 1)[0] if url.startswith("postgres") else None
    )
    parser.add_argument("--no-ordinary", action="store_true", help="skip the bulk_create load")
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="tinhgon-bench-national-"))
    results: dict[str, Any] = {"generate": [], "load": []}
    try:
        for people in sorted(set(options.people) | set(options.load_people)):
            folder = work / f"n{people}"
            figures = generate(people, folder)
            if people in options.people:
                results["generate"].append(figures)
            if people in options.load_people:
                smallest = people == min(options.load_people)
                for db in ["sqlite"] + (["postgresql"] if options.postgres else []):
                    pg = options.postgres if db == "postgresql" else None
                    runs = [load(folder, pg)]
                    if smallest and not options.no_ordinary:
                        runs.append(load(folder, pg, bulk=False))
                    for run in runs:
                        results["load"].append({"people": people, "database": db, **run})
                        print(json.dumps(results["load"][-1]), file=sys.stderr, flush=True)
            shutil.rmtree(folder, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(results, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
