import pytest
from PySide6.QtCore import Qt

from ui.ledger_models import MemberTableModel
from ui.ledger_pane import LedgerPane
from ui.tasks import TaskRunner


@pytest.fixture
def pane(qtbot, ledger_db):
    runner = TaskRunner()
    pane = LedgerPane(ledger_db, runner)
    qtbot.addWidget(pane)
    pane.show()
    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: not busy, timeout=10_000):
        pane.refresh()
    qtbot.waitUntil(lambda: pane.loaded)
    return pane


def cell(pane, row, column):
    return pane.proxy.data(pane.proxy.index(row, column))


def test_members_show_balance_and_totals_show_the_liability(pane):
    rows = {
        cell(pane, r, MemberTableModel.WORKSPACE): cell(pane, r, MemberTableModel.BALANCE)
        for r in range(pane.proxy.rowCount())
    }
    assert rows == {"heavy": "0.00", "light": "24,900.00"}
    assert "24,900.00" in pane.totals.text() and "2026-01" in pane.totals.text()


def test_every_model_of_the_pane_passes_qts_model_tester(pane, qtbot, model_tester):
    for model in (pane.model, pane.proxy, pane.entries.model()):
        model_tester(model)
    pane.model.set_rows(list(reversed(pane.model.rows)))
    pane.table.sortByColumn(MemberTableModel.BALANCE, Qt.SortOrder.DescendingOrder)
    pane.mode.setCurrentIndex(pane.mode.findData("over"))
    pane.mode.setCurrentIndex(pane.mode.findData("all"))
    pane.select_workspace("light")
    pane.refresh()
    qtbot.waitUntil(lambda: not pane.runner._running)
    assert pane.entries.rowCount() == 2 and pane.proxy.rowCount() == 2


def test_money_sorts_by_cents(pane):
    pane.table.sortByColumn(MemberTableModel.BALANCE, Qt.SortOrder.DescendingOrder)
    assert [cell(pane, r, MemberTableModel.WORKSPACE) for r in range(2)] == ["light", "heavy"]


def test_over_budget_filter_finds_the_member_who_paid_overage(pane):
    pane.mode.setCurrentIndex(pane.mode.findData("over"))
    assert [cell(pane, r, MemberTableModel.WORKSPACE) for r in range(pane.proxy.rowCount())] == ["heavy"]


def test_selecting_a_member_lists_its_entries_with_running_balance(pane, qtbot):
    pane.select_workspace("light")
    qtbot.waitUntil(lambda: not pane.runner._running)  # heavy's entries (the first row's) came first
    assert pane.entries.rowCount() == 2
    assert [pane.entries.item(r, 2).text() for r in range(2)] == ["Granted", "Credit applied"]
    assert pane.entries.item(1, 4).text() == "24,900.00"
    assert pane.chart.chart().series(), "the burn-down chart is drawn"


def settle(qtbot, pane) -> None:
    qtbot.waitUntil(lambda: not pane.runner._running, timeout=10_000)
    qtbot.waitUntil(lambda: pane.loaded, timeout=10_000)


def balance_of(pane, workspace: str) -> str:
    from app.services.ledger import ledger_of

    return pane.database.query(ledger_of, workspace)["balance"]


def committed_of(pane, workspace: str) -> int:
    from app.services.ledger import ledger_of

    return pane.database.query(ledger_of, workspace)["committed"]


def test_an_adjustment_is_undone_and_redone_from_edit_undo(pane, qtbot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from ui.dialogs import ReasonDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("-400.00", True))
    monkeypatch.setattr(ReasonDialog, "ask", classmethod(lambda cls, *a, **k: "billing error in January"))
    pane.select_workspace("light")
    pane.adjust()
    settle(qtbot, pane)
    assert balance_of(pane, "light") == 2_450_000
    assert pane.undo_stack.undoText() == "Adjust light −400.00"
    pane.undo_stack.undo()
    settle(qtbot, pane)
    assert balance_of(pane, "light") == 2_490_000
    pane.undo_stack.redo()
    settle(qtbot, pane)
    assert balance_of(pane, "light") == 2_450_000
    pane.undo_stack.undo()
    settle(qtbot, pane)
    assert balance_of(pane, "light") == 2_490_000
    from app.services.verify import verify

    assert pane.database.query(verify) == []


