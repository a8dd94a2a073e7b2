"""Pages: what an officer sees and does, in Vietnamese, with dates dd/mm/yyyy."""

from __future__ import annotations

import re

import pytest

from tinhgon.web import models


def text(response) -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.status_code
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.mark.django_db
def test_the_dashboard_shows_the_seed_numbers_after_the_restructuring(as_):
    page = text(as_("viewer").get("/co-quan/bqlkkt/?on=31/12/2019"))

    assert 'Tổng quan <span class="muted">31/12/2019</span>' in page
    assert "<dd>04</dd>" in page
    assert "<dd>11</dd>" in page
    assert "<dd>02</dd>" in page
    assert "Dữ liệu minh họa" in page


@pytest.mark.django_db
def test_the_dashboard_before_shows_the_numbers_before(as_):
    page = text(as_("viewer").get("/co-quan/bqlkkt/?on=01/01/2018"))

    assert "<dd>06</dd>" in page
    assert "<dd>16</dd>" in page
    assert "<dd>03</dd>" in page


@pytest.mark.django_db
def test_the_dashboard_lists_findings_with_their_citation_and_says_when_unverified(as_):
    page = text(as_("viewer").get("/co-quan/bqlkkt/?on=31/12/2019"))

    assert "Lê Minh Tâm" in page
    # On 31/12/2019 retirement rests on the Labour Code 2012: Decree 135/2020 was not yet issued.
    assert "Bộ luật Lao động năm 2012" in page
    assert "135/2020/NĐ-CP" not in page
    assert "chưa đối chiếu" in page


@pytest.mark.django_db
def test_the_dashboard_draws_a_chart_of_units_leaders_and_staff_over_time(as_):
    page = text(as_("viewer").get("/co-quan/bqlkkt/?on=31/12/2019"))

    assert page.count('<svg class="chart') == 3
    assert "Lãnh đạo cấp phòng: 16 → 11" in page


@pytest.mark.django_db
def test_a_malformed_date_falls_back_with_a_message(as_):
    page = text(as_("viewer").get("/co-quan/bqlkkt/?on=32/13/2019"))

    assert "Ngày &#x27;32/13/2019&#x27; không hợp lệ" in page


@pytest.mark.django_db
def test_the_org_chart_shows_heads_deputies_staff_and_quota(as_):
    page = text(as_("viewer").get("/co-quan/bqlkkt/so-do/?on=31/12/2019"))

    assert "Chánh Văn phòng: <a" in page
    assert "Lê Văn Bình" in page
    assert "13 người" in page
    assert "biên chế công chức: 44" in page
    assert 'id="tree-search"' in page


@pytest.mark.django_db
def test_the_org_chart_of_a_plan_highlights_the_unit_breaking_a_rule(as_):
    page = text(as_("viewer").get("/co-quan/bqlkkt/so-do/?on=31/12/2020&plan=phuong-an-3-phong"))

    assert "node has-violation" in page
    assert "EZ-1" in page
    assert "Phòng Quản lý quy hoạch, xây dựng và tài nguyên môi trường" in page


@pytest.mark.django_db
def test_the_staff_list_is_sorted_by_given_name(as_):
    page = text(as_("viewer").get("/co-quan/bqlkkt/nhan-su/?on=31/12/2019"))

    names = re.findall(r'/nhan-su/p\d+/\?on=31/12/2019">([^<]+)</a>', page)
    assert names[0] == "Rơ Châm Thị Duyên" or names[0].split()[-1] in ("An", "Anh", "Ánh")
    assert len(names) == 64
    assert names.index("Lê Thị Ánh") < names.index("Nguyễn Văn Toàn")


@pytest.mark.django_db
def test_searching_staff_ignores_diacritics(as_):
    page = text(as_("viewer").get("/co-quan/bqlkkt/nhan-su/?on=31/12/2019&q=nguyen+van+hung"))

    assert "Nguyễn Văn Hùng" in page
    assert "1 / 64 người" in page


@pytest.mark.django_db
def test_staff_filters_by_unit_category_and_retirement(as_):
    office = text(as_("viewer").get("/co-quan/bqlkkt/nhan-su/?on=31/12/2019&unit=vp"))
    contract = text(
        as_("viewer").get("/co-quan/bqlkkt/nhan-su/?on=31/12/2019&category=contract_worker")
    )
    retiring = text(as_("viewer").get("/co-quan/bqlkkt/nhan-su/?on=31/12/2019&retiring_within=12"))
    young = text(as_("viewer").get("/co-quan/bqlkkt/nhan-su/?on=31/12/2019&age_band=lt30"))

    assert "13 / 64 người" in office
    assert "2 / 64 người" in contract
    assert "1 / 64 người" in retiring
    assert "Lê Minh Tâm" in retiring
    assert "Y Blin" in young


