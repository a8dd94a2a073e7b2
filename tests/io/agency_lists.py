"""Staff lists laid out the way Vietnamese agencies keep them, built by script (openpyxl, as
Excel would save them: merged cells, real dates, formulas in summary sheets). All names are
made up. Each builder returns the path and what the file says, person by person, so that a
test compares what was imported with what the file says."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from tinhgon.domain import Category, Role, Sex


@dataclass(frozen=True)
class Expected:
    """One person as the file says: what the import must give back."""

    name: str
    unit: str  # the unit's name as it should be in the project ('' for the agency itself)
    role: Role
    sex: Sex
    birth: dt.date
    category: Category
    rank: str = ""  # the rank code, or '' when none
    qualifications: tuple[str, ...] = ()


def _put(sheet: Worksheet, row: int, values: list[object]) -> None:
    for column, value in enumerate(values, start=1):
        if value is not None:
            sheet.cell(row=row, column=column, value=value)
            if isinstance(value, dt.date):
                sheet.cell(row=row, column=column).number_format = "dd/mm/yyyy"


def _title_block(sheet: Worksheet, superior: str, agency: str, symbol: str, place: str) -> None:
    """The issuer's block on the left, the national motto on the right, as forms have them."""
    _put(sheet, 1, [superior, None, None, None, None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
    _put(sheet, 2, [agency, None, None, None, None, None, "Độc lập - Tự do - Hạnh phúc"])
    _put(sheet, 3, [symbol, None, None, None, None, None, place])
    sheet.merge_cells("A1:D1")
    sheet.merge_cells("A2:D2")
    sheet.merge_cells("G1:M1")
    sheet.merge_cells("G2:M2")


# -- layout 1: one sheet, titles, a merged header on two rows, group rows, a footer -------------

BOARD_PEOPLE = [
    # group, name, birth, sex, post, rank name, rank code, category, degree marks, political
    ("I. LÃNH ĐẠO BAN", None),
    (
        "Nguyễn Văn An",
        dt.date(1968, 3, 12),
        Sex.MALE,
        "Trưởng ban",
        "Chuyên viên cao cấp",
        "01.001",
        "CC",
        {"ThS": "x"},
        "Cao cấp",
    ),
    (
        "Trần Thị Bình",
        dt.date(1975, 9, 5),
        Sex.FEMALE,
        "Phó Trưởng ban",
        "Chuyên viên chính",
        "01.002",
        "Công chức",
        {"ĐH": "Luật kinh tế"},
        "Cao cấp",
    ),
    ("II. VĂN PHÒNG", None),
    (
        "Lê Văn Cường",
        dt.date(1980, 1, 20),
        Sex.MALE,
        "Chánh VP",
        "Chuyên viên chính",
        "01.002",
        "CC",
        {"ĐH": "x"},
        "Trung cấp",
    ),
    (
        "Phạm Thị Dung",
        dt.date(1985, 7, 1),
        Sex.FEMALE,
        "Phó Chánh VP",
        "Chuyên viên",
        "01.003",
        "CC",
        {"ĐH": "x"},
        "Không",
    ),
    (
        "Đỗ Thị Giang",
        dt.date(1990, 11, 30),
        Sex.FEMALE,
        "Kế toán trưởng",
        "Kế toán viên",
        "06.031",
        "CC",
        {"ĐH": "x"},
        None,
    ),
    ("Hoàng Văn Em", dt.date(1979, 4, 2), Sex.MALE, "Lái xe", None, None, "HĐ 68", {}, None),
    ("III. PHÒNG QUẢN LÝ ĐẦU TƯ", None),
    (
        "Võ Văn Hùng",
        dt.date(1977, 2, 14),
        Sex.MALE,
        "TP",
        "Chuyên viên chính",
        "01.002",
        "CC",
        {"ThS": "x"},
        "Cao cấp",
    ),
    (
        "Ngô Thị Lan",
        dt.date(1988, 6, 6),
        Sex.FEMALE,
        "Phó TP",
        "Chuyên viên",
        "01.003",
        "CC",
        {"ĐH": "x"},
        "Trung cấp",
    ),
    (
        "Bùi Văn Minh",
        dt.date(1992, 12, 24),
        Sex.MALE,
        "Tổ trưởng công đoàn",
        "Chuyên viên",
        "01.003",
        "CC",
        {"ĐH": "x"},
        None,
    ),
    ("IV. TRUNG TÂM XÚC TIẾN ĐẦU TƯ", None),
    (
        "Đặng Thị Nga",
        dt.date(1982, 8, 8),
        Sex.FEMALE,
        "GĐ",
        "Giảng viên chính (hạng II)",
        "V.07.01.02",
        "VC",
        {"ThS": "x"},
        "Trung cấp",
    ),
    (
        "Y Ngọc",
        dt.date(1995, 5, 17),
        Sex.FEMALE,
        "Trưởng ban Thanh tra nhân dân",
        "Giảng viên (hạng III)",
        "V07.01.03",
        "Viên chức",
        {"ĐH": "x"},
        None,
    ),
    ("Lý Văn Phúc", dt.date(1998, 10, 3), Sex.MALE, None, None, None, "NLĐ", {}, None),
]

BOARD_UNITS = {
    "I. LÃNH ĐẠO BAN": "",
    "II. VĂN PHÒNG": "Văn phòng",
    "III. PHÒNG QUẢN LÝ ĐẦU TƯ": "Phòng Quản lý đầu tư",
    "IV. TRUNG TÂM XÚC TIẾN ĐẦU TƯ": "Trung tâm Xúc tiến đầu tư",
}
_ROLES = {
    "Trưởng ban": Role.HEAD,
    "Phó Trưởng ban": Role.DEPUTY,
    "Chánh VP": Role.HEAD,
    "Phó Chánh VP": Role.DEPUTY,
    "TP": Role.HEAD,
    "Phó TP": Role.DEPUTY,
    "GĐ": Role.HEAD,
}
_CATEGORIES = {
    "CC": Category.CIVIL_SERVANT,
    "Công chức": Category.CIVIL_SERVANT,
    "VC": Category.PUBLIC_EMPLOYEE,
    "Viên chức": Category.PUBLIC_EMPLOYEE,
    "HĐ 68": Category.CONTRACT_WORKER,
    "NLĐ": Category.CONTRACT_WORKER,
}
_DEGREES = {"TS": "Tiến sĩ", "ThS": "Thạc sĩ", "ĐH": "Đại học"}


def board_list(path: Path) -> tuple[Path, list[Expected]]:
    """A 'trích ngang' list of an economic zone board, as its office keeps it: the issuer and
    the motto, the title, the annex line, 'Đơn vị tính', a header on two rows with merged cells
    (birth date under Nam | Nữ, rank under Tên ngạch | Mã số, degrees under TS | ThS | ĐH with
    marks), a row of column numbers, a TỔNG SỐ row, group rows for the units, the footer."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Trích ngang"
    _title_block(
        sheet,
        "UBND TỈNH KON TUM",
        "BAN QUẢN LÝ KHU KINH TẾ",
        "Số: 112/BC-BQLKKT",
        "Kon Tum, ngày 30 tháng 12 năm 2024",
    )
    _put(sheet, 5, ["DANH SÁCH TRÍCH NGANG CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC VÀ NGƯỜI LAO ĐỘNG"])
    sheet.merge_cells("A5:N5")
    _put(
        sheet,
        6,
        ["(Kèm theo Báo cáo số 112/BC-BQLKKT ngày 30/12/2024 của Ban Quản lý khu kinh tế)"],
    )
    sheet.merge_cells("A6:N6")
    _put(
        sheet,
        7,
        [
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            "Đơn vị tính: người",
        ],
    )
    header = [
        "STT",
        "Họ và tên",
        "Ngày, tháng, năm sinh",
        None,
        "Chức vụ hoặc chức danh công tác",
        "Ngạch công chức, viên chức",
        None,
        "Loại",
        "Trình độ đào tạo",
        None,
        None,
        "Lý luận chính trị",
        "Quê quán",
        "Dân tộc",
    ]
    _put(sheet, 8, header)
    _put(sheet, 9, [None, None, "Nam", "Nữ", None, "Tên ngạch", "Mã số", None, "TS", "ThS", "ĐH"])
    for merged in (
        "C8:D8",
        "F8:G8",
        "I8:K8",
        "A8:A9",
        "B8:B9",
        "E8:E9",
        "H8:H9",
        "L8:L9",
        "M8:M9",
        "N8:N9",
    ):
        sheet.merge_cells(merged)
    _put(sheet, 10, [f"({n})" for n in range(1, 15)])
    _put(sheet, 11, ["TỔNG SỐ", None, 8, 7])
    sheet.merge_cells("A11:B11")
    row = 12
    number = 0
    expected: list[Expected] = []
    unit = ""
    for entry in BOARD_PEOPLE:
        if entry[1] is None:
            label = str(entry[0])
            numeral, text = label.split(". ", 1)
            _put(sheet, row, [numeral, text])
            unit = BOARD_UNITS[label]
            row += 1
            continue
        name, birth, sex, post, rank_name, rank_code, category, marks, political = entry
        number += 1
        degrees = [marks.get(d) for d in ("TS", "ThS", "ĐH")]
        _put(
            sheet,
            row,
            [
                number,
                name,
                birth if sex is Sex.MALE else None,
                birth if sex is Sex.FEMALE else None,
                post,
                rank_name,
                rank_code,
                category,
                *degrees,
                political,
                "Quảng Ngãi",
                "Kinh",
            ],
        )
        quals: list[str] = []
        for degree, mark in marks.items():
            quals.append(_DEGREES[degree] if mark == "x" else f"{_DEGREES[degree]} {mark}")
        if political and political != "Không":
            quals.append(f"{political} lý luận chính trị")
        expected.append(
            Expected(
                str(name),
                unit,
                _ROLES.get(str(post), Role.STAFF),
                sex,  # type: ignore[arg-type]
                birth,  # type: ignore[arg-type]
                _CATEGORIES[str(category)],
                ("V.07.01.03" if rank_code == "V07.01.03" else str(rank_code or "")),
                tuple(quals),
            )
        )
        row += 1
    row += 1
    _put(
        sheet, row, [None, "Người lập biểu", None, None, None, None, None, None, None, "TRƯỞNG BAN"]
    )
    _put(
        sheet,
        row + 1,
        [
            None,
            "(Ký, ghi rõ họ tên)",
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            "(Ký tên, đóng dấu)",
        ],
    )
    _put(
        sheet,
        row + 5,
        [None, "Lê Văn Cường", None, None, None, None, None, None, None, "Nguyễn Văn An"],
    )
    book.save(path)
    return path, expected


# -- layout 2: one sheet per unit, a summary sheet with formulas, the name in two columns -----

DEPARTMENT_SHEETS = {
    # sheet name: (title's unit line, people: name parts, birth, sex text, post, rank code)
    "Lãnh đạo Sở": (
        None,
        [
            ("Hồ Văn", "Quang", dt.date(1969, 4, 4), "Nam", "Giám đốc", "01.001"),
            ("Trịnh Thị", "Hà", dt.date(1973, 10, 10), "Nữ", "Phó GĐ", "01.002"),
        ],
    ),
    "Văn phòng": (
        None,
        [
            ("Mai Văn", "Sơn", dt.date(1981, 5, 5), "Nam", "Q. Chánh Văn phòng", "01.002"),
            ("Lương Thị", "Thu", dt.date(1991, 9, 9), "Nữ", "Chuyên viên", "01.003"),
        ],
    ),
    "TCBC": (
        "DANH SÁCH CÔNG CHỨC PHÒNG TỔ CHỨC, BIÊN CHẾ NĂM 2024",
        [
            ("Đinh Văn", "Tài", dt.date(1978, 7, 7), "Nam", "Quyền Trưởng phòng", "01.002"),
            ("Cao Thị", "Uyên", dt.date(1987, 3, 3), "Nữ", "P. Trưởng phòng", "01.003"),
            ("Kiều Văn", "Vinh", dt.date(1994, 1, 1), "Nam", None, "01.003"),
        ],
    ),
}
DEPARTMENT_UNITS = {"Lãnh đạo Sở": "", "Văn phòng": "Văn phòng", "TCBC": "Phòng Tổ chức, biên chế"}
_DEPT_ROLES = {
    "Giám đốc": Role.HEAD,
    "Phó GĐ": Role.DEPUTY,
    "Q. Chánh Văn phòng": Role.HEAD,
    "Quyền Trưởng phòng": Role.HEAD,
    "P. Trưởng phòng": Role.DEPUTY,
}


def department_workbook(path: Path) -> tuple[Path, list[Expected]]:
    """A provincial department's list of civil servants, one sheet per unit (the unit in the
    sheet's name or its title), a summary sheet of formulas first, 'Họ và tên đệm' | 'Tên' in
    two columns, the category only in the title ('DANH SÁCH CÔNG CHỨC'), STT as formulas."""
    book = openpyxl.Workbook()
    summary = book.active
    assert summary is not None
    summary.title = "Tổng hợp"
    _put(summary, 1, ["TỔNG HỢP SỐ LƯỢNG CÔNG CHỨC"])
    _put(summary, 2, ["Đơn vị", "Số người"])
    expected: list[Expected] = []
    for index, (name, (title, people)) in enumerate(DEPARTMENT_SHEETS.items(), start=3):
        summary.cell(row=index, column=1, value=name)
        summary.cell(row=index, column=2, value=f"=COUNTA('{name}'!C7:C100)")
        sheet = book.create_sheet(name)
        _title_block(
            sheet,
            "UBND TỈNH KON TUM",
            "SỞ NỘI VỤ",
            "Số: 45/BC-SNV",
            "Kon Tum, ngày 31 tháng 12 năm 2024",
        )
        _put(sheet, 4, [title or "DANH SÁCH CÔNG CHỨC"])
        _put(
            sheet,
            5,
            [
                "STT",
                "Họ và tên đệm",
                "Tên",
                "Ngày sinh",
                "Giới tính",
                "Chức vụ, chức danh",
                "Mã ngạch",
            ],
        )
        for offset, (family, given, birth, sex, post, rank) in enumerate(people):
            row = 6 + offset
            _put(sheet, row, [None, family, given, birth, sex, post, rank])
            sheet.cell(row=row, column=1, value="=ROW()-5")
            expected.append(
                Expected(
                    f"{family} {given}",
                    DEPARTMENT_UNITS[name],
                    _DEPT_ROLES.get(str(post), Role.STAFF),
                    Sex.MALE if sex == "Nam" else Sex.FEMALE,
                    birth,
                    Category.CIVIL_SERVANT,
                    rank,
                )
            )
        _put(sheet, 7 + len(people), [None, "Người lập biểu", None, None, "GIÁM ĐỐC"])
    book.save(path)
    return path, expected
