"""The hand-written DuckDB query of bench_national_check.py: the same findings as tinhgon's check
of a sở-shaped agency (bench_check.province_rows) on one date, over tables of its people, units
and quotas; the law's numbers enter as small tables made by tinhgon's parameter loader (each
rule's limit by count, each retirement date by sex and month of birth), as the rules read them.

The query covers every rule the columnar check evaluates for a sở (provincial_department) on
such a state: SO-1 to SO-8, SO-9's transition (a unit formed by restructuring in the transition's
window: a note until its deadline, a violation after), QT-1, QT-2, LD-1 to LD-3, RA, RA-5 (early
retirement: the facts against the thresholds of the parameter files, the earliest date from the
early-retirement ages), a plan's units (a shortfall there is the plan's violation) and the note
of a rule without a value for the date. The province-class note is not covered: the bench's
agency has a class (II), so no rule gives it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Iterable
from typing import Any

from duckdb_sql import SQL

from tinhgon.domain import Agency, BirthDate
from tinhgon.law import RULES, load_parameters, retirement_of
from tinhgon.law.columnar import ColumnarState
from tinhgon.law.decree_24_2014 import TRANSITION
from tinhgon.law.early_retirement import EARLY_AGE, LOSS, YEARS
from tinhgon.law.engine import Env, limits_on
from tinhgon.law.retirement import PARAMETER_BY_SEX, add_months, known_values
from tinhgon.law.staffing import DeputyLimitRule, MinimumStaffRule
from tinhgon.law.values import Age

AGENCY = Agency(id="root", name="Sở thử", agency_type="provincial_department", province_class="II")
PLANNING_MONTHS = 12


def _bands(limits: Any, confidence: Any, province_class: str | None) -> tuple[list[Any], int]:
    """Each count up to the last edge of a band with its band's limit, and that edge + 1 (the
    count any larger one is looked up as)."""
    edge = max((e for b in limits.bands for e in (b.low, b.high) if e is not None), default=0)
    out = []
    for n in range(edge + 2):
        band = limits.band_for(n, province_class, confidence)
        if band is not None:
            out.append((n, band.limit))
    return out, edge + 1


def legal_tables(
    states: ColumnarState | list[ColumnarState],
    on: dt.date,
    classes: Iterable[str | None] = (AGENCY.province_class,),
    agency_type: str = AGENCY.agency_type,
) -> dict[str, Any]:
    """What the query needs of the law on the date, from tinhgon's parameter files: the rules
    in force and those without a value for the date, each rule's counted categories and limit
    by count for each province class, each retirement date by sex and month of birth (normal
    and early) of the people of ``states``, the thresholds of early retirement, the rules with a
    transition and the transition's period."""
    import numpy as np

    parts = states if isinstance(states, list) else [states]
    sexes = np.concatenate([cs.sex for cs in parts])
    born_year = np.concatenate([cs.birth_year for cs in parts])
    born_month = np.concatenate([cs.birth_month for cs in parts])
    with_facts = np.concatenate(
        [(cs.hazardous >= 0) | (cs.difficult >= 0) | (cs.loss >= 0) for cs in parts]
    )

    parameters = load_parameters()
    agency = dataclasses.replace(AGENCY, agency_type=agency_type)
    env = Env(agency=agency, parameters=parameters)
    in_force, gaps, counted, bands, tops = [], [], [], [], []
    transitional: list[str] = []
    recursive: list[str] = []
    for rule in RULES:
        if not rule.applies_to_agency(agency_type):
            continue
        if rule.ended(on, parameters) is not None or not rule.in_force(on, parameters):
            # one note on the root: no value for the date, or the rule has ended
            assert rule.unit_classes is not None
            assert len(rule.unit_classes) == 1
            gaps.append((rule.id, next(iter(rule.unit_classes)).value))
            continue
        in_force.append(rule.id)
        if rule.people or not rule.parameters:
            continue
        if isinstance(rule, DeputyLimitRule) and rule.transition is not None:
            transitional.append(rule.id)
        if isinstance(rule, MinimumStaffRule) and rule.recursive:
            recursive.append(rule.id)  # counts its sub-units' people too
        entry, limits = limits_on(env, rule.parameters[0], on)
        for category in parameters[rule.parameters[0]].counted_categories:
            counted.append((rule.id, category.value))
        for province_class in classes:
            found, top = _bands(limits, entry.confidence, province_class)
            bands += [(rule.id, province_class, n, limit) for n, limit in found]
        tops.append((rule.id, top))
    horizon = add_months(on, PLANNING_MONTHS)
    eras = {
        sex: len(known_values(parameters[pid].values, on)) for sex, pid in PARAMETER_BY_SEX.items()
    }
    assert eras  # the retirement tables read as of the date, as the rule reads them
    from tinhgon.law.columnar.state import SEXES

    groups = set(zip(sexes.tolist(), born_year.tolist(), born_month.tolist(), strict=True))
    retire = []
    for sex, year, month in sorted(groups):
        r = retirement_of(
            sex=SEXES[sex], born=BirthDate(year, month), parameters=parameters, as_of=on
        )
        retire.append((SEXES[sex].value, year, month, r.retires_on))
    early = []
    for sex, year, month in sorted(
        set(
            zip(
                sexes[with_facts].tolist(),
                born_year[with_facts].tolist(),
                born_month[with_facts].tolist(),
                strict=True,
            )
        )
    ):
        r = retirement_of(
            sex=SEXES[sex],
            born=BirthDate(year, month),
            parameters=parameters,
            as_of=on,
            parameter_id=EARLY_AGE[SEXES[sex]],
        )
        early.append((SEXES[sex].value, year, month, r.retires_on))
    thresholds = []
    for kind, pid in (("years", YEARS), ("loss", LOSS)):
        entry = parameters[pid].value_on(on)
        if entry is None or not entry.confidence.active:
            continue  # the rule reads no threshold of this kind on the date
        found, top = _bands(entry.value, entry.confidence, None)
        thresholds += [(kind, n, limit, top) for n, limit in found]
    period = env.value(TRANSITION, on)
    transition = (
        [(period.since, period.value.total_months)]
        if period is not None and isinstance(period.value, Age)
        else []
    )
    return {
        "in_force": in_force,
        "gaps": gaps,
        "counted": counted,
        "bands": bands,
        "tops": tops,
        "retire": retire,
        "early": early,
        "thresholds": thresholds,
        "transitional": transitional,
        "recursive": recursive,
        "transition": transition,
        "horizon": horizon,
    }


