"""What a report is made of, independent of Word, PDF or Excel.

``build_report`` fills a ``ReportData``: the header of the page, the legal bases, a body of
blocks (headings, paragraphs, tables, figures), the recipients and the signature. Each writer
(``write_docx``, ``write_pdf``, ``write_xlsx``) renders the same data, so the three files say
the same thing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

from tinhgon.domain import Metrics
from tinhgon.law import Finding, Report


@dataclass(frozen=True, kw_only=True)
class ReportOptions:
    """The issuing details of a report (thể thức), each optional.

    * ``number``: '125/BC-BQLKKT'; None leaves a blank number for the records office to fill
      in ('Số:      /BC-BQLKKT').
    * ``issued_on``: the date of the date line; None takes the report's "after" date.
      ``blank_date`` leaves the day and month blank to fill in by hand instead.
    * ``place``: None takes the agency's place (then its province).
    * ``signer`` and ``signer_title``: None takes the head of the agency on the "after" date
      and the title of that post ('TRƯỞNG BAN'). ``authority`` is the mark TM., KT. or TL.;
      with it, ``on_behalf_of`` is whom the signer signs for ('KT. TRƯỞNG BAN' over 'PHÓ
      TRƯỞNG BAN').
    * ``recipients``: the lines of "Nơi nhận" (punctuation is added); none gives the superior
      agency. ``archive`` follows 'Lưu: VT' ('Lưu: VT, VP.').
    * ``superior``: None takes the agency's superior; '' prints none.
    * ``subject``: the subject line (trích yếu); None gives 'Kết quả sắp xếp, kiện toàn tổ
      chức bộ máy, biên chế …'.
    * ``bases``: more documents of the register to cite among the legal bases (by symbol,
      or 'symbol@yyyy-mm-dd' when several documents share a symbol).
    """

    number: str | None = None
    issued_on: dt.date | None = None
    blank_date: bool = False
    place: str | None = None
    signer: str | None = None
    signer_title: str | None = None
    authority: str | None = None
    on_behalf_of: str | None = None
    recipients: tuple[str, ...] = ()
    archive: str = ""
    superior: str | None = None
    subject: str | None = None
    bases: tuple[str, ...] = ()


class ReportFormat(StrEnum):
    """The file formats a report is written in, by file extension."""

    DOCX = "docx"
    PDF = "pdf"
    XLSX = "xlsx"


CellKind = Literal["text", "int", "date", "delta", "money"]  # delta: a signed change, "+2", "-3"
# money: whole đồng with thousands separators, "12.355.200"
Cell = str | int | dt.date | None


@dataclass(frozen=True, slots=True)
class Column:
    """A table column: its Vietnamese header, the kind of its values, its width in cm."""

    header: str
    kind: CellKind = "text"
    width_cm: float = 3.0


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading, kept with what follows; level 0 is a centred bold line ('QUYẾT ĐỊNH:')."""

    text: str
    level: int = 1


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A body paragraph; ``lead`` is a bold opening ('Điều 1.') before the text."""

    text: str
    italic: bool = False
    indent: bool = True
    lead: str = ""


@dataclass(frozen=True, slots=True)
class Table:
    """A table of the body, and a sheet of the Excel annex (``sheet``: its name, ≤ 31
    characters). ``annex_only`` tables go to the Excel annex and not into the body."""

    title: str
    sheet: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    annex_only: bool = False
    note: str = ""
    unit: str = ""  # "Đơn vị tính" of the annex ('người')
    totals: bool = False  # a "Tổng cộng" row in the annex


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure: a caption and a function that draws it as PNG bytes (called by the writers
    that show figures, not by the Excel annex)."""

    caption: str
    draw: Callable[[], bytes] = field(repr=False, compare=False)
    width_cm: float = 16.0


Block = Heading | Paragraph | Table | Figure


@dataclass(frozen=True, slots=True)
class Signature:
    """The signature block: 'KT. TRƯỞNG BAN' (or none), the signer's title, the name."""

    authority_line: str | None
    title: str
    name: str


@dataclass(frozen=True, kw_only=True)
class ReportData:
    """Everything a report says, ready to be written in any format."""

    # The header (Decree 30/2020: the two columns of the first page).
    superior: str
    agency: str
    number_line: str
    national_title: str
    motto: str
    date_line: str
    document_type: str
    subject: str
    # The content.
    bases: tuple[str, ...]
    body: tuple[Block, ...]
    closing: str
    recipients: tuple[str, ...]
    signature: Signature
    # What it was made from, for the metadata, the annex and the callers.
    agency_name: str
    before: dt.date
    after: dt.date
    issued_on: dt.date | None
    plan_id: str | None
    plan_title: str | None
    metrics_before: Metrics
    metrics_after: Metrics
    findings: Report
    info: Table
    # The paper's kind for the file's metadata ('báo cáo', 'quyết định', 'tờ trình', 'đề án').
    kind: str = "báo cáo"
    # A decision's issuing authority under its subject ('ỦY BAN NHÂN DÂN TỈNH KON TUM').
    issuing_authority: str = ""
    # A submission's "Kính gửi: …".
    addressee: str = ""
    # What the drafter must check or fill in: a separate note, never in the signed text.
    drafter_notes: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        """The document's title for file metadata: 'Báo cáo kết quả sắp xếp …'."""
        return f"{self.kind.capitalize()} {self.subject[:1].lower()}{self.subject[1:]}"

    @property
    def tables(self) -> tuple[Table, ...]:
        """Every table: the annex's sheet of information first, then the body's tables."""
        return (self.info, *(b for b in self.body if isinstance(b, Table)))

    @property
    def figures(self) -> tuple[Figure, ...]:
        return tuple(b for b in self.body if isinstance(b, Figure))

    @property
    def finding_list(self) -> tuple[Finding, ...]:
        return self.findings.findings

    def text(self) -> str:
        """The report's words in reading order (for tests and search)."""
        parts = [
            self.superior,
            self.agency,
            self.number_line,
            self.national_title,
            self.motto,
            self.date_line,
            self.document_type,
            self.subject,
            self.issuing_authority,
            f"Kính gửi: {self.addressee}" if self.addressee else "",
            *self.bases,
        ]
        for block in self.body:
            if isinstance(block, Paragraph) and block.lead:
                parts.append(f"{block.lead} {block.text}")
            elif isinstance(block, Heading | Paragraph):
                parts.append(block.text)
            elif isinstance(block, Table) and not block.annex_only:
                parts.append(block.title)
                parts.extend(
                    " | ".join(show_cell(col, c) for col, c in zip(block.columns, row, strict=True))
                    for row in block.rows
                )
            elif isinstance(block, Figure):
                parts.append(block.caption)
        parts.append(self.closing)
        parts.extend(self.recipients)
        if self.signature.authority_line:
            parts.append(self.signature.authority_line)
        parts.extend((self.signature.title, self.signature.name))
        return "\n".join(p for p in parts if p)


def format_cell(value: Cell) -> str:
    """A cell as Word and PDF show it: dates dd/mm/yyyy, empty for no value."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    return str(value)


def show_cell(column: Column, value: Cell) -> str:
    """A cell of a table in the text: counts with two digits as the text writes them ('06',
    '+02', '-05'), a serial number (STT) as it is."""
    if isinstance(value, int) and not isinstance(value, bool):
        if column.kind == "money":
            return f"{value:,}".replace(",", ".")
        if column.kind == "delta":
            return f"{value:+03d}" if value else "0"
        if column.kind == "int" and column.header != "STT":
            return f"{value:02d}" if value >= 0 else str(value)
    return format_cell(value)
