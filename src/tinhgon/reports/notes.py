"""The drafter's note: what tinhgon is unsure of or left blank, kept out of the signed text.

A plain UTF-8 text file written beside the document (``<name>.ghi-chu.txt``) or sent as a
download of its own; it is a working note for the person who drafts, never part of the paper.
"""

from __future__ import annotations

import os
from pathlib import Path

from tinhgon.reports.model import ReportData
from tinhgon.reports.output import Target, deliver

NOTE_SUFFIX = ".ghi-chu.txt"


def notes_text(data: ReportData) -> str:
    """The note's text: the document it belongs to, then one numbered line per point."""
    lines = [
        "GHI CHÚ CHO NGƯỜI SOẠN THẢO (không thuộc nội dung văn bản)",
        f"{data.kind.capitalize()}: {data.subject}",
        f"{data.number_line.replace(chr(0xA0), ' ')} — {data.date_line.replace(chr(0xA0), ' ')}",
        "",
    ]
    if not data.drafter_notes:
        lines.append("Không có điểm nào cần lưu ý.")
    for n, note in enumerate(data.drafter_notes, start=1):
        lines.append(f"{n}. {note}")
    return "\n".join(lines) + "\n"


def notes_path(output: str | os.PathLike[str]) -> Path:
    """'bao-cao.docx' → 'bao-cao.ghi-chu.txt'."""
    path = Path(output)
    return path.with_name(path.stem + NOTE_SUFFIX)


def write_notes(data: ReportData, target: Target) -> None:
    deliver(notes_text(data).encode("utf-8"), target)
