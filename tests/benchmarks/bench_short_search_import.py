"""What migration 0022's partial index costs an import on PostgreSQL (issue 17: nothing may slow
the common case), beside the same import without it, taking turns in one run. Medians of 3.

- the benchmarks' file (letters, digits, common separators only: no row enters the index);
- the same with every fifth company holding an accent and an ampersand (those rows enter it).

    python -m tests.benchmarks.bench_short_search_import [ROWS]

PostgreSQL is STARTUP_DESK_TEST_PG's server, else a private cluster (tests/pg.py).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from tests.benchmarks.common import record, write_applications_csv


def accented(plain: Path, path: Path) -> Path:
    lines = plain.read_text(encoding="utf-8").splitlines(keepends=True)
    for index in range(1, len(lines), 5):
        lines[index] = lines[index].replace("Company ", "Société & ", 1)
    path.write_text("".join(lines), encoding="utf-8")
    return path


def imported(base: str, csv: Path, with_index: bool) -> float:
    from sqlalchemy import create_engine, text

    from app.database import Database
    from app.search import RARE_INDEX
    from app.services.imports import ImportApplications, import_applications

    name = f"bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(f"{base}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    database = Database(f"{base}/{name}", "bench")
    if not with_index:
        with database.engine.begin() as conn:
            conn.execute(text(f"DROP INDEX {RARE_INDEX}"))
    started = time.perf_counter()
    database.run(import_applications, ImportApplications(csv))
    elapsed = time.perf_counter() - started
    database.close()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()
    return elapsed


def main(rows: int = 100_000) -> None:
    from tests.pg import Server

    folder = Path(tempfile.mkdtemp(prefix="bench-short-import-"))
    plain = write_applications_csv(folder / "plain.csv", rows)
    files = {
        "letters, digits, separators": plain,
        "every fifth with an accent and &": accented(plain, folder / "a.csv"),
    }
    server = Server()
    base = server.start()
    if base is None:
        sys.exit("no PostgreSQL here: install Debian's postgresql or set STARTUP_DESK_TEST_PG")
    lines = [f"import of {rows:,} rows into an empty PostgreSQL database, medians of 3 (taking turns)"]
    lines.append(f"load average at the start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    try:
        for label, csv in files.items():
            times: dict[bool, list[float]] = {True: [], False: []}
            for _ in range(3):
                for with_index in (True, False):
                    times[with_index].append(imported(base, csv, with_index))
            ours, without = statistics.median(times[True]), statistics.median(times[False])
            lines.append(f"{label}: with 0022's index {ours:.1f} s, without {without:.1f} s ({ours / without:.2f}x)")
    finally:
        server.stop()
    lines.append(f"load average at the end: {os.getloadavg()[0]:.1f}")
    record("short_search_import", lines)


if __name__ == "__main__":
    main(int(sys.argv[1].replace("_", "")) if len(sys.argv) > 1 else 100_000)
