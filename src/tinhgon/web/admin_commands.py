"""Commands for administrators setting up and keeping a server, registered on the ``tinhgon``
command line by ``tinhgon.entry``: ``load``, ``backup``, ``restore``, ``token``,
``token-list``, ``token-revoke``. Each honours ``TINHGON_DATA_DIR`` and ``DATABASE_URL`` (the
same settings as ``tinhgon serve``) and migrates the database first.

Exit codes as the rest of the command line: 0 done, 2 bad input (a malformed file, an unknown
user, a database that is not empty for a restore).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from tinhgon.web.commands import setup_django

EXIT_BAD_INPUT = 2

# The command line's progress bars (``tinhgon.cli.progress.progress_bar``), handed over by
# ``tinhgon.entry``: the web layer does not import the command line.
Bar = Callable[[str, int, int], None]


def _no_bar() -> AbstractContextManager[Bar | None]:
    return nullcontext(None)


progress_bar: Callable[[], AbstractContextManager[Bar | None]] = _no_bar
BACKUP_FORMAT = 1

# What a backup leaves out: rebuilt by ``migrate`` (content types, permissions) or passing
# state that a restored server does not need (sessions, login attempts).
EXCLUDED = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "axes",
]


def _fail(message: str) -> NoReturn:
    typer.echo(message, err=True)
    raise typer.Exit(EXIT_BAD_INPUT)


def _migrate() -> None:
    setup_django()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def _where() -> str:
    from django.conf import settings

    database = settings.DATABASES["default"]
    if "sqlite" in database["ENGINE"]:
        return str(database["NAME"])
    return f"PostgreSQL {database.get('HOST') or ''}/{database['NAME']}"


# -- load --------------------------------------------------------------------------------------


def load(
    file: Annotated[
        Path,
        typer.Argument(
            help="Tệp dự án (.yaml), hoặc thư mục của 'example national' / project file, or a "
            "folder written by 'example national'"
        ),
    ],
    province: Annotated[
        str, typer.Option("--province", help="Tên tỉnh của cơ quan / the agency's province")
    ] = "",
    replace: Annotated[
        bool,
        typer.Option(
            "--replace", help="Thay dữ liệu của cơ quan đã có / replace an existing agency's data"
        ),
    ] = False,
    reason: Annotated[str, typer.Option("--reason", help="Lý do / reason (audit log)")] = "",
) -> None:
    """Nạp tệp dự án vào cơ sở dữ liệu / Load a project file into the database.

    Như trang "Nhập tệp dự án": cả tệp hoặc không gì cả; dữ liệu trước đó (khi --replace) được
    lưu trong nhật ký. As the web application's project import: all or nothing; with --replace
    the previous content is kept in the audit log.

    Một thư mục của 'tinhgon example national': mỗi tỉnh một cơ quan, nạp hàng loạt, mỗi tỉnh
    một giao dịch (cả tỉnh hoặc không); tỉnh lỗi được nêu tên. A national folder: one agency
    per province, in bulk, one transaction per province; a failed province is named.
    """
    _migrate()
    if file.is_dir():  # a national dataset: one agency per province, in bulk
        _load_national(file, replace, reason)
        return
    from django.utils.text import slugify

    from tinhgon.domain import TinhgonError
    from tinhgon.io import ProjectFileError, parse_project
    from tinhgon.web import models, services

    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        _fail(f"{file}: không tìm thấy tệp (file not found)")
    except UnicodeDecodeError:
        _fail(f"{file}: tệp không được mã hóa UTF-8 (the file is not UTF-8)")
    try:
        project = parse_project(text, name=file.name)
    except TinhgonError as error:
        if not isinstance(error, ProjectFileError):
            _fail(
                f"{file}: {error.vi} ({error.en})\nTệp không được nạp. (The file was not loaded.)"
            )
        count = len(error.problems)
        _fail(
            "\n".join(str(p) for p in error.problems)
            + f"\nTệp không được nạp: {count} lỗi. (The file was not loaded: {count} error(s).)"
        )
    existing = models.Agency.objects.filter(code=project.agency.id).first()
    if existing is not None and not replace:
        _fail(
            f"cơ quan '{project.agency.id}' đã có trong cơ sở dữ liệu; dùng --replace để thay "
            f"(agency '{project.agency.id}' exists; use --replace to replace its data)"
        )
    place = None
    name = province.strip() or (project.agency.province or "")
    if name:
        code = slugify(name.replace("đ", "d").replace("Đ", "D")) or "tinh"
        place, _ = models.Province.objects.get_or_create(code=code, defaults={"name": name})
    try:
        agency = services.agency_import(
            text=text,
            filename=file.name,
            user=None,
            reason=reason or "Nạp từ dòng lệnh (tinhgon load)",
            province=place if existing is None else None,
            agency=existing,
            project=project,
        )
    except services.ServiceError as error:
        _fail(f"{error.vi} ({error.en})")
    typer.echo(
        f"Đã nạp / loaded: {agency.name} ({agency.code}) — {len(project.people)} người / people, "
        f"{len(project.timeline)} thay đổi / changes, {len(project.plans)} đề án / plans "
        f"→ {_where()}"
    )


def _load_national(folder: Path, replace: bool, reason: str) -> None:
    from tinhgon.web.bulk_load import NotNational, load_national

    try:
        with progress_bar() as bar:
            report = load_national(folder, replace=replace, reason=reason, progress=bar)
    except NotNational as error:
        _fail(f"{error.vi} ({error.en})")
    loaded = [p for p in report.provinces if not p.error]
    people = sum(p.people for p in loaded)
    changes = sum(p.changes for p in loaded)
    typer.echo(
        f"Đã nạp / loaded: {len(loaded)} tỉnh, thành phố / provinces, {people} người / people, "
        f"{changes} thay đổi / changes → {_where()}"
    )
    for failed in report.failed:
        typer.echo(f"{failed.file}: không nạp / not loaded — {failed.error}", err=True)
    if report.failed:
        _fail(
            f"{len(report.failed)} tỉnh không nạp được (không ghi gì của các tỉnh đó) / "
            f"{len(report.failed)} province(s) not loaded (nothing of them written)"
        )


# -- backup and restore ------------------------------------------------------------------------


def _dump() -> list[dict[str, Any]]:
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command(
        "dumpdata",
        *[f"--exclude={e}" for e in EXCLUDED],
        "--natural-foreign",
        "--natural-primary",
        format="json-exact",
        stdout=out,
    )
    data: list[dict[str, Any]] = json.loads(out.getvalue())
    return data


def backup(
    output: Annotated[Path, typer.Option("--output", "-o", help="Tệp sao lưu / backup file")],
) -> None:
    """Sao lưu toàn bộ cơ sở dữ liệu / Back up the whole database into one JSON file.

    Cơ quan, văn bản, nhân sự, lịch sử, đề án, tài khoản, quyền, mã API (chỉ bản băm), nhật ký.
    Agencies, documents, people, history, plans, accounts, roles, API tokens (hashes only) and
    the audit log; SQLite or PostgreSQL alike.
    """
    _migrate()
    from django.db import connection
    from django.db.migrations.recorder import MigrationRecorder
    from django.utils import timezone

    rows = _dump()
    applied = sorted(f"{m.app}.{m.name}" for m in MigrationRecorder.Migration.objects.all())
    document = {
        "tinhgon_backup": BACKUP_FORMAT,
        "made_at": timezone.now().isoformat(),
        "database": connection.vendor,
        "migrations": applied,
        "rows": rows,
    }
    output.parent.mkdir(parents=True, exist_ok=True)
    # Written beside the target then renamed: a backup interrupted midway never replaces a
    # good one with half a file.
    handle, temporary = tempfile.mkstemp(dir=output.parent, prefix=".tinhgon-backup-")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(document, stream, ensure_ascii=False)
        os.replace(temporary, output)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    typer.echo(f"Đã sao lưu / backed up {len(rows)} dòng / rows từ / from {_where()} → {output}")


def _is_empty() -> bool:
    from django.contrib.auth import get_user_model

    from tinhgon.web import models

    return not (
        get_user_model().objects.exists()
        or models.Agency.objects.exists()
        or models.Province.objects.exists()
        or models.AuditEntry.objects.exists()
    )


def restore(
    file: Annotated[Path, typer.Argument(help="Tệp sao lưu / backup file")],
) -> None:
    """Khôi phục bản sao lưu vào cơ sở dữ liệu trống / Restore a backup into an empty database.

    Cả bản sao lưu hoặc không gì cả (một giao dịch). All of the backup or nothing (one
    transaction). The database must be empty (a new data folder or a new PostgreSQL database).
    """
    try:
        document = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        _fail(f"{file}: không tìm thấy tệp (file not found)")
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        _fail(f"{file}: không phải bản sao lưu của tinhgon ({error}) (not a tinhgon backup)")
    if not isinstance(document, dict) or document.get("tinhgon_backup") != BACKUP_FORMAT:
        _fail(f"{file}: không phải bản sao lưu của tinhgon (not a tinhgon backup)")
    _migrate()
    from django.core import serializers
    from django.core.management.color import no_style
    from django.db import DatabaseError, connection, transaction
    from django.db.migrations.recorder import MigrationRecorder

    applied = {f"{m.app}.{m.name}" for m in MigrationRecorder.Migration.objects.all()}
    unknown = sorted(set(document.get("migrations", [])) - applied)
    if unknown:
        _fail(
            "bản sao lưu từ phiên bản mới hơn; hãy nâng cấp tinhgon trước "
            f"(the backup is from a newer version; upgrade first): {', '.join(unknown[:5])}"
        )
    if not _is_empty():
        _fail(
            f"cơ sở dữ liệu {_where()} không trống; chỉ khôi phục vào cơ sở dữ liệu trống "
            "(the database is not empty; restore into an empty one)"
        )
    models_seen = set()
    try:
        with transaction.atomic():
            for item in serializers.deserialize("json", json.dumps(document["rows"])):
                item.save()
                models_seen.add(type(item.object))
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), list(models_seen)):
                    cursor.execute(sql)
    except (DatabaseError, serializers.base.DeserializationError) as error:
        _fail(f"không khôi phục được, không có gì được ghi (nothing was restored): {error}")
    typer.echo(f"Đã khôi phục / restored {len(document['rows'])} dòng / rows vào / into {_where()}")


# -- API tokens --------------------------------------------------------------------------------


def token(
    username: Annotated[str, typer.Argument(help="Tên đăng nhập / user name")],
    name: Annotated[str, typer.Option("--name", help="Tên gợi nhớ của mã / a label")] = "api",
    days: Annotated[
        int, typer.Option("--days", help="Số ngày hiệu lực (1–365) / days of validity")
    ] = 90,
) -> None:
    """Tạo mã truy cập API / Create an API token for a user (printed once), valid DAYS days."""
    _migrate()
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from tinhgon.web.tokens import TokenError, token_create

    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        _fail(f"không có người dùng '{username}' (no such user)")
    try:
        row, value = token_create(user=user, name=name, days=days, now=timezone.now())
    except TokenError as error:
        _fail(f"{error.vi} ({error.en})")
    typer.echo(value)
    assert row.expires_at is not None
    typer.echo(
        f"mã số / id {row.pk}, hết hạn / expires {timezone.localtime(row.expires_at):%d/%m/%Y %H:%M}",
        err=True,
    )


def token_list(
    username: Annotated[
        str, typer.Option("--user", help="Chỉ mã của người này / only this user's tokens")
    ] = "",
) -> None:
    """Liệt kê mã truy cập API / List API tokens (never the tokens themselves)."""
    _migrate()
    from django.utils import timezone

    from tinhgon.web import models

    rows = models.ApiToken.objects.select_related("user").order_by("user__username", "pk")
    if username:
        rows = rows.filter(user__username=username)
    now = timezone.now()
    states = {"active": "còn hiệu lực", "expired": "hết hạn", "revoked": "đã thu hồi"}

    def when(value: Any) -> str:
        return f"{timezone.localtime(value):%d/%m/%Y}" if value else "—"

    typer.echo("mã số\tngười dùng\ttên\ttạo ngày\thết hạn\tdùng lần cuối\ttrạng thái")
    for row in rows:
        typer.echo(
            f"{row.pk}\t{row.user.get_username()}\t{row.name}\t{when(row.created_at)}\t"
            f"{when(row.expires_at)}\t{when(row.last_used_at)}\t{states[row.state(now)]}"
        )


def token_revoke(
    token_id: Annotated[int, typer.Argument(help="Mã số của mã (xem token-list) / token id")],
) -> None:
    """Thu hồi một mã truy cập API / Revoke an API token: it stops working at once."""
    _migrate()
    from django.utils import timezone

    from tinhgon.web import models
    from tinhgon.web.tokens import token_revoke as revoke

    row = models.ApiToken.objects.select_related("user").filter(pk=token_id).first()
    if row is None:
        _fail(f"không có mã số {token_id} (no such token)")
    revoke(token=row, now=timezone.now())
    typer.echo(f"Đã thu hồi / revoked: {row.pk} ({row.user.get_username()}, {row.name})")
