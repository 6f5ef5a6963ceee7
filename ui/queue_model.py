"""The application queue as a Qt table model that pages, sorts and filters in SQL.

It holds the row count and a cache of pages of plain tuples; a page is read, on the
task runner, when a view first asks for one of its rows, so a million applications
cost one count and a few small queries, never a full load, and never a query on the
GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyle

from app.queries import QUEUE_COLUMNS, QueueFilter, count_queue, queue_page, quick_count
from models.money import display
from ui.tasks import TaskHandle, TaskRunner

PAGE = 200

# Positions in a queue row tuple (see app.queries.queue_page).
ID, VERSION, COMPANY, COUNTRY, SUBMITTED, FUNDING, PARTNER, STATUS, ELIGIBILITY, FLAGGED, FORM_ID, SINCE = range(12)
#: Display column -> tuple position: QUEUE_COLUMNS' order, then "in state" (not a sort key)
_POSITIONS = (COMPANY, COUNTRY, SUBMITTED, FUNDING, PARTNER, STATUS, ELIGIBILITY, SINCE)

ApplicationIdRole = Qt.ItemDataRole.UserRole + 1
VersionRole = Qt.ItemDataRole.UserRole + 2
SortRole = Qt.ItemDataRole.UserRole + 3

_ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
#: what a page read changes
_ROLES = [
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.TextAlignmentRole,
    ApplicationIdRole,
    VersionRole,
]


class ApplicationTableModel(QAbstractTableModel):
    """Reads on the task runner only: a count, then the pages the views ask for.

    Until a count lands the rows shown stay those of the last one; a page not read yet
    shows empty cells and is asked for once. Every read carries the generation it was
    asked in: a count or page of a filter since replaced is dropped unread if it has not
    started, and ignored if it has.
    """

    COMPANY, COUNTRY, SUBMITTED, FUNDING, PARTNER, STATUS, ELIGIBILITY, IN_STATE = range(8)
    counted = Signal(int)  # the exact count, after a reset or when a broad search was counted
    estimated = Signal(int)  # an upper bound, while a broad search is being counted
    page_loaded = Signal(int, int)  # the first and last row of a page just read
    failed = Signal(object)  # a read failed (the exception)

    def __init__(self, database, runner: TaskRunner, parent=None):
        super().__init__(parent)
        self.database, self.runner = database, runner
        self.queue = QueueFilter()
        self.sort_column = self.SUBMITTED
        self.descending = False
        self._count = 0
        self._exact = True
        self._reading = self.queue  # the filter pages are read with (a search resolved to ids)
        self._generation = 0
        self._counting = False  # a count is under way: no page is asked for until it lands
        self._pages: dict[int, list[tuple]] = {}
        self._handles: list[TaskHandle] = []  # this generation's reads, cancelled when superseded
        self._requested: set[int] = set()
        self._icons = None

    # ---- what is shown --------------------------------------------------------

    def set_filter(self, queue: QueueFilter) -> None:
        self.queue = queue
        self.refresh()

    def refresh(self) -> None:
        """Count again and forget the cached pages (after a filter change, a sort or a write).

        A broad search within other filters starts from an upper bound and is counted
        exactly by a second task; `counted` announces the exact count when it lands.
        """
        self._generation += 1
        for handle in self._handles:
            handle.cancel()
        self._handles.clear()
        self._requested.clear()
        self._counting = True
        generation, queue, database = self._generation, self.queue, self.database

        def count(progress, cancelled):
            if cancelled():
                return None
            return database.query(lambda uow: quick_count(uow.conn, queue))

        self._read(count, lambda result: self._counted(generation, result))

    def _read(self, work, done) -> None:
        handle = self.runner.run(work, done, self._failed, owner=self)
        self._handles.append(handle)
        handle.finished.connect(lambda: self._handles.remove(handle) if handle in self._handles else None)

    def _failed(self, error: Exception) -> None:
        self._counting = False  # a page that failed is not asked for again until the next refresh
        self.failed.emit(error)

    def _counted(self, generation: int, result) -> None:
        if generation != self._generation or result is None:
            return  # a filter since replaced
        self.beginResetModel()
        self._count, self._exact, self._reading = result
        self._pages.clear()
        self._counting = False
        self.endResetModel()
        if self._exact:
            self.counted.emit(self._count)
            return
        self.estimated.emit(self._count - 1)
        queue, database = self.queue, self.database

        def count(progress, cancelled):
            if cancelled():
                return None
            return database.query(lambda uow: count_queue(uow.conn, queue))

        self._read(count, lambda exact: self._exact_count(generation, exact))

    def _exact_count(self, generation: int, count: int | None) -> None:
        if generation != self._generation or self._counting or count is None:
            return  # the filter changed meanwhile
        if count < self._count:
            self.beginRemoveRows(QModelIndex(), count, self._count - 1)
            self._count = count
            self._pages = {page: rows for page, rows in self._pages.items() if page * PAGE < count}
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

    @property
    def pending(self) -> bool:
        """A count or a page is being read."""
        return self._counting or bool(self._requested)

    def row_tuple(self, row: int) -> tuple | None:
        """The row's values, or None while its page is being read (it is asked for here)."""
        if not 0 <= row < self._count:
            return None
        page, offset = divmod(row, PAGE)
        rows = self._pages.get(page)
        if rows is None:
            self._request(page)
            return None
        return rows[offset] if offset < len(rows) else None

    def _request(self, page: int) -> None:
        if self._counting or page in self._requested:
            return
        self._requested.add(page)
        generation, database = self._generation, self.database
        reading, column, descending = self._reading, QUEUE_COLUMNS[self.sort_column], self.descending
        count, exact = self._count, self._exact

        def read(progress, cancelled):
            if cancelled():
                return None
            return database.query(
                lambda uow: queue_page(uow.conn, reading, column, descending, page * PAGE, PAGE, count, exact)
            )

        self._read(read, lambda rows: self._page_read(generation, page, rows))

    def _page_read(self, generation: int, page: int, rows: list[tuple] | None) -> None:
        if generation != self._generation or self._counting or rows is None:
            return
        self._requested.discard(page)
        self._pages[page] = rows
        first, last = page * PAGE, min(page * PAGE + len(rows), self._count) - 1
        if last < first:
            return
        self.dataChanged.emit(self.index(first, 0), self.index(last, len(_POSITIONS) - 1), _ROLES)
        self.page_loaded.emit(first, last)

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
            self.tr("In state"),
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
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.FUNDING, self.IN_STATE):
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
            if column == self.IN_STATE and values[SINCE] is not None:
                return self.tr("%s since %s") % (status_label(values[STATUS]), values[SINCE].date().isoformat())
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._text(values, column)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        descending = order == Qt.SortOrder.DescendingOrder
        if column >= len(QUEUE_COLUMNS):
            return  # "in state" is read per page, not an index the queue can be sorted by
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
        if column == self.IN_STATE:
            return self._days_since(value)
        return value

    def _days_since(self, since) -> str:
        """How long the application has waited in its status, in days ("today" the first day)."""
        if since is None:
            return ""
        days = (self.database.clock.today() - since.date()).days
        if days <= 0:
            return self.tr("today")
        return self.tr("1 day") if days == 1 else self.tr("%d days") % days

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
