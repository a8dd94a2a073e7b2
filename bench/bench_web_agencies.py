"""Page times over HTTP with 150 agencies of 300 people (issue 14, aim 4), visited in turn.

A fresh database holds ``TINHGON_BENCH_AGENCIES`` (150) separate agencies, each a made-up
provincial department of ``TINHGON_BENCH_EACH`` (300) people with ten years of history
(bench/bigfile.py, a seed per agency). ``tinhgon serve`` (waitress) is started on it; this
process logs in and visits every agency in turn, every page kind:

* ``first_visit``: the first request of each agency (its project read from the database);
* ``same_date``: the next rounds, the same date (what the cache holds);
* ``a_new_date``: a date not asked before for that agency, each visit.

Prints JSON: median, 95th percentile and max in milliseconds per page kind and phase, and the
server's CPU time (user + system) per request of each phase, since the machine is shared.
SQLite always; PostgreSQL too when TINHGON_BENCH_PG is a server URL
(postgres://postgres@127.0.0.1:5432): a database is created there and dropped afterwards.

    python bench/bench_web_agencies.py
"""

from __future__ import annotations

import datetime as dt
import http.cookiejar
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_web import on_both_databases, server_cpu, serving, summary  # noqa: E402

AGENCIES = int(os.environ.get("TINHGON_BENCH_AGENCIES", "150"))
EACH = int(os.environ.get("TINHGON_BENCH_EACH", "300"))
ROUNDS = int(os.environ.get("TINHGON_BENCH_ROUNDS", "2"))
PAGES = {
    "dashboard": "/co-quan/{code}/?on={on}",
    "org_chart": "/co-quan/{code}/so-do/?on={on}",
    "staff_list": "/co-quan/{code}/nhan-su/?on={on}",
    "person": "/co-quan/{code}/nhan-su/p7/?on={on}",
    "history": "/co-quan/{code}/lich-su/?den={on}",
    "plans": "/co-quan/{code}/de-an/",
}
SAME = "31/12/2024"


def code_of(i: int) -> str:
    return f"a{i:03d}"


def prepare(data_dir: Path, database_url: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(TINHGON_DATA_DIR=str(data_dir), DJANGO_SETTINGS_MODULE="tinhgon.web.settings")
    if database_url:
        env["DATABASE_URL"] = database_url
    script = f"""
import sys
sys.path.insert(0, {str(HERE)!r})
import django; django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from django.contrib.auth import get_user_model
from bigfile import project_text
from tinhgon.web import services
get_user_model().objects.create_superuser(username="bench", password="bench-password-2026")
for i in range({AGENCIES}):
    code = "a%03d" % i
    text = project_text({EACH}, seed=i + 1).replace("  id: so\\n", "  id: %s\\n" % code)
    text = text.replace("- unit: so\\n", "- unit: %s\\n" % code)
    services.agency_import(text=text, filename=code + ".yaml", user=None)
"""
    subprocess.run([sys.executable, "-c", script], env=env, check=True)
    return env


def login(base: str) -> urllib.request.OpenerDirector:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/dang-nhap/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    form = urllib.parse.urlencode(
        {"username": "bench", "password": "bench-password-2026", "csrfmiddlewaretoken": token}
    ).encode()
    opener.open(
        urllib.request.Request(
            base + "/dang-nhap/", data=form, headers={"Referer": base + "/dang-nhap/"}
        )
    )
    return opener


def timed(opener: urllib.request.OpenerDirector, url: str) -> float:
    start = time.perf_counter()
    with opener.open(url) as response:
        response.read()
    return (time.perf_counter() - start) * 1000


def measure(label: str, database_url: str | None) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        env = prepare(Path(folder), database_url)
        import_seconds = round(time.perf_counter() - started, 1)
        with serving(env) as (server, base):
            opener = login(base)
            phases: dict[str, dict[str, list[float]]] = {}
            cpu: dict[str, float] = {}
            counts: dict[str, int] = {}

            def run(phase: str, on_of: object) -> None:
                times = phases.setdefault(phase, {name: [] for name in PAGES})
                before = server_cpu(server.pid)
                n = 0
                for i in range(AGENCIES):
                    for name, pattern in PAGES.items():
                        on = on_of(i, name)  # type: ignore[operator]
                        url = base + pattern.format(code=code_of(i), on=on)
                        times[name].append(timed(opener, url))
                        n += 1
                cpu[phase] = cpu.get(phase, 0.0) + server_cpu(server.pid) - before
                counts[phase] = counts.get(phase, 0) + n

            run("first_visit", lambda i, name: SAME)
            for _ in range(ROUNDS):
                run("same_date", lambda i, name: SAME)
            for r in range(ROUNDS):
                # a date not asked before for that agency (one per round and agency)
                run(
                    "a_new_date",
                    lambda i, name, r=r: (
                        dt.date(2016, 1, 1) + dt.timedelta(days=41 * r + 7 * (i % 30) + 1)
                    ).strftime("%d/%m/%Y"),
                )
            return {
                "database": label,
                "agencies": AGENCIES,
                "people_each": EACH,
                "rounds": ROUNDS,
                "import_seconds": import_seconds,
                "phases": {
                    phase: {
                        "pages": {name: summary(values) for name, values in pages.items()},
                        "all_pages": summary([v for values in pages.values() for v in values]),
                        "server_cpu_ms_per_request": round(1000 * cpu[phase] / counts[phase], 1),
                    }
                    for phase, pages in phases.items()
                },
            }


def main() -> None:
    runs = on_both_databases(measure)
    print(
        json.dumps(
            {"benchmark": f"web pages, {AGENCIES} agencies of {EACH} people", "runs": runs},
            indent=2,
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
