"""What the exported sheets hold, row by row: the staff on a date (with the person codes, so
that an edited export imports back as an update), the structure with its quotas, the agency,
and the findings of a legal check. ``tinhgon.io.xlsx_export`` writes them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from tinhgon.domain import (
    Category,
    CreateUnit,
    Person,
    Project,
    Rating,
    Role,
    State,
    Unit,
)
from tinhgon.domain.vietnamese import name_sort_key
from tinhgon.io.columns import (
    AGENCY_FIELDS,
    AGENCY_TYPES,
    PAY_COLUMNS,
    QUOTA_HEADERS,
    RATING_HEADER,
    STAFF_COLUMNS,
    UNIT_COLUMNS,
    Column,
    Format,
    match_key,
    split_political,
)
from tinhgon.io.sheets import CellValue
from tinhgon.law.engine import Report

# -- what the rows hold ------------------------------------------------------------------------


def rating_columns(years: Iterable[int]) -> list[Column]:
    return [
        Column(
            f"rating:{year}",
            RATING_HEADER.format(year=year),
            (),
            "Xếp loại chất lượng năm",
            "Yearly rating",
            18,
            choices=tuple(r.vi.capitalize() for r in Rating),
        )
        for year in sorted(set(years))
    ]


def quota_columns(keys: Iterable[tuple[Category, int]]) -> list[Column]:
    return [
        Column(
            f"quota:{category.value}:{year}",
            QUOTA_HEADERS[category].format(year=year),
            (),
            "Biên chế được giao",
            "Allotted quota",
            12,
            Format.NUMBER,
        )
        for category, year in sorted(set(keys), key=lambda k: (k[1], list(Category).index(k[0])))
    ]


def _birth(person: Person) -> CellValue:
    birth = person.birth
    if birth.month is not None and birth.day is not None:
        return dt.date(birth.year, birth.month, birth.day)
    return str(birth)


def staff_rows(
    project: Project, state: State, *, order: str = "name"
) -> tuple[list[Column], list[list[Any]]]:
    """The staff on the state's date, one row a person, sorted the Vietnamese way."""
    columns = [*STAFF_COLUMNS]
    people = [(state.people[a.person_id], a) for a in state.assignments.values()]
    years = {year for person, _ in people for year, _ in person.ratings}
    ratings_columns = rating_columns(years)
    columns.extend(ratings_columns)
    # Pay columns only when someone has pay data, so that an export imports back the same.
    pay = [c for c in PAY_COLUMNS if any(getattr(p, c.key) is not None for p, _ in people)]
    columns.extend(pay)
    if order == "unit":
        tree = {unit.id: i for i, (_, unit) in enumerate(state.walk())}
        rank = {Role.HEAD: 0, Role.DEPUTY: 1, Role.STAFF: 2}
        people.sort(
            key=lambda pa: (
                tree.get(pa[1].unit_id, 0),
                rank[pa[1].role],
                name_sort_key(pa[0].full_name),
            )
        )
    else:
        people.sort(key=lambda pa: name_sort_key(pa[0].full_name))
    rows: list[list[Any]] = []
    for number, (person, assignment) in enumerate(people, start=1):
        unit = state.units[assignment.unit_id]
        professional, political = split_political(person.qualifications)
        ratings = dict(person.ratings)
        rows.append(
            [
                number,
                person.id,
                person.full_name,
                _birth(person),
                person.sex.vi.capitalize(),
                person.category.vi,
                person.national_id,
                unit.id,
                unit.name,
                unit.kind.title(assignment.role)
                if assignment.role is not Role.STAFF
                else person.title or None,
                person.rank.code if person.rank and person.rank.code else None,
                person.rank.name if person.rank else None,
                "; ".join(professional) or None,
                "; ".join(political) or None,
                *(
                    ratings[int(c.key.split(":")[1])].vi.capitalize()
                    if int(c.key.split(":")[1]) in ratings
                    else None
                    for c in ratings_columns
                ),
                *(_pay_cell(getattr(person, c.key)) for c in pay),
            ]
        )
    return columns, rows


