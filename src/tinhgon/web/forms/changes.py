"""Change forms: one per kind of change, built from the state they apply to.

A change form gives back the plain form of the change (``to_plain``), which the services read
with the same codec as the project file; every check beyond the field's shape is the domain's.
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tinhgon.domain import Category, LeaveReason, Project, State
from tinhgon.web.forms.fields import (
    KIND_CHOICES,
    NoFormulas,
    VnDateField,
    document_choices,
    new_unit_id,
    person_choices,
    unit_choices,
)


class ChangeForm(NoFormulas, forms.Form):
    """What every change has: its effective date, its legal basis, a note, and why it is entered."""

    kind = forms.CharField(widget=forms.HiddenInput)
    on = VnDateField(label=_("Ngày hiệu lực"))
    basis = forms.ChoiceField(label=_("Căn cứ"), required=False)
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=500)

    def __init__(
        self, *args: Any, project: Project, state: State, official: bool, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.project = project
        self.state = state
        self.official = official
        # Never a preselected document: the legal basis is chosen, not defaulted.
        self.fields["basis"].choices = document_choices(project, blank=True)
        self.fields["basis"].required = official
        self.setup()
        # No default that could pass unnoticed: every required choice (unit, person, role,
        # category, sex...) starts empty unless the form gives it an explicit initial value.
        for name, field in self.fields.items():
            if (
                type(field) is forms.ChoiceField
                and field.required
                and not isinstance(field.widget, forms.RadioSelect)
                and name not in self.initial
                and field.initial is None
            ):
                choices = list(field.choices)
                if not choices or choices[0][0] != "":
                    field.choices = [("", "—"), *choices]

    def setup(self) -> None:
        """Kind-specific fields from the state (units and people to choose from)."""

    def base_plain(self) -> dict[str, Any]:
        data = self.cleaned_data
        out: dict[str, Any] = {"kind": data["kind"], "on": data["on"].isoformat()}
        if data.get("basis"):
            symbol, issued = data["basis"].split("|")
            out["basis"] = {"symbol": symbol, "date": issued}
        if data.get("note"):
            out["note"] = data["note"]
        return out

    def to_plain(self) -> dict[str, Any]:
        return self.base_plain()


class MergeForm(ChangeForm):
    units = forms.MultipleChoiceField(label=_("Các đơn vị sáp nhập / hợp nhất"))
    mode = forms.ChoiceField(
        label=_("Hình thức"),
        choices=[("into", "Sáp nhập vào đơn vị có sẵn"), ("new", "Hợp nhất thành đơn vị mới")],
        widget=forms.RadioSelect,
        initial="into",
    )
    into = forms.ChoiceField(label=_("Sáp nhập vào"), required=False)
    new_name = forms.CharField(label=_("Tên đơn vị mới"), required=False, max_length=300)
    new_kind = forms.ChoiceField(
        label=_("Loại đơn vị mới"), choices=KIND_CHOICES, required=False, initial="department"
    )

    def setup(self) -> None:
        self.fields["units"].choices = unit_choices(self.state)
        self.fields["into"].choices = unit_choices(self.state, blank=True)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("mode") == "into" and not data.get("into"):
            self.add_error("into", _("Chọn đơn vị nhận sáp nhập"))
        if data.get("mode") == "new" and not data.get("new_name"):
            self.add_error("new_name", _("Nhập tên đơn vị mới"))
        return data

    def to_plain(self) -> dict[str, Any]:
        data = self.cleaned_data
        out = self.base_plain() | {"units": list(data["units"])}
        if data["mode"] == "new":
            out["into"] = new_unit_id(self.project, data["new_name"])
            out["new_unit"] = {"name": data["new_name"], "kind": data["new_kind"] or "department"}
        else:
            out["into"] = data["into"]
        return out


class SplitForm(ChangeForm):
    unit = forms.ChoiceField(label=_("Đơn vị"))
    new_names = forms.CharField(
        label=_("Tên các đơn vị mới (mỗi dòng một tên)"), widget=forms.Textarea(attrs={"rows": 3})
    )
    new_kind = forms.ChoiceField(
        label=_("Loại đơn vị mới"), choices=KIND_CHOICES, initial="department"
    )
    keep_source = forms.BooleanField(label=_("Tách (đơn vị cũ vẫn tiếp tục)"), required=False)
    assignment = forms.CharField(
        label=_("Phân người (mỗi dòng: mã người = số thứ tự đơn vị mới, ví dụ p012 = 2)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )

    def setup(self) -> None:
        self.fields["unit"].choices = unit_choices(self.state)

    def clean(self) -> dict[str, Any]:
        """Every "person = number" line must name a member of the unit and a new unit (or 0 for
        the unit itself when it continues): a malformed line is an error, never skipped."""
        data = super().clean() or {}
        names = [n.strip() for n in data.get("new_names", "").splitlines() if n.strip()]
        members = (
            {a.person_id for a in self.state.members(data["unit"])} if data.get("unit") else set()
        )
        seen: set[str] = set()
        for number, line in enumerate(data.get("assignment", "").splitlines(), start=1):
            if not line.strip():
                continue
            pid, sign, index = (part.strip() for part in line.partition("="))
            problem = ""
            if not sign or not pid or not index:
                problem = _("không đúng dạng 'mã người = số thứ tự'")
            elif data.get("unit") and pid not in members:
                problem = _("'%(pid)s' không phải người của đơn vị bị chia, tách") % {"pid": pid}
            elif pid in seen:
                problem = _("'%(pid)s' được phân hai lần") % {"pid": pid}
            elif index in ("0", "cu", "cũ"):
                if not data.get("keep_source"):
                    problem = _("chỉ ghi 0 khi đơn vị cũ vẫn tiếp tục (tách)")
            elif not (index.isdigit() and 1 <= int(index) <= len(names)):
                problem = _("số thứ tự đơn vị mới phải từ 1 đến %(n)d") % {"n": len(names)}
            seen.add(pid)
            if problem:
                self.add_error(
                    "assignment",
                    _("Dòng %(line)d ('%(text)s'): %(problem)s")
                    % {"line": number, "text": line.strip()[:60], "problem": problem},
                )
        return data

    def to_plain(self) -> dict[str, Any]:
        data = self.cleaned_data
        names = [n.strip() for n in data["new_names"].splitlines() if n.strip()]
        ids: list[str] = []
        for name in names:
            candidate = new_unit_id(self.project, name)
            while candidate in ids:
                candidate += "-b"
            ids.append(candidate)
        people: dict[str, str] = {}
        for line in data.get("assignment", "").splitlines():
            if "=" not in line:
                continue
            pid, _, index = (part.strip() for part in line.partition("="))
            if index.isdigit() and 1 <= int(index) <= len(ids):
                people[pid] = ids[int(index) - 1]
            elif index in ("0", "cu", "cũ") and data.get("keep_source"):
                people[pid] = data["unit"]
        out = self.base_plain() | {
            "unit": data["unit"],
            "into": [
                {"id": i, "name": n, "kind": data["new_kind"]}
                for i, n in zip(ids, names, strict=True)
            ],
            "people": people,
        }
        if data.get("keep_source"):
            out["keep_source"] = True
        return out


class DissolveForm(ChangeForm):
    unit = forms.ChoiceField(label=_("Đơn vị giải thể"))
    destination = forms.ChoiceField(label=_("Chuyển nhân sự sang"), required=False)

    def setup(self) -> None:
        self.fields["unit"].choices = unit_choices(self.state)
        self.fields["destination"].choices = unit_choices(self.state, blank=True)

    def to_plain(self) -> dict[str, Any]:
        data = self.cleaned_data
        out = self.base_plain() | {"unit": data["unit"]}
        if data.get("destination"):
            out["people"] = {
                a.person_id: data["destination"] for a in self.state.members(data["unit"])
            }
        return out


class RenameForm(ChangeForm):
    unit = forms.ChoiceField(label=_("Đơn vị"))
    name = forms.CharField(label=_("Tên mới"), max_length=300)

    def setup(self) -> None:
        self.fields["unit"].choices = unit_choices(self.state)

    def to_plain(self) -> dict[str, Any]:
        return self.base_plain() | {
            "unit": self.cleaned_data["unit"],
            "name": self.cleaned_data["name"],
        }


class MoveForm(ChangeForm):
    unit = forms.ChoiceField(label=_("Đơn vị"))
    parent = forms.ChoiceField(label=_("Trực thuộc"))

    def setup(self) -> None:
        self.fields["unit"].choices = unit_choices(self.state)
        self.fields["parent"].choices = unit_choices(self.state)

    def to_plain(self) -> dict[str, Any]:
        return self.base_plain() | {
            "unit": self.cleaned_data["unit"],
            "parent": self.cleaned_data["parent"],
        }


class CreateForm(ChangeForm):
    name = forms.CharField(label=_("Tên đơn vị"), max_length=300)
    unit_kind = forms.ChoiceField(
        label=_("Loại đơn vị"), choices=KIND_CHOICES, initial="department"
    )
    parent = forms.ChoiceField(label=_("Trực thuộc"))

    def setup(self) -> None:
        self.fields["parent"].choices = unit_choices(self.state)
        kinds = [
            (code, k.name_vi)
            for code, k in self.project.unit_kinds.items()
            if k.unit_class.value != "agency"
        ]
        self.fields["unit_kind"].choices = kinds

    def to_plain(self) -> dict[str, Any]:
        data = self.cleaned_data
        return self.base_plain() | {
            "unit": {
                "id": new_unit_id(self.project, data["name"]),
                "name": data["name"],
                "kind": data["unit_kind"],
                "parent": data["parent"],
            }
        }


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


FORMS: dict[str, type[ChangeForm]] = {
    "merge": MergeForm,
    "split": SplitForm,
    "dissolve": DissolveForm,
    "rename": RenameForm,
    "move": MoveForm,
    "create": CreateForm,
    "transfer": TransferForm,
    "appoint": AppointForm,
    "relieve": RelieveForm,
    "hire": HireForm,
    "leave": LeaveForm,
    "set_quota": SetQuotaForm,
}
