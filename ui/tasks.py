"""Long work off the GUI thread: one serial worker for the database.

A task is a plain function `fn(progress, cancelled) -> result` (see app/): it
reports progress through `progress(done, total)` and stops when `cancelled()`
turns true. Its result or error comes back to the GUI thread through a signal.

Every task names its owner, the widget its answer is for. The work always runs to
its end (a write the user asked for is never abandoned), but once the owner is
gone (a dialog closed, a window replaced) the answer reaches nobody: no callback
runs into deleted widgets. A failure nobody is left to see is logged.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class TaskHandle(QObject):
    """The GUI side of one task: its signals, and the way to cancel it.

    The worker emits the private signals; the handle lives on the GUI thread, so
    its slots (and the public signals they re-emit) run there. The public signals
    are only re-emitted while the owner is alive.
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    finished = Signal()
    _progress = Signal(int, int)
    _success = Signal(object)
    _failure = Signal(object)
    _end = Signal()

    def __init__(self, owner: QObject):
        super().__init__()
        self.owner = owner
        self._cancel = threading.Event()
        self._progress.connect(self._relay_progress)
        self._success.connect(self._relay_success)
        self._failure.connect(self._relay_failure)
        self._end.connect(self._relay_end)

    def owner_alive(self) -> bool:
        return shiboken6.isValid(self.owner)

    @Slot(int, int)
    def _relay_progress(self, done: int, total: int) -> None:
        if self.owner_alive():
            self.progressed.emit(done, total)

    @Slot(object)
    def _relay_success(self, result: object) -> None:
        if self.owner_alive():
            self.succeeded.emit(result)

    @Slot(object)
    def _relay_failure(self, error: object) -> None:
        if self.owner_alive():
            self.failed.emit(error)
        else:
            log.warning("a task failed after its window closed: %s", getattr(error, "details", error))

    @Slot()
    def _relay_end(self) -> None:
        if self.owner_alive():
            self.finished.emit()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Runnable(QRunnable):
    def __init__(self, work: Work, handle: TaskHandle):
        super().__init__()
        self.work, self.handle = work, handle

    def run(self) -> None:  # on the worker thread
        handle = self.handle
        try:
            result = self.work(handle._progress.emit, handle._cancel.is_set)
        except Exception as exc:  # reported on the GUI thread, never swallowed
            exc.details = traceback.format_exc()  # type: ignore[attr-defined]
            handle._failure.emit(exc)
        else:
            handle._success.emit(result)
        handle._end.emit()


class TaskRunner(QObject):
    """Runs tasks one at a time, in order, on a worker thread (SQLite has one writer)."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._running: set[TaskHandle] = set()

    def run(
        self,
        work: Work,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[Exception], None] | None = None,
        *,
        owner: QObject,
    ) -> TaskHandle:
        handle = TaskHandle(owner)
        if on_success:
            handle.succeeded.connect(on_success)
        if on_failure:
            handle.failed.connect(on_failure)
        # the private end, so the runner hears of every task even when its owner is gone; a bound
        # slot, not a lambda: Qt drops the connection if the runner goes first (a closed window)
        handle._end.connect(self._finished)
        self._running.add(handle)
        self.busy_changed.emit(True)
        self.pool.start(_Runnable(work, handle))
        return handle

    @Slot()
    def _finished(self) -> None:
        self._done(self.sender())

    def _done(self, handle: TaskHandle) -> None:
        self._running.discard(handle)
        if not self._running:
            self.busy_changed.emit(False)

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)


_NETWORK: list[TaskRunner] = []


def network_runner() -> TaskRunner:
    """The one runner for talking to servers (a test message): a server that never answers holds up
    no database read. It lives as long as the program (a runner deleted while its thread waits on a
    socket would block the window until the timeout)."""
    if not _NETWORK:
        _NETWORK.append(TaskRunner())
    return _NETWORK[0]
