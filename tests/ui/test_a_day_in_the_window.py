"""Issue 11's day, end to end: import through a file dialog opened in the database's own
folder, triage with the keyboard, print the letters, undo in the queue and in the
ledger, while the command line writes to the same database. Afterwards the database is
whole (SQLite's integrity check), every decision is present, and the window never
touched the database on the GUI thread."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QFileSystemModel, QInputDialog, QLineEdit

from app.services.applications import history
from tests.ui.queue_support import row_of, settle
from ui.dialogs import ReasonDialog
from ui.main_window import MainWindow

NEW = (
    "application_id,submitted_on,company,contact_email,country,incorporated_on,total_funding_usd,previous_discount\n"
    "D1,2026-03-02,Dawn Data,d@dawn.io,GB,2025-06-01,100000,no\n"
    "D2,2026-03-03,Dusk Devices,d@dusk.io,DE,2025-06-01,100000,no\n"
    "D3,2026-03-04,Noon Networks,n@noon.io,FR,2025-06-01,100000,no\n"
)


def choose_in_a_real_dialog(qtbot, monkeypatch, folder, file_name: str) -> list[int]:
    """The next file dialog is Qt's own; the person goes to `folder`, it lists every file
    (icons and types included), and `file_name` is chosen in it. Returns how many it listed."""
    listed: list[int] = []

    def exec_(dialog: QFileDialog) -> int:
        dialog.show()
        dialog.setDirectory(str(folder))
        model = dialog.findChild(QFileSystemModel)
        qtbot.waitUntil(lambda: model.rowCount(model.index(str(folder))) >= 3, timeout=5_000)
        for _ in range(10):
            root = model.index(str(folder))
            for row in range(model.rowCount(root)):
                model.data(model.index(row, 0, root), Qt.ItemDataRole.DecorationRole)
                model.type(model.index(row, 0, root))
            qtbot.wait(30)
        listed.append(model.rowCount(model.index(str(folder))))
        dialog.findChild(QLineEdit, "fileNameEdit").setText(file_name)  # typed, as a person would
        dialog.hide()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QFileDialog, "exec", exec_)
    return listed


def cli(database_path, *arguments: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "ui.launcher", "--db", str(database_path), "--user", "cli", *arguments]
    return subprocess.run(command, capture_output=True, text=True, env={"STARTUP_DESK_TODAY": "2026-03-16", "PATH": ""})


def test_a_day_in_the_window_leaves_the_database_whole(qtbot, ledger_db, tmp_path, monkeypatch, gui_thread_queries):
    path = tmp_path / "ui.sqlite3"  # ledger_db's file: the import file sits beside it, with its -wal and -shm
    (tmp_path / "monday.csv").write_text(NEW, encoding="utf-8")
    monkeypatch.setattr(ReasonDialog, "ask", classmethod(lambda cls, *a, **k: "not a fit"))
    gui_thread_queries.clear()  # the fixtures wrote on this thread; the window must not

    window = MainWindow(ledger_db)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    settle(qtbot, window.queue)

    # import through a dialog listing the database's folder
    listed = choose_in_a_real_dialog(qtbot, monkeypatch, tmp_path, "monday.csv")
    window.choose_import()
    assert listed and listed[0] >= 3  # the three CSV files the filter shows; the database is beside them
    dialog = next(d for d in window.findChildren(QDialog) if hasattr(d, "import_button"))
    qtbot.waitUntil(lambda: "3 to import" in dialog.summary.text(), timeout=10_000)
    with qtbot.waitSignal(dialog.imported, timeout=30_000):
        dialog.import_button.click()
    window.activateWindow()
    qtbot.waitActive(window)

    # the command line decides one while the window is open
    done = cli(path, "decide", "D3", "reject", "--reason", "from the command line")
    assert done.returncode == 0, done.stderr

    # triage with the keyboard: accept Dawn, reject Dusk; then undo the rejection
    pane = window.queue
    window.reload()
    settle(qtbot, pane)
    pane.table.setFocus()
    pane.select_row(row_of(pane, "Dawn Data"))
    settle(qtbot, pane)
    qtbot.keyClick(pane.table, Qt.Key.Key_A)
    settle(qtbot, pane)
    pane.select_row(row_of(pane, "Dusk Devices"))
    settle(qtbot, pane)
    qtbot.keyClick(pane.table, Qt.Key.Key_R)
    settle(qtbot, pane)
    assert "Dusk Devices" in window.undo_stack.undoText()
    window.undo_stack.undo()
    settle(qtbot, pane)

    # print the letters of everyone accepted without one: printed, they count as written
    pane.table.clearSelection()
    settle(qtbot, pane)
    window.print_letters()
    qtbot.waitUntil(lambda: window.print_preview is not None, timeout=20_000)
    window.print_preview.done(QDialog.DialogCode.Accepted)
    settle(qtbot, pane)

    # the ledger: an adjustment, undone from Edit → Undo of the Ledger pane
    window.show_pane(1)
    settle(qtbot, window.ledger)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("-400.00", True))
    window.ledger.select_workspace("light")
    window.ledger.adjust()
    settle(qtbot, window.ledger)
    assert window.undo_stack is window.ledger.undo_stack and "light" in window.undo_stack.undoText()
    window.undo_stack.undo()
    settle(qtbot, window.ledger)

    # and the command line writes again, after all that
    done = cli(path, "adjust", "heavy", "10.00", "--reason", "goodwill")
    assert done.returncode == 0, done.stderr
    window.close()
    window.runner.wait()

    assert gui_thread_queries == [], gui_thread_queries[0] if gui_thread_queries else ""
    statuses = {ref: [h["to_status"] for h in ledger_db.query(history, ref)] for ref in ("D1", "D2", "D3")}
    assert statuses == {"D1": ["accepted"], "D2": ["rejected", "new"], "D3": ["rejected"]}
    ledger_db.close()
    with sqlite3.connect(path) as db:  # a new connection, as the next person would open it
        assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
        letters = db.execute("select count(*) from letters").fetchone()[0]
        reasons = [r for (r,) in db.execute("select reason from ledger_entries where kind in ('adjust', 'reverse')")]
    assert letters == 3  # light, heavy and Dawn Data: printed, so written
    assert "goodwill" in reasons and len([r for r in reasons if r.startswith("undo")]) == 1
