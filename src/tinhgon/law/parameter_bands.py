"""The bands of a ``limits`` parameter: ``{from, to, limit}`` with optional province classes.

Part of reading one parameter file (``parameter_reader``); problems go to the reader.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from tinhgon.law.findings import Confidence
from tinhgon.law.values import PROVINCE_CLASSES, Band, Limits

__all__ = ["BAND_KEYS", "read_limits"]

BAND_KEYS = {"from", "to", "limit", "province_class", "confidence", "note"}


class _Reader(Protocol):
    def problem(self, field: str, vi: str, en: str) -> None: ...

    def unknown_keys(self, data: Mapping[str, Any], allowed: set[str], field: str) -> None: ...

    def confidence(self, raw: Any, field: str, *, required: bool = True) -> Confidence | None: ...


def read_limits(data: Any, field: str, direction: str, reader: _Reader) -> Limits | None:
    """The table of bands at ``field``; None (with the problems told) when it is not a list."""
    if not isinstance(data, list) or not data:
        reader.problem(
            field,
            "cần danh sách các khoảng {from, to, limit}",
            "needs a list of bands {from, to, limit}",
        )
        return None
    bands: list[Band] = []
    for i, raw in enumerate(data):
        where = f"{field}[{i}]"
        if not isinstance(raw, dict):
            reader.problem(where, "cần một bảng khóa", "must be a mapping")
            continue
        reader.unknown_keys(raw, BAND_KEYS, where)
        numbers = {}
        for key in ("from", "to", "limit"):
            number = raw.get(key)
            if number is not None and (
                not isinstance(number, int) or isinstance(number, bool) or number < 0
            ):
                reader.problem(
                    f"{where}.{key}", "cần số nguyên không âm", "needs a whole number ≥ 0"
                )
                number = None
            numbers[key] = number
        if numbers["limit"] is None:
            reader.problem(f"{where}.limit", "thiếu giới hạn", "missing limit")
            continue
        low, high = numbers["from"], numbers["to"]
        if low is not None and high is not None and low > high:
            reader.problem(where, "'from' lớn hơn 'to'", "'from' is above 'to'")
        classes = raw.get("province_class")
        class_set: frozenset[str] | None = None
        if classes is not None:
            if not isinstance(classes, list) or not all(c in PROVINCE_CLASSES for c in classes):
                reader.problem(
                    f"{where}.province_class",
                    "cần danh sách trong: special, I, II, III",
                    "needs a list of: special, I, II, III",
                )
            else:
                class_set = frozenset(classes)
        bands.append(
            Band(
                low=low,
                high=high,
                limit=numbers["limit"],
                province_classes=class_set,
                confidence=reader.confidence(
                    raw.get("confidence"), f"{where}.confidence", required=False
                ),
                note=str(raw.get("note") or "").strip(),
            )
        )
    return Limits(direction=direction, bands=tuple(bands))
