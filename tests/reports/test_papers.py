"""The papers of a plan: the decision's articles derived from the plan's changes in a drafter's
words, the submission and the đề án; Kon Tum phrase by phrase, and every kind of change on a
small agency."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.builders import base, hire, staff, unit
from tinhgon.domain import (
    Agency,
    Appoint,
    DissolveUnit,
    DocumentRegister,
    InvalidValue,
    MoveUnit,
    NewUnit,
    Plan,
    PlanError,
    Project,
    Relieve,
    SetQuota,
    SplitUnit,
    Timeline,
    Transfer,
)
from tinhgon.domain.model import BUILTIN_KINDS, Category, Role
from tinhgon.reports import (
    Heading,
    Paragraph,
    ReportData,
    ReportOptions,
    build_decision,
    build_proposal,
    build_submission,
)

DRAFT = "phuong-an-3-phong"
ON = dt.date(2020, 10, 1)
SOFTWARE = ("mã hóa", "cần kiểm tra lại", "đối chiếu văn bản gốc", "tinhgon", "minh họa", "EZ-1")


@pytest.fixture(scope="module")
def decision(kontum: Project) -> ReportData:
    return build_decision(kontum, DRAFT)


def articles(data: ReportData) -> list[str]:
    return [f"{b.lead} {b.text}" for b in data.body if isinstance(b, Paragraph) and b.lead]


def test_the_kontum_decision_says_what_the_plan_does_article_by_article(decision: ReportData):
    assert articles(decision) == [
        "Điều 1. Sáp nhập Phòng Quản lý tài nguyên và môi trường vào Phòng Quản lý quy hoạch "
        "và xây dựng kể từ ngày 01/10/2020.",
        "Điều 2. Đổi tên Phòng Quản lý quy hoạch và xây dựng thành Phòng Quản lý quy hoạch, "
        "xây dựng và tài nguyên môi trường kể từ ngày 01/10/2020.",
        "Điều 3. Giao Trưởng ban Quản lý Khu kinh tế tỉnh Kon Tum quy định chức năng, nhiệm "
        "vụ, quyền hạn và cơ cấu tổ chức của các đơn vị được sắp xếp theo quy định; bố trí "
        "công chức, viên chức, người lao động theo vị trí việc làm.",
        "Điều 4. Quyết định này có hiệu lực thi hành kể từ ngày 01/10/2020.",
        "Điều 5. Chánh Văn phòng Ủy ban nhân dân tỉnh Kon Tum, Giám đốc Sở Nội vụ, Trưởng ban "
        "Quản lý Khu kinh tế tỉnh Kon Tum, Thủ trưởng các cơ quan, đơn vị và cá nhân có liên "
        "quan chịu trách nhiệm thi hành Quyết định này./.",
    ]
    text = decision.text()
    assert (
        "1. Phòng Quản lý quy hoạch và xây dựng tiếp nhận nguyên trạng chức năng, nhiệm vụ, "
        "công chức, viên chức, người lao động, biên chế, hồ sơ, tài liệu, tài sản của Phòng "
        "Quản lý tài nguyên và môi trường; Phòng Quản lý tài nguyên và môi trường chấm dứt hoạt "
        "động kể từ ngày 01/10/2020."
    ) in text
    assert (
        "2. Bố trí lãnh đạo Phòng Quản lý quy hoạch và xây dựng: ông Võ Văn Nam, Trưởng phòng "
        "Quản lý tài nguyên và môi trường, giữ chức Phó Trưởng phòng Quản lý quy hoạch và xây "
        "dựng; bà Hà Thị Thu, Phó Trưởng phòng Quản lý tài nguyên và môi trường, giữ chức Phó "
        "Trưởng phòng Quản lý quy hoạch và xây dựng."
    ) in text


def test_the_decision_has_the_form_of_a_decision(decision: ReportData):
    assert decision.document_type == "QUYẾT ĐỊNH"
    assert decision.agency == "ỦY BAN NHÂN DÂN TỈNH KON TUM"
    assert decision.superior == ""
    assert decision.number_line.replace("\u00a0", " ") == "Số:      /QĐ-UBND"
    assert decision.subject == (
        "Về việc sắp xếp, kiện toàn tổ chức bộ máy của Ban Quản lý Khu kinh tế tỉnh Kon Tum"
    )
    assert decision.issuing_authority == "ỦY BAN NHÂN DÂN TỈNH KON TUM"
    assert decision.bases == (
        "Căn cứ Nghị định số 108/2014/NĐ-CP ngày 20/11/2014 của Chính phủ về chính sách tinh "
        "giản biên chế;",
        "Căn cứ Nghị định số 82/2018/NĐ-CP ngày 22/5/2018 của Chính phủ quy định về quản lý "
        "khu công nghiệp và khu kinh tế;",
        "Theo đề nghị của Trưởng ban Quản lý Khu kinh tế tỉnh Kon Tum tại Tờ trình số"
        "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/TTr-BQLKKT về việc đề nghị phê duyệt phương án "
        "sáp nhập Phòng Tài nguyên và môi trường vào Phòng Quy hoạch và xây dựng.",
    )
    assert decision.body[0] == Heading("QUYẾT ĐỊNH:", 0)
    assert decision.signature.authority_line == "TM. ỦY BAN NHÂN DÂN"
    assert decision.signature.title == "CHỦ TỊCH"
    assert decision.recipients == ("- Như Điều 5;", "- Lưu: VT.")
    assert decision.closing == ""
    assert decision.date_line.startswith("Kon Tum, ngày\u00a0")  # blank: filled in when signed


def test_what_the_drafter_must_add_is_in_the_note_not_in_the_decision(decision: ReportData):
    notes = " ".join(decision.drafter_notes)

    assert "Luật Tổ chức chính quyền địa phương" in notes
    assert "Tờ trình" in notes
    assert "còn nội dung chưa bảo đảm quy định: Số Phó Trưởng phòng" in notes
    assert "chưa được đối chiếu với văn bản gốc" in notes
    for wording in SOFTWARE:
        assert wording not in decision.text()


def test_an_implemented_plan_gives_the_decision_of_its_mergers(kontum: Project):
    data = build_decision(
        kontum, "de-an-2018", options=ReportOptions(issued_on=dt.date(2018, 10, 15))
    )
    text = data.text()

    assert articles(data)[:2] == [
        "Điều 1. Sáp nhập Phòng Kế hoạch - Tổng hợp vào Văn phòng kể từ ngày 01/11/2018.",
        "Điều 2. Hợp nhất Phòng Quản lý đầu tư, Phòng Quản lý doanh nghiệp và lao động thành "
        "Phòng Quản lý đầu tư và doanh nghiệp kể từ ngày 01/11/2018.",
    ]
    assert (
        "1. Phòng Quản lý đầu tư và doanh nghiệp thực hiện chức năng tham mưu, giúp việc về: "
        "xúc tiến đầu tư, thẩm định dự án, doanh nghiệp, lao động."
    ) in text
    assert (
        "ông Phan Thanh Long, Trưởng phòng Quản lý đầu tư, giữ chức Trưởng phòng Quản lý đầu tư "
        "và doanh nghiệp"
    ) in text
    assert data.date_line == "Kon Tum, ngày 15 tháng 10 năm 2018"
    # Nothing issued after the decision's date is cited.
    assert all("2019" not in b and "2020" not in b for b in data.bases)


def test_the_submission_asks_the_approver_to_approve_the_proposal(kontum: Project):
    data = build_submission(kontum, DRAFT)
    text = data.text()

    assert data.document_type == "TỜ TRÌNH"
    assert data.addressee == "Ủy ban nhân dân tỉnh Kon Tum"
    assert "Kính gửi: Ủy ban nhân dân tỉnh Kon Tum" in text
    assert data.subject == (
        "Về việc đề nghị phê duyệt phương án sáp nhập Phòng Tài nguyên và môi trường vào Phòng "
        "Quy hoạch và xây dựng"
    )
    assert data.number_line.endswith("/TTr-BQLKKT")
    assert (
        "- Sáp nhập Phòng Quản lý tài nguyên và môi trường vào Phòng Quản lý quy hoạch và xây dựng từ ngày 01/10/2020;"
        in text
    )
    assert "dự kiến giảm từ 04 phòng xuống còn 03 phòng" in text
    assert (
        "- Số Phó Trưởng phòng của phòng thuộc Ban quản lý khu kinh tế: còn 01 trường hợp chưa "
        "bảo đảm quy định tại Nghị định số 82/2018/NĐ-CP"
    ) in text
    assert data.closing == "Kính trình Ủy ban nhân dân tỉnh Kon Tum xem xét, quyết định./."
    assert data.signature.title == "TRƯỞNG BAN"
    assert data.recipients[0] == "- Như trên;"
    for wording in SOFTWARE:
        assert wording not in text


def test_the_proposal_has_the_parts_of_a_restructuring_proposal(kontum: Project):
    data = build_proposal(kontum, DRAFT)
    headings = [b.text for b in data.body if isinstance(b, Heading)]
    text = data.text()

    assert data.document_type == "ĐỀ ÁN"
    assert [h for h in headings if h.startswith("Phần")] == [
        "Phần I. SỰ CẦN THIẾT VÀ CĂN CỨ PHÁP LÝ",
        "Phần II. THỰC TRẠNG TỔ CHỨC BỘ MÁY, BIÊN CHẾ",
        "Phần III. PHƯƠNG ÁN SẮP XẾP",
        "Phần IV. TỔ CHỨC THỰC HIỆN",
    ]
    assert "3. Số người dôi dư và phương án giải quyết" in headings
    # The draft leaves nobody surplus (tests/reports/test_surplus_section.py for a plan that does).
    assert "không có cán bộ, công chức, viên chức, người lao động dôi dư" in text
    assert (
        "Hiện nay, Ban Quản lý Khu kinh tế tỉnh Kon Tum có 04 phòng chuyên môn và tương đương, "
        "10 lãnh đạo cấp phòng (04 cấp trưởng, 06 cấp phó)"
    ) in text
    placement = next(t for t in data.tables if t.sheet == "Bố trí nhân sự")
    nam = next(r for r in placement.rows if r[1] == "Võ Văn Nam")
    assert nam[2:] == (
        "Trưởng phòng Quản lý tài nguyên và môi trường",
        "Phó Trưởng phòng Quản lý quy hoạch, xây dựng và tài nguyên môi trường",
    )
    timetable = next(t for t in data.tables if t.sheet == "Tiến độ")
    assert timetable.rows[0][1] == "Trước ngày 01/10/2020"
    assert data.figures  # the proposed org chart
    for wording in SOFTWARE:
        assert wording not in text


def test_a_plan_without_changes_or_unknown_is_refused(kontum: Project):
    with pytest.raises(PlanError):
        build_decision(kontum, "khong-co")
    empty = Project(
        agency=kontum.agency,
        documents=kontum.documents,
        timeline=kontum.timeline,
        plans={"trong": Plan(id="trong", title="Đề án trống")},
    )
    with pytest.raises(InvalidValue):
        build_proposal(empty, "trong")


# -- every kind of change, on a small agency --------------------------------------------------


def small(*changes: object) -> Project:
    return Project(
        agency=Agency(
            id="agency",
            name="Ban Quản lý Khu kinh tế tỉnh Thử",
            short_name="BQL",
            agency_type="economic_zone_board",
            place="Thử",
            superior="Ủy ban nhân dân tỉnh Thử",
        ),
        documents=DocumentRegister(),
        timeline=Timeline(
            [*base(), unit("c", name="Phòng C"), *staff("c", 2), hire("x", "a", Role.DEPUTY)]
        ),
        plans={"p": Plan(id="p", title="Đề án thử", changes=tuple(changes))},  # type: ignore[arg-type]
    )


def test_each_kind_of_change_has_its_drafters_words():
    department = BUILTIN_KINDS["department"]
    changes = (
        SplitUnit(
            on=ON,
            source="a",
            new_units=(
                NewUnit(
                    id="a1",
                    name="Phòng A1",
                    kind=department,
                    parent_id="agency",
                    fields=("đầu tư",),
                ),
                NewUnit(id="a2", name="Phòng A2", kind=department, parent_id="agency"),
            ),
            people={"a-0": "a1", "a-1": "a1", "a-2": "a2", "a-3": "a2", "x": "a2"},
            roles={"a-0": Role.HEAD, "a-2": Role.HEAD},
        ),
        DissolveUnit(on=ON, unit="b", people={"b-0": "c", "b-1": "c", "b-2": "c"}),
        MoveUnit(on=ON, unit="c", parent="a1"),
        Relieve(on=ON + dt.timedelta(days=1), person="c-0"),
        Appoint(on=ON + dt.timedelta(days=2), person="c-1", role=Role.HEAD),
        Transfer(on=ON + dt.timedelta(days=3), person="b-0", unit="a2"),
        SetQuota(on=ON, unit="a1", category=Category.CIVIL_SERVANT, year=2021, value=5),
    )
    data = build_decision(small(*changes), "p")
    said = articles(data)
    text = data.text()

    assert (
        said[0]
        == "Điều 1. Chia Phòng a thành Phòng A1 và Phòng A2 kể từ ngày 01/10/2020; Phòng a chấm dứt hoạt động."
    )
    assert "1. Phòng A1 thực hiện chức năng tham mưu, giúp việc về: đầu tư." in text
    assert "ông Nguyễn Văn A-0, Trưởng phòng a, giữ chức Trưởng phòng A1" in text
    assert said[1] == "Điều 2. Giải thể Phòng b kể từ ngày 01/10/2020."
    assert (
        "Bố trí ông Nguyễn Văn B-0, ông Nguyễn Văn B-1, ông Nguyễn Văn B-2 về làm việc tại Phòng C."
        in text
    )
    assert said[2] == "Điều 3. Chuyển Phòng C về trực thuộc Phòng A1 kể từ ngày 01/10/2020."
    assert said[3].startswith(
        "Điều 4. Bổ nhiệm ông Nguyễn Văn C-1, công chức, viên chức Phòng C, giữ chức Trưởng phòng C"
    )
    assert said[4].startswith(
        "Điều 5. Điều động ông Nguyễn Văn B-0, công chức, viên chức Phòng C, đến nhận công tác tại Phòng A2"
    )
    assert (
        said[5]
        == "Điều 6. Miễn nhiệm chức vụ Trưởng phòng C đối với ông Nguyễn Văn C-0 kể từ ngày 02/10/2020."
    )
    assert said[6] == "Điều 7. Giao 05 biên chế công chức năm 2021 cho Phòng A1."
    assert said[-1].endswith("chịu trách nhiệm thi hành Quyết định này./.")
    # Changes on several dates: the decision takes effect when signed, each article has its date.
    assert "Quyết định này có hiệu lực thi hành kể từ ngày ký." in text
    # A separation keeps the source.
    separated = build_decision(
        small(
            SplitUnit(
                on=ON,
                source="a",
                new_units=(NewUnit(id="a3", name="Phòng A3", kind=department, parent_id="agency"),),
                people={"a-3": "a3"},
                source_continues=True,
            )
        ),
        "p",
    )
    assert articles(separated)[0] == (
        "Điều 1. Tách một phần chức năng, nhiệm vụ của Phòng a để thành lập Phòng A3 kể từ ngày "
        "01/10/2020; Phòng a tiếp tục hoạt động."
    )
