"""A task's answer is for its owner: once the owner is gone, the answer reaches nobody.

A dialog closed (and deleted) while its read or write is still on the worker used to get its
callback anyway, into widgets Qt had already deleted: a traceback in the event loop (CI caught one
from the import dialog's preview). The work itself still runs to its end.
"""

from __future__ import annotations

import logging
import threading

import shiboken6
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout

from ui.tasks import TaskRunner


class _Dialog(QDialog):
    def __init__(self):
        super().__init__()
        self.label = QLabel("waiting", self)
        QVBoxLayout(self).addWidget(self.label)


def _deleted(dialog: QDialog) -> None:
    shiboken6.delete(dialog)
    assert not shiboken6.isValid(dialog)


def test_an_answer_for_a_deleted_dialog_reaches_nobody_but_the_work_is_done(qtbot):
    runner, dialog, release, done = TaskRunner(), _Dialog(), threading.Event(), []

    def work(progress, cancelled):
        release.wait(10)
        progress(1, 1)
        done.append("written")
        return "answer"

    label = dialog.label
    handle = runner.run(work, lambda answer: label.setText(answer), owner=dialog)
    progressed = []
    handle.progressed.connect(lambda *args: progressed.append(args))
    _deleted(dialog)
    with qtbot.waitSignal(runner.busy_changed, timeout=5000) as idle:
        release.set()
    assert idle.args == [False]  # the runner still heard the task end
    assert done == ["written"]
    assert progressed == []  # and nothing reached the deleted dialog (setText would raise)


def test_a_failure_nobody_is_left_to_see_is_logged(qtbot, caplog):
    runner, dialog, release = TaskRunner(), _Dialog(), threading.Event()

    def work(progress, cancelled):
        release.wait(10)
        raise OSError("disk full")

    seen = []
    runner.run(work, None, seen.append, owner=dialog)
    _deleted(dialog)
    with caplog.at_level(logging.WARNING, logger="ui.tasks"):
        with qtbot.waitSignal(runner.busy_changed, timeout=5000):
            release.set()
    assert seen == []
    assert "disk full" in caplog.text


def test_an_owner_still_open_gets_its_answer(qtbot):
    runner, dialog = TaskRunner(), _Dialog()
    handle = runner.run(lambda progress, cancelled: "answer", lambda answer: dialog.label.setText(answer), owner=dialog)
    with qtbot.waitSignal(handle.finished, timeout=5000):
        pass
    assert dialog.label.text() == "answer"
