"""Hostile input, generated (hypothesis): the project-file loader and the spreadsheet importer
either take the input or refuse it with a clear error naming the problem — never another
exception, never a partial write. Kept small (a few dozen examples) for the CI's time."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.web.conftest import EXAMPLE
from tinhgon.io import ProjectFileError, parse_project
from tinhgon.io.columns import STAFF_COLUMNS
from tinhgon.io.errors import SpreadsheetError
from tinhgon.web import models, services

pytestmark = pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")

LINES = EXAMPLE.read_text(encoding="utf-8").splitlines()
NASTY = st.sampled_from(
    [
        "",
        "=1+1",
        "null",
        "~",
        "- [",
        "{a: [1, 2}",
        "&anchor *anchor",
        "!!python/object:os.system ls",
        "9999-99-99",
        "31/12/9999",
        "x" * 5000,
        "\u0000",
        "Đ\u0301",
        "'",
        '"',
        "  : :",
        "1e400",
        "-1",
        "p001",
        "tnmt",
    ]
)


@st.composite
def corrupted_project(draw: st.DrawFn) -> str:
    """The example with a few lines deleted, replaced or with a value changed."""
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "replace", "value", "insert"]))
        if action == "delete":
            del lines[index]
        elif action == "replace":
            lines[index] = draw(NASTY | st.text(max_size=40))
        elif action == "value" and ":" in lines[index]:
            key = lines[index].split(":", 1)[0]
            lines[index] = f"{key}: {draw(NASTY | st.text(max_size=20))}"
        else:
            lines.insert(index, draw(NASTY | st.text(max_size=40)))
    return "\n".join(lines)


@settings(max_examples=60, deadline=None)
@given(corrupted_project())
def test_the_project_loader_takes_or_refuses_clearly_whatever_it_is_given(text):
    refused: ProjectFileError | None = None
    try:
        parse_project(text, name="hong.yaml")
    except ProjectFileError as error:
        refused = error
    if refused is not None:
        assert refused.problems
        assert all(p.vi and p.en for p in refused.problems)


def _counts() -> tuple[int, ...]:
    return (
        models.ChangeRecord.objects.count(),
        models.Person.objects.count(),
        models.Document.objects.count(),
        models.AuditEntry.objects.count(),
        sum(models.Agency.objects.values_list("revision", flat=True)),
    )


@pytest.mark.django_db
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=corrupted_project())
def test_replacing_an_agency_from_a_hostile_file_is_all_or_nothing(kontum, users, text):
    before = _counts()
    try:
        services.agency_import(
            text=text, filename="hong.yaml", user=users["system_admin"], agency=kontum
        )
    except (ProjectFileError, services.ServiceError) as error:
        refused: Exception | None = error
    else:
        refused = None
    if refused is not None:
        assert str(refused)
        assert _counts() == before


CELLS = NASTY | st.sampled_from(
    ["Nguyễn Văn A", "01/02/1990", "1985", "Nam", "Nữ", "công chức", "viên chức", "tnmt", "p002"]
)
HEADERS = [c.header for c in STAFF_COLUMNS if not c.export_only]


@st.composite
def staff_csv(draw: st.DrawFn) -> str:
    headers = draw(st.lists(st.sampled_from(HEADERS), min_size=1, max_size=8, unique=True))
    rows = draw(st.lists(st.lists(CELLS, min_size=len(headers), max_size=len(headers)), max_size=6))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers)
    writer.writerows(rows)
    return out.getvalue()


@pytest.mark.django_db
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=staff_csv())
def test_a_hostile_staff_list_is_imported_whole_or_refused_with_nothing_written(
    kontum, users, tmp_path_factory, text
):
    path = Path(tmp_path_factory.mktemp("csv")) / "nhan-su.csv"
    path.write_text(text, encoding="utf-8")
    before = _counts()
    try:
        services.spreadsheet_import(
            agency=kontum,
            path=path,
            filename="nhan-su.csv",
            on=dt.date(2021, 1, 1),
            basis="61/QĐ-BQLKKT",
            basis_date=dt.date(2020, 5, 15),
            complete=False,
            user=users["editor"],
        )
    except (SpreadsheetError, services.ServiceError) as error:
        refused: Exception | None = error
    else:
        refused = None
    if refused is not None:
        assert str(refused)
        assert _counts() == before
