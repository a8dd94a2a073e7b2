"""Errors of the law layer, under the domain's ``TinhgonError``::

TinhgonError (tinhgon.domain.errors)
└── ParameterError     a parameter file is malformed; lists every problem (file, field)
"""

from __future__ import annotations

from dataclasses import dataclass

from tinhgon.domain import TinhgonError


@dataclass(frozen=True, slots=True)
class ParameterProblem:
    """One thing wrong with a parameter file: the file, the field and what is wrong."""

    file: str
    field: str
    vi: str
    en: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.field}:" if self.field else f"{self.file}:"
        return f"{where} {self.vi} ({self.en})"


class ParameterError(TinhgonError):
    """A parameter file cannot be used; nothing is applied until it is corrected."""

    def __init__(self, problems: list[ParameterProblem]) -> None:
        self.problems = problems
        text = "\n".join(str(p) for p in problems)
        super().__init__(text, text)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)
