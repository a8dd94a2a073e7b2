"""Page times of the web application for an agency of 2,000 people.

Starts ``tinhgon serve`` on a fresh database holding a made-up agency (2,000 people in 40
departments and 4 public service units, about 6,000 changes over ten years), logs in over HTTP
from this process, and times many requests of the dashboard, the org chart and the staff list.
Prints JSON: median and 95th percentile in milliseconds.

SQLite always; PostgreSQL too when TINHGON_BENCH_PG is a server URL such as
postgres://postgres@127.0.0.1:5432 (a database is created there and dropped afterwards).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import http.cookiejar
import json
import math
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

# TINHGON_BENCH_PEOPLE=50000 measures a province-sized agency instead (bench/bigfile.py).
PEOPLE = int(os.environ.get("TINHGON_BENCH_PEOPLE", "2000"))
REQUESTS = int(os.environ.get("TINHGON_BENCH_REQUESTS", "60"))
PAGES = {
    "dashboard": "/co-quan/bench/?on=31/12/2024",
    "org_chart": "/co-quan/bench/so-do/?on=31/12/2024",
    "box_chart": "/co-quan/bench/so-do-khoi/?on=31/12/2024",
    "staff_list": "/co-quan/bench/nhan-su/?on=31/12/2024",
    "staff_search": "/co-quan/bench/nhan-su/?on=31/12/2024&q=nguyen+van",
    "person": f"/co-quan/bench/nhan-su/{'p0007' if PEOPLE == 2000 else 'p7'}/?on=31/12/2024",
    "history": "/co-quan/bench/lich-su/?den=31/12/2024",
    "plans": "/co-quan/bench/de-an/",
}
# Recorded through the history page's form, then the first pages after it are timed.
WRITES = int(os.environ.get("TINHGON_BENCH_WRITES", "5"))


def make_project_file(path: Path) -> None:
    """A project file of a provincial department with 2,000 people and ten years of history."""
    if PEOPLE != 2000:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from bigfile import project_text

        text = project_text(PEOPLE).replace("  id: so\n", "  id: bench\n")
        path.write_text(text.replace("- unit: so\n", "- unit: bench\n"), encoding="utf-8")
        return
    rnd = random.Random(2000)
    families = [
        "Nguyễn",
        "Trần",
        "Lê",
        "Phạm",
        "Hoàng",
        "Phan",
        "Vũ",
        "Đặng",
        "Bùi",
        "Đỗ",
        "Hồ",
        "Ngô",
    ]
    middles = ["Văn", "Thị", "Minh", "Thanh", "Quốc", "Thu", "Đức", "Ngọc"]
    givens = [
        "An",
        "Bình",
        "Cường",
        "Dũng",
        "Hà",
        "Hải",
        "Hùng",
        "Lan",
        "Long",
        "Mai",
        "Nam",
        "Ngân",
        "Phúc",
        "Quân",
        "Sơn",
        "Tâm",
        "Thảo",
        "Trang",
        "Tuấn",
        "Việt",
    ]
    lines = [
        "tinhgon: 1",
        "agency: {id: bench, name: Sở Thử nghiệm, kind: provincial_department, agency_type: provincial_department, province_class: II}",
        "baseline: {on: 2015-01-01, basis: 01/BC-STN}",
        "documents:",
        "  - {symbol: 01/BC-STN, issued_on: 2014-12-30, issuer: Sở Thử nghiệm, title: Báo cáo}",
        "  - {symbol: 02/QĐ-STN, issued_on: 2015-01-05, issuer: Sở Thử nghiệm, title: Quyết định}",
        "units:",
    ]
    units = [f"d{i:02d}" for i in range(40)]
    for uid in units:
        lines.append(f"  - {{id: {uid}, name: Phòng {uid.upper()}, kind: department}}")
    psus = [f"t{i}" for i in range(4)]
    for uid in psus:
        lines.append(f"  - {{id: {uid}, name: Trung tâm {uid.upper()}, kind: public_service_unit}}")
    lines.append("people:")
    where: dict[str, str] = {}
    heads: set[str] = set()
    for i in range(PEOPLE):
        pid = f"p{i:04d}"
        uid = (units + psus)[i % 44]
        category = "public_employee" if uid in psus else "civil_servant"
        role = "head" if uid not in heads else ("deputy" if i % 9 == 0 else "staff")
        heads.add(uid)
        name = f"{rnd.choice(families)} {rnd.choice(middles)} {rnd.choice(givens)}"
        born = f"{rnd.randint(1966, 1999)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        sex = "female" if "Thị" in name else "male"
        lines.append(
            f"  - {{id: {pid}, name: {name}, born: {born}, sex: {sex}, category: {category}, unit: {uid}, role: {role}}}"
        )
        where[pid] = uid
    lines.append("quotas:")
    for year in range(2015, 2025):
        on = "2015-01-01" if year == 2015 else f"{year - 1}-12-20"
        for uid in psus:
            lines.append(
                f"  - {{unit: {uid}, category: public_employee, year: {year}, value: 50, on: {on}, basis: 02/QĐ-STN}}"
            )
        lines.append(
            f"  - {{unit: bench, category: civil_servant, year: {year}, value: 1900, on: {on}, basis: 02/QĐ-STN}}"
        )
    lines.append("changes:")
    day = dt.date(2015, 2, 1)
    staff = [p for p, u in where.items() if u in units]
    for _ in range(5500):
        day += dt.timedelta(days=rnd.choice((0, 0, 1, 1, 2)))
        pid = rnd.choice(staff)
        target = rnd.choice(units)
        if target == where[pid]:
            continue
        lines.append(
            f"  - {{kind: transfer, on: {day.isoformat()}, basis: 02/QĐ-STN, person: {pid}, unit: {target}}}"
        )
        where[pid] = target
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def server_cpu(pid: int) -> float:
    """User + system CPU seconds of a process so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def server_rss_mib(pid: int) -> dict[str, int]:
    """Resident memory of a process now and at its peak, MiB (Linux)."""
    status = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
    )
    return {
        key: int(status[field].split()[0]) // 1024
        for key, field in (("now", "VmRSS"), ("peak", "VmHWM"))
    }


