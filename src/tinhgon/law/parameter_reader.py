"""Reading one parameter file: its own validation, every problem with file, field, vi and en.

The format is ``parameter.schema.json``; the tests check that both judge the files alike.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from tinhgon.domain import Category, Text
from tinhgon.law.errors import ParameterError, ParameterProblem
from tinhgon.law.findings import Citation, Confidence
from tinhgon.law.numbers import read_numbers
from tinhgon.law.parameter_bands import read_limits
from tinhgon.law.parameter_yaml import YamlProblem, load
from tinhgon.law.values import (
    Age,
    DatedValue,
    Parameter,
    Value,
)

__all__ = ["parse_parameter"]

_ID = re.compile(r"^[a-z0-9_]+$")
_TOP_KEYS = {"id", "title", "description", "kind", "limit", "counts", "values"}
_VALUE_KEYS = {
    "value",
    "citation",
    "confidence",
    "verified",
    "date_confidence",
    "note",
    "ends",
}
_CITATION_KEYS = {
    "instrument",
    "issued_on",
    "title",
    "article",
    "clause",
    "point",
    "annex",
    "url",
    "source",
    "rules_md",
}


def parse_parameter(text: str, *, name: str) -> Parameter:
    """One parameter file's text; ``name`` is the file name, which must be ``<id>.yaml``."""
    try:
        data = load(text)
    except YamlProblem as error:
        duplicate = "duplicate key" in str(error)
        raise ParameterError(
            [
                ParameterProblem(
                    name,
                    "",
                    "ngày hiệu lực (hoặc khóa) bị trùng" if duplicate else "YAML không đọc được",
                    f"a date (or key) is given twice: {error}"
                    if duplicate
                    else f"unreadable YAML: {error}",
                )
            ]
        ) from None
    reader = _Reader(name)
    parameter = reader.parameter(data)
    if reader.problems or parameter is None:
        raise ParameterError(reader.problems)
    return parameter


