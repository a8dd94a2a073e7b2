"""A province in one history, and the 2025 reorganisation of the country.

1. vn2025: ``tinhgon example vn2025``, then the replay of the plan and its compare, in this
   process (load of the file, the two states, the compare result) and end to end (the
   ``tinhgon compare … --plan vn2025 --format json`` command as a user runs it).
2. A province of 150 agencies (20 sở, 130 commune People's Committees) and 30,000 people:
   ``tinhgon serve`` on a fresh database, the province page and an agency page inside it
   (median and p95 over many requests), and the first page after a write (a write changes the
   history's stamp; the next page rebuilds the project and what it shows).

Prints JSON. SQLite always; PostgreSQL too when TINHGON_BENCH_PG is a server URL. With
TINHGON_BENCH_BEFORE set to a copy of another tree (``git archive main | tar -x -C DIR``), the
province is measured with that tree's code too, in the same run (``before``), then this one's
(``after``). Each first page after a write gives the server's CPU time beside the wall time.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

import bench_web  # noqa: E402

AGENCIES_SO, AGENCIES_COMMUNE, PEOPLE = 20, 130, 30_000
REQUESTS = 40


def _cpu_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def bench_vn2025() -> dict[str, object]:
    """Wall time, and CPU time (what the same work costs on an idle machine, near enough)."""
    import tinhgon.cli.main  # noqa: F401  (the commands register in order)
    from tinhgon.cli.structure import comparison
    from tinhgon.io import load_project

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "vn2025.yaml"
        t0, c0 = time.perf_counter(), _cpu_children()
        subprocess.run(
            [sys.executable, "-m", "tinhgon", "example", "vn2025", "--output", str(path)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        t1, c1 = time.perf_counter(), _cpu_children()
        p1 = time.process_time()
        project = load_project(path)
        t2, p2 = time.perf_counter(), time.process_time()
        before = project.state_on(dt.date(2025, 6, 30))
        after = project.state_on(dt.date(2025, 7, 1), plan="vn2025")
        t3, p3 = time.perf_counter(), time.process_time()
        result = comparison(project, before, after, "vn2025")
        t4, p4 = time.perf_counter(), time.process_time()
        command = [
            sys.executable, "-m", "tinhgon", "compare", str(path), "--before", "2025-06-30",
            "--after", "2025-07-01", "--plan", "vn2025", "--format", "json",
        ]  # fmt: skip
        t5, c5 = time.perf_counter(), _cpu_children()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        t6, c6 = time.perf_counter(), _cpu_children()
    kinds = result["after"]["metrics"]["units_by_kind"]
    return {
        "load_average_1min": round(os.getloadavg()[0], 1),
        "wall_s": {
            "example_write": round(t1 - t0, 2),
            "load_file": round(t2 - t1, 2),
            "replay_two_states": round(t3 - t2, 2),
            "compare": round(t4 - t3, 2),
            "replay_and_compare": round(t4 - t2, 2),
            "command_end_to_end": round(t6 - t5, 2),
        },
        "cpu_s": {
            "example_write": round(c1 - c0, 2),
            "load_file": round(p2 - p1, 2),
            "replay_two_states": round(p3 - p2, 2),
            "compare": round(p4 - p3, 2),
            "replay_and_compare": round(p4 - p2, 2),
            "command_end_to_end": round(c6 - c5, 2),
        },
        "after_units_by_kind": kinds,
    }


def make_province_file(path: Path) -> None:
    rnd = random.Random(150)
    lines = [
        "tinhgon: 1",
        "agency: {id: bench, name: Ủy ban nhân dân tỉnh Thử nghiệm, kind: province, agency_type: province_committee, province_class: II}",
        "baseline: {on: 2020-01-01, basis: 01/BC-UBND}",
        "documents:",
        "  - {symbol: 01/BC-UBND, issued_on: 2019-12-30, issuer: UBND tỉnh, title: Báo cáo}",
        "  - {symbol: 02/QĐ-UBND, issued_on: 2020-01-05, issuer: UBND tỉnh, title: Quyết định}",
        "units:",
    ]
    agencies = [f"so{i:02d}" for i in range(AGENCIES_SO)] + [
        f"xa{i:03d}" for i in range(AGENCIES_COMMUNE)
    ]
    units: dict[str, list[str]] = {}
    for a in agencies:
        if a.startswith("so"):
            lines.append(
                f"  - {{id: {a}, name: Sở {a.upper()}, kind: provincial_department, agency_type: provincial_department}}"
            )
            units[a] = [a] + [f"{a}-p{j}" for j in range(6)]
        else:
            lines.append(
                f"  - {{id: {a}, name: Xã {a.upper()}, kind: commune, agency_type: commune_committee}}"
            )
            units[a] = [a]
        for uid in units[a][1:]:
            lines.append(
                f"  - {{id: {uid}, name: Phòng {uid.upper()}, kind: department, parent: {a}}}"
            )
    lines.append("people:")
    # 30,000 people: the sở hold most of them (1,000 each), each commune about 77.
    weights = [1000 if a.startswith("so") else 0 for a in agencies]
    rest = PEOPLE - sum(weights)
    for i, a in enumerate(agencies):
        if not a.startswith("so"):
            weights[i] = rest // AGENCIES_COMMUNE + (
                1 if i - AGENCIES_SO < rest % AGENCIES_COMMUNE else 0
            )
    n = 0
    heads: set[str] = set()
    for a, count in zip(agencies, weights, strict=True):
        for k in range(count):
            uid = units[a][k % len(units[a])]
            role = "head" if uid not in heads else ("deputy" if k % 25 == 0 else "staff")
            heads.add(uid)
            born = f"{rnd.randint(1965, 2000)}-{rnd.randint(1, 12):02d}"
            category = "cadre" if a.startswith("xa") and k < 10 else "civil_servant"
            lines.append(
                f"  - {{id: n{n:05d}, name: Nguyễn Văn Người{n}, born: {born}, sex: {rnd.choice(('male', 'female'))}, category: {category}, unit: {uid}, role: {role}}}"
            )
            n += 1
    lines.append("quotas:")
    for a, count in zip(agencies, weights, strict=True):
        lines.append(f"  - {{unit: {a}, category: civil_servant, year: 2024, value: {count}}}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@contextmanager
def _code_of(source: str | None) -> Iterator[None]:
    """Subprocesses started meanwhile run the code of ``source`` (a tree's folder), if given."""
    old = os.environ.get("PYTHONPATH")
    if source:
        os.environ["PYTHONPATH"] = str(Path(source) / "src")
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = old


def _cpu_ms(pid: int) -> float:
    """CPU time (user + system) a process has used so far, in milliseconds."""
    return 1000 * bench_web.server_cpu(pid)


def measure_province(
    label: str, database_url: str | None, source: str | None = None
) -> dict[str, object]:
    with _code_of(source):
        return _measure_province(label, database_url)


def _timed(opener: object, url: str, pid: int) -> dict[str, float]:
    """A page's wall time and the server's CPU time for it."""
    cpu = _cpu_ms(pid)
    wall = bench_web.opener_time(opener, url)
    return {"wall_ms": round(wall, 1), "server_cpu_ms": round(_cpu_ms(pid) - cpu, 1)}


def _measure_province(label: str, database_url: str | None) -> dict[str, object]:
    import http.cookiejar
    import re
    import urllib.parse
    import urllib.request

    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        project_file = data_dir / "bench.yaml"
        make_province_file(project_file)
        t0 = time.perf_counter()
        env = bench_web.prepare(data_dir, project_file, database_url)
        loaded = time.perf_counter() - t0
        with bench_web.serving(env) as (server, base):
            jar = http.cookiejar.CookieJar()
            opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
            login = opener.open(base + "/dang-nhap/").read().decode()
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login).group(1)  # type: ignore[union-attr]
            form = urllib.parse.urlencode(
                {
                    "username": "bench",
                    "password": "bench-password-2026",
                    "csrfmiddlewaretoken": token,
                }
            ).encode()
            opener.open(
                urllib.request.Request(
                    base + "/dang-nhap/", data=form, headers={"Referer": base + "/dang-nhap/"}
                )
            )
            province = base + "/co-quan/bench/cac-co-quan/?on=31/12/2024"
            agency = base + "/co-quan/bench/?on=31/12/2024&agency=so07"
            results: dict[str, object] = {}
            first = bench_web.opener_time(opener, province)
            results["province_page"] = {
                "first_ms": round(first, 1),
                **bench_web.summary(
                    [bench_web.opener_time(opener, province) for _ in range(REQUESTS)]
                ),
            }
            first = bench_web.opener_time(opener, agency)
            results["agency_page"] = {
                "first_ms": round(first, 1),
                **bench_web.summary(
                    [bench_web.opener_time(opener, agency) for _ in range(REQUESTS)]
                ),
            }
            after_write = []
            for _ in range(3):
                _write(env)
                after_write.append(_timed(opener, province, server.pid))
            results["province_page_first_after_a_write"] = after_write
            # A write through the application (a decision recorded, with its audit entry):
            # the server brings its cached project up to date instead of reading it whole.
            # The last one is a transfer between two agencies (so00 → so01).
            after_record = []
            for target in ("so00-p1", "so00-p2", "so00-p3", "so01-p3"):
                _record(env, target)
                after_record.append(_timed(opener, province, server.pid))
            results["province_page_first_after_a_recorded_change"] = after_record
            walls = [t["wall_ms"] for t in after_record]
            results["province_page_first_after_a_recorded_change_max_ms"] = max(walls)
            return {
                "database": label,
                "load_average_1min": round(os.getloadavg()[0], 1),
                "agencies": AGENCIES_SO + AGENCIES_COMMUNE,
                "people": PEOPLE,
                "import_s": round(loaded, 1),
                "requests_per_page": REQUESTS,
                "pages": results,
            }


