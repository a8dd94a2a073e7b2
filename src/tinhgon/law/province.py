"""Rules that need the whole province: the average of deputy directors of the sở (SO-3) and of
deputy heads of the communes' departments and centres (CM-1).

Pure functions over a collection of agencies, each with its state (at the date checked), its
agency type and its province class: ``check_province`` returns a ``Report`` like ``check``.
The data of one province as a set of histories is issue 9's; these functions take the states.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from tinhgon.domain import Agency, State, Text
from tinhgon.law.commune import COMMUNE, CM1CommuneDeputies, committee_deputies
from tinhgon.law.decree_24_2014 import SO, SO3DeputyDirectors
from tinhgon.law.engine import Coverage, CoverageLine, Report, Rule
from tinhgon.law.findings import Finding, Severity
from tinhgon.law.parameters import DatedValue, Limits, ParameterSet, load_parameters

CITY_EXTRA = "so_deputy_directors_city_extra"


@dataclass(frozen=True, slots=True)
class Member:
    """One agency of the province and its state on the date checked."""

    agency: Agency
    state: State


def _limit(
    parameters: ParameterSet, pid: str, on: dt.date, province_class: str | None
) -> tuple[DatedValue, int] | None:
    entry = parameters[pid].value_on(on)
    if entry is None or not isinstance(entry.value, Limits) or not entry.confidence.active:
        return None
    band = entry.value.band_for(0, province_class, entry.confidence)
    return (entry, band.limit) if band is not None else None


def _so3(
    rule: Rule,
    members: Sequence[Member],
    on: dt.date,
    province: str,
    cls: str | None,
    p: ParameterSet,
) -> tuple[list[Finding], int]:
    sở = [m for m in members if m.agency.agency_type in SO]
    found = _limit(p, rule.parameters[0], on, cls)
    if not sở or found is None:
        return [], len(sở)
    entry, per = found
    used = [entry]
    extra = 0
    city = _limit(p, CITY_EXTRA, on, cls)
    if city is not None and city[1]:
        used.append(city[0])
        extra = city[1]
    total = sum(len(m.state.deputies(r.id)) for m in sở for r in m.state.roots())
    allowed = per * len(sở) + extra
    plus = f" và thêm {extra:02d} của thành phố" if extra else ""
    plus_en = f" plus {extra} for the city" if extra else ""
    severity = Severity.VIOLATION if total > allowed else Severity.INFO
    verdict = "vượt" if total > allowed else "trong"
    finding = rule.finding(
        severity,
        on,
        Text(
            f"{province}: {len(sở):02d} sở có tổng {total:02d} Phó Giám đốc, {verdict} mức "
            f"{allowed:02d} (bình quân {per:02d} một sở{plus})",
            f"{province}: {len(sở)} sở with {total} deputy directors in all, "
            f"{'above' if total > allowed else 'within'} the {allowed} allowed (an average of "
            f"{per} per sở{plus_en})",
        ),
        actual=total,
        limit=allowed,
        used=used,
        detail={"province_wide": True, "agencies": len(sở)},
    )
    return [finding], len(sở)


def _cm1(
    rule: Rule,
    members: Sequence[Member],
    on: dt.date,
    province: str,
    cls: str | None,
    p: ParameterSet,
) -> tuple[list[Finding], int]:
    communes = [m for m in members if m.agency.agency_type in COMMUNE]
    found = _limit(p, rule.parameters[0], on, cls)
    if not communes or found is None:
        return [], len(communes)
    entry, per = found
    units = deputies = 0
    for m in communes:
        u, d = committee_deputies(m.state)
        units += u
        deputies += d
    allowed = per * units
    severity = Severity.VIOLATION if deputies > allowed else Severity.INFO
    finding = rule.finding(
        severity,
        on,
        Text(
            f"{province}: {len(communes):02d} xã, phường, đặc khu có {units:02d} phòng chuyên môn "
            f"và trung tâm với tổng {deputies:02d} cấp phó, "
            f"{'vượt' if deputies > allowed else 'trong'} mức {allowed:02d} (bình quân "
            f"{per:02d})",
            f"{province}: {len(communes)} communes with {units} departments and centres and "
            f"{deputies} deputy heads in all, {'above' if deputies > allowed else 'within'} the "
            f"{allowed} allowed (an average of {per})",
        ),
        actual=deputies,
        limit=allowed,
        used=[entry],
        detail={"province_wide": True, "agencies": len(communes), "units": units},
    )
    return [finding], len(communes)


def check_province(
    members: Sequence[Member],
    *,
    on: dt.date,
    province: str,
    province_class: str | None,
    parameters: ParameterSet | None = None,
) -> Report:
    """The province-wide rules on every agency of a province at a date."""
    params = parameters if parameters is not None else load_parameters()
    findings: list[Finding] = []
    coverage: list[CoverageLine] = []
    for rule, judge in ((SO3DeputyDirectors(), _so3), (CM1CommuneDeputies(), _cm1)):
        windows = rule.windows(params)
        if not rule.in_force(on, params):
            count = sum(1 for m in members if rule.applies_to_agency(m.agency.agency_type))
            coverage.append(CoverageLine(rule, Coverage.NOT_ENCODED, count, windows))
            continue
        found, count = judge(rule, members, on, province, province_class, params)
        findings.extend(found)
        status = Coverage.IN_FORCE if count else Coverage.NOT_APPLICABLE
        coverage.append(CoverageLine(rule, status, count, windows))
    findings.sort(key=lambda f: (f.severity.rank, f.rule))
    return Report(on=on, findings=tuple(findings), coverage=tuple(coverage))
