"""A pane's reads on the task runner: only the newest read of each kind is shown.

A pane asks again before an earlier read came back (the person types in a search
box, picks another row): the earlier read is cancelled if it has not started, and
its result, should it still arrive, is dropped; it never overwrites a newer one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from ui.dialogs import show_error
from ui.tasks import TaskHandle, TaskRunner


class LatestReads:
    def __init__(self, runner: TaskRunner, widget: QWidget):
        self.runner, self.widget = runner, widget
        self._generation: dict[str, int] = {}
        self._handles: dict[str, TaskHandle] = {}

    def read(
        self,
        kind: str,
        work: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[Exception], None] | None = None,
    ) -> TaskHandle:
        """`work()` runs on the worker; `on_success(result)` on the GUI thread, unless a newer
        read of the same `kind` was asked for meanwhile."""
        previous = self._handles.get(kind)
        if previous is not None:
            previous.cancel()
        generation = self._generation[kind] = self._generation.get(kind, 0) + 1

        def current() -> bool:
            return self._generation.get(kind) == generation

        def succeeded(result) -> None:
            if current():
                on_success(result)

        def failed(error: Exception) -> None:
            if not current():
                return
            if on_failure is not None:
                on_failure(error)
            else:
                show_error(self.widget, self.widget.tr("Cannot read the database"), error)

        def run(progress, cancelled):
            return None if cancelled() else work()

        handle = self.runner.run(run, succeeded, failed, owner=self.widget)
        self._handles[kind] = handle
        handle.finished.connect(lambda: self._handles.get(kind) is handle and self._handles.pop(kind))
        return handle
