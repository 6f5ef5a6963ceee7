"""The Ledger pane's credit lifecycle (SPEC 4, 10): Extend grant… and Bonus credit… run on the
task runner and are undone by reversing their entry; the member table shows the run-out month."""

from datetime import date

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from app.services.ledger import ledger_of
from app.services.verify import verify
from ui.ledger_lifecycle import BonusDialog, ExtendDialog
from ui.ledger_models import MemberTableModel
from ui.ledger_pane import LedgerPane
from ui.tasks import TaskRunner


@pytest.fixture
def pane(qtbot, ledger_db):
    runner = TaskRunner()
    pane = LedgerPane(ledger_db, runner)
    qtbot.addWidget(pane)
    pane.show()
    pane.refresh()
    settle(qtbot, pane)
    return pane


def settle(qtbot, pane) -> None:
    qtbot.waitUntil(lambda: pane.loaded and not pane.runner._running, timeout=10_000)


def select(qtbot, pane, workspace: str) -> None:
    pane.select_workspace(workspace)
    qtbot.waitUntil(lambda: pane.member_data is not None and pane.member_data["workspace"] == workspace)
    settle(qtbot, pane)


def row_of(pane, workspace: str) -> dict[int, str]:
    for row in range(pane.proxy.rowCount()):
        if pane.proxy.data(pane.proxy.index(row, MemberTableModel.WORKSPACE)) == workspace:
            return {c: pane.proxy.data(pane.proxy.index(row, c)) for c in range(pane.proxy.columnCount())}
    raise AssertionError(workspace)


def answer(monkeypatch, cls, fill) -> None:
    """The dialog is shown: `fill(dialog)` types into it, then OK (which must be enabled)."""

    def exec_(dialog):
        fill(dialog)
        assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled(), dialog.problem.text()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(cls, "exec", exec_)


def test_a_grant_extended_from_the_pane_is_undone_and_redone(pane, qtbot, monkeypatch, gui_thread_queries):
    select(qtbot, pane, "light")
    assert row_of(pane, "light")[MemberTableModel.EXPIRES] == "2027-01-15"

    def fill(dialog: ExtendDialog) -> None:
        assert dialog.grant.count() == 1 and "program year 1" in dialog.grant.currentText()
        dialog.until.setDate(QDate(2027, 6, 30))
        dialog.reason.setText("bridge while year 2 is decided")

    answer(monkeypatch, ExtendDialog, fill)
    pane.extend_grant()
    settle(qtbot, pane)
    assert row_of(pane, "light")[MemberTableModel.EXPIRES] == "2027-07-01"
    kinds = [pane.entries.item(r, 2).text() for r in range(pane.entries.rowCount())]
    assert kinds == ["Granted", "Credit applied", "Extended (valid until 2027-06-30)"]
    assert pane.undo_stack.undoText() == "Extend light to 2027-06-30"
    pane.undo_stack.undo()
    settle(qtbot, pane)
    assert row_of(pane, "light")[MemberTableModel.EXPIRES] == "2027-01-15"
    pane.undo_stack.redo()
    settle(qtbot, pane)
    assert row_of(pane, "light")[MemberTableModel.EXPIRES] == "2027-07-01"
    assert gui_thread_queries == [], gui_thread_queries[0]  # the pane read and wrote on its runner
    kinds = [x["kind"] for x in pane.database.query(ledger_of, "light")["entries"]]
    assert kinds == ["grant", "apply", "extend", "reverse", "extend"]
    assert pane.database.query(verify) == []


