"""What the database holds: agencies, their documents, people, official changes and plans, who
may see and do what, and the audit log.

The structure on a date is never stored: ``repository.project_of`` turns these rows into a
domain ``Project`` and the domain derives the state (shared/DESIGN.md, "The history is the data").
Changes and plan changes are stored in the plain form of ``tinhgon.io.codec``, the same form as
the project file.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import models


class Province(models.Model):
    """Tỉnh, thành phố: the scope of a province administrator (Sở Nội vụ)."""

    code = models.SlugField(unique=True)
    name = models.CharField(max_length=200)

    def __str__(self) -> str:
        return self.name


class Agency(models.Model):
    """Cơ quan: one project; ``code`` is the agency's id in its project file."""

    code = models.SlugField(max_length=100, unique=True)
    name = models.CharField(max_length=300)
    province = models.ForeignKey(
        Province, null=True, blank=True, on_delete=models.PROTECT, related_name="agencies"
    )
    agency_type = models.CharField(max_length=50, default="other")
    root_kind = models.CharField(max_length=50, default="agency")
    root_fields = models.JSONField(default=list, blank=True)
    short_name = models.CharField(max_length=50, blank=True)
    province_name = models.CharField(max_length=100, blank=True)
    province_class = models.CharField(max_length=10, blank=True)
    superior = models.CharField(max_length=300, blank=True)
    place = models.CharField(max_length=100, blank=True)
    illustrative = models.BooleanField(default=False)
    note = models.TextField(blank=True)
    unit_kinds = models.JSONField(default=list, blank=True)
    revision = models.PositiveIntegerField(default=0, help_text="Tăng mỗi lần ghi.")
    stamp = models.UUIDField(
        default=uuid.uuid4, help_text="Đổi mỗi lần ghi; là khóa của bộ đệm dự án."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"

    def __str__(self) -> str:
        return self.name


class Document(models.Model):
    """Văn bản, keyed by symbol and date within an agency's register."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="documents")
    symbol = models.CharField(max_length=100)
    kind = models.CharField(max_length=30)
    issued_on = models.DateField()
    effective_on = models.DateField(null=True, blank=True)
    issuer = models.CharField(max_length=300)
    title = models.TextField()
    url = models.CharField(max_length=500, blank=True)
    illustrative = models.BooleanField(default=False)

    class Meta:
        ordering = ["issued_on", "symbol"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "symbol", "issued_on"], name="document_symbol_date"
            )
        ]

    def __str__(self) -> str:
        return self.symbol


class Person(models.Model):
    """The registry of people of an agency (static attributes); where they work is derived."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="people")
    pid = models.CharField(max_length=100)
    data = models.JSONField(help_text="Dạng của tệp dự án (tinhgon.io.codec.person_to_plain).")
    full_name = models.CharField(max_length=200)
    folded_name = models.CharField(max_length=200, db_index=True)

    class Meta:
        ordering = ["pid"]
        constraints = [models.UniqueConstraint(fields=["agency", "pid"], name="person_pid")]

    def __str__(self) -> str:
        return self.full_name


class ChangeRecord(models.Model):
    """One official change of an agency's timeline. Append-only: a correction is a new change."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="changes")
    seq = models.PositiveIntegerField(
        help_text="Thứ tự ghi nhận; các thay đổi cùng ngày áp dụng theo thứ tự này."
    )
    kind = models.CharField(max_length=30)
    on = models.DateField()
    payload = models.JSONField(help_text="Dạng của tệp dự án (tinhgon.io.codec.change_to_plain).")
    plan = models.ForeignKey(
        "Plan", null=True, blank=True, on_delete=models.PROTECT, related_name="implemented_changes"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["seq"]
        constraints = [models.UniqueConstraint(fields=["agency", "seq"], name="change_seq")]


class PlanStatus(models.TextChoices):
    DRAFT = "draft", "dự thảo"
    SUBMITTED = "submitted", "đã trình"
    APPROVED = "approved", "đã phê duyệt"
    IMPLEMENTED = "implemented", "đã thực hiện"
    REJECTED = "rejected", "không phê duyệt"


class Plan(models.Model):
    """Đề án, phương án: its proposed changes in the plain form, and its status.

    ``version`` grows with each save; a save made from an older version is refused, so two
    people editing the same plan never overwrite each other silently.
    """

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="plans")
    pid = models.SlugField(max_length=100)
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    decision = models.ForeignKey(Document, null=True, blank=True, on_delete=models.PROTECT)
    rejection_reason = models.TextField(blank=True)
    submitted_on = models.DateField(
        null=True, blank=True, help_text="Ngày trình (null for plans submitted before 0006)."
    )
    changes = models.JSONField(default=list, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "pid"]
        constraints = [models.UniqueConstraint(fields=["agency", "pid"], name="plan_pid")]

    def __str__(self) -> str:
        return self.title


class Role(models.TextChoices):
    VIEWER = "viewer", "xem"
    EDITOR = "editor", "cập nhật"
    APPROVER = "approver", "phê duyệt"


class Membership(models.Model):
    """A user's role in one agency."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices)
    unit = models.CharField(
        max_length=100,
        blank=True,
        default="",
        help_text="Cơ quan trong lịch sử (mã đơn vị) mà người dùng chỉ được thấy; trống: cả lịch sử.",
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "agency"], name="membership_once")]

    def get_role_display(self) -> str:
        """The role's name in the page's language (the stored value stays 'viewer', …)."""
        from tinhgon.web.role_names import role_name

        return role_name(self.role)


