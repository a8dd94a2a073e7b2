"""The rules engine: what a rule is, which rules apply on a date, and running them on a state.

A rule is a small declarative object (shared/STYLE.md point 2): an id, a title in Vietnamese and
English, the kinds of agency and unit it applies to, the parameters it reads (the first one
governs the period it is in force: edit its file to move the window), the citations of what it
says beyond the numbers, and a ``check`` that takes a state and a date and returns findings.

Outside every encoded window the engine says so with an ``info`` finding ("chưa có quy định
trong tinhgon cho giai đoạn này") instead of applying stale numbers; where a rule ended with no
successor (``ends: true`` in its file) it says that the rule no longer applies.

A property every finding keeps (tests/law/test_properties.py): no citation is of a text issued
after the date checked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from tinhgon.domain import Agency, Category, State, Text, Unit, UnitClass, UnitKind
from tinhgon.law.findings import Citation, Finding, Scalar, Severity, TraceItem
from tinhgon.law.parameters import DatedValue, Limits, Parameter, ParameterSet, load_parameters

ANY_AGENCY: frozenset[str] | None = None


class Coverage:
    """Whether a rule is in force on a date for an agency (trạng thái áp dụng)."""

    IN_FORCE = "in_force"
    NOT_ENCODED = "not_encoded"
    NOT_APPLICABLE = "not_applicable"
    ENDED = "ended"


@dataclass(frozen=True, slots=True)
class Env:
    """What a rule needs besides the state and the date: the agency, the parameters, and the
    units a plan creates or merges (``planned``: judged as the plan's own doing)."""

    agency: Agency
    parameters: ParameterSet
    cache: dict[Any, Any] = field(default_factory=dict, compare=False)
    planned: frozenset[str] = frozenset()

    def value(self, parameter: str, on: dt.date) -> DatedValue | None:
        """The parameter's value in force on the date, if it has an active one."""
        entry = self.parameters[parameter].value_on(on)
        if entry is None or entry.value is None or not entry.confidence.active:
            return None
        return entry


def trace(entry: DatedValue, value: Any = None) -> TraceItem:
    return TraceItem(
        parameter=entry.parameter,
        since=entry.since,
        value=entry.plain_value() if value is None else value,
        citation=entry.citation,
    )


class Rule:
    """Một quy định: subclass it, set the class attributes, write ``check``."""

    id: ClassVar[str]
    title: ClassVar[Text]
    agency_types: ClassVar[frozenset[str] | None] = ANY_AGENCY
    unit_classes: ClassVar[frozenset[UnitClass] | None] = None
    applies_to_text: ClassVar[Text] = Text("mọi đơn vị", "every unit")
    parameters: ClassVar[tuple[str, ...]] = ()
    basis: ClassVar[tuple[Citation, ...]] = ()
    people: ClassVar[bool] = False

    # -- scope -----------------------------------------------------------------------------

    def applies_to_agency(self, agency_type: str) -> bool:
        return self.agency_types is None or agency_type in self.agency_types

    def applies_to_kind(self, kind: UnitKind) -> bool:
        """Whether the rule checks units of this kind (before looking at where they stand)."""
        return self.unit_classes is None or kind.unit_class in self.unit_classes

    def targets(self, state: State) -> list[Unit]:
        """The units of the state this rule checks, in tree order."""
        return [
            u for u in state.tree_order() if self.applies_to_kind(u.kind) and self.selects(state, u)
        ]

    def selects(self, state: State, unit: Unit) -> bool:
        """Further conditions on where a unit stands (under the agency, under a chi cục…)."""
        return True

    def checked(self, state: State) -> int:
        """How many units (or people) the rule would check on this state."""
        return len(state.assignments) if self.people else len(self.targets(state))

    # -- time ------------------------------------------------------------------------------

    def window_parameter(self, parameters: ParameterSet) -> Parameter | None:
        return parameters[self.parameters[0]] if self.parameters else None

    def in_force(self, on: dt.date, parameters: ParameterSet) -> bool:
        window = self.window_parameter(parameters)
        return window is None or window.in_force(on)

    def ended(self, on: dt.date, parameters: ParameterSet) -> DatedValue | None:
        """The value that ended the rule (no successor), when it has ended by the date."""
        window = self.window_parameter(parameters)
        return None if window is None else window.ended(on)

    def windows(self, parameters: ParameterSet) -> list[tuple[dt.date, dt.date | None]]:
        window = self.window_parameter(parameters)
        return [(dt.date.min, None)] if window is None else window.windows()

    def citations(self, parameters: ParameterSet, on: dt.date | None = None) -> list[Citation]:
        """What the rule rests on: its own basis, then its parameters' citations (on a date, or
        every active one)."""
        out: list[Citation] = [c for c in self.basis if on is None or issued_by(c, on)]
        for pid in self.parameters:
            for entry in parameters[pid].values:
                if on is not None and not (
                    entry.since <= on and (entry.until is None or on < entry.until)
                ):
                    continue
                if entry.value is not None and entry.citation not in out:
                    out.append(entry.citation)
        return out

    def verified(self, parameters: ParameterSet) -> bool:
        return all(c.verified for c in self.citations(parameters))

    # -- checking --------------------------------------------------------------------------

    def check(self, state: State, on: dt.date, env: Env) -> Iterable[Finding]:
        """The findings of this rule on the state at the date (only called while in force)."""
        raise NotImplementedError

    def finding(
        self,
        severity: Severity,
        on: dt.date,
        message: Text,
        *,
        unit: Unit | None = None,
        person: tuple[str, str] | None = None,
        actual: Scalar = None,
        limit: Scalar = None,
        used: Sequence[DatedValue] = (),
        trace_values: Sequence[Any] = (),
        extra: Sequence[Citation] = (),
        detail: dict[str, Any] | None = None,
        basis: bool = True,
    ) -> Finding:
        citations = (*(self.basis if basis else ()), *extra, *(u.citation for u in used))
        items = tuple(
            trace(u, trace_values[i] if i < len(trace_values) else None) for i, u in enumerate(used)
        )
        return Finding(
            rule=self.id,
            severity=severity,
            on=on,
            message=message,
            citations=citations,
            unit_id=unit.id if unit else None,
            unit_name=unit.name if unit else None,
            person_id=person[0] if person else None,
            person_name=person[1] if person else None,
            actual=actual,
            limit=limit,
            trace=items,
            detail=detail or {},
            title=self.title,
        )


# -- helpers shared by the rules -------------------------------------------------------------


def staff_count(state: State, unit_id: str, categories: frozenset[Category]) -> int:
    """People in post in the unit itself whose category is counted (from the counts the state
    keeps: worked out once for all the rules and the metrics)."""
    own = state.category_counts().get(unit_id)
    return sum(own.get(c, 0) for c in categories) if own else 0


def staff_count_below(state: State, unit_id: str, categories: frozenset[Category]) -> int:
    """People in post in the unit and all its sub-units whose category is counted."""
    return sum(staff_count(state, u.id, categories) for _, u in state.walk(unit_id))


def parent_class(state: State, unit: Unit) -> UnitClass | None:
    if unit.parent_id is None or unit.parent_id not in state.units:
        return None
    return state.units[unit.parent_id].kind.unit_class


def limits_on(env: Env, parameter: str, on: dt.date) -> tuple[DatedValue, Limits]:
    """A limits parameter's value in force (the engine calls ``check`` only while it is)."""
    entry = env.value(parameter, on)
    if entry is None or not isinstance(entry.value, Limits):
        raise LookupError(f"parameter {parameter} has no limits in force on {on.isoformat()}")
    return entry, entry.value


# -- running ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CoverageLine:
    """Whether one rule was applied on the date, and to how many units or people."""

    rule: Rule
    status: str
    checked: int
    windows: list[tuple[dt.date, dt.date | None]]

    def as_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule.id,
            "title": {"vi": self.rule.title.vi, "en": self.rule.title.en},
            "status": self.status,
            "checked": self.checked,
            "windows": [
                {
                    "from": None if start == dt.date.min else start.isoformat(),
                    "until": (end - dt.timedelta(days=1)).isoformat() if end else None,
                }
                for start, end in self.windows
            ],
        }


