"""File → Export…: billing adjustments, statements and acceptance letters, with progress and cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.services import exports
from ui import file_dialogs
from ui.dialogs import show_error
from ui.tasks import TaskHandle, TaskRunner

ADJUSTMENTS, STATEMENTS, LETTERS = range(3)


def documents_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder and Path(folder).is_dir() else Path.home()


class ExportDialog(QDialog):
    """One dialog for the three exports; the work runs on the task runner, the dialog stays live."""

    exported = Signal(object)  # the ExportResult

    def __init__(
        self,
        database,
        runner: TaskRunner,
        kind: int = ADJUSTMENTS,
        selected: list[int] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.database, self.runner, self.selected = database, runner, selected or []
        self.handle: TaskHandle | None = None
        self.result = None
        self.setWindowTitle(self.tr("Export"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.kind = QComboBox()
        self.kind.addItems(
            [self.tr("Billing adjustments"), self.tr("Credit statements"), self.tr("Acceptance letters")]
        )
        form.addRow(self.tr("&Export"), self.kind)
        self.month = QComboBox()  # filled from the database on the worker (`_loaded`)
        self.month.setAccessibleName(self.tr("Month"))
        form.addRow(self.tr("&Month (closed)"), self.month)
        layout.addLayout(form)

        self.options = QStackedWidget()
        self.csv = QCheckBox(self.tr("CSV for billing systems instead of an Excel workbook"))
        self.options.addWidget(self.csv)
        statement = QWidget()
        statement_form = QFormLayout(statement)
        self.workspace = QLineEdit()
        self.workspace.setPlaceholderText(self.tr("blank: every member in one workbook; a workspace: its one-page PDF"))
        statement_form.addRow(self.tr("&Workspace"), self.workspace)
        self.options.addWidget(statement)
        letters = QWidget()
        letters_layout = QVBoxLayout(letters)
        self.only_selected = QRadioButton(self.tr("The %d selected accepted applications") % len(self.selected))
        self.all_pending = QRadioButton(self.tr("Every accepted application without a letter yet"))
        (self.only_selected if self.selected else self.all_pending).setChecked(True)
        self.only_selected.setEnabled(bool(self.selected))
        self.combined = QRadioButton(self.tr("One combined PDF, for printing"))
        self.each = QRadioButton(self.tr("One PDF per member, in a folder"))
        self.combined.setChecked(True)
        self.groups = [QButtonGroup(self), QButtonGroup(self)]  # which letters; how many files
        for group, buttons in zip(self.groups, ((self.only_selected, self.all_pending), (self.combined, self.each))):
            for button in buttons:
                group.addButton(button)
        self.drafts = QCheckBox(self.tr("With an e-mail draft (.eml) per member, the letter attached"))
        self.drafts.setEnabled(False)
        self.each.toggled.connect(self.drafts.setEnabled)
        for widget in (self.only_selected, self.all_pending, self.combined, self.each, self.drafts):
            letters_layout.addWidget(widget)
        self.options.addWidget(letters)
        layout.addWidget(self.options)

        target = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("Save to"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self.browse)
        target.addWidget(QLabel(self.tr("Save to")))
        target.addWidget(self.path, 1)
        target.addWidget(browse)
        layout.addLayout(target)

        self.progress = QProgressBar()
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox()
        self.run_button = self.buttons.addButton(self.tr("E&xport"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button = self.buttons.addButton(self.tr("&Open"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setVisible(False)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.run_button.clicked.connect(self.start)
        self.open_button.clicked.connect(self.open_result)
        self.cancel_button.clicked.connect(self.cancel_or_close)
        layout.addWidget(self.buttons)

        for signal in (
            self.kind.currentIndexChanged,
            self.month.currentIndexChanged,
            self.csv.toggled,
            self.each.toggled,
        ):
            signal.connect(self.suggest_path)
        self.workspace.editingFinished.connect(self.suggest_path)
        self.kind.currentIndexChanged.connect(self.options.setCurrentIndex)
        self.kind.setCurrentIndex(kind)
        self.options.setCurrentIndex(kind)
        self.suggest_path()
        self.resize(620, self.sizeHint().height())
        self.run_button.setEnabled(False)  # until the closed months are known
        self.loading = runner.run(
            lambda progress, cancelled: (
                database.query(exports.closed_months),
                database.query(exports.letters_pending),
            ),
            self._loaded,
            lambda error: show_error(self, self.tr("Export"), error),
            owner=self,
        )

    def _loaded(self, found) -> None:
        months, pending = found
        self.month.addItems(months)
        self.all_pending.setText(self.tr("Every accepted application without a letter yet (%d)") % pending)
        self.run_button.setEnabled(True)

    # ---- choices -----------------------------------------------------------------------

    def suggest_path(self) -> None:
        month = self.month.currentText()
        kind = self.kind.currentIndex()
        self.month.setEnabled(kind != LETTERS)
        if kind == ADJUSTMENTS:
            name = f"billing-adjustments-{month}.{'csv' if self.csv.isChecked() else 'xlsx'}"
        elif kind == STATEMENTS:
            workspace = self.workspace.text().strip()
            name = f"statement-{month}-{workspace}.pdf" if workspace else f"credit-statements-{month}.xlsx"
        else:
            name = "acceptance-letters" if self.each.isChecked() else "acceptance-letters.pdf"
        folder = Path(self.path.text()).parent if self.path.text() else documents_folder()
        self.path.setText(str(folder / name))

    def browse(self) -> None:
        if self.kind.currentIndex() == LETTERS and self.each.isChecked():
            name = file_dialogs.existing_folder(self, self.tr("Folder for the letters"), self.path.text())
        else:
            name = file_dialogs.save_file(self, self.tr("Export to"), self.path.text())
        if name:
            self.path.setText(name)

    # ---- the work --------------------------------------------------------------------------

    def work(self):
        """The export as a task function, built from the choices on the GUI thread."""
        database, target, month = self.database, Path(self.path.text().strip()), self.month.currentText()
        kind = self.kind.currentIndex()
        if kind == ADJUSTMENTS:
            return lambda progress, cancelled: database.run(
                exports.export_adjustments, exports.ExportAdjustments(month, target, progress, cancelled)
            )
        if kind == STATEMENTS:
            workspace = self.workspace.text().strip() or None
            return lambda progress, cancelled: database.run(
                exports.export_statements, exports.ExportStatements(month, target, workspace, progress, cancelled)
            )
        refs = tuple(self.selected) if self.only_selected.isChecked() else None
        drafts = self.each.isChecked() and self.drafts.isChecked()
        return lambda progress, cancelled: database.run(
            exports.export_letters,
            exports.ExportLetters(refs, target, drafts, progress=progress, cancelled=cancelled),
        )

    def start(self) -> None:
        if self.kind.currentIndex() != LETTERS and not self.month.currentText():
            self.message.setText(self.tr("No month is closed yet: close a month in the Ledger pane first."))
            return
        self.result = None
        self.open_button.setVisible(False)
        self.run_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Cancel"))
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.message.setText(self.tr("Exporting…"))
        self.handle = self.runner.run(self.work(), self.succeeded, self.failed, owner=self)
        self.handle.progressed.connect(self.progressed)
        self.handle.finished.connect(self.task_ended)

    def progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def succeeded(self, result) -> None:
        self.result = result
        files = result.files
        shown = str(files[0]) if len(files) == 1 else self.tr("%d files in %s") % (len(files), files[0].parent)
        self.message.setText(self.tr("Written: %s") % shown)
        self.open_button.setVisible(True)
        self.exported.emit(result)

    def failed(self, error: Exception) -> None:
        self.message.setText(str(error))
        from app.errors import Cancelled

        if not isinstance(error, Cancelled):
            show_error(self, self.tr("Export failed"), error)

    def task_ended(self) -> None:
        self.handle = None
        self.progress.setVisible(False)
        self.run_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Close"))

    def cancel_or_close(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
            self.message.setText(self.tr("Cancelling…"))
        else:
            self.reject()

    def open_result(self) -> None:
        if self.result is not None:
            first = self.result.files[0]
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(first if len(self.result.files) == 1 else first.parent)))
