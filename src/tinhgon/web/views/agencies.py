"""Agencies: the home page, creating and replacing an agency, its export, audit log and roles."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from tinhgon.io import ProjectFileError
from tinhgon.web import forms, models, privacy, province_roles, services
from tinhgon.web.permissions import (
    Action,
    may_create_agencies,
    visible_agencies,
)
from tinhgon.web.role_names import role_name
from tinhgon.web.views.base import (
    _int,
    _read_upload,
    agency_page,
    forbidden,
    page,
    show_error,
)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    agencies = list(visible_agencies(request.user).select_related("province"))
    return page(
        request,
        "tinhgon/home.html",
        None,
        agencies=agencies,
        may_create=may_create_agencies(request.user),
    )


@login_required
def agency_new(request: HttpRequest) -> HttpResponse:
    """Create an agency from a project file (system or province administrators)."""
    if not may_create_agencies(request.user):
        return forbidden(request)
    provinces = (
        models.Province.objects.all()
        if request.user.is_superuser
        else models.Province.objects.filter(admins__user=request.user)
    )
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        province = provinces.filter(pk=max(_int(request.POST.get("province")), 0)).first()
        if province is None and not request.user.is_superuser:
            messages.error(request, _("Chọn tỉnh của cơ quan."))
        else:
            try:
                agency = services.agency_import(
                    text=_read_upload(upload),
                    filename=upload.name,
                    user=request.user,
                    reason=form.cleaned_data["reason"],
                    province=province,
                )
            except (ProjectFileError, services.ServiceError, UnicodeDecodeError) as error:
                show_error(request, error)
            else:
                messages.success(request, _("Đã tạo cơ quan %(name)s.") % {"name": agency.name})
                return redirect("dashboard", code=agency.code)
    return page(request, "tinhgon/import.html", None, form=form, provinces=provinces, new=True)


@agency_page(Action.MANAGE)
def agency_import(request: HttpRequest, agency: models.Agency) -> HttpResponse:
    """Replace an agency's data with a project file: administrators only, since a file can
    say anything of plans and of the past (the previous content is kept in the audit)."""
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            services.agency_import(
                text=_read_upload(upload),
                filename=upload.name,
                user=request.user,
                reason=form.cleaned_data["reason"],
                agency=agency,
            )
        except (ProjectFileError, services.ServiceError) as error:
            show_error(request, error)
        else:
            messages.success(request, _("Đã nhập tệp; dữ liệu trước đó được lưu trong nhật ký."))
            return redirect("dashboard", code=agency.code)
    return page(request, "tinhgon/import.html", agency, form=form, new=False)


@agency_page()
def agency_export(request: HttpRequest, agency: models.Agency) -> HttpResponse:
    if getattr(agency, "scope_fixed", False):  # the file holds the whole history
        return forbidden(request)
    personal = privacy.may_see_personal(request)
    text = services.agency_export(agency=agency, personal=personal)
    privacy.audit_export(
        request=request,
        agency=agency,
        what="project",
        summary=f"Xuất tệp dự án {agency.code}.yaml",
        personal=personal,
    )
    response = HttpResponse(text, content_type="application/yaml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{agency.code}.yaml"'
    return response


@agency_page()
def audit(request: HttpRequest, agency: models.Agency) -> HttpResponse:
    if getattr(agency, "scope_fixed", False):  # the log tells of the whole history
        return forbidden(request)
    entries = agency.audit.all()[:500]
    return page(request, "tinhgon/audit.html", agency, entries=entries)


@agency_page(Action.MANAGE)
def memberships(request: HttpRequest, agency: models.Agency) -> HttpResponse:
    if request.method == "POST":
        if "revoke" in request.POST:
            membership = get_object_or_404(
                models.Membership, agency=agency, pk=_int(request.POST["revoke"])
            )
            services.membership_revoke(membership=membership, by=request.user)
            messages.success(request, _("Đã thu hồi quyền."))
        else:
            try:
                if request.POST.get("role") == province_roles.PROVINCE_ADMIN:
                    __, password = province_roles.grant_province_admin(
                        province=province_roles.province_of(agency),
                        username=request.POST.get("username", ""),
                        by=request.user,
                        agency=agency,
                    )
                else:
                    __, password = services.membership_grant(
                        agency=agency,
                        username=request.POST.get("username", ""),
                        role=request.POST.get("role", ""),
                        by=request.user,
                    )
                    province_roles.limit_membership(
                        agency=agency,
                        username=request.POST.get("username", ""),
                        unit=request.POST.get("unit", ""),
                        by=request.user,
                    )
            except services.ServiceError as error:
                show_error(request, error)
            else:
                if password:
                    messages.success(
                        request,
                        f"Đã tạo tài khoản {request.POST.get('username', '').strip()} với mật khẩu {password} "
                        "— mật khẩu chỉ hiện một lần, hãy trao cho người dùng.",
                    )
                else:
                    messages.success(request, _("Đã cập nhật quyền."))
        return redirect("memberships", code=agency.code)
    rows = agency.memberships.select_related("user").order_by("user__username")
    return page(
        request,
        "tinhgon/memberships.html",
        agency,
        memberships=rows,
        roles=[
            (code, role_name(code)) for code in (*models.Role.values, province_roles.PROVINCE_ADMIN)
        ],
        province_admins=models.ProvinceAdmin.objects.filter(province_id=agency.province_id)
        .select_related("user")
        .order_by("user__username")
        if agency.province_id
        else [],
    )
