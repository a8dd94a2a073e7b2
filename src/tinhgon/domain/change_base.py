"""What every dated change has (date, basis, note; the checks it makes before it alters
anything), and the description of a unit a change brings into being."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import ClassVar, NamedTuple, NoReturn

from tinhgon.domain.documents import DocumentKey
from tinhgon.domain.errors import ChangeRefused
from tinhgon.domain.model import (
    AutonomyGroup,
    Unit,
    UnitKind,
)
from tinhgon.domain.state import StateBuilder


class Text(NamedTuple):
    """A message in Vietnamese and in English."""

    vi: str
    en: str


def _frozen(mapping: Mapping[str, object]) -> Mapping[str, object]:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True, kw_only=True)
class Change:
    """One dated change with its legal basis (căn cứ pháp lý).

    ``ref`` says where the change came from (a line of a file, a database row) so that a
    refusal can point the user to it; it takes no part in comparisons.
    """

    kind: ClassVar[str]
    label: ClassVar[Text]

    on: date
    basis: DocumentKey | None = None
    note: str = ""
    ref: str = field(default="", compare=False)

    def apply(self, b: StateBuilder) -> None:
        raise NotImplementedError

    def unit_ids(self) -> tuple[str, ...]:
        """The units this change names (for display and indexing)."""
        return ()

    def person_ids(self) -> tuple[str, ...]:
        return ()

    def describe_short(self) -> Text:
        where = f" [{self.ref}]" if self.ref else ""
        basis = f", căn cứ {self.basis.symbol}" if self.basis else ""
        basis_en = f", basis {self.basis.symbol}" if self.basis else ""
        return Text(
            f"thay đổi '{self.label.vi}' ngày {self.on:%d/%m/%Y}{basis}{where}",
            f"change '{self.label.en}' on {self.on.isoformat()}{basis_en}{where}",
        )

    # -- shared checks ---------------------------------------------------------------------

    def refuse(self, vi: str, en: str) -> NoReturn:
        raise ChangeRefused(self, vi, en)

    def need_unit(self, b: StateBuilder, unit_id: str) -> Unit:
        unit = b.units.get(unit_id)
        if unit is None:
            if unit_id in b.ended:
                end = b.ended[unit_id]
                self.refuse(
                    f"đơn vị '{unit_id}' ({end.unit.name}) đã chấm dứt ngày {end.on:%d/%m/%Y}",
                    f"unit '{unit_id}' ({end.unit.name}) ended on {end.on.isoformat()}",
                )
            self.refuse(f"không có đơn vị '{unit_id}'", f"unknown unit '{unit_id}'")
        return unit

    def need_new_unit_id(self, b: StateBuilder, unit_id: str) -> None:
        if b.known_unit_id(unit_id):
            self.refuse(
                f"mã đơn vị '{unit_id}' đã được dùng (mã đơn vị không dùng lại)",
                f"unit id '{unit_id}' is already used (unit ids are never reused)",
            )

    def need_staff(self, b: StateBuilder, person_id: str) -> str:
        """The unit of someone on the staff; refuses anyone who is not on it."""
        assignment = b.assignments.get(person_id)
        if assignment is None:
            if person_id in b.departures:
                gone = b.departures[person_id]
                self.refuse(
                    f"người '{person_id}' đã thôi ({gone.reason.vi}) ngày {gone.on:%d/%m/%Y}",
                    f"person '{person_id}' left ({gone.reason.en}) on {gone.on.isoformat()}",
                )
            self.refuse(
                f"người '{person_id}' không có trong danh sách nhân sự",
                f"person '{person_id}' is not on the staff",
            )
        return assignment.unit_id

    def need_free_head(self, b: StateBuilder, unit_id: str, person_id: str) -> None:
        current = b.head(unit_id)
        if current is not None and current != person_id:
            name = b.people[current].full_name
            self.refuse(
                f"đơn vị '{unit_id}' đã có cấp trưởng ({name}, '{current}'): "
                "miễn nhiệm hoặc điều động người này trước",
                f"unit '{unit_id}' already has a head ({name}, '{current}'): "
                "relieve or transfer them first",
            )


@dataclass(frozen=True, kw_only=True)
class NewUnit:
    """What a change needs to know to bring a new unit into being."""

    id: str
    name: str
    kind: UnitKind
    parent_id: str | None = None
    fields: tuple[str, ...] = ()
    autonomy_group: AutonomyGroup | None = None
    agency_type: str | None = None

    def __post_init__(self) -> None:
        # The unit's own checks, at once, so that a bad new unit is refused where it is written.
        self.build(parent_id=self.parent_id, on=date.min, predecessors=())

    def build(self, *, parent_id: str | None, on: date, predecessors: tuple[str, ...]) -> Unit:
        return Unit(
            id=self.id,
            name=self.name,
            kind=self.kind,
            parent_id=parent_id,
            fields=self.fields,
            autonomy_group=self.autonomy_group,
            established_on=on,
            predecessors=predecessors,
            agency_type=self.agency_type,
        )
