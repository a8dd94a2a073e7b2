from django.contrib.auth import views as auth_views
from django.urls import include, path

from tinhgon.web import views, views_documents, views_planning
from tinhgon.web.api import api
from tinhgon.web.views import account

urlpatterns = [
    path("", views.home, name="home"),
    path(
        "dang-nhap/", auth_views.LoginView.as_view(template_name="tinhgon/login.html"), name="login"
    ),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("co-quan/moi/", views.agency_new, name="agency_new"),
    path("co-quan/<slug:code>/", views.dashboard, name="dashboard"),
    path("co-quan/<slug:code>/so-do/", views.orgchart, name="orgchart"),
    path("co-quan/<slug:code>/so-do-khoi/", views.orgchart_boxes, name="orgchart_boxes"),
    path("co-quan/<slug:code>/cac-co-quan/", views.province, name="province"),
    path("co-quan/<slug:code>/nhan-su/", views.staff, name="staff"),
    path("co-quan/<slug:code>/nhan-su/xuat-excel/", views.staff_export, name="staff_export"),
    path("co-quan/<slug:code>/nhan-su/<str:pid>/", views.person, name="person"),
    path("co-quan/<slug:code>/lich-su/", views.timeline, name="timeline"),
    path("co-quan/<slug:code>/lich-su/ghi-nhan/", views.timeline_record, name="timeline_record"),
    path("co-quan/<slug:code>/van-ban/", views.documents, name="documents"),
    path("co-quan/<slug:code>/de-an/", views.plans, name="plans"),
    path("co-quan/<slug:code>/de-an/so-sanh/", views.plans_compare, name="plans_compare"),
    path("co-quan/<slug:code>/de-an/<slug:pid>/", views.plan, name="plan"),
    path("co-quan/<slug:code>/de-an/<slug:pid>/xoa/", views.plan_delete, name="plan_delete"),
    path(
        "co-quan/<slug:code>/de-an/<slug:pid>/them/", views.plan_change_add, name="plan_change_add"
    ),
    path(
        "co-quan/<slug:code>/de-an/<slug:pid>/bo/<int:index>/",
        views.plan_change_remove,
        name="plan_change_remove",
    ),
    path(
        "co-quan/<slug:code>/de-an/<slug:pid>/<slug:action>/",
        views.plan_transition,
        name="plan_transition",
    ),
    path("co-quan/<slug:code>/lich-su/sua-nham/", views.corrections_list, name="corrections_list"),
    path(
        "co-quan/<slug:code>/lich-su/<int:seq>/rut/",
        views.change_withdraw,
        name="change_withdraw",
    ),
    path("co-quan/<slug:code>/lich-su/<int:seq>/sua/", views.change_correct, name="change_correct"),
    path("co-quan/<slug:code>/nhap/", views.agency_import, name="agency_import"),
    path("co-quan/<slug:code>/nhap-excel/", views.spreadsheet_import, name="spreadsheet_import"),
    path(
        "co-quan/<slug:code>/nhap-excel/loi/<str:token>/",
        views.spreadsheet_error_copy,
        name="spreadsheet_error_copy",
    ),
    path("mau/<slug:what>.xlsx", views.spreadsheet_template, name="spreadsheet_template"),
    path("co-quan/<slug:code>/xuat/", views.agency_export, name="agency_export"),
    path("co-quan/<slug:code>/nhat-ky/", views.audit, name="audit"),
    path("co-quan/<slug:code>/bao-cao/", views.report, name="report"),
    path(
        "co-quan/<slug:code>/bao-cao/noi-dung/", views_documents.report_texts, name="report_texts"
    ),
    path("co-quan/<slug:code>/bao-cao/ghi-chu/", views_documents.report_notes, name="report_notes"),
    path(
        "co-quan/<slug:code>/de-an/<slug:pid>/van-ban/<slug:paper>.<slug:fmt>",
        views_documents.plan_paper,
        name="plan_paper",
    ),
    path("co-quan/<slug:code>/phan-quyen/", views.memberships, name="memberships"),
    path(
        "tai-khoan/mat-khau/",
        auth_views.PasswordChangeView.as_view(
            template_name="tinhgon/password.html", success_url="/tai-khoan/mat-khau/xong/"
        ),
        name="password_change",
    ),
    path(
        "tai-khoan/mat-khau/xong/",
        auth_views.PasswordChangeDoneView.as_view(template_name="tinhgon/password_done.html"),
        name="password_change_done",
    ),
    path("tai-khoan/ma-api/", account.tokens, name="tokens"),
    path("api/v1/", api.urls),
    path(
        "co-quan/<slug:code>/tinh-gon/de-xuat/",
        views_planning.plan_propose,
        name="plan_propose",
    ),
    path(
        "co-quan/<slug:code>/tinh-gon/doi-du/<slug:pid>/",
        views_planning.plan_surplus,
        name="plan_surplus",
    ),
    path("co-quan/<slug:code>/tinh-gon/du-bao/", views_planning.forecast, name="forecast"),
    path("co-quan/<slug:code>/tinh-gon/phuong-an/", views_planning.scenarios, name="scenarios"),
]

handler400 = "tinhgon.web.views.errors.bad_request"
handler404 = "tinhgon.web.views.errors.not_found"
handler500 = "tinhgon.web.views.errors.server_error"
