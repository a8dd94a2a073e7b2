"""Vietnamese unless the user chose English: the language comes from the choice the user made
(the language cookie set by the switch), never from the browser's own settings."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
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
