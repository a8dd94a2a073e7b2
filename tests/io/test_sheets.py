"""Reading spreadsheets and CSV files, and refusing hostile ones before a cell is read."""

import datetime as dt
import zipfile
from pathlib import Path

import pytest
import xlsxwriter

from tests.io.spreadsheets import write_csv, write_xlsx
from tinhgon.io.errors import FileRefused
from tinhgon.io.sheets import Limits, read_spreadsheet


def refusal(path: Path, limits: Limits | None = None) -> list[str]:
    with pytest.raises(FileRefused) as caught:
        read_spreadsheet(path, limits=limits or Limits())
    return [str(p) for p in caught.value.problems]


def test_a_workbook_is_read_sheet_by_sheet_with_dates_as_dates(tmp_path):
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        {"Nhân sự": [["Họ và tên", "Ngày sinh"], ["Nguyễn Văn Hùng", dt.date(1964, 3, 12)]]},
    )

    book = read_spreadsheet(path)

    assert [t.name for t in book.tables] == ["Nhân sự"]
    assert book.tables[0].rows == [
        (1, ("Họ và tên", "Ngày sinh")),
        (2, ("Nguyễn Văn Hùng", dt.date(1964, 3, 12))),
    ]


def test_empty_rows_are_skipped_and_rows_keep_their_excel_numbers(tmp_path):
    path = write_xlsx(tmp_path / "ds.xlsx", {"S": [["Họ và tên"], [], [], ["A"]]})

    rows = read_spreadsheet(path).tables[0].rows

    assert [number for number, _ in rows] == [1, 4]


def test_text_is_read_in_composed_unicode(tmp_path):
    path = write_xlsx(tmp_path / "ds.xlsx", {"S": [["Nguye\u0302\u0303n"]]})

    assert read_spreadsheet(path).tables[0].rows[0][1] == ("Nguyễn",)


def test_a_hidden_sheet_is_skipped_with_a_notice(tmp_path):
    path = tmp_path / "ds.xlsx"
    book = xlsxwriter.Workbook(str(path))
    book.add_worksheet("Nhân sự").write_string(0, 0, "Họ và tên")
    book.add_worksheet("Cũ").hide()
    book.close()

    result = read_spreadsheet(path)

    assert [t.name for t in result.tables] == ["Nhân sự"]
    assert result.notices == [("bỏ qua trang tính ẩn 'Cũ'", "hidden sheet 'Cũ' ignored")]


def test_a_file_that_is_not_a_spreadsheet_is_refused(tmp_path):
    path = tmp_path / "ds.xlsx"
    path.write_text("Họ và tên,Ngày sinh\n", encoding="utf-8")

    assert refusal(path) == [
        "ds.xlsx: không phải bảng tính Excel (.xlsx): nội dung tệp không phải dạng Excel; mở "
        "bằng Excel và lưu lại dưới dạng 'Excel Workbook (*.xlsx)' (not an Excel workbook "
        "(.xlsx): the content is not in Excel's format; open it in Excel and save it as 'Excel "
        "Workbook (*.xlsx)')"
    ]


def test_a_pdf_named_xlsx_is_refused(tmp_path):
    path = tmp_path / "ds.xlsx"
    path.write_bytes(b"%PDF-1.7\n...")

    assert refusal(path) == [
        "ds.xlsx: không phải bảng tính: đây là tệp PDF đặt đuôi .xlsx (not a spreadsheet: this "
        "is a PDF file named .xlsx)"
    ]


def test_an_old_xls_or_password_protected_workbook_is_refused_with_what_to_do(tmp_path):
    path = tmp_path / "ds.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)

    assert refusal(path)[0].startswith(
        "ds.xlsx: không phải tệp .xlsx: đây là tệp Excel cũ (.xls) hoặc tệp có đặt mật khẩu"
    )


def test_other_extensions_are_refused(tmp_path):
    xls = tmp_path / "ds.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    doc = tmp_path / "ds.docx"
    doc.write_bytes(b"PK\x03\x04")

    assert refusal(xls)[0].startswith("ds.xls: định dạng .xls không được nhận: mở tệp bằng Excel")
    assert refusal(doc)[0].startswith(
        "ds.docx: không phải bảng tính: chỉ nhận tệp .xlsx hoặc .csv (tệp này có đuôi '.docx')"
    )


