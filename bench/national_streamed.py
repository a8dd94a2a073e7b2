"""The whole national dataset checked the way the product reads it, province by province
(``bench_national_check.py --streamed N``)."""

from __future__ import annotations

from collections import Counter
from functools import partial
from typing import Any

from national_timing import rss_mib, timed

from tinhgon.law import load_parameters


def streamed(people: int, seed: int) -> dict[str, Any]:
    """The whole national dataset (``tinhgon example national --people N --seed S``) checked
    the way the product reads it, province by province so that one province is in memory at a
    time: each province's plain project (generated in memory, the content of its ``<code>.yaml``)
    read by the ordinary reader (``ProjectReader``: schema, references, the history replayed as
    it is read), its state on ``CHECK_ON`` (``Project.state_on``) and ``check_project`` as users
    get it (the columnar path for each part above the threshold). Times are summed over the
    provinces; the generation is timed apart."""
    import gc

    from tinhgon.io.national import CHECK_ON, national_provinces
    from tinhgon.io.project_reader import ProjectReader
    from tinhgon.io.yamlsrc import Locator
    from tinhgon.law import check_project

    parameters = load_parameters()
    totals = {k: [0.0, 0.0] for k in ("generate", "read_project", "state_on", "check")}
    summary: Counter[str] = Counter()
    by_rule: Counter[str] = Counter()
    in_post = units = provinces = 0
    largest = (0.0, "")
    provinces_iter = iter(national_provinces(people, seed))
    while True:
        wall, cpu, province = timed(lambda: next(provinces_iter, None))
        if province is None:
            break
        totals["generate"][0] += wall
        totals["generate"][1] += cpu
        reader = ProjectReader(f"{province.code}.yaml", Locator())
        read = timed(partial(reader.read, province.project))
        project = read[2]
        on_date = timed(partial(project.state_on, CHECK_ON))
        state = on_date[2]
        checked = timed(
            partial(check_project, project, on=CHECK_ON, state=state, parameters=parameters)
        )
        report = checked[2]
        spent = 0.0
        for name, timing in (("read_project", read), ("state_on", on_date), ("check", checked)):
            totals[name][0] += timing[0]
            totals[name][1] += timing[1]
            spent += timing[1]
        in_post += len(state.assignments)
        units += len(state.units)
        provinces += 1
        summary.update(report.summary())
        by_rule.update(f.rule for f in report.findings)
        largest = max(largest, (spent, f"{province.code} {province.name} ({province.people})"))
        del province, project, state, report, read, on_date, checked
        gc.collect()
    return {
        "people": people,
        "seed": seed,
        "provinces": provinces,
        "people_in_post": in_post,
        "units": units,
        "on": CHECK_ON.isoformat(),
        "findings": dict(summary),
        "findings_by_rule": dict(by_rule),
        **{k: {"wall": round(w, 3), "cpu": round(c, 3)} for k, (w, c) in totals.items()},
        "state_built": {
            "wall": round(totals["read_project"][0] + totals["state_on"][0], 3),
            "cpu": round(totals["read_project"][1] + totals["state_on"][1], 3),
            "target": 10.0,
        },
        "slowest_province_cpu": {"seconds": round(largest[0], 3), "province": largest[1]},
        "peak_mib": round(rss_mib()),
    }
