"""Errors of files a user gives us; each problem names the file, the line and the field.

TinhgonError (tinhgon.domain.errors)
└── ProjectFileError     a project file that cannot be loaded; carries every problem found
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
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.vi} ({self.en})"


class ProjectFileError(TinhgonError):
    """The project file cannot be loaded; nothing of it was loaded."""

    def __init__(self, problems: list[FileProblem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.line or 0, p.field))
        text = "\n".join(str(p) for p in self.problems)
        super().__init__(text, text)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)
