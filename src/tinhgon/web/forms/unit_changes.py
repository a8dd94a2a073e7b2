"""Change forms for the structure: merge, split, dissolve, rename, move and create units."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tinhgon.web.forms.change_base import ChangeForm
from tinhgon.web.forms.fields import (
    KIND_CHOICES,
    new_unit_id,
    unit_choices,
)


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
