"""Planning the staff: matching each row to someone on record (or someone new), settling
their details, unit and post, and the staff changes, ordered so that they apply.

The person a row describes is settled in ``import_person``, where it puts them in
``import_post``; the matching by name and birth date in ``import_matching``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from tinhgon.domain import (
    Appoint,
    BirthDate,
    Change,
    Hire,
    Leave,
    LeaveReason,
    Relieve,
    Role,
    State,
    Transfer,
)
from tinhgon.io.columns import match_key
from tinhgon.io.import_person import PAY_KEYS, PersonMixin
from tinhgon.io.import_rows import Loc, StaffRow
from tinhgon.io.layout import LEADERSHIP_GROUPS

__all__ = ["PAY_KEYS", "PeopleMixin"]


class PeopleMixin(PersonMixin):
    # -- staff ---------------------------------------------------------------------------

    def plan_staff(self, state: State, common: dict[str, Any]) -> tuple[list[Change], list[Change]]:
        """The staff changes: those that free or fill no head's post, then those that do."""
        people = dict(self.project.people) if self.project else {}
        by_nid = {p.national_id: p.id for p in people.values() if p.national_id}
        by_name_birth: dict[tuple[str, BirthDate], list[str]] = {}
        for person in people.values():
            by_name_birth.setdefault((match_key(person.full_name), person.birth), []).append(
                person.id
            )
        matched: dict[str, StaffRow] = {}
        new_nids: dict[str, StaffRow] = {}
        new_ids: dict[str, StaffRow] = {}
        rows: list[StaffRow] = []
        for row in self.staff_rows:
            v = row.values
            number = row.loc.row or 0
            given = v.get("person_id")
            nid = v.get("national_id")
            by_nid_id = by_nid.get(nid) if nid else None
            if by_nid_id and given and by_nid_id != given:
                other = people[by_nid_id].full_name
                self.problem(
                    row.sheet.loc(number, "national_id"),
                    f"số định danh {nid} là của '{by_nid_id}' ({other}), không phải '{given}'",
                    f"national ID {nid} belongs to '{by_nid_id}' ({other}), not '{given}'",
                )
                continue
            person_id = by_nid_id or (given if given in people else None)
            if person_id is not None:
                existing = people[person_id]
                if nid and existing.national_id and existing.national_id != nid:
                    self.problem(
                        row.sheet.loc(number, "national_id"),
                        f"'{person_id}' ({existing.full_name}) có số định danh "
                        f"{existing.national_id} trong dự án, không phải {nid}",
                        f"'{person_id}' ({existing.full_name}) has national ID "
                        f"{existing.national_id} in the project, not {nid}",
                    )
                    continue
                if person_id in matched:
                    self.problem(
                        row.loc,
                        f"người '{person_id}' ({existing.full_name}) đã có ở dòng {matched[person_id].loc.row}",
                        f"person '{person_id}' ({existing.full_name}) is already on row "
                        f"{matched[person_id].loc.row}",
                    )
                    continue
                if nid and nid != existing.national_id and nid in by_nid:
                    self.problem(
                        row.sheet.loc(number, "national_id"),
                        f"số định danh {nid} là của người khác ('{by_nid[nid]}')",
                        f"national ID {nid} belongs to someone else ('{by_nid[nid]}')",
                    )
                    continue
                matched[person_id] = row
                row.person_id = person_id
                row.existing = existing
            else:
                # No ID or code on record: the same name and birth date may still be someone
                # on the staff (a list without IDs, an HR export with its own codes).
                found: str | None = ""
                if "birth" in v and people:
                    found = self.match_by_name(
                        row, by_name_birth, people, state, matched, nid=nid, code=given
                    )
                    if found is None:
                        continue
                if found:
                    matched[found] = row
                    row.person_id = found
                    row.existing = people[found]
                else:
                    if given:
                        if given in new_ids:
                            self.problem(
                                row.sheet.loc(number, "person_id"),
                                f"mã '{given}' đã dùng ở dòng {new_ids[given].loc.row}",
                                f"id '{given}' is already used on row {new_ids[given].loc.row}",
                            )
                            continue
                        new_ids[given] = row
                        row.person_id = given
                    if nid:
                        if nid in new_nids:
                            self.problem(
                                row.sheet.loc(number, "national_id"),
                                f"số định danh {nid} đã có ở dòng {new_nids[nid].loc.row}",
                                f"national ID {nid} is already on row {new_nids[nid].loc.row}",
                            )
                            continue
                        new_nids[nid] = row
            rows.append(row)
        for text, loc in self.unchecked_units:
            if not LEADERSHIP_GROUPS.match(match_key(text)):
                self.find_unit(text, lambda where=loc: where, propose=True)  # type: ignore[misc]
        used_ids = set(people) | set(new_ids)
        next_id = _person_ids(used_ids, sum(1 for r in rows if not r.person_id))
        for row in rows:
            if not row.person_id:
                row.person_id = next(next_id)
            self.settle_person(row)
            self.settle_post(row, state)
        # Everyone on the staff after the import, to check that no unit has two heads.
        leaving = (
            [pid for pid in state.assignments if pid not in matched]
            if self.options.complete and self.staff_sheets
            else []
        )
        final: dict[str, tuple[str, Role]] = {
            pid: (a.unit_id, a.role) for pid, a in state.assignments.items() if pid not in matched
        }
        for pid in leaving:
            final.pop(pid, None)
        for row in rows:
            if row.person is not None and row.unit_id:
                final[row.person_id] = (row.unit_id, row.role)
        heads: dict[str, list[str]] = {}
        for pid, (uid, role) in final.items():
            if role is Role.HEAD:
                heads.setdefault(uid, []).append(pid)
        by_pid = {r.person_id: r for r in rows}
        for uid, pids in heads.items():
            if len(pids) < 2:
                continue
            names = []
            for pid in pids:
                holder = by_pid.get(pid)
                if holder is not None and holder.person is not None:
                    names.append(f"{holder.person.full_name} (dòng {holder.loc.row})")
                else:
                    names.append(f"{state.people[pid].full_name} (không có trong danh sách)")
            for pid in pids:
                holder = by_pid.get(pid)
                if holder is not None:
                    unit_name = self.final_units.get(uid, uid)
                    self.problem(
                        holder.sheet.loc(holder.loc.row or 0, "post"),
                        f"đơn vị '{unit_name}' có {len(pids)} cấp trưởng: {', '.join(names)}",
                        f"unit '{unit_name}' has {len(pids)} heads: {', '.join(names)}",
                    )
        if self.staff_sheets:
            self.absent = [
                (pid, state.people[pid].full_name)
                for pid in state.assignments
                if pid not in matched
            ]
            self.retiring = [
                (pid, name, retired)
                for pid, name in self.absent
                if (retired := self.retired_by(state.people[pid])) is not None
            ]
        first: list[Change] = []
        second: list[Change] = []
        for pid in leaving:
            ref = f"vắng:{pid}"
            self.refs[ref] = Loc("")
            retired = self.retired_by(state.people[pid])
            first.append(
                Leave(
                    person=pid,
                    reason=LeaveReason.RETIREMENT if retired else LeaveReason.OTHER,
                    note=f"không có trong danh sách đầy đủ nhập từ {self.file}"
                    + (f"; đến tuổi nghỉ hưu ngày {retired:%d/%m/%Y}" if retired else ""),
                    ref=ref,
                    **common,
                )
            )
        self.people_after = dict(people)
        for row in rows:
            if row.person is None or not row.unit_id:
                continue
            person = row.person
            self.people_after[person.id] = person
            if row.existing is None:
                target = second if row.role is Role.HEAD else first
                target.append(
                    self.change(
                        Hire, row.loc, common, person=person, unit=row.unit_id, role=row.role
                    )
                )
                continue
            current = state.assignments[person.id]
            row.demotes = current.role is not Role.STAFF and row.role is Role.STAFF
            old, new = (current.unit_id, current.role), (row.unit_id, row.role)
            if old == new:
                continue
            if row.role is Role.HEAD:
                if current.role is Role.HEAD:
                    first.append(self.change(Relieve, row.loc, common, person=person.id))
                if current.unit_id == row.unit_id and current.role is not Role.HEAD:
                    second.append(
                        self.change(Appoint, row.loc, common, person=person.id, role=Role.HEAD)
                    )
                else:
                    second.append(
                        self.change(
                            Transfer,
                            row.loc,
                            common,
                            person=person.id,
                            unit=row.unit_id,
                            role=Role.HEAD,
                        )
                    )
            elif current.unit_id != row.unit_id:
                first.append(
                    self.change(
                        Transfer, row.loc, common, person=person.id, unit=row.unit_id, role=row.role
                    )
                )
            elif row.role is Role.STAFF:
                first.append(self.change(Relieve, row.loc, common, person=person.id))
            else:
                first.append(self.change(Appoint, row.loc, common, person=person.id, role=row.role))
        return first, second


def _person_ids(used: set[str], count: int) -> Iterator[str]:
    """p001, p002… after the highest 'p<number>' already used."""
    numbers = [int(m[1]) for uid in used if (m := re.fullmatch(r"p(\d+)", uid))]
    width = max(3, len(str(max(numbers, default=0) + count)))
    n = max(numbers, default=0)
    while True:
        n += 1
        candidate = f"p{n:0{width}d}"
        if candidate not in used:
            yield candidate
