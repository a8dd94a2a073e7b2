"""Importing a spreadsheet into a project, as dated changes with a basis (docs/excel.md).

The whole workbook is read and checked before anything is applied: every problem found —
a header, a cell, a reference to a unit, two heads for one unit, a change the timeline refuses —
is collected with its sheet, row and column, and ``SpreadsheetError`` carries them all. Only a
workbook without a problem gives a new project; the caller writes it.

Into a new project, the import records the agency, its units and its staff as they stand on
the import date, citing the basis document. Into an existing project it records what differs
from the project's state on that date:

* a unit matched by its id (Mã đơn vị) or its name is renamed or moved if the sheet says so;
  a unit not in the project is created (thành lập);
* a person matched by national ID (Số định danh cá nhân) or id (Mã) who works elsewhere on the
  date is transferred (điều động), promoted (bổ nhiệm) or relieved (miễn nhiệm); someone not in
  the project is hired (tuyển dụng); their static details (name, birth date, rank,
  qualifications, ratings) are updated and listed;
* someone on the staff on the date but absent from the list is reported, and leaves the staff
  only when the caller says the list is complete.

Every change takes the import date and the basis document; nothing already in the timeline is
rewritten.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from tinhgon.domain import (
    BUILTIN_KINDS,
    Agency,
    Appoint,
    BirthDate,
    Change,
    ChangeRefused,
    CreateUnit,
    Document,
    DocumentKey,
    DocumentKind,
    DocumentRegister,
    Hire,
    InvalidValue,
    Leave,
    LeaveReason,
    MoveUnit,
    NewUnit,
    Person,
    Plan,
    PlanStatus,
    Project,
    Rank,
    Relieve,
    RenameUnit,
    Role,
    SetQuota,
    State,
    Timeline,
    Transfer,
    UnitClass,
    UnitKind,
    parse_symbol,
)
from tinhgon.domain.model import check_identifier
from tinhgon.io.columns import (
    AGENCY_TYPES,
    STAFF_COLUMNS,
    kind_from_name,
    match_key,
    read_list,
    read_rank,
    read_role,
)
from tinhgon.io.import_rows import Loc, RowReader, SheetView, StaffRow, UnitRow
from tinhgon.io.sheets import RawWorkbook

T = TypeVar("T")
C = TypeVar("C", bound=Change)
Text = tuple[str, str]

HEADER_SEARCH_ROWS = 20


@dataclass(frozen=True)
class ImportOptions:
    """What the command line (or the web form) says; the ``Cơ quan`` sheet may say the same
    things, and the two must then agree."""

    on: dt.date | None = None
    basis: str = ""
    basis_date: dt.date | None = None
    basis_kind: str = ""
    basis_issuer: str = ""
    basis_title: str = ""
    agency_id: str = ""
    agency_name: str = ""
    agency_kind: str = ""
    agency_type: str = ""
    complete: bool = False


@dataclass
class ImportResult:
    """The project after the import, the changes it added and what the user should know."""

    project: Project
    created: bool
    on: dt.date
    basis: DocumentKey
    changes: tuple[Change, ...]
    updated: list[tuple[str, str, list[str]]]  # person id, name, fields updated
    absent: list[tuple[str, str]]  # person id, name: on the staff, not in the list
    notices: list[Text]
    counts: Counter[str] = field(default_factory=Counter)


class _Importer(RowReader):
    def __init__(self, book: RawWorkbook, project: Project | None, options: ImportOptions) -> None:
        super().__init__(book, project.unit_kinds if project else BUILTIN_KINDS)
        self.project = project
        self.options = options
        self.all_kinds = tuple(self.kinds.values())
        self._missing_columns: set[tuple[str, str]] = set()
        self.refs: dict[str, Loc] = {}
        self.updated_fields: dict[str, list[str]] = {}
        self.absent: list[tuple[str, str]] = []
        self.people_after: dict[str, Person] = {}
        self.final_units: dict[str, str] = {}
        self.final_kinds: dict[str, UnitKind] = {}
        self.name_index: dict[str, list[str]] = {}
        self._ids_casefolded: dict[str, list[str]] = {}
        self._unit_lookup: dict[str, str] = {}

    # -- settling the agency, the date and the basis ---------------------------------------

    def settle(
        self,
    ) -> tuple[Agency, UnitKind, dt.date | None, DocumentKey | None, Document | None]:
        opts = self.options
        on = self.date_setting("on", "--on", opts.on)
        if on is None:
            self.problem(
                Loc(""),
                "thiếu ngày số liệu: dùng --on dd/mm/yyyy, hoặc dòng 'Tại ngày' trong trang tính "
                "'Cơ quan'",
                "the date is missing: use --on, or a 'Tại ngày' row in the 'Cơ quan' sheet",
            )
        agency_id = self.setting("agency_id", "--agency-id", opts.agency_id)
        agency_name = self.setting("agency_name", "--agency-name", opts.agency_name)
        kind_text = self.setting("agency_kind", "--agency-kind", opts.agency_kind)
        type_text = self.setting("agency_type", "--agency-type", opts.agency_type)
        if self.project is not None:
            agency = self.project.agency
            root = self.project.timeline.changes[0] if self.project.timeline.changes else None
            root_kind = root.unit.kind if isinstance(root, CreateUnit) else BUILTIN_KINDS["agency"]
            for key, given, actual in (
                ("agency_id", agency_id, agency.id),
                ("agency_name", agency_name, agency.name),
            ):
                if given and match_key(given) != match_key(actual):
                    _, loc = self.agency_text(key)
                    self.problem(
                        loc or Loc(""),
                        f"tệp nhập dành cho cơ quan '{given}', nhưng tệp dự án là của '{actual}'",
                        f"the spreadsheet is for '{given}' but the project is '{actual}'",
                    )
        else:
            tops = [
                r
                for r in self.unit_rows
                if r.parent is None and r.kind is not None and r.kind.unit_class is UnitClass.AGENCY
            ]
            if len(tops) == 1 and not agency_name and not agency_id:
                # The structure's own top row names the agency (an exported structure does).
                agency_name, agency_id = tops[0].name, tops[0].unit_id or ""
            agency_type = self.read_agency_type(type_text)
            root_kind = self.read_agency_kind(kind_text, agency_type)
            if not kind_text and len(tops) == 1 and tops[0].kind is not None:
                root_kind = tops[0].kind
            if not agency_name:
                self.problem(
                    Loc(""),
                    "tạo tệp dự án mới cần tên cơ quan: dùng --agency-name, hoặc dòng 'Tên cơ quan' "
                    "trong trang tính 'Cơ quan'",
                    "a new project needs the agency's name: --agency-name, or a 'Tên cơ quan' row",
                )
                agency_name = "?"
            if not agency_id:
                agency_id = _initials(agency_name) or "coquan"
            _, loc = self.agency_text("agency_id")
            if (
                self.attempt(
                    loc or Loc(""), lambda: check_identifier(agency_id, "cơ quan", "agency")
                )
                is None
            ):
                agency_id = "coquan"
            agency = Agency(
                id=agency_id,
                name=agency_name,
                agency_type=agency_type,
                short_name=self.agency_text("short_name")[0],
                province=self.agency_text("province")[0],
                superior=self.agency_text("superior")[0],
                place=self.agency_text("province")[0],
            )
        basis, document = self.settle_basis(agency, on)
        return agency, root_kind, on, basis, document

    def read_agency_type(self, text: str) -> str:
        if not text:
            return "other"
        for code, label in AGENCY_TYPES.items():
            if match_key(text) in (match_key(code), match_key(label)):
                return code
        _, loc = self.agency_text("agency_type")
        known = ", ".join(AGENCY_TYPES.values())
        self.problem(
            loc or Loc(""),
            f"loại hình cơ quan '{text}' không có; chọn: {known}",
            f"unknown agency type '{text}'; choose: {', '.join(AGENCY_TYPES)}",
        )
        return "other"

    def read_agency_kind(self, text: str, agency_type: str) -> UnitKind:
        if not text:
            code = {
                "economic_zone_board": "board",
                "provincial_department": "provincial_department",
            }
            return self.kinds[code.get(agency_type, "agency")]
        kind = self.kind_index.get(match_key(text))
        if kind is None or kind.unit_class not in (UnitClass.AGENCY, UnitClass.PUBLIC_SERVICE_UNIT):
            _, loc = self.agency_text("agency_kind")
            self.problem(
                loc or Loc(""),
                f"loại đơn vị của cơ quan '{text}' không hợp lệ: Ban quản lý, Sở hoặc Cơ quan",
                f"the agency's unit kind '{text}' is invalid: Ban quản lý, Sở or Cơ quan",
            )
            return self.kinds["agency"]
        return kind

    def settle_basis(
        self, agency: Agency, on: dt.date | None
    ) -> tuple[DocumentKey | None, Document | None]:
        opts = self.options
        symbol = self.setting("basis", "--basis", opts.basis)
        sheet_loc = self.agency_text("basis")[1] or Loc("")
        if not symbol:
            self.problem(
                Loc(""),
                "thiếu căn cứ: mọi thay đổi cần văn bản căn cứ; dùng --basis SỐ/KÝ-HIỆU, hoặc dòng "
                "'Căn cứ (số, ký hiệu)' trong trang tính 'Cơ quan'",
                "the basis is missing: every change cites a document; use --basis, or a 'Căn cứ' "
                "row in the 'Cơ quan' sheet",
            )
            return None, None
        issued = self.date_setting("basis_date", "--basis-date", opts.basis_date)
        if self.project is not None:
            try:
                found = self.project.documents.resolve(symbol, issued)
                return found.key, None
            except InvalidValue:
                pass
        parsed = self.attempt(sheet_loc, lambda: parse_symbol(symbol))
        if parsed is None:
            return None, None
        kind_text = self.setting("basis_kind", "--basis-kind", opts.basis_kind)
        kind = parsed.inferred_kind or DocumentKind.OTHER
        if kind_text:
            by_name = {match_key(k.vi): k for k in DocumentKind} | {
                match_key(k.value): k for k in DocumentKind
            }
            if match_key(kind_text) not in by_name:
                self.problem(
                    self.agency_text("basis_kind")[1] or Loc(""),
                    f"loại văn bản '{kind_text}' không có",
                    f"unknown document kind '{kind_text}'",
                )
            kind = by_name.get(match_key(kind_text), kind)
        title = self.setting("basis_title", "--basis-title", opts.basis_title)
        issuer = self.setting("basis_issuer", "--basis-issuer", opts.basis_issuer) or agency.name
        missing = []
        if issued is None:
            missing.append(
                (
                    "ngày ban hành (--basis-date hoặc dòng 'Ngày ban hành')",
                    "its date (--basis-date)",
                )
            )
        if not title:
            missing.append(
                ("trích yếu (--basis-title hoặc dòng 'Trích yếu')", "its subject (--basis-title)")
            )
        if missing:
            where = (
                "chưa có trong sổ văn bản của dự án"
                if self.project
                else "sẽ được thêm vào sổ văn bản"
            )
            self.problem(
                sheet_loc,
                f"văn bản căn cứ {symbol} {where}: cần " + " và ".join(m[0] for m in missing),
                f"basis {symbol} is not registered yet: it needs "
                + " and ".join(m[1] for m in missing),
            )
            return None, None
        assert issued is not None
        document = self.attempt(
            sheet_loc,
            lambda: Document(
                symbol=parsed, kind=kind, issued_on=issued, issuer=issuer, title=title
            ),
        )
        if document is None:
            return None, None
        return document.key, document

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

    def find_unit(self, text: str, where: Callable[[], Loc]) -> str | None:
        """A unit after the import by its id or its name; a problem at ``where()`` if there is
        none, or more than one."""
        found = self._unit_lookup.get(text)
        if found is not None:
            return found
        if text in self.final_units:
            return text
        by_id = self._ids_casefolded.get(text.casefold(), [])
        matches = by_id if len(by_id) == 1 else self.name_index.get(match_key(text), [])
        if len(matches) == 1:
            self._unit_lookup[text] = matches[0]
            return matches[0]
        if matches:
            self.problem(
                where(),
                f"có {len(matches)} đơn vị tên '{text}' ({', '.join(matches)}): ghi mã đơn vị",
                f"{len(matches)} units are named '{text}' ({', '.join(matches)}): give the id",
            )
            return None
        self.problem(
            where(),
            f"không có đơn vị '{text}' (tại ngày nhập, trong dự án hay trong trang tính đơn vị)",
            f"no unit '{text}' (on the date, in the project or in the units sheet)",
        )
        return None

    def change(self, cls: type[C], loc: Loc, common: dict[str, Any], **kwargs: Any) -> C:
        ref = f"{loc.sheet}!{loc.row}#{len(self.refs)}"
        self.refs[ref] = loc
        return cls(ref=ref, **common, **kwargs)

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
                elif not given and "birth" in v:
                    twins = by_name_birth.get((match_key(v["full_name"]), v["birth"]), [])
                    if twins:
                        self.problem(
                            row.loc,
                            f"trùng họ tên và ngày sinh với '{twins[0]}' đã có trong dự án: ghi Mã "
                            f"'{twins[0]}' (hoặc số định danh) nếu là cùng một người",
                            f"same name and birth date as '{twins[0]}' in the project: give the id "
                            f"'{twins[0]}' (or the national ID) if it is the same person",
                        )
                        continue
            rows.append(row)
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
        first: list[Change] = []
        second: list[Change] = []
        for pid in leaving:
            ref = f"vắng:{pid}"
            self.refs[ref] = Loc("")
            first.append(
                Leave(
                    person=pid,
                    reason=LeaveReason.OTHER,
                    note=f"không có trong danh sách đầy đủ nhập từ {self.file}",
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
            if missing:
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
        elif "unit" in v:
            unit_id = self.find_unit(v["unit"], lambda: row.sheet.loc(number, "unit"))
            if unit_id is None:
                row.person = None
                return
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
            row.role = read_role(v.get("post"), self.all_kinds)
        elif assignment is not None and assignment.unit_id == unit_id:
            row.role = assignment.role
        else:
            row.role = Role.STAFF

    # -- the whole import ----------------------------------------------------------------

    def run(self) -> ImportResult:
        self.classify()
        agency, root_kind, on, basis, document = self.settle()
        if on is None:
            self.fail_if_problems()  # the rest is checked against the state on the date
        assert on is not None
        # Without a basis (a problem already), the rest is still checked, so that every problem
        # is reported at once; nothing is built while any remains.
        common: dict[str, Any] = {"on": on, "basis": basis}
        project = self.project
        if project is not None:
            state = project.state_on(on)
            known_ids = {uid for c in project.timeline for uid in c.unit_ids()}
            for plan in project.plans.values():
                known_ids |= {uid for c in plan.changes for uid in c.unit_ids()}
            documents = DocumentRegister(list(project.documents))
        else:
            names = {match_key(agency.name), match_key(agency.short_name or agency.name)}
            top = next(
                (r for r in self.unit_rows if r.unit_id == agency.id or match_key(r.name) in names),
                None,
            )
            fields = top.fields or () if top is not None else ()
            if "fields" in self.agency_values:
                fields = read_list(self.agency_values["fields"][0])
            root = CreateUnit(
                unit=NewUnit(id=agency.id, name=agency.name, kind=root_kind, fields=fields),
                ref="agency",
                **common,
            )
            self.refs["agency"] = Loc("")
            state = Timeline([root], require_basis=False).state_on(on)
            known_ids = {agency.id}
            documents = DocumentRegister()
        if document is not None:
            documents.add(document)
        if self.options.complete and not self.staff_sheets:
            self.notices.append(
                (
                    "--complete không có tác dụng: tệp không có trang tính nhân sự",
                    "--complete has no effect: the file has no staff sheet",
                )
            )
        unit_changes = self.plan_units(agency, state, known_ids, common)
        first, second = self.plan_staff(state, common)
        self.fail_if_problems()
        new_changes = [*unit_changes, *first, *second]
        people = self.people_after
        refreshed = set(self.updated_fields)

        def refresh(change: Change) -> Change:
            if isinstance(change, Hire) and change.person.id in refreshed:
                return replace(change, person=people[change.person.id])
            return change

        if project is not None:
            old = [refresh(c) for c in project.timeline]
            plans = {
                pid: replace(plan, changes=tuple(refresh(c) for c in plan.changes))
                for pid, plan in project.plans.items()
            }
        else:
            old = [root]
            plans = {}
        timeline = self.build_timeline(old, new_changes)
        self.fail_if_problems()
        assert timeline is not None
        assert basis is not None
        for plan in plans.values():
            if plan.status in (PlanStatus.IMPLEMENTED, PlanStatus.REJECTED):
                continue
            if project is not None and not _applies(project.plans[plan.id], project.timeline):
                continue  # already broken before this import: not this import's problem
            try:
                plan.project(timeline)
            except ChangeRefused as refused:
                self.problem(
                    Loc(""),
                    f"đề án '{plan.id}' không còn áp dụng được sau khi nhập: {refused.reason_vi}",
                    f"plan '{plan.id}' no longer applies after the import: {refused.reason_en}",
                )
        self.fail_if_problems()
        result = Project(
            agency=agency,
            documents=documents,
            timeline=timeline,
            plans=plans,
            people=people,
            unit_kinds=dict(self.kinds),
        )
        counts: Counter[str] = Counter(c.kind for c in new_changes)
        updated = [
            (pid, people[pid].full_name, fields) for pid, fields in self.updated_fields.items()
        ]
        return ImportResult(
            project=result,
            created=project is None,
            on=on,
            basis=basis,
            changes=tuple(new_changes),
            updated=updated,
            absent=[] if self.options.complete else self.absent,
            notices=self.notices,
            counts=counts,
        )

    def build_timeline(self, old: list[Change], new: list[Change]) -> Timeline | None:
        """The timeline with the new changes; each refused change is a problem at its row,
        and the others are tried again without it, so that every refusal is reported."""
        pending = list(new)
        for _ in range(50):
            try:
                return Timeline([*old, *pending])
            except ChangeRefused as refused:
                change = refused.change
                loc = self.refs.get(change.ref)
                if loc is None or not any(c is change for c in pending):
                    self.problem(
                        Loc(""),
                        f"thay đổi đã có trong dự án ({change.ref}) không còn áp dụng được sau "
                        f"khi nhập: {refused.vi}",
                        f"a change already in the project ({change.ref}) no longer applies after "
                        f"the import: {refused.en}",
                    )
                    return None
                self.problem(
                    loc,
                    f"không thể {change.label.vi}: {refused.reason_vi}",
                    f"cannot {change.label.en}: {refused.reason_en}",
                )
                pending = [c for c in pending if c is not change]
        return None


def import_workbook(
    book: RawWorkbook, project: Project | None, options: ImportOptions
) -> ImportResult:
    """Check a whole workbook against the project (None for a new one) and return the project
    with the import applied; raise SpreadsheetError with every problem, applying nothing."""
    return _Importer(book, project, options).run()


def _applies(plan: Plan, timeline: Timeline) -> bool:
    try:
        plan.project(timeline)
    except ChangeRefused:
        return False
    return True


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


_CONNECTORS = {"va"}  # "và"; folding cannot tell "của" from "cửa"


def _initials(name: str) -> str:
    words = [w for w in match_key(name).split() if w not in _CONNECTORS]
    return "".join(w[0] for w in words if w[0].isalnum())


def unit_id_from_name(name: str, kind: UnitKind | None) -> str:
    """'Phòng Quản lý đầu tư' → 'qldt'; 'Văn phòng' → 'vp'; 'Thanh tra' → 'tt'."""
    words = [w for w in match_key(name).split() if w not in _CONNECTORS]
    if kind is not None:
        prefix = match_key(kind.name_vi).split()
        if (
            len(words) > len(prefix)
            and words[: len(prefix)] == prefix
            and kind.code == "department"
        ):
            words = words[len(prefix) :]
    return "".join(w[0] for w in words) or "dv"
