"""The ledger at size (issue: ledger): 10,000 members, three years of monthly bills.

Budgets: closing one month under 1 s; verify over the whole ledger under 3 s.

    python -m tests.benchmarks.bench_ledger [MEMBERS] [MONTHS]
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from app import schema
from app.bulk import bulk_insert
from app.clock import FixedClock, utcnow
from app.database import Database
from app.kept_sums import add_entries
from app.services.imports import ImportApplications, import_applications
from app.services.ledger import CloseMonth, close_month
from app.services.verify import verify
from models.ledger import program_year
from tests.app.one_truth import check_every_closed_month
from tests.benchmarks.common import record, write_applications_csv


def month_of(index: int) -> str:
    return f"{2024 + index // 12}-{index % 12 + 1:02d}"


def build(database: Database, members: int, months: int, folder: Path) -> None:
    """Members enrolled over the first months, each with years 1 and 2, and a bill every month."""
    database.run(import_applications, ImportApplications(write_applications_csv(folder / "apps.csv", members)))
    rng = random.Random(5)
    now = utcnow()
    with database.unit_of_work() as uow:
        conn = uow.conn
        apps = conn.execute(select(schema.applications.c.id).order_by(schema.applications.c.id)).scalars().all()
        enrollments, years, grants, bills = [], [], [], []
        for number, application in enumerate(apps, start=1):
            start = date(2024, 1, 1 + number % 28)
            enrollments.append(
                {
                    "id": number,
                    "workspace": f"ws-{number}",
                    "application": application,
                    "partner": None,
                    "accepted_on": start,
                    "status": "active",
                    "web_domain": "",
                    "mail_domain": "",
                    "created_at": now,
                }
            )
            for year_number in (1, 2, 3):
                year = program_year(
                    "", year_number, date(start.year + year_number - 1, start.month, start.day), 2_500_000
                )
                years.append(
                    {
                        "enrollment": number,
                        "number": year_number,
                        "valid_from": year.valid_from,
                        "valid_until": year.valid_until,
                        "credit_cents": 2_500_000,
                        "renewal": False,
                        "policy_version": 1,
                        "decided_by": "bench",
                        "decided_at": now,
                    }
                )
                grants.append(
                    {
                        "enrollment": number,
                        "kind": "grant",
                        "counts_as": "grant",
                        "entry_date": year.valid_from,
                        "amount_cents": 2_500_000,
                        "program_year": year_number,
                        "month": None,
                        "reason": "bench",
                        "actor": "bench",
                        "reverses": None,
                        "policy_version": 1,
                        "created_at": now,
                    }
                )
            for index in range(months):
                bills.append(
                    {
                        "workspace": f"ws-{number}",
                        "month": month_of(index),
                        "amount_cents": rng.randrange(50_000, 400_000),
                        "settled_cents": None,
                        "import_batch": None,
                        "imported_at": now,
                    }
                )
        for table, rows in (
            (schema.enrollments, enrollments),
            (schema.program_years, years),
            (schema.bills, bills),
        ):
            bulk_insert(conn, table, rows)
        add_entries(conn, grants)
        uow.commit()


def main(members: int = 10_000, months: int = 36) -> None:
    folder = Path(tempfile.mkdtemp())
    # the day after the last month ends, whatever today is (a month closes only once it has ended)
    clock = FixedClock(f"{month_of(months)}-01")
    database = Database(f"sqlite:///{folder / 'ledger.sqlite3'}", "bench", clock=clock)
    started = time.perf_counter()
    build(database, members, months, folder)
    setup = time.perf_counter() - started
    closes = []
    for index in range(months):
        started = time.perf_counter()
        database.run(close_month, CloseMonth(month_of(index)))
        closes.append(time.perf_counter() - started)
    started = time.perf_counter()
    breaches = database.query(verify)
    verify_time = time.perf_counter() - started
    paint, filled = _pane_timings(database)
    started = time.perf_counter()
    checked = check_every_closed_month(database, folder)  # pane = ledger = statements = adjustments = close
    truth_time = time.perf_counter() - started
    with database.read() as conn:
        entries = conn.execute(select(func.count()).select_from(schema.ledger_entries)).scalar()
        bills = conn.execute(select(func.count()).select_from(schema.bills)).scalar()
    record(
        "ledger",
        [
            f"members: {members}, bills: {bills:,}, ledger entries after {months} closes: {entries:,} (setup {setup:.1f} s)",
            f"close one month: last {closes[-1]:.2f} s, median {sorted(closes)[len(closes) // 2]:.2f} s, worst {max(closes):.2f} s (budget < 1 s)",
            f"verify over the whole ledger: {verify_time:.2f} s (budget < 3 s), breaches: {len(breaches)}",
            f"one truth (pane = ledger = statements = adjustments = close) on {checked} closed months: held, {truth_time:.0f} s",
            f"ledger pane: first paint {paint * 1000:.0f} ms (budget 300 ms); members and totals filled in {filled:.2f} s on the worker",
        ],
    )


def _pane_timings(database: Database) -> tuple[float, float]:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.application import make_qt_app
    from ui.ledger_pane import LedgerPane
    from ui.tasks import TaskRunner

    app = make_qt_app()
    runner = TaskRunner()
    started = time.perf_counter()
    pane = LedgerPane(database, runner)
    pane.resize(1300, 800)
    pane.show()
    pane.refresh()
    pane.grab()
    paint = time.perf_counter() - started
    while not pane.loaded:
        app.processEvents()
        time.sleep(0.005)
    return paint, time.perf_counter() - started


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
