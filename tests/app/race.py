"""Two (or more) people at once, for real: command-line processes released together.

A third session holds a table the commands all need first (PostgreSQL: LOCK TABLE …
ACCESS EXCLUSIVE; SQLite: the write lock of BEGIN IMMEDIATE); once every process is
waiting on it, it lets go, so they start their check-then-write at the same moment
instead of by hoping they overlap.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine

ROOT = Path(__file__).resolve().parents[2]
CLI = "import sys; from app.cli import main; sys.exit(main(sys.argv[1:]))"


def _waiting_on_pg(watcher, count: int) -> bool:
    waiting = watcher.exec_driver_sql(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
    ).scalar()
    return waiting >= count


def _waiting_on_sqlite(processes, path: Path) -> bool:
    """Each process has the database open (it then waits on the write lock in BEGIN IMMEDIATE)."""
    target = str(path.resolve())
    for process in processes:
        fds = Path(f"/proc/{process.pid}/fd")
        try:
            if not any(os.path.realpath(fd) == target for fd in fds.iterdir()):
                return False
        except OSError:
            return False
    return True


def released_together(url: str, commands: list[list[str]], table: str = "enrollments") -> list[tuple[int, str, str]]:
    """Run each command (arguments after `--db URL`) in its own process, all released at once;
    (exit code, stdout, stderr) of each, in order."""
    from app.db import normalise_url, sqlite_path

    url = normalise_url(url)
    engine = create_engine(url)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    path = sqlite_path(url)
    with engine.connect() as holder:
        if path is not None:
            holder.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            holder.exec_driver_sql(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")
        processes = [
            subprocess.Popen(
                [sys.executable, "-c", CLI, "--db", url, "--user", f"person{n}", *command],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
                cwd=ROOT,
            )
            for n, command in enumerate(commands)
        ]
        deadline = time.monotonic() + 60
        with create_engine(url, isolation_level="AUTOCOMMIT").connect() as watcher:
            while time.monotonic() < deadline:
                if path is not None and _waiting_on_sqlite(processes, path):
                    time.sleep(1.0)  # past opening, into BEGIN IMMEDIATE: SQLite cannot be asked who waits
                    break
                if path is None and _waiting_on_pg(watcher, len(processes)):
                    break
                if any(p.poll() is not None for p in processes):
                    break  # one failed before it could wait: its output says why
                time.sleep(0.05)
            else:
                raise AssertionError("the processes never all waited on the held table")
        holder.rollback()
    engine.dispose()
    return [(p.wait(timeout=120), *p.communicate()) for p in processes]
