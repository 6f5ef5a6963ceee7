"""A one- or two-character search's first page (issue 17), beside its yardstick: the row-by-row
look it replaced, measured in the same run on the same database. Medians of 3.

    BENCH_SHORT_DB=/tmp/q/queue.sqlite3 python -m tests.benchmarks.bench_short_search
    BENCH_SHORT_DB=postgresql+psycopg://user@host:port/name python -m tests.benchmarks.bench_short_search

The SQLite database is one bench_queue (or bench_scale) built and kept, the PostgreSQL one
bench_postgres's (the import, then copies); it is brought to this schema. BENCH_SHORT_NEEDLES
(comma-separated) adds needles to the usual ones, BENCH_SHORT_FILE names the results file.
"""

from __future__ import annotations

import os
import statistics
import time
from contextlib import contextmanager

from tests.benchmarks.common import record

NEEDLES = ("zq", "7q", "q", "z", "a", "co", "x")


@contextmanager
def row_by_row():
    """The yardstick: neither engine's short-needle indexes."""
    from app import search

    saved = search.has_short_search, search.has_postgres_short_search
    search.has_short_search = search.has_postgres_short_search = lambda conn: False
    try:
        yield
    finally:
        search.has_short_search, search.has_postgres_short_search = saved


def main() -> None:
    from app.database import Database
    from app.queries import QueueFilter, queue_page, quick_count

    place = os.environ["BENCH_SHORT_DB"]
    url = place if "://" in place else f"sqlite:///{place}"
    engine = "PostgreSQL" if url.startswith("postgresql") else "SQLite"
    database = Database(url, "bench")
    rows = database.query(lambda uow: uow.conn.exec_driver_sql("SELECT count(*) FROM applications").scalar())
    extra = tuple(n for n in os.environ.get("BENCH_SHORT_NEEDLES", "").split(",") if n)

    def first_page(needle: str) -> tuple[float, int]:
        def read(uow):
            total, exact, reading = quick_count(uow.conn, QueueFilter(text=needle))
            return total, queue_page(uow.conn, reading, "submitted_on", total=total, exact=exact)

        times = []
        for _ in range(3):
            started = time.perf_counter()
            total, _page = database.query(read)
            times.append(time.perf_counter() - started)
        return statistics.median(times) * 1000, total

    lines = [f"applications: {rows:,} in {engine}; first page of a search, medians of 3 (budget 150 ms)"]
    lines.append(f"load average at the start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for needle in NEEDLES + extra:
        ours, total = first_page(needle)
        with row_by_row():
            before, _ = first_page(needle)
        lines.append(f"search {needle!r} ({total:,} counted): {ours:.0f} ms; row by row {before:.0f} ms")
    lines.append(f"load average at the end: {os.getloadavg()[0]:.1f}")
    database.close()
    record(os.environ.get("BENCH_SHORT_FILE", "short_search"), lines)


if __name__ == "__main__":
    main()
