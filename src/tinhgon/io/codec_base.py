"""What every conversion of plain data shares: ``FieldError`` (the path below the value being
read, and what is wrong in Vietnamese and English), dates, and the ``Context`` that
references resolve against (unit kinds, documents, people)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from tinhgon.domain import (
    DocumentKey,
    DocumentRegister,
    InvalidValue,
    Person,
    UnitKind,
)
from tinhgon.io.yamlsrc import Path

T = TypeVar("T")


class FieldError(Exception):
    """A value that cannot be read; ``path`` is relative to the object being read."""

    def __init__(self, path: Path, vi: str, en: str) -> None:
        super().__init__(en)
        self.path = path
        self.vi = vi
        self.en = en


def parse_date(value: Any, path: Path = ()) -> dt.date:
    """'2018-01-01' or '01/01/2018' (dd/mm/yyyy)."""
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text):
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        raise FieldError(
            path, f"ngày '{text}' không có thật", f"date '{text}' does not exist"
        ) from None
    raise FieldError(
        path,
        f"ngày '{text}' không đúng dạng (dd/mm/yyyy hoặc yyyy-mm-dd)",
        f"date '{text}' is malformed (dd/mm/yyyy or yyyy-mm-dd)",
    )


def _guard(path: Path, call: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    try:
        return call(*args, **kwargs)
    except InvalidValue as error:
        raise FieldError(path, error.vi, error.en) from None


@dataclass
class Context:
    """What references resolve against: unit kinds, documents and the people registry."""

    kinds: Mapping[str, UnitKind]
    documents: DocumentRegister
    people: Mapping[str, Person] = field(default_factory=dict)

    def kind(self, code: str, path: Path) -> UnitKind:
        try:
            return self.kinds[code]
        except KeyError:
            known = ", ".join(sorted(self.kinds))
            raise FieldError(
                path,
                f"loại đơn vị '{code}' không có (các loại: {known}; khai báo thêm ở unit_kinds)",
                f"unknown unit kind '{code}' (known: {known}; declare more in unit_kinds)",
            ) from None

    def basis(self, value: Any, path: Path) -> DocumentKey:
        if isinstance(value, Mapping):
            symbol = str(value["symbol"])
            issued = parse_date(value["date"], (*path, "date"))
            document = _guard(path, self.documents.resolve, symbol, issued)
        else:
            document = _guard(path, self.documents.resolve, str(value))
        return document.key

    def person(self, person_id: str, path: Path) -> Person:
        try:
            return self.people[person_id]
        except KeyError:
            raise FieldError(
                path,
                f"không có người '{person_id}' trong mục people",
                f"no person '{person_id}' in people",
            ) from None
