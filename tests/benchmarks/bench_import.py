"""Import of 100,000 application rows (issue: foundation).

Budget: at least 50,000 rows/s on SQLite, and within 15x of a bare sqlite3
executemany of the same already parsed rows, measured in the same run.

    python -m tests.benchmarks.bench_import [ROWS]
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from app.database import Database
from app.importing.applications import ImportReport, parse_rows
from app.importing.tabular import read_table
from app.services.imports import import_applications
from tests.benchmarks.common import record, write_applications_csv


def main(rows: int = 100_000) -> None:
    folder = Path(tempfile.mkdtemp())
    source = write_applications_csv(folder / "applications.csv", rows)
    url = f"sqlite:///{folder / 'bench.sqlite3'}"
    database = Database(url, "bench")

    started = time.perf_counter()
    report = import_applications(database, source)
    full = time.perf_counter() - started
    assert report.imported == rows, report.as_json()

    # The same rows, parsed, inserted by bare sqlite3 into a copy of the table.
    parsed = parse_rows(read_table(source), None, ImportReport()).applications()
    bare_db = sqlite3.connect(folder / "bare.sqlite3")
    bare_db.execute(
        "CREATE TABLE applications (id INTEGER PRIMARY KEY, source_key TEXT UNIQUE, submitted_on TEXT, company TEXT,"
        " contact_email TEXT, country TEXT, incorporated_on TEXT, total_funding_cents INTEGER, website TEXT, workspace TEXT)"
    )
    values = [
        (
            f"id:{app.application_id}",
            app.submitted_on.isoformat(),
            app.company,
            app.contact_email,
            app.country,
            app.incorporated_on.isoformat() if app.incorporated_on else None,
            app.total_funding,
            app.website,
            app.workspace,
        )
        for app in parsed
    ]
    started = time.perf_counter()
    with bare_db:
        bare_db.executemany(
            "INSERT INTO applications (source_key, submitted_on, company, contact_email, country, incorporated_on,"
            " total_funding_cents, website, workspace) VALUES (?,?,?,?,?,?,?,?,?)",
            values,
        )
    bare = time.perf_counter() - started

    started = time.perf_counter()
    again = import_applications(database, source)
    reimport = time.perf_counter() - started
    assert again.imported == 0 and again.duplicates == rows

    record(
        "import",
        [
            f"rows: {rows}",
            f"full import (parse, validate, eligibility, duplicate flags, insert): {full:.2f} s = {rows / full:,.0f} rows/s (budget >= 50,000)",
            f"bare sqlite3 executemany of the parsed rows: {bare:.3f} s; ratio {full / bare:.1f}x (budget <= 15x)",
            f"re-import of the same file (all skipped): {reimport:.2f} s",
            f"flagged as possible duplicates: {report.flagged}",
        ],
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
