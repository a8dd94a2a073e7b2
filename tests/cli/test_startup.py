"""Start-up: ``tinhgon --help`` loads neither the law, nor the file readers, nor the report
and spreadsheet libraries, nor rich's console (the aim: under 0.3 s)."""

from __future__ import annotations

import enum
import json
import subprocess
import sys
from pathlib import Path
from typing import Annotated, Literal

import pytest
import typer

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kontum-ez-board.yaml"

HEAVY = [
    "tinhgon.law.engine",
    "tinhgon.io.project_file",
    "tinhgon.reports",
    "matplotlib",
    "reportlab",
    "docx",
    "openpyxl",
    "xlsxwriter",
    "python_calamine",
    "jsonschema",
    "yaml",
    "ruamel.yaml",
    "rich.console",
    "django",
]


def test_help_loads_nothing_heavy() -> None:
    code = (
        "import json, sys\n"
        "from tinhgon.entry import main\n"
        "sys.argv = ['tinhgon', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "validate" in done.stdout
    assert json.loads(done.stderr.strip().splitlines()[-1]) == []


def test_a_lazy_module_is_an_attribute_of_its_package_and_loads_on_use() -> None:
    code = (
        "import sys\n"
        "from tinhgon.cli.lazy import lazy_module\n"
        "law = lazy_module('tinhgon.law')\n"
        "import tinhgon\n"
        "assert tinhgon.law is law\n"
        "assert 'tinhgon.law.engine' not in sys.modules\n"
        "assert callable(law.check)\n"
        "assert 'tinhgon.law.engine' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_validate_of_the_example_does_not_import_pydantic() -> None:
    """typer coerces parameters through pydantic (0.1 s of start-up); ours do without."""
    code = (
        "import json, sys\n"
        "from tinhgon.entry import main\n"
        f"sys.argv = ['tinhgon', 'validate', {str(EXAMPLE)!r}]\n"
        "try:\n    main()\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('pydantic'))),"
        " file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "hợp lệ (valid)" in done.stdout
    assert json.loads(done.stderr.strip().splitlines()[-1]) == []


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        # a choice: refused with the choices, as typer does
        (
            ["show", "{example}", "--on", "01/01/2025", "--format", "xml"],
            "Invalid value for '--format': Value error, 'xml' is not one of 'text', 'json'.",
        ),
        # a path: the text becomes a path; a missing file is our own message
        (["validate", "{missing}"], "missing.yaml"),
    ],
)
def test_the_light_coercion_keeps_typers_answers(args: list[str], expected: str, tmp_path) -> None:
    from typer.testing import CliRunner

    from tinhgon.entry import app

    filled = [a.format(example=EXAMPLE, missing=tmp_path / "missing.yaml") for a in args]
    result = CliRunner().invoke(app, filled)
    assert result.exit_code == 2
    assert expected in result.output


class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


def test_the_light_coercion_hands_typer_the_values_of_each_type(tmp_path) -> None:
    from typer.testing import CliRunner

    from tinhgon.cli import coercion

    coercion.install()
    seen: dict[str, object] = {}
    app = typer.Typer()

    @app.command()
    def run(
        where: Path,
        name: Annotated[str, typer.Option()] = "x",
        colour: Annotated[Colour, typer.Option()] = Colour.RED,
        size: Annotated[Literal["s", "m"], typer.Option()] = "s",
        loud: Annotated[bool, typer.Option()] = False,
        count: Annotated[int, typer.Option()] = 1,
    ) -> None:
        seen.update(where=where, name=name, colour=colour, size=size, loud=loud, count=count)

    result = CliRunner().invoke(
        app,
        [
            str(tmp_path),
            "--name",
            "Sở",
            "--colour",
            "blue",
            "--size",
            "m",
            "--loud",
            "--count",
            "3",
        ],
    )
    assert result.exit_code == 0, result.output
    assert seen == {
        "where": tmp_path,
        "name": "Sở",
        "colour": Colour.BLUE,
        "size": "m",
        "loud": True,
        "count": 3,
    }
    assert isinstance(seen["where"], Path)
    refused = CliRunner().invoke(app, [str(tmp_path), "--size", "xl"])
    assert refused.exit_code == 2
    assert "Value error, 'xl' is not one of 's', 'm'." in refused.output
