"""Issue 17 at size, each figure beside its yardstick measured in the same run (medians of 3):

- `applications --json` over 1,000,000 applications vs `sqlite3 -json` of the same columns
  (time and peak memory of the process);
- the queue's date range + open + sort by company at 10,000, 100,000, 1,000,000 and 3,000,000
  (per million rows: linear or not); at the largest, after `ANALYZE` and without migration 0009's index;
- the queue's first page with and without the "in state since" column (issue 15);
- the Ledger pane's figures and `verify` for 1,000, 10,000 and 100,000 members (3.5M entries,
  3.5M bills), each beside one `GROUP BY` over the entries.

    python -m tests.benchmarks.bench_scale [APPLICATIONS] [MEMBERS]
    python -m tests.benchmarks.bench_scale ledger [MEMBERS]   # the Ledger pane alone (results/ledger_pane.txt)
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
    from app import db
    from app.kept_sums import refill

    engine = db.create(f"sqlite:///{path}")
    with engine.begin() as conn:  # the sums the writers keep, of the entries written straight into the table
        refill(conn)
    engine.dispose()
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


def queue_growth(folders: dict[int, Path]) -> list[str]:
    """The queue's date range + open + sort by company at each size, medians of 3; at the largest, also
    without migration 0009's (status, submitted_on) index and after ANALYZE (in place, undone after)."""
    lines = [
        "queue, submitted 2025-03-01..2025-09-30 + open, sorted by company, count + first page (goal <= 150 ms at 3M):"
    ]
    lines.append("  applications   matches   ms (median of 3)   ms per 1M applications")
    median = lambda runs: statistics.median(t for t, _ in runs) * 1000  # noqa: E731
    for rows, folder in sorted(folders.items()):
        path = folder / "queue.sqlite3"
        con = sqlite3.connect(path)  # the builder's import of its first chunk left statistics of that chunk
        con.execute("DROP TABLE IF EXISTS sqlite_stat1")
        con.commit()
        con.close()
        url = f"sqlite:///{path}"
        queue_range_open_by_company(url)  # opens (migrates) it and warms the cache
        runs = [queue_range_open_by_company(url) for _ in range(3)]
        lines.append(f"  {rows:>12,} {runs[0][1]:>9,} {median(runs):>12.0f} {median(runs) / rows * 1e6:>20.1f}")
    rows, folder = max(folders.items())
    path, url = folder / "queue.sqlite3", f"sqlite:///{folder / 'queue.sqlite3'}"
    con = sqlite3.connect(path)
    con.execute("ANALYZE applications")
    con.commit()
    analyzed = [queue_range_open_by_company(url) for _ in range(3)]
    con.execute("DROP TABLE sqlite_stat1")
    con.execute("DROP INDEX ix_applications_status_submitted_on")
    con.commit()
    without = [queue_range_open_by_company(url) for _ in range(3)]
    con.execute("CREATE INDEX ix_applications_status_submitted_on ON applications (status, submitted_on)")
    con.commit()
    con.close()
    lines.append(
        f"  at {rows:,}: after ANALYZE applications {median(analyzed):.0f} ms; without the (status, submitted_on) "
        f"index (0009) {median(without):.0f} ms"
    )
    return lines


def ledger_growth(ledgers: dict[int, Path], with_verify: bool = True) -> list[str]:
    """The Ledger pane's figures and verify at each size, beside one GROUP BY over the entries (the
    recompute of every balance, verify's own yardstick too), medians of 3 taking turns; without
    `with_verify`, the pane alone."""
    from sqlalchemy import text

    from app.database import Database
    from app.ledger_queries import ledger_overview
    from app.services.verify import _exports_agree_with_closes, verify

    one = "SELECT enrollment, program_year, sum(amount_cents) FROM ledger_entries GROUP BY enrollment, program_year"
    lines = [
        "Ledger pane filled (ledger_overview) and verify, each beside one GROUP BY over the entries, medians of 3"
        " (goal: pane <= 1.5x, verify <= 1.5x):",
        "   members    entries  GROUP BY s   pane s  pane x  verify s  verify x  of which month totals s  breaches",
    ]
    if not with_verify:
        lines = [
            "Ledger pane filled (ledger_overview) beside one GROUP BY over the entries, medians of 3 taking turns"
            " (goal: pane <= 1.5x):",
            "   members    entries  GROUP BY s   pane s  pane x  (pane runs)",
        ]
    for members, path in sorted(ledgers.items()):
        database = Database(f"sqlite:///{path}", "bench")

        def timed(read, database=database):
            started = time.perf_counter()
            result = database.query(read)
            return time.perf_counter() - started, result

        entries = database.query(lambda uow: uow.conn.execute(text("SELECT count(*) FROM ledger_entries")).scalar())
        timed(lambda uow: uow.conn.execute(text(one)).all())  # warm the cache
        group, pane, checks, months, breaches = [], [], [], [], []
        for _ in range(3):
            group.append(timed(lambda uow: uow.conn.execute(text(one)).all())[0])
            pane.append(timed(ledger_overview)[0])
            if not with_verify:
                continue
            took, found = timed(verify)
            checks.append(took)
            breaches = found
            months.append(timed(_exports_agree_with_closes)[0])
        database.close()
        g, p = statistics.median(group), statistics.median(pane)
        if not with_verify:
            runs = ", ".join(f"{t:.2f}" for t in pane)
            lines.append(f"  {members:>8,} {entries:>10,} {g:>11.2f} {p:>8.2f} {p / g:>7.1f}  ({runs})")
            continue
        v = statistics.median(checks)
        lines.append(
            f"  {members:>8,} {entries:>10,} {g:>11.2f} {p:>8.2f} {p / g:>7.1f} {v:>9.2f} {v / g:>9.1f}"
            f" {statistics.median(months):>24.2f} {len(breaches):>9}"
        )
    return lines