@pytest.mark.django_db
def test_a_persons_page_shows_their_whole_history(as_):
    page = text(as_("viewer").get("/co-quan/bqlkkt/nhan-su/p024/?on=31/12/2019"))

    assert "Hoàng Văn Minh" in page
    assert "Phó Trưởng phòng Quản lý đầu tư và doanh nghiệp" in page
    assert (
        "Hợp nhất Phòng Quản lý đầu tư, Phòng Quản lý doanh nghiệp và lao động thành Phòng Quản lý đầu tư và doanh nghiệp"
        in page
    )
    assert "[1055/QĐ-UBND]" in page


@pytest.mark.django_db
def test_a_persons_page_of_someone_unknown_is_404(as_):
    assert as_("viewer").get("/co-quan/bqlkkt/nhan-su/p999/").status_code == 404


@pytest.mark.django_db
def test_the_timeline_lists_changes_with_their_legal_basis(as_):
    page = text(as_("viewer").get("/co-quan/bqlkkt/lich-su/"))

    assert "Sáp nhập Phòng Kế hoạch - Tổng hợp vào Văn phòng" in page
    assert "Quyết định số 1055/QĐ-UBND ngày 15/10/2018" in page


@pytest.mark.django_db
def test_an_editor_records_a_decision_from_the_timeline(as_):
    editor = as_("editor")
    form = text(editor.get("/co-quan/bqlkkt/lich-su/?kind=transfer&form_on=01/03/2021"))
    assert 'name="person"' in form

    response = editor.post(
        "/co-quan/bqlkkt/lich-su/ghi-nhan/",
        {
            "kind": "transfer",
            "on": "01/03/2021",
            "basis": "61/QĐ-BQLKKT|2020-05-15",
            "person": "p032",
            "unit": "tnmt",
            "role": "staff",
            "reason": "điều động",
        },
        follow=True,
    )

    page = text(response)
    assert "Đã ghi nhận thay đổi" in page
    assert (
        "Điều động Nguyễn Hữu Nghĩa từ Phòng Quản lý quy hoạch và xây dựng sang Phòng Quản lý tài nguyên và môi trường"
        in page
    )


@pytest.mark.django_db
def test_a_refused_decision_shows_the_reason_and_records_nothing(as_):
    before = models.ChangeRecord.objects.count()

    response = as_("editor").post(
        "/co-quan/bqlkkt/lich-su/ghi-nhan/",
        {
            "kind": "appoint",
            "on": "01/03/2021",
            "basis": "61/QĐ-BQLKKT|2020-05-15",
            "person": "p032",
            "role": "head",
        },
    )

    # The form comes back as typed, with the refusal: nothing to type again.
    assert response.status_code == 422
    body = re.sub(r"\s+", " ", response.content.decode())
    assert "đã có cấp trưởng" in body
    assert '<option value="p032" selected>' in body
    assert 'value="01/03/2021"' in body
    assert models.ChangeRecord.objects.count() == before


@pytest.mark.django_db
def test_the_document_register_takes_a_new_document_and_refuses_a_bad_symbol(as_):
    editor = as_("editor")
    data = {
        "symbol": "5/QĐ-BQLKKT",
        "kind": "decision",
        "issued_on": "02/01/2021",
        "issuer": "Ban",
        "title": "QĐ",
    }

    bad = text(editor.post("/co-quan/bqlkkt/van-ban/", data, follow=True))
    good = text(
        editor.post("/co-quan/bqlkkt/van-ban/", {**data, "symbol": "05/QĐ-BQLKKT"}, follow=True)
    )

    assert "số phải viết là 05" in bad
    assert "Đã thêm văn bản" in good
    assert "05/QĐ-BQLKKT" in good


@pytest.mark.django_db
def test_a_plan_page_shows_before_after_the_difference_and_the_findings(as_):
    page = text(as_("viewer").get("/co-quan/bqlkkt/de-an/phuong-an-3-phong/"))

    assert "Trước và sau" in page
    assert (
        '<th scope="row">Phòng chuyên môn và tương đương</th><td>04</td><td>03</td><td>-1</td>'
        in page
    )
    assert "Sáp nhập Phòng Quản lý tài nguyên và môi trường vào" in page
    assert 'id="after-violations">1<' in page


