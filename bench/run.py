"""Run every bench/bench_*.py and print their JSON results together."""

import json
import subprocess
import sys
from pathlib import Path

results = {}
for script in sorted(Path(__file__).parent.glob("bench_*.py")):
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True)
    results[script.stem] = json.loads(done.stdout)
print(json.dumps(results, indent=2, ensure_ascii=False))
