"""The seam, checked: the clock is read in one module, every use case takes a unit of work (not the
database), the window opens no connection of its own, and no module outgrows 400 lines."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLOCK_READS = re.compile(
    r"\b(?:date\.today|datetime\.(?:now|utcnow|today)|time\.time)\(|QDate\.currentDate|QDateTime\.current"
)


def sources(*folders: str):
    for folder in folders:
        yield from sorted((ROOT / folder).rglob("*.py"))


def test_the_clock_is_read_in_app_clock_only():
    readers = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sources("app", "ui", "models")
        if path != ROOT / "app" / "clock.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if CLOCK_READS.search(line) and not line.lstrip().startswith("#")
    ]
    assert readers == [], "read the clock through the unit of work or database.clock"


def test_the_window_opens_no_connection_of_its_own():
    direct = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sources("ui")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\.read\(\)|\.unit_of_work\(|engine\.connect|import sqlite3|sqlite3\.connect", line)
    ]
    assert direct == [], "the window reaches the database through database.query/apply on its runner"


def test_no_use_case_takes_the_database():
    """A use case gets its transaction, clock and actor from the unit of work that runs it
    (`use_case(command, uow)`, `read(uow, ...)`); one that took the database would open its own."""
    takers = [
        f"{path.relative_to(ROOT)}:{node.lineno} {node.name}"
        for path in sources("app/services")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and "database" in {a.arg for a in (*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs)}
    ]
    assert takers == [], "run it with database.run/apply, or read with database.query"


def test_no_module_is_longer_than_400_lines():
    long = [
        f"{path.relative_to(ROOT)}: {lines} lines"
        for path in sources("app", "ui", "models")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > 400
    ]
    assert long == [], "split it by concern"


def test_ledger_entries_are_written_through_the_kept_sums_only():
    """The Ledger pane reads the sums every writer keeps beside the entries (app/kept_sums.py): an
    insert that went around it would leave them behind (verify would name them, but only then)."""
    writing = re.compile(r"(?:insert|bulk_insert|insert_columns)\((?:\w+, )?(?:le|schema\.ledger_entries)\b")
    around = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sources("app", "ui")
        if path != ROOT / "app" / "kept_sums.py" and "migrations" not in path.parts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if writing.search(line)
    ]
    assert around == [], "write entries with app.kept_sums.add_entry/add_entries"