def _write(env: dict[str, str]) -> None:
    """What every write does to the history's row: a new stamp (the server rebuilds)."""
    script = f"""
import django; django.setup()
from tinhgon.web import models
models.Agency.objects.filter(code="bench").update(stamp={str(uuid.uuid4())!r})
"""
    subprocess.run([sys.executable, "-c", script], env=env, check=True)


def _record(env: dict[str, str], target: str) -> None:
    """A decision recorded as the web application records it (``services.change_record``):
    a staff member of so00-p0 (n00008) transferred, dated 01/06/2024 (back-dated: the page
    is on 31/12/2024)."""
    plain = {
        "kind": "transfer",
        "on": "2024-06-01",
        "basis": "02/QĐ-UBND",
        "person": "n00008",
        "unit": target,
    }
    script = f"""
import django; django.setup()
from tinhgon.web import models, services
agency = models.Agency.objects.get(code="bench")
services.change_record(agency=agency, plain={plain!r}, user=None)
"""
    subprocess.run([sys.executable, "-c", script], env=env, check=True)


def _province_on(database: str, pg: str | None, source: str | None) -> dict[str, object]:
    if database == "sqlite":
        return measure_province("sqlite", None, source)
    import psycopg

    assert pg
    name = f"tinhgon_bench_{os.getpid()}"
    with psycopg.connect(f"{pg}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        return measure_province("postgresql", f"{pg}/{name}", source)
    finally:
        with psycopg.connect(f"{pg}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> None:
    if os.environ.get("TINHGON_BENCH_SKIP_VN2025"):
        vn2025: dict[str, object] = {"skipped": "TINHGON_BENCH_SKIP_VN2025 is set"}
    else:
        vn2025 = bench_vn2025()
    print(json.dumps({"vn2025": vn2025}, ensure_ascii=False), file=sys.stderr, flush=True)
    before = os.environ.get("TINHGON_BENCH_BEFORE")
    runs: list[dict[str, object]] = []
    pg = os.environ.get("TINHGON_BENCH_PG")
    for database in ("sqlite", "postgresql"):
        if database == "postgresql" and not pg:
            runs.append({"database": database, "skipped": "set TINHGON_BENCH_PG to measure"})
            continue
        run: dict[str, object] = {"database": database}
        for side, source in (("before", before), ("after", None)):
            if side == "before" and not before:
                continue
            run[side] = _province_on(database, pg, source)
            if before:
                run[side]["code"] = str(source or HERE.parent)  # type: ignore[index]
        runs.append(run)
        print(json.dumps({"province": run}, ensure_ascii=False), file=sys.stderr, flush=True)
    print(
        json.dumps(
            {"benchmark": "province and vn2025", "vn2025": vn2025, "province": runs},
            indent=2,
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
