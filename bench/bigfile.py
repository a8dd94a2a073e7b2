"""A province-sized project file for the benchmarks, written the way ``dump_project`` writes.

A provincial department with ``people // 20`` units (departments, sub-departments with their
own departments, public service units), every person in block style with a national ID and a
rank, quotas for ten years and a history of transfers: about ten lines a person, so a
50,000-person file has ~560,000 lines. Deterministic for a seed.

    python bench/bigfile.py 50000 /tmp/big.yaml
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Thanh", "Minh", "Quốc", "Thu", "Ngọc"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hùng", "Lan", "Mai", "Nam", "Ngọc", "Tâm", "Yến"]
RANKS = [("01.003", "Chuyên viên"), ("01.002", "Chuyên viên chính"), ("01.004", "Cán sự")]


def project_text(people: int, seed: int = 1, transfers: int | None = None) -> str:
    rng = random.Random(seed)
    out = [
        "tinhgon: 1",
        "agency:",
        "  id: so",
        "  name: Sở Nội vụ tỉnh Thử nghiệm",
        "  kind: provincial_department",
        "  agency_type: provincial_department",
        "  province: Thử nghiệm",
        "  province_class: II",
        "baseline:",
        "  on: '2015-01-01'",
        "  basis: 01/BC-SNV",
        "documents:",
        "- symbol: 01/BC-SNV",
        "  kind: report",
        "  issued_on: '2014-12-30'",
        "  issuer: Sở Nội vụ",
        "  title: Báo cáo tổ chức bộ máy, biên chế",
        "- symbol: 02/QĐ-SNV",
        "  kind: decision",
        "  issued_on: '2015-01-05'",
        "  issuer: Sở Nội vụ",
        "  title: Quyết định điều động",
        "units:",
    ]
    n_units = max(people // 20, 5)
    units: list[tuple[str, str]] = []  # (id, kind)
    i = 0
    while len(units) < n_units:
        i += 1
        shape = i % 10
        if shape < 4:
            units.append((f"d{i}", "department"))
            out += [f"- id: d{i}", f"  name: Phòng {i}", "  kind: department"]
        elif shape < 6:
            units.append((f"c{i}", "sub_department"))
            out += [f"- id: c{i}", f"  name: Chi cục {i}", "  kind: sub_department"]
            for j in range(3):
                units.append((f"c{i}-{j}", "department"))
                out += [
                    f"- id: c{i}-{j}",
                    f"  name: Phòng {j} thuộc Chi cục {i}",
                    "  kind: department",
                    f"  parent: c{i}",
                ]
        else:
            units.append((f"s{i}", "public_service_unit"))
            out += [f"- id: s{i}", f"  name: Trung tâm {i}", "  kind: public_service_unit"]
    out.append("people:")
    staff: dict[str, str] = {}
    headed: set[str] = set()
    for n in range(people):
        uid, kind = units[n % len(units)]
        psu = kind == "public_service_unit"
        category = "public_employee" if psu else "civil_servant"
        role = "staff"
        if uid not in headed:
            role = "head"
            headed.add(uid)
        elif n // len(units) <= 2:
            role = "deputy"
        name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        sex = "female" if " Thị " in name else rng.choice(("male", "female"))
        born = f"{rng.randint(1966, 2000)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        code, rank = rng.choice(RANKS)
        out += [
            f"- id: p{n}",
            f"  name: {name}",
            f"  born: '{born}'",
            f"  sex: {sex}",
            f"  category: {category}",
            f"  national_id: '{rng.randint(1, 96):03d}{rng.randint(0, 1)}{n:08d}'",
            "  rank:",
            f"    code: '{code}'",
            f"    name: {rank}",
            f"  unit: {uid}",
            f"  role: {role}",
        ]
        if role == "staff" and not psu:
            staff[f"p{n}"] = uid
    out.append("quotas:")
    for year in range(2015, 2025):
        on = "2015-01-01" if year == 2015 else f"{year - 1}-12-20"
        out += [
            "- unit: so",
            "  category: civil_servant",
            f"  year: {year}",
            f"  value: {people}",
            f"  on: '{on}'",
            "  basis: 02/QĐ-SNV",
        ]
    out.append("changes:")
    departments = [u for u, k in units if k == "department"]
    day = dt.date(2015, 2, 1)
    pool = sorted(staff)
    for _ in range(people // 10 if transfers is None else transfers):
        day += dt.timedelta(days=rng.choice((0, 0, 0, 1)))
        pid = rng.choice(pool)
        target = rng.choice(departments)
        if target == staff[pid]:
            continue
        staff[pid] = target
        out += [
            "- kind: transfer",
            f"  on: '{day.isoformat()}'",
            "  basis: 02/QĐ-SNV",
            f"  person: {pid}",
            f"  unit: {target}",
        ]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    Path(sys.argv[2]).write_text(project_text(int(sys.argv[1])), encoding="utf-8")
