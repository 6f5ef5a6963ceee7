"""Add or edit a deal: a form whose Save asks the service, and stays open on a refusal."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.deal_queries import DealRow
from models.money import plain


class OptionalDate(QWidget):
    """A date picker with a "none" box: an optional date is either a day or nothing."""

    def __init__(self, value: date | None, today: date, label: str):
        super().__init__()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.picker = QDateEdit(QDate(value or today))
        self.picker.setCalendarPopup(True)
        self.picker.setDisplayFormat("yyyy-MM-dd")
        self.picker.setAccessibleName(label)
        self.none = QCheckBox(self.tr("none"))
        self.none.setAccessibleName(self.tr("%s: none") % label)
        self.none.toggled.connect(lambda checked: self.picker.setEnabled(not checked))
        self.none.setChecked(value is None)
        self.picker.setEnabled(value is not None)
        layout.addWidget(self.picker)
        layout.addWidget(self.none)
        layout.addStretch(1)

    def text(self) -> str:
        return "" if self.none.isChecked() else self.picker.date().toString("yyyy-MM-dd")

    def set_date(self, value: date | None) -> None:
        self.none.setChecked(value is None)
        if value is not None:
            self.picker.setDate(QDate(value))


class DealDialog(QDialog):
    """The deal file's columns as fields. Save sends `submitted(values)`; the pane saves on the worker
    and calls `saved()` (the dialog closes) or `refused(error)` (it stays, with what was typed, and
    says which field is wrong by its label)."""

    submitted = Signal(dict)
    TEXT_FIELDS = ("partner", "title", "category", "value_text", "value_usd", "redeem", "capacity")
    DATE_FIELDS = ("valid_from", "valid_until")

    def __init__(self, parent, deal: DealRow | None, categories, today: date):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit deal") if deal else self.tr("Add deal"))
        self.labels = {
            "partner": self.tr("Partner company"),
            "title": self.tr("Title"),
            "category": self.tr("Category"),
            "value_text": self.tr("Value (text)"),
            "value_usd": self.tr("Estimated value (USD)"),
            "redeem": self.tr("How to redeem"),
            "valid_from": self.tr("Valid from"),
            "valid_until": self.tr("Valid until"),
            "capacity": self.tr("Places"),
            "description": self.tr("Description"),
            "active": self.tr("Active"),
        }
        hints = {
            "value_usd": self.tr("e.g. 12000.00"),
            "redeem": self.tr("a code, a link or a contact"),
            "capacity": self.tr("blank: unlimited"),
        }
        current = _current(deal)
        form = QFormLayout(self)
        self.edits: dict[str, QLineEdit] = {}
        self.dates: dict[str, OptionalDate] = {}
        for name in self.TEXT_FIELDS[:6]:
            self._text_row(form, name, current.get(name, ""), hints.get(name, ""))
        for name in self.DATE_FIELDS:
            self.dates[name] = OptionalDate(getattr(deal, name) if deal else None, today, self.labels[name])
            form.addRow(self.labels[name], self.dates[name])
        self._text_row(form, "capacity", current.get("capacity", ""), hints["capacity"])
        completer = QCompleter(sorted(categories, key=str.casefold), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.edits["category"].setCompleter(completer)
        self.description = QPlainTextEdit(deal.description if deal else "")
        self.description.setMaximumHeight(90)
        form.addRow(self.labels["description"], self.description)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #b00020")
        self.error.setAccessibleName(self.tr("What is wrong"))
        self.error.hide()
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.active = "yes" if deal is None or deal.active else "no"
        self.resize(520, self.sizeHint().height())

    def _text_row(self, form: QFormLayout, name: str, value: str, hint: str) -> None:
        edit = QLineEdit(value)
        edit.setPlaceholderText(hint)
        self.edits[name] = edit
        form.addRow(self.labels[name], edit)

    def values(self) -> dict[str, str]:
        return {
            **{name: edit.text() for name, edit in self.edits.items()},
            **{name: picker.text() for name, picker in self.dates.items()},
            "description": self.description.toPlainText(),
            "active": self.active,
        }

    # ---- Save: the pane answers with saved() or refused() ---------------------------------

    def accept(self) -> None:
        self.error.hide()
        self.buttons.setEnabled(False)  # one save at a time
        self.submitted.emit(self.values())

    def saved(self) -> None:
        super().accept()

    def refused(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        message, first = self.explain(str(error))
        self.error.setText(message)
        self.error.show()
        if first is not None:
            widget = self.edits.get(first) or self.dates[first].picker
            widget.setFocus()

    def explain(self, message: str) -> tuple[str, str | None]:
        """The service names fields as the deal file's columns (`capacity: …; valid_until: …`):
        name them as this form does, one a line; the first field named is returned too."""
        first = None
        parts = []
        for part in message.split("; "):
            field = part.split(":", 1)[0].strip()
            if field in self.labels and ":" in part:
                first = first or field
                part = self.labels[field] + ":" + part.split(":", 1)[1]
            for name in (*self.DATE_FIELDS, "value_usd", "value_text"):
                part = re.sub(rf"\b{name}\b", self.labels[name], part)
            parts.append(part)
        return "\n".join(parts), first


def _current(deal: DealRow | None) -> dict[str, str]:
    if deal is None:
        return {}
    return {
        "partner": deal.partner,
        "title": deal.title,
        "category": deal.category,
        "value_text": deal.value_text,
        "value_usd": plain(deal.value_cents) if deal.value_cents is not None else "",
        "redeem": deal.redeem,
        "capacity": "" if deal.capacity is None else str(deal.capacity),
    }
