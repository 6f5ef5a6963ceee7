"""The credit lifecycle at size (issue 16): what-if over 1,000,000 applications, the program
forecast for 100,000 members.

Budgets: a what-if under 2 s; the program forecast under 2 s. Each figure is the median of three
runs, beside its yardstick measured in the same run, taking turns with it: one pass of SQLite over
the open queue reading the incorporation date of every row (the least any re-evaluation of the age
rule reads). The machine is shared: the ratio says more than the seconds.

    python -m tests.benchmarks.bench_lifecycle [APPLICATIONS] [MEMBERS]

Setup takes minutes at full size: with BENCH_LIFECYCLE_DB=PATH the database built is kept in that
file and a later run with the same sizes reuses it (the what-if and the forecast write nothing).
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from app import schema
from app.bulk import bulk_insert
from app.clock import FixedClock, utcnow
from app.database import Database
from app.kept_sums import add_entries
from app.services.ledger.forecasts import Forecast, forecast
from app.services.whatif import WhatIf, what_if
from models.dates import add_years
from models.eligibility import Outcome, overall
from models.ledger import program_year
from models.whatif import PolicyChange
from tests.benchmarks.common import record

COUNTRIES = ["US", "GB", "DE", "FR", "IN", "CA", "BR", "SG", "NG", "IR", "CU"]


def build_queue(database: Database, count: int) -> None:
    """Open applications straight into the table (an import of a million rows is bench_import's)."""
    rng = random.Random(7)
    now = utcnow()
    chunk = 100_000
    with database.unit_of_work() as uow:
        for begin in range(0, count, chunk):
            rows = []
            for index in range(begin, min(begin + chunk, count)):
                submitted = date(2025, 1, 1) + timedelta(days=rng.randrange(0, 700))
                incorporated = submitted - timedelta(days=rng.randrange(30, 1400)) if rng.random() < 0.9 else None
                raised = rng.randrange(0, 800_000_000) if rng.random() < 0.9 else None
                country = rng.choice(COUNTRIES)
                declared = rng.random() < 0.1
                age = (
                    Outcome.UNKNOWN
                    if incorporated is None
                    else (Outcome.PASS if incorporated > add_years(submitted, -2) else Outcome.FAIL)
                )
                funding = (
                    Outcome.UNKNOWN if raised is None else (Outcome.PASS if raised <= 500_000_000 else Outcome.FAIL)
                )
                territory = Outcome.FAIL if country in ("IR", "CU") else Outcome.PASS
                previous = Outcome.FAIL if declared else Outcome.PASS
                rows.append(
                    {
                        "source_key": f"id:Q-{index}",
                        "application_id": f"Q-{index}",
                        "submitted_on": submitted,
                        "company": f"Company {index}",
                        "contact_email": f"f@c{index}.example.com",
                        "contact_name": "",
                        "country": country,
                        "incorporated_on": incorporated,
                        "total_funding_cents": raised,
                        "funding_currency": None,
                        "previous_discount": declared,
                        "website": "",
                        "workspace": f"q-{index}",
                        "partner_code": rng.choice(["", "", "yc", "techstars"]),
                        "notes": "",
                        "web_domain": f"c{index}.example.com",
                        "mail_domain": f"c{index}.example.com",
                        "name_key": f"company {index}",
                        "status": rng.choice(["new", "new", "in_review", "needs_info"]),
                        "eligibility": overall([age, funding, territory, previous]).value,
                        "rule_age": age.value,
                        "rule_funding": funding.value,
                        "rule_territory": territory.value,
                        "rule_previous_discount": previous.value,
                        "prior_note": None,
                        "policy_version": 1,
                        "import_batch": None,
                        "imported_at": now,
                        "version": 1,
                    }
                )
            bulk_insert(uow.conn, schema.applications, rows)
        uow.commit()


def build_members(database: Database, count: int) -> None:
    """Members accepted over 2026, a year 1 each, some with a bonus, three closed months of bills."""
    rng = random.Random(9)
    now = utcnow()
    with database.unit_of_work() as uow:
        conn = uow.conn
        first = conn.execute(schema.applications.select().limit(1)).first()
        applications = [first.id] if first else []
        enrollments, years, entries, bills = [], [], [], []
        for number in range(1, count + 1):
            start = date(2026, 1 + number % 9, 1 + number % 28)
            enrollments.append(
                {
                    "id": number,
                    "workspace": f"m-{number}",
                    "application": number,
                    "partner": None,
                    "accepted_on": start,
                    "status": "active",
                    "web_domain": "",
                    "mail_domain": "",
                    "created_at": now,
                }
            )
            grants = [(1, program_year("", 1, start, 2_500_000), False, 50)]
            if number % 10 == 0:
                grants.append((1001, program_year("", 1001, date(2026, 10, 1), 500_000), True, 0))
            for year_number, year, bonus, priority in grants:
                years.append(
                    {
                        "enrollment": number,
                        "number": year_number,
                        "valid_from": year.valid_from,
                        "valid_until": year.valid_until,
                        "credit_cents": year.credit,
                        "renewal": False,
                        "bonus": bonus,
                        "priority": priority,
                        "reason": "bench",
                        "policy_version": 1,
                        "decided_by": "bench",
                        "decided_at": now,
                    }
                )
                entries.append(
                    {
                        "enrollment": number,
                        "kind": "grant",
                        "counts_as": "grant",
                        "entry_date": year.valid_from,
                        "amount_cents": year.credit,
                        "program_year": year_number,
                        "month": None,
                        "reason": "bench",
                        "actor": "bench",
                        "reverses": None,
                        "policy_version": 1,
                        "created_at": now,
                    }
                )
            for month in ("2026-10", "2026-11", "2026-12"):
                bills.append(
                    {
                        "workspace": f"m-{number}",
                        "month": month,
                        "amount_cents": rng.randrange(50_000, 400_000),
                        "settled_cents": None,
                        "import_batch": None,
                        "imported_at": now,
                    }
                )
        del applications
        for table, rows in (
            (schema.enrollments, enrollments),
            (schema.program_years, years),
            (schema.bills, bills),
        ):
            bulk_insert(conn, table, rows)
        add_entries(conn, entries)
        conn.execute(schema.month_closes.insert().values(month="2026-12", closed_at=now, actor="bench"))
        uow.commit()


def timed(database: Database, use_case, command) -> tuple[float, dict]:
    started = time.perf_counter()
    result = database.query(lambda uow: use_case(command, uow))
    return time.perf_counter() - started, result


def yardstick(path: Path) -> float:
    """One pass of bare SQLite over the open queue, reading each row's incorporation date."""
    import sqlite3

    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        started = time.perf_counter()
        conn.execute(
            "SELECT count(incorporated_on) FROM applications WHERE +status IN ('new', 'in_review', 'needs_info')"
        ).fetchall()
        return time.perf_counter() - started


def medians(database: Database, path: Path, use_case, command) -> tuple[float, float, dict]:
    """(median seconds, median yardstick seconds, the result), three turns each."""
    runs, sticks, result = [], [], {}
    for _ in range(3):
        sticks.append(yardstick(path))
        seconds, result = timed(database, use_case, command)
        runs.append(seconds)
    return statistics.median(runs), statistics.median(sticks), result


def main(applications: int = 1_000_000, members: int = 100_000) -> None:
    kept = os.environ.get("BENCH_LIFECYCLE_DB")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(kept or Path(folder) / "bench.sqlite3")
        sizes = path.with_name(path.name + ".sizes")
        reused = (
            kept is not None and path.exists() and sizes.exists() and sizes.read_text() == f"{applications} {members}"
        )
        if kept is not None and not reused:
            path.unlink(missing_ok=True)
        database = Database(f"sqlite:///{path}", "bench", clock=FixedClock("2027-01-05"))
        started = time.perf_counter()
        if not reused:
            build_queue(database, applications)
            build_members(database, members)
            if kept is not None:
                sizes.write_text(f"{applications} {members}")
        setup = "reused" if reused else f"setup {time.perf_counter() - started:.1f} s"
        lines = [
            f"applications: {applications:,} open, members: {members:,} ({setup}); medians of 3",
            "yardstick: bare SQLite, one pass over the open queue reading incorporated_on",
        ]
        worst = 0.0
        for label, change in (
            ("funding cap 3,000,000", PolicyChange(funding_cap=300_000_000)),
            ("age limit 3 years", PolicyChange(max_age_years=3)),
            ("age limit 1 year", PolicyChange(max_age_years=1)),
            ("territories without US", PolicyChange(territories=frozenset(set(COUNTRIES) - {"US", "IR", "CU"}))),
            (
                "annual credit 30,000, yc 60,000 (with the forecast)",
                PolicyChange(annual_credit=3_000_000, partner_credit=(("yc", 6_000_000),)),
            ),
        ):
            seconds, stick, result = medians(database, path, what_if, WhatIf(change))
            worst = max(worst, seconds)
            lines.append(
                f"what-if {label}: {seconds:.2f} s (yardstick {stick:.2f} s, x{seconds / stick:.1f}), "
                f"{result['changed_count']:,} change outcome"
            )
        lines.append(f"what-if worst: {worst:.2f} s (budget < 2 s)")
        seconds, stick, result = medians(database, path, forecast, Forecast(months=12, members=False))
        lines.append(
            f"program forecast (the chart, the workbook), 12 months, {members:,} members: {seconds:.2f} s "
            f"(budget < 2 s; yardstick {stick:.2f} s), {len(result['program'])} month × partner rows"
        )
        program = result["program"]
        seconds, stick, result = medians(database, path, forecast, Forecast(months=12))
        assert result["program"] == program, "the program alone adds up to the members' forecasts"
        lines.append(
            f"every member's forecast too (forecast --json), {len(result['members']):,} members: {seconds:.2f} s "
            f"(yardstick {stick:.2f} s)"
        )
        database.close()
    with open("/proc/loadavg") as handle:
        lines.append(f"load average at the end of the run: {handle.read().split()[0]} on 2 cores (shared machine)")
    record("lifecycle", lines)


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
