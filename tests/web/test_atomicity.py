"""Nothing lost, nothing half-written: a server process killed (SIGKILL) in the middle of an
import, an approval or an implementation leaves the database exactly as before; left to finish,
exactly as after.

Each case runs in its own process on its own SQLite database: it sets up what the action needs,
writes a copy of every row, then runs the action with the process killing itself at the last
write of the action's transaction (the audit entry, after every other row of the action is
written). The test then reads every row of the database and compares.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).parents[2] / "examples" / "kontum-ez-board.yaml"

SCRIPT = r"""
import datetime as dt, json, os, signal, sqlite3, sys
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from django.contrib.auth import get_user_model
from tinhgon.web import models, services

action, kill, database, example, sheet = sys.argv[1:6]
province = models.Province.objects.create(code="kon-tum", name="Kon Tum")
agency = services.agency_import(text=open(example, encoding="utf-8").read(),
                                filename="kontum.yaml", user=None, province=province)
admin = get_user_model().objects.create_superuser(username="root", password="x" * 12)
plan = models.Plan.objects.get(agency=agency, pid="phuong-an-3-phong")
decision = services.document_add(agency=agency, user=admin, data={
    "symbol": "800/QĐ-UBND", "kind": "decision", "issued_on": "2020-09-15",
    "issuer": "UBND tỉnh Kon Tum", "title": "Phê duyệt phương án"})
if action in ("approve", "implement"):
    services.plan_submit(plan=plan, version=plan.version, user=admin,
                         on=dt.date(2020, 9, 1))
if action == "implement":
    services.plan_approve(plan=plan, decision=decision, version=plan.version, user=admin)


def rows():
    connection = sqlite3.connect(database)
    out = {}
    for (table,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"):
        out[table] = sorted(map(repr, connection.execute(f'SELECT * FROM "{table}"')))
    connection.close()
    return out


json.dump(rows(), open(database + ".before.json", "w"))
if kill == "kill":
    real = models.AuditEntry.save
    def die(self, *args, **kwargs):
        os.kill(os.getpid(), signal.SIGKILL)
    models.AuditEntry.save = die
if action == "import":
    services.agency_import(text=open(example, encoding="utf-8").read(), filename="again.yaml",
                           user=admin, agency=agency, reason="again")
elif action == "spreadsheet":
    from pathlib import Path
    services.spreadsheet_import(agency=agency, path=Path(sheet), filename="nhan-su.csv",
                                on=dt.date(2021, 1, 1), basis="61/QĐ-BQLKKT",
                                basis_date=dt.date(2020, 5, 15), complete=False, user=admin)
elif action == "approve":
    services.plan_approve(plan=plan, decision=decision, version=plan.version, user=admin)
elif action == "implement":
    services.plan_implement(plan=plan, version=plan.version, user=admin)
"""


def rows(database: Path) -> dict[str, list[str]]:
    connection = sqlite3.connect(database)
    out = {}
    for (table,) in connection.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
    ):
        out[table] = sorted(map(repr, connection.execute(f'SELECT * FROM "{table}"')))
    connection.close()
    return out


def run(tmp_path: Path, action: str, kill: bool) -> tuple[int, dict[str, list[str]], Path]:
    import json

    sheet = tmp_path / "nhan-su.csv"
    sheet.write_text(
        "Mã,Họ và tên,Ngày sinh,Giới tính,Loại,Đơn vị\n,Người Mới Một,01/02/1995,Nữ,Công chức,vp\n",
        encoding="utf-8",
    )
    database = tmp_path / "tinhgon.sqlite3"
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL",)}
    env.update(TINHGON_DATA_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="tinhgon.web.settings")
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            SCRIPT,
            action,
            "kill" if kill else "finish",
            str(database),
            str(EXAMPLE),
            str(sheet),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    before = json.loads(Path(str(database) + ".before.json").read_text())
    assert done.returncode in (0, -signal.SIGKILL), done.stderr
    return done.returncode, before, database


@pytest.mark.parametrize("action", ["import", "spreadsheet", "approve", "implement"])
def test_a_process_killed_mid_write_leaves_the_database_exactly_as_before(tmp_path, action):
    code, before, database = run(tmp_path, action, kill=True)

    assert code == -signal.SIGKILL
    now = rows(database)
    # An import's lock is committed before the import starts (other processes must see it);
    # the lock of a killed process is taken over after 15 minutes. Nothing else differs.
    lock = now.pop("tinhgon_importlock")
    before.pop("tinhgon_importlock")
    assert now == before
    assert len(lock) == (1 if action in ("import", "spreadsheet") else 0)


def test_a_write_left_to_finish_leaves_it_exactly_as_after(tmp_path):
    code, before, database = run(tmp_path, "implement", kill=False)

    assert code == 0
    after = rows(database)
    assert after != before
    assert len(after["tinhgon_changerecord"]) == len(before["tinhgon_changerecord"]) + 2
