"""The policy what-if dialog (SPEC 10): a finance lead lowers the funding cap and sees which open
application changes outcome and what committed credit becomes; nothing is written."""

import sqlite3
from datetime import date

import pytest

from tests.app.ledger_helpers import APPS
from tests.app.test_whatif import QUEUE
from ui.tasks import TaskRunner
from ui.whatif_dialog import open_whatif_dialog


@pytest.fixture
def queue_db(sqlite_database, tmp_path):
    from app.services.applications import Decide, decide
    from tests.importing import import_file, import_partner_file

    (tmp_path / "p.csv").write_text(
        "code,name,kind,status,annual_credit_usd\nyc,Y Combinator,accelerator,active,50000\n"
    )
    import_partner_file(sqlite_database, tmp_path / "p.csv")
    (tmp_path / "apps.csv").write_text(APPS)
    import_file(sqlite_database, tmp_path / "apps.csv")
    for ref in ("W1", "H1", "P1"):
        sqlite_database.run(decide, Decide(ref, "accept", on=date(2026, 1, 15)))
    (tmp_path / "queue.csv").write_text(QUEUE)
    import_file(sqlite_database, tmp_path / "queue.csv")
    return sqlite_database


def dump(tmp_path) -> list[str]:
    with sqlite3.connect(tmp_path / "ui.sqlite3") as conn:
        return list(conn.iterdump())


def test_a_lower_funding_cap_lists_the_application_that_changes_and_the_committed_credit(
    qtbot, queue_db, tmp_path, gui_thread_queries
):
    before = dump(tmp_path)
    from ui.ledger_pane import LedgerPane

    runner = TaskRunner()
    pane = LedgerPane(queue_db, runner)
    qtbot.addWidget(pane)
    dialog = pane.open_whatif()
    qtbot.waitUntil(lambda: dialog.evaluate_button.isEnabled(), timeout=10_000)
    assert dialog.funding_cap.text() == "5,000,000.00" and dialog.age.value() == 2
    dialog.funding_cap.setText("3,000,000")
    dialog.evaluate()
    qtbot.waitUntil(lambda: dialog.result is not None and not runner._running, timeout=10_000)
    assert gui_thread_queries == [], gui_thread_queries[0]
    text = dialog.summary.text()
    assert "1 of 6 open applications change outcome" in text and "eligible → ineligible: 1" in text
    assert "Committed credit: USD 200,000.00 → USD 175,000.00" in text and "-25,000.00" in text
    assert dialog.changed.rowCount() == 1
    assert [dialog.changed.item(0, c).text() for c in range(4)] == [
        "Q1",
        "Raised Four",
        "eligible → ineligible",
        "funding: pass → fail",
    ]
    dialog.grab().save("/tmp/whatif.png")
    with qtbot.waitSignal(pane.application_requested) as opened:  # the window shows the application
        dialog._open(0, 1)
    assert opened.args == [dialog.result["changed"][0]["application"]]
    assert dump(tmp_path) == before  # what-if wrote nothing


def test_a_territory_and_age_change_together_and_a_bad_amount_is_explained(
    qtbot, queue_db, shown_errors, gui_thread_queries
):
    runner = TaskRunner()
    dialog = open_whatif_dialog(None, queue_db, runner)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.evaluate_button.isEnabled(), timeout=10_000)
    dialog.funding_cap.setText("lots")
    dialog.evaluate()
    assert shown_errors and dialog.result is None
    dialog.funding_cap.setText("5,000,000.00")
    dialog.age.setValue(3)
    dialog.territories.setText("gb, de; cu")
    dialog.evaluate()
    qtbot.waitUntil(lambda: dialog.result is not None and not runner._running, timeout=10_000)
    assert sorted(dialog.changed.item(r, 0).text() for r in range(dialog.changed.rowCount())) == ["Q3", "Q4"]
    assert gui_thread_queries == [], gui_thread_queries[0]