@pytest.mark.django_db
def test_an_editor_builds_a_plan_that_merges_two_departments_and_sees_its_effect(as_):
    editor = as_("editor")
    created = editor.post("/co-quan/bqlkkt/de-an/", {"title": "Phương án hợp nhất"}, follow=True)
    assert "Đã tạo đề án" in text(created)
    plan = models.Plan.objects.get(pid="phuong-an-hop-nhat")
    form = text(editor.get(f"/co-quan/bqlkkt/de-an/{plan.pid}/?kind=merge&form_on=01/01/2021"))
    assert "Sáp nhập vào" in form

    added = editor.post(
        f"/co-quan/bqlkkt/de-an/{plan.pid}/them/",
        {
            "kind": "merge",
            "on": "01/01/2021",
            "units": ["qldtdn", "tnmt"],
            "mode": "new",
            "new_name": "Phòng Đầu tư và Tài nguyên",
            "new_kind": "department",
            "version": plan.version,
        },
        follow=True,
    )

    page = text(added)
    assert "Đã thêm thay đổi vào đề án" in page
    assert (
        "Hợp nhất Phòng Quản lý đầu tư và doanh nghiệp, Phòng Quản lý tài nguyên và môi trường thành Phòng Đầu tư và Tài nguyên"
        in page
    )
    assert "<td>04</td><td>03</td><td>-1</td>" in page


@pytest.mark.django_db
def test_a_plan_is_submitted_approved_and_implemented_through_the_pages(as_, approving_decision):
    plan = models.Plan.objects.get(pid="phuong-an-3-phong")
    decision = approving_decision

    as_("editor").post(
        f"/co-quan/bqlkkt/de-an/{plan.pid}/submit/", {"version": plan.version, "on": "01/09/2020"}
    )
    plan.refresh_from_db()
    as_("approver").post(
        f"/co-quan/bqlkkt/de-an/{plan.pid}/approve/",
        {"version": plan.version, "decision": decision.pk},
    )
    plan.refresh_from_db()
    done = as_("approver").post(
        f"/co-quan/bqlkkt/de-an/{plan.pid}/implement/", {"version": plan.version}, follow=True
    )

    plan.refresh_from_db()
    assert plan.status == "implemented"
    assert "Đề án đã được đưa vào lịch sử chính thức" in text(done)
    timeline = text(as_("viewer").get("/co-quan/bqlkkt/lich-su/"))
    assert (
        "Sáp nhập Phòng Quản lý tài nguyên và môi trường vào Phòng Quản lý quy hoạch và xây dựng"
        in timeline
    )


@pytest.mark.django_db
def test_a_stale_plan_form_is_refused_with_a_clear_message(as_):
    plan = models.Plan.objects.get(pid="phuong-an-3-phong")
    old = plan.version
    as_("editor").post(
        f"/co-quan/bqlkkt/de-an/{plan.pid}/them/",
        {"kind": "relieve", "on": "01/10/2020", "person": "p031", "version": old},
    )

    response = as_("province_admin").post(
        f"/co-quan/bqlkkt/de-an/{plan.pid}/them/",
        {"kind": "relieve", "on": "01/10/2020", "person": "p005", "version": old},
    )

    assert response.status_code == 409
    body = re.sub(r"\s+", " ", response.content.decode())
    assert "vừa được người khác lưu" in body
    assert '<option value="p005" selected>' in body
    plan.refresh_from_db()
    assert [c.get("person") for c in plan.changes if c["kind"] == "relieve"] == ["p031"]


@pytest.mark.django_db
def test_plans_are_compared_side_by_side(as_, users):
    from tinhgon.web import services

    kontum = models.Agency.objects.get(code="bqlkkt")
    alt = services.plan_create(agency=kontum, title="Phương án B", user=users["editor"])
    services.plan_change_add(
        plan=alt,
        plain={"kind": "rename", "on": "2020-10-01", "unit": "vp", "name": "Văn phòng Ban"},
        version=alt.version,
        user=users["editor"],
    )

    page = text(
        as_("viewer").get(f"/co-quan/bqlkkt/de-an/so-sanh/?p=phuong-an-3-phong&p={alt.pid}")
    )

    assert "Hiện trạng (không áp dụng đề án)" in page
    assert "Phương án B" in page
    assert (
        '<th scope="row">Phòng chuyên môn và tương đương</th><td>4</td><td>3</td><td>4</td>' in page
    )
    assert '<th scope="row">Vi phạm</th><td>0</td><td>1</td><td>0</td>' in page


