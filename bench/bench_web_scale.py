"""Benchmark (issue 14): the web application's reads of a province-sized agency, in process.

Prints JSON. A 50,000-person agency (bench/bigfile.py) is imported into a fresh database
(the embedded SQLite, or DATABASE_URL), then, each measured in the same run:

* read_whole: the agency read from every row (what the first page after any write did
  before: ``repository.build_project``);
* after_write: the first read after recording one decision, with the write applied to the
  project already in memory (``repository.project_of``), and the write itself;
* history_all / history_page: the history page's changes told in words, all of them (before)
  and one page of 50 (now);
* cache: the estimated weight of the agency's project in the memory-bounded cache.

    python bench/bench_web_scale.py [--people 50000]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bigfile import project_text  # noqa: E402

CPU: dict[str, float] = {}


def timed(call: Any, name: str = "") -> tuple[float, Any]:
    """Wall seconds (and, under ``name``, CPU seconds: the machine may be shared)."""
    start, cpu = time.perf_counter(), time.process_time()
    value = call()
    if name:
        CPU[name] = round(time.process_time() - cpu, 3)
    return round(time.perf_counter() - start, 3), value


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=50_000)
    options = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="tinhgon-bench-")
    os.environ["TINHGON_DATA_DIR"] = folder
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tinhgon.web.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from tinhgon.web import models, repository, selectors, services

    call_command("migrate", verbosity=0)
    text = project_text(options.people)
    seconds_import, _ = timed(
        lambda: services.agency_import(text=text, filename="province.yaml", user=None)
    )
    agency = models.Agency.objects.get(code="so")
    result: dict[str, Any] = {
        "benchmark": "web_scale",
        "database": "postgresql" if os.environ.get("DATABASE_URL") else "sqlite",
        "people": options.people,
        "rows": agency.people.count() + agency.changes.count(),
        "import_seconds": seconds_import,
    }
    result["read_whole_seconds"], _ = timed(lambda: repository.build_project(agency), "read_whole")
    repository.forget(agency.pk)
    result["first_read_seconds"], project = timed(
        lambda: repository.project_of(agency), "first_read"
    )
    someone = next(
        pid
        for pid, a in project.state_on(project.timeline.last_date).assignments.items()
        if a.role.value == "staff" and a.unit_id.startswith("d")
    )
    target = (
        "d1"
        if project.state_on(project.timeline.last_date).assignments[someone].unit_id != "d1"
        else "d2"
    )
    plain = {
        "kind": "transfer",
        "on": "2024-06-01",
        "basis": "02/QĐ-SNV",
        "person": someone,
        "unit": target,
    }
    result["write_seconds"], _ = timed(
        lambda: services.change_record(agency=agency, plain=plain, user=None), "write"
    )
    result["after_write_seconds"], fresh = timed(
        lambda: repository.project_of(agency), "after_write"
    )
    assert len(fresh.timeline) == len(project.timeline) + 1
    result["history_all_seconds"], everything = timed(
        lambda: selectors.timeline_entries(project=fresh), "history_all"
    )
    result["history_page_seconds"], page = timed(
        lambda: selectors.timeline_page(project=fresh, page=1), "history_page"
    )
    result["history_last_page_seconds"], _ = timed(
        lambda: selectors.timeline_page(project=fresh, page=page["pages"]), "history_last_page"
    )
    result["history_changes"] = len(everything)
    result["cache_weight_mib"] = round(repository._cache[agency.pk].weight() / 2**20, 1)
    result["cache_budget_mib"] = round(repository._budget_bytes() / 2**20, 1)
    result["cpu_seconds"] = CPU
    result["aims"] = {"after_write_seconds": 0.3, "page_p95_seconds": 0.2}
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
