"""Imports of application files at scale (issues: foundation, 17 "No cliffs at scale").

Each figure stands beside its yardstick, measured in the same run (the machine is shared
and noisy: ratios matter more than seconds), and is the median of RUNS runs:

- the import against a bare sqlite3 executemany of the same parsed rows (budget <= 5x);
- an import whose rows share one website domain in crowds (16 % of them) against the
  same import with no duplicates (budget <= 1.3x);
- ROWS new rows onto a database of BIG rows against the same rows into an empty one
  (budget <= 1.5x);
- a one- or two-character search's first page at BIG rows (budget <= 150 ms);
- the peak memory of an import, in a child process of its own (budget <= 400 MB at any
  size), and the growth of the time with the rows (10k, 100k, BIG: linear).

Every import runs in a child process, so that its peak memory is its own. Files and
databases are written under /tmp (BENCH_DIR), never into the repository.

    python -m tests.benchmarks.bench_import [ROWS [BIG [RUNS]]]
    python -m tests.benchmarks.bench_import --search DATABASE
    [BENCH_BEFORE=DIR] python -m tests.benchmarks.bench_import --crowd [ROWS [RUNS]]
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.common import record, write_applications_csv

RUNS = 3
SHARED = 0.16  # of the rows, this many share one website domain (the 16k of 100k)


def child(database: str, source: str) -> None:
    """One import, in this process: prints its seconds and peak memory as JSON."""
    import resource

    from app.database import Database
    from app.services.imports import ImportApplications, import_applications

    db = Database(f"sqlite:///{database}", "bench")
    # a copied base is a file this program did not leave: its first write would quick_check it whole
    # (1 s at a million rows), once per opening, which the program's own file does not pay again
    db.check_whole()
    started = time.perf_counter()
    report = db.run(import_applications, ImportApplications(source))
    elapsed = time.perf_counter() - started
    indexing = catch_up(db)
    db.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    figures = {"seconds": elapsed, "indexing": indexing, "peak_mb": peak}
    print(json.dumps(figures | {"imported": report.imported, "flagged": report.flagged}))


def catch_up(db) -> float:
    """The seconds the search index takes to take in what the import left out of it, after its
    commit (migration 0020; 0 with code from before it)."""
    try:
        from app.services.search_index import IndexForSearch, index_for_search
    except ImportError:
        return 0.0
    started = time.perf_counter()
    while db.run(index_for_search, IndexForSearch()):
        pass
    return time.perf_counter() - started


def run_import(database: Path, source: Path, tree: Path | None = None) -> dict:
    """One import in a child process, of this checkout's code or of the one at `tree`."""
    root = tree or Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.benchmarks.bench_import",
            "--child",
            str(database.resolve()),
            str(source.resolve()),
        ],
        check=True,
        capture_output=True,
        text=True,
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def medians(results: list[dict]) -> dict:
    return {key: statistics.median(r.get(key, 0.0) for r in results) for key in ("seconds", "indexing", "peak_mb")} | {
        "runs": [r["seconds"] for r in results],
        "flagged": results[0]["flagged"],
    }


def imports(folder: Path, source: Path, runs: int, base: Path | None = None, expect: int | None = None) -> dict:
    """`runs` imports of `source`, each into a fresh copy of `base` (or an empty database)."""
    results = []
    for run in range(runs):
        database = folder / f"{source.stem}-{run}.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(str(database) + suffix).unlink(missing_ok=True)
        if base is not None:
            shutil.copyfile(base, database)
        result = run_import(database, source)
        assert expect is None or result["imported"] == expect, result
        results.append(result)
        database.unlink()
    return medians(results)


