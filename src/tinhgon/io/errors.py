"""Errors of files a user gives us; each problem says where it is and what is wrong.

TinhgonError (tinhgon.domain.errors)
├── ProjectFileError     a project file that cannot be loaded; carries every problem found,
│                        each naming the file, the line and the field (``FileProblem``)
└── SpreadsheetError     a spreadsheet or CSV file that cannot be imported; carries every
    │                    problem found, each naming the file, the sheet, the row and the
    │                    column (``SheetProblem``); nothing of it was applied
    └── FileRefused      the file as a whole is refused before its cells are read: not a
                         spreadsheet, a zip bomb, formulas, too many rows, a wrong encoding
"""

from __future__ import annotations

from dataclasses import dataclass

from tinhgon.domain.errors import TinhgonError


@dataclass(frozen=True, slots=True)
class FileProblem:
    """One thing wrong with a file, where it is, and what is wrong, in Vietnamese and English."""

    file: str
    line: int | None
    field: str
    vi: str
    en: str

    def __str__(self) -> str:
        return f"{self.in_language('vi')} ({self.en})"

    def in_language(self, language: str) -> str:
        """The problem in one language only ('vi' or 'en'), as a page shows it."""
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.en if language == 'en' else self.vi}"


class ProjectFileError(TinhgonError):
    """The project file cannot be loaded; nothing of it was loaded."""

    def __init__(self, problems: list[FileProblem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.line or 0, p.field))
        text = "\n".join(str(p) for p in self.problems)
        super().__init__(text, text)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


def column_letter(index: int) -> str:
    """0 → 'A', 25 → 'Z', 26 → 'AA'."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True, slots=True)
class SheetProblem:
    """One thing wrong in a spreadsheet: the file, the sheet, the row (as Excel numbers it),
    the column (0-based, shown as a letter) and its header, and what is wrong."""

    file: str
    sheet: str
    row: int | None
    column: int | None
    header: str
    vi: str
    en: str

    @property
    def cell(self) -> str:
        """'D12', or 'dòng 12' when no column, or '' for the whole sheet."""
        if self.row is None:
            return column_letter(self.column) if self.column is not None else ""
        if self.column is None:
            return str(self.row)
        return f"{column_letter(self.column)}{self.row}"

    def where_vi(self) -> str:
        parts = [f"trang tính '{self.sheet}'"] if self.sheet else []
        if self.row is not None:
            parts.append(f"dòng {self.row}")
        if self.column is not None:
            header = f" ({self.header})" if self.header else ""
            parts.append(f"cột {column_letter(self.column)}{header}")
        return ", ".join(parts)

    def where_en(self) -> str:
        parts = [f"sheet '{self.sheet}'"] if self.sheet else []
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            parts.append(f"column {column_letter(self.column)}")
        return ", ".join(parts)

    def __str__(self) -> str:
        where_vi, where_en = self.where_vi(), self.where_en()
        if not where_vi:
            return f"{self.file}: {self.vi} ({self.en})"
        return f"{self.file}: {where_vi}: {self.vi} ({where_en}: {self.en})"

    def in_language(self, language: str) -> str:
        """The problem in one language only ('vi' or 'en'), as a page shows it."""
        where = self.where_en() if language == "en" else self.where_vi()
        text = self.en if language == "en" else self.vi
        return f"{self.file}: {where}: {text}" if where else f"{self.file}: {text}"


def _problem_order(p: SheetProblem) -> tuple[str, int, int]:
    return (p.sheet, p.row or 0, -1 if p.column is None else p.column)


class SpreadsheetError(TinhgonError):
    """The spreadsheet cannot be imported; nothing of it was applied."""

    def __init__(self, problems: list[SheetProblem]) -> None:
        self.problems = sorted(problems, key=_problem_order)
        # What the import will ask once the problems are fixed (new units, doubtful matches).
        self.asked: ConfirmationNeeded | None = None
        text = "\n".join(str(p) for p in self.problems)
        super().__init__(text, text)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class FileRefused(SpreadsheetError):
    """The file is refused as a whole, before its cells are read (no error copy is made)."""

    @classmethod
    def because(cls, file: str, vi: str, en: str, *, row: int | None = None) -> FileRefused:
        """The file refused for one reason (at a line of a CSV file when ``row`` is given)."""
        return cls([SheetProblem(file, "", row, None, "", vi, en)])


class ConfirmationNeeded(TinhgonError):
    """The file reads right, but the import waits for the user's word; nothing was applied.

    Three things are asked, each confirmed with its own flag (a checkbox on the page): units
    the list names that the project does not have (``create_units``), people matched by name,
    birth date and unit with a doubt (``accept_matches``), and warnings about what was not read
    (``accept_warnings``).
    """

    def __init__(
        self,
        units: list[SheetProblem],
        matches: list[SheetProblem],
        warnings: list[SheetProblem],
    ) -> None:
        self.units = units
        self.matches = sorted(matches, key=_problem_order)
        self.warnings = sorted(warnings, key=_problem_order)
        text = "\n".join(str(p) for p in self.items)
        super().__init__(text, text)

    @property
    def items(self) -> list[SheetProblem]:
        return [*self.units, *self.matches, *self.warnings]

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.items)
