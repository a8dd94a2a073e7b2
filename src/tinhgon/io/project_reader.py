"""Reading a project file's plain data (already checked against the schema) into a domain
project, collecting every problem met with its file and line (``project_file`` calls it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from tinhgon.domain import (
    Agency,
    ChangeRefused,
    CreateUnit,
    DocumentKey,
    Hire,
    InvalidValue,
    NewUnit,
    Person,
    PlanStatus,
    Project,
    Role,
    Timeline,
)
from tinhgon.domain.changes import Change
from tinhgon.io.codec import (
    Context,
    FieldError,
    change_from_plain,
    parse_date,
    person_from_plain,
)
from tinhgon.io.errors import FileProblem, ProjectFileError
from tinhgon.io.project_schema import project_schema as project_schema  # re-exported
from tinhgon.io.project_schema import schema_errors as schema_errors  # re-exported
from tinhgon.io.project_sections import ProjectSections
from tinhgon.io.yamlsrc import (
    Locator,
    Path,
    Progress,
    path_text,
)

T = TypeVar("T")

READING_PEOPLE = "Đọc nhân sự / reading the people"
BUILDING_HISTORY = "Dựng lịch sử thay đổi / building the history"

_CLOSED = (PlanStatus.IMPLEMENTED, PlanStatus.REJECTED)
_ROLES = {role.value: role for role in Role}


def _role(value: Any) -> Role:
    """``Role(value)``, looked up first (what the file holds is nearly always a role's value)."""
    if type(value) is str and value in _ROLES:
        return _ROLES[value]
    return Role(value)


class ProjectReader(ProjectSections):
    """Reads schema-valid data into a project, collecting every problem it meets.

    ``lenient``: the data has failed the schema (already reported); values the schema refused
    are skipped silently, so that only the problems the schema cannot see are added.
    """

    def __init__(self, name: str, locator: Locator, *, lenient: bool = False) -> None:
        self.name = name
        self.locator = locator
        self.lenient = lenient
        self.problems: list[FileProblem] = []
        self.progress: Progress | None = None
        # The dates a command will ask the state of (see Timeline's ``snapshots_for``); None: any.
        self.snapshots_for: tuple[dt.date, ...] | None = None

    def problem(self, path: Path, vi: str, en: str) -> None:
        self.problems.append(
            FileProblem(self.name, self.locator.line(path), path_text(path), vi, en)
        )

    def attempt(self, path: Path, call: Callable[[], T]) -> T | None:
        """Run a conversion; record its problem (under ``path``) and return None on failure."""
        try:
            return call()
        except FieldError as error:
            self.problem(error.path or path, error.vi, error.en)
        except InvalidValue as error:
            self.problem(path, error.vi, error.en)
        except (KeyError, TypeError, ValueError, AttributeError):
            if not self.lenient:
                raise
        return None

    def read(self, data: Mapping[str, Any]) -> Project:
        kinds = self.read_kinds(data.get("unit_kinds", []))
        documents = self.read_documents(data.get("documents", []))
        ctx = Context(kinds=kinds, documents=documents)
        baseline_on: dt.date | None = None
        baseline_basis: DocumentKey | None = None
        has_baseline = "baseline" in data
        if has_baseline:
            baseline_on = self.attempt(
                ("baseline", "on"), lambda: parse_date(data["baseline"]["on"], ("baseline", "on"))
            )
            baseline_basis = self.attempt(
                ("baseline", "basis"),
                lambda: ctx.basis(data["baseline"]["basis"], ("baseline", "basis")),
            )

        def since_and_basis(entry: Mapping[str, Any], path: Path) -> dict[str, Any]:
            on = (
                self.attempt((*path, "since"), lambda: parse_date(entry["since"], (*path, "since")))
                if "since" in entry
                else baseline_on
            )
            if on is None and "since" not in entry and not has_baseline:
                self.problem(
                    path,
                    "thiếu ngày 'since' (hoặc khai báo 'baseline' cho cả tệp)",
                    "missing 'since' (or declare a 'baseline' for the whole file)",
                )
            basis = baseline_basis
            if entry.get("basis") is not None:
                basis = self.attempt(
                    (*path, "basis"), lambda: ctx.basis(entry["basis"], (*path, "basis"))
                )
            return {"on": on or dt.date.min, "basis": basis, "ref": path_text(path)}

        agency_data = data["agency"]
        agency = Agency(
            id=str(agency_data["id"]),
            name=str(agency_data["name"]),
            agency_type=str(agency_data.get("agency_type", "other")),
            short_name=str(agency_data.get("short_name", "")),
            province=str(agency_data.get("province", "")),
            province_class=agency_data.get("province_class"),
            superior=str(agency_data.get("superior", "")),
            place=str(agency_data.get("place", agency_data.get("province", ""))),
            illustrative=bool(agency_data.get("illustrative", False)),
            note=str(agency_data.get("note", "")),
        )
        official: list[Change] = []
        root_kind = self.attempt(
            ("agency", "kind"), lambda: ctx.kind(str(agency_data["kind"]), ("agency", "kind"))
        )
        if root_kind is not None:
            root = self.attempt(
                ("agency",),
                lambda: NewUnit(
                    id=agency.id,
                    name=agency.name,
                    kind=root_kind,
                    fields=tuple(agency_data.get("fields", ())),
                ),
            )
            if root is not None:
                official.append(CreateUnit(unit=root, **since_and_basis(agency_data, ("agency",))))

        official.extend(self.read_units(data.get("units", []), ctx, agency.id, since_and_basis))
        people, hires = self.read_people(data.get("people", []), since_and_basis)
        ctx.people = people
        official.extend(hires)
        official.extend(self.read_quotas(data.get("quotas", []), baseline_on, since_and_basis))
        for i, entry in enumerate(data.get("changes", [])):
            path: Path = ("changes", i)
            change = self.attempt(path, lambda e=entry, p=path: change_from_plain(e, ctx, p))  # type: ignore[misc]
            if change is not None:
                official.append(change)
        plans = self.read_plans(data.get("plans", []), ctx, official)
        if self.problems or self.lenient:
            raise ProjectFileError(self.problems)

        if self.progress is not None:
            self.progress(BUILDING_HISTORY, 0, 0)
        try:
            # An open plan is projected from the snapshot nearest its first change: keep all.
            keep = (
                None if any(p.status not in _CLOSED for p in plans.values()) else self.snapshots_for
            )
            timeline = Timeline(official, snapshots_for=keep)
        except ChangeRefused as refused:
            self.refusal(refused)
            raise ProjectFileError(self.problems) from None
        for plan in plans.values():
            if plan.status in _CLOSED:
                continue
            try:
                plan.project(timeline)
            except ChangeRefused as refused:
                self.refusal(refused)
        if self.problems:
            raise ProjectFileError(self.problems)
        return Project(
            agency=agency,
            documents=documents,
            timeline=timeline,
            plans=plans,
            people=people,
            unit_kinds=kinds,
        )

    def refusal(self, refused: ChangeRefused) -> None:
        ref = refused.change.ref
        path = self._path_of(ref)
        label = refused.change.label
        self.problems.append(
            FileProblem(
                self.name,
                self.locator.line(path),
                ref,
                f"{label.vi} ngày {refused.change.on:%d/%m/%Y} bị từ chối: {refused.reason_vi}",
                f"{label.en} on {refused.change.on.isoformat()} refused: {refused.reason_en}",
            )
        )

    def _path_of(self, ref: str) -> Path:
        for path in self.locator.lines:
            if path_text(path) == ref:
                return path
        return ()

    # -- people (the largest section; the others are in project_sections) ---------------

    def read_people(
        self,
        entries: list[Mapping[str, Any]],
        since_and_basis: Callable[[Mapping[str, Any], Path], dict[str, Any]],
    ) -> tuple[dict[str, Person], list[Change]]:
        people: dict[str, Person] = {}
        hires: list[Change] = []
        national_ids: dict[str, str] = {}
        for i, entry in enumerate(entries):
            if self.progress is not None and not i & 0xFFF:
                self.progress(READING_PEOPLE, i, len(entries))
            path: Path = ("people", i)
            try:
                person: Person | None = person_from_plain(entry, path)
            except Exception:  # read again the usual way, which records or raises the problem
                person = self.attempt(path, lambda e=entry, p=path: person_from_plain(e, p))  # type: ignore[misc]
            if person is None:
                continue
            if person.id in people:
                self.problem(
                    (*path, "id"),
                    f"mã người '{person.id}' bị trùng",
                    f"duplicate person id '{person.id}'",
                )
                continue
            if person.national_id:
                other = national_ids.get(person.national_id)
                if other:
                    self.problem(
                        (*path, "national_id"),
                        f"số định danh cá nhân trùng với người '{other}'",
                        f"national ID shared with person '{other}'",
                    )
                national_ids[person.national_id] = person.id
            people[person.id] = person
            if "unit" in entry:
                hires.append(
                    Hire(
                        person=person,
                        unit=str(entry["unit"]),
                        role=_role(entry.get("role", "staff")),
                        **since_and_basis(entry, path),
                    )
                )
            elif "role" in entry:
                self.problem(
                    (*path, "role"), "có chức vụ mà không có đơn vị (unit)", "a role without a unit"
                )
        return people, hires
