"""The one window: Applications, Ledger and Deals panes, menus, status bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QUndoGroup,
    QUndoStack,
)
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget

from ui import databases, file_dialogs
from ui.dialogs import show_error
from ui.search_backlog import index_waiting_applications
from ui.tasks import TaskRunner

IMPORTABLE = (".csv", ".txt", ".xlsx", ".xlsm", ".json", ".jsonl")
#: the panes, in their tab order (View → Ctrl+1 …)
PANES = ("&Applications", "&Ledger", "&Deals", "&Outbox")


class MainWindow(QMainWindow):
    """The window paints first and opens its database after: with `database=None` it shows
    "Opening…" and `attach()` brings in the panes (ui/application.py opens the database on
    the worker), so a big or migrating database never delays the first paint."""

    def __init__(self, database=None, parent=None, demo: bool = False):
        super().__init__(parent)
        self.database = None
        self.demo = demo
        self.runner = TaskRunner(self)
        # each pane its own undo history; Edit → Undo follows the pane in view
        self.undo_group = QUndoGroup(self)
        self.pane_stacks = [QUndoStack(self) for _pane in range(len(PANES))]
        for stack in self.pane_stacks:
            self.undo_group.addStack(stack)
        self.undo_group.setActiveStack(self.pane_stacks[0])
        self.print_preview = None
        self.setWindowTitle(self._title())
        self.setAcceptDrops(True)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        opening = QLabel(self.tr("Opening the database…"))
        opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(opening)
        self.busy = QLabel()
        self.statusBar().addPermanentWidget(self.busy)
        self.runner.busy_changed.connect(lambda busy: self.busy.setText(self.tr("Working…") if busy else ""))
        self._menus()
        self.restore_geometry()
        if database is not None:
            self.attach(database)

    def attach(self, database) -> None:
        """Build the panes over an open database (on the GUI thread, after the first paint)."""
        from ui.deals_pane import DealsPane
        from ui.ledger_pane import LedgerPane
        from ui.outbox_pane import OutboxPane
        from ui.queue_pane import QueuePane

        self.database = database
        file_dialogs.protect(database.url)
        databases.remember(database.url)
        self._fill_recent()
        self.setWindowTitle(self._title())
        queue_stack, ledger_stack, deals_stack, outbox_stack = self.pane_stacks
        self.queue = QueuePane(database, self.runner, queue_stack)
        self.tabs.addTab(self.queue, self.tr("&Applications"))
        self.ledger = LedgerPane(database, self.runner, ledger_stack)
        self.tabs.addTab(self.ledger, self.tr("&Ledger"))
        self.deals = DealsPane(database, self.runner, deals_stack)
        self.tabs.addTab(self.deals, self.tr("&Deals"))
        self.outbox = OutboxPane(database, self.runner, outbox_stack)
        self.tabs.addTab(self.outbox, self.tr("&Outbox"))
        self.setCentralWidget(self.tabs)
        self.statusBar().addPermanentWidget(QLabel(database.describe()))
        for pane in (self.queue, self.ledger, self.deals):
            pane.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.ledger.member_deals_requested.connect(self.show_member_deals)
        self.ledger.application_requested.connect(self.show_application)
        self.tabs.currentChanged.connect(self._pane_shown)
        for action in self.queue.actions.values():
            self.decide_menu.addAction(action)
        for action in self.needs_database:
            action.setEnabled(True)
        self.restore_layout()
        self.queue.table.setFocus()
        index_waiting_applications(self)  # what an import left out of the search index, if any

    @property
    def undo_stack(self) -> QUndoStack:
        """The undo history of the pane in view."""
        return self.undo_group.activeStack()

    def _title(self) -> str:
        """What is open: "Demo — /path/demo.sqlite3". Qt adds the program's name after it
        (the application's display name), so it is not repeated here."""
        parts = [self.tr("Demo")] if self.demo else []
        if self.database is not None:
            parts.append(self.database.describe())
        return " — ".join(parts) if parts else self.tr("Startup Desk")

    # ---- menus -------------------------------------------------------------------

    def _action(
        self, text: str, slot, shortcut: QKeySequence | str | None = None, menu=None, database: bool = True
    ) -> QAction:
        """A menu action; those that need the database wait, disabled, until it is open."""
        action = QAction(text, self)
        if database:
            action.setEnabled(self.database is not None)
            self.needs_database.append(action)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        if menu is not None:
            menu.addAction(action)
        return action

    def _menus(self) -> None:
        self.needs_database: list[QAction] = []
        bar = self.menuBar()
        file = bar.addMenu(self.tr("&File"))
        self._action(self.tr("&New database…"), self.new_database, QKeySequence.StandardKey.New, file, database=False)
        self._action(
            self.tr("&Open database…"), self.open_database, QKeySequence.StandardKey.Open, file, database=False
        )
        self.recent_menu = file.addMenu(self.tr("Open &Recent"))
        self._fill_recent()
        file.addSeparator()
        self._action(self.tr("&Import applications…"), self.choose_import, "Ctrl+I", file)
        file.addSeparator()
        self._action(self.tr("&Export…"), lambda: self.open_export(), "Ctrl+E", file)
        self._action(self.tr("&Print acceptance letters…"), self.print_letters, QKeySequence.StandardKey.Print, file)
        self._action(self.tr("Acceptance letter &settings…"), self.letter_settings, None, file)
        self._action(self.tr("&Mail server…"), lambda: self.outbox.smtp_settings(), None, file)
        file.addSeparator()
        self._action(self.tr("&Back up the database…"), self.backup, None, file)
        file.addSeparator()
        self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, file, database=False)

        edit = bar.addMenu(self.tr("&Edit"))
        undo = self.undo_group.createUndoAction(self, self.tr("&Undo"))  # "Undo Adjust light …"
        undo.setShortcut(QKeySequence("Ctrl+Z"))
        redo = self.undo_group.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit.addAction(undo)
        edit.addAction(redo)
        edit.addSeparator()
        self._action(self.tr("&Find"), self.find, QKeySequence.StandardKey.Find, edit)

        view = bar.addMenu(self.tr("&View"))
        names = (self.tr("&Applications"), self.tr("&Ledger"), self.tr("&Deals"), self.tr("&Outbox"))
        for number, name in enumerate(names):
            self._action(name, lambda _=False, n=number: self.show_pane(n), f"Ctrl+{number + 1}", view)
        view.addSeparator()
        self._action(self.tr("&Time to decision…"), self.show_decision_times, None, view)
        self._action(
            self.tr("&Refresh"), lambda: self.queue.after_write(None, 0), QKeySequence.StandardKey.Refresh, view
        )

        self.decide_menu = bar.addMenu(self.tr("&Decide"))  # the queue's actions, once attached

        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(self.tr("&About Startup Desk"), self.about, None, help_menu, database=False)

    def _pane_shown(self, number: int) -> None:
        self.undo_group.setActiveStack(self.pane_stacks[number])
        self.statusBar().clearMessage()  # another pane's count ("72 members") is not this one's
        # a pane reads on the worker when shown: the ledger and the outbox again after decisions
        if (pane := self.tabs.widget(number)) in (self.ledger, self.deals, self.outbox):
            pane.refresh()

    def reload(self) -> None:
        """After a write no pane made (the demo data): the queue and the pane in view read again."""
        self.queue.after_write(None, 0)
        self._pane_shown(self.tabs.currentIndex())

    def show_decision_times(self):
        """Time from application to decision, by month and partner: a table and a chart."""
        from PySide6.QtWidgets import QDialog, QVBoxLayout

        from ui.decision_times_view import DecisionTimesView

        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Time to decision"))
        view = DecisionTimesView(self.database, self.runner, dialog)
        QVBoxLayout(dialog).addWidget(view)
        dialog.resize(900, 600)
        dialog.view = view
        view.refresh()
        dialog.open()
        return dialog

    def show_application(self, application: int) -> None:
        """An application opened from elsewhere (the what-if's list): the queue shows it, Back returns."""
        self.show_pane(0)
        self.queue.open_application(application)

    def show_member_deals(self, workspace: str) -> None:
        self.show_pane(2)
        self.deals.show_member(workspace)

    def show_pane(self, number: int) -> None:
        self.tabs.setCurrentIndex(number)
        if number == 0:
            self.queue.table.setFocus()

    def find(self) -> None:
        self.show_pane(0)
        self.queue.search.setFocus()
        self.queue.search.selectAll()

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Startup Desk"),
            self.tr(
                "<b>Startup Desk</b><br>Triage startup program applications, keep the credit ledger, export billing."
            )
            + (f"<br><br>{self.tr('Database')}: {self.database.describe()}" if self.database else ""),
        )

    # ---- import ------------------------------------------------------------------

    def choose_import(self) -> None:
        """The form's export, from the folder the last import came from."""
        settings = QSettings()
        folder = settings.value("import/folder", str(Path.home()))
        name = file_dialogs.open_file(
            self,
            self.tr("Import applications"),
            folder,
            self.tr("Applications (*.csv *.txt *.xlsx *.xlsm *.json *.jsonl);;All files (*)"),
        )
        if name:
            settings.setValue("import/folder", str(Path(name).parent))
            self.open_import(Path(name))

    def open_import(self, path: Path):
        from ui.import_dialog import ImportDialog

        if file_dialogs.refuse_database_file(self, str(path)) is None:
            return None
        dialog = ImportDialog(self.database, self.runner, path, self)
        dialog.imported.connect(self.imported)
        dialog.open()
        return dialog

    def imported(self, report) -> None:
        self.queue.after_write(None, 0)
        index_waiting_applications(self)
        text = self.tr("Imported %d applications; %d already imported; %d invalid rows left out.") % (
            report.imported,
            report.duplicates,
            report.invalid_rows,
        )
        if report.flagged:
            text += " " + self.tr("%d flagged as possible duplicates.") % report.flagged
        self.statusBar().showMessage(text, 15000)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.database is not None and any(
            url.toLocalFile().lower().endswith(IMPORTABLE) for url in event.mimeData().urls()
        ):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            if url.toLocalFile().lower().endswith(IMPORTABLE):
                self.open_import(Path(url.toLocalFile()))
                event.acceptProposedAction()
                return

    # ---- exports and letters -----------------------------------------------------------

    def open_export(self, kind: int | None = None):
        from ui.export_dialog import ADJUSTMENTS, LETTERS, ExportDialog

        accepted = self.queue.selected_accepted_ids()
        if kind is None:
            kind = LETTERS if self.tabs.currentWidget() is self.queue and accepted else ADJUSTMENTS
        dialog = ExportDialog(self.database, self.runner, kind, accepted, self)
        dialog.open()
        return dialog

    def letter_settings(self):
        from ui.letters_dialog import LetterSettingsDialog

        dialog = LetterSettingsDialog(self.database, self.runner, self)
        dialog.open()
        return dialog

    def print_letters(self) -> None:
        from ui.printing import print_letters

        print_letters(self)

    # ---- backup ------------------------------------------------------------------

    def backup(self) -> None:
        name = file_dialogs.save_file(
            self,
            self.tr("Back up the database"),
            str(Path.home() / "startup-desk-backup.sqlite3"),
            "SQLite (*.sqlite3)",
        )
        if not name:
            return
        from app.backup import backup

        url = self.database.url

        def done(path) -> None:
            self.statusBar().showMessage(self.tr("Backup written to %s") % path, 15000)
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).parent)))

        def failed(error) -> None:
            show_error(self, self.tr("Backup failed"), error)

        self.runner.run(lambda progress, cancelled: backup(url, name), done, failed, owner=self)

    # ---- which database ----------------------------------------------------------

    def new_database(self) -> None:
        url = databases.choose_new(self)
        if url:
            self.switch_to(url)

    def open_database(self) -> None:
        url = databases.choose_existing(self)
        if url:
            self.switch_to(url)

    def switch_to(self, url: str):
        """A window on `url`; this one closes once that database is open (if it is refused,
        this window stays as it was)."""
        from ui.application import open_database_window

        actor = self.database.actor if self.database is not None else None
        window = open_database_window(url, actor, replacing=self)
        window.show()
        return window

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        current = databases.storable(self.database.url) if self.database is not None else None
        for url in databases.recent():
            if url != current:
                self.recent_menu.addAction(databases.label(url), lambda u=url: self.switch_to(u))
        self.recent_menu.setEnabled(not self.recent_menu.isEmpty())

    # ---- layout memory -----------------------------------------------------------

    def restore_geometry(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 820)
        state = settings.value("window/state")
        if state is not None:
            self.restoreState(state)

    def restore_layout(self) -> None:
        """The panes' layout, as last left on this database: splitter, columns, the pane shown."""
        settings = QSettings()
        settings.beginGroup(databases.settings_prefix(self.database.url))
        splitter = settings.value("queue/splitter")
        if splitter is not None:
            self.queue.splitter.restoreState(splitter)
        header = settings.value("queue/header")
        if header is not None:
            self.queue.table.horizontalHeader().restoreState(header)
        self.tabs.setCurrentIndex(int(settings.value("window/pane", 0)))

    def save_layout(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        if self.database is None:  # closed before the database opened: no panes to remember
            return
        settings.beginGroup(databases.settings_prefix(self.database.url))
        settings.setValue("window/pane", self.tabs.currentIndex())
        settings.setValue("queue/splitter", self.queue.splitter.saveState())
        settings.setValue("queue/header", self.queue.table.horizontalHeader().saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self.runner.wait()
        super().closeEvent(event)