@dataclass(frozen=True, slots=True)
class Report:
    """Every finding on a state at a date, and which rules covered it."""

    on: dt.date
    findings: tuple[Finding, ...]
    coverage: tuple[CoverageLine, ...]

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    def summary(self) -> dict[str, int]:
        return {s.value: self.count(s) for s in Severity}

    @property
    def has_violations(self) -> bool:
        return any(f.severity is Severity.VIOLATION for f in self.findings)

    def as_dict(self) -> dict[str, Any]:
        return {
            "on": self.on.isoformat(),
            "summary": self.summary(),
            "findings": [f.as_dict() for f in self.findings],
            "coverage": [c.as_dict() for c in self.coverage],
        }


def _spans(windows: list[tuple[dt.date, dt.date | None]]) -> tuple[str, str]:
    vi = ", ".join(
        f"{start:%d/%m/%Y}–{(end - dt.timedelta(days=1)):%d/%m/%Y}"
        if end
        else f"từ {start:%d/%m/%Y}"
        for start, end in windows
    )
    en = ", ".join(
        f"{start.isoformat()} to {(end - dt.timedelta(days=1)).isoformat()}"
        if end
        else f"from {start.isoformat()}"
        for start, end in windows
    )
    return vi, en


def issued_by(citation: Citation, on: dt.date) -> bool:
    """Whether the cited text existed on the date (a citation without a date is data)."""
    return citation.issued_on is None or citation.issued_on <= on


