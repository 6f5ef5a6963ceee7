"""The Applications pane: filters, the queue, the detail panel and decisions.

The filter bar is ui/queue_filters.py, the decisions ui/queue_actions.py; every read and
write goes through the task runner (the model's pages and counts, the detail, decisions
and their undo), never on the GUI thread.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.queries import QueueFilter, application_detail, queue_choices
from models.applications import Status
from ui.detail_view import DetailView
from ui.dialogs import show_error
from ui.queue_actions import Decisions
from ui.queue_filters import OPEN, STATUSES, QueueFilterBar, presets  # noqa: F401  (OPEN, STATUSES, presets: the pane's names)
from ui.queue_model import ID, STATUS, ApplicationTableModel, application_label
from ui.tasks import TaskRunner


class QueuePane(QWidget):
    status_message = Signal(str)

    def __init__(self, database, runner: TaskRunner, undo_stack: QUndoStack, parent=None):
        super().__init__(parent)
        self.database, self.runner, self.undo_stack = database, runner, undo_stack
        self.model = ApplicationTableModel(database, runner, self)
        self.model.counted.connect(self._counted)
        self.model.estimated.connect(self._counted)
        self._announce = False  # say the count when it lands (a filter changed; a write says what it did)
        self.model.failed.connect(lambda error: show_error(self, self.tr("Cannot read the queue"), error))
        self.model.page_loaded.connect(self._page_loaded)
        self._reselect: tuple[int | None, int] | None = None  # what to select once the model has read again
        self._selected_id: int | None = None
        self._wanted_detail: int | None = None  # the application whose detail is shown or being read
        self.shown_detail: dict | None = None  # the detail last read (the reject dialog's failed rules)
        self._pinned: tuple[int, ...] = ()  # an application shown alone (a duplicate link)
        self._history: list[tuple[QueueFilter, int | None, int]] = []  # where Back returns to
        self._build()
        self.model.modelReset.connect(self._model_reset)  # a reset clears the selection without a signal
        self.update_actions()
        self.runner.run(
            lambda progress, cancelled: database.query(lambda uow: queue_choices(uow.conn)),
            self.filters.set_choices,
            owner=self,
        )
        self._apply(None, 0)

    # ---- layout ------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.filters = QueueFilterBar(today=self.database.clock.today)
        self.filters.edited.connect(self.apply_filter)
        self.search, self.status = self.filters.search, self.filters.status
        layout.addWidget(self.filters)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Application queue"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ApplicationTableModel.SUBMITTED, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((220, 62, 92, 112, 96, 88, 104, 72)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(ApplicationTableModel.COMPANY, QHeaderView.ResizeMode.Stretch)
        header.sortIndicatorChanged.connect(self._keep_sort_indicator)
        self.table.selectionModel().selectionChanged.connect(self.sync_detail)
        self.splitter.addWidget(self.table)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.decisions = Decisions(self)
        self.actions, self.buttons = self.decisions.actions, self.decisions.buttons
        right_layout.addLayout(self.decisions.row)
        self.back_action = QAction(self.tr("Back"), self)
        self.back_action.setShortcut(QKeySequence("Alt+Left"))
        self.back_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.back_action.setToolTip(self.tr("Back to the filters and selection before the link (Alt+Left)"))
        self.back_action.setEnabled(False)
        self.back_action.triggered.connect(self.go_back)
        self.addAction(self.back_action)
        links = QHBoxLayout()
        self.back_button = QPushButton(self.tr("◀ Back  [Alt+Left]"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self.back_button.setEnabled(False)
        self.back_button.clicked.connect(self.back_action.trigger)
        self.back_action.enabledChanged.connect(self.back_button.setEnabled)
        self.alone = QLabel(self.tr("Showing a linked application alone, whatever the filters say."))
        self.alone.setVisible(False)
        links.addWidget(self.back_button)
        links.addWidget(self.alone, 1)
        right_layout.addLayout(links)
        self.detail = DetailView()
        self.detail.open_application.connect(self.open_application)
        for watched in (self.table, self.detail):
            watched.installEventFilter(self)
        right_layout.addWidget(self.detail, 1)
        self.splitter.addWidget(right)
        self.splitter.setSizes([820, 460])  # the queue wide enough for its company names at 1280 px
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout.addWidget(self.splitter, 1)

    def eventFilter(self, watched, event) -> bool:
        if watched in (self.table, self.detail) and event.type() == QEvent.Type.KeyPress:
            if watched is self.table and self._navigate(event):
                return True
            if not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier and self.decisions.key_pressed(event.key()):
                return True
        return super().eventFilter(watched, event)

    def _navigate(self, event) -> bool:
        """Ctrl+Home/End (and Ctrl+arrows) select the row they move to: the current row is always
        the selected one (Qt's extended selection would move only the focus)."""
        key = event.key()
        if event.modifiers() != Qt.KeyboardModifier.ControlModifier:
            return False
        if key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self.select_row(0 if key == Qt.Key.Key_Home else self.model.rowCount() - 1)
            return True
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            QApplication.sendEvent(self.table, QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier))
            return True
        return False

    # ---- filters -----------------------------------------------------------------

    def current_filter(self) -> QueueFilter:
        return replace(self.filters.current(), ids=self._pinned)

    def apply_filter(self, *_args) -> None:
        """The person changed a filter: filter anew (an application shown alone is let go)."""
        self._pinned = ()
        self._apply(None, 0)

    def _counted(self, count: int) -> None:
        if not self._announce:
            return
        if self.model.exact:
            self._announce = False
            self.status_message.emit(self.tr("%Ln application(s)", "", count))
        else:  # an upper bound: the exact count follows
            self.status_message.emit(self.tr("over %s applications; counting…") % f"{count:,}")

    def _apply(self, application: int | None, row: int) -> None:
        self._announce = True
        self.alone.setVisible(bool(self._pinned))
        self._reselect_after_reset(application, row)
        self.model.set_filter(self.current_filter())  # the count is announced when it lands

    def set_filter(self, queue: QueueFilter, application: int | None = None, row: int = 0) -> None:
        """Put a filter into the widgets (Back, tests) and apply it; then select `application`
        if it is on the row's page, else the row."""
        self.filters.put(queue)
        self._pinned = tuple(queue.ids)
        self._apply(application, row)

    # ---- selection and detail ----------------------------------------------------
    # The detail always shows the selected application (or nothing), the current row is
    # the selected one, and a decision acts on exactly that: every change of the model
    # (a filter, a sort, a write) selects again once the rows are read.

    def select_row(self, row: int) -> None:
        """Select one row and make it current (the selection is cleared when there are no rows)."""
        count = self.model.rowCount()
        if count == 0:
            self.table.selectionModel().clear()
            self.sync_detail()
            return
        index = self.model.index(max(0, min(row, count - 1)), 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index)

    def _reselect_after_reset(self, application: int | None, row: int) -> None:
        """What to select once the model has read again: `application` if it is on the row's page, else the row."""
        self._reselect = (application, row)

    def _model_reset(self) -> None:
        self._wanted_detail = None  # whatever was shown is read again: it may have changed
        if self._reselect is None:  # a sort from the header, a restored layout: keep what was selected
            self._reselect = (self._selected_id, 0)
        self._finish_reselect()
        self.sync_detail()

    def _finish_reselect(self, *_args) -> None:
        if self._reselect is None:
            return
        application, row = self._reselect
        count = self.model.rowCount()
        row = max(0, min(row, count - 1))
        if count and self.model.row_tuple(row) is None:
            return  # its page is being read; it comes back here when it is
        self._reselect = None
        found = self.model.row_of(application) if application is not None else None
        self.select_row(found if found is not None else row)

    def _page_loaded(self, first: int, last: int) -> None:
        self._finish_reselect()
        if any(first <= row <= last for row in self.selected_rows()):
            self.sync_detail()

    def selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.table.selectionModel().selectedRows()})

    def selected_ids(self) -> list[int]:
        """Startup Desk's ids of the selected applications (rows not yet loaded are skipped)."""
        rows = (self.model.row_tuple(row) for row in self.selected_rows())
        return [values[ID] for values in rows if values is not None]

    def selected_accepted_ids(self) -> list[int]:
        """The selected applications that have a letter: the accepted ones (a mixed selection
        prints and exports only these, and counts only these)."""
        rows = (self.model.row_tuple(row) for row in self.selected_rows())
        return [values[ID] for values in rows if values is not None and values[STATUS] == Status.ACCEPTED]

    def selected_tuples(self) -> list[tuple] | None:
        """The selected rows' tuples; None while one of them is not loaded yet."""
        tuples = [self.model.row_tuple(row) for row in self.selected_rows()]
        return None if any(t is None for t in tuples) else tuples

    def update_actions(self, *_args) -> None:
        self.decisions.update(self.selected_tuples())

    def _keep_sort_indicator(self, column: int, order) -> None:
        """A click on "In state" sorts nothing (it is read per page): the arrow stays where the sort is."""
        if column == ApplicationTableModel.IN_STATE:
            header = self.table.horizontalHeader()
            previous = Qt.SortOrder.DescendingOrder if self.model.descending else Qt.SortOrder.AscendingOrder
            header.blockSignals(True)
            header.setSortIndicator(self.model.sort_column, previous)
            header.blockSignals(False)

    def sync_detail(self, *_args) -> None:
        """Show the selected application (read on the worker), or say why none is shown."""
        self.update_actions()
        rows = self.selected_rows()
        values = self.model.row_tuple(rows[0]) if len(rows) == 1 else None
        self._selected_id = values[ID] if values is not None else None
        if values is None:
            self._wanted_detail = None
            if len(rows) > 1:
                text = self.tr("%d applications selected: decisions apply to all of them, or none.") % len(rows)
            elif rows:
                text = self.tr("Reading…")
            elif self.model.rowCount() == 0 and self._reselect is None:
                text = self.tr("No application matches these filters.")
            else:
                text = None
            self.detail.show_nothing(text)
            return
        application = values[ID]
        if self._wanted_detail == application:
            return  # already shown, or being read
        self._wanted_detail = application
        self.detail.show_loading(application, application_label(values))
        database = self.database

        def work(progress, cancelled):
            return database.query(lambda uow: application_detail(uow.conn, application))

        # the detail's own widget owns the read: a window closed meanwhile (another database) gets nothing
        self.runner.run(
            work, lambda detail: self._detail_read(application, detail), self._detail_failed, owner=self.detail
        )

    def _detail_read(self, application: int, detail: dict) -> None:
        if application != self._wanted_detail:
            return  # the selection moved on meanwhile
        self.shown_detail = detail
        self.detail.show_detail(detail)
        if self._pinned:
            row = detail["row"]
            name = f"{row['application_id']} ({row['company']})" if row["application_id"] else row["company"]
            self.alone.setText(self.tr("Showing %s alone, whatever the filters say.") % name)

    def _detail_failed(self, error: Exception) -> None:
        self._wanted_detail = None
        self.detail.show_nothing(self.tr("Cannot read this application: %s") % error)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._take_focus)  # after the tab switch has moved focus

    def _take_focus(self) -> None:
        focused = QApplication.focusWidget()
        if self.isVisible() and (focused is None or not self.isAncestorOf(focused)):
            self.table.setFocus()

    def open_application(self, application: int) -> None:
        """Follow a duplicate link. The linked application is selected where it is, if the queue
        shows it; otherwise it is shown alone (whatever the filters say). Back returns to the
        filters, search and selection the person had."""
        rows = self.selected_rows()
        self._history.append((self.current_filter(), self._selected_id, rows[0] if rows else 0))
        self.back_action.setEnabled(True)
        row = self.model.row_of(application)
        if row is not None:
            self.select_row(row)
            return
        self.set_filter(QueueFilter(ids=(application,)), application, 0)
        self.status_message.emit(self.tr("Showing the linked application alone; Back (Alt+Left) returns"))

    def go_back(self) -> None:
        """Back to the filter, search and selection before the last duplicate link."""
        if not self._history:
            return
        queue, application, row = self._history.pop()
        self.back_action.setEnabled(bool(self._history))
        if queue == self.current_filter():
            found = self.model.row_of(application) if application is not None else None
            self.select_row(found if found is not None else row)
        else:
            self.set_filter(queue, application, row)
        self.table.setFocus()

    def after_write(self, application: int | None = None, row: int | None = None) -> None:
        """Read again after a write: `application` stays selected if it is still there, else the
        same row position is (so the next application is selected after a decision)."""
        if row is None:
            rows = self.selected_rows()
            row = rows[0] if rows else 0
        self._reselect_after_reset(application, row)
        self._announce = False
        self.model.refresh()
