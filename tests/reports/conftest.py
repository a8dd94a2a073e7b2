"""The Kon Tum report, built once and written once in each format for the whole session.

Every file is also copied into ``artifacts/reports/`` (ignored by git) so that a person can
open the Word, PDF and Excel files and look at the rendered pages.
"""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from tinhgon.domain import Project
from tinhgon.io import load_project
from tinhgon.planning.proposal import Constraints
from tinhgon.planning.proposer import propose
from tinhgon.reports import (
    ReportData,
    ReportOptions,
    build_report,
    write_docx,
    write_pdf,
    write_xlsx,
)

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "examples" / "kontum-ez-board.yaml"
ARTIFACTS = ROOT / "artifacts" / "reports"

BEFORE = dt.date(2018, 1, 1)
AFTER = dt.date(2019, 12, 31)
ISSUED = dt.date(2020, 2, 5)
OPTIONS = ReportOptions(
    number="125/BC-BQLKKT",
    issued_on=ISSUED,
    recipients=("UBND tỉnh Kon Tum (b/c)", "Sở Nội vụ tỉnh Kon Tum;"),
    archive="VP",
)


def keep(path: Path) -> Path:
    """Copy a generated file into the artefact folder for a person to look at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, ARTIFACTS / path.name)
    return path


@pytest.fixture(scope="session")
def kontum() -> Project:
    return load_project(EXAMPLE)


@pytest.fixture(scope="session")
def report(kontum: Project) -> ReportData:
    return build_report(kontum, before=BEFORE, after=AFTER, options=OPTIONS)


@pytest.fixture(scope="session")
def docx_file(report: ReportData, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "kontum-bao-cao.docx"
    write_docx(report, path)
    return keep(path)


@pytest.fixture(scope="session")
def pdf_file(report: ReportData, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "kontum-bao-cao.pdf"
    write_pdf(report, path)
    return keep(path)


@pytest.fixture(scope="session")
def xlsx_file(report: ReportData, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "kontum-phu-luc.xlsx"
    write_xlsx(report, path)
    return keep(path)


EFFECTIVE = dt.date(2025, 9, 1)


@pytest.fixture(scope="session")
def paid(kontum: Project) -> tuple[Project, str]:
    """Kon Tum with the same illustrative pay for everyone (coefficient 4,32, leadership
    allowance 0,3, 240 months of social insurance on 01/09/2025) and a plan the proposer makes
    taking effect on 01/09/2025 (at most 3 units): Decree 178/2024 applies."""
    people = {
        pid: replace(
            p,
            salary_coefficient=Decimal("4.32"),
            position_allowance_coefficient=Decimal("0.3"),
            social_insurance_months=240,
            social_insurance_on=EFFECTIVE,
        )
        for pid, p in kontum.people.items()
    }
    project = replace(kontum, people=people)
    proposal = propose(
        project, on=EFFECTIVE, constraints=Constraints(effective=EFFECTIVE, max_units=3)
    )
    return replace(project, plans={**project.plans, proposal.plan.id: proposal.plan}), (
        proposal.plan.id
    )
