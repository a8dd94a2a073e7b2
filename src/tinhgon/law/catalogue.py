"""The catalogue of rules and parameters, as data and as Markdown (docs/rules.md)."""

from __future__ import annotations

import datetime as dt
import inspect
from typing import Any

from tinhgon.law.engine import Coverage, Rule
from tinhgon.law.findings import Citation
from tinhgon.law.numbers import Numbers
from tinhgon.law.parameters import Age, DatedValue, Limits, Parameter, ParameterSet, load_parameters
from tinhgon.law.rules import RULES

AGENCY_TYPES = {
    "economic_zone_board": "Ban quản lý khu kinh tế / economic zone management board",
    "provincial_department": "sở / provincial department",
    "commune_committee": "Ủy ban nhân dân xã, phường, đặc khu / commune, ward or special zone "
    "People's Committee",
}


def _window_dict(start: dt.date, end: dt.date | None) -> dict[str, str | None]:
    return {
        "from": None if start == dt.date.min else start.isoformat(),
        "until": (end - dt.timedelta(days=1)).isoformat() if end else None,
    }


def _status(rule: Rule, on: dt.date | None, parameters: ParameterSet) -> str | None:
    if on is None:
        return None
    if rule.in_force(on, parameters):
        return Coverage.IN_FORCE
    return Coverage.ENDED if rule.ended(on, parameters) is not None else Coverage.NOT_ENCODED


STATUS_TEXT = {
    Coverage.IN_FORCE: "đang áp dụng / in force",
    Coverage.NOT_ENCODED: "chưa có quy định trong tinhgon cho giai đoạn này / no rule held",
    Coverage.ENDED: "quy định đã chấm dứt / the rule has ended",
}


def rule_dict(rule: Rule, parameters: ParameterSet, on: dt.date | None = None) -> dict[str, Any]:
    return {
        "id": rule.id,
        "title": {"vi": rule.title.vi, "en": rule.title.en},
        "agency_types": sorted(rule.agency_types) if rule.agency_types is not None else None,
        "applies_to": {"vi": rule.applies_to_text.vi, "en": rule.applies_to_text.en},
        "windows": [_window_dict(s, e) for s, e in rule.windows(parameters)],
        "parameters": list(rule.parameters),
        "citations": [c.as_dict() for c in rule.citations(parameters, on)],
        "verified": rule.verified(parameters),
        "regime": inspect.getdoc(type(rule)) or "",
        **({"status": _status(rule, on, parameters)} if on is not None else {}),
    }


def value_dict(entry: DatedValue) -> dict[str, Any]:
    return {
        "since": entry.since.isoformat(),
        "until": (entry.until - dt.timedelta(days=1)).isoformat() if entry.until else None,
        "value": entry.plain_value(),
        "citation": entry.citation.as_dict(),
        "confidence": entry.confidence.value,
        "date_confidence": entry.date_confidence.value,
        "verified": entry.verified,
        "note": entry.note or None,
    }


def parameter_dict(parameter: Parameter, on: dt.date | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": parameter.id,
        "file": f"src/tinhgon/law/parameters/{parameter.file}",
        "title": {"vi": parameter.title.vi, "en": parameter.title.en},
        "kind": parameter.kind,
        "counts": {"vi": parameter.counts.vi, "en": parameter.counts.en}
        if parameter.counts.vi
        else None,
        "values": [value_dict(v) for v in parameter.values],
    }
    if on is not None:
        current = parameter.value_on(on)
        out["on"] = value_dict(current) if current is not None else None
    return out


def catalogue(on: dt.date | None = None, parameters: ParameterSet | None = None) -> dict[str, Any]:
    """Every rule and parameter; with ``on``, each rule's status on that date."""
    params = parameters if parameters is not None else load_parameters()
    return {
        "on": on.isoformat() if on else None,
        "rules": [rule_dict(r, params, on) for r in RULES],
        "parameters": [parameter_dict(p, on) for p in params.values()],
    }


# -- Markdown --------------------------------------------------------------------------------


def _vn(day: dt.date) -> str:
    return f"{day:%d/%m/%Y}"


def _windows_text(rule: Rule, parameters: ParameterSet) -> str:
    parts = []
    for start, end in rule.windows(parameters):
        if start == dt.date.min:
            parts.append("luôn áp dụng / always")
        elif end is None:
            parts.append(f"từ / from {_vn(start)}")
        else:
            parts.append(f"{_vn(start)} – {_vn(end - dt.timedelta(days=1))}")
    return "; ".join(parts) or "không / never"


def _citation_text(c: Citation) -> str:
    mark = "đã đối chiếu / verified" if c.verified else "**chưa đối chiếu / unverified**"
    out = f"{c.text()} — tin cậy / confidence: {c.confidence.value}; {mark}"
    if c.rules_md:
        out += f"; RULES.md {c.rules_md}"
    return out


