"""The project file: one agency in YAML, human-editable (docs/format.md, project.schema.json).

Loading is all or nothing: every problem found is reported at once as
``FILE:LINE: field: what is wrong (English)``, and nothing is loaded while any remains.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path as FsPath
from typing import Any, TypeVar

from tinhgon.domain import (
    BUILTIN_KINDS,
    Agency,
    AutonomyGroup,
    Category,
    ChangeRefused,
    CreateUnit,
    DocumentKey,
    DocumentRegister,
    Hire,
    InvalidValue,
    NewUnit,
    Person,
    Plan,
    PlanStatus,
    Project,
    Role,
    SetQuota,
    Timeline,
    TinhgonError,
    UnitKind,
)
from tinhgon.domain.changes import Change
from tinhgon.io.codec import (
    Context,
    FieldError,
    basis_to_plain,
    change_from_plain,
    change_to_plain,
    document_from_plain,
    document_to_plain,
    parse_date,
    person_from_plain,
    person_to_plain,
    unit_kind_from_plain,
    unit_kind_to_plain,
)
from tinhgon.io.errors import FileProblem, ProjectFileError
from tinhgon.io.project_schema import project_schema as project_schema  # re-exported
from tinhgon.io.project_schema import schema_errors as schema_errors  # re-exported
from tinhgon.io.project_schema import schema_problem
from tinhgon.io.yamlsrc import (
    Locator,
    Path,
    Progress,
    YamlSyntaxError,
    dump_plain,
    load_located,
    load_plain,
    path_text,
)

T = TypeVar("T")
FORMAT_VERSION = 1


READING_PEOPLE = "Đọc nhân sự / reading the people"
BUILDING_HISTORY = "Dựng lịch sử thay đổi / building the history"


def load_project(path: str | FsPath, progress: Progress | None = None) -> Project:
    """Read a project file; raise ProjectFileError listing every problem."""
    name = str(path)
    try:
        text = FsPath(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProjectFileError(
            [FileProblem(name, None, "", "không tìm thấy tệp", "file not found")]
        ) from None
    except IsADirectoryError:
        raise ProjectFileError(
            [FileProblem(name, None, "", "đây là thư mục, không phải tệp", "this is a directory")]
        ) from None
    except UnicodeDecodeError:
        raise ProjectFileError(
            [FileProblem(name, None, "", "tệp không được mã hóa UTF-8", "the file is not UTF-8")]
        ) from None
    return parse_project(text, name=name, progress=progress)


def parse_project(
    text: str, *, name: str = "<project>", progress: Progress | None = None
) -> Project:
    """Read a project file's text. A valid file is read once, without keeping the line of
    every value (the quick way); a file with any problem is read again with its lines, so
    that every problem names its line."""
    try:
        data = load_plain(text, progress)
    except YamlSyntaxError as error:
        raise ProjectFileError([FileProblem(name, error.line, "", error.vi, error.en)]) from None
    if isinstance(data, dict) and not schema_errors(data):
        reader = _Reader(name, Locator())
        reader.progress = progress
        try:
            return reader.read(data)
        except ProjectFileError:
            pass  # read again below, with the line of each problem
    return _parse_located(text, name)


def _parse_located(text: str, name: str) -> Project:
    try:
        data, locator = load_located(text)
    except YamlSyntaxError as error:
        raise ProjectFileError([FileProblem(name, error.line, "", error.vi, error.en)]) from None
    if not isinstance(data, dict):
        raise ProjectFileError(
            [
                FileProblem(
                    name,
                    1,
                    "",
                    "tệp dự án phải là một bảng khóa: giá trị (bắt đầu bằng 'tinhgon: 1')",
                    "a project file must be a mapping (starting with 'tinhgon: 1')",
                )
            ]
        )
    problems = [schema_problem(name, locator, e, prefix) for prefix, e in schema_errors(data)]
    if not problems:
        return _Reader(name, locator).read(data)
    # The file has shape errors; read what can be read anyway, so that every problem (an
    # unknown unit kind, a bad symbol…) is reported at once, then refuse the whole file.
    reader = _Reader(name, locator, lenient=True)
    try:
        reader.read(data)
    except ProjectFileError:
        pass
    except (KeyError, TypeError, ValueError, AttributeError, IndexError, TinhgonError):
        # A domain refusal of what could be read (e.g. an implemented plan whose decision was
        # dropped with a malformed document): the schema's problems already refuse the file.
        pass
    seen = [p.field for p in problems]
    extra = [p for p in reader.problems if not any(_overlap(p.field, f) for f in seen)]
    raise ProjectFileError(_dedupe(problems + extra))


def _overlap(a: str, b: str) -> bool:
    """Whether two field paths are the same or one contains the other (people[0], people[0].x)."""
    short, long = sorted((a, b), key=len)
    return long == short or long.startswith((short + ".", short + "["))


def _dedupe(problems: list[FileProblem]) -> list[FileProblem]:
    seen: set[tuple[int | None, str, str]] = set()
    out = []
    for p in problems:
        key = (p.line, p.field, p.vi)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


# -- the reader -----------------------------------------------------------------------------


class _Reader:
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
            timeline = Timeline(official)
        except ChangeRefused as refused:
            self.refusal(refused)
            raise ProjectFileError(self.problems) from None
        for plan in plans.values():
            if plan.status in (PlanStatus.IMPLEMENTED, PlanStatus.REJECTED):
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

    # -- sections --------------------------------------------------------------------------

    def read_kinds(self, entries: list[Mapping[str, Any]]) -> dict[str, UnitKind]:
        kinds = dict(BUILTIN_KINDS)
        for i, entry in enumerate(entries):
            code = str(entry["code"])
            if code in kinds:
                self.problem(
                    ("unit_kinds", i, "code"),
                    f"loại đơn vị '{code}' đã có",
                    f"unit kind '{code}' already exists",
                )
                continue
            kinds[code] = unit_kind_from_plain(entry)
        return kinds

    def read_documents(self, entries: list[Mapping[str, Any]]) -> DocumentRegister:
        register = DocumentRegister()
        for i, entry in enumerate(entries):
            path: Path = ("documents", i)

            document = self.attempt(path, lambda e=entry, p=path: document_from_plain(e, p))  # type: ignore[misc]
            if document is not None:
                self.attempt(path, lambda d=document: register.add(d))  # type: ignore[misc]
        return register

    def read_units(
        self,
        entries: list[Mapping[str, Any]],
        ctx: Context,
        agency_id: str,
        since_and_basis: Callable[[Mapping[str, Any], Path], dict[str, Any]],
    ) -> list[Change]:
        ids: dict[str, int] = {}
        for i, entry in enumerate(entries):
            uid = str(entry["id"])
            if uid in ids or uid == agency_id:
                self.problem(
                    ("units", i, "id"), f"mã đơn vị '{uid}' bị trùng", f"duplicate unit id '{uid}'"
                )
            ids[uid] = i
        # Parents before children, whatever order the file lists them in.
        depth: dict[str, int] = {}

        def depth_of(uid: str, seen: tuple[str, ...] = ()) -> int:
            if uid in depth:
                return depth[uid]
            if uid in seen:
                raise FieldError(
                    ("units", ids[uid], "parent"),
                    f"vòng lặp trực thuộc: {' → '.join((*seen, uid))}",
                    f"the parents form a loop: {' → '.join((*seen, uid))}",
                )
            parent = entries[ids[uid]].get("parent", agency_id)
            depth[uid] = 0 if parent not in ids else depth_of(parent, (*seen, uid)) + 1
            return depth[uid]

        order = []
        for uid, i in ids.items():
            if self.attempt(("units", i), lambda u=uid: depth_of(u)) is not None:  # type: ignore[misc]
                order.append((depth[uid], i))
        changes: list[Change] = []
        for _, i in sorted(order):
            entry = entries[i]
            path: Path = ("units", i)
            unit = self.attempt(
                path,
                lambda e=entry, p=path: NewUnit(  # type: ignore[misc]
                    id=str(e["id"]),
                    name=str(e["name"]),
                    kind=ctx.kind(str(e["kind"]), (*p, "kind")),
                    parent_id=str(e.get("parent", agency_id)),
                    fields=tuple(e.get("fields", ())),
                    autonomy_group=(
                        AutonomyGroup(str(e["autonomy_group"]))
                        if e.get("autonomy_group") is not None
                        else None
                    ),
                    agency_type=str(e["agency_type"]) if e.get("agency_type") else None,
                ),
            )
            if unit is not None:
                changes.append(CreateUnit(unit=unit, **since_and_basis(entry, path)))
        return changes

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
                        role=Role(entry.get("role", "staff")),
                        **since_and_basis(entry, path),
                    )
                )
            elif "role" in entry:
                self.problem(
                    (*path, "role"), "có chức vụ mà không có đơn vị (unit)", "a role without a unit"
                )
        return people, hires

    def read_quotas(
        self,
        entries: list[Mapping[str, Any]],
        baseline_on: dt.date | None,
        since_and_basis: Callable[[Mapping[str, Any], Path], dict[str, Any]],
    ) -> list[Change]:
        changes: list[Change] = []
        for i, entry in enumerate(entries):
            path: Path = ("quotas", i)
            timing = since_and_basis(
                {k: v for k, v in entry.items() if k != "on"}
                | ({"since": entry["on"]} if "on" in entry else {}),
                path,
            )
            if "on" not in entry and baseline_on is None:
                timing["on"] = dt.date(int(entry["year"]), 1, 1)
            changes.append(
                SetQuota(
                    unit=str(entry["unit"]),
                    category=Category(str(entry["category"])),
                    year=int(entry["year"]),
                    value=int(entry["value"]),
                    **timing,
                )
            )
        return changes

    def read_plans(
        self, entries: list[Mapping[str, Any]], ctx: Context, official: list[Change]
    ) -> dict[str, Plan]:
        plans: dict[str, Plan] = {}
        for i, entry in enumerate(entries):
            path: Path = ("plans", i)
            plan_id = str(entry["id"])
            if plan_id in plans:
                self.problem(
                    (*path, "id"),
                    f"mã đề án '{plan_id}' bị trùng",
                    f"duplicate plan id '{plan_id}'",
                )
                continue
            status = PlanStatus(entry.get("status", "draft"))
            decision = None
            if entry.get("decision") is not None:
                decision = self.attempt(
                    (*path, "decision"),
                    lambda e=entry, p=path: ctx.basis(e["decision"], (*p, "decision")),  # type: ignore[misc]
                )
            changes: list[Change] = []
            for j, raw in enumerate(entry.get("changes", [])):
                cpath: Path = (*path, "changes", j)
                change = self.attempt(cpath, lambda r=raw, p=cpath: change_from_plain(r, ctx, p))  # type: ignore[misc]
                if change is not None:
                    changes.append(change)
            plan = self.attempt(
                path,
                lambda e=entry, s=status, d=decision, c=changes: Plan(  # type: ignore[misc]
                    id=str(e["id"]),
                    title=str(e["title"]),
                    description=str(e.get("description", "")),
                    status=s,
                    decision=d,
                    rejection_reason=str(e.get("rejection_reason", "")),
                    changes=tuple(c),
                ),
            )
            if plan is None:
                continue
            if plan.status is PlanStatus.IMPLEMENTED:
                filled = tuple(
                    c if c.basis else replace(c, basis=plan.decision) for c in plan.changes
                )
                plan = replace(plan, changes=filled)
                official.extend(filled)
            plans[plan.id] = plan
        return plans


# -- writing --------------------------------------------------------------------------------


def project_to_plain(project: Project) -> dict[str, Any]:
    """The plain form of a project, which loads back to an equal project.

    Every official change is written out in ``changes`` (the agency's creation in ``agency``,
    the changes of implemented plans under their plan), and every person in ``people``.
    """
    docs = project.documents
    agency = project.agency
    changes = list(project.timeline.changes)
    root = changes.pop(0) if changes and isinstance(changes[0], CreateUnit) else None
    out: dict[str, Any] = {"tinhgon": FORMAT_VERSION}
    agency_out: dict[str, Any] = {"id": agency.id, "name": agency.name}
    if root is not None:
        assert isinstance(root, CreateUnit)
        agency_out["kind"] = root.unit.kind.code
        if root.unit.fields:
            agency_out["fields"] = list(root.unit.fields)
        agency_out["since"] = root.on.isoformat()
        if root.basis is not None:
            agency_out["basis"] = basis_to_plain(root.basis, docs)
    for key in (
        "short_name",
        "agency_type",
        "province",
        "province_class",
        "superior",
        "place",
        "note",
    ):
        value = getattr(agency, key)
        if value:
            agency_out[key] = value
    if agency.illustrative:
        agency_out["illustrative"] = True
    out["agency"] = agency_out
    custom = [k for code, k in project.unit_kinds.items() if code not in BUILTIN_KINDS]
    if custom:
        out["unit_kinds"] = [unit_kind_to_plain(k) for k in custom]
    out["documents"] = [document_to_plain(d) for d in docs]
    out["people"] = [person_to_plain(p) for p in project.people.values()]
    # The changes of implemented plans are written under their plan, which enters them into
    # the timeline again on loading.
    for plan in project.plans.values():
        if plan.status is PlanStatus.IMPLEMENTED:
            for change in plan.changes:
                if change in changes:
                    changes.remove(change)
    out["changes"] = [change_to_plain(c, docs) for c in changes]
    plans = []
    for plan in project.plans.values():
        entry: dict[str, Any] = {"id": plan.id, "title": plan.title, "status": plan.status.value}
        if plan.description:
            entry["description"] = plan.description
        if plan.decision is not None:
            entry["decision"] = basis_to_plain(plan.decision, docs)
        if plan.rejection_reason:
            entry["rejection_reason"] = plan.rejection_reason
        entry["changes"] = [change_to_plain(c, docs) for c in plan.changes]
        plans.append(entry)
    if plans:
        out["plans"] = plans
    return out


def dump_project(project: Project) -> str:
    """The project as YAML text."""
    return dump_plain(project_to_plain(project))
