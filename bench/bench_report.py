"""Benchmark: the Kon Tum report (01/01/2018 → 31/12/2019) in Word, PDF and Excel.

Prints JSON. Each format runs in a fresh Python process, so that the first ("cold") run pays
what a command-line user pays once: imports, fonts, matplotlib's caches. Then the best of
three further ("warm") runs, as a long-running web process sees it; then one run under
tracemalloc for the peak of Python-level allocations, and the process's peak resident size.
"Build" is ``build_report`` (states, metrics, diff, legal check); "write" is the writer,
figures included (Word and PDF draw the two PNG figures; the Excel annex draws none).

    python bench/bench_report.py
"""

from __future__ import annotations

import datetime as dt
import io
import json
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "examples" / "kontum-ez-board.yaml"
FORMATS = ("docx", "pdf", "xlsx")
BEFORE, AFTER = dt.date(2018, 1, 1), dt.date(2019, 12, 31)


def one(fmt: str) -> dict[str, Any]:
    started = time.perf_counter()
    from tinhgon.io import load_project
    from tinhgon.reports import ReportFormat, ReportOptions, build_report, write_report

    imported = time.perf_counter() - started
    project = load_project(EXAMPLE)
    options = ReportOptions(number="125/BC-BQLKKT")

    def run() -> tuple[float, float, int]:
        t0 = time.perf_counter()
        data = build_report(project, before=BEFORE, after=AFTER, options=options)
        t1 = time.perf_counter()
        stream = io.BytesIO()
        write_report(data, stream, ReportFormat(fmt))
        t2 = time.perf_counter()
        return t1 - t0, t2 - t1, len(stream.getvalue())

    cold_build, cold_write, size = run()
    warm = [run() for _ in range(3)]
    best = min(warm, key=lambda r: r[0] + r[1])
    tracemalloc.start()
    run()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "format": fmt,
        "bytes": size,
        "imports_seconds": round(imported, 3),
        "cold_seconds": {"build": round(cold_build, 3), "write": round(cold_write, 3)},
        "warm_seconds": {
            "build": round(best[0], 3),
            "write": round(best[1], 3),
            "total": round(best[0] + best[1], 3),
        },
        "peak_python_mib": round(peak / 2**20, 1),
        "peak_rss_mib": round(rss_kib / 1024, 1),
    }


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        print(json.dumps(one(sys.argv[2])))
        return
    runs = []
    for fmt in FORMATS:
        done = subprocess.run(
            [sys.executable, __file__, "--one", fmt], check=True, capture_output=True, text=True
        )
        runs.append(json.loads(done.stdout))
    print(
        json.dumps(
            {
                "benchmark": "Kon Tum report, 01/01/2018 → 31/12/2019",
                "python": sys.version.split()[0],
                "runs": runs,
            },
            ensure_ascii=False,
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
