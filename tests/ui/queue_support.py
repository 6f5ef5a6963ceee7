"""What the queue's tests share: a pane over a few applications, and waiting for its reads."""

from __future__ import annotations

CSV = (
    "application_id,submitted_on,company,contact_email,country,incorporated_on,total_funding_usd,previous_discount\n"
    "T1,2026-03-01,Alpha Analytics,a@alpha.io,GB,2025-06-01,100000,no\n"
    "T2,2026-03-02,Beta Bank,b@beta.io,DE,2019-01-01,100000,no\n"
    "T3,2026-03-03,Gamma Games,g@gamma.io,FR,2025-06-01,100000,no\n"
    ",2026-03-04,Delta Docs,d@delta.io,GB,2025-06-01,100000,no\n"
    "T5,2026-03-05,Alpha Again,x@alpha.io,GB,2025-06-01,100000,no\n"
)


def make_pane(qtbot, database):
    from PySide6.QtGui import QUndoStack

    from ui.queue_pane import QueuePane
    from ui.tasks import TaskRunner

    runner = TaskRunner()
    stack = QUndoStack()
    pane = QueuePane(database, runner, stack)
    pane._test_keep = (runner, stack)  # neither may be collected while the pane lives
    qtbot.addWidget(pane)
    pane.resize(1280, 720)
    pane.show()
    pane.activateWindow()
    qtbot.waitActive(pane)  # shortcuts reach only an active window
    settle(qtbot, pane)
    return pane


def settle(qtbot, pane, timeout: int = 10_000) -> None:
    """Wait until the pane's reads and writes are done and their results are shown."""
    for _ in range(3):  # a result may start the next read (a count, then a page, then the detail)
        qtbot.waitUntil(lambda: not pane.runner._running, timeout=timeout)
        qtbot.wait(20)


def companies(pane) -> list[str]:
    from ui.queue_model import COMPANY

    rows = [pane.model.row_tuple(row) for row in range(pane.model.rowCount())]
    return [values[COMPANY] if values else None for values in rows]


def row_of(pane, company: str) -> int:
    return companies(pane).index(company)


def shown(pane) -> str:
    """The company the detail view shows ("" when it shows none)."""
    text = pane.detail.toPlainText()
    return text.split("\n", 1)[0] if pane.detail.application is not None else ""