@pytest.mark.django_db
def test_importing_a_project_file_through_the_page(as_):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.web.conftest import EXAMPLE

    data = EXAMPLE.read_bytes().replace("Nguyễn Văn Hùng".encode(), "Nguyễn Văn Hưng".encode())
    bad = data.replace(b"sex: male", b"sex: nam", 1)

    refused = as_("province_admin").post(
        "/co-quan/bqlkkt/nhap/",
        {"file": SimpleUploadedFile("kt.yaml", bad), "reason": "x"},
        follow=True,
    )
    assert "kt.yaml:" in text(refused)
    assert "people[0].sex" in text(refused)
    assert models.Person.objects.get(pid="p001").full_name == "Nguyễn Văn Hùng"

    done = as_("province_admin").post(
        "/co-quan/bqlkkt/nhap/",
        {"file": SimpleUploadedFile("kt.yaml", data), "reason": "x"},
        follow=True,
    )
    assert "Đã nhập tệp" in text(done)
    assert models.Person.objects.get(pid="p001").full_name == "Nguyễn Văn Hưng"


@pytest.mark.django_db
def test_a_province_administrator_creates_an_agency_from_a_file(as_):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.web.conftest import OTHER

    text_file = OTHER.replace("so-noi-vu-x", "so-moi").replace("Sở Nội vụ tỉnh Bí Mật", "Sở Mới")
    province = models.Province.objects.get(code="kon-tum")

    response = as_("province_admin").post(
        "/co-quan/moi/",
        {"file": SimpleUploadedFile("moi.yaml", text_file.encode()), "province": province.pk},
        follow=True,
    )

    assert "Đã tạo cơ quan Sở Mới" in text(response)
    assert models.Agency.objects.get(code="so-moi").province == province


@pytest.mark.django_db
def test_the_audit_page_lists_who_did_what_and_why(as_):
    as_("editor").post("/co-quan/bqlkkt/de-an/", {"title": "Phương án kiểm tra nhật ký"})

    page = text(as_("viewer").get("/co-quan/bqlkkt/nhat-ky/"))

    assert "editor" in page
    assert "Tạo đề án &#x27;Phương án kiểm tra nhật ký&#x27;" in page


@pytest.mark.django_db
def test_the_project_file_downloads_and_loads_back(as_):
    from tinhgon.io import parse_project

    response = as_("viewer").get("/co-quan/bqlkkt/xuat/")

    assert response["Content-Disposition"] == 'attachment; filename="bqlkkt.yaml"'
    assert len(parse_project(response.content.decode()).people) == 65


@pytest.mark.django_db
def test_english_is_one_click_away_and_vietnamese_is_the_default(as_):
    client = as_("viewer")
    assert '<html lang="vi">' in text(client.get("/", headers={"Accept-Language": "en-US,en"}))

    client.post("/i18n/setlang/", {"language": "en", "next": "/"})

    page = text(client.get("/co-quan/bqlkkt/?on=31/12/2019"))
    assert '<html lang="en">' in page
    assert "Dashboard" in page
    assert "Departments and equivalents" in page


@pytest.mark.django_db
def test_every_page_carries_a_content_security_policy_and_no_external_asset(as_):
    for url in (
        "/dang-nhap/",
        "/",
        "/co-quan/bqlkkt/?on=31/12/2019",
        "/co-quan/bqlkkt/so-do/?on=31/12/2019",
    ):
        response = as_("viewer").get(url)
        assert "default-src 'self'" in response["Content-Security-Policy"]
        assert "script-src 'self'" in response["Content-Security-Policy"]
        assert not re.search(r'(src|href)="(https?:)?//', response.content.decode())


@pytest.mark.django_db
def test_an_administrator_grants_a_role_to_a_new_account_whose_password_shows_once(as_):
    from django.contrib.auth import get_user_model

    admin = as_("province_admin")

    page = text(
        admin.post(
            "/co-quan/bqlkkt/phan-quyen/", {"username": "can-bo-moi", "role": "editor"}, follow=True
        )
    )

    password = re.search(r"với mật khẩu (\S+) — mật khẩu chỉ hiện một lần", page).group(1)  # type: ignore[union-attr]
    user = get_user_model().objects.get(username="can-bo-moi")
    assert user.check_password(password)
    assert models.Membership.objects.get(user=user).role == "editor"
    again = text(admin.get("/co-quan/bqlkkt/phan-quyen/"))
    assert password not in again
    membership = models.Membership.objects.get(user=user)
    text(admin.post("/co-quan/bqlkkt/phan-quyen/", {"revoke": membership.pk}, follow=True))
    assert not models.Membership.objects.filter(user=user).exists()


