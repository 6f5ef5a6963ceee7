"""A one- or two-character search's first page (issue 17), beside its yardstick: the row-by-row
look it replaced, measured in the same run on the same database. Medians of 3.

    BENCH_SHORT_DB=/tmp/q/queue.sqlite3 python -m tests.benchmarks.bench_short_search

The database is one bench_queue (or bench_scale) built and kept; it is brought to this schema.
"""

from __future__ import annotations

import os
import statistics
import time

from tests.benchmarks.common import record

NEEDLES = ("zq", "7q", "q", "z", "a", "co", "x")


def main() -> None:
    from app import search
    from app.database import Database
    from app.queries import QueueFilter, queue_page, quick_count

    url = f"sqlite:///{os.environ['BENCH_SHORT_DB']}"
    database = Database(url, "bench")
    rows = database.query(lambda uow: uow.conn.exec_driver_sql("SELECT count(*) FROM applications").scalar())

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

    lines = [f"applications: {rows:,} in SQLite; first page of a search, medians of 3 (budget 150 ms)"]
    for needle in NEEDLES:
        ours, total = first_page(needle)
        indexed = search.has_short_search
        search.has_short_search = lambda conn: False  # the yardstick: every row looked at
        try:
            before, _ = first_page(needle)
        finally:
            search.has_short_search = indexed
        lines.append(f"search {needle!r} ({total:,} counted): {ours:.0f} ms; row by row {before:.0f} ms")
    database.close()
    record("short_search", lines)


if __name__ == "__main__":
    main()
