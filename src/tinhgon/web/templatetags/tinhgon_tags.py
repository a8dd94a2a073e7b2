"""Template filters: Vietnamese dates, signed numbers, labels in the page's language."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template
from django.utils import timezone, translation
from django.utils.translation import pgettext_lazy

register = template.Library()

SEVERITY_VI = {
    "violation": pgettext_lazy("severity", "Vi phạm"),
    "warning": pgettext_lazy("severity", "Cảnh báo"),
    "info": pgettext_lazy("severity", "Lưu ý"),
}
STATUS_VI = {
    "draft": pgettext_lazy("plan status", "Dự thảo"),
    "submitted": pgettext_lazy("plan status", "Đã trình"),
    "approved": pgettext_lazy("plan status", "Đã phê duyệt"),
    "implemented": pgettext_lazy("plan status", "Đã thực hiện"),
    "rejected": pgettext_lazy("plan status", "Không phê duyệt"),
}


@register.filter
def age(value: Any) -> str:
    """An age as an officer writes it, in the page's language: '60 tuổi', '60 tuổi 3 tháng'
    (never '60 tuổi 0 tháng'); ``law.Age`` does the writing."""
    if value is None or value == "":
        return ""
    if translation.get_language() == "en":
        return str(value.english())
    return str(value)


@register.filter
def vndate(value: Any) -> str:
    """dd/mm/yyyy, and dd/mm/yyyy HH:MM for a moment in time."""
    if isinstance(value, dt.datetime):
        return f"{timezone.localtime(value):%d/%m/%Y %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    return "" if value is None else str(value)


@register.filter
def signed(value: int) -> str:
    return f"{value:+d}" if value else "0"


@register.filter
def two(value: Any) -> str:
    """Counts written as the official reports do: 06, 16."""
    return f"{int(value):02d}" if isinstance(value, int) else str(value)


@register.filter
def severity_vi(value: Any) -> str:
    return str(SEVERITY_VI.get(str(getattr(value, "value", value)), str(value)))


@register.filter
def status_vi(value: Any) -> str:
    return str(STATUS_VI.get(str(value), str(value)))


ACTIONS_VI = {
    "import": pgettext_lazy("audit action", "Nhập tệp dự án"),
    "spreadsheet_import": pgettext_lazy("audit action", "Nhập từ Excel"),
    "document_add": pgettext_lazy("audit action", "Thêm văn bản"),
    "person_register": pgettext_lazy("audit action", "Thêm hồ sơ"),
    "change_record": pgettext_lazy("audit action", "Ghi nhận quyết định"),
    "change_withdraw": pgettext_lazy("audit action", "Rút thay đổi ghi nhầm"),
    "change_correct": pgettext_lazy("audit action", "Sửa thay đổi ghi nhầm"),
    "plan_delete": pgettext_lazy("audit action", "Xóa đề án nháp"),
    "plan_create": pgettext_lazy("audit action", "Tạo đề án"),
    "plan_change_add": pgettext_lazy("audit action", "Thêm thay đổi vào đề án"),
    "plan_change_remove": pgettext_lazy("audit action", "Bỏ thay đổi khỏi đề án"),
    "plan_submit": pgettext_lazy("audit action", "Trình đề án"),
    "plan_return": pgettext_lazy("audit action", "Trả lại đề án"),
    "plan_reject": pgettext_lazy("audit action", "Không phê duyệt đề án"),
    "plan_approve": pgettext_lazy("audit action", "Phê duyệt đề án"),
    "plan_implement": pgettext_lazy("audit action", "Thực hiện đề án"),
    "membership_grant": pgettext_lazy("audit action", "Phân quyền"),
    "membership_revoke": pgettext_lazy("audit action", "Thu hồi quyền"),
    "export": pgettext_lazy("audit action", "Xuất dữ liệu"),
    "token_create": pgettext_lazy("audit action", "Tạo mã API"),
    "token_revoke": pgettext_lazy("audit action", "Thu hồi mã API"),
}


@register.filter
def action_vi(value: Any) -> str:
    return str(ACTIONS_VI.get(str(value), str(value)))


@register.filter
def category_vi(value: Any) -> str:
    from tinhgon.domain import Category

    try:
        return label(Category(str(value)))
    except ValueError:
        return str(value)


@register.filter
def label(value: Any) -> str:
    """A domain label (category, sex, rating, reason, described text) in the page's language:
    its ``en`` when English is chosen, its ``vi`` otherwise."""
    english = translation.get_language() == "en"
    text = getattr(value, "en" if english else "vi", None)
    if not text:
        text = getattr(value, "vi", None)
    return str(text) if text is not None else str(value)


@register.filter
def get(mapping: Any, key: Any) -> Any:
    return mapping.get(key) if hasattr(mapping, "get") else None
