"""Forms of uploads, filters and reports."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tinhgon.domain import Category, Project, State
from tinhgon.domain.vietnamese import sort_key
from tinhgon.reports import ReportOptions
from tinhgon.web.forms.fields import VnDateField, document_choices, unit_choices
from tinhgon.web.forms.quick import QuickSelect


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Tệp dự án (.yaml)"))
    reason = forms.CharField(label=_("Lý do"), required=False, max_length=500)

    MAX_BYTES = 20 * 1024 * 1024

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise ValidationError(_("Tệp quá lớn (tối đa 20 MB)"))
        return upload


class StaffFilterForm(forms.Form):
    q = forms.CharField(label=_("Tìm kiếm"), required=False)
    unit = forms.ChoiceField(label=_("Đơn vị"), required=False, widget=QuickSelect)
    category = forms.ChoiceField(
        label=_("Loại"), required=False, choices=[("", "—"), *[(c.value, c.vi) for c in Category]]
    )
    rank = forms.ChoiceField(label=_("Ngạch"), required=False)
    age_band = forms.ChoiceField(
        label=_("Độ tuổi"),
        required=False,
        choices=[
            ("", "—"),
            ("lt30", "dưới 30"),
            ("30-39", "30–39"),
            ("40-49", "40–49"),
            ("50-54", "50–54"),
            ("55+", "từ 55"),
        ],
    )
    retiring_within = forms.IntegerField(
        label=_("Nghỉ hưu trong (tháng)"), required=False, min_value=0, max_value=240
    )

    def __init__(self, *args: Any, state: State, ranks: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = unit_choices(state, blank=True)
        self.fields["rank"].choices = [("", "—"), *[(r, r) for r in sorted(ranks, key=sort_key)]]


class ReportForm(forms.Form):
    """Tải báo cáo: the before/after report, in Word, PDF or Excel."""

    before = VnDateField(label=_("Trước (ngày)"))
    after = VnDateField(label=_("Sau (ngày)"))
    plan = forms.ChoiceField(label=_("Theo đề án"), required=False)
    format = forms.ChoiceField(
        label=_("Định dạng"),
        choices=[("docx", "Word (.docx)"), ("pdf", "PDF"), ("xlsx", "Excel — phụ lục (.xlsx)")],
        initial="docx",
    )
    number = forms.CharField(
        label=_("Số, ký hiệu (để trống nếu chưa có số)"), required=False, max_length=60
    )
    signer = forms.CharField(
        label=_("Người ký (để trống: người đứng đầu cơ quan)"), required=False, max_length=120
    )
    recipients = forms.CharField(
        label=_("Nơi nhận (mỗi dòng một nơi)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    # The issuing details the command line's `tinhgon report` options give (thể thức).
    issued_on = VnDateField(
        label=_("Ngày ban hành ghi ở dòng địa danh (để trống: ngày sau)"), required=False
    )
    blank_date = forms.BooleanField(
        label=_("Để trống ngày, tháng để văn thư điền khi ban hành"), required=False
    )
    signer_title = forms.CharField(
        label=_("Chức vụ người ký (ví dụ: PHÓ TRƯỞNG BAN)"), required=False, max_length=120
    )
    authority = forms.ChoiceField(
        label=_("Thẩm quyền ký"),
        required=False,
        choices=[
            ("", _("— (người đứng đầu ký)")),
            ("TM.", _("TM. (thay mặt tập thể)")),
            ("KT.", _("KT. (ký thay người đứng đầu)")),
            ("TL.", _("TL. (thừa lệnh)")),
        ],
    )
    on_behalf_of = forms.CharField(
        label=_("Ký thay, thừa lệnh cho (ví dụ: TRƯỞNG BAN)"), required=False, max_length=200
    )
    archive = forms.CharField(
        label=_("Lưu: VT, … (đơn vị soạn thảo, ví dụ: VP)"), required=False, max_length=60
    )

    def __init__(self, *args: Any, plans: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["plan"].choices = [("", "—"), *plans]

    def options(self) -> ReportOptions:
        """The report's issuing details from the cleaned form (like the CLI's options)."""
        data = self.cleaned_data
        return ReportOptions(
            number=data["number"].strip() or None,
            issued_on=None if data["blank_date"] else data["issued_on"],
            blank_date=data["blank_date"],
            signer=data["signer"].strip() or None,
            signer_title=data["signer_title"].strip() or None,
            authority=data["authority"] or None,
            on_behalf_of=data["on_behalf_of"].strip() or None,
            recipients=tuple(
                line.strip() for line in data["recipients"].splitlines() if line.strip()
            ),
            archive=data["archive"].strip(),
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("before") and data.get("after") and data["before"] > data["after"]:
            self.add_error("after", _("Ngày sau phải sau ngày trước"))
        return data


class SpreadsheetImportForm(forms.Form):
    """Nhập từ Excel/CSV into an existing agency."""

    file = forms.FileField(label=_("Tệp Excel (.xlsx) hoặc CSV"))
    on = VnDateField(label=_("Ngày hiệu lực của các thay đổi"))
    basis = forms.ChoiceField(label=_("Căn cứ (văn bản trong sổ văn bản)"))
    complete = forms.BooleanField(
        label=_("Danh sách đầy đủ: người không có trong danh sách thôi công tác từ ngày trên"),
        required=False,
    )
    reason = forms.CharField(label=_("Lý do"), required=False, max_length=500)

    MAX_BYTES = 50 * 1024 * 1024

    def __init__(self, *args: Any, project: Project, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["basis"].choices = document_choices(project, blank=False)

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise ValidationError(_("Tệp quá lớn (tối đa 50 MB)"))
        suffix = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if suffix not in ("xlsx", "csv"):
            raise ValidationError(_("Chỉ nhận tệp .xlsx hoặc .csv"))
        return upload