def frames_of(
    cs: ColumnarState,
    planned: Iterable[str] = (),
    province: int = 0,
    units_before: int = 0,
    people_before: int = 0,
) -> dict[str, Any]:
    """The units, people, quotas and planned units of one columnar state as data frames, the
    units and people numbered from ``units_before`` and ``people_before`` (several states —
    provinces — in the same tables)."""
    import numpy as np
    import pandas as pd

    from tinhgon.law.columnar.state import CATEGORIES, CLASSES, ROLES, SEXES

    def facts(column: Any) -> Any:  # NONE (-1) is a fact not given: NULL
        return pd.arrays.IntegerArray(np.where(column >= 0, column, 0), column < 0)

    units = pd.DataFrame(
        {
            "u": np.arange(len(cs.units)) + units_before,
            "id": [u.id for u in cs.units],
            "parent": np.where(cs.parent >= 0, cs.parent + units_before, -1),
            "class": pd.Categorical.from_codes(cs.unit_class, [c.value for c in CLASSES]),
            "kind": [u.kind.code for u in cs.units],
            "established_on": pd.to_datetime([u.established_on for u in cs.units]),
            "predecessors": [len(u.predecessors) for u in cs.units],
            "province": np.full(len(cs.units), province),
        }
    )
    people = pd.DataFrame(
        {
            "i": np.arange(cs.size) + people_before,
            "u": cs.person_unit + units_before,
            "role": pd.Categorical.from_codes(cs.role, [r.value for r in ROLES]),
            "category": pd.Categorical.from_codes(cs.category, [c.value for c in CATEGORIES]),
            "sex": pd.Categorical.from_codes(cs.sex, [s.value for s in SEXES]),
            "by": cs.birth_year,
            "bm": cs.birth_month,
            "hazardous": facts(cs.hazardous),
            "difficult": facts(cs.difficult),
            "loss": facts(cs.loss),
        }
    )
    quotas = pd.DataFrame(
        [
            (cs.unit_index[k.unit_id] + units_before, k.category.value, k.year, v)
            for k, v in cs.quotas.items()
            if k.unit_id in cs.unit_index
        ],
        columns=["u", "category", "year", "value"],
    )
    chosen = pd.DataFrame({"u": [cs.unit_index[u] + units_before for u in planned]}, dtype="int64")
    return {"units": units, "people": people, "quotas": quotas, "planned": chosen}


