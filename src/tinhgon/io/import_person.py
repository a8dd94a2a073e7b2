"""The person a staff row describes: someone new (who needs a birth date, sex and category),
or someone on record with the details the row changes (name, birth date, category, ID, rank,
training, ratings, title, pay and social insurance), each change named for the summary.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from tinhgon.domain import Person, Rank, Role
from tinhgon.io.columns import match_key, read_rank
from tinhgon.io.import_post import PostMixin
from tinhgon.io.import_rows import StaffRow

__all__ = ["PAY_KEYS", "PersonMixin"]


class PersonMixin(PostMixin):
    def settle_person(self, row: StaffRow) -> None:
        """The person the row describes: someone new, or someone known with what it updates."""
        v = row.values
        number = row.loc.row or 0
        rank: Rank | None = None
        if "rank_code" in v or "rank_name" in v:
            rank = self.attempt(
                row.sheet.loc(number, "rank_code" if "rank_code" in v else "rank_name"),
                lambda: read_rank(v.get("rank_code"), v.get("rank_name")),
            )
            if rank is None:
                return
        existing = row.existing
        title = ""
        if "post" in v:
            post = self.post_as_written(v["post"])
            if post.role is Role.STAFF:
                title = post.title  # 'Lái xe', 'Kế toán trưởng': kept as written
        if existing is None:
            missing = False
            for key in ("birth", "sex", "category"):
                if key in v:
                    continue
                missing = True
                if key in row.present:
                    header = row.sheet.loc(number, key).header
                    self.problem(
                        row.sheet.loc(number, key),
                        f"người mới cần '{header}'",
                        f"someone new needs '{header}'",
                    )
                else:
                    self.missing_column(row.sheet, key)
            if missing or not self.check_age(row, v["birth"]):
                return
            quals = tuple(v.get("qualifications", ())) + tuple(v.get("political", ()))
            rated = tuple(
                sorted((int(k.split(":")[1]), r) for k, r in v.items() if k.startswith("rating:"))
            )
            row.person = self.attempt(
                row.loc,
                lambda: Person(
                    id=row.person_id,
                    full_name=" ".join(v["full_name"].split()),
                    sex=v["sex"],
                    birth=v["birth"],
                    category=v["category"],
                    national_id=v.get("national_id"),
                    rank=rank,
                    qualifications=quals,
                    ratings=rated,
                    title=title,
                    **{key: v[key] for key in PAY_KEYS if key in v},
                ),
            )
            return
        updates: dict[str, Any] = {}
        labels: list[str] = []

        def update(attr: str, value: Any, label: str) -> None:
            if value != getattr(existing, attr):
                updates[attr] = value
                labels.append(label)

        update("full_name", " ".join(v["full_name"].split()), "họ và tên")
        if "birth" in v:
            if v["birth"] != existing.birth and not self.check_age(row, v["birth"]):
                return
            update("birth", v["birth"], "ngày sinh")
        if "sex" in v:
            update("sex", v["sex"], "giới tính")
        if "category" in v:
            update("category", v["category"], "loại")
        if "national_id" in v:
            update("national_id", v["national_id"], "số định danh")
        if rank is not None:
            update("rank", rank, "ngạch")
        if "qualifications" in v or "political" in v:
            professional, political = _political_full(existing.qualifications)
            new_professional = list(v.get("qualifications", professional))
            new_political = list(v.get("political", political))
            if (new_professional, new_political) != (professional, political):
                update("qualifications", (*new_professional, *new_political), "trình độ")
        ratings = dict(existing.ratings)
        for key, rating in v.items():
            if key.startswith("rating:"):
                ratings[int(key.split(":")[1])] = rating
        update("ratings", tuple(sorted(ratings.items())), "xếp loại")
        if "post" in row.present:
            update("title", title, "chức danh")
        for key, label in PAY_KEYS.items():
            if key in v:
                update(key, v[key], label)
        if not updates:
            row.person = existing
            return
        person = self.attempt(row.loc, lambda: replace(existing, **updates))
        if person is not None:
            row.person = person
            self.updated_fields[person.id] = labels


# Pay and social insurance (PAY_COLUMNS): stored when given, listed when they change.
PAY_KEYS = {
    "salary_coefficient": "hệ số lương",
    "position_allowance_coefficient": "hệ số phụ cấp chức vụ",
    "allowance_coefficient": "hệ số phụ cấp khác",
    "social_insurance_months": "số tháng đóng BHXH",
    "social_insurance_on": "ngày tính BHXH",
}


def _political_full(qualifications: tuple[str, ...]) -> tuple[list[str], list[str]]:
    professional = [q for q in qualifications if "ly luan chinh tri" not in match_key(q)]
    political = [q for q in qualifications if "ly luan chinh tri" in match_key(q)]
    return professional, political
