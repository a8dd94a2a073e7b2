"""The national bench's DuckDB query of the province-wide rules (bench/national_full.py) against
``check_province``, on provinces made to exercise every part of it: sở within and above the
average (SO-3), a city with its extra deputy directors, communes whose departments and centre
are counted and one below them that is not (CM-1), communes kept as local government units with
their departments right under them (the national dataset's), a province without communes and
one without sở."""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.law.builders import Structure, agency_of
from tinhgon.domain import BUILTIN_KINDS, Agency, Role, StateBuilder, Unit
from tinhgon.law import Member, check_province, load_parameters
from tinhgon.law.columnar import ColumnarState
from tinhgon.law.rules import _forest

duckdb = pytest.importorskip("duckdb")
pytest.importorskip("pandas")
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

ON = dt.date(2026, 6, 1)
SO = "provincial_department"
CM = "commune_committee"


class _Agency(Structure):
    """People numbered within the agency (``<agency>-p00001``): the agencies of a province
    side by side in one forest, as the bench puts them, share no person. The root of the kind
    given (a commune as a local government unit, as the national dataset keeps it)."""

    def __init__(self, agency: Agency, root_id: str, root_kind: str) -> None:
        self.agency = agency
        self.b = StateBuilder()
        kind = BUILTIN_KINDS[root_kind]
        self.b.add_unit(Unit(id=root_id, name=agency.name, kind=kind, parent_id=None))
        self.count = 0

    def person(self, unit: str, role: Role = Role.STAFF, **given: Any) -> str:
        given.setdefault("pid", f"{unit.split('-u')[0]}-p{self.count + 1:05d}")
        return super().person(unit, role, **given)


def _member(
    agency_id: str,
    agency_type: str,
    deputies: int,
    units: list[int],
    below: int = 0,
    root: str = "agency",
) -> Member:
    """An agency with ``deputies`` at its root and one department (the first an office, the
    last of a commune its service centre) for each number of deputies in ``units``; with
    ``below``, a department under the first one with that many deputies (not the committee's:
    CM-1 does not count it)."""
    agency = Agency(id=agency_id, name=agency_id, agency_type=agency_type, province_class="II")
    s = _Agency(agency_of({"agency_type": agency_type}), agency_id, root)
    s.person(agency_id, Role.HEAD)
    for _ in range(deputies):
        s.person(agency_id, Role.DEPUTY)
    for i, n in enumerate(units):
        kind = "office" if i == 0 else "department"
        if agency_type == CM and i == len(units) - 1 and i:
            kind = "public_administrative_service_centre"
        uid = f"{agency_id}-u{i}"
        s.unit({"id": uid, "kind": kind, "parent": agency_id, "staff": n + 3, "deputies": n})
    if below:
        parent = f"{agency_id}-u0"
        s.unit({"id": f"{agency_id}-u9", "parent": parent, "staff": below + 2, "deputies": below})
    return Member(agency, s.state(ON))


PROVINCES: list[tuple[str, list[Member]]] = [
    (  # within on both: 9 of 9 deputy directors, 6 of 6 deputy heads
        "II",
        [
            *(_member(f"a-so{i}", SO, d, [1, 2]) for i, d in enumerate((4, 3, 2))),
            _member("a-xa1", CM, 2, [3, 2]),
            _member("a-xa2", CM, 2, [1]),
        ],
    ),
    (  # above on both: 10 of 9, 9 of 8 (a department under a department not counted)
        "II",
        [
            *(_member(f"b-so{i}", SO, d, [2]) for i, d in enumerate((4, 4, 2))),
            _member("b-xa1", CM, 2, [3, 2], below=4),
            _member("b-xa2", CM, 3, [1]),
            _member("b-xa3", CM, 2, [3]),
        ],
    ),
    (  # a city: 20 deputy directors in 4 sở, within with the city's extra
        "special",
        [*(_member(f"c-so{i}", SO, 5, [1]) for i in range(4)), _member("c-xa1", CM, 2, [2, 2, 2])],
    ),
    ("I", [*(_member(f"d-so{i}", SO, 5, []) for i in range(4))]),  # no commune
    ("I", [_member("e-xa1", CM, 2, [2, 3, 2])]),  # no sở: 7 of 6
    (  # communes as local government units (a ward, a commune): 14 of 10
        "I",
        [
            _member("f-xa1", CM, 2, [3, 2], below=4, root="ward"),
            _member("f-xa2", CM, 2, [3, 3, 3], root="commune"),
        ],
    ),
]


def _ours() -> Counter[Any]:
    parameters = load_parameters()
    found: Counter[Any] = Counter()
    for k, (cls, members) in enumerate(PROVINCES):
        report = check_province(
            members, on=ON, province=f"P{k}", province_class=cls, parameters=parameters
        )
        for f in report.findings:
            found[(f.rule, -1 - k, None, f.severity.value, f.actual, f.limit)] += 1
    return found


def _duckdb() -> Counter[Any]:
    from duckdb_findings import frames_of, legal_tables, load_duckdb
    from national_full import KINDS, PROVINCE_SQL, province_limits, province_tables

    every = [(k, cls) for k, (cls, _) in enumerate(PROVINCES)]
    con = duckdb.connect()
    province_tables(con, every, province_limits(load_parameters(), {c for _, c in every}, ON))
    for kind, schema in KINDS.items():
        frames, states, provinces = [], [], []
        units = people = 0
        for k, (cls, members) in enumerate(PROVINCES):
            parts = [m.state for m in members if m.agency.agency_type == kind]
            if not parts:
                continue
            cs = ColumnarState.from_state(_forest(parts))
            frames.append(frames_of(cs, (), k, units, people))
            states.append(cs)
            provinces.append((k, cls))
            units += len(cs.units)
            people += cs.size
        law = legal_tables(states, ON, {c for _, c in provinces}, kind)
        load_duckdb(frames, law, provinces=provinces, con=con, schema=schema)
    con.execute("SET schema = 'main'")
    return Counter(tuple(row) for row in con.execute(PROVINCE_SQL).fetchall())


def test_the_province_wide_query_gives_check_provinces_findings() -> None:
    ours = _ours()

    assert _duckdb() == ours
    assert sorted((k[0], k[1], k[3], k[4], k[5]) for k in ours) == [
        ("CM-1", -6, "violation", 14, 10),
        ("CM-1", -5, "violation", 7, 6),
        ("CM-1", -3, "info", 6, 6),
        ("CM-1", -2, "violation", 9, 8),
        ("CM-1", -1, "info", 6, 6),
        ("SO-3", -4, "violation", 20, 12),
        ("SO-3", -3, "info", 20, 22),
        ("SO-3", -2, "violation", 10, 9),
        ("SO-3", -1, "info", 9, 9),
    ]
