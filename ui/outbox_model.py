"""The outbox's messages as a Qt table model: plain dicts (app.services.outbox.messages), one row each."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from ui.row_models import Column, RowTableModel


def status_label(status: str) -> str:
    """A message's state in the person's language."""
    return {
        "draft": QCoreApplication.translate("OutboxTableModel", "draft"),
        "held": QCoreApplication.translate("OutboxTableModel", "held"),
        "sent": QCoreApplication.translate("OutboxTableModel", "sent"),
        "failed": QCoreApplication.translate("OutboxTableModel", "failed"),
        "discarded": QCoreApplication.translate("OutboxTableModel", "discarded"),
    }.get(status, status)


def kind_label(kind: str) -> str:
    """What a message is about, in the person's language."""
    return {
        "acceptance": QCoreApplication.translate("OutboxTableModel", "acceptance"),
        "rejection": QCoreApplication.translate("OutboxTableModel", "rejection"),
        "needs_info": QCoreApplication.translate("OutboxTableModel", "needs info"),
        "withdrawal": QCoreApplication.translate("OutboxTableModel", "withdrawal"),
        "reminder": QCoreApplication.translate("OutboxTableModel", "reminder"),
        "deal_approved": QCoreApplication.translate("OutboxTableModel", "deal approved"),
        "deal_declined": QCoreApplication.translate("OutboxTableModel", "deal declined"),
        "year2_granted": QCoreApplication.translate("OutboxTableModel", "year 2 granted"),
        "year2_refused": QCoreApplication.translate("OutboxTableModel", "year 2 refused"),
        "renewal_offer": QCoreApplication.translate("OutboxTableModel", "renewal offer"),
        "credit_notice": QCoreApplication.translate("OutboxTableModel", "credit notice"),
    }.get(kind, kind.replace("_", " "))


def _to(row: dict) -> str:
    return f"{row['to_name']} <{row['to_address']}>" if row["to_name"] else row["to_address"]


def log_text(log: list[dict]) -> str:
    """A message's send log, one line an attempt: when, who, how, what the server answered."""
    if not log:
        return ""
    lines = [
        QCoreApplication.translate("OutboxTableModel", "%1 · %2 · %3 via %4 · %5")
        .replace("%1", entry["at"].strftime("%Y-%m-%d %H:%M UTC"))
        .replace("%2", entry["actor"])
        .replace("%3", status_label(entry["outcome"]))
        .replace("%4", entry["channel"])
        .replace("%5", entry["answer"] or "")
        for entry in log
    ]
    return QCoreApplication.translate("OutboxTableModel", "Send log:") + "\n" + "\n".join(lines)


class OutboxTableModel(RowTableModel):
    """The messages, one row each; a failed message's error is its tooltip."""

    ID, STATUS, KIND, TO, SUBJECT = range(5)

    def __init__(self, parent=None):
        super().__init__(
            [
                Column(
                    QCoreApplication.translate("OutboxTableModel", "#"),
                    lambda row: str(row["id"]),
                    sort=lambda row: row["id"],
                    right=True,
                ),
                Column(
                    QCoreApplication.translate("OutboxTableModel", "Status"),
                    lambda row: status_label(row["status"]) + (" ✎" if row["edited"] else ""),
                ),
                Column(QCoreApplication.translate("OutboxTableModel", "Kind"), lambda row: kind_label(row["kind"])),
                Column(QCoreApplication.translate("OutboxTableModel", "To"), _to),
                Column(QCoreApplication.translate("OutboxTableModel", "Subject"), lambda row: row["subject"]),
            ],
            parent,
        )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.row() < len(self.rows):
            error = self.rows[index.row()].get("error")
            if error:
                return error
        return super().data(index, role)
