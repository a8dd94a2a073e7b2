"""Vietnamese unless the user chose English: the language comes from the choice the user made
(the language cookie set by the switch), never from the browser's own settings."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import translation


class LanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.available = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in self.available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language  # type: ignore[attr-defined]
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        translation.deactivate()
        return response


class UploadLimitMiddleware:
    """A request body over ``TINHGON_UPLOAD_MAX_BYTES`` is refused (413) from its
    Content-Length, before a byte of it is read: one upload cannot fill the disk or the
    memory."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.limit = int(settings.TINHGON_UPLOAD_MAX_BYTES)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > self.limit:
            from tinhgon.web.views.errors import too_large

            return too_large(request, self.limit)
        return self.get_response(request)


class RefuseNulMiddleware:
    """A NUL character in an API request (path, query or JSON body) is refused with 400: no
    text in tinhgon holds one, and PostgreSQL refuses it in a query (a 500 otherwise; found by
    the schema-driven tests). Form fields refuse it already (Django's CharField)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith("/api/") and self._has_nul(request):
            return JsonResponse(
                {
                    "detail": "yêu cầu chứa ký tự NUL, không hợp lệ",
                    "detail_en": "the request contains a NUL character",
                },
                status=400,
            )
        return self.get_response(request)

    @staticmethod
    def _has_nul(request: HttpRequest) -> bool:
        if "\x00" in request.path or "%00" in request.META.get("QUERY_STRING", "").lower():
            return True
        if request.method in ("POST", "PUT", "PATCH") and "json" in request.content_type:
            body = request.body
            return b"\x00" in body or b"\\u0000" in body
        return False
