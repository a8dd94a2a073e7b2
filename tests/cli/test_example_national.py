"""tinhgon example national: a deterministic national dataset on the real 2025 tree, that the
ordinary commands accept (validate, check, compare), in one file or one file per province."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections import Counter
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

import tinhgon.cli.main  # noqa: F401  (registers the commands)
from tinhgon.cli import progress
from tinhgon.cli.main import app
from tinhgon.domain import Project
from tinhgon.io import load_project
from tinhgon.io.national import (
    CHECK_ON,
    GENERATING,
    national_provinces,
    province_inputs,
    write_national,
)
from tinhgon.io.national_province import allocate

runner = CliRunner()
PEOPLE, SEED = 20_000, 7


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("national") / "dir"
    args = ["example", "national", "--people", str(PEOPLE), "--seed", str(SEED)]
    result = runner.invoke(app, [*args, "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert "34 tỉnh, thành phố" in result.stdout
    assert f"{PEOPLE} người" in result.stdout
    assert "━" not in result.output  # no bar under CliRunner (not a terminal)
    return out


@pytest.fixture(scope="module")
def provinces(folder: Path) -> dict[str, Project]:
    return {p.stem: load_project(p) for p in sorted(folder.glob("*.yaml"))}


def test_manifest_and_one_file_per_province(folder: Path, provinces: dict[str, Project]) -> None:
    manifest = json.loads((folder / "national.json").read_text(encoding="utf-8"))
    assert manifest["people"] == PEOPLE
    assert manifest["seed"] == SEED
    assert manifest["counts"]["provinces"] == 34 == len(provinces)
    assert manifest["counts"]["people"] == PEOPLE
    assert sum(len(p.people) for p in provinces.values()) == PEOPLE
    for entry in manifest["provinces"]:
        project = provinces[entry["code"]]
        assert entry["file"] == f"{entry['code']}.yaml"
        assert len(project.people) == entry["people"]
        assert project.agency.id == entry["agency"] == f"t{entry['code']}"
        assert project.agency.name.startswith("Ủy ban nhân dân ")


def test_the_real_2025_tree_and_the_2025_sở(provinces: dict[str, Project]) -> None:
    communes = Counter()
    for project in provinces.values():
        state = project.state_on(CHECK_ON)
        for unit in state.units.values():
            if unit.agency_type == "commune_committee":
                communes[unit.kind.code] += 1
        names = {u.name for u in state.units.values() if u.agency_type == "provincial_department"}
        for so in ("Sở Nội vụ", "Sở Tài chính", "Sở Nông nghiệp và Môi trường", "Sở Y tế"):
            assert so in names
        assert "Sở Kế hoạch và Đầu tư" not in names  # merged into Tài chính on 01/03/2025
        before = project.state_on(dt.date(2025, 2, 28))
        assert any(u.name == "Sở Kế hoạch và Đầu tư" for u in before.units.values())
    assert communes == {"commune": 2621, "ward": 687, "special_zone": 13}


def test_people_ages_categories_leaders_and_history(provinces: dict[str, Project]) -> None:
    kinds: Counter[str] = Counter()
    categories: Counter[str] = Counter()
    roles: Counter[str] = Counter()
    old = 0
    present = 0
    for project in provinces.values():
        kinds.update(c.kind for c in project.timeline.changes)
        state = project.state_on(CHECK_ON)
        for pid, assignment in state.assignments.items():
            person = state.people[pid]
            present += 1
            categories[person.category.value] += 1
            roles[assignment.role.value] += 1
            born = person.birth
            month, day = born.month or 1, born.day or 1
            age = CHECK_ON.year - born.year - ((CHECK_ON.month, CHECK_ON.day) < (month, day))
            limit = 60 if person.sex.value == "male" else 55
            old += age > limit
    assert present > 0.95 * PEOPLE
    assert old <= max(2, PEOPLE // 10_000)  # past the age only now and then, on purpose
    for kind in ("hire", "transfer", "appoint", "leave", "merge", "create"):
        assert kinds[kind] > 0, kind
    assert set(categories) == {"cadre", "civil_servant", "public_employee", "contract_worker"}
    assert categories["public_employee"] > categories["civil_servant"]
    assert roles["head"] > 0
    assert roles["deputy"] > 0
    assert roles["staff"] > roles["head"]


def test_the_ordinary_commands_accept_a_province(folder: Path) -> None:
    path = str(folder / "79.yaml")
    done = runner.invoke(app, ["validate", path])
    assert done.exit_code == 0, done.output
    assert "hợp lệ" in done.stdout
    done = runner.invoke(app, ["check", path, "--on", CHECK_ON.isoformat(), "--format", "json"])
    report = json.loads(done.stdout)
    rules = {f["rule"] for f in report["findings"]}
    assert rules & {"QT-1", "SO-1", "PSU-1", "LD-2"}  # the law finds something
    done = runner.invoke(app, ["compare", path, "--before", "2024-06-30", "--after", "2025-12-31"])
    assert done.exit_code == 0, done.output


def test_same_people_and_seed_give_the_same_bytes(tmp_path: Path, folder: Path) -> None:
    again = tmp_path / "again"
    write_national(PEOPLE, SEED, again)
    for path in sorted(folder.iterdir()):
        assert (again / path.name).read_bytes() == path.read_bytes(), path.name
    other = tmp_path / "other"
    write_national(PEOPLE, SEED + 1, other)
    assert (other / "79.yaml").read_bytes() != (folder / "79.yaml").read_bytes()


def test_one_file_form_has_the_government_at_the_root(tmp_path: Path) -> None:
    path = tmp_path / "vn.yaml"
    args = ["example", "national", "--people", "1200", "--seed", "2", "--output", str(path)]
    done = runner.invoke(app, args)
    assert done.exit_code == 0, done.output
    project = load_project(path)
    assert project.agency.id == "vn"
    assert len(project.people) == 1200
    state = project.state_on(CHECK_ON)
    roots = [u for u in state.units.values() if u.parent_id == "vn"]
    assert len(roots) == 34
    assert all(u.agency_type == "province_committee" for u in roots)
    again = tmp_path / "again.yaml"
    write_national(1200, 2, again)
    assert again.read_bytes() == path.read_bytes()
    done = runner.invoke(app, ["check", str(path), "--on", CHECK_ON.isoformat()])
    assert done.exit_code in (0, 1), done.output


def test_people_spread_by_weight_and_streamed() -> None:
    inputs = province_inputs(100_000, 1)
    assert sum(p.people for p in inputs) == 100_000
    share = {p.code: p.people for p in inputs}
    assert share["79"] > share["01"] > share["04"]  # Hồ Chí Minh City, Hà Nội, Cao Bằng
    seen = [p.code for p in national_provinces(500, 1, only={"04", "11"})]
    assert seen == ["04", "11"]
    assert allocate(10, [1, 1, 1]) == [4, 3, 3]
    assert allocate(0, [1, 2]) == [0, 0]


def test_arguments_belong_to_their_example(tmp_path: Path) -> None:
    done = runner.invoke(app, ["example", "vn2025", "--people", "5", "--output", str(tmp_path)])
    assert done.exit_code == 2
    assert "chỉ dùng với ví dụ 'national'" in done.output
    done = runner.invoke(app, ["example", "national", "--output", str(tmp_path / "x")])
    assert done.exit_code == 2
    assert "cần --people" in done.output
    assert not (tmp_path / "x").exists()


def test_generation_draws_a_bar_on_a_terminal(tmp_path: Path) -> None:
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=160)
    with progress.progress_bar(enabled=True, console=console) as bar:
        write_national(300, 1, tmp_path / "n", progress=bar)
    assert GENERATING in screen.getvalue()
    assert "còn / left" in screen.getvalue()
    done = runner.invoke(
        app, ["--quiet", "example", "national", "--people", "50", "--output", str(tmp_path / "q")]
    )
    assert done.exit_code == 0
    assert "━" not in done.output
    progress.quiet = False


def test_a_province_at_the_national_size_is_valid() -> None:
    """At 2,000,000 people the sở merged on 01/03/2025 have staff of their own at the root;
    nobody may be hired into them after they end (the bulk load of 2,000,000 found it)."""
    from tinhgon.io.national_yaml import dump_fast
    from tinhgon.io.project_file import parse_project

    (province,) = national_provinces(2_000_000, 1, only={"24"})
    merged = {f"t24-{s}" for s in ("skhdt", "stnmt", "snnptnt", "sgtvt", "sldtbxh", "stttt")}
    late = [
        p["id"]
        for p in province.project["people"]
        if p["unit"] in merged and p.get("since", "") >= "2025-03-01"
    ]
    assert not late
    assert any(p["unit"] in merged and "role" not in p for p in province.project["people"])
    project = parse_project(dump_fast(province.project), name="24.yaml")
    assert len(project.people) == province.people > 50_000
