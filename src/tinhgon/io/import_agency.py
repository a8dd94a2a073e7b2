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
    match_key,
)
from tinhgon.io.import_base import ImporterBase, _initials
from tinhgon.io.import_rows import Loc


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
            agency_type = self.read_agency_type(type_text)
            root_kind = self.read_agency_kind(kind_text, agency_type)
            if not kind_text and len(tops) == 1 and tops[0].kind is not None:
                root_kind = tops[0].kind
            if not agency_name:
                self.problem(
                    Loc(""),
                    "tạo tệp dự án mới cần tên cơ quan: dùng --agency-name, hoặc dòng 'Tên cơ quan' "
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
        if not symbol:
            self.problem(
                Loc(""),
                "thiếu căn cứ: mọi thay đổi cần văn bản căn cứ; dùng --basis SỐ/KÝ-HIỆU, hoặc dòng "
                "'Căn cứ (số, ký hiệu)' trong trang tính 'Cơ quan'",
                "the basis is missing: every change cites a document; use --basis, or a 'Căn cứ' "
                "row in the 'Cơ quan' sheet",
            )
            return None, None
        issued = self.date_setting("basis_date", "--basis-date", opts.basis_date)
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