@pytest.mark.django_db
def test_a_user_changes_their_password(as_, users):
    from tests.web.conftest import PASSWORD

    client = as_("viewer")

    response = client.post(
        "/tai-khoan/mat-khau/",
        {
            "old_password": PASSWORD,
            "new_password1": "mot-mat-khau-moi-rat-dai",
            "new_password2": "mot-mat-khau-moi-rat-dai",
        },
        follow=True,
    )

    assert "Mật khẩu đã được đổi." in text(response)
    users["viewer"].refresh_from_db()
    assert users["viewer"].check_password("mot-mat-khau-moi-rat-dai")


@pytest.mark.django_db
@pytest.mark.parametrize(("fmt", "magic"), [("docx", b"PK"), ("pdf", b"%PDF"), ("xlsx", b"PK")])
def test_the_before_after_report_downloads_in_each_format(as_, fmt, magic):
    response = as_("viewer").get(
        f"/co-quan/bqlkkt/bao-cao/?before=01/01/2018&after=31/12/2019&format={fmt}&number=125/BC-BQLKKT"
    )

    assert response.status_code == 200
    assert (
        response["Content-Disposition"] == f'attachment; filename="bao-cao-bqlkkt-20191231.{fmt}"'
    )
    assert response.content.startswith(magic)


@pytest.mark.django_db
def test_the_word_report_from_the_web_states_the_seed_numbers(as_):
    import io

    import docx

    response = as_("viewer").get(
        "/co-quan/bqlkkt/bao-cao/?before=01/01/2018&after=31/12/2019&format=docx"
    )

    body = "\n".join(p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs)
    assert "giảm từ 06 phòng xuống còn 04 phòng" in body
    assert "16 đồng chí xuống còn 11 đồng chí" in body


@pytest.mark.django_db
def test_a_report_form_with_dates_in_the_wrong_order_says_so(as_):
    page = text(
        as_("viewer").get("/co-quan/bqlkkt/bao-cao/?before=31/12/2019&after=01/01/2018&format=pdf")
    )

    assert "Ngày sau phải sau ngày trước" in page


@pytest.mark.django_db
def test_the_dashboard_works_on_the_29th_of_february(as_):
    assert as_("viewer").get("/co-quan/bqlkkt/?on=29/02/2024").status_code == 200


@pytest.mark.django_db
def test_a_retirement_is_recorded_from_the_timeline(as_):
    response = as_("editor").post(
        "/co-quan/bqlkkt/lich-su/ghi-nhan/",
        {
            "kind": "leave",
            "on": "01/07/2021",
            "basis": "61/QĐ-BQLKKT|2020-05-15",
            "person": "p031",
            "reason": "retirement",
            "entry_reason": "đủ tuổi",
        },
        follow=True,
    )

    page = text(response)
    assert "Đã ghi nhận thay đổi" in page
    assert "Phạm Thị Bích Ngọc: nghỉ hưu" in page


@pytest.mark.django_db
def test_removing_a_plans_change_removes_that_change_whatever_the_display_order(as_):
    editor = as_("editor")
    plan = models.Plan.objects.get(pid="phuong-an-3-phong")
    for on, name in (("01/06/2024", "Tên sau"), ("01/03/2024", "Tên trước")):
        plan.refresh_from_db()
        editor.post(
            f"/co-quan/bqlkkt/de-an/{plan.pid}/them/",
            {"kind": "rename", "on": on, "unit": "vp", "name": name, "version": plan.version},
        )
    plan.refresh_from_db()
    page = text(editor.get(f"/co-quan/bqlkkt/de-an/{plan.pid}/"))
    first_shown = re.findall(r"/de-an/phuong-an-3-phong/bo/(\d+)/", page)
    before = [c.get("name") for c in plan.changes]

    index = int(first_shown[-2])  # the 01/03/2024 rename is shown before the 01/06/2024 one
    editor.post(f"/co-quan/bqlkkt/de-an/{plan.pid}/bo/{index}/", {"version": plan.version})

    plan.refresh_from_db()
    assert before[index] == "Tên trước"
    assert [c.get("name") for c in plan.changes] == [n for i, n in enumerate(before) if i != index]


