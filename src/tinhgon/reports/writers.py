"""Choosing the writer by format: from a file's extension, or as the web application asks."""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO

from tinhgon.domain import InvalidValue
from tinhgon.reports.docx_writer import write_docx
from tinhgon.reports.model import ReportData, ReportFormat
from tinhgon.reports.pdf_writer import write_pdf
from tinhgon.reports.xlsx_writer import write_xlsx

Target = str | os.PathLike[str] | IO[bytes]

# For an HTTP response (Content-Type) of each format.
CONTENT_TYPES: dict[ReportFormat, str] = {
    ReportFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ReportFormat.PDF: "application/pdf",
    ReportFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def format_of(path: str | os.PathLike[str]) -> ReportFormat:
    """The format a file name asks for; raises InvalidValue for any other extension."""
    suffix = Path(path).suffix.lower().lstrip(".")
    try:
        return ReportFormat(suffix)
    except ValueError:
        given = f"'.{suffix}'" if suffix else "không có phần mở rộng"
        given_en = f"'.{suffix}'" if suffix else "no extension"
        raise InvalidValue(
            f"tệp kết quả '{path}': định dạng {given} không được hỗ trợ; đặt tên tệp kết thúc "
            "bằng .docx (Word), .pdf hoặc .xlsx (phụ lục Excel)",
            f"output file '{path}': {given_en} is not supported; name it .docx (Word), .pdf "
            "or .xlsx (Excel annex)",
        ) from None


def write_report(data: ReportData, target: Target, fmt: ReportFormat | None = None) -> ReportFormat:
    """Write the report in the given format, or in the one the target path's extension names."""
    if fmt is None:
        if not isinstance(target, str | os.PathLike):
            raise InvalidValue(
                "cần chỉ rõ định dạng khi ghi ra luồng dữ liệu",
                "a format is needed to write to a stream",
            )
        fmt = format_of(target)
    writer = {
        ReportFormat.DOCX: write_docx,
        ReportFormat.PDF: write_pdf,
        ReportFormat.XLSX: write_xlsx,
    }[fmt]
    writer(data, target)
    return fmt