def load_duckdb(
    cs: ColumnarState | list[dict[str, Any]],
    law: dict[str, Any],
    planned: Iterable[str] = (),
    threads: int = 2,
    provinces: list[tuple[int, str | None]] | None = None,
    con: Any = None,
    schema: str | None = None,
) -> Any:
    """A DuckDB database of the state's tables (or of several states' ``frames_of``, one a
    province, with ``provinces``: each one's number and class) and the law's; with ``con`` and
    ``schema``, the tables go into that schema of an open database (one schema a kind of
    agency: ``national_full.py``)."""
    import duckdb
    import pandas as pd

    parts = [frames_of(cs, planned)] if isinstance(cs, ColumnarState) else cs
    if provinces is None:
        provinces = [(0, AGENCY.province_class)]
    if con is None:
        con = duckdb.connect()
    if schema is not None:
        con.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
        con.execute(f"SET schema = '{schema}'")
    con.execute(f"SET threads TO {threads}")
    names = ("units", "people", "quotas", "planned")
    if len(parts) == 1:
        data = {name: parts[0][name] for name in names}
    else:
        data = {name: pd.concat([p[name] for p in parts], ignore_index=True) for name in names}
    parts.clear()  # one copy of the rows at a time
    tables = {
        **data,
        "provinces": pd.DataFrame(provinces, columns=["province", "class"]),
        "counted": pd.DataFrame(law["counted"], columns=["rule", "category"]),
        "bands": pd.DataFrame(law["bands"], columns=["rule", "class", "n", "lim"]),
        "tops": pd.DataFrame(law["tops"], columns=["rule", "top"]),
        "retire": pd.DataFrame(law["retire"], columns=["sex", "by", "bm", "retires_on"]),
        "early": pd.DataFrame(law["early"], columns=["sex", "by", "bm", "retires_on"]),
        "thresholds": pd.DataFrame(law["thresholds"], columns=["kind", "n", "lim", "top"]),
        "transitional": pd.DataFrame({"rule": pd.Series(law["transitional"], dtype=str)}),
        "recursive": pd.DataFrame({"rule": pd.Series(law["recursive"], dtype=str)}),
        "transition_period": pd.DataFrame(law["transition"], columns=["since", "months"]),
        "in_force": pd.DataFrame({"rule": law["in_force"]}),
        "gaps": pd.DataFrame(law["gaps"], columns=["rule", "class"]),
    }
    del data
    for name in list(tables):
        frame = tables.pop(name)
        con.execute(f"CREATE TABLE {name} AS SELECT * FROM frame")
        del frame
    # the categorical columns as plain text, as a database would hold them
    for table, column in (
        ("units", "class"),
        ("people", "role"),
        ("people", "category"),
        ("people", "sex"),
        ("units", "established_on"),
        ("transition_period", "since"),
        ("transition_period", "months"),
        ("provinces", "class"),
        ("bands", "class"),
    ):
        kind = {"established_on": "DATE", "since": "DATE", "months": "INTEGER"}.get(column)
        con.execute(f'ALTER TABLE {table} ALTER "{column}" TYPE {kind or "VARCHAR"}')
    return con


def query(con: Any, law: dict[str, Any], on: dt.date, sql: str = SQL) -> list[tuple[Any, ...]]:
    params = {"on": on, "horizon": law["horizon"], "year": on.year}
    return con.execute(sql, params).fetchall()  # type: ignore[no-any-return]


def keys_of_report(report: Any, cs: ColumnarState) -> Counter[tuple[Any, ...]]:
    """Each finding as (rule, unit, person, severity, actual, limit): numbers kept, the texts
    of an age (RA) left to the message."""
    person_index = {pid: i for i, pid in enumerate(cs.person_ids)}
    return Counter(
        (
            f.rule,
            cs.unit_index[f.unit_id] if f.unit_id else None,
            person_index[f.person_id] if f.person_id else None,
            f.severity.value,
            f.actual if isinstance(f.actual, int) else None,
            f.limit if isinstance(f.limit, int) else None,
        )
        for f in report.findings
    )
