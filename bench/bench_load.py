"""Load test: 50 users at once browsing and editing one province, on loopback.

Starts ``tinhgon serve`` on a fresh database holding the Kon Tum example, with 50 accounts
(editors of the agency). Each user, in its own thread, logs in and then repeats a round of
browsing (dashboard, org chart, staff list, timeline, plans) and editing (adds a change to its
own draft plan and removes it again) for a bounded number of rounds. Prints JSON: requests,
errors, median / p95 page time and throughput, on SQLite and — when TINHGON_BENCH_PG is a server
URL such as postgres://postgres@127.0.0.1:5432 — on PostgreSQL.

TINHGON_LOAD_USERS and TINHGON_LOAD_ROUNDS change the defaults (50 users, 4 rounds).
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from bench_web import on_both_databases, serving

USERS = int(os.environ.get("TINHGON_LOAD_USERS", "50"))
ROUNDS = int(os.environ.get("TINHGON_LOAD_ROUNDS", "4"))
PASSWORD = "load-password-2026"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "kontum-ez-board.yaml"
BROWSE = [
    "/co-quan/bqlkkt/?on=31/12/2019",
    "/co-quan/bqlkkt/so-do/?on=31/12/2019",
    "/co-quan/bqlkkt/nhan-su/?on=31/12/2019",
    "/co-quan/bqlkkt/lich-su/",
    "/co-quan/bqlkkt/de-an/",
]


def prepare(data_dir: Path, database_url: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(TINHGON_DATA_DIR=str(data_dir), DJANGO_SETTINGS_MODULE="tinhgon.web.settings")
    if database_url:
        env["DATABASE_URL"] = database_url
    script = f"""
import django; django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from tinhgon.web import models, services
province = models.Province.objects.create(code="kon-tum", name="Kon Tum")
agency = services.agency_import(text=open({str(EXAMPLE)!r}, encoding="utf-8").read(),
                                filename="kontum.yaml", user=None, province=province)
hashed = make_password({PASSWORD!r})
for n in range({USERS}):
    user = get_user_model().objects.create(username=f"user{{n}}", password=hashed)
    models.Membership.objects.create(user=user, agency=agency, role="editor")
"""
    subprocess.run([sys.executable, "-c", script], env=env, check=True)
    return env


class User:
    def __init__(self, base: str, number: int) -> None:
        self.base = base
        self.name = f"user{number}"
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.times: list[float] = []
        self.errors: list[str] = []

    def csrf(self) -> str:
        return next((c.value for c in self.jar if c.name == "csrftoken"), "") or ""

    def request(self, path: str, form: dict[str, str] | None = None) -> tuple[int, str, str]:
        data = None
        headers = {"Referer": self.base + path}
        if form is not None:
            data = urllib.parse.urlencode({**form, "csrfmiddlewaretoken": self.csrf()}).encode()
        t0 = time.perf_counter()
        try:
            with self.opener.open(
                urllib.request.Request(self.base + path, data=data, headers=headers), timeout=120
            ) as response:
                body = response.read().decode("utf-8", errors="replace")
                status, url = response.status, response.geturl()
        except urllib.error.HTTPError as error:
            body, status, url = error.read().decode("utf-8", errors="replace"), error.code, path
        except OSError as error:
            body, status, url = str(error), 0, path
        self.times.append((time.perf_counter() - t0) * 1000)
        if status != 200:
            self.errors.append(f"{status} {'POST' if form else 'GET'} {path}")
        return status, url, body

    def run(self) -> None:
        self.request("/dang-nhap/")
        self.request("/dang-nhap/", {"username": self.name, "password": PASSWORD})
        _, url, _ = self.request(
            "/co-quan/bqlkkt/de-an/", {"title": f"Phương án thử tải {self.name}"}
        )
        plan = urllib.parse.urlparse(url).path
        for _ in range(ROUNDS):
            for path in BROWSE:
                self.request(path)
            _, _, body = self.request(plan)
            version = re.search(r'name="version" value="(\d+)"', body)
            self.request(
                plan + "them/",
                {
                    "kind": "rename",
                    "on": "01/01/2021",
                    "unit": "tnmt",
                    "name": f"Phòng Tài nguyên và Môi trường ({self.name})",
                    "version": version.group(1) if version else "0",
                },
            )
            _, _, body = self.request(plan)
            version = re.search(r'name="version" value="(\d+)"', body)
            self.request(plan + "bo/0/", {"version": version.group(1) if version else "0"})


def measure(label: str, database_url: str | None) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as folder:
        env = prepare(Path(folder), database_url)
        with (
            (Path(folder) / "server.log").open("w") as log_file,
            serving(env, stderr=log_file) as (_, base),
        ):
            users = [User(base, n) for n in range(USERS)]
            threads = [threading.Thread(target=u.run) for u in users]
            t0 = time.perf_counter()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            elapsed = time.perf_counter() - t0
        log = (Path(folder) / "server.log").read_text(encoding="utf-8", errors="replace")
        failures = [line for line in log.splitlines() if "Error" in line or "Exception" in line]
        times = sorted(t for u in users for t in u.times)
        errors = [e for u in users for e in u.errors]
        return {
            "database": label,
            "users": USERS,
            "rounds": ROUNDS,
            "requests": len(times),
            "errors": len(errors),
            "error_samples": errors[:10],
            "server_errors": sorted(set(failures))[:10],
            "seconds": round(elapsed, 1),
            "throughput_per_s": round(len(times) / elapsed, 1),
            "median_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[max(0, int(len(times) * 0.95) - 1)], 1),
            "max_ms": round(times[-1], 1),
        }


def main() -> int:
    runs = on_both_databases(measure, "tinhgon_load_")
    print(
        json.dumps(
            {"benchmark": "load: users browsing and editing one province at once", "runs": runs},
            indent=2,
            ensure_ascii=False,
        )
    )
    return 1 if any(r.get("errors") for r in runs) else 0


if __name__ == "__main__":
    sys.exit(main())
