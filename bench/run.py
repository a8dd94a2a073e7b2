"""Run every bench/bench_*.py and print what each prints (JSON)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

here = Path(__file__).parent
status = 0
for script in sorted(here.glob("bench_*.py")):
    print(f"# {script.name}", flush=True)
    done = subprocess.run([sys.executable, str(script)], check=False)
    status = status or done.returncode
sys.exit(status)