def _value_text(entry: DatedValue, kind: str) -> str:
    value = entry.value
    if value is None:
        if entry.ends:
            return "*quy định chấm dứt / the rule ends*"
        return "*chưa có quy định trong tinhgon / no rule held*"
    if isinstance(value, Age) and kind == "duration":
        months = f" {value.months:02d} tháng" if value.months else ""
        months_en = f" {value.months} months" if value.months else ""
        return f"{value.years:02d} năm{months} / {value.years} years{months_en}"
    if isinstance(value, Age):
        return f"{value} / {value.english()}"
    if isinstance(value, Numbers):
        return "; ".join(f"{key} = {number}" for key, number in value.items)
    assert isinstance(value, Limits)
    word = "tối đa / at most" if value.direction == "at_most" else "tối thiểu / at least"
    bands = []
    for band in value.bands:
        text = band.describe()
        confidence = band.confidence or entry.confidence
        if not confidence.active:
            text += " *(tin cậy thấp: không áp dụng / low: not applied)*"
        bands.append(text)
    return f"{word}: " + "; ".join(bands)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def catalogue_markdown(on: dt.date | None = None, parameters: ParameterSet | None = None) -> str:
    params = parameters if parameters is not None else load_parameters()
    lines = [
        "# Quy định trong tinhgon / Rules held in tinhgon",
        "",
        "<!-- Tệp này được sinh ra, đừng sửa tay / Generated, do not edit by hand:",
        "     tinhgon rules --format markdown > docs/rules.md",
        "     A test fails when it is out of date. -->",
        "",
        "Mỗi số liệu có căn cứ, độ tin cậy (high / medium / low, theo shared/legal/RULES.md) và "
        "cho biết đã đối chiếu văn bản gốc hay chưa. Số liệu tin cậy thấp được ghi lại nhưng "
        "không áp dụng. Mọi phát hiện dựa trên số liệu chưa đối chiếu đều ghi "
        '"cần đối chiếu văn bản gốc".',
        "",
        "Every number has its citation, its confidence (as in shared/legal/RULES.md) and whether "
        "it was checked against the official text. Low-confidence numbers are recorded, never "
        'applied. Every finding resting on an unchecked number says "not checked against the '
        'official text". To correct a number, a date or a citation, edit the parameter file '
        "named below: no code changes.",
        "",
    ]
    shown = list(RULES)
    if on is not None:
        shown = [r for r in RULES if _status(r, on, params) == Coverage.IN_FORCE]
        lines += [
            f"Quy định đang áp dụng tại ngày {_vn(on)}, với căn cứ của ngày đó; cuối mục là các "
            f"quy định không áp dụng tại ngày này. / The rules in force on {on.isoformat()}, with "
            "that day's citations; the rules not in force then are listed at the end.",
            "",
        ]
    lines += ["## Quy định / Rules", ""]
    for rule in shown:
        lines.append(f"### {rule.id} — {rule.title.vi} / {rule.title.en}")
        lines.append("")
        agencies = (
            "mọi cơ quan / every agency"
            if rule.agency_types is None
            else ", ".join(AGENCY_TYPES.get(a, a) for a in sorted(rule.agency_types))
        )
        lines.append(f"- Cơ quan / Agencies: {agencies}")
        lines.append(f"- Đơn vị / Units: {rule.applies_to_text.vi} / {rule.applies_to_text.en}")
        lines.append(
            f"- Thời gian áp dụng trong tinhgon / Window held: {_windows_text(rule, params)}"
        )
        if rule.parameters:
            lines.append("- Tham số / Parameters: " + ", ".join(f"`{p}`" for p in rule.parameters))
        verified = (
            "có / yes" if rule.verified(params) else "**không — cần đối chiếu văn bản gốc / no**"
        )
        lines.append(f"- Đã đối chiếu văn bản gốc / Verified: {verified}")
        lines.append("- Căn cứ / Citations:")
        for citation in rule.citations(params, on):
            lines.append(f"  - {_citation_text(citation)}")
        doc = inspect.getdoc(type(rule)) or ""
        if doc:
            lines.append("")
            lines.extend(f"> {line}" if line else ">" for line in doc.splitlines())
        lines.append("")
    if on is not None:
        lines += [f"## Không áp dụng tại ngày {_vn(on)} / Not in force on {on.isoformat()}", ""]
        for rule in RULES:
            status = _status(rule, on, params)
            if status != Coverage.IN_FORCE:
                lines.append(
                    f"- {rule.id} — {rule.title.vi}: {STATUS_TEXT.get(status or '', status)}; "
                    f"{_windows_text(rule, params)}"
                )
        lines.append("")
    lines += ["## Tham số / Parameters", ""]
    for parameter in params.values():
        lines.append(f"### `{parameter.id}` — {parameter.title.vi}")
        lines.append("")
        lines.append(
            f"*{parameter.title.en}*. Tệp / file: `src/tinhgon/law/parameters/{parameter.file}`"
        )
        lines.append("")
        if parameter.counts.vi:
            lines.append(f"Đếm / Counts: {parameter.counts.vi} / {parameter.counts.en}")
            lines.append("")
        lines.append(
            "| Từ ngày / From | Giá trị / Value | Căn cứ / Citation | Tin cậy / Confidence "
            "| Ngày hiệu lực: tin cậy / Date confidence | Đã đối chiếu / Verified |"
        )
        lines.append("|---|---|---|---|---|---|")
        entries = list(parameter.values)
        if on is not None:
            current = parameter.value_on(on)
            entries = [current] if current is not None else []
        for entry in entries:
            lines.append(
                "| "
                + " | ".join(
                    _cell(x)
                    for x in (
                        _vn(entry.since),
                        _value_text(entry, parameter.kind),
                        entry.citation.text(),
                        entry.confidence.value,
                        entry.date_confidence.value,
                        "có / yes" if entry.verified else "không / no",
                    )
                )
                + " |"
            )
        notes = [e for e in entries if e.note or e.citation.source or e.citation.url]
        if notes:
            lines.append("")
            for entry in notes:
                c = entry.citation
                text = " ".join(
                    x for x in (c.source, f"<{c.url}>" if c.url else "", entry.note) if x
                )
                lines.append(f"- {_vn(entry.since)}: {_cell(text)}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