def crowd(rows: int = 100_000, runs: int = RUNS) -> None:
    """The shared-domain import beside its yardstick only, taking turns run by run; with
    BENCH_BEFORE (a checkout of other code, e.g. `git archive main | tar -x -C DIR`), that
    code's two imports take their turns in the same run."""
    folder = Path(os.environ.get("BENCH_DIR") or tempfile.mkdtemp(prefix="bench-import-"))
    folder.mkdir(parents=True, exist_ok=True)
    cases = {
        "no duplicates": write_applications_csv(folder / "applications.csv", rows),
        f"{int(rows * SHARED):,} share a domain": write_applications_csv(
            folder / "crowded.csv", rows, shared_domain=int(rows * SHARED)
        ),
    }
    trees = {"this code": None}
    if os.environ.get("BENCH_BEFORE"):
        trees["before (BENCH_BEFORE)"] = Path(os.environ["BENCH_BEFORE"]).resolve()
    found: dict[tuple[str, str], list[dict]] = {(tree, case): [] for tree in trees for case in cases}
    for _ in range(runs):
        for tree, root in trees.items():
            for case, source in cases.items():
                database = folder / "crowd-run.sqlite3"
                for suffix in ("", "-wal", "-shm"):
                    Path(str(database) + suffix).unlink(missing_ok=True)
                result = run_import(database, source, root)
                assert result["imported"] == rows, result
                found[(tree, case)].append(result)
                database.unlink()
    lines = [f"rows: {rows:,}; medians of {runs} runs taking turns, each import in a child process of its own"]
    for tree in trees:
        (plain_case, plain), (crowd_case, crowded) = ((case, medians(found[(tree, case)])) for case in cases)
        lines.append(
            f"{tree}: {crowd_case} {crowded['seconds']:.2f} s ({crowded['flagged']:,} flagged;"
            f" runs {', '.join(f'{t:.2f}' for t in crowded['runs'])}) against {plain_case}"
            f" {plain['seconds']:.2f} s ({plain['flagged']:,} flagged; runs {', '.join(f'{t:.2f}' for t in plain['runs'])}):"
            f" ratio {crowded['seconds'] / plain['seconds']:.2f}x (budget <= 1.3x); peak {crowded['peak_mb']:.0f} MB"
            f" / {plain['peak_mb']:.0f} MB"
        )
    record("import_crowd", lines)


def bare_insert(path: Path, values: list[tuple]) -> float:
    """The parsed rows into a table of their own columns, by sqlite3 alone."""
    path.unlink(missing_ok=True)
    bare_db = sqlite3.connect(path)
    bare_db.execute(
        "CREATE TABLE applications (id INTEGER PRIMARY KEY, source_key TEXT UNIQUE, submitted_on TEXT, company TEXT,"
        " contact_email TEXT, country TEXT, incorporated_on TEXT, total_funding_cents INTEGER, website TEXT, workspace TEXT)"
    )
    started = time.perf_counter()
    with bare_db:
        bare_db.executemany(
            "INSERT INTO applications (source_key, submitted_on, company, contact_email, country, incorporated_on,"
            " total_funding_cents, website, workspace) VALUES (?,?,?,?,?,?,?,?,?)",
            values,
        )
    elapsed = time.perf_counter() - started
    bare_db.close()
    path.unlink()
    return elapsed


def parsed_values(source: Path) -> list[tuple]:
    from app.importing.applications import ImportReport, parse_rows
    from app.importing.tabular import read_table

    return [
        (
            f"id:{app.application_id}",
            app.submitted_on.isoformat(),
            app.company,
            app.contact_email,
            app.country,
            app.incorporated_on.isoformat() if app.incorporated_on else None,
            app.total_funding,
            app.website,
            app.workspace,
        )
        for app in parse_rows(read_table(source), None, ImportReport()).applications()
    ]


def search_lines(database: Path, runs: int = RUNS) -> list[str]:
    """A search's first page (the count it is read against included) beside the exact count
    that follows it on the worker: one or two characters have no trigram to look up."""
    from app.database import Database
    from app.queries import QueueFilter, count_queue, queue_page, quick_count

    db = Database(f"sqlite:///{database}", "bench")
    lines = [f"search at {database.name} (the window reads both on its worker; first page budget <= 150 ms):"]
    for needle in ("a", "co", "zq", "leap"):
        queue = QueueFilter(text=needle)
        firsts, counts = [], []
        with db.read() as conn:
            for _ in range(runs):
                started = time.perf_counter()
                count, exact, reading = quick_count(conn, queue)
                rows = queue_page(conn, reading, "submitted_on", False, 0, 200, count, exact)
                firsts.append(time.perf_counter() - started)
                started = time.perf_counter()
                total = count_queue(conn, queue)
                counts.append(time.perf_counter() - started)
        lines.append(
            f"  {needle!r:>6}: first page {statistics.median(firsts) * 1000:5.0f} ms ({len(rows)} rows);"
            f" exact count {total:,} in {statistics.median(counts) * 1000:5.0f} ms"
        )
    db.close()
    return lines


