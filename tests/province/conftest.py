from __future__ import annotations

from pathlib import Path

import pytest

from tests.province.fixture import PROVINCE_YAML
from tinhgon.domain import Project
from tinhgon.io import parse_project


@pytest.fixture
def province() -> Project:
    return parse_project(PROVINCE_YAML, name="province.yaml")


@pytest.fixture
def province_file(tmp_path: Path) -> Path:
    path = tmp_path / "province.yaml"
    path.write_text(PROVINCE_YAML, encoding="utf-8")
    return path
