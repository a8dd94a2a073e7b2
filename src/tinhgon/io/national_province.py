"""One province of the national dataset: its agencies, units and people, as plain project data.

The shape (illustrative: names of people, numbers of decisions and staff counts are made up;
the tree of provinces and communes is the real 2025 one):

- the province's People's Committee at the root (``t<code>``, ``province_committee``);
- its specialised agencies (sở, ``provincial_department``) as they were before the first-round
  mergers of 01/03/2025 (RULES.md section 8: Kế hoạch và Đầu tư into Tài chính; Lao động -
  Thương binh và Xã hội into Nội vụ; Tài nguyên và Môi trường with Nông nghiệp và Phát triển
  nông thôn into Nông nghiệp và Môi trường; Giao thông vận tải into Xây dựng; Thông tin và
  Truyền thông into Khoa học và Công nghệ), each with an office, departments, sometimes a
  chi cục, and its public service units (schools under Education, hospitals and health centres
  under Health…); the provincial office and the provincial inspectorate;
- sometimes an industrial-zone board (``economic_zone_board``), and two public service units
  of the province (``public_service_unit``);
- every commune, ward and special zone of the province in the 2025 tree
  (``commune_committee``), each with its office, two departments and its public
  administrative service centre. The 2025 tree is used for the whole history (from
  01/01/2024): a simplification of an illustrative dataset, said in the root's note.

The people are spread over the units by weight; each unit with people has a head, then
deputies (now and then one more than the law allows, so that the legal check finds
something); the history has hires, transfers, appointments, retirements (a head's successor
appointed two weeks later), the mergers of 01/03/2025 and quotas for 2024–2026.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from tinhgon.io.national_people import BASELINE, MERGER_ON, MERGERS, PersonMaker
from tinhgon.io.national_tree import (
    DEPARTMENTS,
    NEW_SO,
    OTHER_PSU,
    SO_BEFORE,
    SUB_DEPARTMENTS,
    UNIT_KINDS,
)

TYPICAL = 60_000  # a province's people when the country has 2,000,000
DECREE_45 = "45/2025/NĐ-CP"


@dataclass
class Slot:
    """A unit of the province and how much of its staff it gets."""

    id: str
    weight: float
    agency: str  # the id of the agency it belongs to
    sort: str  # "root" (an agency itself), "dept", "sub", "psu", "commune", "commune_dept"
    area: str = ""  # what kind of staff: "school", "health", "" (administration)
    peers: list[str] = field(default_factory=list)  # units a transfer may go to


@dataclass(frozen=True)
class ProvinceInput:
    """What one province is built from (the 2025 tree and its share of the people)."""

    code: str  # the province's code in the 2025 tree, e.g. "01"
    name: str  # e.g. "Thành phố Hà Nội"
    communes: tuple[tuple[str, str, str], ...]  # (code, name, kind) in code order
    people: int
    seed: int


def short_name(name: str) -> str:
    for prefix in ("Thành phố ", "Tỉnh "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


class ProvinceBuilder:
    """Builds the plain project data of one province; ``build()`` once."""

    def __init__(self, data: ProvinceInput) -> None:
        self.d = data
        self.rng = random.Random(f"tinhgon-national:{data.seed}:{data.code}")
        self.p = f"t{data.code}"
        self.city = data.name.startswith("Thành phố")
        self.place = short_name(data.name)
        self.units: list[dict[str, Any]] = []
        self.slots: list[Slot] = []
        self.number = int(data.code) * 100  # document numbers: unique across the country

    # --- documents -------------------------------------------------------------------------
    def symbol(self, k: int) -> str:
        return f"{self.number + k}/QĐ-UBND"

    def documents(self) -> list[dict[str, Any]]:
        issuer = f"Ủy ban nhân dân {self.d.name[0].lower()}{self.d.name[1:]}"
        docs: list[dict[str, Any]] = [
            {
                "symbol": DECREE_45,
                "kind": "decree",
                "issued_on": "2025-02-28",
                "issuer": "Chính phủ",
                "title": (
                    "Quy định tổ chức các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, thành "
                    "phố trực thuộc Trung ương và Ủy ban nhân dân huyện, quận, thị xã, thành phố "
                    "thuộc tỉnh, thành phố thuộc thành phố trực thuộc Trung ương"
                ),
            },
            self._doc(1, "2023-12-25", issuer, "Quy định cơ cấu tổ chức và nhân sự (minh họa)"),
        ]
        for k, year in ((2, 2024), (3, 2025), (4, 2026)):
            issued = "2023-12-20" if year == 2024 else f"{year - 1}-12-20"
            docs.append(self._doc(k, issued, issuer, f"Giao biên chế năm {year} (minh họa)"))
        docs.append(
            self._doc(
                5, "2025-02-28", issuer, "Sắp xếp các cơ quan chuyên môn thuộc Ủy ban nhân dân"
            )
        )
        for m in range(24):
            first = dt.date(2024 + m // 12, m % 12 + 1, 1)
            title = f"Về công tác cán bộ tháng {first:%m/%Y} (minh họa)"
            docs.append(self._doc(10 + m, first.isoformat(), issuer, title))
        return docs

    def _doc(self, k: int, issued: str, issuer: str, title: str) -> dict[str, Any]:
        return {
            "symbol": self.symbol(k),
            "kind": "decision",
            "issued_on": issued,
            "issuer": issuer,
            "title": title,
            "illustrative": True,
        }

    def month_doc(self, on: dt.date) -> str:
        return self.symbol(10 + (on.year - 2024) * 12 + on.month - 1)

    # --- units -----------------------------------------------------------------------------
    def unit(self, uid: str, name: str, kind: str, parent: str | None, **extra: Any) -> None:
        entry: dict[str, Any] = {"id": uid, "name": name, "kind": kind}
        if parent is not None:
            entry["parent"] = parent
        entry.update(extra)
        self.units.append(entry)

    def build_units(self) -> None:
        rng, p, people = self.rng, self.p, self.d.people
        k = people / TYPICAL  # the administration's weights scale with the province
        sos = list(SO_BEFORE)
        if rng.random() < 0.4:
            sos.insert(9, ("sngv", "Sở Ngoại vụ"))
        for suffix, name in sos:
            sid = f"{p}-{suffix}"
            self.unit(sid, name, "provincial_department", p, agency_type="provincial_department")
            self.slots.append(Slot(sid, 4.0 * k, sid, "root"))
            depts = [f"{sid}-vp"]
            self.unit(f"{sid}-vp", "Văn phòng", "office", sid)
            for i, dname in enumerate(DEPARTMENTS.get(suffix, ["Tổng hợp", "Nghiệp vụ"]), 1):
                self.unit(f"{sid}-p{i}", f"Phòng {dname}", "department", sid)
                depts.append(f"{sid}-p{i}")
            for d in depts:
                self.slots.append(Slot(d, rng.uniform(7, 16) * k, sid, "dept", peers=depts))
            for i, cname in enumerate(SUB_DEPARTMENTS.get(suffix, []), 1):
                self.unit(f"{sid}-cc{i}", cname, "sub_department", sid)
                self.slots.append(Slot(f"{sid}-cc{i}", rng.uniform(10, 30) * k, sid, "sub"))
            self.psus(suffix, sid)
        for suffix, name, kind in (
            ("vp", "Văn phòng Ủy ban nhân dân", "provincial_office"),
            ("tt", "Thanh tra tỉnh", "provincial_inspectorate"),
        ):
            aid = f"{p}-{suffix}"
            self.unit(aid, name, kind, p, agency_type="provincial_department")
            self.slots.append(Slot(aid, 4.0 * k, aid, "root"))
            depts = [f"{aid}-p{i}" for i in (1, 2, 3)]
            for i, d in enumerate(depts, 1):
                self.unit(d, f"Phòng Nghiệp vụ {i}", "department", aid)
                self.slots.append(Slot(d, rng.uniform(7, 14) * k, aid, "dept", peers=depts))
        if rng.random() < 0.7:
            bid = f"{p}-bql"
            name = f"Ban Quản lý các khu công nghiệp {self.place}"
            self.unit(bid, name, "board", p, agency_type="economic_zone_board")
            self.slots.append(Slot(bid, 3.0 * k, bid, "root", "board"))
            depts = [f"{bid}-vp", f"{bid}-p1", f"{bid}-p2"]
            self.unit(depts[0], "Văn phòng", "office", bid)
            self.unit(depts[1], "Phòng Quản lý đầu tư", "department", bid)
            self.unit(depts[2], "Phòng Quản lý doanh nghiệp", "department", bid)
            for d in depts:
                self.slots.append(Slot(d, rng.uniform(6, 12) * k, bid, "dept", peers=depts))
        for suffix, name, weight in (
            ("dptth", f"Đài Phát thanh và Truyền hình {self.place}", 0.008),
            ("tcd", f"Trường Cao đẳng {self.place}", 0.012),
        ):
            aid = f"{p}-{suffix}"
            self.unit(aid, name, "public_service_unit", p, agency_type="public_service_unit")
            self.units[-1]["autonomy_group"] = "2"
            self.slots.append(Slot(aid, people * weight, aid, "psu"))
        self.communes()

    def psus(self, suffix: str, sid: str) -> None:
        people, rng = self.d.people, self.rng
        if suffix == "sgddt":
            schools = max(1, round(people * 0.5 / 60))
            ids = [f"{sid}-th{i}" for i in range(1, schools + 1)]
            for i, uid in enumerate(ids, 1):
                self.unit(uid, f"Trường Trung học phổ thông số {i}", "public_service_unit", sid)
                self.units[-1]["autonomy_group"] = "4"
                self.slots.append(Slot(uid, rng.uniform(40, 80), sid, "psu", "school", ids))
            return
        if suffix == "syt":
            units = max(1, round(people * 0.2 / 120))
            ids = [f"{sid}-yt{i}" for i in range(1, units + 1)]
            for i, uid in enumerate(ids, 1):
                name = "Bệnh viện Đa khoa tỉnh" if i == 1 else f"Trung tâm Y tế khu vực số {i - 1}"
                self.unit(uid, name, "public_service_unit", sid)
                self.units[-1]["autonomy_group"] = "3"
                weight = 4 * 120 if i == 1 else rng.uniform(80, 160)
                self.slots.append(Slot(uid, weight, sid, "psu", "health", ids))
            return
        for i, name in enumerate(OTHER_PSU.get(suffix, []), 1):
            uid = f"{sid}-dv{i}"
            self.unit(uid, name, "public_service_unit", sid)
            self.units[-1]["autonomy_group"] = "3"
            self.slots.append(Slot(uid, people * 0.004, sid, "psu"))

    def communes(self) -> None:
        rng, p = self.rng, self.p
        total = self.d.people * 0.14
        share = total / max(len(self.d.communes), 1)
        kinds = {"commune": "Xã", "ward": "Phường", "special_zone": "Đặc khu"}
        for code, name, kind in self.d.communes:
            cid = f"{p}-x{code}"
            self.unit(cid, name, kind, p, agency_type="commune_committee")
            weight = share * (1.2 if kind == "ward" else 1.0)
            self.slots.append(Slot(cid, weight * 0.04, cid, "commune"))
            economy = "Phòng Kinh tế, Hạ tầng và Đô thị" if kind == "ward" else "Phòng Kinh tế"
            depts = [f"{cid}-vp", f"{cid}-kt", f"{cid}-vhxh"]
            self.unit(depts[0], "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", "office", cid)
            self.unit(depts[1], economy, "department", cid)
            self.unit(depts[2], "Phòng Văn hóa - Xã hội", "department", cid)
            for d in depts:
                self.slots.append(Slot(d, weight * rng.uniform(0.15, 0.25), cid, "commune_dept"))
            centre = f"{cid}-hcc"
            self.unit(
                centre,
                f"Trung tâm Phục vụ hành chính công {kinds[kind].lower()} {name.split(' ', 1)[-1]}",
                "public_administrative_service_centre",
                cid,
            )
            self.slots.append(Slot(centre, weight * 0.15, cid, "commune_dept"))

    # --- the whole province ----------------------------------------------------------------
    def build(self) -> dict[str, Any]:
        self.build_units()
        counts = self.counts()
        maker = PersonMaker(self, self.rng)
        for slot, count in zip(self.slots, counts, strict=True):
            maker.fill(slot, count)
        changes = maker.changes + self.merger_changes(maker)
        changes.sort(key=lambda c: c["on"])  # stable: same-day changes keep their order
        kind = "city" if self.city else "province"
        title = "thành phố" if self.city else "tỉnh"
        return {
            "tinhgon": 1,
            "agency": {
                "id": self.p,
                "name": f"Ủy ban nhân dân {title} {self.place}",
                "kind": kind,
                "agency_type": "province_committee",
                "province": self.place,
                "province_class": "special" if self.d.code in ("01", "79") else "I",
                "illustrative": True,
                "note": (
                    "Dữ liệu minh họa do 'tinhgon example national' sinh ra: cây xã, phường, đặc "
                    "khu năm 2025 là thật và được dùng cho cả giai đoạn từ 01/01/2024; tên người, "
                    "số quyết định và số liệu là minh họa."
                ),
            },
            "baseline": {"on": BASELINE.isoformat(), "basis": self.symbol(1)},
            "unit_kinds": UNIT_KINDS,
            "documents": self.documents(),
            "units": self.units,
            "people": maker.people,
            "quotas": maker.quotas(),
            "changes": changes,
        }

    def counts(self) -> list[int]:
        """People per slot: first per agency (by the weight of all its units), then inside
        each agency its own unit first (its leaders), the rest over its other units."""
        groups: dict[str, list[int]] = {}
        for i, slot in enumerate(self.slots):
            groups.setdefault(slot.agency, []).append(i)
        weights = [sum(self.slots[i].weight for i in group) for group in groups.values()]
        counts = [0] * len(self.slots)
        for group, n in zip(groups.values(), allocate(self.d.people, weights), strict=True):
            first, rest = group[0], group[1:]
            lead = n if not rest else min(n, max(1, round(self.slots[first].weight)))
            counts[first] = lead
            shares = allocate(n - lead, [self.slots[i].weight for i in rest])
            for i, count in zip(rest, shares, strict=True):
                counts[i] = count
        return counts

    def merger_changes(self, maker: PersonMaker) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for sources, target in MERGERS:
            tid = f"{self.p}-{target}"
            roles = {
                pid: "deputy"
                for s in sources
                for pid in maker.leaders.get(f"{self.p}-{s}", [])
                if pid not in maker.gone_before(MERGER_ON)
            }
            change: dict[str, Any] = {
                "kind": "merge",
                "on": MERGER_ON.isoformat(),
                "basis": self.symbol(5),
                "units": [f"{self.p}-{s}" for s in sources],
                "into": tid,
            }
            if target in NEW_SO:
                change["new_unit"] = {
                    "id": tid,
                    "name": NEW_SO[target],
                    "kind": "provincial_department",
                    "agency_type": "provincial_department",
                }
                # the new sở's leaders: the first source's director heads it
                first = maker.leaders.get(f"{self.p}-{sources[0]}", [])
                for pid in first[:1]:
                    if pid in roles:
                        roles[pid] = "head"
            if roles:
                change["roles"] = dict(sorted(roles.items()))
            out.append(change)
        return out


def allocate(total: int, weights: list[float]) -> list[int]:
    """``total`` split in proportion to ``weights`` (largest remainders; ties by position)."""
    whole = sum(weights)
    if total <= 0 or whole <= 0:
        return [0] * len(weights)
    exact = [total * w / whole for w in weights]
    counts = [int(x) for x in exact]
    rest = total - sum(counts)
    order = sorted(range(len(weights)), key=lambda i: (counts[i] - exact[i], i))
    for i in order[:rest]:
        counts[i] += 1
    return counts
