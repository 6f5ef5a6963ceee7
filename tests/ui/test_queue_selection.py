"""Selection, focus and detail agree: the detail shows the selected application, the current row is
the selected one, and a decision acts on it, whatever happened before."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.queries import QueueFilter
from app.services.applications import history
from tests.importing import import_file
from tests.ui.queue_support import CSV, companies, make_pane, settle
from ui.dialogs import ReasonDialog
from ui.main_window import MainWindow
from ui.queue_model import COMPANY, ApplicationTableModel


@pytest.fixture
def loaded(sqlite_database, write_csv, monkeypatch):
    import_file(sqlite_database, write_csv(CSV))
    monkeypatch.setattr(ReasonDialog, "ask", classmethod(lambda cls, *a, **k: "checked by hand"))
    return sqlite_database


@pytest.fixture
def pane(qtbot, loaded):
    pane = make_pane(qtbot, loaded)
    yield pane
    pane.runner.wait()


def open_window(qtbot, database):
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    settle(qtbot, window.queue)
    return window


def selected_company(pane) -> str | None:
    rows = pane.selected_rows()
    return pane.model.row_tuple(rows[0])[COMPANY] if len(rows) == 1 else None


def assert_agree(pane) -> None:
    """One row selected and current, the detail shows it in full, the decisions are its own."""
    rows = pane.selected_rows()
    assert len(rows) == 1, f"selected rows: {rows}"
    assert pane.table.currentIndex().row() == rows[0], "the focus is on the selected row"
    assert pane.detail.application == pane.selected_ids()[0]
    assert pane.detail.toPlainText().startswith(selected_company(pane) + "\n"), "the full detail, not a placeholder"


def decided(database, form_id: str) -> list[str]:
    return [h["to_status"] for h in database.query(history, form_id)]


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def test_after_a_restart_with_a_sorted_queue_the_detail_is_the_selected_application(qtbot, loaded):
    first = open_window(qtbot, loaded)
    first.queue.table.sortByColumn(ApplicationTableModel.COMPANY, Qt.SortOrder.DescendingOrder)
    settle(qtbot, first.queue)
    first.close()
    second = open_window(qtbot, loaded)
    pane = second.queue
    assert companies(pane)[0] == "Gamma Games"  # the restored order
    assert selected_company(pane) == "Gamma Games"
    assert_agree(pane)
    press(qtbot, Qt.Key.Key_A)
    settle(qtbot, pane)
    assert decided(loaded, "T3") == ["accepted"]


def test_after_a_pane_switch_the_decision_keys_act_on_the_selected_application(qtbot, loaded):
    window = open_window(qtbot, loaded)
    pane = window.queue
    pane.select_row(2)
    settle(qtbot, pane)
    bar = window.tabs.tabBar()
    for number in (1, 0):  # a click on the tab, as a person switches, and work in the ledger between
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(number).center())
        settle(qtbot, pane)
        if number == 1:
            window.ledger.table.setFocus()
    assert window.tabs.currentIndex() == 0
    assert selected_company(pane) == "Gamma Games"
    assert_agree(pane)
    assert pane.isAncestorOf(QApplication.focusWidget()), "the keys reach the queue"
    press(qtbot, Qt.Key.Key_A)
    settle(qtbot, pane)
    assert decided(loaded, "T3") == ["accepted"]


def test_ctrl_end_selects_the_last_application_and_a_acts_on_it(qtbot, pane):
    pane.table.setFocus()
    qtbot.keyClick(pane.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, pane)
    assert pane.selected_rows() == [pane.model.rowCount() - 1]
    assert selected_company(pane) == "Alpha Again"
    assert_agree(pane)
    qtbot.keyClick(pane.table, Qt.Key.Key_A)
    settle(qtbot, pane)
    assert decided(pane.database, "T5") == ["accepted"]
    qtbot.keyClick(pane.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, pane)
    assert selected_company(pane) == "Alpha Analytics"
    assert_agree(pane)


def test_after_a_decision_the_next_application_is_selected_shown_and_decided_next(qtbot, pane):
    pane.select_row(1)
    pane.table.setFocus()
    settle(qtbot, pane)
    qtbot.keyClick(pane.table, Qt.Key.Key_A)  # Beta Bank, with an override reason
    settle(qtbot, pane)
    assert companies(pane) == ["Alpha Analytics", "Gamma Games", "Delta Docs", "Alpha Again"]
    assert selected_company(pane) == "Gamma Games"
    assert_agree(pane)
    qtbot.keyClick(pane.table, Qt.Key.Key_W)
    settle(qtbot, pane)
    assert decided(pane.database, "T2") == ["accepted"] and decided(pane.database, "T3") == ["withdrawn"]
    assert selected_company(pane) == "Delta Docs"
    assert_agree(pane)


def test_after_a_refresh_the_detail_shows_what_the_database_now_says(qtbot, pane):
    from app.services.applications import Decide, decide

    pane.set_filter(QueueFilter())
    settle(qtbot, pane)
    pane.select_row(2)
    settle(qtbot, pane)
    pane.database.run(decide, Decide("T3", "reject", reason="duplicate"))  # someone else, from the command line
    pane.after_write(None, 2)
    settle(qtbot, pane)
    assert_agree(pane)
    assert "Rejected" in pane.detail.toPlainText()
    assert not pane.actions["accept"].isEnabled()


def test_a_filter_change_selects_and_shows_its_first_application_or_nothing(qtbot, pane):
    pane.select_row(3)
    settle(qtbot, pane)
    pane.set_filter(QueueFilter(country="FR"))
    settle(qtbot, pane)
    assert selected_company(pane) == "Gamma Games"
    assert_agree(pane)
    pane.set_filter(QueueFilter(text="no such company"))
    settle(qtbot, pane)
    assert pane.selected_rows() == [] and pane.detail.application is None
    assert "No application matches" in pane.detail.toPlainText()
    pane.table.setFocus()
    qtbot.keyClick(pane.table, Qt.Key.Key_A)
    settle(qtbot, pane)
    assert all(decided(pane.database, ref) == [] for ref in ("T1", "T2", "T3", "T5"))


def test_sorting_from_the_header_keeps_the_selected_application_in_view_and_shown(qtbot, pane):
    pane.select_row(0)
    settle(qtbot, pane)
    pane.table.sortByColumn(ApplicationTableModel.COUNTRY, Qt.SortOrder.AscendingOrder)
    settle(qtbot, pane)
    assert_agree(pane)
