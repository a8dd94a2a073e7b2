"""Official reports: the report of an agency in Word (Decree 30/2020 format), the same report
as PDF, and its tables as an Excel annex; and the papers of a plan (đề án, tờ trình, quyết
định: ``build_proposal``, ``build_submission``, ``build_decision``) in the same formats.

    data = build_report(project, before=date(2018, 1, 1), after=date(2019, 12, 31),
                        options=ReportOptions(number="125/BC-BQLKKT"))
    write_docx(data, "bao-cao.docx")      # or an io.BytesIO
    write_pdf(data, stream)
    write_xlsx(data, stream)
    write_report(data, "bao-cao.pdf")     # the format from the extension

Nothing here reads a project file or knows of the command line or the web application: it
takes a ``Project`` of the domain and writes to a path or a binary stream. Time is an
argument: the date line is the ``after`` date unless the options say otherwise.
"""

from tinhgon.reports.build import build_report
from tinhgon.reports.citations import Citer, citation_date, official_citation
from tinhgon.reports.decision import build_decision
from tinhgon.reports.decree30 import SOURCE as FORMAT_SOURCE
from tinhgon.reports.docx_writer import write_docx
from tinhgon.reports.model import (
    Column,
    Figure,
    Heading,
    Paragraph,
    ReportData,
    ReportFormat,
    ReportOptions,
    Signature,
    Table,
)
from tinhgon.reports.notes import notes_path, notes_text, write_notes
from tinhgon.reports.pdf_writer import write_pdf
from tinhgon.reports.proposal import build_proposal
from tinhgon.reports.submission import build_submission
from tinhgon.reports.texts import TEXT_LABELS, ReportTexts, texts_from_mapping
from tinhgon.reports.writers import CONTENT_TYPES, format_of, write_report
from tinhgon.reports.xlsx_writer import write_xlsx

# The papers of a plan by the name the command line and the web use.
PAPERS = {
    "proposal": build_proposal,
    "submission": build_submission,
    "decision": build_decision,
}

__all__ = [
    "CONTENT_TYPES",
    "FORMAT_SOURCE",
    "PAPERS",
    "TEXT_LABELS",
    "Citer",
    "Column",
    "Figure",
    "Heading",
    "Paragraph",
    "ReportData",
    "ReportFormat",
    "ReportOptions",
    "ReportTexts",
    "Signature",
    "Table",
    "build_decision",
    "build_proposal",
    "build_report",
    "build_submission",
    "citation_date",
    "format_of",
    "notes_path",
    "notes_text",
    "official_citation",
    "texts_from_mapping",
    "write_docx",
    "write_notes",
    "write_pdf",
    "write_report",
    "write_xlsx",
]
