"""Start-up time of commands that touch neither Qt nor exports (budget: 0.3 s).

python -m tests.benchmarks.bench_startup
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.common import record


def timed(args: list[str], runs: int = 7) -> float:
    return run_median([sys.executable, "-m", "ui.launcher", *args], runs)


def run_median(command: list[str], runs: int = 7) -> float:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def main() -> None:
    db = Path(tempfile.mkdtemp()) / "bench.sqlite3"
    subprocess.run([sys.executable, "-m", "ui.launcher", "--db", str(db), "demo"], check=True, capture_output=True)
    lines = []
    for label, args in (
        ("startup-desk --help", ["--help"]),
        (
            "startup-desk applications --status new (420-row demo database)",
            ["--db", str(db), "applications", "--status", "new"],
        ),
        ("startup-desk history SSP-26001", ["--db", str(db), "history", "SSP-26001"]),
    ):
        lines.append(f"{label}: {timed(args):.3f} s median of 7 (budget 0.300 s)")
    # Yardsticks from the same run: what no database command can go below on this machine.
    bare = run_median([sys.executable, "-c", "pass"])
    sqlalchemy = run_median([sys.executable, "-c", "import sqlalchemy"])
    lines.append(f"yardstick: python -c pass {bare:.3f} s; python -c 'import sqlalchemy' {sqlalchemy:.3f} s")
    record("startup", lines)


if __name__ == "__main__":
    main()
