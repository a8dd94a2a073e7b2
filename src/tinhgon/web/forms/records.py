"""Forms of plans, their workflow and the document register."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tinhgon.web import models
from tinhgon.web.forms.fields import NoFormulas, VnDateField, vn


class PlanCreateForm(NoFormulas, forms.Form):
    title = forms.CharField(label=_("Tên đề án / phương án"), max_length=300)
    description = forms.CharField(
        label=_("Mô tả"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class VersionForm(forms.Form):
    """Carries the plan version the user saw, so a stale save is refused."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Lý do / ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ApproveForm(VersionForm):
    decision = forms.ModelChoiceField(
        label=_("Quyết định phê duyệt"), queryset=models.Document.objects.none()
    )

    def __init__(self, *args: Any, plan: models.Plan, **kwargs: Any) -> None:
        from tinhgon.web.services.approval import approving_decisions

        super().__init__(*args, **kwargs)
        # Only the documents that may approve this plan (the service checks the same rule).
        self.fields["decision"].queryset = approving_decisions(plan)
        self.fields["decision"].label_from_instance = lambda d: (
            f"{d.symbol} ngày {vn(d.issued_on)} — {d.title[:60]}"
        )


class DocumentForm(NoFormulas, forms.Form):
    symbol = forms.CharField(label=_("Số, ký hiệu"), max_length=100)
    kind = forms.ChoiceField(
        label=_("Loại văn bản"),
        choices=[
            ("decision", "Quyết định"),
            ("resolution", "Nghị quyết"),
            ("decree", "Nghị định"),
            ("circular", "Thông tư"),
            ("plan", "Kế hoạch"),
            ("programme", "Chương trình"),
            ("project", "Đề án"),
            ("report", "Báo cáo"),
            ("submission", "Tờ trình"),
            ("official_letter", "Công văn"),
            ("other", "Khác"),
        ],
    )
    issued_on = VnDateField(label=_("Ngày ban hành"))
    effective_on = VnDateField(label=_("Ngày hiệu lực"), required=False)
    issuer = forms.CharField(label=_("Cơ quan ban hành"), max_length=300)
    title = forms.CharField(label=_("Trích yếu"), widget=forms.Textarea(attrs={"rows": 2}))

    def to_plain(self) -> dict[str, Any]:
        data = self.cleaned_data
        out = {
            "symbol": data["symbol"],
            "kind": data["kind"],
            "issued_on": data["issued_on"].isoformat(),
            "issuer": data["issuer"],
            "title": data["title"],
        }
        if data.get("effective_on"):
            out["effective_on"] = data["effective_on"].isoformat()
        return out
