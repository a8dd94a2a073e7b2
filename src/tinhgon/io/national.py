"""The national dataset: ``tinhgon example national --people N --seed S --output DIR|FILE``.

A deterministic, illustrative dataset on the real 2025 tree of provinces and communes (34
provinces and cities, 3,321 communes, wards and special zones, read by ``io/vn2025.py`` from
the package ``vietnamadminunits``, extra ``tinhgon[data]``). What one province holds is
described in ``io/national_province.py`` and ``io/national_people.py``.

The API (stable; the columnar benchmark builds on it):

- ``national_provinces(people, seed)`` yields one ``NationalProvince`` per province, in the
  order of their codes: ``code`` ("01"), ``name``, ``people`` (its share of N) and ``project``,
  the province's **plain project data** exactly as the ordinary reader takes it
  (``tinhgon.io.project_file.parse_project`` of ``dump_plain(project)``, or
  ``project_from_plain``): the People's Committee at the root (``t<code>``), every unit, person,
  quota, document and dated change. Provinces are built one at a time (streaming: the memory
  held is one province's). ``only`` limits the provinces built (codes), not the shares.
- ``CHECK_ON`` (31/12/2025): a date at the end of the history, every agency present.
- ``national_project(people, seed)``: the whole country as one project (the Government at the
  root, each province a unit with ``agency_type: province_committee``): the FILE form.
- ``write_national(people, seed, output)``: a FILE (``*.yaml``/``*.yml``: one project file) or
  a DIR (one ``<code>.yaml`` per province plus ``national.json``: N, seed, provinces, counts).

Same N and seed → byte-identical output. N people are spread over the provinces by a
population-like weight: the number of wards ×3, communes ×1 and special zones ×0.5 of each
province, varied ±10 % by the seed.
"""

from __future__ import annotations

import heapq
import json
import random
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tinhgon.io.national_people import END
from tinhgon.io.national_province import (
    DECREE_45,
    ProvinceBuilder,
    ProvinceInput,
    allocate,
)
from tinhgon.io.national_tree import UNIT_KINDS
from tinhgon.io.national_yaml import dump_fast
from tinhgon.io.vn2025 import Source, government, read_source

Progress = Callable[[str, int, int], None]

CHECK_ON = END
MANIFEST = "national.json"
GENERATING = "Sinh dữ liệu / generating people"
_KINDS = {"Xã": "commune", "Phường": "ward", "Đặc khu": "special_zone"}
_WEIGHT = {"commune": 1.0, "ward": 3.0, "special_zone": 0.5}
NATIONAL_REPORT = "01/BC-BNV"


@dataclass(frozen=True)
class NationalProvince:
    """One province of the national dataset: its code, name, people and project (plain)."""

    code: str
    name: str
    people: int
    project: dict[str, Any]


def province_inputs(people: int, seed: int, source: Source | None = None) -> list[ProvinceInput]:
    """Every province of the 2025 tree with its communes and its share of ``people``."""
    if people < 0:
        raise ValueError("people must be positive")
    src = source or read_source()
    names: dict[str, str] = {}
    communes: dict[str, list[tuple[str, str, str]]] = {}
    for row in src.current:
        code = str(row["provinceCode"])
        names[code] = str(row["province"])
        communes.setdefault(code, []).append(
            (str(row["wardCode"]), str(row["ward"]), _KINDS[row["wardType"]])
        )
    codes = sorted(names)
    rng = random.Random(f"tinhgon-national:{seed}:weights")
    weights = [
        sum(_WEIGHT[kind] for _, _, kind in communes[c]) * rng.uniform(0.9, 1.1) for c in codes
    ]
    shares = allocate(people, weights)
    return [
        ProvinceInput(
            code=c,
            name=names[c],
            communes=tuple(sorted(set(communes[c]))),
            people=share,
            seed=seed,
        )
        for c, share in zip(codes, shares, strict=True)
    ]


def national_provinces(
    people: int,
    seed: int,
    *,
    source: Source | None = None,
    only: Collection[str] | None = None,
    progress: Progress | None = None,
) -> Iterator[NationalProvince]:
    """One ``NationalProvince`` per province (code order), built one at a time."""
    inputs = province_inputs(people, seed, source)
    chosen = [p for p in inputs if only is None or p.code in only]
    total = sum(p.people for p in chosen)
    done = 0
    if progress:
        progress(GENERATING, 0, total)
    for data in chosen:
        project = ProvinceBuilder(data).build()
        done += data.people
        yield NationalProvince(data.code, data.name, data.people, project)
        if progress:
            progress(GENERATING, done, total)


