"""Every kind of problem an import reports: where it is, and exactly what it says.

Each case is a small workbook; the import must refuse it whole, with these problems and no
others. The place is the cell ('G2'), the row ('3'), or '' for the whole file.
"""

import datetime as dt

import pytest

from tests.io.spreadsheets import example, run_import, write_xlsx
from tinhgon.io.errors import SpreadsheetError

D = dt.date(2019, 12, 31)
INTO_EXAMPLE = {"on": D, "basis": "1402/QĐ-UBND"}
STAFF = [
    "Mã",
    "Họ và tên",
    "Ngày sinh",
    "Giới tính",
    "Loại",
    "Số định danh cá nhân",
    "Đơn vị",
    "Chức vụ",
]
UNITS = ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Trực thuộc", "Mức tự chủ"]


def person(**cells):
    """A valid new person's row, with some cells replaced (by header)."""
    row = dict(
        zip(
            STAFF,
            [None, "Lê Thị Mới", "15/06/1996", "Nữ", "công chức", None, "Văn phòng", None],
            strict=True,
        )
    )
    row.update({k.replace("_", " "): v for k, v in cells.items()})
    return [row[h] for h in STAFF]


def unit(*cells):
    return list(cells) + [None] * (len(UNITS) - len(cells))


CASES = {
    # -- cells of the staff sheet
    "a row without a name": (
        {"Nhân sự": [STAFF, person(**{"Họ và tên": None})]},
        [("B2", "thiếu họ và tên")],
    ),
    "a birth date that does not exist": (
        {"Nhân sự": [STAFF, person(**{"Ngày sinh": "31/02/1990"})]},
        [("C2", "ngày sinh 31/2/1990 không có thật")],
    ),
    "a malformed birth date": (
        {"Nhân sự": [STAFF, person(**{"Ngày sinh": "1990/13/01"})]},
        [
            (
                "C2",
                "ngày sinh '1990/13/01' không đúng dạng (dd/mm/yyyy, mm/yyyy, yyyy hoặc yyyy-mm-dd)",
            )
        ],
    ),
    "a birth date typed as a plain number": (
        {"Nhân sự": [STAFF, person(**{"Ngày sinh": 33000})]},
        [
            (
                "C2",
                "ngày sinh '33000' là một số, không phải ngày: định dạng ô là ngày (dd/mm/yyyy) "
                "hoặc ghi dạng chữ",
            )
        ],
    ),
    "an unknown sex": (
        {"Nhân sự": [STAFF, person(**{"Giới tính": "X"})]},
        [("D2", "giới tính 'X' không hợp lệ: ghi Nam hoặc Nữ")],
    ),
    "an unknown category": (
        {"Nhân sự": [STAFF, person(**{"Loại": "thực tập"})]},
        [
            (
                "E2",
                "loại 'thực tập' không hợp lệ: ghi cán bộ, công chức, viên chức hoặc người lao động",
            )
        ],
    ),
    "a national ID that is not 12 digits": (
        {"Nhân sự": [STAFF, person(**{"Số định danh cá nhân": "12345"})]},
        [("F2", "số định danh cá nhân '12345' phải gồm đúng 12 chữ số")],
    ),
    "a cell that starts like a formula": (
        {"Nhân sự": [STAFF, person(**{"Họ và tên": '=HYPERLINK("http://x")'})]},
        [("B2", "ô bắt đầu bằng '=' ('=HYPERLINK(\"http://x\")'): không nhận công thức")],
    ),
    "an unknown unit": (
        {"Nhân sự": [STAFF, person(**{"Đơn vị": "Nhóm Không Có"})]},
        [
            (
                "G2",
                "không có đơn vị 'Nhóm Không Có' (tại ngày nhập, trong dự án hay trong trang "
                "tính đơn vị)",
            )
        ],
    ),
    "an empty unit": (
        {"Nhân sự": [STAFF, person(**{"Đơn vị": None})]},
        [("G2", "thiếu đơn vị")],
    ),
    "an invalid person id": (
        {"Nhân sự": [STAFF, person(**{"Mã": "p 1"})]},
        [("A2", "mã người 'p 1' không hợp lệ: chỉ dùng chữ không dấu, số, '-', '_' hoặc '.'")],
    ),
    "someone new without a sex": (
        {"Nhân sự": [STAFF, person(**{"Giới tính": None})]},
        [("D2", "người mới cần 'Giới tính'")],
    ),
    "someone who left the staff before the date": (
        {"Nhân sự": [STAFF, person(**{"Mã": "p013", "Họ và tên": "Ngô Văn Thành"})]},
        [
            (
                "2",
                "'p013' (Ngô Văn Thành) đã thôi công tác ngày 01/11/2018 (nghỉ hưu): ghi quyết "
                "định tuyển dụng lại vào tệp dự án, hoặc bỏ dòng này",
            )
        ],
    ),
    "a national ID that belongs to someone else": (
        {"Nhân sự": [STAFF, person(Mã="p009", **{"Số định danh cá nhân": "062188532405"})]},
        [("F2", "số định danh 062188532405 là của 'p010' (Võ Thị Hồng), không phải 'p009'")],
    ),
    "a national ID other than the one on record": (
        {"Nhân sự": [STAFF, person(Mã="p009", **{"Số định danh cá nhân": "062190770521"})]},
        [
            (
                "F2",
                "'p009' (Y Ngọc) có số định danh 062190770520 trong dự án, không phải 062190770521",
            )
        ],
    ),
    "an unknown rating": (
        {"Nhân sự": [[*STAFF, "Xếp loại 2019"], [*person(), "giỏi"]]},
        [
            (
                "I2",
                "xếp loại 'giỏi' không hợp lệ: ghi một trong Hoàn thành xuất sắc nhiệm vụ, Hoàn "
                "thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ (hoặc HTXSNV, "
                "HTTNV, HTNV, KHTNV)",
            )
        ],
    ),
    "a malformed rank code": (
        {"Nhân sự": [[*STAFF, "Mã ngạch"], [*person(), "abc"]]},
        [("I2", "mã ngạch 'abc' không đúng dạng (ví dụ 01.003, V.07.01.03)")],
    ),
    "an unknown rank code without its name": (
        {"Nhân sự": [[*STAFF, "Mã ngạch"], [*person(), "99.999"]]},
        [("I2", "mã ngạch 99.999 không có trong danh mục: ghi thêm tên ngạch (cột Ngạch)")],
    ),
    "a rank code and name that disagree": (
        {"Nhân sự": [[*STAFF, "Mã ngạch", "Ngạch"], [*person(), "01.003", "Cán sự"]]},
        [("I2", "mã ngạch 01.003 là 'Chuyên viên', không phải 'Cán sự'")],
    ),
    # -- rows of the staff sheet together
    "the same person on two rows": (
        {
            "Nhân sự": [
                STAFF,
                person(Mã="p009", **{"Họ và tên": "Y Ngọc"}),
                person(Mã="p009", **{"Họ và tên": "Y Ngọc"}),
            ]
        },
        [("3", "người 'p009' (Y Ngọc) đã có ở dòng 2")],
    ),
    "two new people with one national ID": (
        {
            "Nhân sự": [
                STAFF,
                person(**{"Số định danh cá nhân": "062196000001"}),
                person(**{"Họ và tên": "Lê Văn Khác", "Số định danh cá nhân": "062196000001"}),
            ]
        },
        [("F3", "số định danh 062196000001 đã có ở dòng 2")],
    ),
    "two new people with one id": (
        {"Nhân sự": [STAFF, person(Mã="p100"), person(Mã="p100", **{"Họ và tên": "Lê Văn Khác"})]},
        [("A3", "mã 'p100' đã dùng ở dòng 2")],
    ),
    "two heads for one unit": (
        {
            "Nhân sự": [
                STAFF,
                person(**{"Đơn vị": "tnmt", "Chức vụ": "Trưởng phòng"}),
                person(**{"Họ và tên": "Lê Văn Khác", "Đơn vị": "tnmt", "Chức vụ": "Trưởng phòng"}),
            ]
        },
        [
            (
                "H2",
                "đơn vị 'Phòng Quản lý tài nguyên và môi trường' có 3 cấp trưởng: Võ Văn Nam "
                "(không có trong danh sách), Lê Thị Mới (dòng 2), Lê Văn Khác (dòng 3)",
            ),
            (
                "H3",
                "đơn vị 'Phòng Quản lý tài nguyên và môi trường' có 3 cấp trưởng: Võ Văn Nam "
                "(không có trong danh sách), Lê Thị Mới (dòng 2), Lê Văn Khác (dòng 3)",
            ),
        ],
    ),
    # -- headers
    "a column given twice": (
        {"Nhân sự": [["Họ và tên", "Họ tên", "Đơn vị"], ["Lê Thị Mới", "Lê Thị Mới", "Văn phòng"]]},
        [
            ("1", "thiếu cột 'Ngày sinh' (cần cho người mới)"),
            ("1", "thiếu cột 'Giới tính' (cần cho người mới)"),
            ("1", "thiếu cột 'Loại' (cần cho người mới)"),
            ("B1", "cột trùng với cột 'Họ và tên' (A): giữ một cột"),
        ],
    ),
    "no sheet tinhgon can read": (
        {"Sheet1": [["Tên", "Tuổi"], ["A", 1]]},
        [
            (
                "",
                "không có trang tính nào đọc được: cần một trang tính có dòng tiêu đề với cột 'Họ "
                "và tên' (nhân sự) hoặc 'Tên đơn vị' (cơ cấu); dùng 'tinhgon template' để lấy mẫu",
            )
        ],
    ),
    # -- the units sheet
    "an unknown unit kind": (
        {"Đơn vị": [UNITS, unit(None, "Tổ Tổng hợp", "Tổ")]},
        [
            (
                "C2",
                "loại đơn vị 'Tổ' không có; các loại: Ban quản lý, Bộ phận, Chi cục, Chính phủ, "
                "Cơ quan, Cấp huyện, Phòng, Phường, Sở, Thanh tra, Thành phố trực thuộc trung ương, "
                "Thị trấn, Trung tâm Phục vụ hành chính công, Tỉnh, Văn phòng, Xã, "
                "Đơn vị sự nghiệp công lập, Đặc khu",
            )
        ],
    ),
    "a new unit whose kind cannot be told": (
        {"Đơn vị": [UNITS, unit(None, "Trung tâm Dữ liệu")]},
        [
            (
                "C2",
                "chưa rõ loại của đơn vị mới 'Trung tâm Dữ liệu': ghi Loại đơn vị (Phòng, Văn "
                "phòng, Đơn vị sự nghiệp công lập…)",
            )
        ],
    ),
    "a unit whose kind would change": (
        {"Đơn vị": [UNITS, unit("vp", "Văn phòng", "Phòng")]},
        [
            (
                "C2",
                "đơn vị 'Văn phòng' là Văn phòng trong dự án: nhập từ Excel không đổi được loại "
                "đơn vị (sang Phòng)",
            )
        ],
    ),
    "an autonomy group for a department": (
        {"Đơn vị": [UNITS, unit(None, "Phòng Pháp chế", None, None, "3")]},
        [("E2", "chỉ đơn vị sự nghiệp công lập mới có mức tự chủ")],
    ),
    "an unknown autonomy group": (
        {"Đơn vị": [UNITS, unit(None, "Trung tâm Dữ liệu", "ĐVSN", None, "5")]},
        [("E2", "mức tự chủ '5' không hợp lệ: ghi 1, 2, 3 hoặc 4")],
    ),
    "the id of a unit that ended": (
        {"Đơn vị": [UNITS, unit("khth", "Phòng Kế hoạch - Tổng hợp")]},
        [
            (
                "A2",
                "mã đơn vị 'khth' đã dùng cho một đơn vị không còn tại ngày nhập (mã đơn vị không "
                "dùng lại): đặt mã khác",
            )
        ],
    ),
    "an invalid unit id": (
        {"Đơn vị": [UNITS, unit("v p", "Phòng Pháp chế")]},
        [("A2", "mã đơn vị 'v p' không hợp lệ: chỉ dùng chữ không dấu, số, '-', '_' hoặc '.'")],
    ),
    "an unknown parent": (
        {"Đơn vị": [UNITS, unit(None, "Phòng Pháp chế", None, "Phòng Không Có")]},
        [
            (
                "D2",
                "không có đơn vị 'Phòng Không Có' (tại ngày nhập, trong dự án hay trong trang "
                "tính đơn vị)",
            )
        ],
    ),
    "units under each other": (
        {
            "Đơn vị": [
                UNITS,
                unit(None, "Phòng An", None, "Phòng Bình"),
                unit(None, "Phòng Bình", None, "Phòng An"),
            ]
        },
        [("D2", "vòng lặp trực thuộc: a → b → a")],
    ),
    "the same unit on two rows": (
        {"Đơn vị": [UNITS, unit("vp", "Văn phòng"), unit(None, "VĂN PHÒNG")]},
        [("3", "đơn vị này đã ghi ở dòng 2")],
    ),
    "a quota that is not a number": (
        {"Đơn vị": [["Tên đơn vị", "Biên chế công chức 2020"], ["Văn phòng", "nhiều"]]},
        [("B2", "'nhiều' phải là số nguyên không âm")],
    ),
    "a unit name that two units share": (
        {
            "Đơn vị": [
                UNITS,
                unit(None, "Tổ Tổng hợp", "Bộ phận", "vp"),
                unit(None, "Tổ Tổng hợp", "Bộ phận", "qhxd"),
            ],
            "Nhân sự": [STAFF, person(**{"Đơn vị": "Tổ tổng hợp"})],
        },
        [("G2", "có 2 đơn vị tên 'Tổ tổng hợp' (tth, tth-2): ghi mã đơn vị")],
    ),
    "a unit moved under its own new sub-unit": (
        {
            "Đơn vị": [
                UNITS,
                unit(None, "Tổ Tổng hợp", "Bộ phận", "Văn phòng"),
                unit("vp", "Văn phòng", None, "Tổ Tổng hợp"),
            ]
        },
        [
            (
                "3",
                "không thể chuyển trực thuộc: không thể chuyển 'vp' vào chính nó hoặc đơn vị cấp "
                "dưới của nó",
            )
        ],
    ),
}


