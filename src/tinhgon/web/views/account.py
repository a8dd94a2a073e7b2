"""The user's own API tokens: make one (shown once), see them, revoke one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from tinhgon.web import models
from tinhgon.web.tokens import TokenError, token_create, token_revoke
from tinhgon.web.views.base import _int, page


@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    made = None
    if request.method == "POST":
        if "revoke" in request.POST:
            row = get_object_or_404(
                models.ApiToken, user=request.user, pk=_int(request.POST["revoke"])
            )
            token_revoke(token=row, now=now, by=request.user)
            messages.success(request, _("Đã thu hồi mã truy cập."))
            return redirect("tokens")
        try:
            __, made = token_create(
                user=request.user,
                name=request.POST.get("name", ""),
                days=_int(request.POST.get("days")),
                now=now,
                by=request.user,
            )
        except TokenError as error:
            english = getattr(request, "LANGUAGE_CODE", "vi") == "en"
            messages.error(request, error.en if english else error.vi)
    rows = [
        {"row": row, "state": row.state(now)}
        for row in models.ApiToken.objects.filter(user=request.user).order_by("-created_at")
    ]
    # The new token is in this response only (no redirect, no message stored): it is never
    # shown again.
    response = page(request, "tinhgon/tokens.html", None, rows=rows, made=made)
    response["Cache-Control"] = "no-store"
    return response
