"""The command line on the example and on broken files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tinhgon.cli.main import app

EXAMPLE = str(Path(__file__).parents[2] / "examples" / "kontum-ez-board.yaml")
runner = CliRunner()


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args))


def test_compare_json_shows_the_seed_articles_numbers():
    result = run(
        "compare", EXAMPLE, "--before", "2018-01-01", "--after", "2019-12-31", "--format", "json"
    )

    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    before, after = data["before"]["metrics"], data["after"]["metrics"]
    assert data["before"]["on"] == "2018-01-01"
    assert data["after"]["on"] == "2019-12-31"
    assert (before["departments"], after["departments"]) == (6, 4)
    assert (before["department_leaders"], after["department_leaders"]) == (16, 11)
    assert (before["public_service_units"], after["public_service_units"]) == (3, 2)
    assert isinstance(before["staff"], int)
    kinds = [c["kind"] for c in data["changes"]]
    assert kinds.count("units_merged") == 3


def test_compare_text_shows_before_after_and_the_changes_with_their_basis():
    result = run("compare", EXAMPLE, "--before", "01/01/2018", "--after", "31/12/2019")

    assert result.exit_code == 0
    assert "01/01/2018 → 31/12/2019" in result.stdout
    assert "Phòng chuyên môn và tương đương / Departments and equivalents" in result.stdout
    assert "Sáp nhập Phòng Kế hoạch - Tổng hợp vào Văn phòng  [1055/QĐ-UBND]" in result.stdout
    assert "4 người từ Phòng Kế hoạch - Tổng hợp sang Văn phòng" in result.stdout


def test_compare_with_a_plan_uses_the_projected_state_for_after():
    result = run(
        "compare",
        EXAMPLE,
        "--before",
        "2019-12-31",
        "--after",
        "2020-12-31",
        "--plan",
        "phuong-an-3-phong",
        "--format",
        "json",
    )

    data = json.loads(result.stdout)
    assert result.exit_code == 0
    assert data["plan"] == "phuong-an-3-phong"
    assert (data["before"]["metrics"]["departments"], data["after"]["metrics"]["departments"]) == (
        4,
        3,
    )


def test_show_prints_the_tree_with_heads_deputies_and_staff_counts():
    result = run("show", EXAMPLE, "--on", "2019-12-31")

    assert result.exit_code == 0
    assert (
        "Ban Quản lý Khu kinh tế tỉnh Kon Tum — cơ cấu tổ chức tại ngày 31/12/2019" in result.stdout
    )
    assert (
        "Văn phòng — Chánh Văn phòng: Lê Văn Bình — Phó Chánh Văn phòng: Phạm Thị Lan, Đặng Quốc Tuấn — 13 người"
        in result.stdout
    )


def test_show_json_gives_the_tree():
    result = run("show", EXAMPLE, "--on", "2018-01-01", "--format", "json")

    data = json.loads(result.stdout)
    [root] = data["units"]
    assert root["head"]["name"] == "Nguyễn Văn Hùng"
    assert len(root["children"]) == 9
    office = root["children"][0]
    assert office["name"] == "Văn phòng"
    assert [d["title"] for d in office["deputies"]] == ["Phó Chánh Văn phòng"] * 2
    assert office["staff"] == 9
    assert data["metrics"]["departments"] == 6


def test_validate_summarises_a_good_file():
    result = run("validate", EXAMPLE)

    assert result.exit_code == 0
    assert "hợp lệ (valid)" in result.stdout
    assert "65 người" in result.stdout


BROKEN = """\
tinhgon: 1
agency:
  id: ag
  name: Cơ quan
  kind: board
  since: 2018-01-01
  basis: 01/QĐ-X
documents:
  - {symbol: 01/QĐ-X, issued_on: 2017-12-01, issuer: X, title: Y}
people:
  - {id: p1, name: An, born: 1980, sex: nam, category: civil_servant}
"""


def test_a_broken_file_exits_2_with_every_error_on_standard_error(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN, encoding="utf-8")

    result = run("validate", str(path))

    assert result.exit_code == 2
    assert result.stdout == ""
    assert (
        f"{path}:11: people[0].sex: giá trị 'nam' không hợp lệ; chọn một trong: male, female"
        in result.stderr
    )
    assert "Tệp không được nạp: 1 lỗi. (The file was not loaded: 1 error(s).)" in result.stderr


@pytest.mark.parametrize("command", ["validate", "show", "compare"])
def test_every_command_refuses_a_broken_file_with_exit_2(tmp_path, command):
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    extra = {
        "validate": [],
        "show": ["--on", "2019-01-01"],
        "compare": ["--before", "2018-01-01", "--after", "2019-01-01"],
    }

    result = run(command, str(path), *extra[command])

    assert result.exit_code == 2
    assert "people[0].sex" in result.stderr


def test_a_missing_file_exits_2():
    result = run("validate", "no/such/file.yaml")

    assert result.exit_code == 2
    assert "no/such/file.yaml: không tìm thấy tệp (file not found)" in result.stderr


def test_a_malformed_date_option_exits_2_naming_the_option():
    result = run("show", EXAMPLE, "--on", "31-12-2019")

    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "--on: ngày '31-12-2019' không đúng dạng (dd/mm/yyyy hoặc yyyy-mm-dd) "
        "(date '31-12-2019' is malformed (dd/mm/yyyy or yyyy-mm-dd))"
    )


def test_an_unknown_plan_exits_2_listing_the_plans():
    result = run("show", EXAMPLE, "--on", "2019-12-31", "--plan", "nope")

    assert result.exit_code == 2
    assert (
        "không có đề án 'nope' (các đề án: de-an-2018, de-an-dvsn-2018, phuong-an-3-phong)"
        in result.stderr
    )


def test_help_is_in_vietnamese_and_english():
    result = run("--help")

    assert result.exit_code == 0
    assert "tổ chức bộ máy" in result.stdout
    assert "organisational structure" in result.stdout
    compare = run("compare", "--help")
    assert "So sánh hai thời điểm / Compare two dates" in compare.stdout


def test_the_installed_command_runs_as_a_program():
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tinhgon",
            "compare",
            EXAMPLE,
            "--before",
            "2018-01-01",
            "--after",
            "2019-12-31",
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["after"]["metrics"]["departments"] == 4
