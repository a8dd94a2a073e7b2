"""The 2025 reorganisation of Vietnam's administrative units, from the package's own data.

``vietnamadminunits`` (MIT, the optional extra ``tinhgon[data]``) ships the pre-2025 tree (63
provinces and centrally-run cities, 696 districts, 10,035 communes, wards and townships) in
``data/dataset.db`` (table ``admin_units_legacy``), the 2025 tree (34 provinces and cities,
3,321 communes, wards and special zones; table ``admin_units``) and the official mapping from
one to the other in ``data/converter_2025.json``. The package's Python modules import its
address parser (shapely, geopy) on the way; we read the same data files it reads, with the
same queries as its ``database.get_data``, without importing them.

``vn2025_project`` writes the country as of 30/06/2025 as a project (the Government at the root,
provinces, districts and communes under it, each province and commune an agency of its own)
and the reorganisation as the plan ``vn2025``: dated changes effective 01/07/2025, in order:
province mergers (Resolution 202/2025/QH15), communes divided between several new ones
(split into parts), new communes formed from whole communes and parts (merge, or reorganise
when there is one source: a township becoming a commune, an island district without communes
becoming a special zone), and the district level abolished (Law 72/2025/QH15).
"""

from __future__ import annotations

import importlib.util
import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tinhgon.domain import TinhgonError

PLAN_ID = "vn2025"
BEFORE = "2025-06-30"
ON = "2025-07-01"

# Documents, with where each was confirmed (notes/issue-9.md).
BASELINE_DOC = "124/2004/QĐ-TTg"  # the list and codes of administrative units (the codes used)
PROVINCES_DOC = "202/2025/QH15"
COMMUNES_DOC = "76/2025/UBTVQH15"
QUANG_NGAI_COMMUNES_DOC = "1677/NQ-UBTVQH15"
LOCAL_GOVERNMENT_LAW = "72/2025/QH15"

DOCUMENTS: list[dict[str, Any]] = [
    {
        "symbol": BASELINE_DOC,
        "kind": "decision",
        "issued_on": "2004-07-08",
        "issuer": "Thủ tướng Chính phủ",
        "title": "Ban hành Bảng danh mục và mã số các đơn vị hành chính Việt Nam",
    },
    {
        "symbol": PROVINCES_DOC,
        "kind": "resolution",
        "issued_on": "2025-06-12",
        "effective_on": "2025-06-12",
        "issuer": "Quốc hội",
        "title": "Về việc sắp xếp đơn vị hành chính cấp tỉnh",
    },
    {
        "symbol": COMMUNES_DOC,
        "kind": "resolution",
        "issued_on": "2025-04-14",
        "issuer": "Ủy ban Thường vụ Quốc hội",
        "title": "Về việc sắp xếp đơn vị hành chính năm 2025",
    },
    {
        "symbol": QUANG_NGAI_COMMUNES_DOC,
        "kind": "resolution",
        "issued_on": "2025-06-16",
        "effective_on": "2025-06-16",
        "issuer": "Ủy ban Thường vụ Quốc hội",
        "title": "Về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Quảng Ngãi năm 2025",
    },
    {
        "symbol": LOCAL_GOVERNMENT_LAW,
        "kind": "law",
        "issued_on": "2025-06-16",
        "effective_on": "2025-07-01",
        "issuer": "Quốc hội",
        "title": "Luật Tổ chức chính quyền địa phương",
    },
]

# The commune resolution of each province as far as it was confirmed; the others cite the
# general resolution 76/2025/UBTVQH15 with a note that the province's own is not verified.
COMMUNE_RESOLUTIONS = {"tinhquangngai": QUANG_NGAI_COMMUNES_DOC}
UNVERIFIED_NOTE = (
    "theo nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp đơn vị hành chính cấp xã của "
    "tỉnh, thành phố năm 2025 (số hiệu chưa đối chiếu)"
)

_COMMUNE_KIND = {
    "Xã": "commune",
    "Phường": "ward",
    "Thị trấn": "township",
    "Đặc khu": "special_zone",
}


class DataUnavailable(TinhgonError):
    """The optional package with the administrative units is not installed."""


