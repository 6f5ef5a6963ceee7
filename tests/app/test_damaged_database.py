"""A damaged SQLite file is never written to, and a backup is checked before it is reported."""

import sqlite3

import pytest

from app.backup import backup
from app.cli import main
from app.database import Database
from tests.benchmarks.common import write_applications_csv
from tests.importing import import_file


@pytest.fixture
def damaged(tmp_path):
    """A database of 3,000 applications with one of its table's pages overwritten."""
    path = tmp_path / "desk.sqlite3"
    database = Database(f"sqlite:///{path}", "tester")
    rows = tmp_path / "apps.csv"
    write_applications_csv(rows, 3_000)
    import_file(database, rows)
    database.close()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'applications'").fetchone()[0]
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    connection.close()
    with open(path, "r+b") as file:  # the table's root page: its cells point nowhere now
        file.seek((root - 1) * page_size + 8)
        file.write(b"\xa5" * 64)
    return path


def test_a_write_into_a_damaged_database_is_refused_and_changes_nothing(damaged, capsys):
    before = damaged.read_bytes()
    code = main(["--db", str(damaged), "apply-partner", "acme", "Acme", "vc"])
    err = capsys.readouterr().err
    assert code == 1
    assert "is damaged" in err and "nothing was written" in err and "Traceback" not in err
    assert damaged.read_bytes() == before


def test_a_backup_of_a_damaged_database_is_refused_and_leaves_no_file(damaged, tmp_path, capsys):
    target = tmp_path / "copy.sqlite3"
    assert main(["--db", str(damaged), "backup", str(target)]) == 1
    assert "damaged" in capsys.readouterr().err
    assert not target.exists() and list(tmp_path.glob("copy*")) == []


def test_a_backup_is_checked_before_it_is_reported(database, tmp_path, monkeypatch):
    import app.backup as module

    def broken_copy(url, partial):
        partial.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)  # a header, and nothing behind it

    monkeypatch.setattr(module, "_copy_sqlite", broken_copy)
    if not database.is_sqlite:
        monkeypatch.setattr(module, "_copy_to_sqlite", lambda url, partial: broken_copy(url, partial) or {"x": 1})
    with pytest.raises(Exception, match="integrity check|every row|malformed|not a database"):
        backup(database.url, tmp_path / "copy.sqlite3")
    assert not (tmp_path / "copy.sqlite3").exists()
