"""The Outbox is a pane of the window: a decision's draft is there when the person looks,
its undo history is its own; time to decision opens from View; a JSON export imports."""

import json

from tests.ui.queue_support import settle
from ui.main_window import MainWindow


def test_a_decisions_draft_waits_in_the_outbox_pane(qtbot, ledger_db, gui_thread_queries):
    window = MainWindow(ledger_db)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, window.queue)
    window.show_pane(3)
    assert window.tabs.currentWidget() is window.outbox and window.undo_stack is window.outbox.undo_stack
    qtbot.waitUntil(lambda: window.outbox.loaded, timeout=10_000)
    rows = window.outbox.model.rowCount()
    assert rows >= 2  # the two acceptances of the ledger's members made their drafts
    window.runner.wait()
    assert gui_thread_queries == []


def test_time_to_decision_opens_from_view(qtbot, ledger_db):
    window = MainWindow(ledger_db)
    qtbot.addWidget(window)
    dialog = window.show_decision_times()
    qtbot.waitUntil(lambda: dialog.view.loaded, timeout=10_000)
    assert "decision" in dialog.view.summary.text()
    dialog.close()
    window.runner.wait()


def test_a_json_export_imports_through_the_window(qtbot, sqlite_database, tmp_path):
    rows = [
        {
            "application_id": "J1",
            "submitted_on": "2026-03-01",
            "company": "Json Labs",
            "contact_email": "j@json.io",
            "country": "GB",
        },
    ]
    path = tmp_path / "export.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    window = MainWindow(sqlite_database)
    qtbot.addWidget(window)
    dialog = window.open_import(path)
    qtbot.waitUntil(lambda: "1 to import" in dialog.summary.text(), timeout=10_000)
    with qtbot.waitSignal(dialog.imported, timeout=20_000) as imported:
        dialog.import_button.click()
    assert imported.args[0].imported == 1
    window.runner.wait()


def test_an_application_from_the_whatif_list_opens_in_the_queue(qtbot, ledger_db):

    window = MainWindow(ledger_db)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, window.queue)
    window.show_pane(1)
    application = window.database.query(lambda uow: 1)
    window.ledger.application_requested.emit(application)
    settle(qtbot, window.queue)
    assert window.tabs.currentWidget() is window.queue
    assert window.queue.detail.application == application  # the detail shows it
    window.runner.wait()
