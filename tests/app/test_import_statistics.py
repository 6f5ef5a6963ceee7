"""A big import leaves the planner statistics of the applications table (issue 17: without them
SQLite counted the queue's date range along the status index); a small one costs nothing more."""

from datetime import date

from sqlalchemy import text

from app.queries import QueueFilter, count_queue
from app.services import imports
from app.services.imports import import_applications

HEADER = (
    "application_id,submitted_on,company,contact_email,country,incorporated_on,total_funding_usd,previous_discount\n"
)


def rows(prefix: str, count: int) -> str:
    return "".join(
        f"{prefix}{n},2026-0{1 + n % 6}-10,Co {prefix}{n},a@{prefix}{n}.io,GB,2025-06-01,100000,no\n"
        for n in range(count)
    )


def statistics(database) -> int:
    sql = (
        "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'"
        if database.is_sqlite
        else "SELECT count(*) FROM pg_stats WHERE tablename = 'applications'"
    )
    with database.read() as conn:
        if not conn.execute(text(sql)).scalar():
            return 0
        if database.is_sqlite:
            return conn.execute(text("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'applications'")).scalar()
        return 1


def test_an_import_of_many_rows_gathers_statistics_and_a_small_one_does_not(database, write_csv, monkeypatch):
    monkeypatch.setattr(imports, "ANALYZE_AFTER", 30)
    small = import_applications(database, write_csv(HEADER + rows("S", 29), "small.csv"))
    assert small.imported == 29 and statistics(database) == 0
    big = import_applications(database, write_csv(HEADER + rows("B", 30), "big.csv"))
    assert big.imported == 30 and statistics(database) > 0
    spring = QueueFilter(statuses=("new",), submitted_from=date(2026, 2, 1), submitted_to=date(2026, 3, 31))
    with database.read() as conn:
        assert count_queue(conn, spring) == 10 + 10  # the same answer with statistics as without


def test_a_strict_import_refused_gathers_none(database, write_csv, monkeypatch):
    monkeypatch.setattr(imports, "ANALYZE_AFTER", 3)
    refused = import_applications(
        database, write_csv(HEADER + rows("R", 5) + "R9,2026-01-12,,x@y.io,GB,,,\n"), strict=True
    )
    assert refused.imported == 0 and statistics(database) == 0
