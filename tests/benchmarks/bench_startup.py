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

RUNS = 9


def medians(commands: dict[str, list[str]], runs: int = RUNS) -> dict[str, float]:
    """Each command's median wall time; the commands take turns, so that a noisy moment of
    this shared machine falls on all of them alike."""
    samples: dict[str, list[float]] = {label: [] for label in commands}
    for _ in range(runs):
        for label, command in commands.items():
            started = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            samples[label].append(time.perf_counter() - started)
    return {label: statistics.median(times) for label, times in samples.items()}


def main() -> None:
    db = Path(tempfile.mkdtemp()) / "bench.sqlite3"
    launcher = [sys.executable, "-m", "ui.launcher"]
    subprocess.run([*launcher, "--db", str(db), "demo"], check=True, capture_output=True)
    commands = {
        "startup-desk --help": [*launcher, "--help"],
        "startup-desk applications --status new (420-row demo database)": [
            *launcher, "--db", str(db), "applications", "--status", "new",
        ],
        "startup-desk history SSP-26001": [*launcher, "--db", str(db), "history", "SSP-26001"],
        # yardsticks: what no database command can go below on this machine
        "python -c pass": [sys.executable, "-c", "pass"],
        "python -c 'import sqlalchemy'": [sys.executable, "-c", "import sqlalchemy"],
    }  # fmt: skip
    times = medians(commands)
    lines = [
        f"{label}: {seconds:.3f} s median of {RUNS}" + ("" if label.startswith("python") else " (budget 0.300 s)")
        for label, seconds in times.items()
    ]
    record("startup", lines)


if __name__ == "__main__":
    main()
