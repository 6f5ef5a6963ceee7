"""The demo never lands in the person's own database (issue 11)."""

import sqlite3

from app.cli import main


def test_demo_without_db_loads_the_demos_own_database(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.delenv("STARTUP_DESK_DB", raising=False)
    assert main(["demo"]) == 0
    folder = tmp_path / "startup-desk"
    assert not (folder / "startup-desk.sqlite3").exists()
    with sqlite3.connect(folder / "demo.sqlite3") as db:
        assert db.execute("select count(*) from applications").fetchone()[0] > 100


def test_demo_with_db_loads_the_database_named(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert main(["--db", str(tmp_path / "mine.sqlite3"), "demo"]) == 0
    with sqlite3.connect(tmp_path / "mine.sqlite3") as db:
        assert db.execute("select count(*) from applications").fetchone()[0] > 100
    assert not (tmp_path / "xdg" / "startup-desk" / "demo.sqlite3").exists()
