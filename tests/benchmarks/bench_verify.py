"""Issue 17, `verify` at size: the whole check beside one recompute statement (one GROUP BY of every
grant's balance over the entries), medians of 3 taking turns, at 1,000, 10,000 and 100,000 members
(bench_scale's ledger: 35 closed months, 3.5M bills and 2.8M entries at 100,000), with the time of
each check inside verify (the median run's), and the same through the command line once.

    python -m tests.benchmarks.bench_verify [MEMBERS ...]

BENCH_SCALE_DIR keeps the databases between runs (ledger<members>.sqlite3, as bench_scale names them;
they are brought to the current schema in place, without a backup). BENCH_VERIFY_BEFORE names a file
holding an earlier verify (`git show 4bd4b48:app/services/verify.py > before.py`, the single module this
package replaced; for an earlier package, its modules copied into a directory with `app.services.verify.`
renamed in their imports, and a file that puts that directory on sys.path and imports its verify): it is
timed in the same turns, on the same database (brought to the current schema). Seconds are wall time; on a
shared machine the process's CPU time is given too (the ratio of CPU times drifts less with the load).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from tests.benchmarks.bench_scale import build_applications, build_ledger
from tests.benchmarks.common import record

RECOMPUTE = "SELECT enrollment, program_year, sum(amount_cents) FROM ledger_entries GROUP BY enrollment, program_year"


def ledger(root: Path, members: int) -> Path:
    from app.migrate import HEAD, SCRIPTS, upgrade_to

    path = root / f"ledger{members}.sqlite3"
    if not path.exists():
        queue = root / "q100000" / "queue.sqlite3"
        if not queue.exists():
            queue.parent.mkdir(exist_ok=True)
            build_applications(max(100_000, members), queue.parent)
        shutil.copy(queue, path)
        build_ledger(path, members)
    upgrade_to(f"sqlite:///{path}", SCRIPTS, HEAD)
    return path


def before() -> object | None:
    """The earlier verify named by BENCH_VERIFY_BEFORE, loaded as a module of its own."""
    import importlib.util

    source = os.environ.get("BENCH_VERIFY_BEFORE")
    if not source:
        return None
    spec = importlib.util.spec_from_file_location("verify_before", source)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def checks_timed(module) -> tuple[dict[str, float], list]:
    """Wrap each check `verify` calls (the module's globals it names) to add up its time."""
    spent: dict[str, float] = defaultdict(float)
    originals = []
    for name in module.verify.__code__.co_names:
        check = module.__dict__.get(name)
        if not callable(check) or isinstance(check, type) or name == "verify":
            continue

        def timed(*args, _check=check, _name=name, **kwargs):
            started = time.perf_counter()
            try:
                return _check(*args, **kwargs)
            finally:
                spent[_name.lstrip("_")] += time.perf_counter() - started

        originals.append((name, check))
        setattr(module, name, timed)
    return spent, originals


def measure(path: Path, earlier) -> list[str]:
    from sqlalchemy import text

    import app.services.verify as module
    from app.database import Database

    database = Database(f"sqlite:///{path}", "bench")

    def timed(read):
        wall, cpu = time.perf_counter(), time.process_time()
        result = database.query(read)
        return (time.perf_counter() - wall, time.process_time() - cpu), result

    count = "SELECT (SELECT count(*) FROM ledger_entries), (SELECT count(*) FROM bills)"
    entries, bills = database.query(lambda uow: tuple(uow.conn.execute(text(count)).one()))
    timed(lambda uow: uow.conn.execute(text(RECOMPUTE)).all())  # warm the cache
    recompute, runs, old = [], [], []
    for _ in range(3):
        recompute.append(timed(lambda uow: uow.conn.execute(text(RECOMPUTE)).all())[0])
        spent, originals = checks_timed(module)
        took, breaches = timed(module.verify)
        for name, check in originals:
            setattr(module, name, check)
        runs.append((took, dict(spent), len(breaches)))
        if earlier is not None:
            took, found = timed(earlier.verify)
            old.append((took, len(found)))
    database.close()
    median = lambda pairs, i: statistics.median(p[i] for p in pairs)  # noqa: E731
    r, rc = median(recompute, 0), median(recompute, 1)
    (took, cpu), spent, breaches = sorted(runs, key=lambda run: run[0][0])[1]
    members = int(path.stem.removeprefix("ledger"))
    slowest = ", ".join(f"{name} {s:.2f}" for name, s in sorted(spent.items(), key=lambda kv: -kv[1])[:6])
    cli = [sys.executable, "-m", "ui.launcher", "--db", f"sqlite:///{path}", "verify"]
    started = time.perf_counter()
    done = subprocess.run(cli, capture_output=True, text=True)
    command = time.perf_counter() - started
    lines = [
        f"  {members:>8,} {entries:>10,} {bills:>10,} {r:>12.2f} {took:>9.2f} {took / r:>9.2f}"
        f" {cpu / rc:>6.2f} {breaches:>9} {command:>10.2f} (exit {done.returncode})",
        f"            checks (wall s of the median run, slowest first): {slowest}",
    ]
    if old:
        (was, was_cpu), found = sorted(old)[1]
        lines.append(
            f"            before this branch (BENCH_VERIFY_BEFORE), same turns: {was:.2f} s, {was / r:.2f}x"
            f" (CPU {was_cpu / rc:.2f}x), breaches {found}"
        )
    return lines


def main(*sizes: int) -> None:
    root = Path(os.environ.get("BENCH_SCALE_DIR") or tempfile.mkdtemp())
    lines = [
        f"load average at the start: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores (shared with other sessions)",
        "verify beside one recompute statement (GROUP BY enrollment, program_year over the entries), medians of 3"
        " taking turns (goal: verify <= 1.5x):",
        "   members    entries      bills  recompute s  verify s  verify x  CPU x  breaches  command s",
    ]
    earlier = before()
    for members in sizes or (1_000, 10_000, 100_000):
        lines += measure(ledger(root, members), earlier)
    lines.append(f"load average at the end: {os.getloadavg()[0]:.2f}")
    record("verify", lines)


if __name__ == "__main__":
    main(*[int(a) for a in sys.argv[1:]])
