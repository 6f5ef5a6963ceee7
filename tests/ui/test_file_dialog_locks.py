"""A file dialog listing the database's folder must not open the database's files.

Qt's default icon provider reads each file's first bytes to guess its type; closing
that descriptor drops every POSIX lock the process holds on the file, SQLite's
included. Another process's write then deletes the window's WAL, and the window's
later writes are seen by nobody (issue 11). Linux only: the locks are read from
/proc/locks.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QFileSystemModel
from sqlalchemy import text

from ui import file_dialogs

pytestmark = pytest.mark.skipif(not Path("/proc/locks").exists(), reason="needs Linux's /proc/locks")

OTHER_WRITER = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("create table if not exists other_writes (n integer)")
db.execute("insert into other_writes values (1)")
db.commit()
db.close()
"""

OTHER_READER = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(db.execute("select count(*) from window_writes").fetchone()[0])
print(db.execute("pragma integrity_check").fetchone()[0])
"""


def _locks_held_on(path: Path) -> list[str]:
    """This process's POSIX locks on `path`, as /proc/locks lists them."""
    inode = str(os.stat(path).st_ino)
    held = []
    for line in Path("/proc/locks").read_text().splitlines():
        fields = [f for f in line.split() if f != "->"]
        if fields[1] == "POSIX" and fields[4] == str(os.getpid()) and fields[5].split(":")[-1] == inode:
            held.append(" ".join(fields[1:]))  # without the ordinal, which changes
    return held


def _list_folder(qtbot, dialog: QFileDialog, folder: Path) -> int:
    """Show the dialog on `folder` until it has asked for every file's icon and type."""
    qtbot.addWidget(dialog)
    dialog.show()
    model = dialog.findChild(QFileSystemModel)
    root = model.index(str(folder))
    qtbot.waitUntil(lambda: model.rowCount(model.index(str(folder))) >= 3, timeout=5000)
    for _ in range(20):  # the icons and types arrive from Qt's gatherer thread
        root = model.index(str(folder))
        for row in range(model.rowCount(root)):
            index = model.index(row, 0, root)
            model.data(index, Qt.ItemDataRole.DecorationRole)
            model.type(index)
        qtbot.wait(50)
    rows = model.rowCount(root)
    dialog.close()
    return rows


def _after_a_dialog(qtbot, tmp_path, make_dialog):
    """The window holds the database open; a dialog lists its folder; another process
    writes; the window writes; a third process reads. Returns what each step saw."""
    from app.clock import FixedClock
    from app.database import Database

    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "team-ledger"  # no suffix Qt knows: its default provider reads the file itself
    database = Database(f"sqlite:///{path}", "window", clock=FixedClock("2026-03-16"))
    try:
        with database.read() as conn:  # the pool keeps this connection, and SQLite its locks
            conn.execute(text("select count(*) from applications"))
        shm = Path(f"{path}-shm")
        before = _locks_held_on(shm)
        rows = _list_folder(qtbot, make_dialog(folder), folder)
        after = _locks_held_on(shm)
        subprocess.run([sys.executable, "-c", OTHER_WRITER, str(path)], check=True)
        with database.engine.begin() as conn:
            conn.execute(text("create table window_writes (n integer)"))
            conn.execute(text("insert into window_writes values (1)"))
        seen = subprocess.run([sys.executable, "-c", OTHER_READER, str(path)], capture_output=True, text=True)
    finally:
        database.close()
    return before, rows, after, seen


def test_our_dialog_lists_the_folder_and_leaves_sqlites_locks_alone(qtbot, tmp_path):
    before, rows, after, seen = _after_a_dialog(
        qtbot, tmp_path, lambda folder: file_dialogs.make_dialog(None, "Import applications", folder)
    )
    assert before and rows >= 3  # the database, its -wal and its -shm were listed
    assert after == before
    assert seen.returncode == 0, seen.stderr
    assert seen.stdout.split() == ["1", "ok"]  # the window's write reached the others, the file is whole


def test_the_check_sees_what_qts_default_dialog_does(qtbot, tmp_path):
    """Proof that the test above can fail: Qt's default provider sniffs, the locks go,
    and the window's write is lost to everyone else."""

    def plain(folder):
        dialog = QFileDialog(None, "Import applications", str(folder))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        return dialog

    before, _rows, after, seen = _after_a_dialog(qtbot, tmp_path, plain)
    assert before and not after
    assert "no such table: window_writes" in seen.stderr  # the window wrote into a deleted WAL
