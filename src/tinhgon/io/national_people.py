"""The people of one province of the national dataset, their history and the quotas.

Ages are drawn so that nobody is past the retirement age on 31/12/2025 (men at most 60, women
at most 55 that day; the law's ages in 2024–2025 are 61–61 years 3 months and 56 years 4–8
months, ``law/parameters/retirement_age_*.yaml``), except about one person in 20,000, left
past it on purpose so that the legal check has something to find. People who retire in the
history leave at 60 years 6 months (men) or 55 years 10 months (women), before the age.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections import defaultdict
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tinhgon.io.national_province import ProvinceBuilder, Slot

FAMILY = [
    "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Huỳnh",
    "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
]  # fmt: skip
MALE_MIDDLE = ["Văn", "Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Xuân", "Đình"]
FEMALE_MIDDLE = ["Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Phương", "Hồng"]
MALE_GIVEN = [
    "An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hùng", "Huy", "Khang", "Khoa", "Long",
    "Minh", "Nam", "Phong", "Phúc", "Quân", "Sơn", "Tài", "Thắng", "Trung", "Tuấn", "Việt",
]  # fmt: skip
FEMALE_GIVEN = [
    "Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai",
    "Ngân", "Ngọc", "Nhung", "Oanh", "Phương", "Thảo", "Trang", "Tuyết", "Vân", "Yến",
]  # fmt: skip
CIVIL_RANKS = [
    ({"code": "01.003", "name": "Chuyên viên"}, 0.70),
    ({"code": "01.002", "name": "Chuyên viên chính"}, 0.15),
    ({"code": "01.004", "name": "Cán sự"}, 0.15),
]
EMPLOYEE_RANKS = {
    "school": ["Giáo viên trung học phổ thông hạng III", "Giáo viên trung học phổ thông hạng II"],
    "health": ["Bác sĩ hạng III", "Điều dưỡng hạng IV", "Điều dưỡng hạng III"],
    "": ["Viên chức hạng III", "Viên chức hạng IV"],
}
# sở whose leaders take part in the mergers of 01/03/2025: their leaders stay put
MERGING = {"stc", "snv", "sxd", "skhcn", "skhdt", "stnmt", "snnptnt", "sgtvt", "sldtbxh", "stttt"}

BASELINE = dt.date(2024, 1, 1)
END = dt.date(2025, 12, 31)
MERGER_ON = dt.date(2025, 3, 1)
# merged on 01/03/2025 (RULES.md section 8): sources -> target
MERGERS: list[tuple[tuple[str, ...], str]] = [
    (("skhdt",), "stc"),
    (("stnmt", "snnptnt"), "snnmt"),
    (("sgtvt",), "sxd"),
    (("sldtbxh",), "snv"),
    (("stttt",), "skhcn"),
]

RETIRE_MEN = (60, 6)  # years, months at which people retire in the history
RETIRE_WOMEN = (55, 10)


def _minus(on: dt.date, years: int, months: int) -> dt.date:
    month = on.month - 1 - months
    year = on.year - years + month // 12
    return dt.date(year, month % 12 + 1, min(on.day, 28))


class PersonMaker:
    """Fills the units of a province with people and their history (deterministic)."""

    def __init__(self, builder: ProvinceBuilder, rng: random.Random) -> None:
        self.b = builder
        self.rng = rng
        self.people: list[dict[str, Any]] = []
        self.changes: list[dict[str, Any]] = []
        self.leaders: dict[str, list[str]] = {}  # agency root -> [head, deputies…]
        self.counts: dict[tuple[str, str], int] = defaultdict(int)  # (agency, category)
        self.left: dict[str, dt.date] = {}
        self.agencies: dict[str, int] = {}  # agencies in the order met
        self.busy: set[str] = set()  # people with an event of their own
        self.ending = {f"{builder.p}-{s}" for sources, _ in MERGERS for s in sources}

    # --- dates -----------------------------------------------------------------------------
    def some_day(self, after: dt.date | None = None) -> dt.date:
        """A day of the history (2nd–28th of a month in 2024–2025), after ``after``."""
        start = after or BASELINE
        months = (2025 - start.year) * 12 + 12 - start.month
        while True:
            m = self.rng.randint(0, months)
            on = dt.date(
                start.year + (start.month - 1 + m) // 12, (start.month - 1 + m) % 12 + 1, 1
            )
            on = on.replace(day=self.rng.randint(2, 28))
            if on > start:
                return on

    def gone_before(self, on: dt.date) -> set[str]:
        return {pid for pid, left in self.left.items() if left < on}

    # --- people ----------------------------------------------------------------------------
    def fill(self, slot: Slot, count: int) -> None:
        self.agencies.setdefault(slot.agency, len(self.agencies))
        if count <= 0:
            return
        deputies = min(self.deputy_limit(slot, count), count - 1)
        leaders_move = slot.sort == "root" and slot.agency.rsplit("-", 1)[-1] in MERGING
        made: list[tuple[str, str, str]] = []  # (id, role, sex)
        for i in range(count):
            role = "head" if i == 0 else "deputy" if i <= deputies else "staff"
            made.append(self.person(slot, role, leaders_move))
        if slot.sort == "root":
            self.leaders[slot.id] = [pid for pid, role, _ in made if role != "staff"]
        # a head who retires: the first deputy without an event of their own succeeds
        for pid, role, _ in made:
            if role != "head" or pid not in self.left:
                continue
            on = self.left[pid] + dt.timedelta(days=14)
            for other, other_role, _ in made:
                if other_role == "deputy" and other not in self.busy and on <= END:
                    self.busy.add(other)
                    self.change("appoint", on, person=other, role="head")
                    break

    def deputy_limit(self, slot: Slot, count: int) -> int:
        rng = self.rng
        if slot.sort == "root":
            return 2 if slot.area == "board" else rng.choice((2, 3, 3, 3, 4))
        if slot.sort == "commune":
            return 3 if rng.random() < 0.1 else 2
        if slot.sort == "psu":
            return 3 if count >= 60 else 2 if count >= 20 else 1
        limit = 1 if count < 10 else 2 if count < 15 else 3
        return limit + (1 if rng.random() < 0.04 else 0)

    def person(self, slot: Slot, role: str, leaders_stay: bool) -> tuple[str, str, str]:
        rng, b = self.rng, self.b
        n = len(self.people)
        pid = f"{b.p}-n{n:06d}"
        female_share = 0.65 if slot.area in ("school", "health") else 0.45
        sex = "female" if rng.random() < female_share else "male"
        category = self.category(slot, role)
        entry: dict[str, Any] = {"id": pid, "name": self.name(sex)}
        since: dt.date | None = None
        event = rng.random()
        born: dt.date
        if role == "staff" and event < 0.04:  # hired during the history
            since = self.some_day()
            while slot.sort == "root" and slot.agency in self.ending and since >= MERGER_ON:
                since = self.some_day()  # a sở merged away takes no one after it ends
            born = _minus(since, rng.randint(22, 35), rng.randint(0, 11))
        elif (role == "staff" and event < 0.065) or (
            role != "staff" and not leaders_stay and event < 0.02
        ):  # retires during the history
            on = self.some_day()
            years, months = RETIRE_MEN if sex == "male" else RETIRE_WOMEN
            born = _minus(on, years, months)
            self.left[pid] = on
            self.busy.add(pid)
            self.change("leave", on, person=pid, reason="retirement")
        elif role == "staff" and event < 0.00005 + 0.065 and sex == "male":
            born = _minus(END, 63, rng.randint(0, 11))  # past the age: a finding
        else:
            lo = 40 if role == "head" else 32 if role == "deputy" else 23
            hi = 60 if sex == "male" else 55
            born = _minus(END, rng.randint(lo, hi), rng.randint(0, 11))
            if role == "staff" and event < 0.085 and len(slot.peers) > 1:
                target = rng.choice([u for u in slot.peers if u != slot.id])
                self.busy.add(pid)
                self.change("transfer", self.some_day(), person=pid, unit=target)
            elif role == "staff" and event < 0.09 and slot.sort == "dept":
                self.busy.add(pid)
                self.change("appoint", self.some_day(), person=pid, role="deputy")
        born = born.replace(day=rng.randint(1, 28))
        entry["national_id"] = self.national_id(n, sex, born)
        entry["born"] = born.isoformat()
        entry["sex"] = sex
        entry["category"] = category
        rank = self.rank(slot, role, category)
        if rank is not None:
            entry["rank"] = rank
        entry["unit"] = slot.id
        if role != "staff":
            entry["role"] = role
        if since is not None:
            entry["since"] = since.isoformat()
            entry["basis"] = b.month_doc(since)
        else:
            self.counts[(slot.agency, category)] += 1
        self.people.append(entry)
        return pid, role, sex

    def change(self, kind: str, on: dt.date, **fields: Any) -> None:
        self.changes.append(
            {"kind": kind, "on": on.isoformat(), "basis": self.b.month_doc(on), **fields}
        )

    def category(self, slot: Slot, role: str) -> str:
        if slot.sort == "commune" and role != "staff":
            return "cadre"
        if slot.sort == "psu":
            return (
                "contract_worker"
                if role == "staff" and self.rng.random() < 0.08
                else ("public_employee")
            )
        if role == "staff" and self.rng.random() < 0.06:
            return "contract_worker"
        return "civil_servant"

    def rank(self, slot: Slot, role: str, category: str) -> dict[str, str] | str | None:
        rng = self.rng
        if category == "civil_servant":
            if role == "head" and slot.sort == "root":
                return {"code": "01.001", "name": "Chuyên viên cao cấp"}
            if role != "staff":
                return {"code": "01.002", "name": "Chuyên viên chính"}
            pick = rng.random()
            for rank, share in CIVIL_RANKS:
                pick -= share
                if pick < 0:
                    return dict(rank)
            return dict(CIVIL_RANKS[0][0])
        if category == "public_employee":
            return rng.choice(EMPLOYEE_RANKS[slot.area])
        return None

    def name(self, sex: str) -> str:
        rng = self.rng
        if sex == "female":
            return f"{rng.choice(FAMILY)} {rng.choice(FEMALE_MIDDLE)} {rng.choice(FEMALE_GIVEN)}"
        return f"{rng.choice(FAMILY)} {rng.choice(MALE_MIDDLE)} {rng.choice(MALE_GIVEN)}"

    def national_id(self, n: int, sex: str, born: dt.date) -> str:
        """12 digits: province code, sex and century, year of birth, a serial unique in the
        province (a bijection of the person's number modulo 10^6)."""
        century = 0 if born.year < 2000 else 2
        digit = century + (1 if sex == "female" else 0)
        serial = (n * 7919 + 104729) % 1_000_000
        return f"{int(self.b.d.code):03d}{digit}{born.year % 100:02d}{serial:06d}"

    # --- quotas ----------------------------------------------------------------------------
    def quotas(self) -> list[dict[str, Any]]:
        p = self.b.p
        merged_into = {f"{p}-{s}": f"{p}-{t}" for sources, t in MERGERS for s in sources}
        factor = {a: self.factor() for a in self.agencies}
        out: list[dict[str, Any]] = []
        later: dict[tuple[str, str], int] = defaultdict(int)
        for (agency, category), count in sorted(self.counts.items(), key=self._order):
            if category == "contract_worker" or count == 0:
                continue
            value = math.ceil(count * factor[agency])
            for year, on, k in ((2024, None, 2), (2025, "2024-12-20", 3)):
                entry: dict[str, Any] = {
                    "unit": agency,
                    "category": category,
                    "year": year,
                    "value": value,
                }
                if on is not None:
                    entry["on"] = on
                entry["basis"] = self.b.symbol(k)
                out.append(entry)
            later[(merged_into.get(agency, agency), category)] += value
        for (agency, category), value in sorted(later.items(), key=self._order):
            out.append(
                {
                    "unit": agency,
                    "category": category,
                    "year": 2026,
                    "value": value,
                    "on": "2025-12-20",
                    "basis": self.b.symbol(4),
                }
            )
        return out

    def _order(self, item: tuple[tuple[str, str], int]) -> tuple[int, str]:
        agency, category = item[0]
        return self.agencies.get(agency, len(self.agencies)), category

    def factor(self) -> float:
        if self.rng.random() < 0.05:
            return 0.92  # fewer posts than people: a finding
        return self.rng.uniform(1.0, 1.1)
