"""The Outbox is a pane of the window: a decision's draft is there when the person looks,
its undo history is its own; time to decision opens from View; a JSON export imports."""

import json

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from tests.ui.queue_support import settle
from ui.main_window import MainWindow
from ui.smtp_settings_dialog import SmtpSettingsDialog


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


# ---- tried as a new user ----------------------------------------------------------------------

NEWCOMERS = (
    "application_id,submitted_on,company,contact_email,contact_name,country,incorporated_on,total_funding_usd,previous_discount,workspace\n"
    + "".join(
        f"N{i:02d},2026-03-{1 + i % 9:02d},{name} {i},founder{i}@{domain},{person} {i},{country},2019-0{1 + i % 9}-15,250000,no,new-{i}\n"
        for i, (name, domain, person, country) in enumerate(
            [
                ("Müller Robotik GmbH", "müller-robotik.de", "Jürgen Weiß", "DE"),
                ("Acme Analytics", "acme.io", "Ada Founder", "GB"),
                ("Société Lumière", "lumiere.fr", "Zoë Lefèvre", "FR"),
                ("Nordic Loops", "loops.se", "Åsa Berg", "SE"),
            ]
            * 6,
            start=1,
        )
    )
).replace("founder1@", "josé@")  # a mailbox beyond ASCII: SMTPUTF8


def answer_the_reason_dialog_with_enter(qtbot, answered: list[str]):
    """The next reason dialog is answered from the keyboard: its first suggestion, Enter."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui.dialogs import ReasonDialog

    def answer():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ReasonDialog):
            QTimer.singleShot(20, answer)
            return
        answered.append(dialog.choice.currentText())
        qtbot.keyClick(dialog.choice, Qt.Key.Key_Return)

    QTimer.singleShot(20, answer)


def test_tried_as_a_new_user_reject_twenty_fix_the_wording_set_up_the_server_and_send(
    qtbot, sqlite_database, tmp_path, gui_thread_queries, monkeypatch
):
    import keyring
    from aiosmtpd.controller import Controller

    from tests.app.test_mail import MemoryKeyring, Recorder, free_port
    from tests.importing import import_file
    from ui.queue_model import STATUS

    before = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    recorder = Recorder()
    server = Controller(recorder, hostname="127.0.0.1", port=free_port())
    server.start()
    path = tmp_path / "newcomers.csv"
    path.write_text(NEWCOMERS, encoding="utf-8")
    import_file(sqlite_database, path)
    gui_thread_queries.clear()
    try:
        window = MainWindow(sqlite_database)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        window.activateWindow()
        qtbot.waitActive(window)
        queue = window.queue
        settle(qtbot, queue)

        # twenty rejections from the keyboard: Ctrl+Home, then R and Enter, twenty times
        queue.table.setFocus()
        qtbot.keyClick(queue.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
        settle(qtbot, queue)
        reasons: list[str] = []
        said: list[str] = []
        queue.status_message.connect(said.append)
        for _ in range(20):
            answer_the_reason_dialog_with_enter(qtbot, reasons)
            qtbot.keyClick(queue.table, Qt.Key.Key_R)
            settle(qtbot, queue)
            selected = queue.selected_tuples()
            assert selected and selected[0][STATUS] == "new"  # the next open one, selected by itself
        assert len(reasons) == 20, "\n".join(said)
        assert all(reason.startswith("failed rule") for reason in reasons)

        # the Outbox: twenty drafts to read
        window.activateWindow()  # offscreen, a closed dialog leaves no window active
        qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
        qtbot.keyClick(queue.table, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # View ▸ Outbox
        pane = window.outbox
        assert window.tabs.currentWidget() is pane
        qtbot.waitUntil(lambda: pane.loaded and "20 draft" in pane.summary.text(), timeout=20_000)
        pane.table.selectRow(0)
        qtbot.waitUntil(lambda: pane.current is not None, timeout=10_000)
        assert "incorporated on" in pane.body.toPlainText()  # the failed rule, in words
        assert pane.body.toPlainText().rstrip().endswith("With best wishes,\nThe Startup Program team")  # signed

        # fix the rejection's wording in the templates dialog; its drafts are made again
        templates = pane.edit_templates()
        templates.kind.setCurrentIndex(templates.kind.findData("rejection"))
        qtbot.waitUntil(lambda: templates.loaded, timeout=10_000)
        templates.body.setPlainText(templates.body.toPlainText() + "\nYou are welcome to apply again next year.\n")
        with qtbot.waitSignal(templates.saved, timeout=10_000):
            templates.buttons.button(templates.buttons.StandardButton.Save).click()
        qtbot.waitUntil(lambda: "20 drafts regenerated" in templates.problem.text(), timeout=10_000)
        templates.close()
        pane.regenerate_button.click()  # nothing left to redo: they already have the new wording
        qtbot.waitUntil(lambda: pane.send_report.text() == "20 regenerated, 0 edited kept", timeout=10_000)

        # the mail server, from the File menu, tested, saved
        action = next(a for a in window.findChildren(QAction) if a.text() == "&Mail server…")
        action.trigger()
        dialog = next(d for d in pane.findChildren(SmtpSettingsDialog) if d.isVisible())
        qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=10_000)
        dialog.host.setText("127.0.0.1")
        dialog.security.setCurrentIndex(dialog.security.findData("none"))
        dialog.port.setValue(server.port)
        dialog.sender.setText("startups@example.com")
        with qtbot.waitSignal(dialog.answered, timeout=20_000) as answered:
            dialog.test_button.click()
        assert answered.args[0] is True and "250" in dialog.status.text()
        with qtbot.waitSignal(dialog.saved, timeout=10_000):
            dialog.save_button.click()

        # send; the send log says what the server answered
        pane.send_button.click()
        qtbot.waitUntil(lambda: pane.sending is None and "20 sent" in pane.summary.text(), timeout=60_000)
        assert pane.send_report.text() == "Sent 20, failed 0"
        pane.status_filter.setCurrentIndex(pane.status_filter.findData("sent"))
        qtbot.waitUntil(lambda: pane.model.rowCount() == 20, timeout=10_000)
        pane.table.selectRow(0)
        qtbot.waitUntil(lambda: pane.current is not None and pane.current["status"] == "sent", timeout=10_000)
        assert "sent via smtp · 250 2.0.0 Ok: queued as Q2" in pane.log_label.text()
        assert pane.body.isEnabled() and pane.body.isReadOnly()  # a sent message is read, not greyed out
        assert not pane.send_button.isEnabled()  # nothing left to send
        window.runner.wait()
    finally:
        server.stop()
        keyring.set_keyring(before)

    arrived = recorder.messages()[1:]  # the first was the test message
    assert len(arrived) == 20
    assert all("You are welcome to apply again next year." in m.get_content() for m in arrived)
    assert {m["To"].addresses[0].domain for m in arrived} >= {"xn--mller-robotik-wob.de", "acme.io"}
    assert any(to == ["josé@xn--mller-robotik-wob.de"] for _f, to, _c in recorder.received)
    assert gui_thread_queries == []
