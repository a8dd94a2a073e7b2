"""The read commands take @CODE: an agency of the application's database instead of a file."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tests.web.conftest import EXAMPLE
from tinhgon.entry import app

runner = CliRunner()


@pytest.mark.django_db
def test_validate_show_check_and_compare_read_the_database(kontum):
    done = runner.invoke(app, ["validate", "@bqlkkt"])
    assert done.exit_code == 0, done.output
    assert "65 người" in done.output

    from_db = runner.invoke(app, ["show", "@bqlkkt", "--on", "2019-12-31", "--format", "json"])
    from_file = runner.invoke(app, ["show", str(EXAMPLE), "--on", "2019-12-31", "--format", "json"])
    assert from_db.exit_code == from_file.exit_code == 0
    assert json.loads(from_db.output)["units"] == json.loads(from_file.output)["units"]

    args = ["--on", "2020-12-31", "--plan", "phuong-an-3-phong", "--format", "json"]
    checked_db = runner.invoke(app, ["check", "@bqlkkt", *args])
    checked_file = runner.invoke(app, ["check", str(EXAMPLE), *args])
    assert checked_db.exit_code == checked_file.exit_code == 1
    assert json.loads(checked_db.output) == json.loads(checked_file.output)

    compared = runner.invoke(
        app, ["compare", "@bqlkkt", "--before", "2018-01-01", "--after", "2019-12-31"]
    )
    assert compared.exit_code == 0, compared.output


@pytest.mark.django_db
def test_an_unknown_code_is_bad_input(kontum):
    done = runner.invoke(app, ["show", "@khong-co", "--on", "2019-12-31"])
    assert done.exit_code == 2
    assert "không có cơ quan hay tỉnh mã 'khong-co'" in done.output
    assert "bqlkkt" in done.output


def _bigfile():  # type: ignore[no-untyped-def]
    """bench/bigfile.py: a deterministic province-sized project file, here a small one."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "bench" / "bigfile.py"
    spec = importlib.util.spec_from_file_location("bigfile", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _same(one, other) -> None:  # type: ignore[no-untyped-def]
    from tinhgon.io.project_file import project_to_plain

    assert project_to_plain(one) == project_to_plain(other)
    assert one.timeline.changes == other.timeline.changes
    assert [c.ref for c in one.timeline.changes] == [c.ref for c in other.timeline.changes]
    assert list(one.people) == list(other.people)


@pytest.mark.django_db
def test_the_quick_reading_equals_the_web_applications_whole_reading(kontum):
    from tinhgon.web import models, reader, repository, services

    _same(reader.read_agency(kontum), repository.build_project(kontum))
    generated = services.agency_import(
        text=_bigfile().project_text(400, seed=7), filename="so.yaml", user=None
    )
    assert models.Person.objects.filter(agency=generated).count() == 400
    _same(reader.read_agency(generated), repository.build_project(generated))


@pytest.mark.django_db
def test_a_reading_for_some_dates_answers_every_date_as_the_whole_reading(kontum):
    import datetime as dt

    from tinhgon.web import reader, repository, services

    generated = services.agency_import(
        text=_bigfile().project_text(400, seed=7), filename="so.yaml", user=None
    )
    asked = (dt.date(2016, 6, 30),)
    for agency in (kontum, generated):
        whole = repository.build_project(agency)
        sparse = reader.read_agency(agency, snapshots_for=asked)
        _same(sparse, whole)
        days = sorted({c.on for c in whole.timeline.changes})
        for on in [*days[:: max(1, len(days) // 12)], days[-1], dt.date(2030, 1, 1), *asked]:
            assert sparse.state_on(on) == whole.state_on(on)
            for plan in whole.plans:
                assert sparse.state_on(on, plan=plan) == whole.state_on(on, plan=plan)
    # The example has an open plan: every snapshot is kept; the generated one has none.
    assert reader.read_agency(kontum, snapshots_for=asked).timeline._keep is None
    assert reader.read_agency(generated, snapshots_for=asked).timeline._keep is not None


@pytest.fixture
def province_history(db):  # type: ignore[no-untyped-def]
    from tests.province.fixture import PROVINCE_YAML
    from tinhgon.web import models, services

    place = models.Province.objects.create(code="quang-ngai", name="Quảng Ngãi")
    return services.agency_import(text=PROVINCE_YAML, filename="qn.yaml", user=None, province=place)


def test_a_province_code_reads_the_provinces_history_and_agency_composes(province_history):
    whole = runner.invoke(app, ["show", "@quang-ngai", "--on", "2025-02-28", "--format", "json"])
    assert whole.exit_code == 0, whole.output
    assert json.loads(whole.stdout)["metrics"]["staff"] == 9
    one = runner.invoke(
        app,
        ["check", "@quang-ngai", "--agency", "stc", "--on", "2025-02-28", "--format", "json"],
    )
    by_code = runner.invoke(
        app, ["check", "@qn", "--agency", "stc", "--on", "2025-02-28", "--format", "json"]
    )
    assert one.exit_code == by_code.exit_code
    assert one.exit_code in (0, 1), one.output
    assert json.loads(one.stdout) == json.loads(by_code.stdout)
    shown = runner.invoke(
        app,
        ["show", "@quang-ngai", "--agency", "stc", "--on", "2025-02-28", "--format", "json"],
    )
    assert json.loads(shown.stdout)["agency"] == {"id": "stc", "name": "Sở Tài chính"}


def test_a_province_without_a_history_names_its_agencies(kontum):
    assert kontum.province.code == "kon-tum"
    done = runner.invoke(app, ["show", "@kon-tum", "--on", "2019-12-31"])
    assert done.exit_code == 2
    assert "tỉnh 'Kon Tum' chưa có lịch sử cấp tỉnh" in done.output
    assert "bqlkkt" in done.output


def test_the_program_reads_the_database_starting_only_the_applications_it_needs(tmp_path):
    """``tinhgon validate @CODE`` as its own process, on an embedded database made by
    ``tinhgon load``: Django starts with the reading's settings (no API, no login guard)."""
    import os
    import subprocess
    import sys

    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env["TINHGON_DATA_DIR"] = str(tmp_path)
    program = "import sys; from tinhgon.entry import main; sys.argv[0] = 'tinhgon'; main()"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, *args], env=env, capture_output=True, text=True, check=False
        )

    loaded = run("-c", program, "load", str(EXAMPLE))
    assert loaded.returncode == 0, loaded.stderr
    valid = run("-c", program, "validate", "@bqlkkt")
    assert valid.returncode == 0, valid.stderr
    assert "65 người" in valid.stdout
    read = run(
        "-c",
        "import sys; from tinhgon.web.reader import project_from_database as read; "
        "project = read('bqlkkt'); from django.conf import settings; "
        "print(len(project.people), settings.SETTINGS_MODULE, "
        "sorted(m for m in ('ninja', 'pydantic', 'axes') if m in sys.modules))",
    )
    assert read.returncode == 0, read.stderr
    assert read.stdout.split(maxsplit=2) == ["65", "tinhgon.web.settings_reader", "[]\n"]
