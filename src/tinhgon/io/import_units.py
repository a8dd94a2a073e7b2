"""Planning the units: matching the rows of the units sheet to the project's units, and the
changes (thành lập, đổi tên, chuyển trực thuộc, giao biên chế) that bring the structure to what
the sheet says."""

from __future__ import annotations

from typing import Any

from tinhgon.domain import (
    Agency,
    Change,
    CreateUnit,
    MoveUnit,
    NewUnit,
    RenameUnit,
    SetQuota,
    State,
    UnitClass,
    UnitKind,
)
from tinhgon.io.columns import (
    kind_from_name,
    match_key,
)
from tinhgon.io.import_base import ImporterBase, unit_id_from_name
from tinhgon.io.import_rows import UnitRow


class UnitsMixin(ImporterBase):
    # -- units ---------------------------------------------------------------------------

    def plan_units(
        self, agency: Agency, state: State, known_ids: set[str], common: dict[str, Any]
    ) -> list[Change]:
        root_id = agency.id
        current = dict(state.units)
        by_name: dict[str, list[str]] = {}
        for uid, unit in current.items():
            if uid != root_id:
                by_name.setdefault(match_key(unit.name), []).append(uid)
        agency_names = {match_key(agency.name)} | (
            {match_key(agency.short_name)} if agency.short_name else set()
        )
        rows: list[UnitRow] = []
        seen: dict[str, UnitRow] = {}
        for row in self.unit_rows:
            if row.unit_id == root_id or (
                row.unit_id is None and match_key(row.name) in agency_names
            ):
                # The agency itself: only its quotas (and, in a new project, its fields) are read.
                row.target_id, row.existing = root_id, current[root_id]
                if root_id in seen:
                    self.problem(
                        row.loc,
                        "cơ quan đã ghi ở một dòng khác",
                        "the agency is already on another row",
                    )
                    continue
                seen[root_id] = row
                rows.append(row)
                continue
            if row.unit_id is not None:
                if row.unit_id in current:
                    row.existing = current[row.unit_id]
                elif row.unit_id in known_ids:
                    self.problem(
                        row.sheet.loc(row.loc.row or 0, "unit_id"),
                        f"mã đơn vị '{row.unit_id}' đã dùng cho một đơn vị không còn tại ngày nhập "
                        "(mã đơn vị không dùng lại): đặt mã khác",
                        f"unit id '{row.unit_id}' belongs to a unit that does not exist on the date "
                        "(unit ids are never reused): choose another",
                    )
                    continue
                row.target_id = row.unit_id
            else:
                matches = by_name.get(match_key(row.name), [])
                if len(matches) > 1:
                    self.problem(
                        row.sheet.loc(row.loc.row or 0, "name"),
                        f"có {len(matches)} đơn vị tên '{row.name}' ({', '.join(matches)}): ghi Mã đơn vị",
                        f"{len(matches)} units are named '{row.name}' ({', '.join(matches)}): give the id",
                    )
                    continue
                if matches:
                    row.existing = current[matches[0]]
                    row.target_id = matches[0]
            if row.target_id and row.target_id in seen:
                self.problem(
                    row.loc,
                    f"đơn vị này đã ghi ở dòng {seen[row.target_id].loc.row}",
                    f"this unit is already on row {seen[row.target_id].loc.row}",
                )
                continue
            if row.existing is None:
                row.kind = row.kind or kind_from_name(row.name, self.kinds)
                if row.kind is None:
                    self.problem(
                        row.sheet.loc(row.loc.row or 0, "kind"),
                        f"chưa rõ loại của đơn vị mới '{row.name}': ghi Loại đơn vị (Phòng, Văn "
                        "phòng, Đơn vị sự nghiệp công lập…)",
                        f"the kind of the new unit '{row.name}' is unknown: fill in Loại đơn vị",
                    )
                    continue
            elif row.kind is not None and row.kind != row.existing.kind:
                self.problem(
                    row.sheet.loc(row.loc.row or 0, "kind"),
                    f"đơn vị '{row.existing.name}' là {row.existing.kind.name_vi} trong dự án: nhập từ "
                    f"Excel không đổi được loại đơn vị (sang {row.kind.name_vi})",
                    f"unit '{row.existing.name}' is a {row.existing.kind.name_en} in the project: an "
                    f"import cannot change a unit's kind (to {row.kind.name_en})",
                )
                continue
            kind = row.kind or (row.existing.kind if row.existing else None)
            if (
                row.autonomy is not None
                and kind is not None
                and kind.unit_class is not UnitClass.PUBLIC_SERVICE_UNIT
            ):
                self.problem(
                    row.sheet.loc(row.loc.row or 0, "autonomy"),
                    "chỉ đơn vị sự nghiệp công lập mới có mức tự chủ",
                    "only a public service unit has an autonomy group",
                )
                continue
            if row.target_id:
                seen[row.target_id] = row
            rows.append(row)
        used = set(known_ids) | {r.target_id for r in rows if r.target_id}
        for row in rows:
            if not row.target_id:
                base = unit_id_from_name(row.name, row.kind)
                candidate, n = base, 2
                while candidate in used:
                    candidate, n = f"{base}-{n}", n + 1
                row.target_id = candidate
                used.add(candidate)
        # Units after the import, by id and by name, for parents and for the staff list.
        final_names: dict[str, str] = {uid: u.name for uid, u in current.items()}
        final_kinds: dict[str, UnitKind] = {uid: u.kind for uid, u in current.items()}
        for row in rows:
            final_names[row.target_id] = row.name
            final_kinds[row.target_id] = row.kind or (
                row.existing.kind if row.existing else self.kinds["department"]
            )
        self.final_units = final_names
        self.final_kinds = final_kinds
        self.name_index = {}
        self._ids_casefolded = {}
        for uid in final_names:
            self._ids_casefolded.setdefault(uid.casefold(), []).append(uid)
        for uid, name in final_names.items():
            self.name_index.setdefault(match_key(name), []).append(uid)
        if root_id in final_names and agency.short_name:
            self.name_index.setdefault(match_key(agency.short_name), []).append(root_id)
        parents: dict[str, str] = {}
        for row in rows:
            if row.target_id == root_id:
                continue
            if row.parent is None:
                parents[row.target_id] = root_id
                continue
            found = self.find_unit(row.parent, lambda r=row: r.sheet.loc(r.loc.row or 0, "parent"))  # type: ignore[misc]
            if found is not None:
                parents[row.target_id] = found
        new_rows = {r.target_id: r for r in rows if r.existing is None and r.target_id in parents}
        changes: list[Change] = []
        placed: set[str] = set()

        def place(uid: str, trail: tuple[str, ...]) -> None:
            if uid in placed or uid not in new_rows:
                return
            if uid in trail:
                row = new_rows[uid]
                self.problem(
                    row.sheet.loc(row.loc.row or 0, "parent"),
                    f"vòng lặp trực thuộc: {' → '.join((*trail, uid))}",
                    f"the parents form a loop: {' → '.join((*trail, uid))}",
                )
                placed.add(uid)
                return
            place(parents[uid], (*trail, uid))
            row = new_rows[uid]
            placed.add(uid)
            assert row.kind is not None
            new_unit = NewUnit(
                id=uid,
                name=row.name,
                kind=row.kind,
                parent_id=parents[uid],
                fields=row.fields or (),
                autonomy_group=row.autonomy,
            )
            changes.append(self.change(CreateUnit, row.loc, common, unit=new_unit))

        for uid in new_rows:
            place(uid, ())
        for row in rows:
            existing = row.existing
            if existing is None or row.target_id not in parents or row.target_id == root_id:
                continue
            if match_key(row.name) != match_key(existing.name):
                changes.append(
                    self.change(RenameUnit, row.loc, common, unit=existing.id, name=row.name)
                )
            if parents[row.target_id] != existing.parent_id:
                changes.append(
                    self.change(
                        MoveUnit, row.loc, common, unit=existing.id, parent=parents[row.target_id]
                    )
                )
            if row.fields is not None and row.fields != existing.fields:
                self.notices.append(
                    (
                        f"dòng {row.loc.row}: lĩnh vực của '{existing.name}' khác với dự án, không "
                        "đổi (chưa có loại thay đổi này)",
                        f"row {row.loc.row}: the fields of '{existing.name}' differ from the "
                        "project and are left as they are (no such change yet)",
                    )
                )
            if row.autonomy is not None and row.autonomy != existing.autonomy_group:
                self.notices.append(
                    (
                        f"dòng {row.loc.row}: mức tự chủ của '{existing.name}' khác với dự án, "
                        "không đổi (chưa có loại thay đổi này)",
                        f"row {row.loc.row}: the autonomy group of '{existing.name}' differs and "
                        "is left as it is (no such change yet)",
                    )
                )
        listed = {r.target_id for r in rows}
        unlisted = [u.name for uid, u in current.items() if uid != root_id and uid not in listed]
        if self.unit_sheets and unlisted:
            self.notices.append(
                (
                    f"{len(unlisted)} đơn vị có trong dự án nhưng không có trong trang tính đơn vị, "
                    f"vẫn giữ nguyên (giải thể, sáp nhập ghi bằng quyết định trong tệp dự án): "
                    f"{', '.join(unlisted)}",
                    f"{len(unlisted)} units in the project are not in the units sheet and are "
                    "kept (record a dissolution or merger in the project file)",
                )
            )
        for row in rows:
            for (category, year), value in row.quotas.items():
                if state.quota(row.target_id, category, year) != value:
                    changes.append(
                        self.change(
                            SetQuota,
                            row.loc,
                            common,
                            unit=row.target_id,
                            category=category,
                            year=year,
                            value=value,
                        )
                    )
        return changes
