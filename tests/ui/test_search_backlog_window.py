"""The window fills the search index with what a big import left out of it, a slice per task."""

from __future__ import annotations

from functools import partial

import pytest

from app import search_backlog
from app.services import search_index
from app.services.search_index import waiting_for_search
from tests.importing import import_file
from tests.ui.test_triage import CSV, import_through_dialog
from ui import search_backlog as window_backlog
from ui.main_window import MainWindow


@pytest.fixture
def slices(monkeypatch):
    """Every import counts as big; the window takes one application per slice and counts its slices."""
    monkeypatch.setattr(search_backlog, "WITHIN_IMPORT", 0)
    monkeypatch.setattr(window_backlog, "IndexForSearch", partial(search_index.IndexForSearch, rows=1))
    taken = []
    real = window_backlog.index_for_search
    monkeypatch.setattr(window_backlog, "index_for_search", lambda command, uow: taken.append(1) or real(command, uow))
    return taken


def show(qtbot, database):
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_after_a_big_import_the_window_indexes_its_rows_a_slice_at_a_time(qtbot, sqlite_database, write_csv, slices):
    window = show(qtbot, sqlite_database)
    _, report = import_through_dialog(qtbot, window, write_csv(CSV))
    assert report.imported == 3
    qtbot.waitUntil(lambda: sqlite_database.query(waiting_for_search) == 0, timeout=10_000)
    assert len(slices) >= 3  # one application each: the queue's reads could go between them
    window.runner.wait()


def test_a_database_opened_with_rows_waiting_has_them_indexed(qtbot, sqlite_database, write_csv, slices):
    import_file(sqlite_database, write_csv(CSV))
    assert sqlite_database.query(waiting_for_search) == 3
    window = show(qtbot, sqlite_database)
    qtbot.waitUntil(lambda: sqlite_database.query(waiting_for_search) == 0, timeout=10_000)
    window.close()
    window.runner.wait()


def test_a_closed_window_takes_no_more_slices(qtbot, sqlite_database, write_csv, slices):
    import_file(sqlite_database, write_csv(CSV))
    window = MainWindow(sqlite_database)
    qtbot.addWidget(window)  # never shown: as good as closed
    qtbot.wait(200)
    window.runner.wait()
    assert sqlite_database.query(waiting_for_search) == 3 and not slices
