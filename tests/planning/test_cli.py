"""propose, surplus and forecast on the command line, on real files read back."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from tests.planning.builders import person, project, team
from tinhgon.cli.main import app
from tinhgon.domain import Appoint, MergeUnits, Plan, Relieve, Role
from tinhgon.io import dump_project, load_project

EXAMPLE = str(Path(__file__).parents[2] / "examples" / "kontum-ez-board.yaml")
runner = CliRunner()
DECISION = dt.date(2026, 1, 1)


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args))


def test_propose_on_kon_tum_writes_a_plan_that_check_and_compare_read(tmp_path: Path) -> None:
    out = tmp_path / "proposed.yaml"
    result = run(
        "propose",
        EXAMPLE,
        "--on",
        "01/01/2018",
        "--effective",
        "01/11/2018",
        "--max-departments",
        "4",
        "--output",
        str(out),
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["units_after"] <= 4
    assert data["leaders_after"] <= 11
    assert data["lawful"] is True
    assert data["findings"]["violation"] == 0

    checked = run("check", str(out), "--on", "01/11/2018", "--plan", "proposed", "--format", "json")
    assert checked.exit_code == 0, checked.output
    assert json.loads(checked.output)["summary"]["violation"] == 0
    compared = run(
        "compare",
        str(out),
        "--before",
        "01/01/2018",
        "--after",
        "01/11/2018",
        "--plan",
        "proposed",
        "--format",
        "json",
    )
    assert compared.exit_code == 0, compared.output
    after = json.loads(compared.output)["after"]["metrics"]
    assert after["departments"] <= 4
    assert after["department_leaders"] <= 11


def test_propose_explains_what_to_relax(tmp_path: Path) -> None:
    out = tmp_path / "never.yaml"
    result = run(
        "propose",
        EXAMPLE,
        "--on",
        "01/01/2018",
        "--effective",
        "01/11/2018",
        "--max-departments",
        "3",
        "--max-merged",
        "1",
        "--output",
        str(out),
    )
    assert result.exit_code == 1
    assert "hãy nới bớt ít nhất một" in result.output
    assert "--max-departments" in result.output
    assert "--max-merged" in result.output
    assert not out.exists()


def test_propose_refuses_an_existing_plan_id(tmp_path: Path) -> None:
    result = run(
        "propose",
        EXAMPLE,
        "--on",
        "01/01/2018",
        "--plan-id",
        "phuong-an-3-phong",
        "--output",
        str(tmp_path / "x.yaml"),
    )
    assert result.exit_code == 2
    assert "phuong-an-3-phong" in result.output


def _surplus_file(tmp_path: Path) -> Path:
    base = project(
        team(
            "a",
            4,
            deputies=1,
            deputy1=person(
                "a1",
                born="1966-03-10",
                salary="4.98",
                position="0.3",
                si_months=300,
                si_on=DECISION,
            ),
        ),
        team("b", 3, head=person("b0", rank="01.002")),
    )
    plan = Plan(
        id="merge",
        title="Sáp nhập",
        changes=(
            Relieve(on=DECISION, person="a0"),
            Relieve(on=DECISION, person="a1"),
            MergeUnits(on=DECISION, sources=("b",), into="a", roles={"b0": Role.HEAD}),
            Appoint(on=DECISION, person="a0", role=Role.DEPUTY),
        ),
    )
    path = tmp_path / "agency.yaml"
    path.write_text(dump_project(base.with_plan(plan)), encoding="utf-8")
    return path


def test_pay_fields_survive_the_project_file(tmp_path: Path) -> None:
    loaded = load_project(_surplus_file(tmp_path))
    a1 = loaded.people["a1"]
    assert str(a1.salary_coefficient) == "4.98"
    assert str(a1.position_allowance_coefficient) == "0.3"
    assert a1.social_insurance_months == 300
    assert a1.social_insurance_on == DECISION


def test_surplus_text_json_and_xlsx(tmp_path: Path) -> None:
    path = str(_surplus_file(tmp_path))
    text = run("surplus", path, "--plan", "merge")
    assert text.exit_code == 0, text.output
    assert "24 tháng × 1 × 12.355.200 đ = 296.524.800 đ" in text.output
    assert "512.740.800 đ" in text.output
    assert "178/2024/NĐ-CP" in text.output

    data = json.loads(run("surplus", path, "--plan", "merge", "--format", "json").output)
    assert [p["person"] for p in data["people"]] == ["a1"]
    assert data["totals"]["early_retirement_within_12_months"] == 512_740_800

    book_path = tmp_path / "dôi dư.xlsx"
    result = run("surplus", path, "--plan", "merge", "--format", "xlsx", "--output", str(book_path))
    assert result.exit_code == 0, result.output
    book = load_workbook(book_path)
    rows = list(book["Dôi dư"].iter_rows(values_only=True))
    assert rows[0][1] == "Họ và tên"
    totals = [
        r[11] for r in rows[1:] if r[8] and str(r[8]).startswith("Nghỉ hưu trước tuổi (trong")
    ]
    assert totals == [512_740_800]
    figures = list(book["Phép tính"].iter_rows(values_only=True))
    assert any(r[3] == 92_664_000 and "7,5" not in str(r[4]) for r in figures[1:])


def test_surplus_xlsx_has_a_default_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _surplus_file(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = run("surplus", str(path), "--plan", "merge", "--format", "xlsx")
    assert result.exit_code == 0, result.output
    assert load_workbook(tmp_path / "agency-doi-du-merge.xlsx")["Dôi dư"]["B2"].value


def test_surplus_of_an_unknown_plan_is_bad_input(tmp_path: Path) -> None:
    result = run("surplus", str(_surplus_file(tmp_path)), "--plan", "nope")
    assert result.exit_code == 2
    assert "nope" in result.output


def test_forecast_json_and_text() -> None:
    result = run("forecast", EXAMPLE, "--until", "2026", "--from", "31/12/2020", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    years = {y["year"]: y for y in data["years"]}
    assert not years[2020]["projected"]
    assert years[2021]["projected"]
    assert {t["group"] for t in data["targets"]} >= {"cadres_civil_servants", "public_employees"}
    text = run("forecast", EXAMPLE, "--until", "2026", "--from", "31/12/2020")
    assert text.exit_code == 0
    assert "185/KH-UBND" in text.output
    bad = run("forecast", EXAMPLE, "--until", "1990")
    assert bad.exit_code == 2


def test_scenarios_side_by_side_on_the_command_line() -> None:
    args = ["--plan", "de-an-2018", "--plan", "de-an-dvsn-2018", "--plan", "phuong-an-3-phong"]
    result = run("scenarios", EXAMPLE, *args, "--format", "json")
    assert result.exit_code == 0, result.output
    rows = {r["plan"]: r for r in json.loads(result.output)}
    # The seed article's numbers after the 2018 plan: 4 departments, 11 department leaders.
    assert rows["de-an-2018"]["metrics"]["departments"] == 4
    assert rows["de-an-2018"]["metrics"]["department_leaders"] == 11
    assert rows["de-an-2018"]["surplus"] == 4
    assert rows["phuong-an-3-phong"]["metrics"]["departments"] == 3
    assert rows["phuong-an-3-phong"]["findings"]["violation"] == 1


def test_propose_bad_input_is_named(tmp_path: Path) -> None:
    out = tmp_path / "x.yaml"
    unknown = run("propose", EXAMPLE, "--on", "01/01/2018", "--keep", "nope", "--output", str(out))
    assert unknown.exit_code == 2
    assert "'nope'" in unknown.output
    backwards = run(
        "propose",
        EXAMPLE,
        "--on",
        "01/01/2018",
        "--effective",
        "01/01/2017",
        "--output",
        str(out),
    )
    assert backwards.exit_code == 2
    assert "ngày hiệu lực 01/01/2017" in backwards.output
    assert not out.exists()
