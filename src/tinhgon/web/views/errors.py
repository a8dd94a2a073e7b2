"""Error pages (400, 404, 500) in the page's language, with the navigation."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _


def _render(
    request: HttpRequest, status: int, title: str, explanation: str, detail: str = ""
) -> HttpResponse:
    context = {"title": title, "explanation": explanation, "detail": detail, "status": status}
    try:
        html = render_to_string("tinhgon/error.html", context, request=request)
    except Exception:  # the page itself must never fail: a plain one then
        html = f"<!doctype html><title>{status}</title><h1>{title}</h1><p>{explanation}</p><p><a href='/'>tinhgon</a></p>"
    return HttpResponse(html, status=status)


def bad_request(request: HttpRequest, exception: Any = None) -> HttpResponse:
    detail = str(exception) if exception is not None and exception.args else ""
    return _render(
        request,
        400,
        _("Yêu cầu không hợp lệ"),
        _(
            "Địa chỉ hoặc dữ liệu gửi lên không đúng; hãy kiểm tra lại, ví dụ ngày phải từ 01/01/1900 đến 31/12/2100."
        ),
        detail,
    )


def not_found(request: HttpRequest, exception: Any = None) -> HttpResponse:
    return _render(
        request,
        404,
        _("Không tìm thấy trang"),
        _("Trang này không có, hoặc tài khoản của bạn không được xem nó."),
    )


def server_error(request: HttpRequest) -> HttpResponse:
    return _render(
        request,
        500,
        _("Đã có lỗi ở máy chủ"),
        _(
            "Thao tác chưa hoàn thành. Lỗi đã được ghi lại; hãy thử lại sau hoặc báo quản trị hệ thống."
        ),
    )


def too_large(request: HttpRequest, limit: int) -> HttpResponse:
    megabytes = limit // (1024 * 1024)
    response = _render(
        request,
        413,
        _("Tệp quá lớn"),
        _("Tệp gửi lên vượt quá giới hạn %(mb)d MB nên không được đọc; hãy chia nhỏ tệp.")
        % {"mb": megabytes},
    )
    response["Connection"] = "close"
    return response
