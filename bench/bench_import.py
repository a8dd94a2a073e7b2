"""Benchmark: import of a 50,000-row staff workbook (time and peak memory), printed as JSON.

    python bench/bench_import.py [--rows 50000]

The workbook is made first (not timed): a 'Cơ quan' sheet, 50 units and the staff list with
the 15 columns of an export. Then, each timed on its own:

* read: the zip and formula scan and the cells (tinhgon.io.sheets.read_spreadsheet);
* check: every row read, matched and turned into dated changes, and the new project's
  timeline built and validated (tinhgon.io.staff_import.import_workbook);
* rejected: the same workbook with one bad row at its end, up to the refusal, and the copy
  with the error column;
* yaml_dump_5000: writing a 5,000-person project with the core's YAML writer, for scale (the
  command writes the project file after the import; see notes/issue-5-excel.md).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import xlsxwriter

from tinhgon.io import dump_project
from tinhgon.io.errors import SpreadsheetError
from tinhgon.io.sheets import read_spreadsheet
from tinhgon.io.staff_import import ImportOptions, import_workbook
from tinhgon.io.xlsx_export import write_error_copy

UNITS = 50
OPTIONS = ImportOptions(
    on=dt.date(2024, 12, 31),
    basis="15/BC-SNV",
    basis_date=dt.date(2024, 12, 31),
    basis_title="Danh sách cán bộ, công chức, viên chức năm 2024",
)
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Thanh", "Minh", "Quốc", "Thu"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hùng", "Lan", "Mai", "Nam", "Ngọc", "Tâm", "Yến"]


def make_workbook(path: Path, rows: int, *, bad_last_row: bool = False) -> None:
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    date = book.add_format({"num_format": "dd/mm/yyyy"})
    agency = book.add_worksheet("Cơ quan")
    agency.write_row(0, 0, ["Thông tin", "Giá trị"])
    agency.write_row(1, 0, ["Mã cơ quan", "snv"])
    agency.write_row(2, 0, ["Tên cơ quan", "Sở Nội vụ tỉnh Thử nghiệm"])
    agency.write_row(3, 0, ["Loại đơn vị", "Sở"])
    units = book.add_worksheet("Đơn vị")
    units.write_row(0, 0, ["STT", "Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Trực thuộc"])
    for i in range(UNITS):
        units.write_row(i + 1, 0, [i + 1, f"dv{i:02d}", f"Phòng Thử nghiệm {i:02d}", "Phòng", None])
    staff = book.add_worksheet("Nhân sự")
    staff.write_row(
        0,
        0,
        [
            "STT",
            "Mã",
            "Họ và tên",
            "Ngày sinh",
            "Giới tính",
            "Loại",
            "Số định danh cá nhân",
            "Mã đơn vị",
            "Đơn vị",
            "Chức vụ",
            "Mã ngạch",
            "Ngạch",
            "Trình độ chuyên môn",
            "Lý luận chính trị",
            "Xếp loại 2024",
        ],
    )
    for i in range(rows):
        name = f"{FAMILY[i % 10]} {MIDDLE[i % 8]} {GIVEN[i % 12]}"
        unit = i % UNITS
        post = "Trưởng phòng" if i < UNITS else ("Phó Trưởng phòng" if i < 2 * UNITS else None)
        staff.write_row(i + 1, 0, [i + 1, f"p{i + 1:05d}", name])
        staff.write_datetime(i + 1, 3, dt.datetime(1965 + i % 35, 1 + i % 12, 1 + i % 28), date)
        staff.write_row(
            i + 1,
            4,
            [
                "X" if bad_last_row and i == rows - 1 else ("Nam" if i % 2 else "Nữ"),
                "công chức",
                f"0{62000000000 + i:011d}",
                f"dv{unit:02d}",
                f"Phòng Thử nghiệm {unit:02d}",
                post,
                "01.003",
                "Chuyên viên",
                "Đại học Kinh tế",
                "Trung cấp",
                "Hoàn thành tốt nhiệm vụ",
            ],
        )
    book.close()


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000)
    rows = parser.parse_args().rows
    with tempfile.TemporaryDirectory() as folder:
        good, bad = Path(folder, "nhan-su.xlsx"), Path(folder, "nhan-su-loi.xlsx")
        make_workbook(good, rows)
        make_workbook(bad, rows, bad_last_row=True)
        rss_before = rss_mib()

        start, cpu = time.perf_counter(), time.process_time()
        book = read_spreadsheet(good)
        read_seconds = time.perf_counter() - start
        read_cpu = time.process_time() - cpu
        start, cpu = time.perf_counter(), time.process_time()
        result = import_workbook(book, None, OPTIONS)
        check_seconds = time.perf_counter() - start
        check_cpu = time.process_time() - cpu
        assert len(result.project.people) == rows
        peak_rss = rss_mib()
        del book, result

        tracemalloc.start()
        import_workbook(read_spreadsheet(good), None, OPTIONS)
        python_peak = tracemalloc.get_traced_memory()[1] / (1024 * 1024)
        tracemalloc.stop()

        start = time.perf_counter()
        bad_book = read_spreadsheet(bad)
        try:
            import_workbook(bad_book, None, OPTIONS)
            raise SystemExit("the bad row was not found")
        except SpreadsheetError as error:
            problems = error.problems
        rejected_seconds = time.perf_counter() - start
        start = time.perf_counter()
        write_error_copy(Path(folder, "nhan-su-loi.loi.xlsx"), bad_book, problems)
        copy_seconds = time.perf_counter() - start

        make_workbook(good, 5_000)
        small = import_workbook(read_spreadsheet(good), None, OPTIONS).project
        start = time.perf_counter()
        dump_project(small)
        yaml_seconds = time.perf_counter() - start

    print(
        json.dumps(
            {
                "benchmark": "import",
                "rows": rows,
                "read_seconds": round(read_seconds, 2),
                "check_seconds": round(check_seconds, 2),
                "import_seconds": round(read_seconds + check_seconds, 2),
                # CPU time of the process: what the import costs on a machine shared by others
                "import_cpu_seconds": round(read_cpu + check_cpu, 2),
                "load_average_1min": round(os.getloadavg()[0], 1),
                "peak_rss_mib": round(peak_rss, 1),
                "rss_before_import_mib": round(rss_before, 1),
                "python_peak_mib": round(python_peak, 1),
                "rejected_seconds": round(rejected_seconds, 2),
                "error_copy_seconds": round(copy_seconds, 2),
                "yaml_dump_5000_people_seconds": round(yaml_seconds, 2),
                "python": sys.version.split()[0],
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
