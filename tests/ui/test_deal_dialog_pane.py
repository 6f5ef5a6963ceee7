"""The Deals pane's Add/Edit deal dialog: a refusal keeps it open with what was typed, and names
the field as the form labels it; dates are pickers with "none"; category completes."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit

from tests.ui.test_deals_pane import make_pane, save_deal, select, settle


def test_a_refused_deal_keeps_the_dialog_open_with_what_was_typed(qtbot, ledger_db, tmp_path, shown_errors):
    pane = make_pane(qtbot, ledger_db, tmp_path)
    pane.add_deal()
    dialog = pane.deal_dialog
    assert dialog.isVisible()
    dialog.description.setPlainText("Thirty days free")
    save_deal(qtbot, pane, partner="New Co", title="Trial", capacity="lots")
    assert dialog.isVisible(), "the dialog stays open"
    assert dialog.edits["capacity"].text() == "lots" and dialog.description.toPlainText() == "Thirty days free"
    assert dialog.error.isVisible() and dialog.error.text().startswith("Places: 'lots' is not a whole number")
    assert "capacity" not in dialog.error.text() and shown_errors == []  # no box: the form says it
    assert pane.deals.rowCount() == 2
    save_deal(qtbot, pane, capacity="10")
    assert not dialog.isVisible()
    assert "Trial" in [row.title for row in pane.deals.rows]


def test_a_refusal_the_database_finds_is_shown_in_the_dialog_too(qtbot, ledger_db, tmp_path):
    pane = make_pane(qtbot, ledger_db, tmp_path)
    pane.add_deal()
    save_deal(qtbot, pane, partner="Acme Analytics", title="One free year")
    assert pane.deal_dialog.isVisible()
    assert "Acme Analytics already has a deal titled 'One free year'" in pane.deal_dialog.error.text()


def test_dates_are_pickers_with_none_and_an_end_before_the_start_is_named_by_label(qtbot, ledger_db, tmp_path):
    pane = make_pane(qtbot, ledger_db, tmp_path)
    pane.add_deal()
    dialog = pane.deal_dialog
    until = dialog.dates["valid_until"]
    assert isinstance(until.picker, QDateEdit) and until.picker.calendarPopup()
    assert until.none.isChecked() and not until.picker.isEnabled()  # optional: none by default
    assert until.picker.date() == QDate(2026, 3, 16)  # the database's today, to start from
    dialog.dates["valid_from"].none.setChecked(False)
    dialog.dates["valid_from"].picker.setDate(QDate(2026, 6, 1))
    until.none.setChecked(False)
    until.picker.setDate(QDate(2026, 5, 1))
    save_deal(qtbot, pane, partner="New Co", title="Trial")
    assert dialog.isVisible()
    assert dialog.error.text() == "Valid until: before Valid from (2026-06-01)"
    until.picker.setDate(QDate(2026, 12, 31))
    save_deal(qtbot, pane)
    deal = next(row for row in pane.deals.rows if row.title == "Trial")
    assert (deal.valid_from, deal.valid_until) == (date(2026, 6, 1), date(2026, 12, 31))


def test_category_completes_from_the_existing_ones(qtbot, ledger_db, tmp_path):
    pane = make_pane(qtbot, ledger_db, tmp_path)
    pane.add_deal()
    completer = pane.deal_dialog.edits["category"].completer()
    model = completer.model()
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["Analytics", "Data warehouse"]
    completer.setCompletionPrefix("ware")
    assert completer.currentCompletion() == "Data warehouse"


def test_editing_shows_the_deal_and_an_undone_edit_puts_it_back(qtbot, ledger_db, tmp_path):
    pane = make_pane(qtbot, ledger_db, tmp_path)
    select(pane.deal_table, 0)  # Acme Analytics: One free year, USD 12,000, 1 place
    pane.edit_deal()
    dialog = pane.deal_dialog
    assert dialog.edits["value_usd"].text() == "12000.00" and dialog.edits["capacity"].text() == "1"
    assert dialog.dates["valid_until"].none.isChecked()
    save_deal(qtbot, pane, title="Two free years", value_usd="24000.00")
    assert not dialog.isVisible()
    assert [(d.title, d.value_cents) for d in pane.deals.rows][0] == ("Two free years", 2_400_000)
    assert pane.undo_stack.undoText() == "Edit deal Acme Analytics: One free year"
    pane.undo_stack.undo()
    settle(qtbot, pane)
    assert [(d.title, d.value_cents) for d in pane.deals.rows][0] == ("One free year", 1_200_000)