@pytest.mark.parametrize("case", list(CASES), ids=lambda name: name.replace(" ", "_"))
def test_the_import_refuses_the_whole_file_naming_each_problem(tmp_path, case):
    sheets, expected = CASES[case]
    path = write_xlsx(tmp_path / "ds.xlsx", sheets)

    with pytest.raises(SpreadsheetError) as caught:
        run_import(path, example(), **INTO_EXAMPLE)

    assert [(p.cell, p.vi) for p in caught.value.problems] == expected


def test_a_problem_reads_in_vietnamese_then_english_with_the_file_sheet_row_and_column(tmp_path):
    path = write_xlsx(tmp_path / "ds.xlsx", {"Nhân sự": [STAFF, person(**{"Giới tính": "X"})]})

    with pytest.raises(SpreadsheetError) as caught:
        run_import(path, example(), **INTO_EXAMPLE)

    assert [str(p) for p in caught.value.problems] == [
        "ds.xlsx: trang tính 'Nhân sự', dòng 2, cột D (Giới tính): giới tính 'X' không hợp lệ: "
        "ghi Nam hoặc Nữ (sheet 'Nhân sự', row 2, column D: sex 'X' is invalid: write Nam or Nữ)"
    ]


def test_every_problem_is_reported_at_once(tmp_path):
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        {
            "Nhân sự": [
                STAFF,
                person(**{"Giới tính": "X"}),
                person(**{"Ngày sinh": "31/02/1990", "Loại": "?"}),
                person(**{"Đơn vị": "Nhóm Không Có"}),
            ]
        },
    )

    with pytest.raises(SpreadsheetError) as caught:
        run_import(path, example(), **INTO_EXAMPLE)

    assert [p.cell for p in caught.value.problems] == ["D2", "C3", "E3", "G4"]


