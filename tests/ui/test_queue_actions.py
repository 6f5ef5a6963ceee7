"""Only the decisions that exist are offered, and every message names the application as a person knows it."""

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from app.queries import QueueFilter
from app.services.applications import Decide, decide, history
from tests.importing import import_file
from tests.ui.queue_support import CSV, make_pane, row_of, settle

DECISIONS = ("accept", "reject", "needs-info", "withdraw")


@pytest.fixture
def pane(qtbot, sqlite_database, write_csv):
    import_file(sqlite_database, write_csv(CSV))
    pane = make_pane(qtbot, sqlite_database)
    yield pane
    pane.runner.wait()


def offered(pane) -> dict[str, tuple[bool, bool]]:
    """Per decision: (action enabled, button enabled)."""
    return {key: (pane.actions[key].isEnabled(), pane.buttons[key].isEnabled()) for key in DECISIONS}


def show_all_and_select(qtbot, pane, *names):
    pane.set_filter(QueueFilter())
    settle(qtbot, pane)
    pane.select_row(row_of(pane, names[0]))
    for name in names[1:]:
        index = pane.model.index(row_of(pane, name), 0)
        pane.table.selectionModel().select(
            index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        )
    settle(qtbot, pane)


def test_a_rejected_application_offers_no_decision_and_its_keys_do_nothing(qtbot, pane, shown_errors):
    pane.database.run(decide, Decide("T3", "reject", reason="duplicate"))
    messages = []
    pane.status_message.connect(messages.append)
    show_all_and_select(qtbot, pane, "Gamma Games")
    assert offered(pane) == dict.fromkeys(DECISIONS, (False, False))
    pane.table.setFocus()
    qtbot.keyClick(pane.table, Qt.Key.Key_A)
    settle(qtbot, pane)
    assert shown_errors == [], "nothing is tried, so nothing fails"
    assert [h["to_status"] for h in pane.database.query(history, "T3")] == ["rejected"]
    assert messages[-1] == "T3 (Gamma Games) is rejected: it cannot be decided that way."


def test_an_open_application_offers_what_its_status_allows(qtbot, pane):
    show_all_and_select(qtbot, pane, "Alpha Analytics")
    assert offered(pane) == dict.fromkeys(DECISIONS, (True, True))
    pane.database.run(decide, Decide("T1", "needs-info", reason="deck please"))
    show_all_and_select(qtbot, pane, "Alpha Analytics")
    assert offered(pane) == {**dict.fromkeys(DECISIONS, (True, True)), "needs-info": (False, False)}


def test_a_selection_offers_only_what_every_selected_application_can_take(qtbot, pane):
    pane.database.run(decide, Decide("T3", "withdraw"))
    show_all_and_select(qtbot, pane, "Alpha Analytics", "Gamma Games")
    assert pane.selected_ids() and len(pane.selected_ids()) == 2
    assert offered(pane) == dict.fromkeys(DECISIONS, (False, False))
    show_all_and_select(qtbot, pane, "Alpha Analytics", "Beta Bank")
    assert offered(pane) == dict.fromkeys(DECISIONS, (True, True))


def test_nothing_selected_offers_nothing(qtbot, pane):
    pane.set_filter(QueueFilter(text="no such company"))
    settle(qtbot, pane)
    assert offered(pane) == dict.fromkeys(DECISIONS, (False, False))


def test_a_decision_is_named_by_form_id_and_company(qtbot, pane, monkeypatch):
    from ui.dialogs import ReasonDialog

    monkeypatch.setattr(ReasonDialog, "ask", classmethod(lambda cls, *a, **k: ""))
    messages = []
    pane.status_message.connect(messages.append)
    show_all_and_select(qtbot, pane, "Delta Docs")
    pane.actions["withdraw"].trigger()
    settle(qtbot, pane)
    assert pane.undo_stack.undoText() == "Withdraw Delta Docs (no form id)"
    assert "Withdraw Delta Docs (no form id): done" in messages


def test_the_status_bar_counts_applications_in_words_singular_and_plural(qtbot, pane):
    said = []
    pane.status_message.connect(said.append)
    pane.set_filter(QueueFilter())
    settle(qtbot, pane)
    qtbot.waitUntil(lambda: any(text.endswith("applications") for text in said))
    assert f"{pane.model.rowCount()} applications" in said
    pane.set_filter(QueueFilter(text="Gamma Games"))
    settle(qtbot, pane)
    qtbot.waitUntil(lambda: "1 application" in said)
