"""The exceptions the domain raises.

Every message exists in Vietnamese (what a user reads first) and in English::

    TinhgonError                 any error tinhgon raises on purpose
    ├── InvalidValue             a value is malformed: a document symbol, an ID number, a date
    ├── ChangeRefused            a change cannot apply to the state it meets
    └── PlanError                a plan cannot move to the asked status, or is unknown

The input/output layer adds its own subclasses (a project file that cannot be read) in
``tinhgon.io.errors``; they name the file, line and field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tinhgon.domain.changes import Change


class TinhgonError(Exception):
    """Base of every deliberate error; carries the message in Vietnamese and English."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(f"{vi} ({en})")
        self.vi = vi
        self.en = en


class InvalidValue(TinhgonError):
    """A value does not have the expected form (giá trị không hợp lệ)."""


class ChangeRefused(TinhgonError):
    """A change cannot be applied (thay đổi bị từ chối); names the change and the reason."""

    def __init__(self, change: Change, vi: str, en: str) -> None:
        self.change = change
        self.reason_vi = vi
        self.reason_en = en
        label = change.describe_short()
        super().__init__(f"{label.vi}: {vi}", f"{label.en}: {en}")


class PlanError(TinhgonError):
    """A plan operation is not allowed (thao tác với đề án không hợp lệ)."""
