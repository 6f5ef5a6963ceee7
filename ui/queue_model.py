"""The application queue as a Qt table model that pages, sorts and filters in SQL.

It holds the row count and a cache of pages of plain tuples; a page is read
when a view first asks for one of its rows, so a million applications cost one
count and a few small queries, never a full load.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyle

from app.queries import QUEUE_COLUMNS, QueueFilter, count_queue, queue_page, quick_count
from models.money import display

PAGE = 200

# Positions in a queue row tuple (see app.queries.queue_page).
ID, VERSION, COMPANY, COUNTRY, SUBMITTED, FUNDING, PARTNER, STATUS, ELIGIBILITY, FLAGGED, FORM_ID = range(11)
#: Display column -> tuple position, in QUEUE_COLUMNS order.
_POSITIONS = (COMPANY, COUNTRY, SUBMITTED, FUNDING, PARTNER, STATUS, ELIGIBILITY)

ApplicationIdRole = Qt.ItemDataRole.UserRole + 1
VersionRole = Qt.ItemDataRole.UserRole + 2
SortRole = Qt.ItemDataRole.UserRole + 3

_ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ApplicationTableModel(QAbstractTableModel):
    COMPANY, COUNTRY, SUBMITTED, FUNDING, PARTNER, STATUS, ELIGIBILITY = range(7)
    counted = Signal(int)  # the exact count, when it came from the worker
    _count_done = Signal(int, int)  # (generation, count), from the counting thread

    def __init__(self, database, parent=None):
        super().__init__(parent)
        self.database = database
        self.queue = QueueFilter()
        self.sort_column = self.SUBMITTED
        self.descending = False
        self._count = 0
        self._exact = True
        self._reading = self.queue  # the filter pages are read with (a search resolved to ids)
        self._generation = 0
        self._count_done.connect(self._exact_count, Qt.ConnectionType.QueuedConnection)
        self._pages: dict[int, list[tuple]] = {}
        self._icons = None

    # ---- what is shown --------------------------------------------------------

    def set_filter(self, queue: QueueFilter) -> None:
        self.queue = queue
        self.refresh()

    def refresh(self) -> None:
        """Re-count and forget cached pages (after a filter change or a write).

        A broad search within other filters starts from an upper bound and is counted
        exactly on a worker thread; `counted` announces the exact count when it lands.
        """
        self.beginResetModel()
        with self.database.read() as conn:
            self._count, self._exact, self._reading = quick_count(conn, self.queue)
        self._pages.clear()
        self._generation += 1
        self.endResetModel()
        if not self._exact:
            generation, queue, database = self._generation, self.queue, self.database

            def count() -> None:  # on a plain thread: reads only, its own connection
                with database.read() as conn:
                    exact = count_queue(conn, queue)
                try:
                    self._count_done.emit(generation, exact)
                except RuntimeError:  # the model is gone (window closed): nobody to tell
                    pass

            threading.Thread(target=count, name="queue-count", daemon=True).start()

    @Slot(int, int)
    def _exact_count(self, generation: int, count: int) -> None:
        if generation != self._generation:
            return  # the filter changed meanwhile
        if count < self._count:
            self.beginRemoveRows(QModelIndex(), count, self._count - 1)
            self._count = count
            self.endRemoveRows()
        elif count > self._count:
            self.beginInsertRows(QModelIndex(), self._count, count - 1)
            self._count = count
            self.endInsertRows()
        self._exact = True
        self.counted.emit(count)

    @property
    def exact(self) -> bool:
        return self._exact

    def row_tuple(self, row: int) -> tuple | None:
        if not 0 <= row < self._count:
            return None
        page, offset = divmod(row, PAGE)
        rows = self._pages.get(page)
        if rows is None:
            with self.database.read() as conn:
                rows = queue_page(
                    conn,
                    self._reading,
                    QUEUE_COLUMNS[self.sort_column],
                    self.descending,
                    page * PAGE,
                    PAGE,
                    self._count,
                    self._exact,
                )
            self._pages[page] = rows
        return rows[offset] if offset < len(rows) else None

    def row_of(self, application: int) -> int | None:
        """The row of an application among the cached pages, if loaded."""
        for page, rows in self._pages.items():
            for offset, values in enumerate(rows):
                if values[ID] == application:
                    return page * PAGE + offset
        return None

    # ---- Qt overrides ----------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_POSITIONS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Company"),
            self.tr("Country"),
            self.tr("Submitted"),
            self.tr("Funding (USD)"),
            self.tr("Partner"),
            self.tr("Status"),
            self.tr("Eligibility"),
        )[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        values = self.row_tuple(index.row())
        if values is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(values, column)
        if role == ApplicationIdRole:
            return values[ID]
        if role == VersionRole:
            return values[VERSION]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.FUNDING:
            return _ALIGN_RIGHT
        if role == Qt.ItemDataRole.DecorationRole:
            if column == self.ELIGIBILITY:
                return self._icon(values[ELIGIBILITY])
            if column == self.COMPANY and values[FLAGGED]:
                return self._icon("flagged")
        if role == Qt.ItemDataRole.ForegroundRole and column == self.ELIGIBILITY:
            return eligibility_brush(values[ELIGIBILITY])
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.COMPANY and values[FLAGGED]:
                return self.tr("Possible duplicate of an earlier application")
            if column == self.ELIGIBILITY:
                return self.tr("Eligibility: %s") % values[ELIGIBILITY]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._text(values, column)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        descending = order == Qt.SortOrder.DescendingOrder
        if (column, descending) == (self.sort_column, self.descending):
            return  # the view re-announces its sort (layout restore): nothing to read again
        self.sort_column, self.descending = column, descending
        self.refresh()

    # ---- helpers -----------------------------------------------------------------

    def _text(self, values: tuple, column: int) -> str:
        value = values[_POSITIONS[column]]
        if column == self.FUNDING:
            return "" if value is None else display(value)
        if column == self.SUBMITTED:
            return value.isoformat()
        if column == self.STATUS:
            return status_label(value)
        if column == self.ELIGIBILITY:
            return eligibility_label(value)
        return value

    def _icon(self, key: str):
        if self._icons is None:
            style = QApplication.style()
            pixmap = QStyle.StandardPixmap
            self._icons = {
                "eligible": style.standardIcon(pixmap.SP_DialogApplyButton),
                "ineligible": style.standardIcon(pixmap.SP_DialogCancelButton),
                "incomplete": style.standardIcon(pixmap.SP_MessageBoxQuestion),
                "flagged": style.standardIcon(pixmap.SP_MessageBoxWarning),
            }
        return self._icons.get(key)


def application_label(values: tuple) -> str:
    """How a person knows a queue row: its form id and company, never Startup Desk's internal number."""
    if values[FORM_ID]:
        return f"{values[FORM_ID]} ({values[COMPANY]})"
    return QApplication.translate("Queue", "%s (no form id)") % values[COMPANY]


def status_label(status: str) -> str:
    return {
        "new": QApplication.translate("Status", "New"),
        "in_review": QApplication.translate("Status", "In review"),
        "needs_info": QApplication.translate("Status", "Needs info"),
        "accepted": QApplication.translate("Status", "Accepted"),
        "rejected": QApplication.translate("Status", "Rejected"),
        "withdrawn": QApplication.translate("Status", "Withdrawn"),
    }.get(status, status)


def eligibility_label(value: str) -> str:
    return {
        "eligible": QApplication.translate("Eligibility", "Eligible"),
        "ineligible": QApplication.translate("Eligibility", "Ineligible"),
        "incomplete": QApplication.translate("Eligibility", "Incomplete"),
    }.get(value, value)


def is_dark() -> bool:
    palette = QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def eligibility_brush(value: str) -> QBrush | None:
    """Green, red, amber: lighter shades on a dark scheme. Always with an icon and text, never colour alone."""
    dark = is_dark()
    colours = {
        "eligible": "#7bd88f" if dark else "#1b7a34",
        "ineligible": "#ff8a80" if dark else "#b3261e",
        "incomplete": "#ffd166" if dark else "#8a5a00",
    }
    colour = colours.get(value)
    return QBrush(QColor(colour)) if colour else None
