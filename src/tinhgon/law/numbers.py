"""Named numbers, the ``numbers`` kind of legal parameter: an amount of money, the coefficients
of a formula, a target. The planning layer reads them (allowances, forecasts); no rule of the
engine does.

Kept apart from the other kinds so that the loader only needs three hooks: the kind's name, the
reader below, and ``Numbers.as_dict`` for the plain form.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

_NAME = re.compile(r"^[a-z0-9_]+$")


@dataclass(frozen=True, slots=True)
class Numbers:
    """Named numbers: ``{amount: 2340000}``, or the coefficients of a formula."""

    items: tuple[tuple[str, Decimal], ...]

    def __getitem__(self, name: str) -> Decimal:
        for key, number in self.items:
            if key == name:
                return number
        raise KeyError(name)

    def get(self, name: str) -> Decimal | None:
        try:
            return self[name]
        except KeyError:
            return None

    def as_dict(self) -> dict[str, int | float]:
        return {
            key: int(number) if number == number.to_integral_value() else float(number)
            for key, number in self.items
        }


def read_numbers(data: Any, field: str, problem: Callable[[str, str, str], None]) -> Numbers | None:
    """The value of a ``numbers`` parameter; each problem is reported as (field, vi, en)."""
    if not isinstance(data, dict) or not data:
        problem(field, "cần các số có tên {tên: số}", "needs named numbers {name: number}")
        return None
    items: list[tuple[str, Decimal]] = []
    for key, raw in data.items():
        if (
            not isinstance(key, str)
            or not _NAME.match(key)
            or isinstance(raw, bool)
            or not isinstance(raw, int | float)
        ):
            problem(
                f"{field}.{key}",
                "cần một tên (chữ thường không dấu) và một số",
                "needs a name (lower-case ASCII) and a number",
            )
            continue
        items.append((key, Decimal(str(raw))))
    return Numbers(tuple(items))