def after_writes(opener: urllib.request.OpenerDirector, base: str, pid: int) -> dict[str, object]:
    """Record ``WRITES`` renamings of a unit through the web form (each dated after the last
    change), timing the write and the first history page and dashboard after each."""
    big = PEOPLE != 2000
    unit, basis = ("d1", "02/QĐ-SNV|2015-01-05") if big else ("d00", "02/QĐ-STN|2015-01-05")
    times: dict[str, list[float]] = {"write": [], "history_after": [], "dashboard_after": []}
    cpu = server_cpu(pid)
    for n in range(WRITES):
        page = opener.open(base + "/co-quan/bench/lich-su/").read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
        form = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token,
                "kind": "rename",
                "on": f"{2 + n:02d}/01/2025",
                "basis": basis,
                "unit": unit,
                "name": f"Phòng đổi tên lần {n + 1}",
            }
        ).encode()
        url = base + "/co-quan/bench/lich-su/ghi-nhan/"
        request = urllib.request.Request(url, data=form, headers={"Referer": url})
        t0 = time.perf_counter()
        with _no_redirect.open(request, opener) as response:
            status = response.status
        times["write"].append((time.perf_counter() - t0) * 1000)
        if status != 302:
            raise RuntimeError(f"the write was refused (HTTP {status})")
        times["history_after"].append(opener_time(opener, base + "/co-quan/bench/lich-su/"))
        times["dashboard_after"].append(opener_time(opener, base + PAGES["dashboard"]))
    return {
        **{name: summary(values) for name, values in times.items()},
        "server_cpu_ms_per_write_and_two_pages": round(1000 * (server_cpu(pid) - cpu) / WRITES, 1),
    }


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None

    def open(
        self, request: urllib.request.Request, opener: urllib.request.OpenerDirector
    ) -> object:
        cookies = next(
            h for h in opener.handlers if isinstance(h, urllib.request.HTTPCookieProcessor)
        )
        quiet = urllib.request.build_opener(cookies, _NoRedirect())
        try:
            return quiet.open(request)
        except urllib.error.HTTPError as error:  # the 302 itself, not followed
            return error


_no_redirect = _NoRedirect()


def opener_time(opener: urllib.request.OpenerDirector, url: str) -> float:
    t0 = time.perf_counter()
    opener.open(url).read()
    return (time.perf_counter() - t0) * 1000


