"""File → Import applications: choose or edit a column mapping, look at the first
rows and every row's problems, then import with progress and cancel."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.importing.applications import REQUIRED, TARGETS, suggest_mapping
from app.importing.mapping import Mapping
from app.importing.tabular import read_table
from app.services.imports import ImportApplications, import_applications, preview_applications
from app.services.mappings import SaveMapping, find_mapping, mapping_names, save_mapping
from ui.dialogs import ask_text, show_error
from ui.tasks import TaskRunner

AUTOMATIC = ""
ENCODINGS = ["", "utf-8", "cp1252", "mac_roman", "latin-1"]


class ImportDialog(QDialog):
    imported = Signal(object)  # the ImportReport

    def __init__(self, database, runner: TaskRunner, path: Path, parent=None):
        super().__init__(parent)
        self.database, self.runner, self.path = database, runner, Path(path)
        self.setWindowTitle(self.tr("Import applications — %s") % self.path.name)
        self.header: list[str] = []
        self.task = None
        self.previewing = None  # the preview under way; a newer one cancels it
        self._build()
        self.preview_timer = QTimer(self, singleShot=True, interval=300)
        self.preview_timer.timeout.connect(self.refresh_preview)
        self._load_mapping(AUTOMATIC)
        self.resize(1100, 720)

    # ---- layout ------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.mapping_box = QComboBox()
        self.mapping_box.setAccessibleName(self.tr("Column mapping"))
        self.mapping_box.addItem(self.tr("The form's own columns"), AUTOMATIC)
        database = self.database
        self.runner.run(lambda progress, cancelled: database.query(mapping_names), self._add_mapping_names, owner=self)
        self.mapping_box.currentIndexChanged.connect(lambda _: self._load_mapping(self.mapping_box.currentData()))
        save = QPushButton(self.tr("Save mapping as…"))
        save.clicked.connect(self.save_mapping)
        top.addWidget(QLabel(self.tr("Mapping:")))
        top.addWidget(self.mapping_box, 1)
        top.addWidget(save)
        layout.addLayout(top)

        options = QFormLayout()
        self.encoding = QComboBox()
        for encoding in ENCODINGS:
            self.encoding.addItem(encoding or self.tr("automatic (UTF-8 or cp1252)"), encoding)
        self.encoding.currentIndexChanged.connect(self.schedule_preview)
        self.date_format = QLineEdit()
        self.date_format.setPlaceholderText(self.tr("ISO dates (YYYY-MM-DD); or e.g. %d/%m/%Y"))
        self.date_format.textChanged.connect(self.schedule_preview)
        self.strict = QCheckBox(self.tr("Import nothing if any row is invalid"))
        options.addRow(self.tr("Encoding:"), self.encoding)
        options.addRow(self.tr("Date format:"), self.date_format)
        options.addRow("", self.strict)
        layout.addLayout(options)

        splitter = QSplitter(Qt.Orientation.Vertical)
        upper = QSplitter(Qt.Orientation.Horizontal)
        self.fields = QTableWidget(len(TARGETS), 1)
        self.fields.setAccessibleName(self.tr("Column mapping: form column to file column or template"))
        self.fields.setVerticalHeaderLabels([t + (" *" if t in REQUIRED else "") for t in TARGETS])
        self.fields.setHorizontalHeaderLabels([self.tr("From the file ({column}, {column|filter} or text)")])
        self.fields.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.fields.itemChanged.connect(self.schedule_preview)
        upper.addWidget(self.fields)
        self.errors = QListWidget()
        self.errors.setAccessibleName(self.tr("Problems by row"))
        upper.addWidget(self.errors)
        upper.setSizes([450, 550])
        splitter.addWidget(upper)
        self.preview = QTableWidget(0, len(TARGETS))
        self.preview.setAccessibleName(self.tr("Preview of the first rows"))
        self.preview.setHorizontalHeaderLabels(list(TARGETS))
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        splitter.addWidget(self.preview)
        layout.addWidget(splitter, 1)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.columns_label = QLabel()
        self.columns_label.setWordWrap(True)
        self.columns_label.setStyleSheet("color: gray")
        layout.addWidget(self.columns_label)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self.cancel)
        layout.addWidget(self.buttons)

    # ---- the mapping -------------------------------------------------------------

    def current_mapping(self) -> Mapping:
        fields = {}
        for row, target in enumerate(TARGETS):
            item = self.fields.item(row, 0)
            if item and item.text().strip():
                fields[target] = item.text().strip()
        return Mapping(
            fields=fields,
            encoding=self.encoding.currentData() or None,
            date_format=self.date_format.text().strip() or None,
            delimiter=self._delimiter,
        )

    def _add_mapping_names(self, names: list[str]) -> None:
        self.mapping_box.blockSignals(True)
        for name in names:
            if self.mapping_box.findData(name) < 0:
                self.mapping_box.addItem(name, name)
        self.mapping_box.blockSignals(False)

    def _load_mapping(self, name: str) -> None:
        """The mapping (from the database) and the file's header (from the file), read on the worker."""
        database, path = self.database, self.path

        def work(progress, cancelled):
            mapping = database.query(find_mapping, name) if name else Mapping()
            return mapping, read_table(path, mapping.encoding, mapping.delimiter)

        self.runner.run(
            work,
            lambda found: self._show_mapping(*found),
            lambda exc: show_error(self, self.tr("Cannot read the file"), exc),
            owner=self,
        )

    def _show_mapping(self, mapping: Mapping, table) -> None:
        self._delimiter = mapping.delimiter
        self.header = table.header
        fields = mapping.fields or suggest_mapping(table.header)
        self.fields.blockSignals(True)
        for row, target in enumerate(TARGETS):
            self.fields.setItem(row, 0, QTableWidgetItem(fields.get(target, "")))
        self.fields.blockSignals(False)
        self.encoding.blockSignals(True)
        self.encoding.setCurrentIndex(max(0, self.encoding.findData(mapping.encoding or "")))
        self.encoding.blockSignals(False)
        self.date_format.blockSignals(True)
        self.date_format.setText(mapping.date_format or "")
        self.date_format.blockSignals(False)
        self.columns_label.setText(self.tr("Columns in the file: %s") % ", ".join(self.header))
        self.refresh_preview()

    def save_mapping(self) -> None:
        name = ask_text(
            self, self.tr("Save mapping"), self.tr("Name of the mapping:"), self.mapping_box.currentData() or ""
        )
        if not name:
            return
        database, mapping = self.database, self.current_mapping()
        self.runner.run(
            lambda progress, cancelled: database.run(save_mapping, SaveMapping(name, mapping)),
            lambda _result: self._mapping_saved(name),
            lambda exc: show_error(self, self.tr("Cannot save the mapping"), exc),
            owner=self,
        )

    def _mapping_saved(self, name: str) -> None:
        if self.mapping_box.findData(name) < 0:
            self.mapping_box.blockSignals(True)
            self.mapping_box.addItem(name, name)
            self.mapping_box.blockSignals(False)
        self.mapping_box.blockSignals(True)
        self.mapping_box.setCurrentIndex(self.mapping_box.findData(name))
        self.mapping_box.blockSignals(False)

    # ---- preview -----------------------------------------------------------------

    def schedule_preview(self, *_args) -> None:
        self.preview_timer.start()

    def refresh_preview(self) -> None:
        mapping = self.current_mapping()
        self.summary.setText(self.tr("Checking every row…"))

        def work(progress, cancelled):
            return self.database.query(preview_applications, self.path, mapping, 20, cancelled)

        if self.previewing is not None:
            self.previewing.cancel()  # a newer mapping supersedes it: its rows are not worth reading
        self.previewing = handle = self.runner.run(
            work,
            lambda report: self._show_preview(report) if handle is self.previewing else None,
            lambda error: self._preview_failed(error) if handle is self.previewing else None,
            owner=self,
        )

    def _preview_failed(self, error: Exception) -> None:
        self.summary.setText(self.tr("The file cannot be imported with this mapping: %s") % error)
        self.import_button.setEnabled(False)
        self.errors.clear()
        self.preview.setRowCount(0)

    def _show_preview(self, preview) -> None:
        report = preview.report
        self.preview.setRowCount(len(preview.sample))
        self.preview.setVerticalHeaderLabels([str(number) for number, _ in preview.sample])
        for row, (_number, values) in enumerate(preview.sample):
            for column, target in enumerate(TARGETS):
                self.preview.setItem(row, column, QTableWidgetItem(values.get(target, "")))
        self.errors.clear()
        by_row: dict[int, list] = {}
        for error in report.invalid:  # each invalid row once, with all its problems
            by_row.setdefault(error.row, []).append(error)
        for row, problems in list(by_row.items())[:1000]:
            self.errors.addItem(self.tr("row %d: %s") % (row, "; ".join(f"{e.field}: {e.message}" for e in problems)))
        if len(by_row) > 1000:
            self.errors.addItem(self.tr("… and %d more rows") % (len(by_row) - 1000))
        new = report.rows - report.duplicates - report.invalid_rows
        self.summary.setText(
            self.tr("%d rows: %d to import, %d already imported, %d invalid (listed on the right; not imported).")
            % (report.rows, new, report.duplicates, report.invalid_rows)
        )
        self.import_button.setEnabled(new > 0 and not (self.strict.isChecked() and report.invalid))

    # ---- import ------------------------------------------------------------------

    def start_import(self) -> None:
        mapping = replace(self.current_mapping(), name=self.mapping_box.currentData() or "")
        strict = self.strict.isChecked()
        self.import_button.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)

        def work(progress, cancelled):
            command = ImportApplications(self.path, mapping, strict, progress=progress, cancelled=cancelled)
            return self.database.run(import_applications, command)

        self.task = self.runner.run(work, self._imported, self._import_failed, owner=self)
        self.task.progressed.connect(self._progress)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _imported(self, report) -> None:
        self.task = None
        self.progress.setVisible(False)
        self.imported.emit(report)
        self.accept()

    def _import_failed(self, error: Exception) -> None:
        self.task = None
        self.progress.setVisible(False)
        self.import_button.setEnabled(True)
        show_error(self, self.tr("Import failed: nothing was imported"), error)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.summary.setText(self.tr("Cancelling… nothing will be imported."))
        else:
            self.reject()
