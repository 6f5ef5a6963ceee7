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
    assert (
        "changing outcome</td><td align='right'>&nbsp;&nbsp;1 of 6</td><td>&nbsp;&nbsp;eligible → ineligible: 1" in text
    )
    assert "Committed credit (USD)" in text and "200,000.00 → 175,000.00" in text and "-25,000.00" in text
    assert dialog.changed.rowCount() == 1
    assert [dialog.changed.item(0, c).text() for c in range(4)] == [
        "Q1",
        "Raised Four",
        "eligible → ineligible",
        "funding: pass → fail",
    ]
    dialog.grab().save(str(tmp_path / "whatif.png"))  # to look at: packaging/screenshots/ holds one
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
    # the territory list in force, each checked when eligible: CU (Cuba) is not, until ticked
    picker = dialog.territories
    assert picker.list.count() == 249 and "GB" in picker.checked() and "CU" not in picker.checked()
    picker.filter.setText("cuba")
    assert [item.text() for item in picker.items() if not item.isHidden()] == ["Cuba (CU)"]
    picker.check_shown.click()
    assert "CU" in picker.checked()
    dialog.evaluate()
    qtbot.waitUntil(lambda: dialog.result is not None and not runner._running, timeout=10_000)
    assert sorted(dialog.changed.item(r, 0).text() for r in range(dialog.changed.rowCount())) == ["Q3", "Q4"]
    assert gui_thread_queries == [], gui_thread_queries[0]
    assert dialog.forecast.rowCount() == 0 and "stays as it is" in dialog.forecast_note.text()


def cell_texts(table, column):
    return [table.item(row, column).text() for row in range(table.rowCount())]


def test_a_partner_credit_change_shows_committed_credit_and_the_forecast_month_by_month(
    qtbot, queue_db, gui_thread_queries
):
    runner = TaskRunner()
    dialog = open_whatif_dialog(None, queue_db, runner)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.evaluate_button.isEnabled(), timeout=10_000)
    assert cell_texts(dialog.partners, 0) == ["Y Combinator (yc)"] and cell_texts(dialog.partners, 1) == ["50,000.00"]
    dialog.partners.set_credit("yc", "60,000")
    dialog.evaluate()
    qtbot.waitUntil(lambda: dialog.result is not None and not runner._running, timeout=10_000)
    # year 1 of Q5 (yc) and year 2 of partnered (yc), 10,000 more each
    assert "200,000.00 → 220,000.00" in dialog.summary.text()
    # no member has bills: year 2 of each (valid 2027-01-15 … 2028-01-14) expires whole, after these 12 months
    assert cell_texts(dialog.forecast, 0)[0] == "2026-03" and cell_texts(dialog.forecast, 0)[-1] == "Total"
    assert dialog.forecast.rowCount() == 13 and "applied USD 0.00 → 0.00" in dialog.forecast_note.text()
    assert gui_thread_queries == [], gui_thread_queries[0]


def test_make_this_the_policy_from_a_date_makes_a_version_and_undo_takes_it_back(
    qtbot, queue_db, shown_errors, gui_thread_queries, tmp_path
):
    from ui.ledger_pane import LedgerPane

    runner = TaskRunner()
    pane = LedgerPane(queue_db, runner)
    qtbot.addWidget(pane)
    dialog = pane.open_whatif()
    qtbot.waitUntil(lambda: dialog.make_button.isEnabled(), timeout=10_000)
    assert dialog.effective_from.date().toPython() == date(2026, 3, 17)  # the day after today, the earliest
    dialog.funding_cap.setText("3,000,000")
    dialog.effective_from.setDate(dialog.effective_from.date().addDays(15))
    dialog.make_button.click()
    qtbot.waitUntil(lambda: dialog.made is not None and not runner._running, timeout=10_000)
    assert shown_errors == []
    assert "Policy version 2 takes effect on 2026-04-01" in dialog.summary.text()

    def versions():  # read beside the window, as another program would
        with sqlite3.connect(tmp_path / "ui.sqlite3") as conn:
            return conn.execute(
                "SELECT version, effective_from, max_funding_cents, created_by FROM policies ORDER BY version"
            ).fetchall()

    assert versions() == [(1, "2000-01-01", 500_000_000, "ui.tester"), (2, "2026-04-01", 300_000_000, "ui.tester")]
    assert pane.undo_stack.undoText() == "Policy version 2 from 2026-04-01"
    pane.undo_stack.undo()
    qtbot.waitUntil(lambda: len(versions()) == 1 and not runner._running, timeout=10_000)
    pane.undo_stack.redo()
    qtbot.waitUntil(lambda: len(versions()) == 2 and not runner._running, timeout=10_000)
    assert versions()[1][1:3] == ("2026-04-01", 300_000_000)
    assert gui_thread_queries == [], gui_thread_queries[0]
    dialog.partners.set_credit("yc", "60,000")  # partner credit is not a policy version's: refused, said why
    dialog.make_button.click()
    qtbot.waitUntil(lambda: bool(shown_errors) and not runner._running, timeout=10_000)
    assert "partner credit is each partner's own setting" in str(shown_errors[-1])
