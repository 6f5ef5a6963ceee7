"""Issue 17 at size, each figure beside its yardstick measured in the same run (medians of 3):

- `applications --json` over 1,000,000 applications vs `sqlite3 -json` of the same columns
  (time and peak memory of the process);
- the Ledger pane's figures for 100,000 members (3.7M entries) vs one `GROUP BY` over the entries;
- the queue's date range + open + sort by company at 1,000,000, before and after `ANALYZE`.

    python -m tests.benchmarks.bench_scale [APPLICATIONS] [MEMBERS]
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

from tests.benchmarks.common import record

MONTHS = [f"{2024 + m // 12}-{m % 12 + 1:02d}" for m in range(35)]  # 2024-01 .. 2026-11, closed


def build_applications(rows: int, folder: Path) -> Path:
    """bench_queue's database, built by another process (its memory is not ours)."""
    builder = f"from pathlib import Path; from tests.benchmarks.bench_queue import build; build({rows}, Path({str(folder)!r}))"
    subprocess.run([sys.executable, "-c", builder], capture_output=True, text=True, check=True)
    return folder / "queue.sqlite3"


def build_ledger(path: Path, members: int) -> int:
    """Members on applications 1..members: two program years each, a grant each, 35 closed months
    of bills, each settled by credit applied while a year is valid, a year's remainder expired at its
    end: a consistent ledger (verify finds no breach), straight into the tables."""
    from models.dates import add_years
    from models.ledger import program_year

    rng = random.Random(17)
    now = datetime(2026, 12, 1).isoformat(" ")
    con = sqlite3.connect(path)
    enrollments, years, entries, bills = [], [], [], []
    for n in range(1, members + 1):
        start = date(2024, 1, 1 + n % 28)
        enrollments.append((n, f"m-{n}", n, None, start.isoformat(), "active", "", "", now))
        first = program_year("", 1, start, 2_500_000)
        second = program_year("", 2, add_years(start, 1), 2_500_000)
        for number, year in ((1, first), (2, second)):
            years.append((n, number, year.valid_from.isoformat(), year.valid_until.isoformat(), year.credit, now))
            entries.append((n, "grant", "grant", year.valid_from.isoformat(), year.credit, number, None, now))
        left = {1: first.credit, 2: second.credit}
        for month in MONTHS:
            day = f"{month}-28"
            for number, year in ((1, first), (2, second)):
                if day > year.valid_until.isoformat() and left[number]:  # the year ended: what is left expires
                    end = year.valid_until.isoformat()
                    entries.append((n, "expire", "expire", end, -left[number], number, month, now))
                    left[number] = 0
            number = 1 if day <= first.valid_until.isoformat() else 2 if day <= second.valid_until.isoformat() else 0
            amount = rng.randrange(1_000, 60_000)
            if number:
                left[number] -= amount
                entries.append((n, "apply", "apply", day, -amount, number, month, now))
            bills.append((f"m-{n}", month, amount, amount, now))
    con.executemany(
        "INSERT INTO enrollments (id, workspace, application, partner, accepted_on, status, web_domain, mail_domain,"
        " created_at) VALUES (?,?,?,?,?,?,?,?,?)",
        enrollments,
    )
    con.executemany(
        "INSERT INTO program_years (enrollment, number, valid_from, valid_until, credit_cents, renewal, bonus,"
        " priority, reason, policy_version, decided_by, decided_at) VALUES (?,?,?,?,?,0,0,50,'bench',1,'bench',?)",
        years,
    )
    con.executemany(
        "INSERT INTO ledger_entries (enrollment, kind, counts_as, entry_date, amount_cents, program_year, month,"
        " reason, actor, created_at) VALUES (?,?,?,?,?,?,?,'bench','bench',?)",
        entries,
    )
    con.executemany(
        "INSERT INTO bills (workspace, month, amount_cents, settled_cents, imported_at) VALUES (?,?,?,?,?)",
        bills,
    )
    con.executemany(
        "INSERT INTO month_closes (month, closed_at, actor) VALUES (?, ?, 'bench')", [(m, now) for m in MONTHS]
    )
    con.commit()
    con.close()
    return len(entries)


def median_of_3(measure) -> float:
    return statistics.median(measure() for _ in range(3))


def load() -> str:
    return (
        f"load average at the start: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores (shared with another session)"
    )


def queue_range_open_by_company(url: str) -> tuple[float, int]:
    """The queue's first page: submitted in a seven-month range, open, sorted by company (count included)."""
    from app.database import Database
    from app.queries import QueueFilter, queue_page, quick_count

    queue = QueueFilter(
        statuses=("new", "in_review", "needs_info"), submitted_from=date(2025, 3, 1), submitted_to=date(2025, 9, 30)
    )
    database = Database(url, "bench")

    def page(uow):
        total, exact, narrowed = quick_count(uow.conn, queue)
        return total, queue_page(uow.conn, narrowed, "company", total=total, exact=exact)

    started = time.perf_counter()
    total, rows = database.query(page)
    elapsed = time.perf_counter() - started
    database.close()
    assert len(rows) == 200
    return elapsed, total