class ProvinceAdmin(models.Model):
    """A province administrator: every agency of the province."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="province_roles"
    )
    province = models.ForeignKey(Province, on_delete=models.CASCADE, related_name="admins")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "province"], name="province_admin_once")
        ]


class ApiToken(models.Model):
    """A bearer token for the API; only its hash is stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(
        null=True, blank=True, help_text="Hết hạn; mã tạo trước khi có hạn được cho 90 ngày."
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    DEFAULT_DAYS = 90
    MAX_DAYS = 365

    def state(self, now: Any) -> str:
        """'active', 'expired' or 'revoked' at ``now``."""
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at is not None and self.expires_at <= now:
            return "expired"
        return "active"


class ImportLock(models.Model):
    """One import at a time per agency, across every process serving the database: the row
    exists while an import runs (a row older than ``STALE_MINUTES`` is from a process that
    died, and is taken over)."""

    agency = models.OneToOneField(Agency, on_delete=models.CASCADE, related_name="import_lock")
    started_at = models.DateTimeField()
    username = models.CharField(max_length=150, blank=True)
    filename = models.CharField(max_length=300, blank=True)

    STALE_MINUTES = 15


class AuditQuerySet(models.QuerySet["AuditEntry"]):
    """No update or delete in bulk either: the log only grows."""

    def update(self, **kwargs: Any) -> int:
        raise PermissionError(
            "Nhật ký chỉ được ghi thêm, không được sửa (the audit log is append-only)"
        )

    def delete(self) -> Any:
        raise PermissionError("Nhật ký không được xóa (the audit log is append-only)")

    def bulk_update(self, *args: Any, **kwargs: Any) -> int:
        raise PermissionError(
            "Nhật ký chỉ được ghi thêm, không được sửa (the audit log is append-only)"
        )


class AuditEntry(models.Model):
    """Nhật ký: who did what, when and why. Append-only: rows are never changed or deleted."""

    agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.SET_NULL, related_name="audit"
    )
    agency_code = models.CharField(max_length=100, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    username = models.CharField(max_length=150, blank=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    action = models.CharField(max_length=50)
    summary = models.TextField()
    reason = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise PermissionError(
                "Nhật ký chỉ được ghi thêm, không được sửa (the audit log is append-only)"
            )
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise PermissionError("Nhật ký không được xóa (the audit log is append-only)")


class ReportTexts(models.Model):
    """The parts of a report only a person writes (tinhgon.reports.ReportTexts), kept with the
    agency: filled in once on a form, edited and used again for every report."""

    agency = models.OneToOneField(Agency, on_delete=models.CASCADE, related_name="report_texts")
    request = models.TextField(blank=True)
    direction = models.TextField(blank=True)
    strengths = models.TextField(blank=True)
    causes = models.TextField(blank=True)
    directions = models.TextField(blank=True)
    proposals = models.TextField(blank=True)
    # The issuing details kept for the next report (the report form starts from them); the
    # number and the date of issue belong to one report and are not kept.
    signer = models.CharField(max_length=120, blank=True)
    signer_title = models.CharField(max_length=120, blank=True)
    authority = models.CharField(
        max_length=3, blank=True, choices=[("TM.", "TM."), ("KT.", "KT."), ("TL.", "TL.")]
    )
    on_behalf_of = models.CharField(max_length=200, blank=True)
    recipients = models.TextField(blank=True)
    archive = models.CharField(max_length=60, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.CharField(max_length=150, blank=True)

    class Meta:
        verbose_name_plural = "report texts"

    def __str__(self) -> str:
        return f"Nội dung báo cáo của {self.agency}"
