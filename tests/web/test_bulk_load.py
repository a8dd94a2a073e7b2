"""Bulk load of a national dataset: one agency per province, each validated by the ordinary
reader before any row is written, written in one transaction per province (COPY on
PostgreSQL, executemany on SQLite), and read back (web/repository) equal to its file."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from django.utils import timezone
from rich.console import Console

from tinhgon.cli import progress
from tinhgon.io import load_project
from tinhgon.io.national import write_national
from tinhgon.io.project_file import project_to_plain
from tinhgon.web import models, repository
from tinhgon.web.bulk_load import LOADING, NotNational, insert_rows, load_national

from .test_admin_commands import Server

PROVINCES = {"04", "22", "79"}  # Cao Bằng, Quảng Ninh, Hồ Chí Minh City


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("national") / "vn"
    write_national(6000, 3, out, only=PROVINCES)
    return out


def _read_back_equal(folder: Path, code: str) -> None:
    agency = models.Agency.objects.get(code=f"t{code}")
    from_rows = repository.build_project(agency)
    from_file = load_project(folder / f"{code}.yaml")
    assert project_to_plain(from_rows) == project_to_plain(from_file)


@pytest.mark.django_db
def test_each_province_reads_back_equal_to_its_file(folder: Path) -> None:
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=160)
    with progress.progress_bar(enabled=True, console=console) as bar:
        report = load_national(folder, progress=bar)
    assert not report.failed
    assert [p.code for p in report.provinces] == sorted(PROVINCES)
    assert LOADING in screen.getvalue()
    for code in PROVINCES:
        _read_back_equal(folder, code)
    hcmc = models.Agency.objects.get(code="t79")
    assert hcmc.agency_type == "province_committee"
    assert hcmc.province is not None
    assert hcmc.province.name == "Hồ Chí Minh"
    assert hcmc.people.count() == load_project(folder / "79.yaml").people.__len__()
    assert models.AuditEntry.objects.filter(agency=hcmc, action="import").count() == 1


@pytest.mark.django_db
def test_bulk_rows_equal_the_ordinary_import_rows(folder: Path) -> None:
    load_national(folder, bulk=False)
    plain = {
        a.code: project_to_plain(repository.build_project(a)) for a in models.Agency.objects.all()
    }
    report = load_national(folder, replace=True)
    assert not report.failed
    for agency in models.Agency.objects.all():
        assert project_to_plain(repository.build_project(agency)) == plain[agency.code]
    rows = list(models.ChangeRecord.objects.filter(agency__code="t04").order_by("seq"))
    assert [r.seq for r in rows] == list(range(1, len(rows) + 1))
    age = timezone.now() - rows[0].recorded_at
    assert dt.timedelta(0) <= age < dt.timedelta(minutes=10)  # stamped as bulk_create stamps
    assert {r.on for r in rows} >= {dt.date(2024, 1, 1), dt.date(2025, 3, 1)}


@pytest.mark.django_db
def test_a_bad_province_is_named_and_nothing_of_it_written(folder: Path, tmp_path: Path) -> None:
    broken = tmp_path / "vn"
    broken.mkdir()
    for path in folder.iterdir():
        (broken / path.name).write_bytes(path.read_bytes())
    text = (broken / "22.yaml").read_text(encoding="utf-8")
    # a transfer into a unit that does not exist, at the end: refused by the ordinary reader
    assert text.rstrip().rsplit("\n", 1)[-1].startswith("  ")  # the file ends in changes
    text += (
        "- kind: transfer\n  on: 2025-06-02\n  basis: 2227/QĐ-UBND\n"
        "  person: t22-n000000\n  unit: khong-co\n"
    )
    (broken / "22.yaml").write_text(text, encoding="utf-8")
    report = load_national(broken)
    assert [p.code for p in report.failed] == ["22"]
    assert "khong-co" in report.failed[0].error
    assert not models.Agency.objects.filter(code="t22").exists()
    assert models.Agency.objects.filter(code__in=["t04", "t79"]).count() == 2
    again = load_national(broken)  # loaded ones are not replaced without asking
    assert {p.code for p in again.failed} == {"04", "22", "79"}
    assert "--replace" in again.failed[0].error


@pytest.mark.django_db
def test_insert_rows_writes_what_bulk_create_writes() -> None:
    agency = models.Agency.objects.create(code="x", name="X")
    rows = [models.Person(agency=agency, pid=f"p{i}", data={"id": f"p{i}", "n": i},
                          full_name=f"Nguyễn Văn {i}", folded_name=f"nguyen van {i}")
            for i in range(3)]  # fmt: skip
    insert_rows(models.Person, rows)
    insert_rows(models.Person, [])
    stored = list(models.Person.objects.filter(agency=agency).values_list("pid", "data"))
    assert stored == [(f"p{i}", {"id": f"p{i}", "n": i}) for i in range(3)]


@pytest.mark.django_db
def test_a_folder_without_manifest_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NotNational) as caught:
        load_national(tmp_path)
    assert "national.json" in caught.value.vi


def test_the_load_command_takes_a_folder(folder: Path, tmp_path: Path) -> None:
    server = Server(tmp_path / "server")
    try:
        done = server.run("--quiet", "load", str(folder))
        assert "3 tỉnh, thành phố" in done.stdout
        assert "━" not in done.stderr
        again = server.run("load", str(folder), ok=False)
        assert again.returncode == 2
        assert "04.yaml: không nạp" in again.stderr
        assert "--replace" in again.stderr
    finally:
        server.drop()