def _gap(rule: Rule, state: State, on: dt.date, env: Env, checked: int) -> Finding:
    spans, spans_en = _spans(rule.windows(env.parameters))
    window = rule.window_parameter(env.parameters)
    nearest: list[DatedValue] = []
    if window is not None:
        entry = window.value_on(on)
        if entry is not None and issued_by(entry.citation, on):
            nearest.append(entry)
    roots = state.roots()
    what = "người" if rule.people else "đơn vị"
    what_en = "people" if rule.people else "units"
    return rule.finding(
        Severity.INFO,
        on,
        Text(
            f"{rule.title.vi}: chưa có quy định trong tinhgon cho giai đoạn này (tinhgon có quy "
            f"định này cho: {spans or 'chưa có giai đoạn nào'}); {checked} {what} chưa được "
            "kiểm tra theo quy định này",
            f"{rule.title.en}: no rule held in tinhgon for this period (held for: "
            f"{spans_en or 'no period'}); {checked} {what_en} not checked against it",
        ),
        unit=roots[0] if roots else None,
        used=nearest,
        basis=False,
        detail={"coverage": Coverage.NOT_ENCODED},
    )


def _ended(rule: Rule, state: State, on: dt.date, entry: DatedValue, checked: int) -> Finding:
    roots = state.roots()
    return rule.finding(
        Severity.INFO,
        on,
        Text(
            f"{rule.title.vi}: quy định không còn áp dụng từ ngày "
            f"{entry.since:%d/%m/%Y} ({entry.citation.text()} không quy định nội dung này); "
            f"{checked} đơn vị thuộc diện quy định cũ cần được sắp xếp lại cho phù hợp",
            f"{rule.title.en}: the rule no longer applies from {entry.since.isoformat()} "
            f"(its successor has no such rule); {checked} units it covered should be reorganised",
        ),
        unit=roots[0] if roots else None,
        used=[entry],
        basis=False,
        detail={"coverage": Coverage.ENDED},
    )


def run(
    rules: Iterable[Rule],
    state: State,
    on: dt.date,
    agency: Agency,
    parameters: ParameterSet | None = None,
    planned: Iterable[str] = (),
) -> Report:
    """Run every rule that applies to the agency on the state at the date; ``planned`` are the
    units a plan creates or merges."""
    env = Env(
        agency=agency,
        parameters=parameters if parameters is not None else load_parameters(),
        planned=frozenset(planned),
    )
    findings: list[Finding] = []
    coverage: list[CoverageLine] = []
    for rule in rules:
        windows = rule.windows(env.parameters)
        if not rule.applies_to_agency(agency.agency_type):
            coverage.append(CoverageLine(rule, Coverage.NOT_APPLICABLE, 0, windows))
            continue
        checked = rule.checked(state)
        ended = rule.ended(on, env.parameters)
        if ended is not None:
            coverage.append(CoverageLine(rule, Coverage.ENDED, checked, windows))
            if checked:
                findings.append(_ended(rule, state, on, ended, checked))
            continue
        if not rule.in_force(on, env.parameters):
            coverage.append(CoverageLine(rule, Coverage.NOT_ENCODED, checked, windows))
            if checked:
                findings.append(_gap(rule, state, on, env, checked))
            continue
        coverage.append(CoverageLine(rule, Coverage.IN_FORCE, checked, windows))
        findings.extend(rule.check(state, on, env))
    order = {u.id: i for i, (_, u) in enumerate(state.walk())}
    findings.sort(
        key=lambda f: (
            f.severity.rank,
            order.get(f.unit_id or "", -1),
            f.rule,
            f.person_id or "",
        )
    )
    return Report(on=on, findings=tuple(findings), coverage=tuple(coverage))


def rules_for(
    rules: Iterable[Rule],
    *,
    on: dt.date,
    kind: UnitKind,
    agency_type: str,
    parameters: ParameterSet | None = None,
) -> Iterator[tuple[Rule, str]]:
    """For a date and a kind of unit in a kind of agency: each rule that concerns it, and
    whether it is in force then or has no rule encoded for the period."""
    params = parameters if parameters is not None else load_parameters()
    for rule in rules:
        if rule.people or not rule.applies_to_agency(agency_type) or not rule.applies_to_kind(kind):
            continue
        if rule.in_force(on, params):
            yield rule, Coverage.IN_FORCE
        elif rule.ended(on, params) is not None:
            yield rule, Coverage.ENDED
        else:
            yield rule, Coverage.NOT_ENCODED