#: our command, reporting its own peak memory (KB) on stderr once it has written everything
OURS = (
    "import resource, sys; from ui.launcher import main; code = main(); sys.stdout.flush(); "
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); sys.exit(code)"
)


def run_process(args: list[str], out: Path) -> tuple[float, str]:
    """Wall time of one command writing to `out`, and what it said on stderr."""
    started = time.perf_counter()
    with out.open("wb") as handle:
        done = subprocess.run(args, stdout=handle, stderr=subprocess.PIPE, text=True, check=True)
    return time.perf_counter() - started, done.stderr


def applications_json(path: Path, folder: Path) -> list[str]:
    columns = "id, application_id, company, status, eligibility, rule_age, rule_funding, rule_territory, rule_previous_discount"
    ours = [sys.executable, "-c", OURS]
    ours += ["--db", f"sqlite:///{path}", "applications", "--json"]
    yardstick = ["sqlite3", "-json", str(path), f"SELECT {columns} FROM applications ORDER BY id"]
    times, peaks, sq = [], [], []
    for _ in range(3):
        elapsed, said = run_process(ours, folder / "ours.json")
        times.append(elapsed)
        peaks.append(int(said.split()[-1]) // 1024)
        sq.append(run_process(yardstick, folder / "sqlite3.json")[0])
    size = (folder / "ours.json").stat().st_size / 1e6
    ratio = statistics.median(times) / statistics.median(sq)
    return [
        f"applications --json: {statistics.median(times):.2f} s (runs {', '.join(f'{t:.2f}' for t in times)}), "
        f"{size:.0f} MB written; sqlite3 -json of the same columns {statistics.median(sq):.2f} s: {ratio:.2f}x (goal <= 2x)",
        f"applications --json peak memory: {max(peaks)} MB, worst of 3 (goal <= 150 MB)",
    ]


def queue_before_after_analyze(path: Path, folder: Path) -> list[str]:
    copy = folder / "analyzed.sqlite3"
    con = sqlite3.connect(path)  # the builder's import of its first chunk left statistics of that chunk
    con.execute("DROP TABLE IF EXISTS sqlite_stat1")
    con.commit()
    con.close()
    shutil.copy(path, copy)
    url, analyzed = f"sqlite:///{path}", f"sqlite:///{copy}"
    before = [queue_range_open_by_company(url) for _ in range(3)]
    con = sqlite3.connect(copy)
    started = time.perf_counter()
    con.execute("ANALYZE applications")
    con.commit()
    took = time.perf_counter() - started
    con.close()
    after = [queue_range_open_by_company(analyzed) for _ in range(3)]
    median = lambda runs: statistics.median(t for t, _ in runs) * 1000  # noqa: E731
    return [
        f"queue, submitted 2025-03-01..2025-09-30 + open, sorted by company ({before[0][1]:,} matches), "
        f"count + first page: {median(before):.0f} ms without statistics, {median(after):.0f} ms after "
        f"ANALYZE applications ({took:.2f} s) (goal <= 150 ms at 3M)"
    ]


def ledger_pane(path: Path, members: int) -> list[str]:
    from sqlalchemy import text

    from app.database import Database
    from app.ledger_queries import ledger_overview

    database = Database(f"sqlite:///{path}", "bench")

    def timed(read) -> float:
        started = time.perf_counter()
        database.query(read)
        return time.perf_counter() - started

    one = "SELECT enrollment, program_year, sum(amount_cents) FROM ledger_entries GROUP BY enrollment, program_year"
    pane = [timed(ledger_overview) for _ in range(3)]
    group = [timed(lambda uow: uow.conn.execute(text(one)).all()) for _ in range(3)]
    database.close()
    ratio = statistics.median(pane) / statistics.median(group)
    return [
        f"Ledger pane filled (ledger_overview), {members:,} members: {statistics.median(pane):.2f} s; "
        f"one GROUP BY over the entries {statistics.median(group):.2f} s: {ratio:.1f}x (goal <= 1.5x)"
    ]


def main(applications: int = 1_000_000, members: int = 100_000) -> None:
    folder = Path(os.environ.get("BENCH_SCALE_DIR") or tempfile.mkdtemp())
    path = folder / "queue.sqlite3"
    started = time.perf_counter()
    if not path.exists():
        build_applications(applications, folder)
    ledger = folder / "ledger.sqlite3"
    entries = None
    if not ledger.exists():
        shutil.copy(path, ledger)
        entries = build_ledger(ledger, members)
    setup = time.perf_counter() - started
    lines = [
        f"applications: {applications:,}, members: {members:,}"
        + (f" ({entries:,} ledger entries)" if entries else "")
        + f" in SQLite (setup {setup:.0f} s); medians of 3",
        load(),
    ]
    lines += applications_json(path, folder)
    lines += queue_before_after_analyze(path, folder)
    lines += ledger_pane(ledger, members)
    record("scale", lines)


if __name__ == "__main__":
    main(*[int(a) for a in sys.argv[1:]])
