"""One read of an agency's stamp a request.

``repository`` asks the database for ``Agency.stamp`` each time it is handed an agency (to know
whether its cached project is still the agency's); a staff page asked it six times. Within a
request, ``StampMiddleware`` keeps the stamp read first; as soon as the request's connection
runs anything but a ``SELECT`` (a write of this request, whatever does it, or a savepoint), every
stamp kept is forgotten and the rest of the request reads the stamp each time, as before (a
stamp read after a write may be rolled back with it). Nothing is kept between requests
(another process's write is seen by the next request) nor outside a request (the command line,
code calling the repository directly).
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from django.db import connection
from django.http import HttpRequest, HttpResponse


class _Kept:
    __slots__ = ("off", "stamps")

    def __init__(self) -> None:
        self.stamps: dict[int, Any] = {}
        self.off = False  # something was written: read the stamp each time from then on


_kept: ContextVar[_Kept | None] = ContextVar("tinhgon_request_stamps", default=None)


def kept_stamp(agency_pk: int, read: Callable[[], Any]) -> Any:
    """The agency's stamp: the one read earlier in this request when nothing was written
    since, otherwise ``read()`` (kept for the rest of the request when that is safe)."""
    kept = _kept.get()
    if kept is None or kept.off:
        return read()
    if agency_pk not in kept.stamps:
        kept.stamps[agency_pk] = read()
    return kept.stamps[agency_pk]


def _forget_on_write(
    execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any
) -> Any:
    if not sql.lstrip()[:6].upper().startswith("SELECT"):
        kept = _kept.get()
        if kept is not None:
            kept.off = True
            kept.stamps.clear()
    return execute(sql, params, many, context)


class StampMiddleware:
    """Keeps each agency's stamp for the request (see the module's text)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _kept.set(_Kept())
        try:
            with connection.execute_wrapper(_forget_on_write):
                return self.get_response(request)
        finally:
            _kept.reset(token)
