"""Small dialogs. Each exposes a classmethod `ask(...)` so tests can replace it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)


class ReasonDialog(QDialog):
    """Asks for a reason: pick one of the suggestions or type one."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str, suggestions: list[str], required: bool = True):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.required = required
        layout = QVBoxLayout(self)
        label = QLabel(prompt)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.choice = QComboBox()
        self.choice.setEditable(True)
        self.choice.addItems(suggestions)
        self.choice.setCurrentIndex(0 if suggestions else -1)
        self.choice.setAccessibleName(self.tr("Reason"))
        self.choice.lineEdit().setPlaceholderText(self.tr("Type a reason"))
        layout.addWidget(self.choice)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.choice.editTextChanged.connect(self._update)
        self._update()
        self.resize(480, self.sizeHint().height())

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not self.required or bool(self.choice.currentText().strip()))

    @classmethod
    def ask(cls, parent, title: str, prompt: str, suggestions: list[str], required: bool = True) -> str | None:
        dialog = cls(parent, title, prompt, suggestions, required)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice.currentText().strip()


def ask_text(parent, title: str, label: str, text: str = "") -> str | None:
    value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return value.strip() if ok and value.strip() else None


def plain_box(
    parent, icon: QMessageBox.Icon, title: str, text: str, buttons=QMessageBox.StandardButton.Ok
) -> QMessageBox:
    """A message box that shows its text as typed: a message quoting an applicant's company
    name must not render `<b>` or links (Qt guesses rich text otherwise)."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def inform(parent, title: str, text: str) -> None:
    plain_box(parent, QMessageBox.Icon.Information, title, text).exec()


def confirm(parent, title: str, question: str) -> bool:
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    return (
        plain_box(parent, QMessageBox.Icon.Question, title, question, buttons).exec() == QMessageBox.StandardButton.Yes
    )


def show_error(parent, title: str, error: Exception | str) -> None:
    box = plain_box(parent, QMessageBox.Icon.Warning, title, str(error))
    details = getattr(error, "details", None)
    if details and not _is_expected(error):
        box.setDetailedText(details)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()


def _is_expected(error) -> bool:
    from app.errors import AppError
    from models.errors import DomainError

    return isinstance(error, (AppError, DomainError))