def main(rows: int = 100_000, big: int = 1_000_000, runs: int = RUNS) -> None:
    folder = Path(os.environ.get("BENCH_DIR") or tempfile.mkdtemp(prefix="bench-import-"))
    folder.mkdir(parents=True, exist_ok=True)
    source = write_applications_csv(folder / "applications.csv", rows)
    crowded = write_applications_csv(folder / "crowded.csv", rows, shared_domain=int(rows * SHARED))
    lines = [f"rows: {rows:,}; medians of {runs} runs, each import in a child process of its own"]

    plain = imports(folder, source, runs, expect=rows)
    bare = statistics.median(bare_insert(folder / "bare.sqlite3", parsed_values(source)) for _ in range(runs))
    lines.append(
        f"import: {plain['seconds']:.2f} s = {rows / plain['seconds']:,.0f} rows/s"
        f" (runs {', '.join(f'{t:.2f}' for t in plain['runs'])}); bare executemany of the parsed rows"
        f" {bare:.3f} s: ratio {plain['seconds'] / bare:.1f}x (budget <= 5x)"
    )
    lines.append(f"  then, after its commit, the search index takes the rows in: {plain['indexing']:.2f} s")
    crowd = imports(folder, crowded, runs, expect=rows)
    lines.append(
        f"{int(rows * SHARED):,} of the rows share one website domain: {crowd['seconds']:.2f} s"
        f" ({crowd['flagged']:,} flagged) against {plain['seconds']:.2f} s without"
        f" ({plain['flagged']:,} flagged): ratio {crowd['seconds'] / plain['seconds']:.2f}x (budget <= 1.3x)"
    )

    growth = [(rows, plain)]
    if rows > 10_000:
        small = write_applications_csv(folder / "small.csv", 10_000)
        growth.insert(0, (10_000, imports(folder, small, runs, expect=10_000)))
    if big > rows:
        large = write_applications_csv(folder / "large.csv", big)
        # the big database, imported once and kept: the base of the "onto" runs
        base = folder / "base.sqlite3"
        base.unlink(missing_ok=True)
        started = time.perf_counter()
        built = run_import(base, large)
        assert built["imported"] == big, built
        growth.append((big, medians([built])))
        second = write_applications_csv(folder / "second.csv", rows, seed=2, id_prefix="C")
        empty = imports(folder, second, runs, expect=rows)
        onto = imports(folder, second, runs, base=base, expect=rows)
        lines.append(
            f"{rows:,} new rows onto {big:,}: {onto['seconds']:.2f} s against {empty['seconds']:.2f} s into an empty"
            f" database: ratio {onto['seconds'] / empty['seconds']:.2f}x (budget <= 1.5x)"
        )
        lines.append(f"(the {big:,}-row base built once in {time.perf_counter() - started:.0f} s)")
        lines.extend(search_lines(base))
    lines.append("growth (one import, child process):  rows | seconds | µs a row | search index after | peak memory")
    for count, result in growth:
        lines.append(
            f"  {count:>10,} | {result['seconds']:7.2f} | {result['seconds'] / count * 1e6:6.1f} |"
            f" {result['indexing']:7.2f} s | {result['peak_mb']:5.0f} MB"
            + (" (budget <= 400 MB)" if count == growth[-1][0] else "")
        )
    record("import", lines)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], sys.argv[3])
    elif sys.argv[1:2] == ["--crowd"]:
        crowd(*(int(arg.replace("_", "")) for arg in sys.argv[2:]))
    elif sys.argv[1:2] == ["--search"]:
        print("\n".join(search_lines(Path(sys.argv[2]))))
    else:
        numbers = [int(arg.replace("_", "")) for arg in sys.argv[1:]]
        main(*numbers)
