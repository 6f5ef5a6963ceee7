"""Reads that stay fast at 3,000,000 applications and 100,000 members (issue 17) because an index
answers them alone (migration 0009; tests/benchmarks/bench_scale measures them). SQLite's plan is
fixed by its indexes (it has no statistics); PostgreSQL's depends on the table's size."""

from datetime import date

import pytest
from sqlalchemy import and_, func, select

from app import schema
from app.ledger_queries import program_totals
from app.queries import QueueFilter


def plan(conn, query) -> str:
    compiled = query.compile(conn, compile_kwargs={"literal_binds": True})
    return " / ".join(row[3] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}"))


@pytest.fixture
def sqlite_db(database, database_url):
    if not database_url.startswith("sqlite"):
        pytest.skip("the plan of SQLite, which has no statistics")
    return database


def test_the_count_of_a_date_range_in_the_open_queue_reads_one_index_alone(sqlite_db):
    queue = QueueFilter(
        statuses=("new", "in_review", "needs_info"), submitted_from=date(2025, 3, 1), submitted_to=date(2025, 9, 30)
    )
    with sqlite_db.read() as conn:
        count = select(func.count()).select_from(schema.applications).where(and_(True, *queue.conditions(conn)))
        assert "USING COVERING INDEX ix_applications_status_submitted_on" in plan(conn, count)


def test_the_ledger_panes_monthly_totals_read_one_index_alone(sqlite_db):
    captured = []

    def read(uow):
        conn = uow.conn
        conn.exec_driver_sql("INSERT INTO month_closes (month, closed_at, actor) VALUES ('2026-11', '2026-12-01', 't')")
        original = conn.execute

        def execute(query, *args, **kwargs):
            captured.append(query)
            return original(query, *args, **kwargs)

        conn.execute = execute
        try:
            program_totals(uow)
        finally:
            del conn.execute
        by_month = next(q for q in captured if "month_closes" not in str(q) and "ledger_entries.month" in str(q))
        return plan(conn, by_month)

    assert "USING COVERING INDEX ix_ledger_entries_month_kind" in sqlite_db.query(read)
