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
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from tinhgon.domain import (
    Change,
    ChangeRefused,
    CreateUnit,
    DocumentKey,
    DocumentRegister,
    Hire,
    NewUnit,
    Plan,
    PlanStatus,
    Project,
    Role,
    Timeline,
)
from tinhgon.io.columns import (
    match_key,
    read_list,
)
from tinhgon.io.errors import ConfirmationNeeded, SheetProblem, SpreadsheetError
from tinhgon.io.import_agency import AgencyMixin
from tinhgon.io.import_base import ImportOptions, unit_id_from_name
from tinhgon.io.import_people import PeopleMixin
from tinhgon.io.import_rows import Loc
from tinhgon.io.import_units import UnitsMixin
from tinhgon.io.sheets import RawWorkbook

__all__ = ["ImportOptions", "ImportResult", "import_workbook", "unit_id_from_name"]

Text = tuple[str, str]


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
    matched: list[tuple[str, str, int | None]] = field(default_factory=list)  # by name and birth
    retiring: list[tuple[str, str, dt.date]] = field(default_factory=list)  # absent, retired
    created_units: list[tuple[str, str]] = field(default_factory=list)  # id, name: proposed


class _Importer(AgencyMixin, UnitsMixin, PeopleMixin):
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
        self.root_id, self.on, self.known_unit_ids = agency.id, on, known_ids
        unit_changes = self.plan_units(agency, state, known_ids, common)
        first, second = self.plan_staff(state, common)
        unit_changes += self.proposed_units(common)
        self.check_silence()
        if self.problems:
            # What would be asked next is said now too, so that one pass shows everything.
            error = SpreadsheetError(self.problems)
            try:
                self.ask_if_needed()
            except ConfirmationNeeded as asked:
                error.asked = asked
            raise error
        self.ask_if_needed()
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
            matched=self.matches,
            retiring=self.retiring,
            created_units=[(self.proposed_id(k), n) for k, (n, _, _) in self.proposed.items()],
        )

    def proposed_units(self, common: dict[str, Any]) -> list[Change]:
        """The units the staff list names and the project lacks: created with
        ``create_units``, else shown for confirmation."""
        changes: list[Change] = []
        for folded, (name, kind, loc) in self.proposed.items():
            uid = self.proposed_id(folded)
            if self.options.create_units:
                new_unit = NewUnit(id=uid, name=name, kind=kind, parent_id=self.root_id)
                changes.append(self.change(CreateUnit, loc, common, unit=new_unit))
            else:
                self.units_asked.append(
                    SheetProblem(
                        self.file,
                        loc.sheet,
                        loc.row,
                        loc.column,
                        loc.header,
                        f"đơn vị mới '{name}' ({kind.name_vi}, mã '{uid}'), trực thuộc cơ quan",
                        f"new unit '{name}' ({kind.name_en}, id '{uid}'), under the agency",
                    )
                )
        return changes

    def check_silence(self) -> None:
        """What a list must not leave unsaid: no leader anywhere."""
        rows = [r for r in self.staff_rows if r.person is not None]
        if rows and self.project is not None and all(r.role is Role.STAFF for r in rows):
            # An update that names no leader but would make leaders staff: a post column
            # that says nothing of the leaders (an HR export's 'Chuyên viên' for everyone).
            demoted = [r for r in rows if r.existing is not None and r.demotes]
            if len(demoted) >= 2:
                self.warn(
                    Loc(rows[0].loc.sheet),
                    f"danh sách không có ai là cấp trưởng hay cấp phó nhưng sẽ miễn nhiệm "
                    f"{len(demoted)} người đang là lãnh đạo: kiểm tra cột Chức vụ",
                    f"the list names no head or deputy but would relieve {len(demoted)} "
                    "leaders: check the post column",
                )
        if rows and self.project is None and all(r.role is Role.STAFF for r in rows):
            self.warn(
                Loc(rows[0].loc.sheet),
                f"không đọc được lãnh đạo nào trong {len(rows)} người (không ai là cấp trưởng "
                "hay cấp phó): kiểm tra cột Chức vụ",
                f"no leader was read among {len(rows)} people (nobody is a head or deputy): "
                "check the post column",
            )

    def ask_if_needed(self) -> None:
        warnings = [] if self.options.accept_warnings else self.warnings
        doubts = [] if self.options.accept_matches else self.doubts
        if self.units_asked or doubts or warnings:
            raise ConfirmationNeeded(self.units_asked, doubts, warnings)

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
