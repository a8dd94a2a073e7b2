"""`tinhgon load`, `backup`, `restore` and the token commands, run as an administrator runs them:
a separate process, its own data folder (and, when the suite runs on PostgreSQL, its own new
databases on that server). The restore goes into an empty database and every row compares equal
(`tinhgon manage dumpdata`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).parents[2] / "examples" / "kontum-ez-board.yaml"
DUMP = [
    "manage",
    "dumpdata",
    "--exclude=contenttypes",
    "--exclude=auth.permission",
    "--exclude=sessions",
    "--exclude=axes",
    "--natural-foreign",
    "--natural-primary",
    "--indent=1",
]


class Server:
    """Environment of one server: a data folder and, on PostgreSQL, a database of its own."""

    def __init__(self, folder: Path) -> None:
        self.env = {
            k: v
            for k, v in os.environ.items()
            if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
        }
        self.env["TINHGON_DATA_DIR"] = str(folder)
        self.database: tuple[str, str] | None = None
        url = os.environ.get("DATABASE_URL", "")
        if url.startswith("postgres"):
            base, name = url.rsplit("/", 1)[0], f"tinhgon_cli_{uuid.uuid4().hex[:10]}"
            _sql(base, f'CREATE DATABASE "{name}"')
            self.database = (base, name)
            self.env["DATABASE_URL"] = f"{base}/{name}"

    def run(self, *args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [sys.executable, "-m", "tinhgon", *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if ok:
            assert done.returncode == 0, done.stderr
        return done

    def drop(self) -> None:
        if self.database:
            _sql(self.database[0], f'DROP DATABASE IF EXISTS "{self.database[1]}"')


def _sql(base: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(sql)


@pytest.fixture
def servers(tmp_path):  # type: ignore[no-untyped-def]
    made: list[Server] = []

    def make(name: str) -> Server:
        server = Server(tmp_path / name)
        made.append(server)
        return server

    yield make
    for server in made:
        server.drop()


def test_load_backup_and_restore_into_an_empty_database_give_the_same_rows(servers, tmp_path):
    first, second = servers("first"), servers("second")

    loaded = first.run("load", str(EXAMPLE))
    assert "bqlkkt" in loaded.stdout
    first.run(
        "manage", "createsuperuser", "--noinput", "--username", "root", "--email", "r@example.org"
    )
    # Tokens: made with an expiry, listed (never shown again), revoked.
    made = first.run("token", "root", "--name", "báo cáo", "--days", "7")
    token_id = made.stderr.split("mã số / id ")[1].split(",")[0]
    first.run("token-revoke", token_id)
    listed = first.run("token-list", "--user", "root")
    assert len(made.stdout.strip()) >= 40
    assert made.stdout.strip() not in listed.stdout
    assert "báo cáo" in listed.stdout
    assert "đã thu hồi" in listed.stdout
    backup = tmp_path / "sao-luu.json"
    first.run("backup", "--output", str(backup))

    second.run("restore", str(backup))

    before, after = first.run(*DUMP).stdout, second.run(*DUMP).stdout
    assert before == after
    rows = json.loads(after)
    kinds = {row["model"] for row in rows}
    assert {
        "tinhgon.agency",
        "tinhgon.person",
        "tinhgon.changerecord",
        "tinhgon.plan",
        "tinhgon.auditentry",
        "tinhgon.apitoken",
        "auth.user",
    } <= kinds
    assert sum(row["model"] == "tinhgon.person" for row in rows) == 65
    # A second restore into what is no longer an empty database: refused, nothing written.
    refused = second.run("restore", str(backup), ok=False)
    assert refused.returncode == 2
    assert "không trống" in refused.stderr
    assert second.run(*DUMP).stdout == after


def test_load_refuses_a_malformed_file_and_an_agency_already_there(servers, tmp_path):
    server = servers("one")
    bad = tmp_path / "hong.yaml"
    bad.write_text("tinhgon: 1\nagency: {id: x}\n", encoding="utf-8")

    malformed = server.run("load", str(bad), ok=False)
    server.run("load", str(EXAMPLE))
    again = server.run("load", str(EXAMPLE), ok=False)

    assert malformed.returncode == 2
    assert "Tệp không được nạp" in malformed.stderr
    assert again.returncode == 2
    assert "--replace" in again.stderr