@pytest.mark.django_db
def test_a_plan_broken_by_a_later_official_change_can_be_repaired(as_):
    from tinhgon.web import services

    kontum = models.Agency.objects.get(code="bqlkkt")
    services.change_record(
        agency=kontum,
        plain={
            "kind": "merge",
            "on": "2020-08-01",
            "basis": {"symbol": "61/QĐ-BQLKKT", "date": "2020-05-15"},
            "units": ["tnmt"],
            "into": "qhxd",
        },
        user=None,
    )
    editor = as_("editor")
    page = text(editor.get("/co-quan/bqlkkt/de-an/phuong-an-3-phong/"))
    assert "đã chấm dứt" in page
    plan = models.Plan.objects.get(pid="phuong-an-3-phong")

    editor.post("/co-quan/bqlkkt/de-an/phuong-an-3-phong/bo/0/", {"version": plan.version})

    plan.refresh_from_db()
    assert [c["kind"] for c in plan.changes] == ["rename"]
    assert "đã chấm dứt" not in text(editor.get("/co-quan/bqlkkt/de-an/phuong-an-3-phong/"))


@pytest.mark.django_db
def test_a_refused_hire_leaves_no_person_behind(as_):
    before = models.Person.objects.count()

    as_("editor").post(
        "/co-quan/bqlkkt/lich-su/ghi-nhan/",
        {
            "kind": "hire",
            "on": "01/03/2021",
            "basis": "61/QĐ-BQLKKT|2020-05-15",
            "full_name": "Trần Văn Mới",
            "born": "1995",
            "sex": "male",
            "category": "civil_servant",
            "unit": "vp",
            "role": "head",
        },
    )

    assert models.Person.objects.count() == before
    assert not models.AuditEntry.objects.filter(action="person_register").exists()


@pytest.mark.django_db
def test_an_approver_may_register_the_decision_of_a_plan(as_):
    response = as_("approver").post(
        "/co-quan/bqlkkt/van-ban/",
        {
            "symbol": "99/QĐ-UBND",
            "kind": "decision",
            "issued_on": "01/10/2020",
            "issuer": "UBND tỉnh",
            "title": "Phê duyệt",
        },
        follow=True,
    )

    assert "Đã thêm văn bản" in text(response)


def test_the_retirement_filter_includes_those_past_their_date_still_on_the_staff():
    import datetime as dt

    from tinhgon.domain import Category, Role
    from tinhgon.web.selectors import StaffRow, staff_filter

    def row(name: str, retires: str) -> StaffRow:
        return StaffRow(
            name,
            name,
            "u",
            "U",
            Role.STAFF,
            "",
            Category.CIVIL_SERVANT,
            "",
            "1960",
            60,
            "nam",
            dt.date.fromisoformat(retires),
            "",
        )

    rows = [
        row("Quá hạn", "2020-06-30"),
        row("Sắp nghỉ", "2021-03-31"),
        row("Còn lâu", "2030-01-31"),
    ]

    kept = staff_filter(rows, on=dt.date(2020, 12, 31), retiring_within=6)

    assert [r.name for r in kept] == ["Quá hạn", "Sắp nghỉ"]


@pytest.mark.django_db
def test_problems_of_an_uploaded_file_are_shown_in_vietnamese_only(as_):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = as_("province_admin").post(
        "/co-quan/bqlkkt/nhap/",
        {"file": SimpleUploadedFile("kt.yaml", b"tinhgon: 1\nagency: [x\n")},
        follow=True,
    )

    page = text(response)
    assert "kt.yaml:3: lỗi cú pháp YAML" in page
    assert "YAML syntax error" not in page


@pytest.mark.django_db
def test_creating_an_agency_with_the_code_of_one_the_user_cannot_see_does_not_reveal_it(as_):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.web.conftest import OTHER

    province = models.Province.objects.get(code="kon-tum")
    response = as_("province_admin").post(
        "/co-quan/moi/",
        {"file": SimpleUploadedFile("x.yaml", OTHER.encode()), "province": province.pk},
        follow=True,
    )

    page = text(response)
    assert "không dùng được cho cơ quan mới" in page
    assert "Bí Mật" not in page


@pytest.mark.django_db
def test_a_malformed_province_is_not_a_server_error(as_):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = as_("system_admin").post(
        "/co-quan/moi/", {"file": SimpleUploadedFile("x.yaml", b"x"), "province": "abc"}
    )

    assert response.status_code == 200
