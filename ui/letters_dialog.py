"""Letter settings (the editable template) with a live preview, and printing a PDF from the app."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.exports.letters import DEFAULT_TEMPLATE, PLACEHOLDERS, LetterSettings
from app.services import exports
from ui import file_dialogs
from ui.dialogs import show_error
from ui.tasks import TaskRunner


class LetterSettingsDialog(QDialog):
    """The program's letterhead, signatory and wording; Preview renders a letter with what is typed."""

    previewed = Signal(bool)  # a preview was rendered (True), or refused (False)
    loaded = Signal()  # the settings were read into the form

    def __init__(self, database, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.database, self.runner = database, runner
        self.setWindowTitle(self.tr("Acceptance letter"))
        settings = LetterSettings()  # until the stored ones arrive from the worker (`_fill`)
        splitter = QSplitter()
        editor = QWidget()
        form = QFormLayout(editor)
        self.program = QLineEdit(settings.program)
        self.contact = QLineEdit(settings.contact)
        self.signatory = QLineEdit(settings.signatory)
        self.signatory_title = QLineEdit(settings.signatory_title)
        self.sign_off = QLineEdit(settings.sign_off)
        self.logo = QLineEdit(settings.logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self.choose_logo)
        logo_row.addWidget(choose)
        self.template = QPlainTextEdit(settings.template)
        self.template.setMinimumHeight(260)
        form.addRow(self.tr("&Program name"), self.program)
        form.addRow(self.tr("&Contact address"), self.contact)
        form.addRow(self.tr("&Signatory"), self.signatory)
        form.addRow(self.tr("Signatory's &title"), self.signatory_title)
        form.addRow(self.tr("Sign-&off"), self.sign_off)
        form.addRow(self.tr("Logo (PNG or JPEG)"), logo_row)
        form.addRow(self.tr("&Wording"), self.template)
        help_text = QLabel(
            self.tr("Placeholders: ")
            + ", ".join(f"${name}" for name in PLACEHOLDERS)
            + self.tr(". A blank line starts a paragraph; a line starting with '- ' is a bullet.")
        )
        help_text.setWordWrap(True)
        help_text.setStyleSheet("color: gray")
        form.addRow(help_text)
        splitter.addWidget(editor)
        self.document = QPdfDocument(self)
        # the first page as a picture: QPdfView's fit-to-width re-lays itself out forever in a splitter
        self.page = QLabel()
        self.page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page.setMinimumWidth(360)
        self.page.setStyleSheet("background: #808080")
        splitter.addWidget(self.page)
        splitter.setSizes([520, 420])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.preview_button = buttons.addButton(self.tr("&Preview"), QDialogButtonBox.ButtonRole.ActionRole)
        reset = buttons.addButton(self.tr("&Default wording"), QDialogButtonBox.ButtonRole.ResetRole)
        self.preview_button.clicked.connect(self.preview)
        reset.clicked.connect(lambda: self.template.setPlainText(DEFAULT_TEMPLATE))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._folder = tempfile.TemporaryDirectory(prefix="startup-desk-preview-")
        self.resize(1100, 720)
        for widget in (self.program, self.contact, self.signatory, self.signatory_title, self.sign_off, self.logo):
            widget.setEnabled(False)
        self.template.setEnabled(False)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)  # saving before the stored settings arrive would blank them
        self.preview_button.setEnabled(False)
        runner.run(lambda progress, cancelled: database.query(exports.letter_settings), self._fill, owner=self)

    def _fill(self, settings: LetterSettings) -> None:
        for widget, text in (
            (self.program, settings.program),
            (self.contact, settings.contact),
            (self.signatory, settings.signatory),
            (self.signatory_title, settings.signatory_title),
            (self.sign_off, settings.sign_off),
            (self.logo, settings.logo),
        ):
            widget.setText(text)
            widget.setEnabled(True)
        self.template.setPlainText(settings.template)
        self.template.setEnabled(True)
        self.save_button.setEnabled(True)
        self.preview_button.setEnabled(True)
        self.loaded.emit()
        self.preview()

    def settings(self) -> LetterSettings:
        return replace(
            LetterSettings(),
            program=self.program.text().strip(),
            contact=self.contact.text().strip(),
            signatory=self.signatory.text().strip(),
            signatory_title=self.signatory_title.text().strip(),
            sign_off=self.sign_off.text().strip(),
            logo=self.logo.text().strip(),
            template=self.template.toPlainText(),
        )

    def choose_logo(self) -> None:
        name = file_dialogs.open_file(self, self.tr("Logo"), self.logo.text(), self.tr("Images (*.png *.jpg)"))
        if name:
            self.logo.setText(name)

    def preview(self) -> None:
        """Render one letter with the settings as typed, on the worker; `previewed` says how it went."""
        target = Path(self._folder.name) / "preview.pdf"
        database, command = self.database, exports.PreviewLetter(self.settings(), target)

        def rendered(_result) -> None:
            self.document.close()
            self.document.load(str(target))
            self.show_page()
            self.previewed.emit(True)

        def refused(error) -> None:  # a bad placeholder: say so, keep editing
            show_error(self, self.tr("The letter cannot be rendered"), error)
            self.previewed.emit(False)

        self.runner.run(
            lambda progress, cancelled: database.run(exports.preview_letter, command), rendered, refused, owner=self
        )

    def show_page(self) -> None:
        if self.document.pageCount() == 0:
            return
        area = self.page.size() - QSize(16, 16) if self.page.width() > 100 else QSize(420, 600)
        size = self.document.pagePointSize(0).toSize().scaled(area, Qt.AspectRatioMode.KeepAspectRatio)
        paper = QPixmap(size)
        paper.fill(Qt.GlobalColor.white)  # rendered pages are transparent where nothing is printed
        painter = QPainter(paper)
        painter.drawImage(0, 0, self.document.render(0, size))
        painter.end()
        self.page.setPixmap(paper)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.show_page()

    def save(self) -> None:
        database, command = self.database, exports.SaveLetterSettings(self.settings())
        self.runner.run(
            lambda progress, cancelled: database.run(exports.save_letter_settings, command),
            lambda _result: self.accept(),
            lambda error: show_error(self, self.tr("Letter settings not saved"), error),
            owner=self,
        )

    def done(self, result: int) -> None:
        self.document.close()
        self._folder.cleanup()
        super().done(result)


def print_pdf(path: Path, parent: QWidget | None = None) -> QPrintPreviewDialog:
    """Print preview of a PDF, then the system's print dialog: no other program needed."""
    document = QPdfDocument(parent)
    document.load(str(path))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(path.stem)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(QDialog.tr("Print %s") % path.name)

    def paint(target: QPrinter) -> None:
        painter = QPainter(target)
        page_rect: QRect = target.pageLayout().paintRectPixels(target.resolution())
        for page in range(document.pageCount()):
            if page:
                target.newPage()
            size = document.pagePointSize(page).toSize().scaled(page_rect.size(), Qt.AspectRatioMode.KeepAspectRatio)
            image = document.render(page, QSize(size.width(), size.height()))
            painter.drawImage(QPoint(0, 0), image)
        painter.end()

    dialog.paintRequested.connect(paint)
    # QPrintPreviewDialog does not own its printer: a collected QPrinter crashed the preview
    dialog.printer, dialog.document, dialog.path = printer, document, path
    return dialog
