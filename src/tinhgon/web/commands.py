"""Commands of the web application, registered on the ``tinhgon`` command line by
``tinhgon.entry``: ``serve`` and ``manage`` (``token`` and the other administrators'
commands are in ``admin_commands``). Django is imported only when they run."""

from __future__ import annotations

import os
from typing import Annotated

import typer


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tinhgon.web.settings")
    import django

    try:
        django.setup()
    except ValueError as error:
        # A malformed setting from the environment (TINHGON_DEBUG=maybe, a bad DATABASE_URL):
        # stop with a clear message, not a traceback.
        typer.echo(
            f"cấu hình sai, không khởi động (bad configuration, not started): {error}", err=True
        )
        raise typer.Exit(2) from None


def serve(
    host: Annotated[
        str, typer.Option("--host", help="Địa chỉ lắng nghe / address to listen on")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Cổng / port")] = 8000,
    threads: Annotated[
        int, typer.Option("--threads", help="Số luồng phục vụ / worker threads")
    ] = 8,
) -> None:
    """Chạy ứng dụng web / Run the web application.

    Cập nhật cơ sở dữ liệu, nạp ví dụ Kon Tum vào cơ sở dữ liệu trống, tạo tài khoản quản trị
    đầu tiên (mật khẩu in ra một lần), rồi phục vụ tại http://HOST:PORT.
    Migrates the database, loads the Kon Tum example into an empty one, creates the first
    administrator (password printed once), then serves at http://HOST:PORT.
    """
    setup_django()
    from django.conf import settings
    from django.core.management import call_command
    from waitress import serve as waitress_serve

    from tinhgon.web import bootstrap
    from tinhgon.web.wsgi import application

    call_command("migrate", interactive=False, verbosity=0)
    database = settings.DATABASES["default"]
    where = (
        database["NAME"]
        if "sqlite" in database["ENGINE"]
        else f"PostgreSQL {database.get('HOST') or ''}/{database['NAME']}"
    )
    typer.echo(f"Cơ sở dữ liệu / database: {where}")
    agency = bootstrap.load_example_if_empty()
    if agency is not None:
        typer.echo(f"Đã nạp ví dụ / example loaded: {agency.name}")
    admin = bootstrap.create_first_admin()
    if admin is not None:
        typer.echo(
            f"Tài khoản quản trị / administrator: {admin[0]}  mật khẩu / password: {admin[1]}\n"
            "Mật khẩu chỉ in ra một lần này; hãy lưu lại. (Shown only once: keep it.)"
        )
    typer.echo(
        f"Phục vụ tại / serving at http://{host}:{port}/",
    )
    waitress_serve(application, host=host, port=port, threads=threads, ident="tinhgon", _quiet=True)


def manage(
    args: Annotated[
        list[str] | None, typer.Argument(help="Lệnh của Django / a Django management command")
    ] = None,
) -> None:
    """Lệnh quản trị Django / Run a Django management command (createsuperuser, migrate…)."""
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["tinhgon manage", *(args or ["help"])])