# -- the date, the basis and the agency --------------------------------------------------------

OK_STAFF = {"Nhân sự": [STAFF, person()]}
NEW = {
    "agency_name": "Sở Nội vụ tỉnh Kon Tum",
    "on": D,
    "basis": "05/BC-SNV",
    "basis_date": D,
    "basis_title": "Danh sách",
}

SETTINGS = {
    "no date": (
        True,
        {"basis": "1402/QĐ-UBND"},
        OK_STAFF,
        [
            (
                "",
                "thiếu ngày số liệu: dùng --on dd/mm/yyyy, hoặc dòng 'Tại ngày' trong trang tính "
                "'Cơ quan'",
            )
        ],
    ),
    "no basis": (
        True,
        {"on": D},
        OK_STAFF,
        [
            (
                "",
                "thiếu căn cứ: mọi thay đổi cần văn bản căn cứ; dùng --basis SỐ/KÝ-HIỆU, hoặc dòng "
                "'Căn cứ (số, ký hiệu)' trong trang tính 'Cơ quan', hoặc ghi 'Số: …' (hay 'Kèm "
                "theo Báo cáo số … ngày …') trên tiêu đề danh sách",
            )
        ],
    ),
    "a basis that is not registered, without its details": (
        True,
        {"on": D, "basis": "07/BC-BQLKKT"},
        OK_STAFF,
        [
            (
                "",
                "văn bản căn cứ 07/BC-BQLKKT chưa có trong sổ văn bản của dự án: cần ngày ban hành "
                "(--basis-date hoặc dòng 'Ngày ban hành') và trích yếu (--basis-title hoặc dòng "
                "'Trích yếu')",
            )
        ],
    ),
    "a malformed basis": (
        True,
        {"on": D, "basis": "7/BC-BQLKKT", "basis_date": D, "basis_title": "x"},
        OK_STAFF,
        [
            (
                "",
                "số ký hiệu '7/BC-BQLKKT': số phải viết là 07 (số dưới 10 có số 0 đứng trước, "
                "không có số 0 thừa)",
            )
        ],
    ),
    "a date in the sheet other than the option": (
        True,
        INTO_EXAMPLE,
        {**OK_STAFF, "Cơ quan": [["Thông tin", "Giá trị"], ["Tại ngày", "30/12/2019"]]},
        [("B2", "ngày 30/12/2019 khác với --on 31/12/2019: bỏ một trong hai")],
    ),
    "a sheet for another agency": (
        True,
        INTO_EXAMPLE,
        {**OK_STAFF, "Cơ quan": [["Thông tin", "Giá trị"], ["Mã cơ quan", "snv"]]},
        [("B2", "tệp nhập dành cho cơ quan 'snv', nhưng tệp dự án là của 'bqlkkt'")],
    ),
    "a new project without the agency's name": (
        False,
        {k: v for k, v in NEW.items() if k != "agency_name"},
        OK_STAFF,
        [
            (
                "",
                "tạo tệp dự án mới cần tên cơ quan: không thấy trong các dòng tiêu đề hay đơn vị "
                "của lãnh đạo cơ quan; dùng --agency-name, hoặc dòng 'Tên cơ quan' trong trang "
                "tính 'Cơ quan'",
            ),
        ],
    ),
    "a new project without a basis": (
        False,
        {k: v for k, v in NEW.items() if k != "basis"},
        {"Đơn vị": [UNITS, unit(None, "Văn phòng")], **OK_STAFF},
        [
            (
                "",
                "thiếu căn cứ: mọi thay đổi cần văn bản căn cứ; dùng --basis SỐ/KÝ-HIỆU, hoặc dòng "
                "'Căn cứ (số, ký hiệu)' trong trang tính 'Cơ quan', hoặc ghi 'Số: …' (hay 'Kèm "
                "theo Báo cáo số … ngày …') trên tiêu đề danh sách",
            )
        ],
    ),
    "an unknown agency type": (
        False,
        {**NEW, "agency_type": "bộ"},
        OK_STAFF,
        [
            (
                "",
                "loại hình cơ quan 'bộ' không có; chọn: Ban Quản lý khu kinh tế, Sở, Đơn vị sự "
                "nghiệp công lập, Khác",
            ),
        ],
    ),
}


@pytest.mark.parametrize("case", list(SETTINGS), ids=lambda name: name.replace(" ", "_"))
def test_the_date_the_basis_and_the_agency_must_be_known_and_agree(tmp_path, case):
    into_example, options, sheets, expected = SETTINGS[case]
    path = write_xlsx(tmp_path / "ds.xlsx", sheets)

    with pytest.raises(SpreadsheetError) as caught:
        run_import(path, example() if into_example else None, **options)

    assert [(p.cell, p.vi) for p in caught.value.problems] == expected
