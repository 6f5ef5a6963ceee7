"""The Outbox pane (SPEC 9): counts, the messages, a preview to read and edit, hold, discard,
regenerate, and sending as a batch with progress and cancel. Every read and write runs on
the task runner; the GUI thread holds plain rows only."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import mail
from app.services import followups, outbox
from ui import file_dialogs
from ui.dialogs import confirm, show_error
from ui.outbox_model import OutboxTableModel, log_text, status_label
from ui.tasks import TaskHandle, TaskRunner
from ui.undo import TaskCommand

STATUSES = ("draft", "held", "sent", "failed", "discarded")


class OutboxPane(QWidget):
    """Drafts made by decisions, read and changed here, sent in a batch the person starts."""

    loaded_changed = Signal()

    def __init__(self, database, runner: TaskRunner, undo_stack: QUndoStack | None = None, parent=None):
        super().__init__(parent)
        self.database, self.runner = database, runner
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self.loaded = False
        self.counts: dict[str, int] = {}
        self.overdue: list[dict] = []
        self.current: dict | None = None
        self.sending: TaskHandle | None = None

        self.summary = QLabel()
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All messages"), None)
        for status in STATUSES:
            self.status_filter.addItem(status_label(status), status)
        self.status_filter.setAccessibleName(self.tr("Show messages in this state"))
        self.status_filter.currentIndexChanged.connect(lambda _i: self.refresh())

        self.model = OutboxTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(OutboxTableModel.SUBJECT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((OutboxTableModel.ID, 56), (OutboxTableModel.STATUS, 70), (OutboxTableModel.KIND, 110)):
            self.table.setColumnWidth(column, width)
        self.table.setColumnWidth(OutboxTableModel.TO, 230)
        self.table.setWordWrap(False)  # one line a message: a long address or subject is elided
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

        self.to_label, self.error_label, self.log_label = QLabel(), QLabel(), QLabel()
        for label in (self.error_label, self.log_label):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)  # a server's answer, as it came
        self.subject = QLineEdit()
        self.subject.setAccessibleName(self.tr("Subject"))
        self.body = QPlainTextEdit()
        self.body.setAccessibleName(self.tr("Message"))
        self.save_button = QPushButton(self.tr("&Save changes"))
        self.save_button.clicked.connect(self.save_edit)
        preview = QWidget()
        preview_layout = QVBoxLayout(preview)
        for widget in (self.to_label, self.subject, self.body, self.error_label, self.log_label, self.save_button):
            preview_layout.addWidget(widget)

        self.hold_button = QPushButton(self.tr("&Hold"))
        self.release_button = QPushButton(self.tr("Re&lease"))
        self.discard_button = QPushButton(self.tr("&Discard"))
        self.retry_button = QPushButton(self.tr("Re&try"))
        for button, action in (
            (self.hold_button, "hold"),
            (self.release_button, "release"),
            (self.discard_button, "discard"),
            (self.retry_button, "retry"),
        ):
            button.clicked.connect(lambda _checked=False, a=action: self.change_status(a))
        self.include_edited = QCheckBox(self.tr("including edited drafts"))
        self.regenerate_button = QPushButton(self.tr("Re&generate drafts"))
        self.regenerate_button.clicked.connect(lambda: self.regenerate(self.include_edited.isChecked()))
        self.overdue_label = QLabel()
        self.reminders_button = QPushButton(self.tr("Make due &reminders"))
        self.reminders_button.clicked.connect(self.make_reminders)
        self.withdraw_button = QPushButton(self.tr("&Withdraw overdue (no answer)…"))
        self.withdraw_button.clicked.connect(self.withdraw_overdue)
        self.templates_button = QPushButton(self.tr("&Templates…"))
        self.templates_button.clicked.connect(self.edit_templates)
        self.send_button = QPushButton(self.tr("S&end drafts"))
        self.send_button.clicked.connect(self.send_with_server)
        self.eml_button = QPushButton(self.tr("Write as .&eml files…"))
        self.eml_button.clicked.connect(self._ask_eml_folder)
        self.server_button = QPushButton(self.tr("&Mail server…"))
        self.server_button.clicked.connect(self.smtp_settings)
        self.cancel_button = QPushButton(self.tr("&Cancel sending"))
        self.cancel_button.clicked.connect(self.cancel_sending)
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.send_report = QLabel()

        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        for widget in (self.overdue_label, self.reminders_button, self.withdraw_button):
            top.addWidget(widget)
        top.addWidget(self.status_filter)
        actions = QHBoxLayout()
        for widget in (self.hold_button, self.release_button, self.discard_button, self.retry_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        for widget in (self.include_edited, self.regenerate_button, self.templates_button):
            actions.addWidget(widget)
        sending = QHBoxLayout()
        for widget in (self.send_button, self.server_button, self.eml_button, self.cancel_button, self.progress):
            sending.addWidget(widget)
        sending.addWidget(self.send_report, 1)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(preview)
        splitter.setSizes([700, 560])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)
        layout.addLayout(sending)
        self._show(None)

    # ---- reading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        database, status = self.database, self.status_filter.currentData()
        keep = self.current["id"] if self.current else None

        def work(progress, cancelled):
            late = database.query(followups.overdue)
            return database.query(outbox.counts), database.query(outbox.messages, status), late

        self.runner.run(
            work,
            lambda result: self._loaded(*result, keep),
            lambda error: show_error(self, self.tr("Cannot read the outbox"), error),
            owner=self,
        )

    def _loaded(self, counts: dict, rows: list[dict], late: list[dict], keep: int | None) -> None:
        self.counts, self.overdue = counts, late
        self.overdue_label.setText(self.tr("%n application(s) overdue", "", len(late)))
        self.withdraw_button.setEnabled(bool(late))
        self.summary.setText(
            " · ".join(
                self.tr("%n %1", "", counts.get(status, 0)).replace("%1", status_label(status)) for status in STATUSES
            )
        )
        self.model.set_rows(rows)
        if self.sending is None:  # nothing to send: say so by the buttons
            self.send_button.setEnabled(counts.get("draft", 0) > 0)
            self.eml_button.setEnabled(counts.get("draft", 0) > 0)
        self.loaded = True
        self.loaded_changed.emit()
        ids = [row["id"] for row in rows]
        if keep in ids:
            self.table.selectRow(ids.index(keep))
        else:
            self._show(None)

    def _current_changed(self, current: QModelIndex, _previous=None) -> None:
        if not current.isValid():
            self._show(None)
            return
        message, database = self.model.rows[current.row()]["id"], self.database
        self.runner.run(
            lambda progress, cancelled: database.query(outbox.message, message),
            self._show,
            lambda error: show_error(self, self.tr("Cannot read the message"), error),
            owner=self,
        )

    def _show(self, message: dict | None) -> None:
        self.current = message
        editable = message is not None and message["status"] in ("draft", "held", "failed")
        self.to_label.setText(
            self.tr("To: %1 <%2>").replace("%1", message["to_name"]).replace("%2", message["to_address"])
            if message
            else ""
        )
        self.subject.setText(message["subject"] if message else "")
        self.body.setPlainText(message["body"] if message else "")
        # with nothing selected, the empty editor says what it is for (as the Deals pane does)
        self.body.setPlaceholderText("" if message else self.tr("Select a message to read or edit it."))
        self.error_label.setText(message["error"] or "" if message else "")
        self.log_label.setText(log_text(message.get("log", [])) if message else "")
        self.subject.setReadOnly(not editable)  # a sent message stays readable, not greyed out
        self.body.setReadOnly(not editable)
        self.save_button.setEnabled(editable)
        status = message["status"] if message else None
        self.hold_button.setEnabled(status == "draft")
        self.release_button.setEnabled(status == "held")
        self.discard_button.setEnabled(editable)
        self.retry_button.setEnabled(status == "failed")

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.rows[row]["id"] for row in rows]

    # ---- changing ---------------------------------------------------------------------------

    def _write(self, title: str, work, after=None) -> None:
        def done(result):
            if after is not None:
                after(result)
            self.refresh()

        self.runner.run(
            lambda progress, cancelled: work(), done, lambda error: show_error(self, title, error), owner=self
        )

    def save_edit(self) -> None:
        if self.current is None:
            return
        command = outbox.EditMessage(
            self.current["id"], self.subject.text(), self.body.toPlainText(), self.current["version"]
        )
        database = self.database
        self._write(self.tr("Cannot save the message"), lambda: database.run(outbox.edit_message, command))

    def change_status(self, action: str) -> None:
        ids = tuple(self.selected_ids() or ([self.current["id"]] if self.current else []))
        if not ids:
            return
        if action == "discard" and not confirm(
            self, self.tr("Discard"), self.tr("Discard %n message(s)? They will not be sent.", "", len(ids))
        ):
            return
        database = self.database

        def work():
            return database.run(outbox.change_status, outbox.ChangeStatus(ids, action))

        undo = {"hold": "release", "release": "hold"}.get(action)

        def after(_result):
            if undo is None:
                return

            def undo_work():
                database.run(outbox.change_status, outbox.ChangeStatus(ids, undo))
                return redo_work

            def redo_work():
                database.run(outbox.change_status, outbox.ChangeStatus(ids, action))
                return undo_work

            text = self.tr("%1 %n message(s)", "", len(ids)).replace("%1", action)
            self.undo_stack.push(TaskCommand(self.runner, self, text, undo_work, redo_work, lambda _r: self.refresh()))

        self._write(self.tr("Cannot change the messages"), work, after)

    def make_reminders(self) -> None:
        database = self.database
        self._write(
            self.tr("Cannot make the reminders"),
            lambda: database.run(followups.make_reminders, followups.MakeReminders()),
            lambda made: self.send_report.setText(self.tr("%n reminder draft(s) made", "", len(made))),
        )

    def withdraw_overdue(self) -> None:
        late = tuple(row["id"] for row in self.overdue)
        if not late or not confirm(
            self,
            self.tr("Withdraw overdue"),
            self.tr(
                'Withdraw %n application(s) that did not answer in time, with the reason "no answer"?', "", len(late)
            ),
        ):
            return
        database = self.database
        self._write(
            self.tr("Cannot withdraw"),
            lambda: database.run(followups.withdraw_overdue, followups.WithdrawOverdue(late)),
            lambda done: self.send_report.setText(self.tr("%n withdrawn; their messages are drafts", "", len(done))),
        )

    def regenerate(self, include_edited: bool = False) -> None:
        database = self.database
        command = outbox.Regenerate(include_edited=include_edited)
        self._write(
            self.tr("Cannot regenerate the drafts"),
            lambda: database.run(outbox.regenerate, command),
            lambda report: self.send_report.setText(
                self.tr("%1 regenerated, %2 edited kept")
                .replace("%1", str(report["regenerated"]))
                .replace("%2", str(report["kept_edited"]))
            ),
        )

    def edit_templates(self):
        """The template editor, beside the pane; drafts it regenerates show when it saves."""
        from ui.message_templates_dialog import MessageTemplatesDialog

        dialog = MessageTemplatesDialog(self.database, self.runner, self)
        dialog.saved.connect(lambda _kind, _language: self.refresh())
        dialog.show()
        return dialog

    def smtp_settings(self):
        """The mail server dialog (window-modal, not blocking)."""
        from ui.smtp_settings_dialog import SmtpSettingsDialog

        dialog = SmtpSettingsDialog(self.database, self.runner, self)
        dialog.open()
        return dialog

    # ---- sending ----------------------------------------------------------------------------

    def send_with_server(self) -> None:
        database = self.database

        def transport():  # on the worker: the keyring may ask the system
            return mail.transport_from_settings(database.query(outbox.outbox_settings))

        self.send(transport)

    def _ask_eml_folder(self) -> None:
        folder = file_dialogs.existing_folder(self, self.tr("Write the drafts as .eml files into"), "")
        if folder:
            self.send_eml(folder)

    def send_eml(self, folder: str) -> None:
        from pathlib import Path

        self.send(lambda: mail.EmlFolder(Path(folder)))

    def send(self, make_transport) -> None:
        """The batch on the worker, its progress shown here; Cancel stops it between messages."""
        database = self.database

        def work(progress, cancelled):
            return mail.send_outbox(database, make_transport(), progress=progress, cancelled=cancelled)

        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.cancel_button.setEnabled(True)
        self.send_button.setEnabled(False)
        self.eml_button.setEnabled(False)
        self.send_report.setText(self.tr("Sending…"))
        self.sending = self.runner.run(work, self._sent, self._send_failed, owner=self)
        self.sending.progressed.connect(self._progressed)
        self.sending.finished.connect(self._sending_over)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def cancel_sending(self) -> None:
        if self.sending is not None:
            self.sending.cancel()

    def _sent(self, report) -> None:
        text = self.tr("Sent %1, failed %2").replace("%1", str(len(report.sent))).replace("%2", str(len(report.failed)))
        if report.stopped:
            text += self.tr(" (stopped: %1; send again to go on)").replace("%1", report.stopped)
        self.send_report.setText(text)

    def _send_failed(self, error) -> None:
        self.send_report.setText(self.tr("Nothing was sent: the outbox waits"))
        show_error(self, self.tr("Cannot send"), error)

    def _sending_over(self) -> None:
        self.sending = None
        self.cancel_button.setEnabled(False)
        self.send_button.setEnabled(True)
        self.eml_button.setEnabled(True)
        self.progress.setVisible(False)
        self.refresh()
