"""End to end on a sở shaped like today's (after 16/06/2025): ``tinhgon check`` reports the
breaches of Decree 150/2025 with its articles, and the province-wide rules on a small province."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from tests.law.builders import Structure, agency_of
from tinhgon.cli.main import app
from tinhgon.domain import Agency
from tinhgon.law import Member, Severity, check_province

runner = CliRunner()

UNITS = (
    # id, kind, name, staff, deputies
    ("vp", "office", "Văn phòng", 6, 2),
    ("ql", "department", "Phòng Quản lý đất đai", 9, 2),
    ("kh", "department", "Phòng Kế hoạch - Tài chính", 12, 2),
    ("tt", "inspectorate", "Thanh tra", 5, 1),
    ("cc", "sub_department", "Chi cục Kiểm lâm", 11, 1),
)


def _project(tmp_path: Path, facts: str = "") -> Path:
    people: list[dict[str, Any]] = [
        {"id": "gd", "name": "Nguyễn Văn Giám", "unit": "so", "role": "head"},
        *(
            {"id": f"pgd{i}", "name": f"Trần Văn Phó {i}", "unit": "so", "role": "deputy"}
            for i in range(4)
        ),
    ]
    for uid, _, _, staff, deputies in UNITS:
        roles = ["head"] + ["deputy"] * deputies + ["staff"] * (staff - 1 - deputies)
        people += [
            {"id": f"{uid}{i:02d}", "name": f"Lê Thị {uid.upper()} {i:02d}", "unit": uid, "role": r}
            for i, r in enumerate(roles)
        ]
    lines = [
        "tinhgon: 1",
        "agency:",
        "  id: so",
        "  name: Sở Nông nghiệp và Môi trường tỉnh Thử",
        "  kind: provincial_department",
        "  agency_type: provincial_department",
        "  province_class: II",
        "baseline:",
        "  on: 2025-07-01",
        "  basis: 15/QĐ-UBND",
        "documents:",
        "  - symbol: 15/QĐ-UBND",
        "    kind: decision",
        "    issued_on: 2025-06-30",
        "    issuer: Ủy ban nhân dân tỉnh Thử",
        "    title: Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở",
        "units:",
    ]
    for uid, kind, name, _, _ in UNITS:
        lines += [f"  - id: {uid}", f"    name: {name}", f"    kind: {kind}"]
    lines.append("people:")
    for p in people:
        lines += [
            f"  - id: {p['id']}",
            f"    name: {p['name']}",
            f"    born: {'1974-05-01' if p['id'] == 'gd' else '1980-05-01'}",
            "    sex: female",
            "    category: civil_servant",
            f"    unit: {p['unit']}",
            f"    role: {p['role']}",
        ]
        if p["id"] == "gd" and facts:
            lines.append(f"    {facts}")
    path = tmp_path / "so.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_so_of_today_is_checked_by_decree_150(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["check", str(_project(tmp_path)), "--on", "2026-06-01", "--format", "json"]
    )

    data = json.loads(result.stdout)
    by_rule: dict[str, list[dict[str, Any]]] = {}
    for f in data["findings"]:
        by_rule.setdefault(f["rule"], []).append(f)
    assert result.exit_code == 1, result.stdout
    so2 = by_rule["SO-2"]
    assert [(f["unit"]["id"], f["actual"], f["limit"]) for f in so2] == [("ql", 2, 1)]
    assert "Nghị định 150/2025/NĐ-CP ngày 12/06/2025, khoản 2 Điều 6" in so2[0]["citation"]
    assert so2[0]["title"]["vi"] == "Số Phó Trưởng phòng của phòng thuộc sở"
    so1 = {f["unit"]["id"]: f for f in by_rule["SO-1"]}
    assert set(so1) == {"vp"}
    assert so1["vp"]["severity"] == "warning"
    assert "điểm b khoản 2 Điều 5" in so1["vp"]["citation"]
    assert [f["unit"]["id"] for f in by_rule["SO-4"]] == ["cc"]
    assert by_rule["SO-6"][0]["detail"]["coverage"] == "ended"
    assert by_rule["SO-3"][0]["severity"] == "info"
    assert "04 Phó Giám đốc" in by_rule["SO-3"][0]["message"]["vi"]
    assert all(
        c["issued_on"] is None or c["issued_on"] <= "2026-06-01"
        for f in data["findings"]
        for c in f["citations"]
    )


def test_the_rules_in_force_today_are_listed_with_their_citations() -> None:
    result = runner.invoke(app, ["rules", "--on", "2026-06-01"])

    out = result.stdout
    rules_part, _, rest = out.partition("## Không áp dụng tại ngày 01/06/2026")
    assert result.exit_code == 0
    assert "### SO-2 — Số Phó Trưởng phòng của phòng thuộc sở" in rules_part
    assert "Nghị định 150/2025/NĐ-CP ngày 12/06/2025, khoản 2 Điều 6" in rules_part
    assert "Nghị định 107/2020/NĐ-CP" not in rules_part.split("## Tham số")[0]
    for rule in ("PSU-1", "EZ-2", "CM-1"):
        assert f"### {rule}" in rules_part
    assert "### SO-6" not in rules_part
    assert "SO-6 — Số Phó Chánh Thanh tra sở: quy định đã chấm dứt" in rest


def _member(agency_id: str, agency_type: str, on: dt.date, spec: dict[str, Any]) -> Member:
    agency = Agency(id=agency_id, name=agency_id, agency_type=agency_type, province_class="II")
    s = Structure(agency_of({"agency_type": agency_type, "province_class": "II"}))
    s.root_leaders(1, int(spec.get("deputies", 0)))
    for unit in spec.get("units", []):
        s.unit(unit)
    return Member(agency, s.state(on))


def test_the_deputy_directors_are_averaged_across_a_small_province() -> None:
    on = dt.date(2026, 6, 1)
    within = [
        _member(f"so{i}", "provincial_department", on, {"deputies": d})
        for i, d in enumerate((4, 3, 2))
    ]
    above = [
        _member(f"so{i}", "provincial_department", on, {"deputies": d})
        for i, d in enumerate((4, 4, 2))
    ]

    ok = check_province(within, on=on, province="Tỉnh Thử", province_class="II")
    bad = check_province(above, on=on, province="Tỉnh Thử", province_class="II")

    assert [(f.rule, f.severity, f.actual, f.limit) for f in ok.findings] == [
        ("SO-3", Severity.INFO, 9, 9)
    ]
    assert [(f.rule, f.severity, f.actual, f.limit) for f in bad.findings] == [
        ("SO-3", Severity.VIOLATION, 10, 9)
    ]
    assert "150/2025/NĐ-CP" in bad.findings[0].citation


def test_hanoi_and_ho_chi_minh_city_have_ten_more_in_all() -> None:
    on = dt.date(2026, 6, 1)
    members = [_member(f"so{i}", "provincial_department", on, {"deputies": 5}) for i in range(4)]

    special = check_province(members, on=on, province="Hà Nội", province_class="special")
    other = check_province(members, on=on, province="Tỉnh Thử", province_class="I")

    assert [(f.severity, f.actual, f.limit) for f in special.findings] == [(Severity.INFO, 20, 22)]
    assert [(f.severity, f.actual, f.limit) for f in other.findings] == [
        (Severity.VIOLATION, 20, 12)
    ]


def test_the_communes_deputies_are_averaged_across_the_province() -> None:
    on = dt.date(2026, 1, 1)
    dept = {"staff": 6}
    a = _member(
        "xa-a",
        "commune_committee",
        on,
        {
            "units": [
                {"id": "vp", "kind": "office", "deputies": 3, **dept},
                {
                    "id": "hcc",
                    "kind": "public_administrative_service_centre",
                    "deputies": 2,
                    **dept,
                },
            ]
        },
    )
    b = _member(
        "xa-b",
        "commune_committee",
        on,
        {
            "units": [
                {"id": "vh", "deputies": 1, **dept},
            ]
        },
    )
    c = _member(
        "xa-c",
        "commune_committee",
        on,
        {
            "units": [
                {"id": "vh", "deputies": 3, **dept},
            ]
        },
    )

    ok = check_province([a, b], on=on, province="Tỉnh Thử", province_class="II")
    bad = check_province([a, b, c], on=on, province="Tỉnh Thử", province_class="II")

    assert [(f.rule, f.severity, f.actual, f.limit) for f in ok.findings] == [
        ("CM-1", Severity.INFO, 6, 6)
    ]
    assert [(f.rule, f.severity, f.actual, f.limit) for f in bad.findings] == [
        ("CM-1", Severity.VIOLATION, 9, 8)
    ]


def test_before_resolution_332_the_commune_average_is_a_coverage_gap() -> None:
    on = dt.date(2025, 10, 14)
    a = _member(
        "xa-a", "commune_committee", on, {"units": [{"id": "vh", "deputies": 3, "staff": 6}]}
    )

    report = check_province([a], on=on, province="Tỉnh Thử", province_class="II")

    assert report.findings == ()
    assert {c.rule.id: c.status for c in report.coverage}["CM-1"] == "not_encoded"


def test_early_retirement_facts_are_read_from_the_project_file(tmp_path: Path) -> None:
    path = _project(tmp_path, "work_capacity_loss: 65")

    result = runner.invoke(app, ["check", str(path), "--on", "2026-06-01", "--format", "json"])

    notes = [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "RA-5"]
    assert [(f["person"]["id"], f["limit"]) for f in notes] == [("gd", "52 tuổi")]
    assert "65 % suy giảm khả năng lao động" in notes[0]["message"]["vi"]


def test_a_wrong_early_retirement_fact_is_refused_with_its_field(tmp_path: Path) -> None:
    path = _project(tmp_path, "hazardous_work_years: 75")

    result = runner.invoke(app, ["check", str(path), "--on", "2026-06-01"])

    assert result.exit_code == 2
    assert "hazardous_work_years" in result.stderr