def summary(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    return {
        "median_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(ordered[max(0, math.ceil(len(ordered) * 0.95) - 1)], 1),  # nearest rank
        "max_ms": round(ordered[-1], 1),
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def serving(
    env: dict[str, str], *, stderr: IO[str] | int = subprocess.DEVNULL, wait_s: float = 60
) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """``tinhgon serve`` on a free port with ``env``, once its port answers: the process and
    its base URL; stopped when the block ends. A server that exits or does not answer within
    ``wait_s`` seconds is an error, not a bench of nothing."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "tinhgon", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=stderr,
    )
    try:
        deadline = time.monotonic() + wait_s
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if server.poll() is not None:
                    raise RuntimeError(f"tinhgon serve exited ({server.returncode})") from None
                if time.monotonic() > deadline:
                    raise RuntimeError(
                        f"tinhgon serve: no answer on {port} in {wait_s} s"
                    ) from None
                time.sleep(0.1)
        yield server, f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=20)


def prepare(data_dir: Path, project_file: Path, database_url: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(TINHGON_DATA_DIR=str(data_dir), DJANGO_SETTINGS_MODULE="tinhgon.web.settings")
    if database_url:
        env["DATABASE_URL"] = database_url
    script = f"""
import django; django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from django.contrib.auth import get_user_model
from tinhgon.web import models, services
get_user_model().objects.create_superuser(username="bench", password="bench-password-2026")
services.agency_import(text=open({str(project_file)!r}, encoding="utf-8").read(), filename="bench.yaml", user=None)
"""
    subprocess.run([sys.executable, "-c", script], env=env, check=True)
    return env


def measure(label: str, database_url: str | None) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        project_file = data_dir / "bench.yaml"
        make_project_file(project_file)
        env = prepare(data_dir, project_file, database_url)
        with serving(env) as (server, base):
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
            results: dict[str, object] = {}
            for name, url in PAGES.items():
                opener.open(base + url).read()  # first request builds the cached project
                cpu = server_cpu(server.pid)
                same = [opener_time(opener, base + url) for _ in range(REQUESTS)]
                cpu_same = server_cpu(server.pid) - cpu
                # Each request on another date: nothing worked out for that date yet.
                days = [dt.date(2016, 1, 1) + dt.timedelta(days=30 * i) for i in range(REQUESTS)]
                cpu = server_cpu(server.pid)
                other = [
                    opener_time(opener, base + url.replace("31/12/2024", f"{d:%d/%m/%Y}"))
                    for d in days
                ]
                cpu_other = server_cpu(server.pid) - cpu
                results[name] = {
                    "same_date": summary(same),
                    "a_new_date_each_time": summary(other),
                    "server_cpu_ms_per_request": {
                        "same_date": round(1000 * cpu_same / REQUESTS, 1),
                        "a_new_date_each_time": round(1000 * cpu_other / REQUESTS, 1),
                    },
                }
            if WRITES:
                results["after_a_write"] = after_writes(opener, base, server.pid)
            # The memo's budget (TINHGON_CACHE_MIB, 768 by default) bounds what it keeps.
            results["server_memory_mib"] = server_rss_mib(server.pid)
            return {
                "database": label,
                "people": PEOPLE,
                "requests_per_page": REQUESTS,
                "pages": results,
            }


def on_both_databases(
    measure: Callable[[str, str | None], dict[str, object]], prefix: str = "tinhgon_bench_"
) -> list[dict[str, object]]:
    """``measure`` on a fresh embedded SQLite database, then on a new PostgreSQL database made
    (and dropped after) on the server TINHGON_BENCH_PG names, when it is set."""
    runs = [measure("sqlite", None)]
    pg = os.environ.get("TINHGON_BENCH_PG")
    if pg:
        import psycopg

        name = f"{prefix}{os.getpid()}"
        with psycopg.connect(f"{pg}/postgres", autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        try:
            runs.append(measure("postgresql", f"{pg}/{name}"))
        finally:
            with psycopg.connect(f"{pg}/postgres", autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    else:
        runs.append(
            {
                "database": "postgresql",
                "skipped": "set TINHGON_BENCH_PG=postgres://user@host:port to measure",
            }
        )
    return runs


def main() -> None:
    runs = on_both_databases(measure)
    print(
        json.dumps(
            {"benchmark": f"web pages, agency of {PEOPLE:,} people", "runs": runs},
            indent=2,
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
