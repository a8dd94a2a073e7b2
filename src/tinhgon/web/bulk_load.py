"""Bulk load of a national dataset (``tinhgon example national --output DIR``) into the
application's database: ``tinhgon load DIR``.

One Agency row per province (its People's Committee at the root, every agency of the province
inside the history, as a province file loads). Each province file is read and validated by
the ordinary reader (``parse_project``: the schema, the references, the whole history
replayed) **before** any of its rows is written; then it is written in **one transaction**
(all or nothing for that province) through the ordinary import service
(``services.agency_import``: the same rows, the audit entry), with the many rows — people and
changes — written in bulk: PostgreSQL's ``COPY … FROM STDIN`` through psycopg, SQLite's
``executemany`` over a prepared ``INSERT`` in batches of 20,000 rows. A province that fails
is named with its reason and the others go on; the command then ends with exit code 2.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import DatabaseError, connection, models
from django.db.models import Model
from django.utils import timezone
from django.utils.text import slugify

from tinhgon.domain import TinhgonError

Progress = Callable[[str, int, int], None]
LOADING = "Nạp vào cơ sở dữ liệu (người) / loading (people)"
BATCH = 20_000


def _fields(model: type[Model]) -> list[Any]:
    return [f for f in model._meta.concrete_fields if not f.primary_key]


def _converter(field: Any) -> Callable[[Any], Any]:
    """How one field's value becomes what the database takes: the same as Django's
    ``get_db_prep_save`` for the fields of the bulk rows, without its per-value overhead;
    any other field goes through Django's own."""
    if isinstance(field, models.JSONField):
        encoder = field.encoder
        return lambda value: None if value is None else json.dumps(value, cls=encoder)
    if isinstance(field, models.DateTimeField):
        if field.auto_now_add or field.auto_now:
            now = field.get_db_prep_save(timezone.now(), connection)
            return lambda value: now
    elif isinstance(field, models.DateField):
        if connection.vendor == "sqlite":
            return lambda value: None if value is None else value.isoformat()
        return lambda value: value
    elif isinstance(
        field,
        models.CharField | models.TextField | models.IntegerField | models.ForeignKey,
    ) and not isinstance(field, models.AutoField):
        return lambda value: value
    return lambda value: field.get_db_prep_save(value, connection)


def _values(objects: Iterable[Model], fields: Sequence[Any]) -> Iterable[tuple[Any, ...]]:
    plan = [(f.attname, _converter(f)) for f in fields]
    for obj in objects:
        values = obj.__dict__
        yield tuple(convert(values.get(name)) for name, convert in plan)


def insert_rows(model: type[Model], objects: list[Model]) -> None:
    """Write unsaved model rows in bulk on the current connection (inside its transaction):
    COPY on PostgreSQL, executemany on SQLite. The rows' primary keys are not read back."""
    if not objects:
        return
    fields = _fields(model)
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            raw = cursor.cursor  # psycopg's own cursor
            with raw.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in _values(objects, fields):
                    copy.write_row(row)
            return
        marks = ", ".join(["%s"] * len(fields))
        sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"
        rows = list(_values(objects, fields))
        for start in range(0, len(rows), BATCH):
            cursor.executemany(sql, rows[start : start + BATCH])


@dataclass
class ProvinceResult:
    code: str
    file: str
    agency: str = ""
    people: int = 0
    changes: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    error: str = ""


@dataclass
class LoadReport:
    provinces: list[ProvinceResult] = field(default_factory=list)

    @property
    def failed(self) -> list[ProvinceResult]:
        return [p for p in self.provinces if p.error]


class NotNational(TinhgonError):
    """The folder is not a national dataset (no national.json)."""


def load_national(
    folder: Path,
    *,
    replace: bool = False,
    reason: str = "",
    progress: Progress | None = None,
    bulk: bool = True,
) -> LoadReport:
    """Load every province of ``folder`` (its ``national.json`` order); see the module's text.
    ``bulk=False`` writes through ``bulk_create`` (the ordinary import's path), for
    comparison."""
    from tinhgon.io.national import MANIFEST, read_manifest

    if not (folder / MANIFEST).is_file():
        raise NotNational(
            f"{folder}: không có {MANIFEST} (không phải thư mục của 'tinhgon example national')",
            f"{folder}: no {MANIFEST} (not a folder written by 'tinhgon example national')",
        )
    manifest = read_manifest(folder)
    entries = manifest["provinces"]
    total = sum(int(e.get("people", 0)) for e in entries)
    done = 0
    report = LoadReport()
    if progress:
        progress(LOADING, 0, total)
    for entry in entries:
        result = _load_one(folder / entry["file"], str(entry["code"]), replace, reason, bulk)
        report.provinces.append(result)
        done += int(entry.get("people", 0))
        if progress:
            progress(LOADING, done, total)
    return report


def _load_one(path: Path, code: str, replace: bool, reason: str, bulk: bool) -> ProvinceResult:
    from tinhgon.io import ProjectFileError, parse_project
    from tinhgon.web import models, services

    result = ProvinceResult(code=code, file=path.name)
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        text = path.read_text(encoding="utf-8")
        project = parse_project(text, name=path.name)  # validated before any row is written
    except ProjectFileError as error:
        count = len(error.problems)
        first = str(error.problems[0]) if error.problems else ""
        result.error = f"{count} lỗi / error(s): {first}"
        return result
    except TinhgonError as error:
        result.error = f"{error.vi} ({error.en})"
        return result
    except (OSError, UnicodeDecodeError) as error:
        result.error = f"không đọc được tệp (cannot read the file): {error}"
        return result
    result.agency = project.agency.id
    existing = models.Agency.objects.filter(code=project.agency.id).first()
    if existing is not None and not replace:
        result.error = (
            f"cơ quan '{project.agency.id}' đã có; dùng --replace để thay "
            f"(agency '{project.agency.id}' exists; use --replace)"
        )
        return result
    place = None
    name = project.agency.province or ""
    if name and existing is None:
        slug = slugify(name.replace("đ", "d").replace("Đ", "D")) or "tinh"
        place, _ = models.Province.objects.get_or_create(code=slug, defaults={"name": name})
    try:
        services.agency_import(
            text="",
            filename=path.name,
            user=None,
            reason=reason or "Nạp bộ dữ liệu cả nước (tinhgon load)",
            province=place,
            agency=existing,
            project=project,
            insert=insert_rows if bulk else None,
        )
    except services.ServiceError as error:
        result.error = f"{error.vi} ({error.en})"
        return result
    except DatabaseError as error:  # the province's transaction was rolled back
        result.error = f"cơ sở dữ liệu từ chối (the database refused): {error}"
        return result
    result.people = len(project.people)
    result.changes = len(project.timeline)
    result.seconds = time.perf_counter() - wall
    result.cpu_seconds = time.process_time() - cpu
    return result
