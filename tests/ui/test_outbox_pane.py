"""The Outbox pane: counts, list, preview, edit, hold, discard, send with progress — off the GUI thread."""

import threading
from email import message_from_bytes, policy

import pytest

from app.services.applications import DecideMany, decide_many
from tests.importing import import_file
from ui.outbox_model import OutboxTableModel
from ui.outbox_pane import OutboxPane
from ui.tasks import TaskRunner

APPS = (
    "application_id,submitted_on,company,contact_email,contact_name,country,incorporated_on,total_funding_usd,previous_discount,workspace\n"
    + "".join(
        f"R{i},2026-01-10,Company {i},founder{i}@startup{i}.io,Founder {i},GB,2020-01-01,100000,no,ws-{i}\n"
        for i in range(1, 4)
    )
)


@pytest.fixture
def rejected(sqlite_database, tmp_path):
    path = tmp_path / "apps.csv"
    path.write_text(APPS)
    import_file(sqlite_database, path)
    sqlite_database.run(decide_many, DecideMany(("R1", "R2", "R3"), "reject", reason="failed rule: age"))
    return sqlite_database


@pytest.fixture
def gui_thread_calls(rejected, monkeypatch):
    """Every query and write the pane makes, with whether it ran on the GUI thread."""
    calls = []
    for name in ("query", "run"):
        original = getattr(rejected, name)

        def spy(*args, _original=original, **kwargs):
            calls.append(threading.current_thread() is threading.main_thread())
            return _original(*args, **kwargs)

        monkeypatch.setattr(rejected, name, spy)
    return calls


@pytest.fixture
def pane(qtbot, rejected, gui_thread_calls, model_tester):
    runner = TaskRunner()
    pane = OutboxPane(rejected, runner)
    model_tester(pane.model)
    qtbot.addWidget(pane)
    pane.show()
    pane.refresh()
    qtbot.waitUntil(lambda: pane.loaded, timeout=10_000)
    yield pane
    runner.wait()


def settle(qtbot, pane):
    qtbot.waitUntil(lambda: not pane.runner._running, timeout=10_000)


def column(pane, number):
    return [pane.model.data(pane.model.index(r, number)) for r in range(pane.model.rowCount())]


def test_the_pane_counts_lists_and_previews_the_drafts(qtbot, pane, gui_thread_calls):
    assert "3 draft" in pane.summary.text() and "0 sent" in pane.summary.text()
    assert column(pane, OutboxTableModel.TO) == [f"Founder {i} <founder{i}@startup{i}.io>" for i in (1, 2, 3)]
    pane.table.selectRow(1)
    qtbot.waitUntil(lambda: pane.current is not None and pane.current["to_address"] == "founder2@startup2.io")
    assert "incorporated on 1 January 2020" in pane.body.toPlainText()
    assert gui_thread_calls and not any(gui_thread_calls)


def test_edit_hold_and_undo_from_the_pane(qtbot, pane):
    pane.table.selectRow(0)
    qtbot.waitUntil(lambda: pane.current is not None)
    pane.subject.setText("About your application")
    pane.save_edit()
    settle(qtbot, pane)
    qtbot.waitUntil(lambda: column(pane, OutboxTableModel.STATUS)[0] == "draft ✎")
    assert column(pane, OutboxTableModel.SUBJECT)[0] == "About your application"
    pane.table.selectRow(1)
    qtbot.waitUntil(lambda: pane.current is not None and pane.current["id"] == pane.model.rows[1]["id"])
    pane.hold_button.click()
    settle(qtbot, pane)
    qtbot.waitUntil(lambda: "1 held" in pane.summary.text())
    pane.undo_stack.undo()
    settle(qtbot, pane)
    qtbot.waitUntil(lambda: "0 held" in pane.summary.text())


def test_sending_as_eml_shows_progress_and_the_result(qtbot, pane, tmp_path, gui_thread_calls):
    folder = tmp_path / "eml"
    folder.mkdir()
    progress = []
    pane.send_eml(str(folder))
    pane.sending.progressed.connect(lambda done, total: progress.append((done, total)))
    settle(qtbot, pane)
    qtbot.waitUntil(lambda: "3 sent" in pane.summary.text())
    assert pane.send_report.text() == "Sent 3, failed 0"
    assert progress[-1] == (3, 3)
    files = sorted(folder.glob("*.eml"))
    assert [message_from_bytes(f.read_bytes(), policy=policy.default)["To"].addresses[0].addr_spec for f in files] == [
        f"founder{i}@startup{i}.io" for i in (1, 2, 3)
    ]
    assert not any(gui_thread_calls)


