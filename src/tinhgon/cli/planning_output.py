"""How the planning results read: text lines for the terminal, an Excel workbook for the surplus."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import xlsxwriter

from tinhgon.domain import Category
from tinhgon.domain.vietnamese import sort_key
from tinhgon.planning.allowances import Option, money
from tinhgon.planning.forecast import GROUPS, Forecast
from tinhgon.planning.surplus import REASONS, SurplusReport

_SHEET = "Dôi dư"
_FIGURES = "Phép tính"


def _option_line(option: Option) -> list[str]:
    if not option.eligible:
        return [f"    {option.vi}: không áp dụng — {option.reason_vi}"]
    if option.kind == "retirement":
        return [f"    {option.vi}: {option.reason_vi}"]
    lines = []
    total = option.total
    head = f"    {option.vi}"
    if option.leave_on:
        head += f", nghỉ ngày {option.leave_on:%d/%m/%Y}"
    lines.append(head + (f": tổng {money(total)}" if total is not None else ":"))
    for figure in option.figures:
        mark = "" if figure.verified else ", cần đối chiếu văn bản gốc"
        cites = "; ".join(c.text() for c in figure.citations)
        lines.append(f"      - {figure.vi}: {figure.arithmetic}")
        lines.append(f"        căn cứ: {cites} (tin cậy: {figure.confidence.value}{mark})")
        if figure.note:
            lines.append(f"        ghi chú: {figure.note}")
    return lines


def surplus_lines(report: SurplusReport) -> list[str]:
    lines = [
        f"Người dôi dư theo đề án '{report.plan_id}' ({report.plan_title}) — quyết định sắp xếp "
        f"có hiệu lực ngày {report.decision_on:%d/%m/%Y}",
        f"Surplus staff of plan '{report.plan_id}': {len(report.people)} người / people",
        "",
    ]
    for p in report.people:
        why = ", ".join(REASONS[r][0] for r in p.reasons)
        after = (
            f"{p.role_after.vi if p.role_after else ''} {p.unit_after_name}"
            if p.unit_after_name
            else "thôi công tác"
        )
        lines.append(
            f"{p.name} — {p.category.vi}, {p.role_before.vi} {p.unit_before_name} → {after} "
            f"({why}); nghỉ hưu ngày {p.retires_on:%d/%m/%Y}"
        )
        for option in p.options:
            lines.extend(_option_line(option))
        lines.append("")
    lines.append(
        "Tổng nếu mọi người nghỉ trong 12 tháng đầu / totals within the first 12 months: "
        f"nghỉ hưu trước tuổi {money(report.total('early_retirement', within=True))}, "
        f"thôi việc {money(report.total('resignation', within=True))}"
    )
    lines.append(
        "Tổng nếu nghỉ từ tháng thứ 13 / totals from month 13: "
        f"nghỉ hưu trước tuổi {money(report.total('early_retirement', within=False))}, "
        f"thôi việc {money(report.total('resignation', within=False))}"
    )
    return lines


def write_surplus_xlsx(report: SurplusReport, path: Path) -> None:
    """Two sheets: one row per person and option; one row per figure with its arithmetic."""
    book = xlsxwriter.Workbook(str(path))
    try:
        bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        amount = book.add_format({"num_format": "#,##0"})
        day = book.add_format({"num_format": "dd/mm/yyyy"})
        sheet = book.add_worksheet(_SHEET)
        headers = [
            "STT",
            "Họ và tên",
            "Loại",
            "Đơn vị trước",
            "Chức vụ trước",
            "Đơn vị sau",
            "Lý do dôi dư",
            "Ngày nghỉ hưu",
            "Phương án",
            "Ngày nghỉ",
            "Đủ điều kiện",
            "Tổng (đồng)",
            "Ghi chú",
        ]
        widths = [5, 26, 12, 30, 14, 30, 26, 12, 42, 12, 10, 16, 50]
        for col, (header, width) in enumerate(zip(headers, widths, strict=True)):
            sheet.write(0, col, header, bold)
            sheet.set_column(col, col, width)
        row = 1
        figures = book.add_worksheet(_FIGURES)
        fig_headers = [
            "Họ và tên",
            "Phương án",
            "Khoản",
            "Số tiền (đồng)",
            "Phép tính",
            "Căn cứ",
            "Tin cậy",
            "Đã đối chiếu",
            "Ghi chú",
        ]
        for col, header in enumerate(fig_headers):
            figures.write(0, col, header, bold)
        figures.set_column(0, 2, 28)
        figures.set_column(3, 3, 16)
        figures.set_column(4, 5, 60)
        fig_row = 1
        for number, p in enumerate(report.people, start=1):
            for option in p.options:
                sheet.write(row, 0, number)
                sheet.write(row, 1, p.name)
                sheet.write(row, 2, p.category.vi)
                sheet.write(row, 3, p.unit_before_name)
                sheet.write(row, 4, p.role_before.vi)
                sheet.write(row, 5, p.unit_after_name or "thôi công tác")
                sheet.write(row, 6, ", ".join(REASONS[r][0] for r in p.reasons))
                sheet.write_datetime(row, 7, _as_datetime(p.retires_on), day)
                sheet.write(row, 8, option.vi)
                if option.leave_on:
                    sheet.write_datetime(row, 9, _as_datetime(option.leave_on), day)
                sheet.write(row, 10, "có" if option.eligible else "không")
                if option.total is not None:
                    sheet.write_number(row, 11, int(option.total), amount)
                sheet.write(row, 12, option.reason_vi)
                row += 1
                for figure in option.figures:
                    figures.write(fig_row, 0, p.name)
                    figures.write(fig_row, 1, option.vi)
                    figures.write(fig_row, 2, figure.vi)
                    figures.write_number(fig_row, 3, int(figure.amount), amount)
                    figures.write(fig_row, 4, figure.arithmetic)
                    figures.write(fig_row, 5, "; ".join(c.text() for c in figure.citations))
                    figures.write(fig_row, 6, figure.confidence.value)
                    figures.write(fig_row, 7, "có" if figure.verified else "không")
                    figures.write(fig_row, 8, figure.note)
                    fig_row += 1
    finally:
        book.close()


def _as_datetime(value: dt.date) -> dt.datetime:
    return dt.datetime(value.year, value.month, value.day)


def forecast_lines(result: Forecast, agency: str) -> list[str]:
    plans = ", ".join(result.plans) or "không có / none"
    lines = [
        f"{agency} — dự báo biên chế đến năm {result.until} (từ ngày {result.start:%d/%m/%Y}; "
        f"đề án tính đến / plans included: {plans})",
        "Số người ngày 31/12 / headcount on 31 December ('*': dự báo / projected)",
        "",
        "Năm  | " + " | ".join(GROUPS[g][0] for g in GROUPS),
    ]
    for y in result.years:
        mark = "*" if y.projected else " "
        lines.append(f"{y.year}{mark} | " + " | ".join(f"{y.by_group[g]:>5}" for g in GROUPS))
    lines.append("")
    lines.append("Theo đơn vị và loại / by unit and category:")
    units = sorted(
        {u for y in result.years for u in y.by_unit}, key=lambda u: sort_key(result.unit_names[u])
    )
    for unit_id in units:
        categories = sorted({c for y in result.years for c in y.by_unit.get(unit_id, {})})
        for category in categories:
            values = ", ".join(
                f"{y.year}: {y.by_unit.get(unit_id, {}).get(category, 0)}" for y in result.years
            )
            label = Category(category).vi
            lines.append(f"  {result.unit_names[unit_id]} — {label}: {values}")
    lines.append("")
    for t in result.targets:
        if t.base is None:
            lines.append(f"{t.vi}: không có số liệu năm {t.base_year} / no data for {t.base_year}")
            continue
        head = (
            f"{t.vi}: giảm ít nhất {t.percent}% so với năm {t.base_year} ({t.base} người) → "
            f"tối đa {t.allowed} người năm {t.target_year}"
        )
        if t.met:
            status = f"đạt năm {t.met_in} / met in {t.met_in}"
        elif t.met_in is not None:
            status = f"đạt muộn, năm {t.met_in} / met late, in {t.met_in}"
        else:
            status = "chưa đạt / not met"
        if t.at_target is not None:
            status += f"; năm {t.target_year}: {t.at_target} người"
        if t.gap:
            status += f", còn thiếu {t.gap} người / {t.gap} short"
        mark = "" if t.citation.verified else ", cần đối chiếu văn bản gốc"
        lines.append(f"{head}: {status}")
        lines.append(
            f"    căn cứ: {t.citation.text()} (tin cậy: {t.citation.confidence.value}{mark})"
        )
    return lines
