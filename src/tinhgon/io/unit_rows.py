"""Reading a units sheet (Đơn vị) row by row: id, name, kind, parent, fields, autonomy group
and quotas, each cell read or refused with its place (docs/excel.md, "Đơn vị")."""

from __future__ import annotations

from tinhgon.domain import (
    Category,
    UnitKind,
)
from tinhgon.domain.model import check_identifier
from tinhgon.io.columns import (
    match_key,
    read_autonomy,
    read_count,
    read_list,
    text_of,
)
from tinhgon.io.import_rows import RowReader, SheetView, UnitRow
from tinhgon.io.sheet_headers import export_only as _export_only
from tinhgon.io.sheet_records import cell_at as _cell
from tinhgon.io.sheets import CellValue


def read_units_sheet(reader: RowReader, sheet: SheetView) -> None:
    reader.unit_sheets += 1
    read = {i for k, i in sheet.columns.items() if k != "stt" and not _export_only(k)}
    for number, values in reader.data_rows(sheet):
        if reader.formula_at(sheet.table, number, read, sheet.loc(number)):
            continue
        row = read_unit_row(
            reader, sheet, number, {k: _cell(values, i) for k, i in sheet.columns.items()}
        )
        if row is not None:
            reader.unit_rows.append(row)


def read_unit_row(
    reader: RowReader, sheet: SheetView, number: int, cells: dict[str, CellValue]
) -> UnitRow | None:
    name = text_of(cells.get("name"))
    if not name:
        reader.problem(sheet.loc(number, "name"), "thiếu tên đơn vị", "the unit's name is missing")
        return None
    unit_id = text_of(cells.get("unit_id")) or None
    if unit_id is not None:
        checked = reader.attempt(
            sheet.loc(number, "unit_id"), lambda: check_identifier(unit_id, "đơn vị", "unit")
        )
        if checked is None:
            return None
    kind: UnitKind | None = None
    if cells.get("kind") is not None:
        kind_text = text_of(cells["kind"])
        kind = reader.kind_index.get(match_key(kind_text))
        if kind is None:
            known = ", ".join(sorted({k.name_vi for k in reader.kinds.values()}))
            reader.problem(
                sheet.loc(number, "kind"),
                f"loại đơn vị '{kind_text}' không có; các loại: {known}",
                f"unknown unit kind '{kind_text}'; known: {known}",
            )
            return None
    fields = read_list(cells["fields"]) if cells.get("fields") is not None else None
    autonomy = None
    if cells.get("autonomy") is not None:
        autonomy = reader.attempt(
            sheet.loc(number, "autonomy"), lambda: read_autonomy(cells["autonomy"])
        )
        if autonomy is None:
            return None
    quotas: dict[tuple[Category, int], int] = {}
    for key, raw in cells.items():
        if not key.startswith("quota:") or raw is None:
            continue
        count = reader.attempt(sheet.loc(number, key), lambda r=raw: read_count(r))  # type: ignore[misc]
        if count is not None:
            _, category, year = key.split(":")
            quotas[(Category(category), int(year))] = count
    parent = text_of(cells.get("parent")) or None
    return UnitRow(sheet.loc(number), sheet, unit_id, name, kind, parent, fields, autonomy, quotas)
