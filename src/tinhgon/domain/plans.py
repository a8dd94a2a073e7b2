"""Restructuring plans (đề án, phương án): proposed changes on top of the official timeline.

A plan moves draft → submitted → approved (by a decision) → implemented, or is rejected; a
submitted plan may also be returned to draft for revision. Projecting a plan gives the state
it would produce without touching the official timeline; implementing it enters its changes
into the timeline on their effective dates, citing the approving decision.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from tinhgon.domain.changes import Change
from tinhgon.domain.documents import DocumentKey
from tinhgon.domain.errors import ChangeRefused, PlanError
from tinhgon.domain.model import Label
from tinhgon.domain.state import State
from tinhgon.domain.timeline import Timeline


class PlanStatus(Label):
    """Trạng thái đề án."""

    DRAFT = "draft", "dự thảo", "draft"
    SUBMITTED = "submitted", "đã trình", "submitted"
    APPROVED = "approved", "đã phê duyệt", "approved"
    IMPLEMENTED = "implemented", "đã thực hiện", "implemented"
    REJECTED = "rejected", "không phê duyệt", "rejected"


@dataclass(frozen=True, kw_only=True)
class Plan:
    """Đề án: a named set of proposed changes with a status."""

    id: str
    title: str
    changes: tuple[Change, ...] = ()
    status: PlanStatus = PlanStatus.DRAFT
    description: str = ""
    decision: DocumentKey | None = None
    rejection_reason: str = ""

    def __post_init__(self) -> None:
        if self.status in (PlanStatus.APPROVED, PlanStatus.IMPLEMENTED) and self.decision is None:
            raise PlanError(
                f"đề án '{self.id}' {self.status.vi} phải có quyết định phê duyệt",
                f"plan '{self.id}' is {self.status.en} and needs its approving decision",
            )
        if self.status is PlanStatus.REJECTED and not self.rejection_reason.strip():
            raise PlanError(
                f"đề án '{self.id}' không được phê duyệt phải có lý do",
                f"plan '{self.id}' is rejected and needs a reason",
            )

    # -- projection ------------------------------------------------------------------------

    def project(self, timeline: Timeline) -> Timeline:
        """The timeline as it would be with this plan; the official one is not touched.

        An implemented plan's changes are already in the official timeline.
        """
        if self.status is PlanStatus.IMPLEMENTED:
            return timeline
        try:
            return timeline.with_changes(self.changes, require_basis=False)
        except ChangeRefused as refused:
            raise ChangeRefused(
                refused.change,
                f"đề án '{self.id}': {refused.reason_vi}",
                f"plan '{self.id}': {refused.reason_en}",
            ) from refused

    def state_on(self, timeline: Timeline, on: date) -> State:
        return self.project(timeline).state_on(on)

    def with_changes(self, changes: tuple[Change, ...]) -> Plan:
        """The plan with another list of changes; only a draft may be edited."""
        self._need(PlanStatus.DRAFT, "sửa", "edit")
        return replace(self, changes=changes)

    # -- workflow --------------------------------------------------------------------------

    def _need(self, status: PlanStatus, action_vi: str, action_en: str) -> None:
        if self.status is not status:
            raise PlanError(
                f"không thể {action_vi} đề án '{self.id}' đang ở trạng thái '{self.status.vi}' "
                f"(cần '{status.vi}')",
                f"cannot {action_en} plan '{self.id}' while it is {self.status.en} "
                f"(it must be {status.en})",
            )

    def submit(self) -> Plan:
        self._need(PlanStatus.DRAFT, "trình", "submit")
        if not self.changes:
            raise PlanError(
                f"đề án '{self.id}' chưa có thay đổi nào", f"plan '{self.id}' has no changes"
            )
        return replace(self, status=PlanStatus.SUBMITTED)

    def return_to_draft(self) -> Plan:
        """Trả lại: a submitted plan goes back to its authors for revision."""
        self._need(PlanStatus.SUBMITTED, "trả lại", "return")
        return replace(self, status=PlanStatus.DRAFT)

    def approve(self, decision: DocumentKey) -> Plan:
        self._need(PlanStatus.SUBMITTED, "phê duyệt", "approve")
        return replace(self, status=PlanStatus.APPROVED, decision=decision)

    def reject(self, reason: str) -> Plan:
        self._need(PlanStatus.SUBMITTED, "từ chối", "reject")
        return replace(self, status=PlanStatus.REJECTED, rejection_reason=reason)

    def implement(self, timeline: Timeline) -> tuple[Plan, Timeline]:
        """Enter the plan's changes into the official timeline, citing the approving decision.

        Returns the implemented plan and the new official timeline.
        """
        self._need(PlanStatus.APPROVED, "thực hiện", "implement")
        changes = tuple(c if c.basis else replace(c, basis=self.decision) for c in self.changes)
        try:
            official = timeline.with_changes(changes, require_basis=True)
        except ChangeRefused as refused:
            raise ChangeRefused(
                refused.change,
                f"đề án '{self.id}': {refused.reason_vi}",
                f"plan '{self.id}': {refused.reason_en}",
            ) from refused
        return replace(self, status=PlanStatus.IMPLEMENTED, changes=changes), official
