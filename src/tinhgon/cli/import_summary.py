"""What ``tinhgon import`` prints: the problems that stopped it (and where the copy with an
error column went), what it waits for the user to confirm, and what it did, kind by kind.

Each ends the command with an error (``fail``) or prints to the terminal; nothing is written.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from tinhgon.cli.main import fail, out, vn_date

if TYPE_CHECKING:
    from tinhgon.io.errors import ConfirmationNeeded, SpreadsheetError
    from tinhgon.io.staff_import import ImportResult

__all__ = ["PRINTED_PROBLEMS", "ask", "fail_problems", "print_summary"]

PRINTED_PROBLEMS = 200


def fail_problems(error: SpreadsheetError, copy: Path | None) -> None:
    problems = error.problems
    lines = [str(p) for p in problems[:PRINTED_PROBLEMS]]
    if len(problems) > PRINTED_PROBLEMS:
        more = len(problems) - PRINTED_PROBLEMS
        lines.append(f"… và {more} lỗi khác (and {more} more)")
    count = len(problems)
    if error.asked is not None:
        lines.append(
            "Sau khi sửa, cần xác nhận thêm (after fixing, to confirm as well; see --create-units, "
            "--accept-matches, --accept-warnings):"
        )
        lines.extend(f"  {p}" for p in error.asked.items[:PRINTED_PROBLEMS])
    lines.append(f"Không nhập gì: {count} lỗi. (Nothing was imported: {count} problem(s).)")
    if copy is not None:
        lines.append(f"Bản sao có cột 'Lỗi' / a copy with an error column: {copy}")
    fail("\n".join(lines))


def ask(asked: ConfirmationNeeded) -> None:
    """What the import waits for: printed with the flag that confirms it; nothing written."""
    lines: list[str] = []
    for items, flag, vi, en in (
        (asked.units, "--create-units", "Đơn vị mới sẽ thành lập", "new units to create"),
        (
            asked.matches,
            "--accept-matches",
            "Khớp theo họ tên, ngày sinh cần xác nhận",
            "matches by name and birth date to confirm",
        ),
        (asked.warnings, "--accept-warnings", "Cảnh báo cần xác nhận", "warnings to acknowledge"),
    ):
        if not items:
            continue
        lines.append(f"{vi} ({en}): {len(items)} — thêm {flag} để xác nhận (add {flag})")
        lines.extend(f"  {p}" for p in items[:PRINTED_PROBLEMS])
    lines.append("Không ghi gì: cần xác nhận. (Nothing was written: confirmation needed.)")
    fail("\n".join(lines))


_KIND_ORDER = (
    "create",
    "rename",
    "move",
    "set_quota",
    "hire",
    "transfer",
    "appoint",
    "relieve",
    "leave",
)


def print_summary(file: Path, into: Path, result: ImportResult, dry_run: bool) -> None:
    verb = "Sẽ nhập" if dry_run else "Đã nhập"
    action = "tạo tệp dự án mới" if result.created else "cập nhật"
    out.print(
        f"{verb} {file.name} vào {into} ({action}) tại ngày {vn_date(result.on)}, căn cứ "
        f"{result.basis.symbol}: {len(result.changes)} thay đổi.",
        markup=False,
    )
    labels: dict[str, str] = {}
    for change in result.changes:
        labels.setdefault(change.kind, f"{change.label.vi} / {change.label.en}")
    for kind in _KIND_ORDER:
        if result.counts.get(kind):
            out.print(f"  {labels[kind]}: {result.counts[kind]}", markup=False)
    if result.created_units:
        out.print(
            f"  đơn vị mới thành lập / units created: {len(result.created_units)}: "
            + ", ".join(f"{name} ({uid})" for uid, name in result.created_units),
            markup=False,
        )
    if result.matched:
        out.print(
            f"  khớp chắc chắn theo họ tên, ngày sinh, đơn vị / certain matches by name, birth "
            f"date and unit: {len(result.matched)} người",
            markup=False,
        )
        _print_people(f"{name} ({pid}), dòng {row}" for pid, name, row in result.matched)
    if result.updated:
        out.print(
            f"  cập nhật thông tin / details updated: {len(result.updated)} người", markup=False
        )
        _print_people(
            f"{name} ({pid}): {', '.join(fields)}" for pid, name, fields in result.updated
        )
    if result.absent:
        out.print(
            f"Lưu ý: {len(result.absent)} người đang công tác tại ngày {vn_date(result.on)} không có "
            "trong danh sách; vẫn giữ nguyên (dùng --complete nếu danh sách là đầy đủ). "
            f"({len(result.absent)} people on the staff are not in the list; kept.)",
            markup=False,
        )
        retiring = {pid: when for pid, _, when in result.retiring}
        _print_people(
            f"{name} ({pid})"
            + (
                f" — đã đến tuổi nghỉ hưu ngày {vn_date(retiring[pid])}: đề nghị ghi nghỉ hưu "
                "(--complete)"
                if pid in retiring
                else ""
            )
            for pid, name in result.absent
        )
    for vi, en in result.notices:
        out.print(f"Lưu ý: {vi} ({en})", markup=False)


PRINTED_PEOPLE = 30


def _print_people(lines: Iterable[str]) -> None:
    """The first people of a list, one a line, then how many more there are."""
    more = 0
    for count, line in enumerate(lines):
        if count < PRINTED_PEOPLE:
            out.print(f"    {line}", markup=False)
        else:
            more += 1
    if more:
        out.print(f"    … và {more} người khác", markup=False)
