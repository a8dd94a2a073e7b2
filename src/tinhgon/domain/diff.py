"""What changed between two states: units created, merged, split, dissolved, renamed or moved
(with their lineage), people who joined, left or moved, leaders added and removed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from tinhgon.domain.changes import Text
from tinhgon.domain.model import Role
from tinhgon.domain.state import EndKind, State


@dataclass(frozen=True, slots=True)
class DiffItem:
    """One difference between two states, with a sentence in Vietnamese and English."""

    kind: str
    text: Text
    on: date | None = None
    basis: str | None = None
    data: dict[str, object] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "on": self.on.isoformat() if self.on else None,
            "basis": self.basis,
            **self.data,
            "text_vi": self.text.vi,
            "text_en": self.text.en,
        }


def unit_name_across(before: State, after: State, unit_id: str) -> str:
    """A unit's name after, else before (also a unit that has ended: its last name), or its id."""
    for state in (after, before):
        if unit_id in state.units:
            return state.units[unit_id].name
        if unit_id in state.ended:
            return state.ended[unit_id].unit.name
    return unit_id


def _created_on(before: State, after: State, unit_id: str, on: date) -> bool:
    """Whether the unit was new on that day (a consolidation, not a merger into a unit that
    already existed, even one created after ``before``)."""
    if unit_id in before.units:
        return False
    unit = after.units.get(unit_id) or (
        after.ended[unit_id].unit if unit_id in after.ended else None
    )
    return unit is not None and unit.established_on == on


def _title(state: State, unit_id: str, role: Role) -> str:
    unit = state.units[unit_id]
    return unit.kind.post(role, unit.name)


# The kinds of difference that concern units (the rest concern people), in reading order.
UNIT_KINDS = (
    "unit_created",
    "units_merged",
    "unit_split",
    "unit_separated",
    "unit_renamed",
    "unit_moved",
    "unit_dissolved",
)

_ORDER = {
    kind: i
    for i, kind in enumerate(
        (
            *UNIT_KINDS,
            "leader_removed",
            "leader_added",
            "person_left",
            "person_joined",
            "person_moved",
        )
    )
}


def diff_states(before: State, after: State) -> list[DiffItem]:
    """The differences from ``before`` to ``after`` (normally an earlier and a later state)."""
    items = _unit_items(before, after)
    items.extend(_people_items(before, after))
    items.sort(key=lambda i: (i.on or date.max, _ORDER[i.kind]))
    return items


def _unit_items(before: State, after: State) -> list[DiffItem]:
    def name(uid: str) -> str:
        return unit_name_across(before, after, uid)

    items: list[DiffItem] = []
    ended = {uid: end for uid, end in after.ended.items() if uid in before.units}
    # One merge is the units ended into one target on one day under one decision.
    merges: dict[tuple[str, date, object], list[str]] = {}
    for uid, end in ended.items():
        basis = end.basis.symbol if end.basis else None
        if end.how is EndKind.MERGED:
            merges.setdefault((end.successors[0], end.on, end.basis), []).append(uid)
        elif end.how is EndKind.SPLIT:
            parts = ", ".join(name(s) for s in end.successors)
            items.append(
                DiffItem(
                    "unit_split",
                    Text(
                        f"Chia {end.unit.name} thành {parts}",
                        f"{end.unit.name} divided into {parts}",
                    ),
                    end.on,
                    basis,
                    {"unit": uid, "into": list(end.successors)},
                )
            )
        else:
            items.append(
                DiffItem(
                    "unit_dissolved",
                    Text(f"Giải thể {end.unit.name}", f"{end.unit.name} dissolved"),
                    end.on,
                    basis,
                    {"unit": uid},
                )
            )
    for (target, on, _), sources in merges.items():
        end = ended[sources[0]]
        names = ", ".join(name(s) for s in sources)
        new = _created_on(before, after, target, on)
        text = (
            Text(
                f"Hợp nhất {names} thành {name(target)}",
                f"{names} consolidated into {name(target)}",
            )
            if new
            else Text(f"Sáp nhập {names} vào {name(target)}", f"{names} merged into {name(target)}")
        )
        items.append(
            DiffItem(
                "units_merged",
                text,
                end.on,
                end.basis.symbol if end.basis else None,
                {"units": sources, "into": target, "new_unit": new},
            )
        )

    for uid, unit in after.units.items():
        if uid in before.units:
            old = before.units[uid]
            if old.name != unit.name:
                items.append(
                    DiffItem(
                        "unit_renamed",
                        Text(
                            f"Đổi tên {old.name} thành {unit.name}",
                            f"{old.name} renamed {unit.name}",
                        ),
                        data={"unit": uid, "from": old.name, "to": unit.name},
                    )
                )
            if old.parent_id != unit.parent_id:
                to = name(unit.parent_id) if unit.parent_id else "—"
                items.append(
                    DiffItem(
                        "unit_moved",
                        Text(
                            f"Chuyển {unit.name} về trực thuộc {to}",
                            f"{unit.name} moved under {to}",
                        ),
                        data={"unit": uid, "from": old.parent_id, "to": unit.parent_id},
                    )
                )
            continue
        if any(
            p in ended and uid in ended[p].successors and ended[p].on == unit.established_on
            for p in unit.predecessors
        ):
            continue  # it came out of a merge or a division, reported with it
        # Separated (tách): its predecessor goes on; units merged into it later do not count.
        sources = [p for p in unit.predecessors if p in after.units]
        if sources:
            origin = ", ".join(name(p) for p in sources)
            items.append(
                DiffItem(
                    "unit_separated",
                    Text(f"Tách {unit.name} từ {origin}", f"{unit.name} separated from {origin}"),
                    unit.established_on,
                    data={"unit": uid, "from": sources},
                )
            )
        else:
            items.append(
                DiffItem(
                    "unit_created",
                    Text(f"Thành lập {unit.name}", f"{unit.name} established"),
                    unit.established_on,
                    data={"unit": uid},
                )
            )
    items.sort(key=lambda i: i.on or date.min)
    return items


