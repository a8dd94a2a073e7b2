"""The command line of the law: check, retirement, rules, and compare's findings summary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tinhgon.cli.main import app

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = str(ROOT / "examples" / "kontum-ez-board.yaml")
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_the_kon_tum_example_checks_clean_after_its_restructuring() -> None:
    code, out, _ = run("check", EXAMPLE, "--on", "2019-12-31")

    assert code == 0
    assert "0 vi phạm" in out


def test_the_check_json_has_the_findings_and_the_coverage() -> None:
    code, out, _ = run("check", EXAMPLE, "--on", "2019-12-31", "--format", "json")

    data = json.loads(out)
    assert code == 0
    assert data["on"] == "2019-12-31"
    assert set(data) >= {"on", "findings", "coverage"}
    for finding in data["findings"]:
        assert set(finding) >= {
            "rule",
            "severity",
            "unit",
            "actual",
            "limit",
            "citation",
            "message",
            "verified",
        }
    statuses = {c["rule"]: c["status"] for c in data["coverage"]}
    assert statuses["EZ-1"] == "in_force"
    assert statuses["SO-2"] == "not_applicable"


def test_someone_retiring_within_twelve_months_is_noted() -> None:
    _, out, _ = run("check", EXAMPLE, "--on", "2019-12-31", "--format", "json")

    findings = json.loads(out)["findings"]

    notes = [f for f in findings if f["rule"] == "RA"]
    assert [(f["severity"], f["person"]["id"]) for f in notes] == [("info", "p030")]
    assert notes[0]["detail"]["retires_on"] == "2020-06-30"


def test_the_three_department_plan_breaks_decree_82_and_exits_one() -> None:
    code, out, _ = run(
        "check", EXAMPLE, "--on", "2020-12-31", "--plan", "phuong-an-3-phong", "--format", "json"
    )

    violations = [f for f in json.loads(out)["findings"] if f["severity"] == "violation"]
    assert code == 1
    assert [(f["rule"], f["unit"]["id"], f["actual"], f["limit"]) for f in violations] == [
        ("EZ-1", "qhxd", 3, 2)
    ]


def test_a_finding_from_an_unverified_rule_says_so_in_text_and_json() -> None:
    args = ("check", EXAMPLE, "--on", "2020-12-31", "--plan", "phuong-an-3-phong")
    _, text, _ = run(*args)
    _, out, _ = run(*args, "--format", "json")

    finding = json.loads(out)["findings"][0]
    assert finding["verified"] is False
    assert "cần đối chiếu văn bản gốc" in finding["message"]["vi"]
    assert "cần đối chiếu văn bản gốc" in text


def test_before_decree_82_the_check_reports_the_coverage_gap() -> None:
    code, out, _ = run("check", EXAMPLE, "--on", "2018-01-01", "--format", "json")

    data = json.loads(out)
    gaps = [f for f in data["findings"] if f.get("detail", {}).get("coverage") == "not_encoded"]
    assert code == 0
    assert {f["rule"] for f in gaps} == {"EZ-1", "EZ-2", "EZ-3", "PSU-1"}
    assert {c["rule"]: c["status"] for c in data["coverage"]}["EZ-1"] == "not_encoded"
    assert all("mã hóa" not in f["message"]["vi"] for f in gaps)
    assert all(f["citations"] == [] for f in gaps if f["rule"] != "EZ-1")


def test_after_decree_35_the_kon_tum_board_is_checked_by_it() -> None:
    code, out, _ = run("check", EXAMPLE, "--on", "2023-06-01", "--format", "json")

    data = json.loads(out)
    statuses = {c["rule"]: c["status"] for c in data["coverage"]}
    assert code == 0
    assert statuses["EZ-1"] == statuses["EZ-2"] == statuses["EZ-3"] == "in_force"
    ez = [f for f in data["findings"] if f["rule"].startswith("EZ")]
    # the example gives no province class: only a note each that the common limits apply
    assert {(f["rule"], f["severity"]) for f in ez} == {("EZ-1", "info"), ("EZ-3", "info")}
    assert all("chưa khai báo loại đơn vị hành chính" in f["message"]["vi"] for f in ez)


def test_the_text_output_gives_each_rule_its_title() -> None:
    _, out, _ = run("check", EXAMPLE, "--on", "2023-06-01")

    assert "EZ-2 (Số Phó Trưởng ban của Ban quản lý khu kinh tế): 1" in out
    assert "mã hóa" not in out


@pytest.mark.parametrize(
    "args",
    [
        ("check", EXAMPLE, "--on", "2019-13-01"),
        ("check", "no-such-file.yaml", "--on", "2019-12-31"),
        ("check", EXAMPLE, "--on", "2019-12-31", "--plan", "no-such-plan"),
        ("check", EXAMPLE, "--on", "2019-12-31", "--format", "xml"),
    ],
    ids=["a malformed date", "a missing file", "an unknown plan", "an unknown format"],
)
def test_bad_input_to_check_exits_two(args: tuple[str, ...]) -> None:
    code, _, _ = run(*args)

    assert code == 2


def test_the_retirement_command_gives_the_age_and_the_dates() -> None:
    code, out, _ = run("retirement", "--sex", "male", "--born", "1961-10", "--format", "json")

    data = json.loads(out)
    assert code == 0
    assert data["age"] == {"years": 60, "months": 6}
    assert data["retires_on"] == "2022-04-30"
    assert data["pension_from"] == "2022-05-01"
    assert "135/2020/NĐ-CP" in data["citation"]
    assert data["verified"] is False


@pytest.mark.parametrize(
    ("sex", "born", "age"),
    [
        ("male", "1960-12", {"years": 60, "months": 0}),
        ("male", "1961-01", {"years": 60, "months": 3}),
        ("male", "1966-04", {"years": 62, "months": 0}),
        ("male", "1990-07", {"years": 62, "months": 0}),
        ("female", "1965-12", {"years": 55, "months": 0}),
        ("female", "1966-08", {"years": 55, "months": 4}),
        ("female", "1966-09", {"years": 55, "months": 8}),
        ("female", "1975-05", {"years": 60, "months": 0}),
    ],
)
def test_retirement_works_before_at_each_boundary_and_after_the_roadmap(
    sex: str, born: str, age: dict[str, int]
) -> None:
    code, out, _ = run("retirement", "--sex", sex, "--born", born, "--format", "json")

    assert code == 0
    assert json.loads(out)["age"] == age


@pytest.mark.parametrize("born", ["1961-13", "1961-00", "61-01", "janvier", "1850-01"])
def test_a_malformed_birth_month_exits_two_with_a_clear_message(born: str) -> None:
    code, _, err = run("retirement", "--sex", "male", "--born", born)

    assert code == 2
    assert "--born" in err


def test_retirement_in_text_says_it_is_unverified() -> None:
    code, out, _ = run("retirement", "--sex", "female", "--born", "1970-03")

    assert code == 0
    assert "cần đối chiếu văn bản gốc" in out


def test_docs_rules_md_is_the_output_of_the_rules_command() -> None:
    code, out, _ = run("rules", "--format", "markdown")

    assert code == 0
    assert out == (ROOT / "docs" / "rules.md").read_text(encoding="utf-8"), (
        "docs/rules.md is out of date: run `tinhgon rules --format markdown > docs/rules.md`"
    )


def test_the_rules_catalogue_on_a_date_gives_each_rule_its_status() -> None:
    code, out, _ = run("rules", "--on", "2019-12-31", "--format", "json")

    data = json.loads(out)
    statuses = {r["id"]: r["status"] for r in data["rules"]}
    assert code == 0
    assert statuses["EZ-1"] == "in_force"
    assert statuses["SO-2"] == "not_encoded"
    assert all(p["values"] for p in data["parameters"])


def test_compare_gains_a_findings_summary_for_each_side() -> None:
    code, out, _ = run(
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

    data = json.loads(out)
    assert code == 0
    assert data["before"]["findings"]["violation"] == 0
    assert data["before"]["findings"]["warning"] == 0
    assert data["after"]["findings"]["violation"] == 1
    assert "metrics" in data["before"]


def test_compare_in_text_prints_the_findings_of_each_side() -> None:
    code, out, _ = run("compare", EXAMPLE, "--before", "2018-01-01", "--after", "2019-12-31")

    assert code == 0
    assert "findings, Trước / before" in out
    assert "findings, Sau / after" in out