def national_project(
    people: int,
    seed: int,
    *,
    source: Source | None = None,
    only: Collection[str] | None = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """The whole country as one project: the Government at the root, the provinces under it."""
    units: list[dict[str, Any]] = []
    persons: list[dict[str, Any]] = []
    quotas: list[dict[str, Any]] = []
    changes: list[list[dict[str, Any]]] = []
    documents: dict[str, dict[str, Any]] = {
        NATIONAL_REPORT: {
            "symbol": NATIONAL_REPORT,
            "kind": "report",
            "issued_on": "2023-12-28",
            "issuer": "Bộ Nội vụ",
            "title": "Tổng hợp tổ chức bộ máy, biên chế các tỉnh, thành phố (minh họa)",
            "illustrative": True,
        }
    }
    for province in national_provinces(people, seed, source=source, only=only, progress=progress):
        project = province.project
        agency = project["agency"]
        units.append(
            {
                "id": agency["id"],
                "name": agency["name"],
                "kind": agency["kind"],
                "agency_type": agency["agency_type"],
            }
        )
        units.extend(project["units"])
        persons.extend(project["people"])
        quotas.extend(project["quotas"])
        changes.append(project["changes"])
        for document in project["documents"]:
            documents.setdefault(document["symbol"], document)
    decree = documents.pop(DECREE_45, None)
    ordered = [documents.pop(NATIONAL_REPORT)] + ([decree] if decree else [])
    return {
        "tinhgon": 1,
        "agency": government(
            note=(
                "Dữ liệu minh họa cả nước do 'tinhgon example national' sinh ra trên cây đơn vị "
                "hành chính năm 2025."
            ),
            illustrative=True,
        ),
        "baseline": {"on": "2024-01-01", "basis": NATIONAL_REPORT},
        "unit_kinds": UNIT_KINDS,
        "documents": ordered + sorted(documents.values(), key=_document_order),
        "units": units,
        "people": persons,
        "quotas": quotas,
        "changes": list(heapq.merge(*changes, key=lambda c: str(c["on"]))),
    }


def _document_order(document: dict[str, Any]) -> tuple[int, str]:
    number = str(document["symbol"]).split("/", 1)[0]
    return (int(number) if number.isdigit() else 0, str(document["symbol"]))


def is_file_output(output: Path) -> bool:
    """FILE form for a name ending in .yaml or .yml; DIR form otherwise."""
    return output.suffix.lower() in (".yaml", ".yml")


def write_national(
    people: int,
    seed: int,
    output: Path,
    *,
    source: Source | None = None,
    only: Collection[str] | None = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Write the dataset to ``output`` (FILE or DIR, see ``is_file_output``); the summary
    (the manifest's content) is returned."""
    if is_file_output(output):
        data = national_project(people, seed, source=source, only=only, progress=progress)
        _write(output, data)
        return {
            "people": people,
            "seed": seed,
            "check_on": CHECK_ON.isoformat(),
            "provinces": [],
            "counts": _counts(data, provinces=sum(1 for u in data["units"] if "parent" not in u)),
        }
    output.mkdir(parents=True, exist_ok=True)
    provinces: list[dict[str, Any]] = []
    for province in national_provinces(people, seed, source=source, only=only, progress=progress):
        name = f"{province.code}.yaml"
        _write(output / name, province.project)
        provinces.append(
            {
                "code": province.code,
                "name": province.name,
                "file": name,
                "agency": province.project["agency"]["id"],
                **_counts(province.project),
            }
        )
    totals = {
        key: sum(p[key] for p in provinces) for key in ("units", "people", "quotas", "changes")
    }
    manifest = {
        "format": "tinhgon-national",
        "version": 1,
        "people": people,
        "seed": seed,
        "check_on": CHECK_ON.isoformat(),
        "provinces": provinces,
        "counts": {"provinces": len(provinces), **totals},
    }
    (output / MANIFEST).write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return manifest


def _write(path: Path, data: dict[str, Any]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as stream:
        dump_fast(data, stream.write)


def _counts(project: dict[str, Any], **extra: int) -> dict[str, int]:
    return {
        **extra,
        "units": len(project["units"]),
        "people": len(project["people"]),
        "quotas": len(project["quotas"]),
        "changes": len(project["changes"]),
    }


def read_manifest(folder: Path) -> dict[str, Any]:
    """The manifest of a DIR written by ``write_national``."""
    data: dict[str, Any] = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    return data
