"""Add or edit a deal."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QPlainTextEdit

from app.deal_queries import DealRow
from ui.deals_models import date_text


class DealDialog(QDialog):
    """Add or edit a deal: the deal file's columns as fields; the service checks them."""

    FIELDS = (
        "partner",
        "title",
        "category",
        "value_text",
        "value_usd",
        "redeem",
        "valid_from",
        "valid_until",
        "capacity",
    )

    def __init__(self, parent, deal: DealRow | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit deal") if deal else self.tr("Add deal"))
        form = QFormLayout(self)
        labels = {
            "partner": self.tr("Partner company"),
            "title": self.tr("Title"),
            "category": self.tr("Category"),
            "value_text": self.tr("Value (text)"),
            "value_usd": self.tr("Estimated value (USD)"),
            "redeem": self.tr("How to redeem (code, link or contact)"),
            "valid_from": self.tr("Valid from (YYYY-MM-DD)"),
            "valid_until": self.tr("Valid until (YYYY-MM-DD)"),
            "capacity": self.tr("Capacity (blank: unlimited)"),
        }
        current = {}
        if deal is not None:
            current = {
                "partner": deal.partner,
                "title": deal.title,
                "category": deal.category,
                "value_text": deal.value_text,
                "value_usd": f"{deal.value_cents / 100:.2f}" if deal.value_cents is not None else "",
                "redeem": deal.redeem,
                "valid_from": date_text(deal.valid_from),
                "valid_until": date_text(deal.valid_until),
                "capacity": "" if deal.capacity is None else str(deal.capacity),
            }
        self.edits = {}
        for name in self.FIELDS:
            edit = QLineEdit(current.get(name, ""))
            self.edits[name] = edit
            form.addRow(labels[name], edit)
        self.description = QPlainTextEdit(deal.description if deal else "")
        self.description.setMaximumHeight(90)
        form.addRow(self.tr("Description"), self.description)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.active = "yes" if deal is None or deal.active else "no"
        self.resize(520, self.sizeHint().height())

    def values(self) -> dict[str, str]:
        return {
            **{k: e.text() for k, e in self.edits.items()},
            "description": self.description.toPlainText(),
            "active": self.active,
        }

    @classmethod
    def ask(cls, parent, deal: DealRow | None = None) -> dict[str, str] | None:
        dialog = cls(parent, deal)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
