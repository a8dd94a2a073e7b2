"""The changes between the report's dates: their sentences, dates and legal bases."""

from __future__ import annotations

import datetime as dt

from tinhgon.domain import (
    Change,
    CreateUnit,
    DiffItem,
    DissolveUnit,
    DocumentKey,
    Hire,
    Leave,
    MergeUnits,
    MoveUnit,
    Plan,
    PlanStatus,
    Project,
    RenameUnit,
    SplitUnit,
    State,
)
from tinhgon.domain.agencies import footprint
from tinhgon.domain.describe import narrate
from tinhgon.domain.diff import UNIT_KINDS
from tinhgon.reports.citations import Citer, citation_date
from tinhgon.reports.common import document_of, plan_label
from tinhgon.reports.model import Paragraph
from tinhgon.reports.wording import two_digits, vn_date

_UNIT_DIFFS = frozenset(UNIT_KINDS)


def events_between(
    project: Project, plan: Plan | None, before: dt.date, after: dt.date
) -> list[tuple[Change, str]]:
    timeline = project.timeline if plan is None else plan.project(project.timeline)
    mine: set[int] | None = None
    if project.scope is not None:  # an agency inside a province's history: its own changes
        positions, _ = footprint(timeline.changes, project.scope)
        mine = {id(timeline.changes[i]) for i in positions}
    out = []
    for change, text, _ in narrate(timeline):
        if change.on > after:
            break
        if change.on > before and (mine is None or id(change) in mine):
            out.append((change, text.vi))
    return out


# Which change makes each kind of structural difference (to find its date and basis).
_DIFF_CHANGE: dict[str, type[Change]] = {
    "unit_created": CreateUnit,
    "units_merged": MergeUnits,
    "unit_split": SplitUnit,
    "unit_separated": SplitUnit,
    "unit_renamed": RenameUnit,
    "unit_moved": MoveUnit,
    "unit_dissolved": DissolveUnit,
}


def _diff_units(item: DiffItem) -> set[str]:
    ids: set[str] = set()
    for key in ("unit", "into", "units", "from"):
        value = item.data.get(key)
        if isinstance(value, str):
            ids.add(value)
        elif isinstance(value, list | tuple):
            ids.update(v for v in value if isinstance(v, str))
    return ids


def _event_of(item: DiffItem, events: list[tuple[Change, str]]) -> Change | None:
    """The last change between the dates that made this difference."""
    kind = _DIFF_CHANGE[item.kind]
    units = _diff_units(item)
    found = None
    for change, _ in events:
        same_date = item.on is None or change.on == item.on
        if isinstance(change, kind) and same_date and units & set(change.unit_ids()):
            found = change
    return found


def cite_basis(project: Project, citer: Citer, key: DocumentKey | None, plan: Plan | None) -> str:
    """The document of a change as the text cites it (in full the first time)."""
    if key is None:
        return plan_label(plan) if plan is not None else ""
    document = document_of(project, key)
    if document is None:
        return f"văn bản số {key.symbol} ngày {citation_date(key.issued_on)}"
    return citer.document(document)


def structure_lines(
    items: list[DiffItem],
    events: list[tuple[Change, str]],
    project: Project,
    plan: Plan | None,
    citer: Citer,
) -> list[str]:
    lines = []
    for item in items:
        if item.kind not in _UNIT_DIFFS:
            continue
        event = _event_of(item, events)
        on = item.on or (event.on if event else None)
        when = f" từ ngày {vn_date(on)}" if on else ""
        if event is not None and event.basis is not None:
            basis = f" (theo {cite_basis(project, citer, event.basis, plan)})"
        elif item.basis:
            basis = f" (theo văn bản số {item.basis})"
        elif plan is not None and plan.status is not PlanStatus.IMPLEMENTED:
            basis = f" (theo {plan_label(plan)})"
        else:
            basis = ""
        lines.append(f"- {item.text.vi}{when}{basis};")
    if lines:
        lines[-1] = lines[-1][:-1] + "."
    return lines


def leader_paragraphs(items: list[DiffItem], state_after: State) -> list[Paragraph]:
    removed = [i for i in items if i.kind == "leader_removed"]
    added = [i for i in items if i.kind == "leader_added"]
    if not removed and not added:
        return []
    text = (
        f"Sau sắp xếp, {two_digits(len(removed))} trường hợp thôi giữ chức vụ lãnh đạo "
        f"đang giữ, {two_digits(len(added))} trường hợp được bố trí giữ chức vụ lãnh đạo"
    )
    out = [Paragraph(text + (":" if added else "."))]
    limit = 20
    shown = added[:limit]
    for n, item in enumerate(shown, start=1):
        end = "." if n == len(shown) and len(added) <= limit else ";"
        out.append(Paragraph(f"- {item.text.vi}{end}"))
    if len(added) > limit:
        out.append(Paragraph(f"- và {len(added) - limit:02d} trường hợp khác (xem Bảng thay đổi)."))
    return out


def staff_movements(events: list[tuple[Change, str]], span: str) -> list[str]:
    """'Từ ngày … đến ngày …, 01 người nghỉ hưu; tuyển dụng, tiếp nhận 01 người.' — who left,
    by reason (retirement, streamlining, …), and who joined between the dates."""
    left: dict[str, int] = {}
    joined = 0
    for change, _ in events:
        if isinstance(change, Leave):
            left[change.reason.vi] = left.get(change.reason.vi, 0) + 1
        elif isinstance(change, Hire):
            joined += 1
    parts = [f"{two_digits(n)} người {reason}" for reason, n in left.items()]
    if joined:
        parts.append(f"tuyển dụng, tiếp nhận {two_digits(joined)} người")
    if not parts:
        return []
    text = "; ".join(parts)
    return [f"{span[:1].upper()}{span[1:]}, {text}."]
