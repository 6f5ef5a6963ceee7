"""The search index's catch-up after a big import (app.search_backlog, issue 17)."""

from __future__ import annotations

from dataclasses import dataclass

from app.database import UnitOfWork
from app.search_backlog import SLICE, index_waiting, waiting


@dataclass(frozen=True)
class IndexForSearch:
    #: a slice, for a window whose other reads wait behind it; None: everything in one transaction
    #: (the command line, which has nothing to let in between)
    rows: int | None = SLICE


def index_for_search(command: IndexForSearch, uow: UnitOfWork) -> int:
    """The next slice of the applications a big import left out of the search index, put in;
    how many still wait after it."""
    return index_waiting(uow.conn, command.rows)


def waiting_for_search(uow: UnitOfWork) -> int:
    """How many applications the search index does not hold yet (they are still found, row by row)."""
    return waiting(uow.conn)
