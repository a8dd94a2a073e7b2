"""A plan's changes in a legal drafter's words: one article of the decision per change.

"Sáp nhập Phòng Kế hoạch - Tổng hợp vào Văn phòng", "Hợp nhất … thành …", "Chia … thành …",
"Tách … để thành lập …", "Giải thể …", "Đổi tên … thành …", "Bổ nhiệm ông … giữ chức …"
(shared/GLOSSARY.md keeps the operations apart). Units and people are named as they are just
before each change. The articles come in the order a drafter writes them: establishing and
reorganising units first, then renamings and moves, then people, then quotas; by date within
each group. For a project narrowed to one agency inside a province's history, only the
plan's changes that concern that agency are told (``plan_changes_told``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from tinhgon.domain import (
    Appoint,
    Change,
    CreateUnit,
    DissolveUnit,
    Hire,
    Leave,
    MergeUnits,
    MoveUnit,
    Plan,
    Project,
    Relieve,
    RenameUnit,
    SetQuota,
    SplitUnit,
    Timeline,
    Transfer,
)
from tinhgon.domain.agencies import footprint
from tinhgon.domain.describe import Lookup, narrate, unit_name
from tinhgon.domain.model import Role, Sex, UnitKind
from tinhgon.reports.citations import citation_date

_ORDER: tuple[type[Change], ...] = (
    CreateUnit,
    MergeUnits,
    SplitUnit,
    DissolveUnit,
    RenameUnit,
    MoveUnit,
    Appoint,
    Transfer,
    Relieve,
    Hire,
    Leave,
    SetQuota,
)


@dataclass(frozen=True, slots=True)
class Article:
    """One article: its sentence ('Sáp nhập … vào ….') and its clauses ('1. …')."""

    on: dt.date
    text: str
    clauses: tuple[str, ...] = ()
    structural: bool = True


def _unit(look: Lookup, unit_id: str | None) -> str:
    return "" if unit_id is None else unit_name(look, unit_id)


def _person(look: Lookup, person_id: str) -> str:
    """'ông Nguyễn Văn A' / 'bà Trần Thị B'."""
    person = look.people.get(person_id)
    if person is None:
        return person_id
    return f"{'bà' if person.sex is Sex.FEMALE else 'ông'} {person.full_name}"


def _post(look: Lookup, unit_id: str, role: Role, name: str | None = None) -> str:
    unit = look.units.get(unit_id)
    label = name or _unit(look, unit_id)
    if unit is None:
        return f"{role.vi} {label}"
    return unit.kind.post(role, label)


def _and_post(look: Lookup, unit_id: str, role: Role) -> str:
    """' và giữ chức Trưởng phòng …' for a head or deputy; nothing for staff."""
    return f" và giữ chức {_post(look, unit_id, role)}" if role is not Role.STAFF else ""


def _current_post(look: Lookup, person_id: str) -> str:
    now = look.assignments.get(person_id)
    if now is None:
        return ""
    if now.role is Role.STAFF:
        return f"công chức, viên chức {_unit(look, now.unit_id)}"
    return _post(look, now.unit_id, now.role)


def _joined(names: list[str]) -> str:
    """'A và B', 'A, B và C'; only commas when a name itself says 'và'."""
    if len(names) <= 1:
        return "".join(names)
    if any(" và " in n for n in names):
        return ", ".join(names)
    return ", ".join(names[:-1]) + " và " + names[-1]


def _since(on: dt.date) -> str:
    return f"kể từ ngày {citation_date(on)}"


def _roles(
    look: Lookup, roles: Mapping[str, Role], unit_name: str, kind: UnitKind | None
) -> list[str]:
    """'ông A, Trưởng phòng X, giữ chức Trưởng phòng Y' for each leader a merge or split
    names."""
    lines = []
    order = sorted(roles.items(), key=lambda kv: (kv[1] is not Role.HEAD, kv[0]))
    for person_id, role in order:
        if role is Role.STAFF:
            continue
        who = _person(look, person_id)
        current = _current_post(look, person_id)
        post = kind.post(role, unit_name) if kind is not None else f"{role.vi} {unit_name}"
        lines.append(f"{who}, {current}, giữ chức {post}" if current else f"{who} giữ chức {post}")
    return lines


def _fields(name: str, fields: tuple[str, ...]) -> str:
    return f"{name} thực hiện chức năng tham mưu, giúp việc về: {', '.join(fields)}."


def article_of(change: Change, look: Lookup) -> Article | None:
    """The article for one change, naming units and people as ``look`` has them."""
    on = change.on
    clauses: list[str] = []
    kind: UnitKind | None = None
    placed: dict[str, list[str]] = {}
    if isinstance(change, CreateUnit):
        parent = _unit(look, change.unit.parent_id)
        where = f" trực thuộc {parent}" if parent else ""
        if change.unit.fields:
            clauses.append(_fields(change.unit.name, change.unit.fields))
        return Article(on, f"Thành lập {change.unit.name}{where} {_since(on)}.", tuple(clauses))
    if isinstance(change, MergeUnits):
        sources = [_unit(look, s) for s in change.sources]
        if change.new_unit is not None:
            target = change.new_unit.name
            text = f"Hợp nhất {_joined(sources)} thành {target} {_since(on)}."
            if change.new_unit.fields:
                clauses.append(_fields(target, change.new_unit.fields))
            kind = change.new_unit.kind
        else:
            target = _unit(look, change.into)
            text = f"Sáp nhập {_joined(sources)} vào {target} {_since(on)}."
            into = look.units.get(change.into)
            kind = into.kind if into is not None else None
        clauses.append(
            f"{target} tiếp nhận nguyên trạng chức năng, nhiệm vụ, công chức, viên chức, người "
            f"lao động, biên chế, hồ sơ, tài liệu, tài sản của {_joined(sources)}; "
            f"{_joined(sources)} chấm dứt hoạt động {_since(on)}."
        )
        roles = _roles(look, change.roles, target, kind)
        if roles:
            clauses.append(f"Bố trí lãnh đạo {target}: " + "; ".join(roles) + ".")
        return Article(on, text, tuple(clauses))
    if isinstance(change, SplitUnit):
        source = _unit(look, change.source)
        parts = [n.name for n in change.new_units]
        if change.source_continues:
            text = (
                f"Tách một phần chức năng, nhiệm vụ của {source} để thành lập {_joined(parts)} "
                f"{_since(on)}; {source} tiếp tục hoạt động."
            )
        else:
            text = (
                f"Chia {source} thành {_joined(parts)} {_since(on)}; {source} chấm dứt hoạt động."
            )
        clauses.extend(_fields(n.name, n.fields) for n in change.new_units if n.fields)
        for person_id, unit_id in change.people.items():
            name = next((n.name for n in change.new_units if n.id == unit_id), None)
            placed.setdefault(name or _unit(look, unit_id), []).append(person_id)
        for name, people in placed.items():
            clauses.append(f"Bố trí {len(people):02d} người về làm việc tại {name}.")
        for new in change.new_units:
            mine = {p: r for p, r in change.roles.items() if change.people.get(p) == new.id}
            roles = _roles(look, mine, new.name, new.kind)
            if roles:
                clauses.append(f"Bố trí lãnh đạo {new.name}: " + "; ".join(roles) + ".")
        return Article(on, text, tuple(clauses))
    if isinstance(change, DissolveUnit):
        unit = _unit(look, change.unit)
        for person_id, unit_id in change.people.items():
            placed.setdefault(_unit(look, unit_id), []).append(person_id)
        for name, people in placed.items():
            who = ", ".join(_person(look, p) for p in people)
            clauses.append(f"Bố trí {who} về làm việc tại {name}.")
        return Article(on, f"Giải thể {unit} {_since(on)}.", tuple(clauses))
    if isinstance(change, RenameUnit):
        return Article(on, f"Đổi tên {_unit(look, change.unit)} thành {change.name} {_since(on)}.")
    if isinstance(change, MoveUnit):
        return Article(
            on,
            f"Chuyển {_unit(look, change.unit)} về trực thuộc {_unit(look, change.parent)} "
            f"{_since(on)}.",
        )
    who = ""
    if isinstance(change, Appoint | Transfer | Relieve | Leave):
        who = _person(look, change.person)
    if isinstance(change, Appoint):
        now = look.assignments.get(change.person)
        unit_id = change.unit or (now.unit_id if now else "")
        current = _current_post(look, change.person)
        text = (
            f"Bổ nhiệm {who}{', ' + current if current else ''}, giữ chức "
            f"{_post(look, unit_id, change.role)} {_since(on)}."
        )
        return Article(on, text, structural=False)
    if isinstance(change, Transfer):
        current = _current_post(look, change.person)
        post = _and_post(look, change.unit, change.role)
        return Article(
            on,
            f"Điều động {who}{', ' + current if current else ''}, đến nhận công tác tại "
            f"{_unit(look, change.unit)}{post} {_since(on)}.",
            structural=False,
        )
    if isinstance(change, Relieve):
        return Article(
            on,
            f"Miễn nhiệm chức vụ {_current_post(look, change.person)} đối với {who} {_since(on)}.",
            structural=False,
        )
    if isinstance(change, Leave):
        return Article(
            on, f"Giải quyết cho {who} {change.reason.vi} {_since(on)}.", structural=False
        )
    if isinstance(change, Hire):
        title = "bà" if change.person.sex is Sex.FEMALE else "ông"
        post = _and_post(look, change.unit, change.role)
        return Article(
            on,
            f"Tiếp nhận {title} {change.person.full_name} vào làm việc tại "
            f"{_unit(look, change.unit)}{post} {_since(on)}.",
            structural=False,
        )
    if isinstance(change, SetQuota):
        return Article(
            on,
            f"Giao {change.value:02d} biên chế {change.category.vi} năm {change.year} cho "
            f"{_unit(look, change.unit)}.",
        )
    return None


def plan_changes_told(project: Project, plan: Plan, timeline: Timeline) -> set[int]:
    """The ids of the changes of ``timeline`` (the history with the plan) the plan's papers
    tell: the plan's own; for a project narrowed to one agency, those of them that concern
    the agency (named before or after the change, as ``report_changes.events_between``)."""
    by_day: dict[dt.date, list[Change]] = {}
    for change in plan.changes:
        by_day.setdefault(change.on, []).append(change)
    told = {id(c) for c in timeline.changes if any(c is m or c == m for m in by_day.get(c.on, ()))}
    if project.scope is not None:
        positions, _ = footprint(timeline.changes, project.scope)
        told &= {id(timeline.changes[i]) for i in positions}
    return told


def plan_articles(project: Project, plan: Plan) -> list[Article]:
    """The articles of the decision a plan needs, in a drafter's order."""
    timeline = plan.project(project.timeline)
    told = plan_changes_told(project, plan, timeline)
    found: list[tuple[int, dt.date, int, Article]] = []
    for index, (change, _, look) in enumerate(narrate(timeline)):
        if id(change) not in told:
            continue
        article = article_of(change, look)
        if article is not None:
            group = next((n for n, t in enumerate(_ORDER) if isinstance(change, t)), len(_ORDER))
            found.append((group, change.on, index, article))
    return [a for *_, a in sorted(found, key=lambda t: t[:3])]
