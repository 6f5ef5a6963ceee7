"""A small table model over plain row objects: named columns, a sort key per column.

For the small panes (deals, requests, partners: hundreds of rows) sorting and
filtering go through a QSortFilterProxyModel whose comparison is Python's, on each
column's sort key: money sorts by integer cents (past 2³¹ too: a QVariant would
not), dates by date, never by their text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Column:
    header: str
    text: Callable[[Any], str]
    sort: Callable[[Any], Any] | None = None  # default: the text
    right: bool = False  # numbers are right-aligned


class RowTableModel(QAbstractTableModel):
    def __init__(self, columns: list[Column], parent=None):
        super().__init__(parent)
        self.columns = columns
        self.rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def sort_key(self, row: int, column: int) -> tuple:
        """What the column sorts by, for Python to compare: blanks (None) first."""
        spec, item = self.columns[column], self.rows[row]
        key = spec.sort(item) if spec.sort else spec.text(item)
        return (key is not None, key)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(row)
        if role == SORT_ROLE:
            key = column.sort(row) if column.sort else column.text(row)
            return key if key is not None else ""
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and column.right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class PythonSortProxy(QSortFilterProxyModel):
    """Sorts by the source's `sort_key`, compared in Python (no QVariant conversion)."""

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:
        model: RowTableModel = self.sourceModel()
        a, b = model.sort_key(left.row(), left.column()), model.sort_key(right.row(), right.column())
        try:
            return a < b
        except TypeError:  # keys of different kinds in one column: compare their text
            return (a[0], str(a[1])) < (b[0], str(b[1]))


def sorting_proxy(model: RowTableModel, parent=None) -> QSortFilterProxyModel:
    proxy = PythonSortProxy(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setFilterKeyColumn(-1)
    return proxy