def test_bonus_credit_from_the_pane_raises_the_balance_and_undo_reverses_it(
    pane, qtbot, monkeypatch, gui_thread_queries
):
    select(qtbot, pane, "heavy")
    assert row_of(pane, "heavy")[MemberTableModel.BALANCE] == "0.00"

    def fill(dialog: BonusDialog) -> None:
        dialog.amount.setText("1,500.00")
        dialog.valid_from.setDate(QDate(2026, 3, 1))
        dialog.valid_until.setDate(QDate(2026, 6, 30))
        dialog.priority.setValue(10)
        dialog.reason.setText("goodwill after an outage")

    answer(monkeypatch, BonusDialog, fill)
    pane.bonus_credit()
    settle(qtbot, pane)
    assert row_of(pane, "heavy")[MemberTableModel.BALANCE] == "1,500.00"
    assert gui_thread_queries == [], gui_thread_queries[0]
    grant = pane.database.query(ledger_of, "heavy")["entries"][-1]
    assert grant["program_year"] == 1001 and "priority 10" in grant["reason"]
    assert pane.undo_stack.undoText() == "Bonus heavy 1,500.00"
    pane.undo_stack.undo()
    settle(qtbot, pane)
    assert row_of(pane, "heavy")[MemberTableModel.BALANCE] == "0.00"
    pane.undo_stack.redo()
    settle(qtbot, pane)
    assert row_of(pane, "heavy")[MemberTableModel.BALANCE] == "1,500.00"
    assert pane.database.query(verify) == []


def test_the_bonus_dialog_accepts_only_a_positive_amount_an_ordered_validity_and_a_reason(qtbot):
    dialog = BonusDialog(None, "light", date(2026, 3, 16))
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and "amount" in dialog.problem.text()
    dialog.amount.setText("-5")
    assert not ok.isEnabled()
    dialog.amount.setText("250")
    assert not ok.isEnabled() and "reason" in dialog.problem.text()
    dialog.reason.setText("partner top-up")
    assert ok.isEnabled()
    dialog.valid_until.setDate(QDate(2026, 3, 1))
    assert not ok.isEnabled() and "before" in dialog.problem.text()
    dialog.valid_until.setDate(QDate(2026, 12, 31))
    command = dialog.command()
    assert (command.amount, command.valid_until, command.priority) == (25_000, date(2026, 12, 31), 50)


def test_a_refused_extension_is_explained_and_nothing_is_written(pane, qtbot, monkeypatch, shown_errors):
    select(qtbot, pane, "heavy")  # heavy used all its credit: nothing to extend

    def fill(dialog: ExtendDialog) -> None:
        dialog.reason.setText("goodwill")

    answer(monkeypatch, ExtendDialog, fill)
    pane.extend_grant()
    settle(qtbot, pane)
    assert any("holds no credit" in text for text in shown_errors)
    assert [x["kind"] for x in pane.database.query(ledger_of, "heavy")["entries"]] == ["grant", "apply"]
    assert pane.undo_stack.count() == 0


def test_the_member_table_shows_the_forecast_run_out_month(qtbot, sqlite_database, tmp_path, model_tester):
    from app.services.applications import Decide, decide
    from app.services.ledger import CloseMonth, close_month
    from tests.importing import import_bill_file, import_file
    from tests.ui.conftest import APPS

    (tmp_path / "apps.csv").write_text(APPS)
    import_file(sqlite_database, tmp_path / "apps.csv")
    sqlite_database.run(decide, Decide("L2", "accept", on=date(2026, 1, 15)))
    (tmp_path / "usage.csv").write_text("workspace,month,amount_usd\nheavy,2026-01,5000\nheavy,2026-02,5000\n")
    import_bill_file(sqlite_database, tmp_path / "usage.csv")
    for month in ("2026-01", "2026-02"):
        sqlite_database.run(close_month, CloseMonth(month))
    pane = LedgerPane(sqlite_database, TaskRunner())
    qtbot.addWidget(pane)
    model_tester(pane.model)
    pane.refresh()
    settle(qtbot, pane)
    # 15,000.00 left at 5,000.00 a month: the May bill takes the last of it (June is charged in full)
    row = row_of(pane, "heavy")
    assert row[MemberTableModel.RUN_OUT] == "2026-05", row
