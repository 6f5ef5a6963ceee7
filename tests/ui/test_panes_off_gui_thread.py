"""The Deals and Ledger panes never touch the database on the GUI thread: reads, writes, undo, redo."""

from __future__ import annotations

import threading

import pytest

from app.database import Database
from app.services import deal_files, deals
from ui.deals_pane import DealsPane
from ui.ledger_pane import LedgerPane
from ui.tasks import TaskRunner

DEALS = (
    "partner,title,category,value_usd,redeem,capacity\n"
    "Acme Analytics,One free year,Analytics,12000,CODE-ACME-1,1\n"
    "Warehouse Co,Credits,Data warehouse,5000,https://warehouse.example,\n"
)


@pytest.fixture
def on_gui_thread(monkeypatch):
    """Every way into the database, spied on: the names of those entered on the GUI thread."""
    calls: list[str] = []
    for name in ("unit_of_work", "read"):
        original = getattr(Database, name)

        def spy(self, *args, _original=original, _name=name, **kwargs):
            if threading.current_thread() is threading.main_thread():
                calls.append(_name)
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(Database, name, spy)
    return calls


def settle(qtbot, runner: TaskRunner) -> None:
    qtbot.waitUntil(lambda: not runner._running, timeout=10_000)


def test_the_deals_pane_reads_writes_and_undoes_on_the_worker(qtbot, ledger_db, tmp_path, monkeypatch, on_gui_thread):
    path = tmp_path / "deals.csv"
    path.write_text(DEALS)
    ledger_db.run(deal_files.import_deals, deal_files.ImportDealFile(path))
    ledger_db.run(deals.request_deal, deals.RequestDeal("light", 1))
    on_gui_thread.clear()  # the fixtures wrote on this thread; the pane must not
    runner = TaskRunner()
    pane = DealsPane(ledger_db, runner)
    qtbot.addWidget(pane)
    pane.show()
    pane.refresh()
    settle(qtbot, runner)
    assert pane.deals.rowCount() == 2
    pane.deal_table.selectRow(0)
    pane.tabs.setCurrentIndex(1)
    pane.request_table.selectRow(0)
    pane.partner_table.selectRow(0)
    settle(qtbot, runner)
    pane.decide("approve")
    settle(qtbot, runner)
    assert [row.status for row in pane.requests.rows] == ["approved"]
    assert pane.undo_stack.undoText() == "Approve request 1 (light: One free year)"
    pane.undo_stack.undo()
    settle(qtbot, runner)
    assert [row.status for row in pane.requests.rows] == ["requested"]
    pane.undo_stack.redo()
    settle(qtbot, runner)
    assert [row.status for row in pane.requests.rows] == ["approved"]
    assert on_gui_thread == []


def test_the_ledger_pane_reads_writes_and_undoes_on_the_worker(qtbot, ledger_db, monkeypatch, on_gui_thread):
    from PySide6.QtWidgets import QInputDialog

    from ui.dialogs import ReasonDialog

    on_gui_thread.clear()
    runner = TaskRunner()
    pane = LedgerPane(ledger_db, runner)
    qtbot.addWidget(pane)
    pane.show()
    pane.refresh()
    settle(qtbot, runner)
    pane.select_workspace("light")
    qtbot.waitUntil(lambda: pane.entries.rowCount() == 2)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("-400.00", True))
    monkeypatch.setattr(ReasonDialog, "ask", classmethod(lambda cls, *a, **k: "billing error"))
    pane.adjust()
    settle(qtbot, runner)
    qtbot.waitUntil(lambda: pane.entries.rowCount() == 3)
    pane.undo_stack.undo()
    settle(qtbot, runner)
    pane.undo_stack.redo()
    settle(qtbot, runner)
    qtbot.waitUntil(lambda: pane.entries.rowCount() == 5)  # adjust, its reversal, the adjustment again
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))
    pane.close_month()  # reads the last closed month to suggest the next, then is cancelled
    settle(qtbot, runner)
    assert on_gui_thread == []


def test_a_superseded_read_never_overwrites_a_newer_one(qtbot):
    from PySide6.QtWidgets import QWidget

    from ui.pane_reads import LatestReads

    widget = QWidget()
    qtbot.addWidget(widget)
    runner = TaskRunner()
    reads, shown, started, release = LatestReads(runner, widget), [], threading.Event(), threading.Event()

    def slow_old_search():
        started.set()
        release.wait(5)
        return "rows for 'ac'"

    reads.read("deals", slow_old_search, shown.append)
    assert started.wait(5)
    reads.read("deals", lambda: "rows for 'stale'", shown.append)  # queued, then cancelled
    reads.read("deals", lambda: "rows for 'acme'", shown.append)
    release.set()
    settle(qtbot, runner)
    assert shown == ["rows for 'acme'"]
