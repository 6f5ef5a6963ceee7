"""The mail server set in the window: read and saved on the task runner, the password in the
keyring only, a test message through a real SMTP server on 127.0.0.1, errors as plain text."""

from __future__ import annotations

from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from PySide6.QtCore import QSettings

from app import mail
from app.services import outbox
from tests.app import test_mail
from tests.app.test_mail import Recorder, free_port
from ui.smtp_settings_dialog import SmtpSettingsDialog
from ui.tasks import TaskRunner

memory_keyring = test_mail.memory_keyring  # the fixture, shared


@pytest.fixture
def login_server():
    """aiosmtpd asking for a login (ada / s3cret), over a plain connection on 127.0.0.1."""
    recorder = Recorder()

    def authenticator(server, session, envelope, mechanism, auth_data):
        return AuthResult(success=auth_data.login == b"ada" and auth_data.password == b"s3cret", handled=False)

    controller = Controller(
        recorder,
        hostname="127.0.0.1",
        port=free_port(),
        authenticator=authenticator,
        auth_require_tls=False,
    )
    controller.start()
    yield recorder, controller.port
    controller.stop()


@pytest.fixture
def dialog(qtbot, sqlite_database, memory_keyring, gui_thread_queries):
    runner = TaskRunner()
    dialog = SmtpSettingsDialog(sqlite_database, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=10_000)
    yield dialog
    runner.wait()
    assert gui_thread_queries == []


def read(database, what, *args):
    """The test's own look at the database, off the GUI thread (gui_thread_queries watches the dialog's)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(database.query, what, *args).result()


def fill(dialog, port, user="ada", password="s3cret", security="none", host="127.0.0.1"):
    dialog.host.setText(host)
    dialog.security.setCurrentIndex(dialog.security.findData(security))
    dialog.port.setValue(port)
    dialog.user.setText(user)
    dialog.password.setText(password)
    dialog.sender.setText("startups@example.com")


def test_saving_keeps_the_server_in_the_database_and_the_password_in_the_keyring_only(
    qtbot, dialog, memory_keyring, tmp_path
):
    assert dialog.status.text() == "No mail server is set yet."
    fill(dialog, 2525)
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save_button.click()
    settings = read(dialog.database, outbox.outbox_settings)
    assert (settings.smtp_host, settings.smtp_port, settings.smtp_tls, settings.smtp_user) == (
        "127.0.0.1",
        2525,
        "none",
        "ada",
    )
    assert memory_keyring.store == {(mail.KEYRING_SERVICE, "ada@127.0.0.1:2525"): "s3cret"}
    stored = read(dialog.database, lambda uow: [row.value for row in uow.conn.execute(outbox.schema.meta.select())])
    assert not any("s3cret" in (value or "") for value in stored)
    QSettings().sync()
    assert not any("s3cret" in path.read_text(errors="replace") for path in tmp_path.rglob("*.ini"))
    again = SmtpSettingsDialog(dialog.database, dialog.runner)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.save_button.isEnabled(), timeout=10_000)
    assert again.host.text() == "127.0.0.1" and again.port.value() == 2525 and again.user.text() == "ada"
    assert again.password.text() == "" and "stored in the system keyring" in again.password.placeholderText()


def test_the_test_message_reaches_the_server_and_its_answer_shows(qtbot, dialog, login_server):
    recorder, port = login_server
    fill(dialog, port)
    with qtbot.waitSignal(dialog.answered, timeout=20_000) as answered:
        dialog.test_button.click()
    assert answered.args[0] is True
    assert "250 2.0.0 Ok: queued as Q1" in dialog.status.text()
    [arrived] = [message_from_bytes(content, policy=policy.default) for _f, _t, content in recorder.received]
    assert arrived["To"].addresses[0].addr_spec == "startups@example.com"
    assert arrived["Subject"] == "Startup Desk: test message"
    assert read(dialog.database, outbox.outbox_settings).smtp_host == ""  # a test saves nothing


def test_a_wrong_password_is_said_plainly(qtbot, dialog, login_server):
    _recorder, port = login_server
    fill(dialog, port, password="wrong")
    with qtbot.waitSignal(dialog.answered, timeout=20_000) as answered:
        dialog.test_button.click()
    assert answered.args[0] is False
    assert "refused the login of ada" in dialog.status.text()


def test_an_unreachable_server_and_a_bad_name_are_plain_errors(qtbot, dialog):
    closed = free_port()  # nothing listens there
    fill(dialog, closed, user="")
    with qtbot.waitSignal(dialog.answered, timeout=20_000):
        dialog.test_button.click()
    assert dialog.status.text().startswith(f"cannot reach the mail server 127.0.0.1:{closed}")
    assert dialog.save_button.isEnabled()  # the form is usable again
    fill(dialog, 587, user="", host="smtp example com")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "one word" in dialog.status.text(), timeout=10_000)
    assert dialog.isVisible()  # nothing saved, the dialog stays for a correction
    assert read(dialog.database, outbox.outbox_settings).smtp_host == ""


def test_a_server_that_never_answers_holds_up_no_database_read(qtbot, dialog):
    """While the test message waits on a silent server, the window's reads go on."""
    import socket

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)  # takes the connection, never says a word
    try:
        fill(dialog, silent.getsockname()[1], user="")
        dialog.test_timeout = 4.0
        dialog.test_button.click()
        with qtbot.waitSignal(dialog.runner.busy_changed, timeout=3_000, check_params_cb=lambda busy: not busy):
            pass  # the settings were read and the database's worker is free again
        read_back = []
        handle = dialog.runner.run(lambda progress, cancelled: "read", read_back.append, owner=dialog)
        with qtbot.waitSignal(handle.finished, timeout=2_000):
            pass
        assert read_back == ["read"] and "Sending a test message" in dialog.status.text()
        with qtbot.waitSignal(dialog.answered, timeout=15_000) as answer:
            pass
        assert answer.args[0] is False and dialog.save_button.isEnabled()
    finally:
        silent.close()


