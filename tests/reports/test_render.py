"""One page of each report rendered to PNG in artifacts/reports/, for a person to look at.

The PDF is rendered with pypdfium2 (PyPI, ships its own PDFium). The Word report is turned
into PDF by LibreOffice when it is installed (Debian: libreoffice-writer-nogui), then rendered
the same way; without LibreOffice that one conversion is skipped.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image
from pypdf import PdfReader

from .conftest import ARTIFACTS


def render_first_page(pdf: Path, png: Path) -> Image.Image:
    document = pdfium.PdfDocument(str(pdf))
    try:
        image = document[0].render(scale=150 / 72).to_pil()
    finally:
        document.close()
    image.save(png)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(png, ARTIFACTS / png.name)
    return image


def ink(image: Image.Image, box: tuple[float, float, float, float]) -> int:
    """Dark pixels in a region given as fractions of the page (left, top, right, bottom)."""
    w, h = image.size
    region = image.convert("L").crop(
        (int(box[0] * w), int(box[1] * h), int(box[2] * w), int(box[3] * h))
    )
    return sum(region.histogram()[:128])


def check_page(image: Image.Image) -> None:
    w, h = image.size
    assert abs(h / w - 297 / 210) < 0.01  # A4 portrait
    assert ink(image, (0.55, 0.05, 0.95, 0.12)) > 500  # the national title and motto
    assert ink(image, (0.12, 0.05, 0.45, 0.12)) > 500  # the issuing agency
    assert ink(image, (0.0, 0.0, 0.13, 1.0)) == 0  # nothing in the 30 mm left margin
    assert ink(image, (0.93, 0.0, 1.0, 1.0)) == 0  # nothing in the 15 mm right margin


def test_the_first_page_of_the_pdf_renders_to_png(pdf_file: Path, tmp_path: Path):
    image = render_first_page(pdf_file, tmp_path / "kontum-bao-cao-pdf-trang-1.png")

    check_page(image)


def _libreoffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(
    _libreoffice() is None,
    reason="LibreOffice is not installed (Debian: libreoffice-writer-nogui): the Word report "
    "is checked with python-docx only, not rendered to PNG",
)
def test_the_first_page_of_the_word_report_renders_to_png(docx_file: Path, tmp_path: Path):
    program = _libreoffice()
    assert program is not None
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            program,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(docx_file),
        ],
        check=True,
        capture_output=True,
        timeout=240,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    converted = tmp_path / (docx_file.stem + ".pdf")

    image = render_first_page(converted, tmp_path / "kontum-bao-cao-docx-trang-1.png")

    check_page(image)
    text = " ".join(PdfReader(converted).pages[0].extract_text().split())
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "giảm từ 06 phòng xuống còn 04 phòng" in text
