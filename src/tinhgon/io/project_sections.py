"""The sections of a project file other than its people (unit kinds, documents, units, quotas,
plans), read into domain objects by ``ProjectReader`` (project_reader.py), which this class is
a part of: problems are recorded with ``problem`` and ``attempt``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any, TypeVar

from tinhgon.domain import (
    BUILTIN_KINDS,
    AutonomyGroup,
    Category,
    CreateUnit,
    DocumentRegister,
    NewUnit,
    Plan,
    PlanStatus,
    SetQuota,
    UnitKind,
)
from tinhgon.domain.changes import Change
from tinhgon.io.codec import (
    Context,
    FieldError,
    change_from_plain,
    document_from_plain,
    unit_kind_from_plain,
)
from tinhgon.io.project_schema import project_schema as project_schema  # re-exported
from tinhgon.io.project_schema import schema_errors as schema_errors  # re-exported
from tinhgon.io.yamlsrc import (
    Path,
)

T = TypeVar("T")


class ProjectSections:
    """What reads the sections other than people; ``ProjectReader`` supplies the rest."""

    def problem(self, path: Path, vi: str, en: str) -> None:
        raise NotImplementedError

    def attempt(self, path: Path, call: Callable[[], T]) -> T | None:
        raise NotImplementedError

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
