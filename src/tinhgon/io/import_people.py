"""Planning the staff: matching each row to someone on record (or someone new), settling
their details, unit and post, and the staff changes, ordered so that they apply."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from tinhgon.domain import (
    Appoint,
    BirthDate,
    Change,
    Hire,
    Leave,
    LeaveReason,
    Person,
    Rank,
    Relieve,
    Role,
    State,
    Transfer,
)
from tinhgon.io.columns import (
    STAFF_COLUMNS,
    match_key,
    read_rank,
)
from tinhgon.io.import_matching import MatchingMixin
from tinhgon.io.import_rows import Loc, SheetView, StaffRow
from tinhgon.io.layout import LEADERSHIP_GROUPS
from tinhgon.io.posts import read_post


class PeopleMixin(MatchingMixin):
    # -- staff ---------------------------------------------------------------------------

    def missing_column(self, sheet: SheetView, key: str) -> None:
        if (sheet.table.name, key) in self._missing_columns:
            return
        self._missing_columns.add((sheet.table.name, key))
        header = next(c.header for c in STAFF_COLUMNS if c.key == key)
        self.problem(
            Loc(sheet.table.name, sheet.header_row),
            f"thiếu cột '{header}' (cần cho người mới)",
            f"column '{header}' is missing (someone new needs it)",
        )

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

    def settle_person(self, row: StaffRow) -> None:
        """The person the row describes: someone new, or someone known with what it updates."""
        v = row.values
        number = row.loc.row or 0
        rank: Rank | None = None
        if "rank_code" in v or "rank_name" in v:
            rank = self.attempt(
                row.sheet.loc(number, "rank_code" if "rank_code" in v else "rank_name"),
                lambda: read_rank(v.get("rank_code"), v.get("rank_name")),
            )
            if rank is None:
                return
        existing = row.existing
        title = ""
        if "post" in v:
            written = v["post"]
            post = self._posts.get(written)
            if post is None:
                post = self._posts[written] = read_post(written, self.all_kinds)
            if post.role is Role.STAFF:
                title = post.title  # 'Lái xe', 'Kế toán trưởng': kept as written
        if existing is None:
            missing = False
            for key in ("birth", "sex", "category"):
                if key in v:
                    continue
                missing = True
                if key in row.present:
                    header = row.sheet.loc(number, key).header
                    self.problem(
                        row.sheet.loc(number, key),
                        f"người mới cần '{header}'",
                        f"someone new needs '{header}'",
                    )
                else:
                    self.missing_column(row.sheet, key)
            if missing or not self.check_age(row, v["birth"]):
                return
            quals = tuple(v.get("qualifications", ())) + tuple(v.get("political", ()))
            rated = tuple(
                sorted((int(k.split(":")[1]), r) for k, r in v.items() if k.startswith("rating:"))
            )
            row.person = self.attempt(
                row.loc,
                lambda: Person(
                    id=row.person_id,
                    full_name=" ".join(v["full_name"].split()),
                    sex=v["sex"],
                    birth=v["birth"],
                    category=v["category"],
                    national_id=v.get("national_id"),
                    rank=rank,
                    qualifications=quals,
                    ratings=rated,
                    title=title,
                    **{key: v[key] for key in PAY_KEYS if key in v},
                ),
            )
            return
        updates: dict[str, Any] = {}
        labels: list[str] = []

        def update(attr: str, value: Any, label: str) -> None:
            if value != getattr(existing, attr):
                updates[attr] = value
                labels.append(label)

        update("full_name", " ".join(v["full_name"].split()), "họ và tên")
        if "birth" in v:
            if v["birth"] != existing.birth and not self.check_age(row, v["birth"]):
                return
            update("birth", v["birth"], "ngày sinh")
        if "sex" in v:
            update("sex", v["sex"], "giới tính")
        if "category" in v:
            update("category", v["category"], "loại")
        if "national_id" in v:
            update("national_id", v["national_id"], "số định danh")
        if rank is not None:
            update("rank", rank, "ngạch")
        if "qualifications" in v or "political" in v:
            professional, political = _political_full(existing.qualifications)
            new_professional = list(v.get("qualifications", professional))
            new_political = list(v.get("political", political))
            if (new_professional, new_political) != (professional, political):
                update("qualifications", (*new_professional, *new_political), "trình độ")
        ratings = dict(existing.ratings)
        for key, rating in v.items():
            if key.startswith("rating:"):
                ratings[int(key.split(":")[1])] = rating
        update("ratings", tuple(sorted(ratings.items())), "xếp loại")
        if "post" in row.present:
            update("title", title, "chức danh")
        for key, label in PAY_KEYS.items():
            if key in v:
                update(key, v[key], label)
        if not updates:
            row.person = existing
            return
        person = self.attempt(row.loc, lambda: replace(existing, **updates))
        if person is not None:
            row.person = person
            self.updated_fields[person.id] = labels

    def settle_post(self, row: StaffRow, state: State) -> None:
        """Where the row puts the person on the date: a unit and a role."""
        v = row.values
        number = row.loc.row or 0
        assignment = state.assignments.get(row.person_id) if row.existing else None
        if row.existing is not None and assignment is None:
            gone = state.departures.get(row.person_id)
            when = state.on or dt.date.min
            reason = (
                f"đã thôi công tác ngày {gone.on:%d/%m/%Y} ({gone.reason.vi})"
                if gone
                else f"không có trong danh sách nhân sự của dự án tại ngày {when:%d/%m/%Y}"
            )
            reason_en = (
                f"left on {gone.on.isoformat()} ({gone.reason.en})"
                if gone
                else f"is not on the staff on {when.isoformat()}"
            )
            self.problem(
                row.loc,
                f"'{row.person_id}' ({row.existing.full_name}) {reason}: ghi quyết định tuyển dụng "
                "lại vào tệp dự án, hoặc bỏ dòng này",
                f"'{row.person_id}' ({row.existing.full_name}) {reason_en}: record the re-hiring "
                "in the project file, or drop the row",
            )
            row.person = None
            return
        unit_id: str | None = None
        if "unit_id" in v:
            unit_id = self.find_unit(v["unit_id"], lambda: row.sheet.loc(number, "unit_id"))
            if unit_id is None:
                row.person = None
                return
            if "unit" in v:
                other = self.find_unit(v["unit"], lambda: row.sheet.loc(number, "unit"))
                if other is not None and other != unit_id:
                    self.problem(
                        row.sheet.loc(number, "unit"),
                        f"đơn vị '{v['unit']}' không phải đơn vị có mã '{v['unit_id']}'",
                        f"unit '{v['unit']}' is not the unit with id '{v['unit_id']}'",
                    )
                    row.person = None
                    return
        elif "unit" in v and LEADERSHIP_GROUPS.match(match_key(v["unit"])):
            unit_id = self.root_id  # 'Ban Giám đốc', 'Lãnh đạo Sở': the agency itself
        elif "unit" in v:
            unit_id = self.find_unit(
                v["unit"], lambda: row.unit_loc or row.sheet.loc(number, "unit"), propose=True
            )
            if unit_id is None:
                row.person = None
                return
        elif row.agency_leader:
            unit_id = self.root_id
        elif "unit" in row.present or "unit_id" in row.present:
            self.problem(row.sheet.loc(number, "unit"), "thiếu đơn vị", "the unit is missing")
            row.person = None
            return
        elif assignment is not None:
            unit_id = assignment.unit_id
        else:
            self.missing_column(row.sheet, "unit")
            row.person = None
            return
        row.unit_id = unit_id
        if "post" in row.present:
            written = v.get("post")
            post = self._posts.get(written)
            if post is None:
                post = self._posts[written] = read_post(written, self.all_kinds)
            row.role = post.role
            kind = self.unit_kind(unit_id)
            if kind is not None and not post.fits(kind):
                self.problem(
                    row.sheet.loc(number, "post"),
                    f"chức vụ '{post.title}' không phải chức vụ lãnh đạo của {kind.name_vi} "
                    f"'{self.unit_name(unit_id)}' (cấp trưởng: {kind.head_title}, cấp phó: "
                    f"{kind.deputy_title}): sửa chức vụ hoặc đơn vị",
                    f"the post '{post.title}' is not a leadership post of the "
                    f"{kind.name_en} '{self.unit_name(unit_id)}' (head: {kind.head_title}, "
                    f"deputy: {kind.deputy_title}): correct the post or the unit",
                )
                row.person = None
                return
        elif assignment is not None and assignment.unit_id == unit_id:
            row.role = assignment.role
        else:
            row.role = Role.STAFF


# Pay and social insurance (PAY_COLUMNS): stored when given, listed when they change.
PAY_KEYS = {
    "salary_coefficient": "hệ số lương",
    "position_allowance_coefficient": "hệ số phụ cấp chức vụ",
    "allowance_coefficient": "hệ số phụ cấp khác",
    "social_insurance_months": "số tháng đóng BHXH",
    "social_insurance_on": "ngày tính BHXH",
}


def _political_full(qualifications: tuple[str, ...]) -> tuple[list[str], list[str]]:
    professional = [q for q in qualifications if "ly luan chinh tri" not in match_key(q)]
    political = [q for q in qualifications if "ly luan chinh tri" in match_key(q)]
    return professional, political


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
