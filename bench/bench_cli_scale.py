"""Benchmark (issue 14): the command line on a province-sized project file, and its start-up.

Prints JSON. Each command runs as its own process (end to end, as a user runs it): wall
time, CPU time and peak resident memory of the child. The same commands run in the same run
against the code of the commit the work started from (``--baseline``, extracted with
``git archive`` into a temporary folder, run with the same interpreter), so that the figures
are side by side on the same machine under the same load.

    python bench/bench_cli_scale.py                    # 50,000 people, with the baseline
    python bench/bench_cli_scale.py --people 5000 --no-baseline
    python bench/bench_cli_scale.py --no-baseline --database   # also @CODE from SQLite

The current code keeps checked plain data in a cache (io/plaincache.py; here in a temporary
folder): each command runs first with an empty cache (``NAME``: a file read for the first
time), then again (``NAME_cached``: the same file read again). ``--database`` loads the file
into a fresh embedded SQLite database (``tinhgon load``) and times the read commands on
``@so`` (the agency read from its rows: ``db_NAME``).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from bigfile import project_text  # noqa: E402

BASELINE = "e9761f8"  # main when issue 14 started
AIM_SECONDS = 3.0
AIM_MIB = 600
STARTUP_AIM = 0.3


def run(args: list[str], src: Path, repeat: int = 1) -> dict[str, Any]:
    """The best of ``repeat`` runs of ``tinhgon ARGS`` with the package from ``src``."""
    env = dict(os.environ, PYTHONPATH=str(src))
    code = "import sys; from tinhgon.entry import main; sys.argv[0] = 'tinhgon'; main()"
    best: dict[str, Any] | None = None
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", code, *args],
            env=env,
            capture_output=True,
            check=False,
            cwd=tempfile.gettempdir(),
        )
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        figures = {
            "seconds": round(wall, 3),
            "cpu_seconds": round(
                after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, 3
            ),
            # ru_maxrss of the children is the largest child so far: meaningful for the
            # biggest command of a series, an upper bound for the others.
            "peak_mib_upper_bound": round(after.ru_maxrss / 1024, 1),
            "exit": done.returncode,
        }
        if done.returncode not in (0, 1):
            figures["stderr"] = done.stderr.decode("utf-8", "replace")[-500:]
        if best is None or figures["seconds"] < best["seconds"]:
            best = figures
    assert best is not None
    return best


def first_reading(args: list[str], src: Path, cache: Path, repeat: int) -> dict[str, Any]:
    """The quickest of ``repeat`` runs, each with an empty cache (a file read for the first
    time)."""
    best: dict[str, Any] | None = None
    for _ in range(repeat):
        shutil.rmtree(cache, ignore_errors=True)
        figures = run(args, src)
        if best is None or figures["seconds"] < best["seconds"]:
            best = figures
    assert best is not None
    return best


def peak_mib(args: list[str], src: Path) -> float:
    """Peak resident memory of one run, measured alone (GNU time when present)."""
    env = dict(os.environ, PYTHONPATH=str(src))
    code = "import sys; from tinhgon.entry import main; sys.argv[0] = 'tinhgon'; main()"
    with tempfile.NamedTemporaryFile("r") as out:
        done = subprocess.run(
            ["/usr/bin/time", "-f", "%M", "-o", out.name, sys.executable, "-c", code, *args],
            env=env,
            capture_output=True,
            check=False,
        )
        text = Path(out.name).read_text().strip().splitlines()
    if not text or done.returncode not in (0, 1):
        return -1.0
    return round(int(text[-1]) / 1024, 1)


def database(commands: dict[str, list[str]], big: Path, src: Path, data: Path) -> dict[str, Any]:
    """The read commands on ``@so`` after loading the file into a fresh SQLite database."""
    os.environ["TINHGON_DATA_DIR"] = str(data)
    try:
        out: dict[str, Any] = {"db_load": run(["load", str(big)], src)}
        for name, args in commands.items():
            at = [("@so" if a == str(big) else a) for a in args]
            out[f"db_{name}"] = run(at, src)
        return out
    finally:
        del os.environ["TINHGON_DATA_DIR"]


def baseline_source(commit: str, into: Path) -> Path | None:
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", commit, "src"], capture_output=True, check=False
    )
    if archive.returncode != 0:
        return None
    into.mkdir(parents=True, exist_ok=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into / "src"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=50_000)
    parser.add_argument("--baseline", default=BASELINE)
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--database", action="store_true")
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs of each command; the quickest is kept"
    )
    options = parser.parse_args()
    current = ROOT / "src"
    example = ROOT / "examples" / "kontum-ez-board.yaml"
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "cache"
        os.environ["TINHGON_CACHE_DIR"] = str(cache)
        big = Path(tmp) / "province.yaml"
        big.write_text(project_text(options.people), encoding="utf-8")
        commands = {
            "validate": ["validate", str(big)],
            "show": ["show", str(big), "--on", "2023-12-31", "--format", "json"],
            "check": ["check", str(big), "--on", "2023-12-31", "--format", "json"],
            "compare": ["compare", str(big), "--before", "2016-01-01", "--after", "2023-12-31"],
        }
        startup = {
            "help": ["--help"],
            "validate_example": ["validate", str(example)],
        }
        sides = {"current": current}
        if not options.no_baseline:
            old = baseline_source(options.baseline, Path(tmp) / "baseline")
            if old is not None:
                sides[f"baseline_{options.baseline}"] = old
        result: dict[str, Any] = {
            "benchmark": "cli_scale",
            "people": options.people,
            "lines": big.read_text("utf-8").count("\n"),
            "aims": {"seconds": AIM_SECONDS, "peak_mib": AIM_MIB, "startup_seconds": STARTUP_AIM},
            "repeat": options.repeat,
            "load_average_before": [round(x, 2) for x in os.getloadavg()],
        }
        for side, src in sides.items():
            figures: dict[str, Any] = {}
            for name, args in startup.items():
                figures[f"startup_{name}"] = run(args, src, repeat=5)
            for name, args in commands.items():
                figures[name] = first_reading(args, src, cache, options.repeat)
                if side == "current":
                    figures[f"{name}_cached"] = run(args, src, repeat=options.repeat)
                shutil.rmtree(cache, ignore_errors=True)
                figures[name]["peak_mib"] = peak_mib(args, src)
            if side == "current" and options.database:
                figures.update(database(commands, big, src, Path(tmp) / "data"))
            result[side] = figures
            print(json.dumps({side: figures}, ensure_ascii=False), file=sys.stderr, flush=True)
        result["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
        print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
