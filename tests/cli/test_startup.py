"""Start-up: ``tinhgon --help`` loads neither the law, nor the file readers, nor the report
and spreadsheet libraries, nor rich's console (the aim: under 0.3 s)."""

from __future__ import annotations

import json
import subprocess
import sys

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
