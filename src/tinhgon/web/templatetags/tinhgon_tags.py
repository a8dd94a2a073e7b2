"""Template filters: Vietnamese dates, signed numbers, severity labels."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template
from django.utils import timezone

register = template.Library()

SEVERITY_VI = {"violation": "Vi phạm", "warning": "Cảnh báo", "info": "Lưu ý"}
STATUS_VI = {
    "draft": "Dự thảo",
    "submitted": "Đã trình",
    "approved": "Đã phê duyệt",
    "implemented": "Đã thực hiện",
    "rejected": "Không phê duyệt",
}


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
    return SEVERITY_VI.get(str(getattr(value, "value", value)), str(value))


@register.filter
def status_vi(value: Any) -> str:
    return STATUS_VI.get(str(value), str(value))


ACTIONS_VI = {
    "import": "Nhập tệp dự án",
    "spreadsheet_import": "Nhập từ Excel",
    "document_add": "Thêm văn bản",
    "person_register": "Thêm hồ sơ",
    "change_record": "Ghi nhận quyết định",
    "change_withdraw": "Rút thay đổi ghi nhầm",
    "change_correct": "Sửa thay đổi ghi nhầm",
    "plan_delete": "Xóa đề án nháp",
    "plan_create": "Tạo đề án",
    "plan_change_add": "Thêm thay đổi vào đề án",
    "plan_change_remove": "Bỏ thay đổi khỏi đề án",
    "plan_submit": "Trình đề án",
    "plan_return": "Trả lại đề án",
    "plan_reject": "Không phê duyệt đề án",
    "plan_approve": "Phê duyệt đề án",
    "plan_implement": "Thực hiện đề án",
    "membership_grant": "Phân quyền",
    "membership_revoke": "Thu hồi quyền",
}


@register.filter
def action_vi(value: Any) -> str:
    return ACTIONS_VI.get(str(value), str(value))


@register.filter
def category_vi(value: Any) -> str:
    from tinhgon.domain import Category

    try:
        return Category(str(value)).vi
    except ValueError:
        return str(value)


@register.filter
def get(mapping: Any, key: Any) -> Any:
    return mapping.get(key) if hasattr(mapping, "get") else None
