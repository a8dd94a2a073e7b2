"""Role names in the page's language. The stored values (``viewer``, ``editor``, ``approver``)
and the model's choices do not change (no migration): only what a page shows is translated."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

ROLE_NAMES: dict[str, Promise] = {
    "viewer": pgettext_lazy("role", "xem"),
    "editor": pgettext_lazy("role", "cập nhật"),
    "approver": pgettext_lazy("role", "phê duyệt"),
    "province_admin": pgettext_lazy("role", "quản trị cấp tỉnh"),
}


def role_name(code: str) -> str:
    """'editor' → 'cập nhật' (Vietnamese pages) or 'editor' (English pages)."""
    name = ROLE_NAMES.get(code)
    return str(name) if name is not None else code