def main(applications: int = 3_000_000, members: int = 100_000) -> None:
    """BENCH_SCALE_DIR keeps the databases between runs (building 3M rows takes half an hour here):
    q<rows>/queue.sqlite3 for the queue's sizes, ledger<members>.sqlite3 for the ledger's."""
    from tests.benchmarks.bench_queue import in_state_column

    root = Path(os.environ.get("BENCH_SCALE_DIR") or tempfile.mkdtemp())
    started = time.perf_counter()
    sizes = sorted({n for n in (10_000, 100_000, 1_000_000, applications) if n <= applications})
    folders = {}
    for rows in sizes:
        folders[rows] = root / f"q{rows}"
        folders[rows].mkdir(exist_ok=True)
        if not (folders[rows] / "queue.sqlite3").exists():
            build_applications(rows, folders[rows])
    ledgers = {}
    for count in sorted({n for n in (1_000, 10_000, members) if n <= members}):
        ledgers[count] = root / f"ledger{count}.sqlite3"
        if not ledgers[count].exists():
            source = folders[min(n for n in sizes if n >= count)] / "queue.sqlite3"
            shutil.copy(source, ledgers[count])
            build_ledger(ledgers[count], count)
    setup = time.perf_counter() - started
    json_at = min(max(sizes), 1_000_000)
    lines = [
        f"applications: {', '.join(f'{n:,}' for n in sizes)}; members: {', '.join(f'{n:,}' for n in ledgers)}"
        f" in SQLite (setup {setup:.0f} s); medians of 3",
        load(),
        f"at {json_at:,} applications:",
    ]
    lines += applications_json(folders[json_at] / "queue.sqlite3", root)
    lines += queue_growth(folders)
    for rows in sizes[-2:]:
        lines += [
            f"at {rows:,} applications: {line}"
            for line in in_state_column(f"sqlite:///{folders[rows] / 'queue.sqlite3'}")
        ]
    lines += ledger_growth(ledgers)
    lines.append(load().replace("at the start", "at the end"))
    record("scale", lines)


def ledger_pane(members: int = 100_000) -> None:
    """The Ledger pane alone at 1,000, 10,000 and `members`; BENCH_SCALE_DIR keeps the databases
    (q<members>/queue.sqlite3, the applications they copy, and ledger<n>.sqlite3)."""
    root = Path(os.environ.get("BENCH_SCALE_DIR") or tempfile.mkdtemp())
    started = time.perf_counter()
    source = root / f"q{members}"
    source.mkdir(exist_ok=True)
    if not (source / "queue.sqlite3").exists():
        build_applications(members, source)
    ledgers = {}
    for count in sorted({n for n in (1_000, 10_000, members) if n <= members}):
        ledgers[count] = root / f"ledger{count}.sqlite3"
        if not ledgers[count].exists():
            shutil.copy(source / "queue.sqlite3", ledgers[count])
            build_ledger(ledgers[count], count)
    lines = [f"members: {', '.join(f'{n:,}' for n in ledgers)} in SQLite (setup {time.perf_counter() - started:.0f} s)"]
    lines.append(load())
    lines += ledger_growth(ledgers, with_verify=False)
    lines.append(load().replace("at the start", "at the end"))
    record("ledger_pane", lines)


if __name__ == "__main__":
    if sys.argv[1:2] == ["ledger"]:
        ledger_pane(*[int(a) for a in sys.argv[2:]])
    else:
        main(*[int(a) for a in sys.argv[1:]])
