"""The public API stays explicit, and the documentation keeps up with the schema."""

from __future__ import annotations

from pathlib import Path

import tinhgon.domain
from tinhgon.domain import CHANGE_KINDS
from tinhgon.io.project_file import project_schema

ROOT = Path(__file__).parents[1]


def test_the_domain_exports_a_sorted_all_of_names_that_exist():
    names = tinhgon.domain.__all__

    def order(name: str) -> tuple[int, str]:  # constants, then classes, then functions
        return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)

    assert names == sorted(names, key=order)
    assert all(hasattr(tinhgon.domain, name) for name in names)


def test_every_public_domain_class_is_exported():
    public = {
        name
        for module in (
            "changes",
            "documents",
            "model",
            "state",
            "timeline",
            "plans",
            "project",
            "metrics",
            "diff",
        )
        for name, value in vars(__import__(f"tinhgon.domain.{module}", fromlist=["x"])).items()
        if isinstance(value, type)
        and value.__module__.startswith("tinhgon.domain")
        and not name.startswith("_")
    }

    assert public <= set(tinhgon.domain.__all__)


def test_the_format_documentation_names_every_section_field_and_change_kind():
    doc = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    schema = project_schema()

    for section in schema["properties"]:
        assert f"`{section}`" in doc, section
    for definition in ("agency", "document", "unit", "person", "quota", "plan"):
        for field in schema["$defs"][definition]["properties"]:
            assert f"`{field}`" in doc or f"{field}" in doc, (definition, field)
    for kind in CHANGE_KINDS:
        assert f"`{kind}`" in doc, kind


def test_the_schema_lists_the_change_kinds_the_domain_knows():
    kinds = project_schema()["$defs"]["change"]["properties"]["kind"]["enum"]

    assert sorted(kinds) == sorted(CHANGE_KINDS)


def test_no_user_facing_text_of_the_law_planning_or_reports_says_ma_hoa():
    """'được mã hóa' reads as 'encrypted' to an officer: the words users see say 'chưa có quy
    định trong tinhgon' or similar. Adjacent string literals are joined first, so that a phrase
    broken across two lines of code is found too. (The file readers' 'mã hóa UTF-8', about a
    file's encoding, is the right word there and is not in these packages.)"""
    import re

    offenders = []
    for package in ("law", "planning", "reports"):
        for path in sorted((ROOT / "src" / "tinhgon" / package).rglob("*")):
            if path.suffix not in (".py", ".yaml", ".html"):
                continue
            text = re.sub(r"\"\s*\n\s*f?\"", "", path.read_text(encoding="utf-8"))
            if re.search(r"mã\s+ho[áa]", text):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
