"""First start: an empty database gets the Kon Tum example and a first administrator."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from tinhgon.web import models, services

EXAMPLE_NAME = "kontum-ez-board.yaml"


def example_path() -> Path | None:
    """The bundled example: $TINHGON_EXAMPLE, or examples/ of the source checkout."""
    if env := os.environ.get("TINHGON_EXAMPLE"):
        return Path(env)
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent / "examples" / EXAMPLE_NAME
        if candidate.exists():
            return candidate
    return None


def load_example_if_empty() -> models.Agency | None:
    if models.Agency.objects.exists():
        return None
    path = example_path()
    if path is None:
        return None
    province, _ = models.Province.objects.get_or_create(
        code="kon-tum", defaults={"name": "Kon Tum"}
    )
    return services.agency_import(
        text=path.read_text(encoding="utf-8"),
        filename=path.name,
        user=None,
        reason="Dữ liệu ví dụ khi khởi động lần đầu (example data on first start)",
        province=province,
    )


def create_first_admin() -> tuple[str, str] | None:
    """A system administrator with a generated password, when there is none; returns it once."""
    user_model = get_user_model()
    if user_model.objects.filter(is_superuser=True).exists():
        return None
    password = secrets.token_urlsafe(12)
    with transaction.atomic():
        user_model.objects.create_superuser(username="admin", email="", password=password)
    return "admin", password
