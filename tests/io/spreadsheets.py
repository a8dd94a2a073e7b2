"""Helpers that write real spreadsheets for the tests (no mocks: files on disk, read back)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import xlsxwriter

from tinhgon.domain import Project
from tinhgon.io import load_project
from tinhgon.io.sheets import read_spreadsheet
from tinhgon.io.staff_import import ImportOptions, ImportResult, import_workbook

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kontum-ez-board.yaml"

STAFF_HEADER = ["Họ và tên", "Ngày sinh", "Giới tính", "Loại", "Đơn vị", "Chức vụ"]


def write_xlsx(path: Path, sheets: dict[str, Sequence[Sequence[Any]]]) -> Path:
    """A workbook with a sheet for each entry; dates are written as real Excel dates."""
    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False})
    date_format = book.add_format({"num_format": "dd/mm/yyyy"})
    for name, rows in sheets.items():
        sheet = book.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, dt.date):
                    moment = dt.datetime(value.year, value.month, value.day)
                    sheet.write_datetime(r, c, moment, date_format)
                elif isinstance(value, int | float):
                    sheet.write_number(r, c, value)
                else:
                    sheet.write_string(r, c, str(value))
    book.close()
    return path


def write_csv(path: Path, rows: Sequence[Sequence[str]], *, encoding: str = "utf-8") -> Path:
    text = "\r\n".join(",".join(row) for row in rows) + "\r\n"
    path.write_bytes(text.encode(encoding))
    return path


def example() -> Project:
    return load_project(EXAMPLE)


def run_import(path: Path, project: Project | None = None, **options: Any) -> ImportResult:
    return import_workbook(read_spreadsheet(path), project, ImportOptions(**options))
