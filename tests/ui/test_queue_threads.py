"""The queue never touches the database on the GUI thread: loading, scrolling, selecting,
following a link, deciding, undoing and redoing all read and write on the task runner."""

import pytest
from PySide6.QtCore import Qt, QUrl

from app.queries import QueueFilter
from app.services.applications import history
from tests.importing import import_file
from tests.ui.queue_support import CSV, make_pane, settle
from ui.dialogs import ReasonDialog
from ui.queue_model import PAGE


@pytest.fixture
def database(sqlite_database, write_csv):
    rows = "".join(
        f"B{n},2026-02-{1 + n % 28:02d},Bulk {n:04d},b{n}@bulk{n}.io,GB,2025-06-01,100000,no\n" for n in range(PAGE * 2)
    )
    import_file(sqlite_database, write_csv(CSV + rows))
    return sqlite_database


def test_no_query_runs_on_the_gui_thread(qtbot, database, gui_thread_queries, monkeypatch):
    monkeypatch.setattr(ReasonDialog, "ask", classmethod(lambda cls, *a, **k: "duplicate"))
    pane = make_pane(qtbot, database)  # load: choices, count, first page, detail
    assert pane.model.rowCount() == PAGE * 2 + 5

    pane.table.scrollToBottom()  # scroll: the pages in view
    settle(qtbot, pane)
    pane.table.setFocus()
    qtbot.keyClick(pane.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)  # select far down
    settle(qtbot, pane)
    assert pane.detail.application == pane.selected_ids()[0]

    pane.set_filter(QueueFilter(text="alpha"))  # filter, select, follow a duplicate link, back
    settle(qtbot, pane)
    pane.select_row(1)
    settle(qtbot, pane)
    pane.detail.anchorClicked.emit(QUrl("app:1"))
    settle(qtbot, pane)
    pane.go_back()
    settle(qtbot, pane)

    pane.table.setFocus()
    qtbot.keyClick(pane.table, Qt.Key.Key_R)  # decide, undo, redo
    settle(qtbot, pane)
    pane.undo_stack.undo()
    settle(qtbot, pane)
    pane.undo_stack.redo()
    settle(qtbot, pane)
    pane.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # sort
    settle(qtbot, pane)

    calls = list(gui_thread_queries)
    gui_thread_queries.clear()  # the checks below may read here
    assert [h["to_status"] for h in database.query(history, "T5")] == ["rejected", "new", "rejected"]
    assert calls == [], "queries on the GUI thread:\n" + "\n".join(calls)