def structure_rows(state: State) -> tuple[list[Column], list[list[Any]], list[int]]:
    """The units on the state's date in tree order (the agency first), with their leaders,
    head counts and quotas for the year of the date and later."""
    assert state.on is not None
    names = [match_key(u.name) for u in state.units.values()]
    quota_keys = {
        (key.category, key.year)
        for key in state.quotas
        if key.year >= state.on.year and key.unit_id in state.units
    }
    columns = [*UNIT_COLUMNS, *quota_columns(quota_keys)]
    rows: list[list[Any]] = []
    depths: list[int] = []
    for number, (depth, unit) in enumerate(state.walk(), start=1):
        parent: Unit | None = state.units[unit.parent_id] if unit.parent_id else None
        parent_text = None
        if parent is not None:
            parent_text = parent.name if names.count(match_key(parent.name)) == 1 else parent.id
        head = state.head(unit.id)
        deputies = [state.people[d.person_id].full_name for d in state.deputies(unit.id)]
        quotas = [
            state.quota(unit.id, Category(c.key.split(":")[1]), int(c.key.split(":")[2]))
            for c in columns[len(UNIT_COLUMNS) :]
        ]
        rows.append(
            [
                number,
                unit.id,
                unit.name,
                unit.kind.name_vi,
                parent_text,
                "; ".join(unit.fields) or None,
                unit.autonomy_group.value if unit.autonomy_group else None,
                state.people[head.person_id].full_name if head else None,
                ", ".join(sorted(deputies, key=name_sort_key)) or None,
                state.headcount(unit.id),
                state.headcount(unit.id, recursive=True),
                *quotas,
            ]
        )
        depths.append(depth)
    return columns, rows, depths


def agency_rows(project: Project, on: dt.date | None) -> list[list[Any]]:
    agency = project.agency
    root = state_root_kind(project)
    values: dict[str, Any] = {
        "agency_id": agency.id,
        "agency_name": agency.name,
        "short_name": agency.short_name or None,
        "agency_kind": root,
        "agency_type": AGENCY_TYPES.get(agency.agency_type, agency.agency_type),
        "fields": "; ".join(root_fields(project)) or None,
        "province": agency.province or None,
        "superior": agency.superior or None,
        "on": on,
    }
    return [[field.header, values.get(field.key)] for field in AGENCY_FIELDS]


def root_fields(project: Project) -> tuple[str, ...]:
    changes = project.timeline.changes
    if changes and isinstance(changes[0], CreateUnit):
        return changes[0].unit.fields
    return ()


def state_root_kind(project: Project) -> str | None:
    """The Vietnamese name of the agency's own unit kind (Ban quản lý, Sở…)."""
    changes = project.timeline.changes
    if changes and isinstance(changes[0], CreateUnit):
        return changes[0].unit.kind.name_vi
    return None


AGENCY_COLUMNS = (
    Column("label", "Thông tin", (), "", "", 26),
    Column("value", "Giá trị", (), "", "", 60, Format.GENERAL),
)


FINDING_COLUMNS = (
    Column("stt", "STT", (), "", "", 6),
    Column(
        "severity", "Mức độ", (), "vi phạm, cảnh báo hoặc lưu ý", "violation, warning or note", 11
    ),
    Column("rule", "Quy định", (), "Mã quy định (tinhgon rules)", "Rule id (tinhgon rules)", 9),
    Column("unit", "Đơn vị", (), "", "", 32),
    Column("person", "Người", (), "", "", 22),
    Column("actual", "Thực tế", (), "", "", 9),
    Column("limit", "Giới hạn", (), "", "", 9),
    Column("message", "Nội dung", (), "", "", 60, Format.GENERAL),
    Column("citation", "Căn cứ", (), "", "", 40),
    Column(
        "verified",
        "Đã đối chiếu văn bản gốc",
        (),
        "Có: các con số đã đối chiếu với văn bản chính thức",
        "Yes: the numbers were checked against the official text",
        12,
    ),
    Column("message_en", "Finding (English)", (), "", "", 60),
)


def findings_rows(report: Report) -> list[list[Any]]:
    """One row a finding, violations first (the law layer's order)."""
    rows: list[list[Any]] = []
    for number, finding in enumerate(report.findings, start=1):
        rows.append(
            [
                number,
                finding.severity.vi,
                finding.rule,
                finding.unit_name,
                finding.person_name,
                finding.actual,
                finding.limit,
                finding.text_vi(),
                finding.citation,
                "Có" if finding.verified else "Chưa",
                finding.text_en(),
            ]
        )
    return rows


def _pay_cell(value: Any) -> CellValue:
    if isinstance(value, Decimal):
        return float(value)
    return value  # type: ignore[no-any-return]