def test_year_two_and_graduation_are_undone(pane, qtbot, monkeypatch):
    from app.clock import FixedClock
    from ui import dialogs

    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    pane.database.clock = FixedClock("2026-12-01")  # year 2 is confirmed within 60 days of the anniversary
    pane.select_workspace("light")
    pane.year_two()
    settle(qtbot, pane)
    # year 2 starts at the anniversary: committed, not yet available (SPEC 4, year 2 timing)
    assert (balance_of(pane, "light"), committed_of(pane, "light")) == (2_490_000, 2_500_000)
    pane.undo_stack.undo()
    settle(qtbot, pane)
    assert (balance_of(pane, "light"), committed_of(pane, "light")) == (2_490_000, 0)
    pane.undo_stack.redo()  # granted again: year two exists once more
    settle(qtbot, pane)
    assert committed_of(pane, "light") == 2_500_000
    pane.select_workspace("heavy")
    pane.graduate()
    settle(qtbot, pane)
    pane.undo_stack.undo()
    settle(qtbot, pane)
    from app.services.ledger import enrollment_row

    with pane.database.read() as conn:
        assert enrollment_row(conn, "heavy").status == "active"


def test_closing_a_month_is_undone_by_reopening_it(pane, qtbot, monkeypatch, ledger_db, tmp_path):
    from PySide6.QtWidgets import QInputDialog

    from app.services.ledger import preview_close
    from tests.importing import import_bill_file
    from ui import dialogs

    usage = tmp_path / "february.csv"
    usage.write_text("workspace,month,amount_usd\nlight,2026-02,300\n")
    import_bill_file(ledger_db, usage)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("2026-02", True))
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    pane.close_month()
    qtbot.waitUntil(lambda: pane.undo_stack.count() == 1, timeout=10_000)
    settle(qtbot, pane)
    assert balance_of(pane, "light") == 2_490_000 - 30_000
    pane.undo_stack.undo()
    settle(qtbot, pane)
    assert balance_of(pane, "light") == 2_490_000
    assert not ledger_db.query(preview_close, "2026-02").already_closed  # open again
    pane.undo_stack.redo()
    settle(qtbot, pane)
    assert balance_of(pane, "light") == 2_490_000 - 30_000


def test_a_renewal_is_undone_back_to_the_status_before(pane, qtbot, monkeypatch):
    from app.services.ledger import enrollment_row
    from ui import dialogs

    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    pane.select_workspace("heavy")  # no credit left: a renewal can be offered now
    pane.renew()
    settle(qtbot, pane)
    with pane.database.read() as conn:
        assert enrollment_row(conn, "heavy").status == "renewal"
    pane.undo_stack.undo()
    settle(qtbot, pane)
    with pane.database.read() as conn:
        assert enrollment_row(conn, "heavy").status == "active"


def test_importing_bills_is_undone_from_edit_undo(pane, qtbot, monkeypatch, tmp_path):
    from sqlalchemy import func, select

    from app import schema
    from ui import file_dialogs

    usage = tmp_path / "march.csv"
    usage.write_text("workspace,month,amount_usd\nlight,2026-03,10\nheavy,2026-03,20\n")
    monkeypatch.setattr(file_dialogs, "open_file", lambda *a, **k: str(usage))

    def march_bills() -> int:
        with pane.database.read() as conn:
            return conn.execute(select(func.count()).where(schema.bills.c.month == "2026-03")).scalar()

    pane.import_bills()
    qtbot.waitUntil(lambda: pane.undo_stack.count() == 1, timeout=10_000)
    assert march_bills() == 2
    pane.undo_stack.undo()
    settle(qtbot, pane)
    assert march_bills() == 0


def test_a_reversal_is_undone_and_redone_from_edit_undo(pane, qtbot, monkeypatch):
    from ui.dialogs import ReasonDialog

    pane.select_workspace("light")
    qtbot.waitUntil(lambda: not pane.runner._running)  # heavy's entries (the first row's) came first
    assert pane.entries.rowCount() == 2
    pane.entries.setCurrentCell(1, 0)  # the January apply of 100.00
    monkeypatch.setattr(ReasonDialog, "ask", classmethod(lambda cls, *a, **k: "billed twice"))
    pane.reverse()
    settle(qtbot, pane)
    assert balance_of(pane, "light") == 2_500_000
    pane.undo_stack.undo()
    settle(qtbot, pane)
    assert balance_of(pane, "light") == 2_490_000
    pane.undo_stack.redo()
    settle(qtbot, pane)
    assert balance_of(pane, "light") == 2_500_000
    pane.undo_stack.undo()
    settle(qtbot, pane)
    assert balance_of(pane, "light") == 2_490_000
    from app.services.verify import verify

    assert pane.database.query(verify) == []