def test_cancel_stops_the_batch_between_messages(qtbot, pane, tmp_path):
    from app.mail import EmlFolder

    folder = tmp_path / "eml"
    folder.mkdir()
    cancelled = threading.Event()

    class WaitingFolder(EmlFolder):
        """The second message waits until the person has pressed Cancel."""

        def send(self, message, number=0):
            if list(folder.glob("*.eml")):
                cancelled.wait(10)
            return super().send(message, number)

    def cancel(done, total):
        pane.cancel_button.click()
        cancelled.set()

    pane.send(lambda: WaitingFolder(folder))
    pane.sending.progressed.connect(cancel)
    settle(qtbot, pane)
    qtbot.waitUntil(lambda: "stopped: cancelled" in pane.send_report.text())
    written = len(list(folder.glob("*.eml")))
    assert written in (1, 2)  # a message on its way is finished; the batch stops before the next
    qtbot.waitUntil(lambda: f"{written} sent" in pane.summary.text() and f"{3 - written} draft" in pane.summary.text())


def test_offline_says_so_and_nothing_changes(qtbot, pane, shown_errors):
    pane.send_with_server()  # no mail server set
    settle(qtbot, pane)
    qtbot.waitUntil(lambda: bool(shown_errors))
    assert "no mail server is set" in shown_errors[0]
    assert "3 draft" in pane.summary.text() and pane.send_report.text() == "Nothing was sent: the outbox waits"


def test_the_filter_shows_one_state_and_the_templates_open_beside_the_pane(qtbot, pane):
    pane.table.selectRow(0)
    qtbot.waitUntil(lambda: pane.current is not None)
    pane.hold_button.click()
    settle(qtbot, pane)
    pane.status_filter.setCurrentIndex(pane.status_filter.findData("held"))
    qtbot.waitUntil(lambda: pane.model.rowCount() == 1 and column(pane, OutboxTableModel.STATUS) == ["held"])
    dialog = pane.edit_templates()
    qtbot.waitUntil(lambda: dialog.loaded)
    assert dialog.subject.text().startswith("Welcome to the $program")  # the first outcome: acceptance
    dialog.close()


def test_reminders_and_withdrawing_overdue_applications_from_the_pane(qtbot, pane, monkeypatch, tmp_path):
    from app.services.applications import Decide, decide

    database = pane.database
    path = tmp_path / "late.csv"
    path.write_text(APPS.splitlines()[0] + "\nN1,2026-03-01,Quiet Co,q@quiet.io,Q,GB,,100000,no,quiet\n")
    import_file(database, path)
    database.run(decide, Decide("N1", "needs-info"))
    database.clock.advance(days=11)  # three days before the 30 March deadline
    pane.reminders_button.click()
    settle(qtbot, pane)
    qtbot.waitUntil(lambda: pane.send_report.text() == "1 reminder draft made")
    database.clock.advance(days=4)
    pane.refresh()
    settle(qtbot, pane)
    qtbot.waitUntil(lambda: pane.overdue_label.text() == "1 application overdue")
    monkeypatch.setattr("ui.outbox_pane.confirm", lambda *args: True)
    pane.withdraw_button.click()
    settle(qtbot, pane)
    qtbot.waitUntil(lambda: pane.overdue_label.text() == "0 applications overdue")
    assert [row["kind"] for row in pane.model.rows][-3:] == ["needs_info", "reminder", "withdrawal"]


def test_with_no_message_selected_the_empty_editor_says_what_it_is_for(qtbot, pane):
    pane.status_filter.setCurrentIndex(pane.status_filter.findData("sent"))  # none sent yet
    qtbot.waitUntil(lambda: pane.model.rowCount() == 0)
    settle(qtbot, pane)
    assert pane.current is None and pane.body.toPlainText() == ""
    assert pane.body.placeholderText() == "Select a message to read or edit it."
    pane.status_filter.setCurrentIndex(pane.status_filter.findData("draft"))
    qtbot.waitUntil(lambda: pane.model.rowCount() == 3)
    pane.table.selectRow(0)
    qtbot.waitUntil(lambda: pane.current is not None)
    assert pane.body.placeholderText() == "", "a message's own empty body is not mistaken for no message"
