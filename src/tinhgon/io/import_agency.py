"""Settling the agency, the import date and the basis document, from the options, the
``Cơ quan`` sheet, or (for a new project) the structure's own top row."""

from __future__ import annotations

import datetime as dt

from tinhgon.domain import (
    BUILTIN_KINDS,
    Agency,
    CreateUnit,
    Document,
    DocumentKey,
    DocumentKind,
    InvalidValue,
    UnitClass,
    UnitKind,
    parse_symbol,
)
from tinhgon.domain.model import check_identifier
from tinhgon.io.columns import (
    AGENCY_TYPES,
    kind_from_name,
    match_key,
)
from tinhgon.io.import_base import ImporterBase, _initials
from tinhgon.io.import_rows import Loc
from tinhgon.io.layout import LEADERSHIP_GROUPS, sentence_case
from tinhgon.io.posts import read_post


class AgencyMixin(ImporterBase):
    # -- settling the agency, the date and the basis ---------------------------------------

    def settle(
        self,
    ) -> tuple[Agency, UnitKind, dt.date | None, DocumentKey | None, Document | None]:
        opts = self.options
        on = self.date_setting("on", "--on", opts.on)
        if on is None:
            self.problem(
                Loc(""),
                "thiếu ngày số liệu: dùng --on dd/mm/yyyy, hoặc dòng 'Tại ngày' trong trang tính "
                "'Cơ quan'",
                "the date is missing: use --on, or a 'Tại ngày' row in the 'Cơ quan' sheet",
            )
        agency_id = self.setting("agency_id", "--agency-id", opts.agency_id)
        agency_name = self.setting("agency_name", "--agency-name", opts.agency_name)
        kind_text = self.setting("agency_kind", "--agency-kind", opts.agency_kind)
        type_text = self.setting("agency_type", "--agency-type", opts.agency_type)
        if self.project is not None:
            agency = self.project.agency
            root = self.project.timeline.changes[0] if self.project.timeline.changes else None
            root_kind = root.unit.kind if isinstance(root, CreateUnit) else BUILTIN_KINDS["agency"]
            for key, given, actual in (
                ("agency_id", agency_id, agency.id),
                ("agency_name", agency_name, agency.name),
            ):
                if given and match_key(given) != match_key(actual):
                    _, loc = self.agency_text(key)
                    self.problem(
                        loc or Loc(""),
                        f"tệp nhập dành cho cơ quan '{given}', nhưng tệp dự án là của '{actual}'",
                        f"the spreadsheet is for '{given}' but the project is '{actual}'",
                    )
        else:
            tops = [
                r
                for r in self.unit_rows
                if r.parent is None and r.kind is not None and r.kind.unit_class is UnitClass.AGENCY
            ]
            if len(tops) == 1 and not agency_name and not agency_id:
                # The structure's own top row names the agency (an exported structure does).
                agency_name, agency_id = tops[0].name, tops[0].unit_id or ""
            if not agency_name and not agency_id:
                agency_name = self.guess_agency()
            guessed_kind = None if kind_text or tops else self.guess_agency_kind(agency_name)
            if not type_text and guessed_kind is not None:
                type_text = _type_of(guessed_kind, agency_name)
            agency_type = self.read_agency_type(type_text)
            root_kind = self.read_agency_kind(kind_text, agency_type)
            if guessed_kind is not None:
                root_kind = guessed_kind
            if not kind_text and len(tops) == 1 and tops[0].kind is not None:
                root_kind = tops[0].kind
            if not agency_name:
                self.problem(
                    Loc(""),
                    "tạo tệp dự án mới cần tên cơ quan: không thấy trong các dòng tiêu đề hay "
                    "đơn vị của lãnh đạo cơ quan; dùng --agency-name, hoặc dòng 'Tên cơ quan' "
                    "trong trang tính 'Cơ quan'",
                    "a new project needs the agency's name: --agency-name, or a 'Tên cơ quan' row",
                )
                agency_name = "?"
            if not agency_id:
                agency_id = _initials(agency_name) or "coquan"
            _, loc = self.agency_text("agency_id")
            if (
                self.attempt(
                    loc or Loc(""), lambda: check_identifier(agency_id, "cơ quan", "agency")
                )
                is None
            ):
                agency_id = "coquan"
            agency = Agency(
                id=agency_id,
                name=agency_name,
                agency_type=agency_type,
                short_name=self.agency_text("short_name")[0],
                province=self.agency_text("province")[0],
                superior=self.agency_text("superior")[0],
                place=self.agency_text("province")[0],
            )
        basis, document = self.settle_basis(agency, on)
        return agency, root_kind, on, basis, document

    def read_agency_type(self, text: str) -> str:
        if not text:
            return "other"
        for code, label in AGENCY_TYPES.items():
            if match_key(text) in (match_key(code), match_key(label)):
                return code
        _, loc = self.agency_text("agency_type")
        known = ", ".join(AGENCY_TYPES.values())
        self.problem(
            loc or Loc(""),
            f"loại hình cơ quan '{text}' không có; chọn: {known}",
            f"unknown agency type '{text}'; choose: {', '.join(AGENCY_TYPES)}",
        )
        return "other"

    def read_agency_kind(self, text: str, agency_type: str) -> UnitKind:
        if not text:
            code = {
                "economic_zone_board": "board",
                "provincial_department": "provincial_department",
            }
            return self.kinds[code.get(agency_type, "agency")]
        kind = self.kind_index.get(match_key(text))
        if kind is None or kind.unit_class not in (UnitClass.AGENCY, UnitClass.PUBLIC_SERVICE_UNIT):
            _, loc = self.agency_text("agency_kind")
            self.problem(
                loc or Loc(""),
                f"loại đơn vị của cơ quan '{text}' không hợp lệ: Ban quản lý, Sở hoặc Cơ quan",
                f"the agency's unit kind '{text}' is invalid: Ban quản lý, Sở or Cơ quan",
            )
            return self.kinds["agency"]
        return kind

    def settle_basis(
        self, agency: Agency, on: dt.date | None
    ) -> tuple[DocumentKey | None, Document | None]:
        opts = self.options
        symbol = self.setting("basis", "--basis", opts.basis)
        sheet_loc = self.agency_text("basis")[1] or Loc("")
        from_title: tuple[dt.date | None, str] | None = None
        if not symbol and "basis" not in self.agency_values:
            symbol, from_title = self.basis_from_titles()
        if not symbol:
            self.problem(
                Loc(""),
                "thiếu căn cứ: mọi thay đổi cần văn bản căn cứ; dùng --basis SỐ/KÝ-HIỆU, hoặc dòng "
                "'Căn cứ (số, ký hiệu)' trong trang tính 'Cơ quan', hoặc ghi 'Số: …' (hay 'Kèm "
                "theo Báo cáo số … ngày …') trên tiêu đề danh sách",
                "the basis is missing: every change cites a document; use --basis, or a 'Căn cứ' "
                "row in the 'Cơ quan' sheet, or 'Số: …' above the list's title",
            )
            return None, None
        issued = self.date_setting("basis_date", "--basis-date", opts.basis_date)
        if from_title is not None:
            issued = opts.basis_date or from_title[0]
        if self.project is not None:
            try:
                found = self.project.documents.resolve(symbol, issued)
                return found.key, None
            except InvalidValue:
                pass
        parsed = self.attempt(sheet_loc, lambda: parse_symbol(symbol))
        if parsed is None:
            return None, None
        kind_text = self.setting("basis_kind", "--basis-kind", opts.basis_kind)
        kind = parsed.inferred_kind or DocumentKind.OTHER
        if kind_text:
            by_name = {match_key(k.vi): k for k in DocumentKind} | {
                match_key(k.value): k for k in DocumentKind
            }
            if match_key(kind_text) not in by_name:
                self.problem(
                    self.agency_text("basis_kind")[1] or Loc(""),
                    f"loại văn bản '{kind_text}' không có",
                    f"unknown document kind '{kind_text}'",
                )
            kind = by_name.get(match_key(kind_text), kind)
        title = self.setting("basis_title", "--basis-title", opts.basis_title)
        if not title and from_title is not None:
            title = from_title[1]
        issuer = self.setting("basis_issuer", "--basis-issuer", opts.basis_issuer) or agency.name
        missing = []
        if issued is None:
            missing.append(
                (
                    "ngày ban hành (--basis-date hoặc dòng 'Ngày ban hành')",
                    "its date (--basis-date)",
                )
            )
        if not title:
            missing.append(
                ("trích yếu (--basis-title hoặc dòng 'Trích yếu')", "its subject (--basis-title)")
            )
        if missing:
            where = (
                "chưa có trong sổ văn bản của dự án"
                if self.project
                else "sẽ được thêm vào sổ văn bản"
            )
            self.problem(
                sheet_loc,
                f"văn bản căn cứ {symbol} {where}: cần " + " và ".join(m[0] for m in missing),
                f"basis {symbol} is not registered yet: it needs "
                + " and ".join(m[1] for m in missing),
            )
            return None, None
        assert issued is not None
        document = self.attempt(
            sheet_loc,
            lambda: Document(
                symbol=parsed, kind=kind, issued_on=issued, issuer=issuer, title=title
            ),
        )
        if document is None:
            return None, None
        return document.key, document

    # -- what the list itself says ------------------------------------------------------

    def guess_agency(self) -> str:
        """The agency's name from the title rows, else from the unit of the agency's own
        leaders in the list ('Giám đốc' in 'Sở Nội vụ')."""
        for title in self.titles:
            name = title.agency()
            if name:
                self.notices.append(
                    (
                        f"tên cơ quan '{name}' lấy từ các dòng tiêu đề",
                        f"the agency's name '{name}' is taken from the title rows",
                    )
                )
                return name
        agency_kinds = {c for c, k in self.kinds.items() if k.unit_class is UnitClass.AGENCY}
        for row in self.staff_rows:
            post = read_post(row.values.get("post"), self.all_kinds)
            unit = str(row.values.get("unit", ""))
            kind = kind_from_name(unit, self.kinds) if unit else None
            if post.kinds & agency_kinds and kind is not None and kind.code in agency_kinds:
                self.notices.append(
                    (
                        f"tên cơ quan '{unit}' lấy từ đơn vị của lãnh đạo cơ quan "
                        f"({row.values['full_name']}, {post.title}, dòng {row.loc.row})",
                        f"the agency's name '{unit}' is taken from its leader's unit "
                        f"(row {row.loc.row})",
                    )
                )
                return unit
        return ""

    def guess_agency_kind(self, name: str) -> UnitKind | None:
        """The agency's kind from its name ('Sở …', 'Ban Quản lý …'), else from its leaders'
        posts (Giám đốc: Sở; Trưởng ban: Ban quản lý)."""
        kind = kind_from_name(name, self.kinds) if name else None
        if kind is not None and kind.unit_class is UnitClass.AGENCY:
            return kind
        agency_kinds = {c for c, k in self.kinds.items() if k.unit_class is UnitClass.AGENCY}
        found: set[str] = set()
        folded = match_key(name) if name else "\0"
        for row in self.staff_rows:
            unit = row.values.get("unit")
            leaders = unit is not None and LEADERSHIP_GROUPS.match(match_key(str(unit)))
            named = unit is not None and match_key(str(unit)) == folded
            if not (row.agency_leader or leaders or named):
                continue
            found |= read_post(row.values.get("post"), self.all_kinds).kinds & agency_kinds
        return self.kinds[found.pop()] if len(found) == 1 else None

    def basis_from_titles(self) -> tuple[str, tuple[dt.date | None, str] | None]:
        for title in self.titles:
            symbol, when = title.basis()
            if symbol:
                issued = None
                if when is not None:
                    try:
                        issued = dt.date(*when)
                    except ValueError:
                        issued = None
                heading = sentence_case(title.heading()) or "Danh sách nhân sự"
                self.notices.append(
                    (
                        f"căn cứ {symbol} lấy từ các dòng tiêu đề",
                        f"the basis {symbol} is taken from the title rows",
                    )
                )
                return symbol, (issued, heading)
        return "", None


def _type_of(kind: UnitKind, name: str) -> str:
    if kind.code == "provincial_department":
        return "provincial_department"
    if kind.code == "board" and "khu kinh te" in match_key(name):
        return "economic_zone_board"
    return ""
