"""The report's tables and figures: before and after, quotas by unit, the org chart."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from tinhgon.domain import Category, Document, Metrics, State, UnitClass
from tinhgon.domain.describe import unit_tree
from tinhgon.reports.charts import BarPanel, OrgNode, before_after_chart, org_chart
from tinhgon.reports.model import Cell, Column, Figure, Table
from tinhgon.reports.wording import document_kind_order, two_digits, vn_date

_QUOTA_LABEL = {
    Category.CADRE: "Biên chế cán bộ được giao",
    Category.CIVIL_SERVANT: "Biên chế công chức được giao",
    Category.PUBLIC_EMPLOYEE: "Số lượng người làm việc (viên chức) được giao",
    Category.CONTRACT_WORKER: "Hợp đồng lao động được giao",
}


def metric_rows(before: Metrics, after: Metrics) -> list[tuple[Cell, ...]]:
    def row(label: str, b: int, a: int) -> tuple[Cell, ...]:
        return (label, b, a, a - b)

    psu_b = before.leaders_by_level[UnitClass.PUBLIC_SERVICE_UNIT.value]
    psu_a = after.leaders_by_level[UnitClass.PUBLIC_SERVICE_UNIT.value]
    rows = [
        row("Phòng chuyên môn và tương đương", before.departments, after.departments),
        row(
            "Lãnh đạo cấp phòng và tương đương",
            before.department_leaders,
            after.department_leaders,
        ),
        row("- Cấp trưởng", before.department_heads, after.department_heads),
        row("- Cấp phó", before.department_deputies, after.department_deputies),
        row("Đơn vị sự nghiệp công lập", before.public_service_units, after.public_service_units),
        row(
            "Lãnh đạo đơn vị sự nghiệp công lập",
            psu_b["heads"] + psu_b["deputies"],
            psu_a["heads"] + psu_a["deputies"],
        ),
        row("Tổng số người làm việc", before.staff, after.staff),
    ]
    for category in Category:
        b = before.staff_by_category[category.value]
        a = after.staff_by_category[category.value]
        if b or a:
            rows.append(row(f"- {category.vi.capitalize()}", b, a))
    totals_b, totals_a = before.quota_totals(), after.quota_totals()
    for category in Category:
        qb = totals_b.get(category.value)
        qa = totals_a.get(category.value)
        if qb is None and qa is None:
            continue
        rows.append(
            (
                _QUOTA_LABEL[category],
                qb["quota"] if qb else None,
                qa["quota"] if qa else None,
                (qa["quota"] if qa else 0) - (qb["quota"] if qb else 0),
            )
        )
    return rows


def quota_table(before: Metrics, after: Metrics, number: int) -> Table | None:
    lines: dict[tuple[str, str], list[int | None]] = {}
    order: list[tuple[str, str]] = []
    for index, metrics in enumerate((before, after)):
        for line in metrics.quota_lines:
            key = (line.unit_name, line.category.vi)
            if key not in lines:
                lines[key] = [None, None, None, None]
                order.append(key)
            lines[key][index * 2] = line.quota
            lines[key][index * 2 + 1] = line.actual
    if not lines:
        return None
    year_b = before.on.year if before.on else ""
    year_a = after.on.year if after.on else ""
    return Table(
        title=f"Bảng {number}. Biên chế được giao và hiện có theo đơn vị",
        sheet="Biên chế",
        unit="người",
        totals=True,
        columns=(
            Column("Đơn vị", "text", 5.3),
            Column("Loại", "text", 2.4),
            Column(f"Được giao năm {year_b}", "int", 2.2),
            Column(f"Hiện có ngày {vn_date(before.on)}" if before.on else "Hiện có", "int", 2.2),
            Column(f"Được giao năm {year_a}", "int", 2.2),
            Column(f"Hiện có ngày {vn_date(after.on)}" if after.on else "Hiện có", "int", 2.2),
        ),
        rows=tuple((name, category, *values) for (name, category), values in lines.items()),
    )


def org_node(entry: dict[str, Any]) -> OrgNode:
    lines = []
    if entry["head"]:
        lines.append(f"{entry['head']['title']}: {entry['head']['name']}")
    if entry["deputies"]:
        lines.append(f"{len(entry['deputies']):02d} {entry['deputies'][0]['title']}")
    lines.append(f"{two_digits(entry['staff_total'])} người")
    return OrgNode(
        name=entry["name"],
        lines=tuple(lines),
        group=entry["unit_class"],
        children=[org_node(c) for c in entry["children"]],
    )


def org_figure(state: State, caption: str) -> Figure | None:
    tree = unit_tree(state)
    if not tree:
        return None
    root = org_node(tree[0]) if len(tree) == 1 else OrgNode("", (), "", [org_node(t) for t in tree])
    return Figure(caption=caption, draw=functools.cache(functools.partial(org_chart, root)))


def headline_counts(before: Metrics, after: Metrics) -> dict[str, tuple[int, int]]:
    return {
        "departments": (before.departments, after.departments),
        "department_leaders": (before.department_leaders, after.department_leaders),
        "public_service_units": (before.public_service_units, after.public_service_units),
        "staff": (before.staff, after.staff),
    }


def before_after_figure(
    caption: str, counts: dict[str, tuple[int, int]], before_label: str, after_label: str
) -> Figure:
    """The four small bar panels; drawn once, however many formats are written."""
    return Figure(
        caption=caption,
        draw=functools.cache(
            functools.partial(
                before_after_chart,
                (
                    BarPanel("Phòng chuyên môn và tương đương", *counts["departments"]),
                    BarPanel("Lãnh đạo cấp phòng và tương đương", *counts["department_leaders"]),
                    BarPanel("Đơn vị sự nghiệp công lập", *counts["public_service_units"]),
                    BarPanel("Tổng số người làm việc", *counts["staff"]),
                ),
                before_label,
                after_label,
            )
        ),
    )


def documents_table(documents: Iterable[Document]) -> Table:
    """The annex's list of the documents the report cites, the highest instrument first."""
    return Table(
        title="Văn bản được viện dẫn",
        sheet="Văn bản",
        columns=(
            Column("Số, ký hiệu", "text", 3.0),
            Column("Loại văn bản", "text", 2.5),
            Column("Ngày ban hành", "date", 2.5),
            Column("Cơ quan ban hành", "text", 4.0),
            Column("Trích yếu", "text", 8.0),
        ),
        rows=tuple(
            (d.symbol.text, d.kind.vi, d.issued_on, d.issuer, " ".join(d.title.split()))
            for d in sorted(documents, key=lambda d: (document_kind_order(d.kind), d.issued_on))
        ),
        annex_only=True,
    )
