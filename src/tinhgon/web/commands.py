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


def grant(
    username: Annotated[str, typer.Argument(help="Tên đăng nhập / user name")],
    role: Annotated[
        str,
        typer.Option(
            "--role", help="province_admin, viewer, editor hoặc approver / the role to give"
        ),
    ],
    province: Annotated[
        str | None,
        typer.Option("--province", help="Mã tỉnh (quản trị cấp tỉnh) / province code"),
    ] = None,
    agency: Annotated[
        str | None, typer.Option("--agency", help="Mã cơ quan (lịch sử) / agency code")
    ] = None,
    unit: Annotated[
        str,
        typer.Option(
            "--unit", help="Chỉ một cơ quan trong lịch sử / only one agency inside the history"
        ),
    ] = "",
) -> None:
    """Cấp quyền / Grant a role: quản trị cấp tỉnh (--province) hoặc trên một cơ quan (--agency).

    Tài khoản chưa có được tạo, mật khẩu in ra một lần. A missing account is created and its
    password printed once.
    """
    setup_django()
    from tinhgon.web import models, province_roles, services

    def fail(vi: str, en: str) -> None:
        typer.echo(f"{vi} ({en})", err=True)
        raise typer.Exit(2)

    try:
        if role == province_roles.PROVINCE_ADMIN:
            if not province:
                fail("cần --province CODE", "--province CODE is needed")
            row = models.Province.objects.filter(code=province).first()
            if row is None:
                known = ", ".join(models.Province.objects.values_list("code", flat=True))
                fail(
                    f"không có tỉnh '{province}' (các tỉnh: {known or 'chưa có'})",
                    f"no province '{province}'",
                )
            _, password = province_roles.grant_province_admin(
                province=row, username=username, by=None
            )
            where = f"quản trị cấp tỉnh {row.name}"
        else:
            target = models.Agency.objects.filter(code=agency or "").first()
            if target is None:
                fail(f"không có cơ quan '{agency}' (--agency)", f"no agency '{agency}'")
            _, password = services.membership_grant(
                agency=target, username=username, role=role, by=None
            )
            if unit:
                province_roles.limit_membership(
                    agency=target, username=username, unit=unit, by=None
                )
            where = f"{role} trên {target.name}" + (f" (chỉ cơ quan {unit})" if unit else "")
    except services.ServiceError as error:
        fail(error.vi, error.en)
    typer.echo(f"Đã cấp quyền {where} cho {username}. (Granted.)")
    if password:
        typer.echo(f"Tài khoản mới / new account: {username}  mật khẩu / password: {password}")
