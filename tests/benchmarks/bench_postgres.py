"""The queue and the import on PostgreSQL, the team's shared database (issue 17), each figure
beside the same work on SQLite in the same run. Medians of 3.

- the import of 100,000 rows, by the app's importer, into an empty database on each engine;
- at APPLICATIONS rows (default 1,000,000: the 100,000 copied, as bench_queue does): the queue's
  first page, count included, for the open queue by date and by company, a date range + open by
  company, and searches from a word down to one rare letter.

    python -m tests.benchmarks.bench_postgres [APPLICATIONS]

PostgreSQL is STARTUP_DESK_TEST_PG's server, else a private cluster (tests/pg.py).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

from tests.benchmarks.common import record, write_applications_csv

CHUNK = 100_000
OPEN = ("new", "in_review", "needs_info")
#: (label, filter fields, sort)
QUEUES = [
    ("open queue by date", {"statuses": OPEN}, "submitted_on"),
    ("open queue by company", {"statuses": OPEN}, "company"),
    (
        "submitted 2025-03-01..2025-09-30 + open, by company",
        {"statuses": OPEN, "submitted_from": date(2025, 3, 1), "submitted_to": date(2025, 9, 30)},
        "company",
    ),
    ("search 'health'", {"text": "health"}, "submitted_on"),
    ("search 'company 4711'", {"text": "company 4711"}, "submitted_on"),
    ("search 'co'", {"text": "co"}, "submitted_on"),
    ("search 'zq' (no match)", {"text": "zq"}, "submitted_on"),
    ("search 'q' (no match)", {"text": "q"}, "submitted_on"),
]


def imported(url: str, csv: Path) -> float:
    from app.database import Database
    from app.services.imports import ImportApplications, import_applications

    database = Database(url, "bench")
    started = time.perf_counter()
    database.run(import_applications, ImportApplications(csv))
    elapsed = time.perf_counter() - started
    database.close()
    return elapsed


def grown(url: str, rows: int) -> None:
    """The imported CHUNK copied up to `rows`, as bench_queue.build does; statistics as after an import."""
    from sqlalchemy import text

    from app.database import Database
    from tests.benchmarks.bench_queue import COPIED_COLUMNS

    database = Database(url, "bench")
    columns = ", ".join(COPIED_COLUMNS)
    with database.engine.begin() as conn:
        for copy in range(rows // CHUNK - 1):
            conn.execute(
                text(
                    f"INSERT INTO applications (source_key, application_id, {columns}) "
                    f"SELECT source_key || '-{copy}', application_id || '-{copy}', {columns} "
                    f"FROM applications WHERE id <= {CHUNK}"
                )
            )
        if conn.dialect.name == "sqlite":  # the copies bypass the importer, which fills SQLite's search index
            conn.execute(text("INSERT INTO applications_fts(applications_fts) VALUES ('rebuild')"))
    with database.engine.connect() as conn:
        conn.execute(text("ANALYZE applications"))
        conn.commit()
    database.close()


def first_page(url: str, fields: dict, sort: str) -> tuple[float, int]:
    """Milliseconds to the first page, count included (median of 3), and the count."""
    from app.database import Database
    from app.queries import QueueFilter, queue_page, quick_count

    database = Database(url, "bench")

    def read(uow):
        total, exact, reading = quick_count(uow.conn, QueueFilter(**fields))
        return total, queue_page(uow.conn, reading, sort, total=total, exact=exact)

    times, total = [], 0
    for _ in range(3):
        started = time.perf_counter()
        total, _rows = database.query(read)
        times.append(time.perf_counter() - started)
    database.close()
    return statistics.median(times) * 1000, total


def pg_url() -> tuple[str, object]:
    from sqlalchemy import create_engine, text

    from tests.pg import Server

    server = Server()
    base = server.start()
    if base is None:
        sys.exit("no PostgreSQL here: install Debian's postgresql or set STARTUP_DESK_TEST_PG")
    name = f"bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(f"{base}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return f"{base}/{name}", server


def main(rows: int = 1_000_000) -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-pg-"))
    csv = write_applications_csv(folder / "apps.csv", CHUNK)
    postgres, server = pg_url()
    sqlite = f"sqlite:///{folder / 'queue.sqlite3'}"
    lines = [f"load average at the start: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores"]
    try:
        on_pg, on_sqlite = imported(postgres, csv), imported(sqlite, csv)
        lines.append(
            f"import of {CHUNK:,} rows into an empty database: PostgreSQL {on_pg:.1f} s, SQLite {on_sqlite:.1f} s "
            f"({on_pg / on_sqlite:.2f}x)"
        )
        for url in (postgres, sqlite):
            started = time.perf_counter()
            grown(url, rows)
            lines.append(f"grown to {rows:,} ({url.split(':')[0]}) in {time.perf_counter() - started:.0f} s")
        lines.append(f"first page, count included, at {rows:,} applications (ms, median of 3; budget 150 ms):")
        lines.append(f"  {'queue':<55} {'PostgreSQL':>10} {'SQLite':>8} {'count':>10}")
        for label, fields, sort in QUEUES:
            pg_ms, pg_total = first_page(postgres, fields, sort)
            sqlite_ms, sqlite_total = first_page(sqlite, fields, sort)
            same = "" if pg_total == sqlite_total else f" (SQLite counted {sqlite_total:,})"
            lines.append(f"  {label:<55} {pg_ms:>10.0f} {sqlite_ms:>8.0f} {pg_total:>10,}{same}")
        lines.append(f"load average at the end: {os.getloadavg()[0]:.2f}")
    finally:
        server.stop()
    record("postgres", lines)


if __name__ == "__main__":
    main(int(sys.argv[1].replace("_", "")) if len(sys.argv) > 1 else 1_000_000)
