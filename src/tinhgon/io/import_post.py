"""Where a staff row puts the person on the import's date: the unit it names (by id, by name,
a leadership group meaning the agency itself, or the unit they already work in) and the role
its post gives (head, deputy or staff), refused when the post does not fit the unit's kind.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from tinhgon.domain import Role, State
from tinhgon.io.columns import match_key
from tinhgon.io.import_matching import MatchingMixin
from tinhgon.io.import_rows import StaffRow
from tinhgon.io.layout import LEADERSHIP_GROUPS
from tinhgon.io.posts import Post, read_post

__all__ = ["PostMixin"]


class PostMixin(MatchingMixin):
    def post_as_written(self, written: Any) -> Post:
        """The post a cell names, read once for every row that writes it alike."""
        post = self._posts.get(written)
        if post is None:
            post = self._posts[written] = read_post(written, self.all_kinds)
        return post

    def settle_post(self, row: StaffRow, state: State) -> None:
        """Where the row puts the person on the date: a unit and a role."""
        v = row.values
        number = row.loc.row or 0
        assignment = state.assignments.get(row.person_id) if row.existing else None
        if row.existing is not None and assignment is None:
            gone = state.departures.get(row.person_id)
            when = state.on or dt.date.min
            reason = (
                f"đã thôi công tác ngày {gone.on:%d/%m/%Y} ({gone.reason.vi})"
                if gone
                else f"không có trong danh sách nhân sự của dự án tại ngày {when:%d/%m/%Y}"
            )
            reason_en = (
                f"left on {gone.on.isoformat()} ({gone.reason.en})"
                if gone
                else f"is not on the staff on {when.isoformat()}"
            )
            self.problem(
                row.loc,
                f"'{row.person_id}' ({row.existing.full_name}) {reason}: ghi quyết định tuyển dụng "
                "lại vào tệp dự án, hoặc bỏ dòng này",
                f"'{row.person_id}' ({row.existing.full_name}) {reason_en}: record the re-hiring "
                "in the project file, or drop the row",
            )
            row.person = None
            return
        unit_id: str | None = None
        if "unit_id" in v:
            unit_id = self.find_unit(v["unit_id"], lambda: row.sheet.loc(number, "unit_id"))
            if unit_id is None:
                row.person = None
                return
            if "unit" in v:
                other = self.find_unit(v["unit"], lambda: row.sheet.loc(number, "unit"))
                if other is not None and other != unit_id:
                    self.problem(
                        row.sheet.loc(number, "unit"),
                        f"đơn vị '{v['unit']}' không phải đơn vị có mã '{v['unit_id']}'",
                        f"unit '{v['unit']}' is not the unit with id '{v['unit_id']}'",
                    )
                    row.person = None
                    return
        elif "unit" in v and LEADERSHIP_GROUPS.match(match_key(v["unit"])):
            unit_id = self.root_id  # 'Ban Giám đốc', 'Lãnh đạo Sở': the agency itself
        elif "unit" in v:
            unit_id = self.find_unit(
                v["unit"], lambda: row.unit_loc or row.sheet.loc(number, "unit"), propose=True
            )
            if unit_id is None:
                row.person = None
                return
        elif row.agency_leader:
            unit_id = self.root_id
        elif "unit" in row.present or "unit_id" in row.present:
            self.problem(row.sheet.loc(number, "unit"), "thiếu đơn vị", "the unit is missing")
            row.person = None
            return
        elif assignment is not None:
            unit_id = assignment.unit_id
        else:
            self.missing_column(row.sheet, "unit")
            row.person = None
            return
        row.unit_id = unit_id
        if "post" in row.present:
            post = self.post_as_written(v.get("post"))
            row.role = post.role
            kind = self.unit_kind(unit_id)
            if kind is not None and not post.fits(kind):
                self.problem(
                    row.sheet.loc(number, "post"),
                    f"chức vụ '{post.title}' không phải chức vụ lãnh đạo của {kind.name_vi} "
                    f"'{self.unit_name(unit_id)}' (cấp trưởng: {kind.head_title}, cấp phó: "
                    f"{kind.deputy_title}): sửa chức vụ hoặc đơn vị",
                    f"the post '{post.title}' is not a leadership post of the "
                    f"{kind.name_en} '{self.unit_name(unit_id)}' (head: {kind.head_title}, "
                    f"deputy: {kind.deputy_title}): correct the post or the unit",
                )
                row.person = None
                return
        elif assignment is not None and assignment.unit_id == unit_id:
            row.role = assignment.role
        else:
            row.role = Role.STAFF