class _Reader:
    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[ParameterProblem] = []

    def problem(self, field: str, vi: str, en: str) -> None:
        self.problems.append(ParameterProblem(self.name, field, vi, en))

    def unknown_keys(self, data: Mapping[str, Any], allowed: set[str], field: str) -> None:
        for key in data:
            if key not in allowed:
                where = f"{field}.{key}" if field else str(key)
                self.problem(
                    where,
                    f"trường không được phép '{key}' (viết sai tên?)",
                    f"unexpected field '{key}' (a misspelt name?)",
                )

    def text(self, data: Any, field: str, *, required: bool = True) -> Text:
        if data is None and not required:
            return Text("", "")
        if not isinstance(data, dict) or not all(
            isinstance(data.get(k), str) and data.get(k, "").strip() for k in ("vi", "en")
        ):
            self.problem(
                field,
                "cần 'vi' và 'en' (tiếng Việt và tiếng Anh)",
                "needs 'vi' and 'en' texts",
            )
            return Text("", "")
        return Text(str(data["vi"]).strip(), str(data["en"]).strip())

    def parameter(self, data: Any) -> Parameter | None:
        if not isinstance(data, dict):
            self.problem("", "tệp tham số phải là một bảng khóa", "a parameter file is a mapping")
            return None
        self.unknown_keys(data, _TOP_KEYS, "")
        pid = data.get("id")
        expected = self.name.removesuffix(".yaml")
        if not isinstance(pid, str) or not _ID.match(pid):
            self.problem("id", "thiếu mã tham số hoặc mã không hợp lệ", "missing or invalid id")
            pid = expected
        elif pid != expected:
            self.problem(
                "id",
                f"mã '{pid}' phải trùng tên tệp '{expected}.yaml'",
                f"id '{pid}' must match the file name '{expected}.yaml'",
            )
        title = self.text(data.get("title"), "title")
        description = self.text(data.get("description"), "description", required=False)
        kind = data.get("kind")
        if kind not in ("limits", "age", "duration", "numbers"):
            self.problem(
                "kind",
                "loại tham số phải là 'limits', 'age', 'duration' hoặc 'numbers'",
                "kind must be limits, age, duration or numbers",
            )
            return None
        direction = data.get("limit")
        if kind == "limits" and direction not in ("at_most", "at_least"):
            self.problem(
                "limit",
                "cần 'limit: at_most' (tối đa) hoặc 'limit: at_least' (tối thiểu)",
                "needs 'limit: at_most' or 'limit: at_least'",
            )
        if kind in ("age", "duration", "numbers") and direction is not None:
            self.problem(
                "limit",
                f"tham số loại '{kind}' không có 'limit'",
                f"a parameter of kind {kind} has no 'limit'",
            )
        counts, categories = self.counts(data.get("counts"), kind)
        values = self.values(data.get("values"), pid, kind, str(direction))
        return Parameter(
            id=pid,
            title=title,
            description=description,
            kind=kind,
            values=values,
            counts=counts,
            counted_categories=categories,
            file=self.name,
        )

    def counts(self, data: Any, kind: str) -> tuple[Text, frozenset[Category]]:
        if data is None:
            if kind == "limits":
                self.problem(
                    "counts", "cần nói đếm cái gì (counts)", "say what is counted (counts)"
                )
            return Text("", ""), frozenset()
        if not isinstance(data, dict):
            self.problem("counts", "cần một bảng khóa", "must be a mapping")
            return Text("", ""), frozenset()
        self.unknown_keys(data, {"vi", "en", "categories"}, "counts")
        text = self.text({k: data.get(k) for k in ("vi", "en")}, "counts")
        categories: set[Category] = set()
        for i, raw in enumerate(data.get("categories") or []):
            try:
                categories.add(Category(raw))
            except ValueError:
                allowed = ", ".join(c.value for c in Category)
                self.problem(
                    f"counts.categories[{i}]",
                    f"'{raw}' không phải loại nhân sự ({allowed})",
                    f"'{raw}' is not a staff category ({allowed})",
                )
        return text, frozenset(categories)

    def values(self, data: Any, pid: str, kind: str, direction: str) -> tuple[DatedValue, ...]:
        if not isinstance(data, dict) or not data:
            self.problem(
                "values",
                "cần ít nhất một giá trị theo ngày hiệu lực",
                "needs at least one value keyed by its effective date",
            )
            return ()
        dated: dict[dt.date, Any] = {}
        for key, entry in data.items():
            since = self.date(key, f"values.{key}")
            if since is None:
                continue
            if since in dated:
                self.problem(
                    f"values.{key}",
                    f"ngày {since:%d/%m/%Y} bị trùng",
                    f"the date {since.isoformat()} is given twice",
                )
                continue
            dated[since] = entry
        days = sorted(dated)
        out: list[DatedValue] = []
        for i, since in enumerate(days):
            until = days[i + 1] if i + 1 < len(days) else None
            entry = self.dated_value(dated[since], pid, since, until, kind, direction)
            if entry is not None:
                out.append(entry)
        return tuple(out)

    def date(self, raw: Any, field: str) -> dt.date | None:
        if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
            return raw
        if isinstance(raw, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
            try:
                return dt.date.fromisoformat(raw)
            except ValueError:
                pass
        self.problem(
            field,
            f"'{raw}' không phải ngày dạng yyyy-mm-dd",
            f"'{raw}' is not a yyyy-mm-dd date",
        )
        return None

    def confidence(self, raw: Any, field: str, *, required: bool = True) -> Confidence | None:
        if raw is None and not required:
            return None
        try:
            return Confidence(raw)
        except ValueError:
            self.problem(
                field,
                "thiếu hoặc sai độ tin cậy (high, medium, low)",
                "missing or invalid confidence (high, medium, low)",
            )
            return None

    def dated_value(
        self,
        data: Any,
        pid: str,
        since: dt.date,
        until: dt.date | None,
        kind: str,
        direction: str,
    ) -> DatedValue | None:
        field = f"values.{since.isoformat()}"
        if not isinstance(data, dict):
            self.problem(field, "cần một bảng khóa", "must be a mapping")
            return None
        self.unknown_keys(data, _VALUE_KEYS, field)
        if "value" not in data:
            self.problem(
                f"{field}.value",
                "thiếu giá trị (ghi 'value: null' nếu từ ngày này không còn quy định)",
                "missing value (write 'value: null' where no rule is encoded from this date)",
            )
        confidence = self.confidence(data.get("confidence"), f"{field}.confidence")
        date_confidence = self.confidence(
            data.get("date_confidence"), f"{field}.date_confidence", required=False
        )
        verified = data.get("verified")
        if not isinstance(verified, bool):
            self.problem(
                f"{field}.verified",
                "thiếu 'verified: true/false' (đã đối chiếu văn bản gốc chưa)",
                "missing 'verified: true/false' (checked against the official text?)",
            )
            verified = False
        citation = self.citation(data.get("citation"), f"{field}.citation", confidence, verified)
        value = self.value(data.get("value"), f"{field}.value", kind, direction)
        if confidence is None or citation is None:
            return None
        return DatedValue(
            parameter=pid,
            since=since,
            until=until,
            value=value,
            citation=citation,
            date_confidence=date_confidence or confidence,
            note=str(data.get("note") or "").strip(),
            ends=self.ends(data.get("ends"), data.get("value"), field),
        )

    def ends(self, raw: Any, value: Any, field: str) -> bool:
        if raw is None:
            return False
        if not isinstance(raw, bool):
            self.problem(f"{field}.ends", "cần 'ends: true' hoặc bỏ trống", "needs 'ends: true'")
            return False
        if raw and value is not None:
            self.problem(
                f"{field}.ends",
                "'ends: true' chỉ dùng với 'value: null' (quy định chấm dứt từ ngày này)",
                "'ends: true' goes with 'value: null' (the rule ends on this date)",
            )
        return bool(raw)

    def citation(
        self, data: Any, field: str, confidence: Confidence | None, verified: bool
    ) -> Citation | None:
        if not isinstance(data, dict):
            self.problem(field, "thiếu căn cứ (citation)", "missing citation")
            return None
        self.unknown_keys(data, _CITATION_KEYS, field)
        instrument = data.get("instrument")
        if not isinstance(instrument, str) or not instrument.strip():
            self.problem(
                f"{field}.instrument",
                "thiếu số, ký hiệu văn bản",
                "missing instrument (document symbol)",
            )
            return None
        issued = data.get("issued_on")
        issued_on = self.date(issued, f"{field}.issued_on") if issued is not None else None
        if issued_on is None and issued is None:
            self.problem(
                f"{field}.issued_on",
                "thiếu ngày ban hành (văn bản đánh số lại mỗi nhiệm kỳ: cần cả số và ngày)",
                "missing date issued (documents are keyed by symbol and date)",
            )
        text: dict[str, str] = {}
        for key in _CITATION_KEYS - {"instrument", "issued_on"}:
            raw = data.get(key)
            if raw is not None and not isinstance(raw, str | int):
                self.problem(f"{field}.{key}", "cần một chuỗi", "must be a string")
                continue
            text[key] = "" if raw is None else str(raw).strip()
        return Citation(
            instrument=instrument.strip(),
            issued_on=issued_on,
            confidence=confidence or Confidence.LOW,
            verified=verified,
            **text,
        )

    def value(self, data: Any, field: str, kind: str, direction: str) -> Value:
        if data is None:
            return None
        if kind == "numbers":
            return read_numbers(data, field, self.problem)
        if kind in ("age", "duration"):
            if (
                not isinstance(data, dict)
                or set(data) - {"years", "months"}
                or not isinstance(data.get("years"), int)
                or not isinstance(data.get("months", 0), int)
                or not 0 <= data.get("months", 0) <= 11
            ):
                self.problem(
                    field,
                    "tuổi cần dạng {years: 60, months: 3} (tháng từ 0 đến 11)",
                    "an age is {years: 60, months: 3} (months 0 to 11)",
                )
                return None
            return Age(int(data["years"]), int(data.get("months", 0)))
        return read_limits(data, field, direction, self)
