"""Writing a finished file to a path or a stream, the same bytes for the same report.

Word and Excel files are zip archives whose libraries stamp every entry with the time of
writing (openpyxl also sets the "modified" property to it). The report's own date is stamped
instead (time is an argument: no clock is read), so the same report gives the same bytes
whenever it is written.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import zipfile
from typing import IO

Target = str | os.PathLike[str] | IO[bytes]


def stamp_zip(data: bytes, when: dt.date) -> bytes:
    """The archive with every entry dated ``when`` (at midnight), contents and order kept."""
    stamp = (max(when.year, 1980), when.month, when.day, 0, 0, 0)
    moment = f"{when:%Y-%m-%d}T00:00:00Z".encode()
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = entry.external_attr
            content = source.read(entry.filename)
            if entry.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + moment + rb"\g<2>",
                    content,
                )
            target.writestr(info, content)
    return out.getvalue()


def deliver(data: bytes, target: Target) -> None:
    """Write the bytes to a path (created or replaced) or to a binary stream."""
    if isinstance(target, str | os.PathLike):
        with open(target, "wb") as handle:
            handle.write(data)
    else:
        target.write(data)
