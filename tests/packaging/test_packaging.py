"""Packaging: every distribution the program imports is declared in [project].dependencies.

``pip install tinhgon`` installs those and nothing else (the development extras are for
working on tinhgon); an import of an undeclared distribution works here only because a
development tool happens to pull it in. The clean installation itself (a new virtual
environment, no extras, ``tinhgon validate`` on the example) runs in CI: .ci/clean-install.
"""

from __future__ import annotations

import ast
import importlib.metadata as md
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    names = set()
    for requirement in project["dependencies"]:
        name = re.split(r"[\[=<>!~; ]", requirement, maxsplit=1)[0]
        names.add(re.sub(r"[-_.]+", "-", name).lower())
    return names


def _imported_top_level(source: Path) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for path in sorted(source.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    found.setdefault(alias.name.split(".")[0], path)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.setdefault(node.module.split(".")[0], path)
    return found


def test_every_imported_distribution_is_declared() -> None:
    declared = _declared()
    by_module = md.packages_distributions()
    missing = []
    for module, where in _imported_top_level(ROOT / "src" / "tinhgon").items():
        if module in sys.stdlib_module_names or module == "tinhgon":
            continue
        distributions = by_module.get(module)
        assert distributions, f"{module} (imported in {where}) is not installed at all"
        if not any(re.sub(r"[-_.]+", "-", d).lower() in declared for d in distributions):
            missing.append(f"{module} ({', '.join(distributions)}), imported in {where}")
    assert not missing, "imported but not in [project].dependencies: " + "; ".join(missing)


def test_the_check_sees_an_undeclared_import(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text("import yaml\nfrom pytest import fixture\n", "utf-8")
    modules = _imported_top_level(tmp_path)
    assert set(modules) == {"yaml", "pytest"}
    assert "pytest" not in _declared()  # a development tool: imported here, it would be refused
