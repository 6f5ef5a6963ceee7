"""Filling the search index with what a big import left out of it, a slice at a time."""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer

from app.services.search_index import IndexForSearch, index_for_search

log = logging.getLogger(__name__)


def index_waiting_applications(window) -> None:
    """Put the applications a big import left waiting (app.search_backlog) into the search index,
    one slice per task: the window's other reads, queued on the same runner, go between the slices
    instead of behind the whole. Nothing to see: a search finds the waiting rows meanwhile, only
    slower. It stops when the window closes (the rest is taken in at the next opening)."""
    database = window.database

    def next_slice(left: int) -> None:
        if left and window.isVisible() and window.database is database:
            window.runner.run(
                lambda progress, cancelled: database.run(index_for_search, IndexForSearch()),
                next_slice,
                stopped,
                owner=window,
            )

    def stopped(error: Exception) -> None:
        # nothing is lost: a search reads the waiting rows one by one; the next opening goes on
        log.warning("the search index stopped taking in the imported applications: %s", error)

    QTimer.singleShot(0, window, lambda: next_slice(1))  # once the window is up (it may be building)