def data_folder() -> Path:
    """Where the installed package keeps its data files (the package is not imported)."""
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise DataUnavailable(
            "chưa cài gói dữ liệu đơn vị hành chính: pip install 'tinhgon[data]'",
            "the administrative units package is not installed: pip install 'tinhgon[data]'",
        )
    return Path(next(iter(spec.submodule_search_locations))) / "data"


@dataclass(frozen=True)
class Source:
    """The package's data: rows of the two trees and the mapping between them."""

    legacy: list[dict[str, Any]]
    current: list[dict[str, Any]]
    provinces: dict[str, list[str]]
    whole: dict[str, dict[str, list[str]]]
    divided: dict[str, dict[str, list[dict[str, Any]]]]


def read_source(folder: Path | None = None) -> Source:
    folder = folder or data_folder()
    with sqlite3.connect(f"file:{folder / 'dataset.db'}?mode=ro", uri=True) as conn:
        conn.row_factory = sqlite3.Row
        legacy = [
            dict(r)
            for r in conn.execute(
                "SELECT DISTINCT province, provinceCode, provinceKey, district, districtCode, "
                "districtKey, ward, wardType, wardCode, wardKey FROM admin_units_legacy"
            )
        ]
        current = [
            dict(r)
            for r in conn.execute(
                "SELECT DISTINCT province, provinceCode, provinceKey, ward, wardType, wardCode, "
                "wardKey FROM admin_units"
            )
        ]
    mapping = json.loads((folder / "converter_2025.json").read_text(encoding="utf-8"))
    return Source(
        legacy=legacy,
        current=current,
        provinces=mapping["DICT_PROVINCE"],
        whole=mapping["DICT_PROVINCE_WARD_NO_DIVIDED"],
        divided=mapping["DICT_PROVINCE_WARD_DIVIDED"],
    )


def _province_kind(name: str) -> str:
    return "city" if name.startswith("Thành phố") else "province"


def government(*, note: str, illustrative: bool = False) -> dict[str, Any]:
    """The root of a history of the whole country: the Government (Chính phủ)."""
    root: dict[str, Any] = {
        "id": "vn",
        "name": "Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam",
        "short_name": "Chính phủ",
        "kind": "government",
        "agency_type": "government",
    }
    if illustrative:
        root["illustrative"] = True
    return root | {"note": note}


def vn2025_project(source: Source | None = None) -> dict[str, Any]:
    """The project (plain data, ready to write as YAML) of the country and its 2025 plan."""
    src = source or read_source()
    units: list[dict[str, Any]] = []
    province_id: dict[str, str] = {}  # old province key -> unit id
    district_id: dict[tuple[str, str], str] = {}
    commune_id: dict[str, str] = {}  # old "province_district_ward" key -> unit id
    commune_name: dict[str, str] = {}
    commune_kind: dict[str, str] = {}
    for row in sorted(src.legacy, key=lambda r: (r["provinceCode"], r["districtCode"])):
        pkey, dkey = row["provinceKey"], row["districtKey"]
        if pkey not in province_id:
            province_id[pkey] = f"p{row['provinceCode']}"
            units.append(
                {
                    "id": province_id[pkey],
                    "name": row["province"],
                    "kind": _province_kind(row["province"]),
                    "agency_type": "province_committee",
                }
            )
        if (pkey, dkey) not in district_id:
            district_id[(pkey, dkey)] = f"d{row['districtCode']}"
            units.append(
                {
                    "id": district_id[(pkey, dkey)],
                    "name": row["district"],
                    "kind": "district",
                    "parent": province_id[pkey],
                }
            )
        key = f"{pkey}_{dkey}_{row['wardKey'] or ''}"
        if row["ward"] is None:  # an island district without communes
            commune_id[key] = district_id[(pkey, dkey)]
            commune_name[key] = row["district"]
            continue
        commune_id[key] = f"x{row['wardCode']}"
        commune_name[key] = row["ward"]
        commune_kind[key] = _COMMUNE_KIND[row["wardType"]]
        units.append(
            {
                "id": commune_id[key],
                "name": row["ward"],
                "kind": commune_kind[key],
                "parent": district_id[(pkey, dkey)],
                "agency_type": "commune_committee",
            }
        )

    changes = _plan_changes(src, province_id, district_id, commune_id, commune_name, commune_kind)
    return {
        "tinhgon": 1,
        "agency": government(
            note=(
                "Đơn vị hành chính cả nước tại ngày 30/06/2025 và phương án sắp xếp từ "
                "01/07/2025, dựng từ dữ liệu của gói vietnamadminunits."
            )
        ),
        "baseline": {"on": BEFORE, "basis": BASELINE_DOC},
        "documents": DOCUMENTS,
        "units": units,
        "plans": [
            {
                "id": PLAN_ID,
                "title": "Sắp xếp đơn vị hành chính cấp tỉnh, cấp xã năm 2025",
                "status": "approved",
                "decision": PROVINCES_DOC,
                "description": (
                    "63 tỉnh, thành phố thành 34; bỏ cấp huyện; 10.035 đơn vị hành chính cấp xã "
                    "thành 3.321 (2.621 xã, 687 phường, 13 đặc khu), từ 01/07/2025."
                ),
                "changes": changes,
            }
        ],
    }