def test_an_empty_file_is_refused(tmp_path):
    path = tmp_path / "ds.csv"
    path.write_bytes(b"")

    assert refusal(path) == ["ds.csv: tệp rỗng (the file is empty)"]


def test_a_workbook_named_csv_is_refused(tmp_path):
    path = write_xlsx(tmp_path / "ds.xlsx", {"S": [["Họ và tên"]]})
    renamed = path.rename(tmp_path / "ds.csv")

    assert refusal(renamed)[0].startswith(
        "ds.csv: tệp có đuôi .csv nhưng thực ra là tệp Excel: đổi đuôi thành .xlsx"
    )


def test_a_damaged_zip_is_refused(tmp_path):
    path = tmp_path / "ds.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)

    assert refusal(path) == [
        "ds.xlsx: tệp Excel bị hỏng hoặc không đúng chuẩn: mở bằng Excel và lưu lại (the Excel "
        "file is damaged or non-standard: open it in Excel and save it again)"
    ]


def _add_member(path: Path, name: str, data: bytes) -> None:
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, data)


def test_a_zip_bomb_is_refused_by_its_compression_ratio_before_decompressing(tmp_path):
    path = write_xlsx(tmp_path / "ds.xlsx", {"S": [["Họ và tên"]]})
    _add_member(path, "xl/media/padding.bin", b"\0" * (8 * 1024 * 1024))

    (message,) = refusal(path)

    assert message.startswith(
        "ds.xlsx: tệp nén bất thường (thành phần 'xl/media/padding.bin' giải nén lớn gấp"
    )
    assert "có thể là 'bom nén' (zip bomb), không nhận" in message


def test_a_workbook_that_expands_beyond_the_cap_is_refused(tmp_path):
    path = write_xlsx(tmp_path / "ds.xlsx", {"S": [["Họ và tên"]]})

    (message,) = refusal(path, Limits(uncompressed_bytes=1024))

    assert message.startswith("ds.xlsx: tệp Excel giải nén ra 0 MiB (tối đa 0 MiB)")


def test_a_workbook_with_too_many_parts_is_refused(tmp_path):
    path = write_xlsx(tmp_path / "ds.xlsx", {"S": [["Họ và tên"]]})

    (message,) = refusal(path, Limits(zip_members=3))

    assert "thành phần (tối đa 3): không nhận" in message


def test_formulas_are_found_cell_by_cell_and_left_to_the_importer(tmp_path):
    # A summary sheet beside the list holds formulas; they are refused only where data is read.
    path = tmp_path / "ds.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Nhân sự")
    sheet.write_string(0, 0, "Họ và tên")
    sheet.write_formula(2, 1, "=1+2", None, 3)
    sheet.write_formula(4, 0, '=HYPERLINK("http://x", "y")')
    book.close()

    (table,) = read_spreadsheet(path).tables

    assert table.formulas == {3: {1}, 5: {0}}
    assert table.formula_count == 2


def test_too_many_formulas_are_refused(tmp_path):
    path = tmp_path / "ds.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Tổng hợp")
    for row in range(5):
        sheet.write_formula(row, 0, "=1+2", None, 3)
    book.close()

    (message,) = refusal(path, Limits(formulas_kept=4))

    assert "trang tính có 5 ô công thức (tối đa 4)" in message


def test_a_sheet_of_a_million_empty_rows_is_refused_before_it_is_loaded(tmp_path):
    path = tmp_path / "ds.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Nhân sự")
    sheet.write_string(0, 0, "Họ và tên")
    sheet.write_blank(1_048_575, 0, None, book.add_format({"bold": True}))
    book.close()

    assert refusal(path) == [
        "ds.xlsx: trang tính 'Nhân sự': trang tính kéo dài đến dòng 1.048.576 (tối đa 200.000 "
        "dòng): xóa các dòng trống hoặc thừa ở cuối, hoặc chia thành nhiều tệp (sheet 'Nhân sự': "
        "the sheet reaches row 1,048,576 (at most 200,000 rows): delete the empty or extra rows "
        "at its end, or split the file)"
    ]


def test_a_single_cell_in_the_far_corner_is_refused(tmp_path):
    path = tmp_path / "ds.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("S")
    sheet.write_string(0, 0, "Họ và tên")
    sheet.write_string(1_048_575, 16_383, "x")
    book.close()

    messages = refusal(path)

    assert any("kéo dài đến cột XFD (tối đa 256 cột)" in m for m in messages)


