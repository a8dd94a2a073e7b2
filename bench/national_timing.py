"""Timing and memory for the national check benches: wall and CPU (user + system) time, the
least of a few runs, the process's peak resident size."""

from __future__ import annotations

import resource
import time
from typing import Any


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(work: Any) -> tuple[float, float, Any]:
    start, cpu = time.perf_counter(), time.process_time()
    result = work()
    return time.perf_counter() - start, time.process_time() - cpu, result


def best(work: Any, times: int = 3) -> tuple[float, float, Any]:
    """The least wall time and the least CPU time of a few runs (the machine is shared), and
    the last result (the one before is let go first: one report in memory at a time)."""
    wall, cpu, result = float("inf"), float("inf"), None
    for _ in range(times):
        result = None
        w, c, result = timed(work)
        wall, cpu = min(wall, w), min(cpu, c)
    return wall, cpu, result


def against_duckdb(
    duck: dict[int, tuple[float, float]], check_wall: float, check_cpu: float
) -> dict[str, Any]:
    """DuckDB's query time on each number of threads, and the check's time over it (aim 3×)."""
    return {
        f"duckdb_query_{t}_thread{'s' if t > 1 else ''}": {
            "wall": round(w, 3),
            "cpu": round(c, 3),
            "check_over_duckdb": {
                "wall": round(check_wall / w, 2),
                "cpu": round(check_cpu / max(c, 1e-9), 2),
                "target": 3.0,
            },
        }
        for t, (w, c) in duck.items()
    }


class Steps(dict[str, list[float]]):
    """The wall and CPU seconds of each step of a bench, summed over its provinces."""

    @classmethod
    def of(cls, names: tuple[str, ...]) -> Steps:
        return cls({name: [0.0, 0.0] for name in names})

    def add(self, step: str, timing: tuple[float, float, Any]) -> Any:
        """``timing`` (from ``timed``) added to ``step``; its result returned."""
        self[step][0] += timing[0]
        self[step][1] += timing[1]
        return timing[2]


def read_province(province: Any, steps: Steps) -> tuple[Any, Any, dict[str, Any]]:
    """A generated province read as the product reads its file (step "read_project"), its
    state on the date checked (step "state_on"), and that state split by agency."""
    from tinhgon.domain.agencies import split_by_agency
    from tinhgon.io.national import CHECK_ON
    from tinhgon.io.project_reader import ProjectReader
    from tinhgon.io.yamlsrc import Locator

    reader = ProjectReader(f"{province.code}.yaml", Locator())
    project = steps.add("read_project", timed(lambda: reader.read(province.project)))
    state = steps.add("state_on", timed(lambda: project.state_on(CHECK_ON)))
    return project, state, split_by_agency(state)


def kind_agency(agency: Any, state: Any, ids: list[str], kind: str) -> Any:
    """The agency a province's agencies of one kind are checked as, named as ``check`` names
    them (a kind's only agency by its own unit)."""
    import dataclasses

    agency = dataclasses.replace(agency, agency_type=kind)
    if len(ids) == 1:
        unit = state.units[ids[0]]
        agency = dataclasses.replace(agency, id=unit.id, name=unit.name)
    return agency


def check_kind(agency: Any, forest: list[Any], steps: Steps, parameters: Any) -> tuple[Any, Any]:
    """The columnar state of one kind's forest (``forest``: a one-item list, emptied so that
    the domain state is let go of once its columns are made; step "columns") and its check
    (the least of three runs; step "check"), each run starting from the retirement dates the
    provinces before this one left (as in one pass over the country), not those this
    province's own first run leaves for its next ones."""
    from tinhgon.io.national import CHECK_ON
    from tinhgon.law.columnar import ColumnarState, check_columnar, people_rules

    dates: dict[Any, Any] = getattr(people_rules, "_DATES", {})
    cs = steps.add("columns", timed(lambda: ColumnarState.from_state(forest.pop())))
    before = {key: (ref, dict(known)) for key, (ref, known) in dates.items()}

    def checked() -> Any:
        cs.cache.clear()
        dates.clear()
        dates.update({key: (r, dict(t)) for key, (r, t) in before.items()})
        return check_columnar(cs, on=CHECK_ON, agency=agency, parameters=parameters)

    wall, cpu, report = best(checked)
    steps["check"][0] += wall
    steps["check"][1] += cpu
    return report, cs
