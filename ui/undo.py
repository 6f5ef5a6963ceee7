"""Edit → Undo for actions that write: the work runs on the task runner, never on the GUI thread.

Each pane has its own QUndoStack (the window's QUndoGroup makes the shown pane's stack the
active one), and pushes a `TaskCommand` after an action succeeded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from ui.dialogs import show_error
from ui.tasks import TaskRunner


class TaskCommand(QUndoCommand):
    """An action already done, kept as data.

    `undo_work()` takes back what the action did and may return the next `redo_work`;
    `redo_work()` does it again and may return the next `undo_work` (a redone
    adjustment is a new entry with a new id). Both run on the runner's worker, one
    after the other in the order the person asked for them; the hand-over of the
    next work happens there too, so a quick second Ctrl+Z uses it. `after(result)`
    runs on the GUI thread when the work is done: refresh what it changed.

    If the work fails (someone changed the data since), the person is told why, and
    the pane's undo history is cleared: it no longer describes the database.
    """

    def __init__(
        self,
        runner: TaskRunner,
        widget: QWidget,
        text: str,
        undo_work: Callable[[], Any],
        redo_work: Callable[[], Any] | None,
        after: Callable[[Any], None] | None = None,
    ):
        super().__init__(text)
        self.runner, self.widget, self.after = runner, widget, after
        self.undo_work, self.redo_work = undo_work, redo_work
        self._pushed = False

    def undo(self) -> None:
        self._submit(self._undo_on_worker, self.widget.tr("Cannot undo “%s”") % self.text())

    def redo(self) -> None:
        if not self._pushed:  # QUndoStack.push calls redo; the action itself already ran
            self._pushed = True
            return
        if self.redo_work is None:
            return
        self._submit(self._redo_on_worker, self.widget.tr("Cannot redo “%s”") % self.text())

    def _undo_on_worker(self, progress, cancelled):
        result = self.undo_work()
        if callable(result):
            self.redo_work = result
        return result

    def _redo_on_worker(self, progress, cancelled):
        result = self.redo_work()
        if callable(result):
            self.undo_work = result
        return result

    def _submit(self, work, title: str) -> None:
        stack = self.widget.undo_stack  # the pane's own
        self.runner.run(work, self._done, lambda error: self._failed(stack, title, error), owner=self.widget)

    def _done(self, result) -> None:
        if self.after is not None:
            self.after(result)

    def _failed(self, stack, title: str, error: Exception) -> None:
        stack.clear()
        show_error(self.widget, title, error)
        if self.after is not None:
            self.after(None)
