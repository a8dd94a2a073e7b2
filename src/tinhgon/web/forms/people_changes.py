"""Change forms for staff and quotas: transfer, appoint, relieve, leave, hire, set a quota."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tinhgon.domain import Category, LeaveReason
from tinhgon.web.forms.change_base import ChangeForm
from tinhgon.web.forms.fields import (
    person_choices,
    unit_choices,
)

ROLE_CHOICES = [("staff", "Nhân viên"), ("deputy", "Cấp phó"), ("head", "Cấp trưởng")]


class TransferForm(ChangeForm):
    person = forms.ChoiceField(label=_("Người"))
    unit = forms.ChoiceField(label=_("Đến đơn vị"))
    role = forms.ChoiceField(label=_("Chức vụ ở đơn vị mới"), choices=ROLE_CHOICES, initial="staff")

    def setup(self) -> None:
        self.fields["person"].choices = person_choices(self.state)
        self.fields["unit"].choices = unit_choices(self.state)

    def to_plain(self) -> dict[str, Any]:
        data = self.cleaned_data
        out = self.base_plain() | {"person": data["person"], "unit": data["unit"]}
        if data["role"] != "staff":
            out["role"] = data["role"]
        return out


class AppointForm(ChangeForm):
    person = forms.ChoiceField(label=_("Người"))
    role = forms.ChoiceField(
        label=_("Chức vụ"), choices=[("head", _("Cấp trưởng")), ("deputy", _("Cấp phó"))]
    )
    unit = forms.ChoiceField(label=_("Tại đơn vị (để trống: đơn vị hiện tại)"), required=False)

    def setup(self) -> None:
        self.fields["person"].choices = person_choices(self.state)
        self.fields["unit"].choices = unit_choices(self.state, blank=True)

    def to_plain(self) -> dict[str, Any]:
        data = self.cleaned_data
        out = self.base_plain() | {"person": data["person"], "role": data["role"]}
        if data.get("unit"):
            out["unit"] = data["unit"]
        return out


class RelieveForm(ChangeForm):
    person = forms.ChoiceField(label=_("Người"))

    def setup(self) -> None:
        self.fields["person"].choices = [
            (pid, label)
            for pid, label in person_choices(self.state)
            if self.state.assignments[pid].role.value != "staff"
        ]

    def to_plain(self) -> dict[str, Any]:
        return self.base_plain() | {"person": self.cleaned_data["person"]}


class LeaveForm(ChangeForm):
    person = forms.ChoiceField(label=_("Người"))
    reason = forms.ChoiceField(label=_("Lý do"), choices=[(r.value, r.vi) for r in LeaveReason])

    def setup(self) -> None:
        self.fields["person"].choices = person_choices(self.state)

    def to_plain(self) -> dict[str, Any]:
        return self.base_plain() | {
            "person": self.cleaned_data["person"],
            "reason": self.cleaned_data["reason"],
        }


class HireForm(ChangeForm):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=200)
    born = forms.CharField(label=_("Ngày sinh (dd/mm/yyyy, mm/yyyy hoặc yyyy)"), max_length=10)
    sex = forms.ChoiceField(label=_("Giới tính"), choices=[("male", "Nam"), ("female", "Nữ")])
    category = forms.ChoiceField(label=_("Loại"), choices=[(c.value, c.vi) for c in Category])
    national_id = forms.CharField(label=_("Số định danh cá nhân"), required=False, max_length=12)
    rank = forms.CharField(label=_("Ngạch"), required=False, max_length=100)
    unit = forms.ChoiceField(label=_("Vào đơn vị"))
    role = forms.ChoiceField(label=_("Chức vụ"), choices=ROLE_CHOICES, initial="staff")

    def setup(self) -> None:
        self.fields["unit"].choices = unit_choices(self.state)

    # The same checks as the project file and the import, beside their fields.
    def clean_born(self) -> str:
        from tinhgon.domain import TinhgonError
        from tinhgon.domain.model import BirthDate

        value = str(self.cleaned_data["born"]).strip()
        try:
            BirthDate.parse(value)
        except (TinhgonError, ValueError) as error:
            raise ValidationError(getattr(error, "vi", str(error))) from None
        return value

    def clean_national_id(self) -> str:
        value = str(self.cleaned_data.get("national_id") or "").strip()
        if value and not re.fullmatch(r"\d{12}", value):
            raise ValidationError(_("Số định danh cá nhân phải gồm đúng 12 chữ số"))
        return value

    def person_plain(self, pid: str) -> dict[str, Any]:
        data = self.cleaned_data
        out: dict[str, Any] = {
            "id": pid,
            "name": data["full_name"],
            "born": data["born"],
            "sex": data["sex"],
            "category": data["category"],
        }
        if data.get("national_id"):
            out["national_id"] = data["national_id"]
        if data.get("rank"):
            out["rank"] = data["rank"]
        return out

    def to_plain(self, pid: str = "") -> dict[str, Any]:  # type: ignore[override]
        data = self.cleaned_data
        out = self.base_plain() | {"person": pid, "unit": data["unit"]}
        if data["role"] != "staff":
            out["role"] = data["role"]
        return out


class SetQuotaForm(ChangeForm):
    unit = forms.ChoiceField(label=_("Đơn vị"))
    category = forms.ChoiceField(label=_("Loại"), choices=[(c.value, c.vi) for c in Category])
    year = forms.IntegerField(label=_("Năm"), min_value=1900, max_value=2100)
    value = forms.IntegerField(label=_("Số biên chế"), min_value=0)

    def setup(self) -> None:
        self.fields["unit"].choices = unit_choices(self.state)

    def to_plain(self) -> dict[str, Any]:
        data = self.cleaned_data
        return self.base_plain() | {
            "unit": data["unit"],
            "category": data["category"],
            "year": data["year"],
            "value": data["value"],
        }
