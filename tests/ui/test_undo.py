"""Edit → Undo runs its work on the worker, and a refused undo tells why and clears the history."""

import threading

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from ui.tasks import TaskRunner
from ui.undo import TaskCommand


def _pane(qtbot):
    pane = QWidget()
    qtbot.addWidget(pane)
    pane.undo_stack = QUndoStack(pane)
    return pane


def test_undo_and_redo_run_off_the_gui_thread_and_hand_over_new_work(qtbot):
    pane, runner = _pane(qtbot), TaskRunner()
    threads, done = [], []

    def undo_work():
        threads.append(threading.current_thread())
        return redo_work

    def redo_work():
        threads.append(threading.current_thread())
        return undo_work

    pane.undo_stack.push(TaskCommand(runner, pane, "Adjust light", undo_work, redo_work, done.append))
    assert threads == []  # pushing does not run the action again
    pane.undo_stack.undo()
    pane.undo_stack.redo()
    qtbot.waitUntil(lambda: len(done) == 2)
    assert len(threads) == 2 and threading.main_thread() not in threads
    assert pane.undo_stack.undoText() == "Adjust light"


def test_a_refused_undo_says_why_and_clears_the_history(qtbot, shown_errors):
    pane, runner = _pane(qtbot), TaskRunner()
    done = []

    def refused():
        raise ValueError("entry 7 was already reversed")

    pane.undo_stack.push(TaskCommand(runner, pane, "Close 2026-01", lambda: None, None))
    pane.undo_stack.push(TaskCommand(runner, pane, "Adjust light", refused, None, done.append))
    pane.undo_stack.undo()
    qtbot.waitUntil(lambda: done == [None])
    assert shown_errors == ["entry 7 was already reversed"]
    assert pane.undo_stack.count() == 0 and not pane.undo_stack.canUndo()
