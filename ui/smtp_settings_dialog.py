"""The mail server (SPEC 9), set in the window: host, port, security, login and sender; the
password goes to the system keyring (app.mail), never to the database or QSettings. "Send test
message" sends one message to the sender with what is typed and shows the server's answer.
Every read, write and test runs on the task runner; what goes wrong shows as plain text."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import mail
from app.errors import explain
from ui.tasks import TaskRunner, network_runner

#: the port each kind of security usually has; switching security moves a port that was one of these
USUAL_PORTS = {"starttls": 587, "ssl": 465, "none": 25}


class SmtpSettingsDialog(QDialog):
    """Set once for the team: the server the outbox sends through."""

    loaded = Signal()
    saved = Signal()
    answered = Signal(bool, str)  # the test: (the server took it, its answer or what went wrong)
    test_timeout = 15.0  # seconds a silent server is waited for

    def __init__(self, database, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.database, self.runner = database, runner
        self.password_stored = False
        self.setWindowTitle(self.tr("Mail server"))
        self.host = QLineEdit()
        self.host.setPlaceholderText(self.tr("smtp.example.com"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(USUAL_PORTS["starttls"])
        self.security = QComboBox()
        for label, value in (
            (self.tr("STARTTLS (usually port 587)"), "starttls"),
            (self.tr("SSL/TLS (usually port 465)"), "ssl"),
            (self.tr("None: unencrypted (local servers only)"), "none"),
        ):
            self.security.addItem(label, value)
        self.security.currentIndexChanged.connect(self._security_changed)
        self._security = "starttls"
        self.user = QLineEdit()
        self.user.setPlaceholderText(self.tr("none: the server needs no login"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.sender = QLineEdit()
        self.sender.setPlaceholderText(self.tr("startups@example.com"))
        form = QFormLayout()
        form.addRow(self.tr("&Server"), self.host)
        form.addRow(self.tr("&Port"), self.port)
        form.addRow(self.tr("S&ecurity"), self.security)
        form.addRow(self.tr("&User"), self.user)
        form.addRow(self.tr("Pass&word"), self.password)
        form.addRow(self.tr("Sen&der address"), self.sender)
        note = QLabel(self.tr("The password is kept in the system keyring, never in the database or a settings file."))
        note.setWordWrap(True)
        note.setStyleSheet("color: gray")
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # a server's answer is shown as it came
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setMinimumHeight(self.status.fontMetrics().height() * 3)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.test_button = buttons.addButton(self.tr("Send &test message"), QDialogButtonBox.ButtonRole.ActionRole)
        self.test_button.clicked.connect(self.send_test)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())
        self._busy(True)  # saving before the stored settings arrive would blank them
        self.status.setText(self.tr("Reading the settings…"))
        runner.run(lambda progress, cancelled: database.query(mail.smtp_setup), self._fill, self._failed, owner=self)

    def _busy(self, busy: bool) -> None:
        for widget in (self.host, self.port, self.security, self.user, self.password, self.sender):
            widget.setEnabled(not busy)
        self.test_button.setEnabled(not busy)
        self.save_button.setEnabled(not busy)

    def _fill(self, result) -> None:
        settings, stored = result
        self.host.setText(settings.smtp_host)
        self.security.setCurrentIndex(max(0, self.security.findData(settings.smtp_tls)))
        self.port.setValue(settings.smtp_port)
        self.user.setText(settings.smtp_user)
        self.sender.setText(settings.from_address)
        self.password_stored = stored
        self.password.setPlaceholderText(
            self.tr("stored in the system keyring: type to change it") if stored else self.tr("not stored yet")
        )
        self._busy(False)
        self.status.setText("" if settings.smtp_host else self.tr("No mail server is set yet."))
        self.loaded.emit()

    def _security_changed(self, _index: int) -> None:
        security = self.security.currentData()
        if self.port.value() == USUAL_PORTS.get(self._security):
            self.port.setValue(USUAL_PORTS[security])
        self._security = security

    def setup(self) -> mail.SmtpSetup:
        return mail.SmtpSetup(
            host=self.host.text(),
            port=self.port.value(),
            tls=self.security.currentData(),
            user=self.user.text(),
            from_address=self.sender.text(),
            password=self.password.text() or None,
        )

    def _failed(self, error) -> None:
        self._busy(False)
        self.status.setText(explain(error)[0])

    def send_test(self) -> None:
        database, setup = self.database, self.setup()

        def answered(answer: str) -> None:
            self._busy(False)
            self.status.setText(
                self.tr("The server took the test message for %1: %2")
                .replace("%1", setup.from_address)
                .replace("%2", answer)
            )
            self.answered.emit(True, answer)

        def refused(error) -> None:
            self._failed(error)
            self.answered.emit(False, self.status.text())

        self._busy(True)
        self.status.setText(self.tr("Sending a test message to %1…").replace("%1", setup.from_address))

        def send(prepared) -> None:  # the server's part, apart from the database's worker
            network_runner().run(
                lambda progress, cancelled: mail.send_prepared_test(prepared), answered, refused, owner=self
            )

        timeout = self.test_timeout
        self.runner.run(
            lambda progress, cancelled: mail.prepare_test_message(database, setup, timeout=timeout),
            send,
            refused,
            owner=self,
        )

    def save(self) -> None:
        database, setup = self.database, self.setup()

        def done(_settings) -> None:
            self._busy(False)
            self.saved.emit()
            self.accept()

        self._busy(True)
        self.status.setText(self.tr("Saving…"))
        self.runner.run(lambda progress, cancelled: database.run(mail.save_smtp, setup), done, self._failed, owner=self)
