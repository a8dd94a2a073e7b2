"""The same file checked twice gives the same report in the same order, whatever Python's
string hashing: a province's findings were listed in an order that changed from run to run
(the units of each agency were gathered in a set)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("vietnamadminunits")


def _tinhgon(*args: str, seed: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.run(
        [sys.executable, "-m", "tinhgon", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def test_a_province_check_lists_its_findings_in_the_same_order_on_every_run(tmp_path: Path):
    project = tmp_path / "quoc-gia.yaml"
    made = _tinhgon(
        "example",
        "national",
        "--people",
        "1500",
        "--seed",
        "3",
        "--output",
        str(project),
        seed="0",
    )
    assert made.returncode == 0, made.stderr

    outputs = {
        seed: _tinhgon("check", str(project), "--on", "2025-12-31", "--format", "json", seed=seed)
        for seed in ("1", "2", "3")
    }

    assert {run.returncode for run in outputs.values()} == {1}  # findings: a violation or more
    assert '"findings"' in outputs["1"].stdout
    assert outputs["1"].stdout == outputs["2"].stdout == outputs["3"].stdout
