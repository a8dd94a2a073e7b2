"""The administrative document format the reports follow, with where each number comes from.

Source: Decree 30/2020/NĐ-CP of 05/3/2020 on administrative documents (công tác văn thư),
Annex I, as summarised in shared/legal/RULES.md §7 (confidence: High or Medium–High there).
Each constant below says which range of RULES.md §7 it sits in. Where RULES.md §7 gives no
number for a part of the page, the constant says so and which of its numbers is borrowed;
numbers that RULES.md does not state at all are marked ``cần đối chiếu văn bản gốc`` (not
checked against the official text).

RULES.md §7, verbatim ranges:

* A4 portrait (annex tables may be landscape);
* margins: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm;
* Times New Roman, black;
* national title "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": upper case, bold, 12–13;
* motto "Độc lập - Tự do - Hạnh phúc": bold, 13–14, spaces around the hyphens, a rule under it;
* issuing agency upper case (its superior not bold, the agency bold);
* number line ``Số: 125/BC-BQLKKT`` (no year; leading 0 below 10);
* place and date line in italics, ``Kon Tum, ngày 05 tháng 02 năm 2019`` (leading 0 for days
  below 10 and for months 1 and 2 only);
* document type (BÁO CÁO) upper case bold 13–14; body 13–14, justified; table text 10–12;
* "Nơi nhận:" bold italic 12, recipients 11, each line ending ";" and the last
  ("- Lưu: VT, …") ending ".";
* signature block: authority mark (TM., KT., TL.) and position bold upper case, then the
  signer's name bold.
"""

from __future__ import annotations

from typing import Final

SOURCE: Final = "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020, Phụ lục I (shared/legal/RULES.md §7)"

FONT_NAME: Final = "Times New Roman"  # RULES.md §7: Times New Roman, black
COLOUR_RGB: Final = (0, 0, 0)  # black

# Page: A4 portrait (210 × 297 mm).
PAGE_WIDTH_MM: Final = 210
PAGE_HEIGHT_MM: Final = 297
# Margins: the lower end of each range of RULES.md §7 (the most text on the page).
MARGIN_TOP_MM: Final = 20  # 20–25
MARGIN_BOTTOM_MM: Final = 20  # 20–25
MARGIN_LEFT_MM: Final = 30  # 30–35
MARGIN_RIGHT_MM: Final = 15  # 15–20
MARGIN_RANGES_MM: Final = {"top": (20, 25), "bottom": (20, 25), "left": (30, 35), "right": (15, 20)}

# Font sizes in points, each inside its RULES.md §7 range.
NATIONAL_TITLE_PT: Final = 12  # 12–13
MOTTO_PT: Final = 13  # 13–14
DOCUMENT_TYPE_PT: Final = 14  # 13–14
SUBJECT_PT: Final = 14  # RULES.md gives none: the document type's size (13–14), bold like it
BODY_PT: Final = 14  # 13–14
TABLE_PT: Final = 11  # 10–12
RECIPIENTS_HEADING_PT: Final = 12  # "Nơi nhận:" 12
RECIPIENTS_PT: Final = 11  # 11
# RULES.md §7 gives no size for the agency lines: they share the national title's line and
# its size (12–13).
AGENCY_PT: Final = NATIONAL_TITLE_PT
# No size given for the number line, the place and date line, the signature block, captions
# and page numbers: the body's range (13–14).
NUMBER_LINE_PT: Final = 13
DATE_LINE_PT: Final = 14
SIGNATURE_PT: Final = 14
CAPTION_PT: Final = 13
PAGE_NUMBER_PT: Final = 13

RANGES_PT: Final = {
    "national_title": (12, 13),
    "motto": (13, 14),
    "document_type": (13, 14),
    "body": (13, 14),
    "table": (10, 12),
    "recipients_heading": (12, 12),
    "recipients": (11, 11),
}

# Not in RULES.md §7 (cần đối chiếu văn bản gốc): the first-line indent of body paragraphs
# (Decree 30/2020 Annex I is commonly quoted as 1–1.27 cm) and the space after a paragraph
# (at least 6 pt). Typographic choices within those commonly quoted values.
FIRST_LINE_INDENT_MM: Final = 10
SPACE_AFTER_PT: Final = 6

NATIONAL_TITLE: Final = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO: Final = "Độc lập - Tự do - Hạnh phúc"  # spaces around the hyphens
DOCUMENT_TYPE: Final = "BÁO CÁO"
RECIPIENTS_HEADING: Final = "Nơi nhận:"
AUTHORITY_MARKS: Final = ("TM.", "KT.", "TL.")  # RULES.md §7
