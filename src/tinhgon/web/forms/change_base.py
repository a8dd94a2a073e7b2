"""The part every change form shares: effective date, legal basis, note, and the plain form.

A change form gives back the plain form of the change (``to_plain``), which the services read
with the same codec as the project file; every check beyond the field's shape is the domain's.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tinhgon.domain import Project, State
from tinhgon.web.forms.fields import (
    NoFormulas,
    VnDateField,
    document_choices,
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
