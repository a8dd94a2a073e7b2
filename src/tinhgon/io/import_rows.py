"""Reading the sheets of a workbook into rows the importer understands.

Each sheet is recognised by its header row (searched in its first rows, below any title):
``Họ và tên`` makes a staff sheet, ``Tên đơn vị`` a units sheet; the sheet named ``Cơ quan``
(or one whose first column holds its labels) gives the agency, the date and the basis; a sheet
named ``Hướng dẫn`` is skipped. Every cell is read here (dates, enumerations, ID numbers), and
every cell that cannot be read is a problem naming its sheet, row and column.

The rows are read into the records of ``sheet_records``; what a header row says beyond its
columns is in ``sheet_headers``; the rows of units and of people in ``unit_rows`` and
``staff_rows``. Every name is importable from here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

from tinhgon.domain import InvalidValue, UnitKind
from tinhgon.domain.model import check_identifier
from tinhgon.io.columns import (
    CellError,
    SheetKind,
    agency_label,
    is_agency_sheet,
    is_guide_sheet,
    kind_index,
    match_key,
    read_date,
    text_of,
    unit_header,
)
from tinhgon.io.errors import SheetProblem, SpreadsheetError, column_letter
from tinhgon.io.layout import Title, band_paths, is_sub_header, key_of
from tinhgon.io.sheet_headers import (
    KEY_MEANINGS,
    header_notice,
    is_numbering_row,
    rank_code_after_rank,
    title_above,
)
from tinhgon.io.sheet_headers import export_only as _export_only
from tinhgon.io.sheet_records import Loc, SheetView, StaffRow, Text, UnitRow
from tinhgon.io.sheet_records import cell_at as _cell
from tinhgon.io.sheets import CellValue, RawWorkbook, Table

__all__ = [
    "HEADER_SEARCH_ROWS",
    "KEY_MEANINGS",
    "Loc",
    "RowReader",
    "SheetView",
    "StaffRow",
    "Text",
    "UnitRow",
]

T = TypeVar("T")

HEADER_SEARCH_ROWS = 30


class RowReader:
    """Reads the sheets of a workbook and collects every problem with its place."""

    def __init__(self, book: RawWorkbook, kinds: Mapping[str, UnitKind]) -> None:
        self.book = book
        self.file = book.file
        self.problems: list[SheetProblem] = []
        self.warnings: list[SheetProblem] = []
        self.notices: list[Text] = list(book.notices)
        self.kinds = kinds
        self.kind_index = kind_index(kinds)
        self.agency_values: dict[str, tuple[CellValue, Loc]] = {}
        self.unit_rows: list[UnitRow] = []
        self.staff_rows: list[StaffRow] = []
        self.staff_sheets = 0
        self.titles: list[Title] = []  # the title rows above each staff table
        self.unchecked_units: list[tuple[str, Loc]] = []  # units of rows refused for a cell
        self.unit_sheets = 0

    # -- problems ------------------------------------------------------------------------

    def problem(self, loc: Loc, vi: str, en: str) -> None:
        self.problems.append(
            SheetProblem(self.file, loc.sheet, loc.row, loc.column, loc.header, vi, en)
        )

    def warn(self, loc: Loc, vi: str, en: str) -> None:
        """Something the user must acknowledge (--accept-warnings) before anything is written."""
        self.warnings.append(
            SheetProblem(self.file, loc.sheet, loc.row, loc.column, loc.header, vi, en)
        )

    def formula_at(self, table: Table, number: int, columns: set[int], loc: Loc) -> bool:
        """A formula in a cell that is read: a problem (elsewhere formulas do no harm)."""
        cells = table.formulas.get(number, set()) & columns
        for index in sorted(cells):
            self.problem(
                Loc(loc.sheet, number, index, loc.header if index == loc.column else ""),
                "ô chứa công thức: không nhận công thức ở nơi đọc dữ liệu, hãy sao chép rồi "
                "dán giá trị (Paste Values)",
                "the cell holds a formula: formulas are refused where data is read, copy and "
                "paste the values",
            )
        return bool(cells)

    def attempt(self, loc: Loc, read: Callable[[], T]) -> T | None:
        try:
            return read()
        except CellError as error:
            self.problem(loc, error.vi, error.en)
        except InvalidValue as error:
            self.problem(loc, error.vi, error.en)
        return None

    def valid_id(self, loc: Loc, value: str, what_vi: str, what_en: str) -> bool:
        try:
            check_identifier(value, what_vi, what_en)
        except InvalidValue as error:
            self.problem(loc, error.vi, error.en)
            return False
        return True

    def fail_if_problems(self) -> None:
        if self.problems:
            raise SpreadsheetError(self.problems)

    # -- sheets --------------------------------------------------------------------------

    def classify(self) -> None:
        recognised = 0
        for table in self.book.tables:
            if is_guide_sheet(table.name) or not table.rows:
                continue
            if is_agency_sheet(table.name):
                self.read_agency(table)
                recognised += 1
                continue
            sheet = self.find_header(table)
            if sheet is None:
                if self.looks_like_agency(table):
                    self.read_agency(table)
                    recognised += 1
                    continue
                label = f"'{table.name}'" if table.name else "tệp"
                dated = sum(
                    1 for _, values in table.rows if any(isinstance(v, dt.date) for v in values)
                )
                if dated >= 3:
                    self.warnings.append(
                        SheetProblem(
                            self.file,
                            table.name,
                            None,
                            None,
                            "",
                            f"trang tính có {dated} dòng có ngày tháng (có vẻ là danh sách) nhưng "
                            "không thấy dòng tiêu đề có cột 'Họ và tên': không đọc trang này; "
                            "thêm dòng tiêu đề nếu cần nhập",
                            f"the sheet has {dated} rows with dates (it looks like a list) but no "
                            "header row with 'Họ và tên': it is not read; add a header row if it "
                            "should be imported",
                        )
                    )
                self.notices.append(
                    (
                        f"bỏ qua trang tính {label}: không thấy dòng tiêu đề nào tinhgon biết "
                        "(Họ và tên / Tên đơn vị)",
                        f"sheet {table.name or 'file'} ignored: no header row tinhgon knows "
                        "(Họ và tên / Tên đơn vị)",
                    )
                )
                continue
            recognised += 1
            if sheet.kind is SheetKind.STAFF:
                self.read_staff(sheet)
            else:
                self.read_units(sheet)
        if not recognised:
            self.problem(
                Loc(""),
                "không có trang tính nào đọc được: cần một trang tính có dòng tiêu đề với cột "
                "'Họ và tên' (nhân sự) hoặc 'Tên đơn vị' (cơ cấu); dùng 'tinhgon template' để "
                "lấy mẫu",
                "no sheet could be read: a sheet needs a header row with 'Họ và tên' (staff) or "
                "'Tên đơn vị' (structure); 'tinhgon template' gives a blank one",
            )

    def looks_like_agency(self, table: Table) -> bool:
        labels = sum(1 for _, values in table.rows[:30] if agency_label(text_of(_cell(values, 0))))
        return labels >= 2

    def find_header(self, table: Table) -> SheetView | None:
        rows = table.rows[:HEADER_SEARCH_ROWS]
        for position, (number, values) in enumerate(rows):
            texts = {i: text_of(v) for i, v in enumerate(values) if v is not None}
            staff = {i: key_of([t]) for i, t in texts.items()}
            keys = set(staff.values())
            if "full_name" in keys or {"family_name", "given_name"} <= keys:
                name_column = next(
                    (i for i, k in staff.items() if k in ("full_name", "family_name")), None
                )
                band = [values]
                last = number
                for below_number, below in rows[position + 1 : position + 3]:
                    if not is_sub_header(below, name_column):
                        break
                    band.append(below)
                    last = below_number
                paths = band_paths(band)
                headers = {i: " / ".join(p) for i, p in paths.items()}
                sheet = self.make_sheet(
                    table, SheetKind.STAFF, last, headers, rank_code_after_rank(paths)
                )
                sheet.first_header_row = table.header_row = number
                sheet.title = title_above(table, number)
                self.titles.append(sheet.title)
                if len(band) > 1:
                    self.notices.append(header_notice(sheet))
                return sheet
            units = {i: unit_header(t) for i, t in texts.items()}
            if "name" in units.values():
                sheet = self.make_sheet(table, SheetKind.UNITS, number, texts, units)
                sheet.first_header_row = table.header_row = number
                sheet.title = title_above(table, number)
                return sheet
        return None

    def make_sheet(
        self,
        table: Table,
        kind: SheetKind,
        number: int,
        texts: dict[int, str],
        keys: dict[int, str | None],
    ) -> SheetView:
        columns: dict[str, int] = {}
        ignored: list[str] = []
        for index, key in keys.items():
            if key is None:
                ignored.append(texts[index])
                continue
            if key in columns:
                first = texts[columns[key]]
                self.problem(
                    Loc(table.name, number, index, texts[index]),
                    f"cột trùng với cột '{first}' ({column_letter(columns[key])}): giữ một cột",
                    f"the column repeats column '{first}': keep one",
                )
                continue
            columns[key] = index
        if ignored:
            where = f"trang tính '{table.name}'" if table.name else "tệp"
            self.notices.append(
                (
                    f"{where}: không đọc các cột {', '.join(repr(t) for t in ignored)}",
                    f"{table.name or 'file'}: columns not read: {', '.join(repr(t) for t in ignored)}",
                )
            )
        return SheetView(table, kind, number, columns, texts)

    def data_rows(self, sheet: SheetView) -> Iterable[tuple[int, tuple[CellValue, ...]]]:
        read = [i for k, i in sheet.columns.items() if k != "stt" and not _export_only(k)]
        first = True
        for number, values in sheet.table.rows:
            if number <= sheet.header_row:
                continue
            if first and is_numbering_row(values):
                first = False
                continue
            first = False
            if all(_cell(values, i) is None for i in read):
                continue
            yield number, values

    # -- the agency sheet ----------------------------------------------------------------

    def read_agency(self, table: Table) -> None:
        for number, values in table.rows:
            label = text_of(_cell(values, 0))
            key = agency_label(label)
            if key is None:
                if label and match_key(label) not in ("thong tin", "muc", "noi dung"):
                    self.notices.append(
                        (
                            f"trang tính '{table.name}', dòng {number}: không đọc '{label}'",
                            f"sheet '{table.name}', row {number}: '{label}' not read",
                        )
                    )
                continue
            column = 1  # label in A, value in B; anything further right is a note
            loc = Loc(table.name, number, column, label)
            if self.formula_at(table, number, {column}, loc):
                continue
            if _cell(values, column) is None:
                continue
            if key in self.agency_values:
                self.problem(loc, f"'{label}' ghi hai lần", f"'{label}' is given twice")
                continue
            self.agency_values[key] = (values[column], loc)

    def agency_text(self, key: str) -> tuple[str, Loc | None]:
        if key not in self.agency_values:
            return "", None
        value, loc = self.agency_values[key]
        return text_of(value), loc

    def setting(self, key: str, option: str, option_value: str) -> str:
        """An option, or the same thing from the ``Cơ quan`` sheet; they must agree."""
        text, loc = self.agency_text(key)
        if option_value and text and match_key(option_value) != match_key(text) and loc is not None:
            self.problem(
                loc,
                f"'{text}' khác với {option} '{option_value}': bỏ một trong hai",
                f"'{text}' differs from {option} '{option_value}': drop one",
            )
        return option_value or text

    def date_setting(self, key: str, option: str, option_value: dt.date | None) -> dt.date | None:
        if key not in self.agency_values:
            return option_value
        raw, loc = self.agency_values[key]
        value = self.attempt(loc, lambda: read_date(raw))
        if value is not None and option_value is not None and value != option_value:
            self.problem(
                loc,
                f"ngày {value:%d/%m/%Y} khác với {option} {option_value:%d/%m/%Y}: bỏ một trong hai",
                f"{value.isoformat()} differs from {option} {option_value.isoformat()}: drop one",
            )
        return option_value or value

    # -- the units sheet -----------------------------------------------------------------

    def read_units(self, sheet: SheetView) -> None:
        from tinhgon.io.unit_rows import read_units_sheet

        read_units_sheet(self, sheet)

    # -- the staff sheet -----------------------------------------------------------------

    def read_staff(self, sheet: SheetView) -> None:
        from tinhgon.io.staff_rows import read_staff_sheet

        read_staff_sheet(self, sheet)
