"""An agency read from the application's database for the command line (``tinhgon show
@CODE``): the embedded SQLite database of TINHGON_DATA_DIR, or DATABASE_URL.

The command line does not import the web application (DESIGN.md layers); ``tinhgon.entry``,
above both, hands this reader to it. Django loads only when an agency is read this way.
"""

from __future__ import annotations

import os

from tinhgon.domain import Project


class AgencyNotFound(LookupError):
    def __init__(self, code: str, vi: str, en: str) -> None:
        super().__init__(en)
        self.code = code
        self.vi = vi
        self.en = en


def project_from_database(code: str) -> Project:
    """The project of the agency with this code, read from every row (no cache: one read)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tinhgon.web.settings")
    import django
    from django.apps import apps
    from django.db import DatabaseError

    if not apps.ready:
        django.setup()
    from tinhgon.web import models, repository

    try:
        agency = models.Agency.objects.filter(code=code).first()
        if agency is None:
            known = ", ".join(models.Agency.objects.values_list("code", flat=True)[:20])
            raise AgencyNotFound(
                code,
                f"không có cơ quan mã '{code}' trong cơ sở dữ liệu (có: {known or 'không có'})",
                f"no agency '{code}' in the database (known: {known or 'none'})",
            )
        return repository.build_project(agency)
    except DatabaseError as error:
        raise AgencyNotFound(
            code,
            f"không đọc được cơ sở dữ liệu: {error}",
            f"the database cannot be read: {error}",
        ) from None
