"""The 2025 reorganisation replayed from vietnamadminunits' data through the ordinary commands."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from pathlib import Path

import pytest
from typer.testing import CliRunner
from vietnamadminunits.database import get_data

import tinhgon.cli.main  # noqa: F401  (registers the commands)
from tinhgon.cli.main import app
from tinhgon.domain import Project, State
from tinhgon.io import load_project

runner = CliRunner()
BEFORE, AFTER = dt.date(2025, 6, 30), dt.date(2025, 7, 1)


@pytest.fixture(scope="module")
def vn2025_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("vn2025") / "vn2025.yaml"
    result = runner.invoke(app, ["example", "vn2025", "--output", str(path)])
    assert result.exit_code == 0, result.stderr
    assert "đề án 'vn2025'" in result.stdout
    return path


@pytest.fixture(scope="module")
def vn2025(vn2025_file: Path) -> Project:
    return load_project(vn2025_file)


@pytest.fixture(scope="module")
def after(vn2025: Project) -> State:
    return vn2025.state_on(AFTER, plan="vn2025")


def test_compare_reports_the_2025_numbers_in_units_by_kind(vn2025_file: Path):
    result = runner.invoke(
        app,
        [
            "compare",
            str(vn2025_file),
            "--before",
            "2025-06-30",
            "--after",
            "2025-07-01",
            "--plan",
            "vn2025",
            "--format",
            "json",
        ],
    )

    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    before = data["before"]["metrics"]["units_by_kind"]
    after = data["after"]["metrics"]["units_by_kind"]
    assert before["province"] + before["city"] == 63
    assert after["province"] + after["city"] == 34
    assert (after["province"], after["city"]) == (28, 6)
    assert (before["district"], after["district"]) == (696, 0)
    assert before["commune"] + before["ward"] + before["township"] + before["special_zone"] == 10035
    assert after["commune"] + after["ward"] + after["township"] + after["special_zone"] == 3321
    assert (after["commune"], after["ward"], after["special_zone"], after["township"]) == (
        2621,
        687,
        13,
        0,
    )
    kinds = {e["kind"] for e in data["events"]}
    assert kinds == {"merge", "split", "reorganise", "dissolve"}
    assert all(e["on"] == "2025-07-01" and e["basis"] for e in data["events"])


def test_every_new_province_holds_exactly_the_communes_of_the_packages_2025_tree(after: State):
    expected: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for row in get_data(fields=["province", "wardCode", "ward"], table="admin_units"):
        expected[row["province"]].add((f"n{row['wardCode']}", row["ward"]))
    provinces = [u for u in after.units.values() if u.kind.code in ("province", "city")]

    assert sorted(u.name for u in provinces) == sorted(expected)
    for province in provinces:
        communes = {(c.id, c.name) for c in after.children(province.id)}
        assert communes == expected[province.name], province.name


def test_the_old_tree_is_the_packages_pre_2025_tree(vn2025: Project):
    before = vn2025.state_on(BEFORE)
    rows = get_data(fields=["province", "districtCode", "wardCode"], table="admin_units_legacy")

    assert {f"d{r['districtCode']}" for r in rows} == {
        u.id for u in before.units.values() if u.kind.code == "district"
    }
    assert {f"x{r['wardCode']}" for r in rows if r["wardCode"]} == {
        u.id for u in before.units.values() if u.kind.code in ("commune", "ward", "township")
    }


def test_kon_tum_is_part_of_quang_ngai_and_island_districts_became_special_zones(after: State):
    assert "p62" not in after.units
    assert after.ended["p62"].successors == ("p51",)
    assert after.units["p51"].name == "Tỉnh Quảng Ngãi"
    zones = {u.name for u in after.units.values() if u.kind.code == "special_zone"}
    assert {"Đặc khu Lý Sơn", "Đặc khu Côn Đảo", "Đặc khu Bạch Long Vĩ"} <= zones
    ly_son = next(u for u in after.units.values() if u.name == "Đặc khu Lý Sơn")
    assert ly_son.parent_id == "p51"


def test_a_commune_divided_between_new_communes_has_each_part_in_one_of_them(vn2025: Project):
    split = next(c for c in vn2025.plan("vn2025").changes if c.kind == "split")
    after = vn2025.state_on(AFTER, plan="vn2025")
    parts = [u.id for u in split.new_units]  # type: ignore[attr-defined]

    assert len(parts) >= 2
    successors = {after.ended[p].successors[0] for p in parts}
    assert len(successors) == len(parts)  # every part went to a different new commune
    assert all(s in after.units for s in successors)
