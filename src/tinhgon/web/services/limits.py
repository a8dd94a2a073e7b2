"""The limits of what a write may carry: the same for the forms and the API, and the same as the
database's columns (a plan's title 300 characters, a unit's name 300, a person's name 200...)."""

from __future__ import annotations

from typing import Any

from tinhgon.web.services.base import ServiceError

# key of the plain form → (greatest length, Vietnamese name of the field)
LIMITS: dict[str, tuple[int, str]] = {
    "name": (300, "tên"),
    "title": (300, "tên đề án"),
    "note": (500, "ghi chú"),
    "reason": (2000, "lý do"),
    "description": (5000, "mô tả"),
    "symbol": (100, "số, ký hiệu"),
    "id": (100, "mã"),
    "unit": (100, "mã đơn vị"),
    "person": (100, "mã người"),
    "parent": (100, "mã đơn vị trực thuộc"),
    "into": (100, "mã đơn vị"),
}
ANY_TEXT = 1000
MOST_ITEMS = 10_000


def _too_long(field: str, limit: int, path: str) -> ServiceError:
    return ServiceError(
        f"{field} quá dài (tối đa {limit} ký tự){path}",
        f"{field} is too long (at most {limit} characters){path}",
    )


def check_text(value: str, key: str, *, required: bool = False) -> str:
    """A text field as the forms check it: stripped, not empty when required, within its limit."""
    limit, field = LIMITS.get(key, (ANY_TEXT, key))
    text = value.strip()
    if required and not text:
        raise ServiceError(f"cần nhập {field}", f"{key} is required")
    if len(text) > limit:
        raise _too_long(field, limit, "")
    if "\x00" in text:
        raise ServiceError(f"{field} chứa ký tự NUL", f"{key} contains a NUL character")
    if text.startswith("="):
        raise ServiceError(
            f"{field} bắt đầu bằng '=': không nhận công thức",
            f"{key} starts with '=': formulas are refused",
        )
    return text


def check_plain(plain: Any, path: str = "") -> None:
    """Every string of a change's plain form within the limit of its field."""
    if isinstance(plain, dict):
        if len(plain) > MOST_ITEMS:
            raise ServiceError("quá nhiều mục", "too many items")
        for key, value in plain.items():
            if isinstance(value, str):
                limit, field = LIMITS.get(str(key), (ANY_TEXT, str(key)))
                if len(value) > limit:
                    raise _too_long(field, limit, f" ({path}{key})")
                if value.lstrip().startswith("="):
                    raise ServiceError(
                        f"{field} bắt đầu bằng '=' ({path}{key}): không nhận công thức",
                        f"{key} starts with '=' ({path}{key}): formulas are refused",
                    )
            else:
                check_plain(value, f"{path}{key}.")
    elif isinstance(plain, list):
        if len(plain) > MOST_ITEMS:
            raise ServiceError("quá nhiều mục", "too many items")
        for index, item in enumerate(plain):
            if isinstance(item, str):
                if len(item) > ANY_TEXT:
                    raise _too_long(path.rstrip("."), ANY_TEXT, f" ({path}{index})")
            else:
                check_plain(item, f"{path}{index}.")