def _people_items(before: State, after: State) -> list[DiffItem]:
    def name(uid: str) -> str:
        return unit_name_across(before, after, uid)

    items: list[DiffItem] = []
    for pid, old in before.assignments.items():
        person = before.people[pid]
        new = after.assignments.get(pid)
        if new is None:
            gone = after.departures.get(pid)
            reason = gone.reason if gone else None
            items.append(
                DiffItem(
                    "person_left",
                    Text(
                        f"{person.full_name} ({name(old.unit_id)}): "
                        f"{reason.vi if reason else 'không còn trong danh sách'}",
                        f"{person.full_name} ({name(old.unit_id)}): "
                        f"{reason.en if reason else 'no longer on the staff'}",
                    ),
                    gone.on if gone else None,
                    data={
                        "person": pid,
                        "unit": old.unit_id,
                        "reason": reason.value if reason else None,
                    },
                )
            )
        elif new.unit_id != old.unit_id:
            items.append(
                DiffItem(
                    "person_moved",
                    Text(
                        f"{person.full_name}: từ {name(old.unit_id)} sang {name(new.unit_id)}",
                        f"{person.full_name}: from {name(old.unit_id)} to {name(new.unit_id)}",
                    ),
                    new.since,
                    data={"person": pid, "from": old.unit_id, "to": new.unit_id},
                )
            )
    for pid, new in after.assignments.items():
        if pid not in before.assignments:
            person = after.people[pid]
            items.append(
                DiffItem(
                    "person_joined",
                    Text(
                        f"{person.full_name}: vào {name(new.unit_id)}",
                        f"{person.full_name}: joined {name(new.unit_id)}",
                    ),
                    new.since,
                    data={"person": pid, "unit": new.unit_id},
                )
            )

    def leaders(state: State) -> set[tuple[str, str, Role]]:
        return {
            (a.person_id, a.unit_id, a.role)
            for a in state.assignments.values()
            if a.role is not Role.STAFF
        }

    old_leaders, new_leaders = leaders(before), leaders(after)
    for pid, uid, role in sorted(old_leaders - new_leaders):
        person = before.people[pid]
        title = _title(before, uid, role)
        now = after.assignments.get(pid)
        gone = after.departures.get(pid)
        until = now.since if now else (gone.on if gone else None)
        items.append(
            DiffItem(
                "leader_removed",
                Text(
                    f"{person.full_name} thôi giữ chức {title}",
                    f"{person.full_name} no longer {title}",
                ),
                until,
                data={"person": pid, "unit": uid, "role": role.value},
            )
        )
    for pid, uid, role in sorted(new_leaders - old_leaders):
        person = after.people[pid]
        title = _title(after, uid, role)
        since = after.assignments[pid].since
        items.append(
            DiffItem(
                "leader_added",
                Text(f"{person.full_name} giữ chức {title}", f"{person.full_name} becomes {title}"),
                since,
                data={"person": pid, "unit": uid, "role": role.value},
            )
        )
    return items


def group_moves(items: list[DiffItem]) -> list[DiffItem]:
    """For reading: people moved on the same day between the same two units share one line
    ("4 người từ Phòng A sang Văn phòng: …"); everything else is kept as it is."""
    groups: dict[tuple[date | None, object, object], list[DiffItem]] = {}
    for item in items:
        if item.kind == "person_moved":
            groups.setdefault((item.on, item.data["from"], item.data["to"]), []).append(item)
    out: list[DiffItem] = []
    for item in items:
        if item.kind != "person_moved":
            out.append(item)
            continue
        group = groups.pop((item.on, item.data["from"], item.data["to"]), None)
        if group is None:
            continue
        if len(group) == 1:
            out.append(item)
            continue
        names = [g.text.vi.split(":")[0] for g in group]
        route_vi = item.text.vi.split(": ", 1)[1]
        route_en = item.text.en.split(": ", 1)[1]
        out.append(
            DiffItem(
                "people_moved",
                Text(
                    f"{len(group)} người {route_vi}: {', '.join(names)}",
                    f"{len(group)} people {route_en}: {', '.join(names)}",
                ),
                item.on,
                item.basis,
                {
                    "people": [g.data["person"] for g in group],
                    "from": item.data["from"],
                    "to": item.data["to"],
                },
            )
        )
    return out
