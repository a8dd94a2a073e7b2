"""Sections III to V of a report: the assessment (strengths; shortcomings — what the legal check
still finds, in plain words — and their causes), directions and proposals. What only a person can
write comes from ``ReportTexts``; a default sentence stands in where none is given."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from tinhgon import law
from tinhgon.reports.assessment import finding_rows, forecast_lines, shortcoming_lines
from tinhgon.reports.citations import Citer
from tinhgon.reports.model import Block, Column, Heading, Paragraph, Table
from tinhgon.reports.texts import ReportTexts
from tinhgon.reports.wording import two_digits, vn_date

DEFAULT_CAUSES = (
    "Nguyên nhân chủ yếu là việc sắp xếp phải bảo đảm hoạt động ổn định, liên tục của cơ quan, "
    "đơn vị; số lượng biên chế được giao còn hạn chế so với chức năng, nhiệm vụ; việc bố trí, "
    "sắp xếp cán bộ lãnh đạo sau sắp xếp cần có lộ trình."
)
DEFAULT_DIRECTIONS = (
    "Tiếp tục rà soát, sắp xếp, kiện toàn tổ chức bộ máy theo hướng tinh gọn, hoạt động hiệu "
    "lực, hiệu quả; quản lý, sử dụng biên chế được giao đúng quy định; thực hiện tinh giản biên "
    "chế gắn với cơ cấu lại đội ngũ cán bộ, công chức, viên chức theo vị trí việc làm."
)


def _lines(paragraphs: tuple[str, ...]) -> list[Block]:
    return [Paragraph(p) for p in paragraphs]


def assessment_sections(
    *,
    outlook: Sequence[Block] = (),
    agency_name: str,
    superior: str,
    after: dt.date,
    planned: bool,
    counts: dict[str, tuple[int, int]],
    checked: law.Report,
    cite: Citer,
    texts: ReportTexts,
) -> list[Block]:
    """III. ĐÁNH GIÁ CHUNG, IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI (with the headcount
    forecast, ``outlook``), V. ĐỀ XUẤT, KIẾN NGHỊ."""
    body: list[Block] = []
    # III. Assessment.
    body.append(Heading("III. ĐÁNH GIÁ CHUNG"))
    body.append(Heading("1. Ưu điểm", 2))
    fewer = []
    for key, noun in (
        ("departments", "phòng chuyên môn và tương đương"),
        ("department_leaders", "lãnh đạo cấp phòng"),
        ("public_service_units", "đơn vị sự nghiệp công lập"),
    ):
        b, a = counts[key]
        if a < b:
            fewer.append(f"{two_digits(b - a)} {noun}")
    if fewer:
        body.append(
            Paragraph(
                f"Việc sắp xếp {'được xây dựng' if planned else 'đã được thực hiện'} theo đúng "
                f"chủ trương, giảm {', '.join(fewer)}; tổ chức bộ máy "
                f"{'sẽ' if planned else 'từng bước'} tinh gọn, hoạt động hiệu lực, hiệu quả."
            )
        )
    else:
        body.append(Paragraph(f"Tổ chức bộ máy của {agency_name} được duy trì ổn định."))
    body.extend(_lines(texts.paragraphs("strengths")))
    body.append(Heading("2. Tồn tại, hạn chế và nguyên nhân", 2))
    shortcomings = shortcoming_lines(checked, cite)
    if shortcomings:
        body.append(Paragraph(f"Qua rà soát tại ngày {vn_date(after)}:"))
        body.extend(Paragraph(line) for line in shortcomings)
    else:
        body.append(
            Paragraph(
                f"Qua rà soát tại ngày {vn_date(after)}, số lượng lãnh đạo cấp phòng và biên chế "
                f"của các đơn vị thuộc {agency_name} bảo đảm theo quy định."
            )
        )
    causes = texts.paragraphs("causes") or (DEFAULT_CAUSES,)
    body.extend(_lines(causes))
    if checked.findings:
        body.append(
            Table(
                title=f"Kết quả rà soát theo quy định tại ngày {vn_date(after)}",
                sheet="Rà soát",
                columns=(
                    Column("STT", "int", 1.2),
                    Column("Mức độ", "text", 1.6),
                    Column("Đơn vị, cá nhân", "text", 2.6),
                    Column("Nội dung", "text", 4.7),
                    Column("Thực tế", "text", 1.6),
                    Column("Giới hạn", "text", 1.5),
                    Column("Căn cứ", "text", 3.3),
                ),
                rows=finding_rows(checked, cite),
                annex_only=True,
            )
        )

    # IV. Directions; V. Proposals.
    body.append(Heading("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI"))
    body.extend(_lines(texts.paragraphs("directions") or (DEFAULT_DIRECTIONS,)))
    forecasts = forecast_lines(checked, cite)
    if forecasts:
        body.append(Paragraph("Chuẩn bị nhân sự thay thế, bổ sung đối với các trường hợp sau:"))
        body.extend(Paragraph(line) for line in forecasts)
    body.extend(outlook)
    body.append(Heading("V. ĐỀ XUẤT, KIẾN NGHỊ"))
    default_proposal = (
        f"Đề nghị {superior or 'cấp có thẩm quyền'} quan tâm, tạo điều kiện để {agency_name} "
        "tiếp tục thực hiện việc sắp xếp, kiện toàn tổ chức bộ máy, biên chế theo quy định."
    )
    body.extend(_lines(texts.paragraphs("proposals") or (default_proposal,)))
    return body
