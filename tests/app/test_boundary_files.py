"""Issue 13: a SQLite file that is some other program's is refused before anything writes to it,
and left byte for byte as it was, with no file of ours beside it (no -wal, no -shm)."""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from app.cli import main

COMMANDS = [
    ["applications"],
    ["demo"],
    ["verify"],
    ["mappings", "list"],
    ["backup", "copy.sqlite3"],
    ["export", "deals", "-o", "deals.csv"],
]


def other_program(path: Path, kind: str) -> None:
    connection = sqlite3.connect(path)
    if kind == "wal":  # a photo library in WAL mode: reading it the usual way makes -wal and -shm
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("CREATE TABLE albums (id INTEGER PRIMARY KEY, title TEXT)")
        connection.execute("INSERT INTO albums (title) VALUES ('holidays')")
    elif kind == "marked":  # no tables yet, but marked as its own by another program
        connection.execute("PRAGMA user_version = 7")
        connection.execute("PRAGMA application_id = 1179403647")
    elif kind == "views":  # a database of views only
        connection.execute("CREATE VIEW answer AS SELECT 42")
    elif kind == "our-names":  # tables named like ours, but not ours (no schema version)
        connection.execute("CREATE TABLE meta (key TEXT, value TEXT)")
        connection.execute("CREATE TABLE letters (id INTEGER)")
    connection.commit()
    connection.close()


def demo(path: Path) -> None:
    """The demo database, made by a program of its own: closed, so no write of it is pending
    (one opened in this process is checkpointed whenever its engine is collected)."""
    import subprocess
    import sys

    subprocess.run([sys.executable, "-m", "ui.launcher", "--db", str(path), "demo"], check=True, capture_output=True)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("kind", ["wal", "marked", "views", "our-names"])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_another_program_s_sqlite_file_is_refused_and_left_byte_for_byte(kind, command, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "theirs.db"
    other_program(path, kind)
    before, listing = sha256(path), sorted(p.name for p in tmp_path.iterdir())
    assert main(["--db", str(path), *command]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is another program's SQLite database" in err and "Traceback" not in err
    assert sha256(path) == before and sorted(p.name for p in tmp_path.iterdir()) == listing


def test_a_startup_desk_database_in_use_is_still_opened(tmp_path, capsys):
    """The probe reads a file that another Startup Desk has open (its -wal is there) as it is."""
    path = tmp_path / "desk.sqlite3"
    assert main(["--db", str(path), "demo"]) == 0
    holder = sqlite3.connect(path)  # keeps the -wal and -shm in place
    holder.execute("SELECT count(*) FROM applications").fetchone()
    try:
        assert path.with_name("desk.sqlite3-wal").exists()
        capsys.readouterr()
        assert main(["--db", str(path), "applications", "--limit", "1"]) == 0
        assert capsys.readouterr().out.strip()
    finally:
        holder.close()


@pytest.mark.parametrize("read_only", ["file", "folder"])
def test_a_database_that_cannot_be_written_is_named_with_the_reason(read_only, tmp_path, capsys, monkeypatch):
    import os

    folder = tmp_path / "share"
    folder.mkdir()
    path = folder / "desk.sqlite3"
    if read_only == "file":
        demo(path)
    before = sha256(path) if path.exists() else None
    listing = sorted(p.name for p in folder.iterdir())
    real_access = os.access

    def access(target, mode, **kwargs):  # a read-only mount (the tests may run as root, who writes anywhere)
        if mode & os.W_OK and Path(target) == (path if read_only == "file" else folder):
            return False
        return real_access(target, mode, **kwargs)

    monkeypatch.setattr(os, "access", access)
    capsys.readouterr()
    assert main(["--db", str(path), "adjust", "worked", "5", "--reason", "x"]) == 1
    err = capsys.readouterr().err
    said = f"{path} is read-only" if read_only == "file" else f"the folder {folder} is read-only"
    assert err.count("\n") == 1 and said in err
    assert (sha256(path) if path.exists() else None) == before
    assert sorted(p.name for p in folder.iterdir()) == listing


# ---- a disk that is really full (a 64 KB tmpfs, where the tests may mount one) ------------------


@contextlib.contextmanager
def small_disk(folder: Path, size: str):
    """A tmpfs of `size` at `folder` (the test is skipped where it cannot be mounted)."""
    import os
    import shutil
    import subprocess

    folder.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"no tmpfs here ({mounted.stderr.decode().strip()})")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def fill(disk: Path) -> None:
    import os

    free = os.statvfs(disk)
    (disk / "fill").write_bytes(b"\0" * (free.f_bavail * free.f_frsize))


@pytest.fixture
def full_disk(tmp_path):
    with small_disk(tmp_path / "disk", "64k") as disk:
        (disk / "fill").write_bytes(b"\0" * 60 * 1024)  # 4 KB left
        yield disk


@pytest.mark.parametrize(
    "command",
    [
        ["demo"],  # a new database on the full disk
        ["export", "deals", "-o", "{disk}/deals.csv"],
        ["export", "adjustments", "--month", "2026-09", "-o", "{disk}/a.xlsx"],
        ["export", "letters", "-o", "{disk}/letters"],
        ["export", "letters", "-o", "{disk}/letters.pdf"],
        ["backup", "{disk}/copy.sqlite3"],
    ],
    ids=lambda c: "-".join(c[:2]),
)
def test_a_full_disk_is_one_line_and_leaves_nothing_on_it(command, full_disk, tmp_path, capsys):
    desk = tmp_path / "desk.sqlite3"
    demo(desk)
    letters_before = pending_letters(desk)
    capsys.readouterr()
    database = full_disk / "new.sqlite3" if command == ["demo"] else desk
    args = [part.replace("{disk}", str(full_disk)) for part in command]
    assert main(["--db", str(database), *args]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and ("No space left on device" in err or "disk is full" in err), err
    assert "Traceback" not in err and "Background on this error" not in err
    assert sorted(p.name for p in full_disk.iterdir()) == ["fill"]
    assert pending_letters(desk) == letters_before


def pending_letters(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT count(*) FROM letters").fetchone()[0]
    finally:
        connection.close()


def test_a_database_on_a_full_disk_is_said_so_and_left_as_it_was(tmp_path, capsys):
    desk = tmp_path / "desk.sqlite3"
    demo(desk)
    with small_disk(tmp_path / "disk", "2m") as disk:
        shutil.copy(desk, disk / "desk.sqlite3")
        fill(disk)
        before = sha256(disk / "desk.sqlite3")
        capsys.readouterr()
        for _ in range(2):  # the second time, SQLite's -wal and -shm of the first are there
            assert main(["--db", str(disk / "desk.sqlite3"), "adjust", "adyn", "5", "--reason", "x"]) == 1
            err = capsys.readouterr().err
            assert err.count("\n") == 1 and "is the disk full or failing?" in err, err
        assert sha256(disk / "desk.sqlite3") == before


@pytest.mark.postgres
def test_another_program_s_postgresql_database_is_refused_and_left_as_it_was(pg_server, capsys):
    from sqlalchemy import create_engine, inspect, text

    from tests.conftest import _pg_database

    admin, name = _pg_database(pg_server)
    url = f"{pg_server}/{name}"
    other = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with other.begin() as conn:
            conn.execute(text("CREATE TABLE invoices (id serial PRIMARY KEY, total numeric)"))
        assert main(["--db", url, "demo"]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "holds another program's tables (invoices)" in err
        with other.connect() as conn:
            assert inspect(conn).get_table_names() == ["invoices"]
    finally:
        other.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
