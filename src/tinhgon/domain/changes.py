"""Dated changes to the structure and the staff; the timeline is a list of them.

Each change checks, against the state it meets, everything it needs before it alters
anything, and refuses with ``ChangeRefused`` (naming itself and the reason) when it cannot apply.
The legal meanings of the restructuring operations are kept apart (shared/GLOSSARY.md):

* ``MergeUnits`` into an existing unit is *sáp nhập*; into a new unit it is *hợp nhất*;
* ``SplitUnit`` ending the source is *chia*; keeping the source (``source_continues``) is *tách*;
* ``DissolveUnit`` is *giải thể*: the unit ends without a successor.

The kinds live in modules by meaning: ``change_base`` (what every change has), ``unit_changes``,
``unit_division`` and ``staff_changes``; every name is importable from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from tinhgon.domain.change_base import Change, NewUnit, Text
from tinhgon.domain.staff_changes import Appoint, Hire, Leave, Relieve, SetQuota, Transfer
from tinhgon.domain.unit_changes import (
    CreateUnit,
    MergeUnits,
    MoveUnit,
    RenameUnit,
    ReorganiseUnit,
    absorb,
)
from tinhgon.domain.unit_division import DissolveUnit, SplitUnit

__all__ = [
    "CHANGE_KINDS",
    "Appoint",
    "Change",
    "CreateUnit",
    "DissolveUnit",
    "Hire",
    "Leave",
    "MergeUnits",
    "MoveUnit",
    "NewUnit",
    "Relieve",
    "RenameUnit",
    "ReorganiseUnit",
    "SetQuota",
    "SplitUnit",
    "Text",
    "Transfer",
    "absorb",
]

CHANGE_KINDS: Mapping[str, type[Change]] = MappingProxyType(
    {
        cls.kind: cls
        for cls in (
            CreateUnit,
            RenameUnit,
            MoveUnit,
            MergeUnits,
            SplitUnit,
            DissolveUnit,
            Hire,
            Transfer,
            Appoint,
            Relieve,
            Leave,
            SetQuota,
            ReorganiseUnit,
        )
    }
)
