"""Fields and choices shared by the forms: dates dd/mm/yyyy, units, people, documents."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tinhgon.domain import BUILTIN_KINDS, Project, State
from tinhgon.domain.vietnamese import fold
from tinhgon.io.codec import FieldError, parse_date
from tinhgon.web.dates import OutOfRange, in_range
from tinhgon.web.selectors import people_sorted

DATE_HINT = "dd/mm/yyyy"


class VnDateField(forms.Field):
    """A date written dd/mm/yyyy (or yyyy-mm-dd)."""

    widget = forms.TextInput

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.widget.attrs.update(
            {"placeholder": DATE_HINT, "inputmode": "numeric", "class": "date", "size": "10"}
        )

    def to_python(self, value: Any) -> dt.date | None:
        text = str(value or "").strip()
        if not text:
            return None
        try:
            return in_range(parse_date(text))
        except FieldError as error:
            raise ValidationError(error.vi) from None
        except OutOfRange as error:
            raise ValidationError(error.vi) from None

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, dt.date):
            return f"{value:%d/%m/%Y}"
        return value


def vn(day: dt.date) -> str:
    return f"{day:%d/%m/%Y}"


CHANGE_KINDS: list[tuple[str, Any]] = [
    ("merge", _("Sáp nhập / hợp nhất đơn vị")),
    ("split", _("Chia / tách đơn vị")),
    ("dissolve", _("Giải thể đơn vị")),
    ("rename", _("Đổi tên đơn vị")),
    ("move", _("Chuyển đơn vị trực thuộc")),
    ("create", _("Thành lập đơn vị")),
    ("transfer", _("Điều động")),
    ("appoint", _("Bổ nhiệm")),
    ("relieve", _("Miễn nhiệm")),
    ("hire", _("Tuyển dụng, tiếp nhận")),
    ("leave", _("Nghỉ hưu, thôi việc")),
    ("set_quota", _("Giao biên chế")),
]

KIND_CHOICES = [
    (code, kind.name_vi)
    for code, kind in BUILTIN_KINDS.items()
    if kind.unit_class.value != "agency"
]


def unit_choices(state: State, *, blank: bool = False) -> list[tuple[str, str]]:
    choices = [("", "—")] if blank else []
    choices += [(u.id, "  " * depth + u.name) for depth, u in state.walk()]
    return choices


def person_choices(state: State) -> list[tuple[str, str]]:
    out = []
    for person in people_sorted(state):
        unit = state.units[state.assignments[person.id].unit_id]
        out.append((person.id, f"{person.full_name} — {unit.name}"))
    return out


def document_choices(project: Project, *, blank: bool) -> list[tuple[str, str]]:
    choices = [("", "— (chưa có)")] if blank else []
    for document in sorted(project.documents, key=lambda d: d.issued_on, reverse=True):
        choices.append(
            (
                f"{document.symbol}|{document.issued_on.isoformat()}",
                f"{document.symbol} ngày {vn(document.issued_on)} — {document.title[:60]}",
            )
        )
    return choices


def new_unit_id(project: Project, name: str) -> str:
    """A fresh unit id from a name: 'Phòng Quản lý đầu tư' → 'phong-quan-ly-dau-tu'."""
    base = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")[:50] or "don-vi"
    used: set[str] = set()
    for change in project.timeline.changes:
        used.update(change.unit_ids())
    for plan in project.plans.values():
        for change in plan.changes:
            used.update(change.unit_ids())
    candidate, n = base, 2
    while candidate in used:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


class NoFormulas:
    """Refuse text that a spreadsheet would run as a formula ('=1+1'), as the import does."""

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}  # type: ignore[misc]
        for name, value in list(data.items()):
            if isinstance(value, str) and value.lstrip().startswith("="):
                self.add_error(  # type: ignore[attr-defined]
                    name, _("Không nhận nội dung bắt đầu bằng '=' (công thức)")
                )
        return data