def test_a_sheet_that_spans_too_many_cells_is_refused(tmp_path):
    path = tmp_path / "ds.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("S")
    sheet.write_string(0, 0, "Họ và tên")
    sheet.write_string(999, 99, "x")
    book.close()

    (message,) = refusal(path, Limits(cells=10_000))

    assert "trang tính quá lớn (1000 dòng x 100 cột)" in message


# -- CSV ----------------------------------------------------------------------------------


def test_a_utf8_csv_is_read_with_or_without_bom(tmp_path):
    rows = [["Họ và tên", "Giới tính"], ["Trần Thị Thu Hà", "Nữ"]]
    plain = write_csv(tmp_path / "a.csv", rows)
    with_bom = write_csv(tmp_path / "b.csv", rows, encoding="utf-8-sig")

    for path in (plain, with_bom):
        assert read_spreadsheet(path).tables[0].rows == [
            (1, ("Họ và tên", "Giới tính")),
            (2, ("Trần Thị Thu Hà", "Nữ")),
        ]


def test_a_utf16_csv_with_a_bom_is_read(tmp_path):
    path = write_csv(tmp_path / "a.csv", [["Họ và tên"], ["Đặng Quốc Tuấn"]], encoding="utf-16")

    assert read_spreadsheet(path).tables[0].rows[1] == (2, ("Đặng Quốc Tuấn",))


def test_a_csv_saved_with_semicolons_is_read(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("Họ và tên;Ngày sinh\nA Thuấn;02/11/1967\n", encoding="utf-8")

    assert read_spreadsheet(path).tables[0].rows[1] == (2, ("A Thuấn", "02/11/1967"))


def test_a_quoted_cell_may_hold_the_delimiter_and_a_line_break(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text('Họ và tên,Trình độ\n"Lê Văn Bình","Đại học Luật,\nThạc sĩ"\nY Ngọc,x\n')

    rows = read_spreadsheet(path).tables[0].rows

    assert rows[1] == (2, ("Lê Văn Bình", "Đại học Luật,\nThạc sĩ"))
    assert rows[2][0] == 4


def test_a_csv_in_windows_1258_is_refused_naming_the_line(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes("Ho va ten\nNguy\u00ea\u0303n V\u0103n H\u00f9ng\n".encode("cp1258"))

    assert refusal(path) == [
        "a.csv: dòng 2: dòng 2 có byte không đọc được theo UTF-8 (ea de 6e 20): tệp có lẽ được "
        "lưu bằng bảng mã khác (Windows-1258, Windows-1252, TCVN3); mở bằng Excel và lưu lại dưới "
        "dạng 'CSV UTF-8' (row 2: line 2 has bytes that are not UTF-8 (ea de 6e 20): the file was "
        "probably saved in another encoding (Windows-1258, Windows-1252, TCVN3); open it in Excel "
        "and save it as 'CSV UTF-8')"
    ]


def test_utf8_text_garbled_through_windows_1252_is_refused_naming_the_line(tmp_path):
    garbled = "Nguyễn Văn Hùng".encode().decode("cp1252", errors="replace")
    path = tmp_path / "a.csv"
    path.write_text(f"Họ và tên\nA Thuấn\n{garbled}\n", encoding="utf-8")

    (message,) = refusal(path)

    assert message.startswith("a.csv: dòng 3: dòng 3 có chữ bị lỗi mã hóa ('Nguyá»")
    assert "lưu lại từ Excel dưới dạng 'CSV UTF-8'" in message


def test_a_utf16_csv_without_a_bom_is_refused(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes("Họ và tên\n".encode("utf-16-le"))

    assert refusal(path)[0].startswith(
        "a.csv: dòng 1: tệp có byte 0: có thể là UTF-16 không có BOM, hoặc không phải tệp văn bản"
    )


def test_a_csv_of_a_million_empty_lines_is_refused(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(b"Ho va ten\n" + b"\n" * 1_000_000)

    assert refusal(path) == [
        "a.csv: tệp có hơn 200.000 dòng: xóa các dòng trống hoặc thừa ở cuối, hoặc chia thành "
        "nhiều tệp (the file has more than 200,000 lines: delete the empty or extra lines at its "
        "end, or split it)"
    ]