def test_a_login_without_a_password_anywhere_is_refused(qtbot, dialog):
    fill(dialog, 587, password="")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "type the password of ada" in dialog.status.text(), timeout=10_000)
    assert read(dialog.database, outbox.outbox_settings).smtp_host == ""


def test_the_port_follows_the_security_until_one_is_typed(dialog):
    assert dialog.port.value() == 587
    dialog.security.setCurrentIndex(dialog.security.findData("ssl"))
    assert dialog.port.value() == 465
    dialog.port.setValue(2465)
    dialog.security.setCurrentIndex(dialog.security.findData("starttls"))
    assert dialog.port.value() == 2465
    assert dialog.port.maximum() == 65535 and dialog.port.minimum() == 1


def test_a_server_answer_holding_markup_shows_as_text(dialog):
    from PySide6.QtCore import Qt

    assert dialog.status.textFormat() == Qt.TextFormat.PlainText


def test_the_port_is_checked_where_it_is_saved(sqlite_database):
    from dataclasses import replace

    from models.errors import InvalidInput

    settings = replace(sqlite_database.query(outbox.outbox_settings), smtp_port=70000)
    with pytest.raises(InvalidInput, match="port is a number from 1 to 65535"):
        sqlite_database.run(outbox.save_outbox_settings, outbox.SaveOutboxSettings(settings))


def test_the_outbox_panes_button_opens_it_and_a_saved_server_is_what_send_uses(
    qtbot, sqlite_database, memory_keyring, login_server, gui_thread_queries
):
    from ui.outbox_pane import OutboxPane

    _recorder, port = login_server
    runner = TaskRunner()
    pane = OutboxPane(sqlite_database, runner)
    qtbot.addWidget(pane)
    pane.show()
    pane.server_button.click()
    dialog = pane.findChild(SmtpSettingsDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=10_000)
    fill(dialog, port)
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save_button.click()
    assert not dialog.isVisible()
    transport = read(sqlite_database, lambda uow: mail.transport_from_settings(outbox.outbox_settings(uow)))
    assert (transport.host, transport.port, transport.user, transport.password) == ("127.0.0.1", port, "ada", "s3cret")
    runner.wait()
    assert gui_thread_queries == []
