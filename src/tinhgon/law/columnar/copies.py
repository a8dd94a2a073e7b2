"""Findings copied from another, with a unit's or a person's own name: the columnar check
words one finding of a group with the rule's own code and gives the others of the group the
same finding (the rules of ``people_rules.FACTS_ONLY``, QT-2 in ``unit_rules``)."""

from __future__ import annotations

from dataclasses import fields

from tinhgon.domain import Text
from tinhgon.law.findings import Finding

_FIELDS = (
    "rule",
    "severity",
    "on",
    "message",
    "citations",
    "unit_id",
    "unit_name",
    "person_id",
    "person_name",
    "actual",
    "limit",
    "trace",
    "detail",
    "title",
)
assert tuple(f.name for f in fields(Finding)) == _FIELDS, "Finding's fields have moved"


# Each field's slot, set directly (a frozen dataclass's ``__init__`` goes through
# ``object.__setattr__`` for each field: three times slower at 283,470 findings).
(
    _rule,
    _severity,
    _on,
    _message,
    _citations,
    _unit_id,
    _unit_name,
    _person_id,
    _person_name,
    _actual,
    _limit,
    _trace,
    _detail,
    _title,
) = (getattr(Finding, name).__set__ for name in _FIELDS)


def copy_of(
    f: Finding,
    message: Text,
    unit_id: str,
    unit_name: str,
    person_id: str | None,
    person_name: str | None,
) -> Finding:
    """``dataclasses.replace(f, message=…, unit_id=…, …)`` without running ``__init__``: the
    same frozen ``Finding`` (same fields, equality and hash), each slot filled directly; its
    ``detail`` a copy of ``f``'s, as each finding of the object path has its own dict."""
    g: Finding = object.__new__(Finding)
    _rule(g, f.rule)
    _severity(g, f.severity)
    _on(g, f.on)
    _message(g, message)
    _citations(g, f.citations)
    _unit_id(g, unit_id)
    _unit_name(g, unit_name)
    _person_id(g, person_id)
    _person_name(g, person_name)
    _actual(g, f.actual)
    _limit(g, f.limit)
    _trace(g, f.trace)
    _detail(g, dict(f.detail))
    _title(g, f.title)
    return g
