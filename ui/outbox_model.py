"""The outbox's messages as a Qt table model: plain dicts (app.services.outbox.messages), one row each."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt


class OutboxTableModel(QAbstractTableModel):
    """The messages as plain dicts (app.services.outbox.messages), one row each."""

    ID, STATUS, KIND, TO, SUBJECT = range(5)
    ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[dict] = []
        self._headers = [self.tr("#"), self.tr("Status"), self.tr("Kind"), self.tr("To"), self.tr("Subject")]

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 5:
            return self._headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == self.ROW_ID_ROLE:
            return row["id"]
        if role == Qt.ItemDataRole.ToolTipRole and row.get("error"):
            return row["error"]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == self.ID:
            return str(row["id"])
        if column == self.STATUS:
            return row["status"] + (" ✎" if row["edited"] else "")
        if column == self.KIND:
            return row["kind"].replace("_", " ")
        if column == self.TO:
            return f"{row['to_name']} <{row['to_address']}>" if row["to_name"] else row["to_address"]
        return row["subject"]
