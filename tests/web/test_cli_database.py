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
    assert "không có cơ quan mã 'khong-co'" in done.output
    assert "bqlkkt" in done.output