def _plan_changes(
    src: Source,
    province_id: dict[str, str],
    district_id: dict[tuple[str, str], str],
    commune_id: dict[str, str],
    commune_name: dict[str, str],
    commune_kind: dict[str, str],
) -> list[dict[str, Any]]:
    changes: list[dict[str, Any]] = []
    # 1. Provinces: the others merge into the one whose name the new province keeps.
    for new_key, olds in sorted(src.provinces.items(), key=lambda kv: province_id[kv[0]]):
        others = [province_id[k] for k in olds if k != new_key]
        if others:
            changes.append(
                {
                    "kind": "merge",
                    "on": ON,
                    "basis": PROVINCES_DOC,
                    "units": others,
                    "into": province_id[new_key],
                }
            )
    current = {(r["provinceKey"], r["wardKey"]): r for r in src.current}

    def basis(new_province: str) -> dict[str, Any]:
        symbol = COMMUNE_RESOLUTIONS.get(new_province)
        if symbol:
            return {"basis": symbol}
        return {"basis": COMMUNES_DOC, "note": UNVERIFIED_NOTE}

    # 2. Communes divided between several new ones: split into parts, one a new commune.
    parts: dict[tuple[str, str], list[str]] = defaultdict(list)  # new commune -> its sources
    targets: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for new_province, divided in src.divided.items():
        for old_key, pieces in divided.items():
            targets[old_key].extend((new_province, n["newWardKey"]) for n in pieces)
    for old_key, news in sorted(targets.items(), key=lambda kv: commune_id[kv[0]]):
        source = commune_id[old_key]
        if len(news) == 1:
            parts[news[0]].append(source)
            continue
        into = []
        for i, new in enumerate(news, start=1):
            part = f"{source}-{i}"
            into.append(
                {
                    "id": part,
                    "name": f"{commune_name[old_key]} (phần {i})",
                    "kind": commune_kind[old_key],
                }
            )
            parts[new].append(part)
        changes.append(
            {"kind": "split", "on": ON, **basis(news[0][0]), "unit": source, "into": into}
        )
    # 3. The new communes, wards and special zones, each under its new province.
    for (new_province, ward_key), row in sorted(current.items(), key=lambda kv: kv[1]["wardCode"]):
        whole = [commune_id[k] for k in src.whole.get(new_province, {}).get(ward_key, [])]
        sources = whole + parts.get((new_province, ward_key), [])
        new_unit = {
            "id": f"n{row['wardCode']}",
            "name": row["ward"],
            "kind": _COMMUNE_KIND[row["wardType"]],
            "parent": province_id[new_province],
            "agency_type": "commune_committee",
        }
        if len(sources) == 1:
            changes.append(
                {
                    "kind": "reorganise",
                    "on": ON,
                    **basis(new_province),
                    "unit": sources[0],
                    "new_unit": new_unit,
                }
            )
        else:
            changes.append(
                {
                    "kind": "merge",
                    "on": ON,
                    **basis(new_province),
                    "units": sources,
                    "into": new_unit["id"],
                    "new_unit": new_unit,
                }
            )
    # 4. The district level ends (its communes are all re-attached to their provinces).
    gone = set(commune_id.values())
    for district in sorted(set(district_id.values()) - gone):
        changes.append(
            {"kind": "dissolve", "on": ON, "basis": LOCAL_GOVERNMENT_LAW, "unit": district}
        )
    return changes
