"""The Applications pane: filters, the queue, the detail panel and decisions."""

from __future__ import annotations

import json

from PySide6.QtCore import QDate, QEvent, QItemSelectionModel, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.queries import QueueFilter, application_detail, queue_choices
from app.services.applications import ACTIONS, DecideMany, ReverseTransitions, decide_many, reverse_transitions
from models.applications import Status, can_decide
from ui.detail_view import DetailView
from ui.dialogs import ReasonDialog, ask_text, show_error
from ui.queue_model import (
    ELIGIBILITY,
    ID,
    STATUS,
    VERSION,
    ApplicationTableModel,
    application_label,
    status_label,
)
from ui.tasks import TaskRunner
from ui.undo import TaskCommand

OPEN = ("new", "in_review", "needs_info")
STATUSES = ("new", "in_review", "needs_info", "accepted", "rejected", "withdrawn")
RULE_REASONS = {
    "age": "failed rule: incorporated two years or more before applying",
    "funding": "failed rule: raised more than USD 5,000,000",
    "territory": "failed rule: not in an eligible territory",
    "previous_discount": "failed rule: already received a Segment discount",
}


def presets() -> dict[str, QueueFilter]:
    def tr(text: str) -> str:
        return QApplication.translate("QueuePane", text)

    return {
        tr("Open queue"): QueueFilter(statuses=OPEN),
        tr("Eligible, not yet reviewed"): QueueFilter(statuses=("new",), eligibility=("eligible",)),
        tr("Needs info"): QueueFilter(statuses=("needs_info",)),
        tr("Possible duplicates"): QueueFilter(statuses=OPEN, flagged_only=True),
        tr("All applications"): QueueFilter(),
    }


def decision_undo(database, ids: list[int], action: str, reason: str, transitions: tuple[int, ...], text: str):
    """The undo of a decision as data (for ui.undo.TaskCommand): undoing records reversals and
    returns the redo; redoing decides again and returns the undo of that new decision. Both
    run on the worker."""

    def undo():
        database.run(reverse_transitions, ReverseTransitions(transitions, f"undo: {text}"))
        return redo

    def redo():
        results = database.run(decide_many, DecideMany(ids, action, reason))
        again = tuple(t for r in results for t in r.transitions)
        return decision_undo(database, ids, action, reason, again, text)

    return undo


class QueuePane(QWidget):
    status_message = Signal(str)

    def __init__(self, database, runner: TaskRunner, undo_stack: QUndoStack, parent=None):
        super().__init__(parent)
        self.database, self.runner, self.undo_stack = database, runner, undo_stack
        self.model = ApplicationTableModel(database, runner, self)
        self.model.counted.connect(lambda count: self.status_message.emit(self.tr("%s applications") % f"{count:,}"))
        self.model.estimated.connect(
            lambda count: self.status_message.emit(self.tr("over %s applications; counting…") % f"{count:,}")
        )
        self.model.failed.connect(lambda error: show_error(self, self.tr("Cannot read the queue"), error))
        self.model.page_loaded.connect(self._page_loaded)
        self._building = True
        self._reselect: tuple[int | None, int] | None = None  # what to select once the model has read again
        self._selected_id: int | None = None
        self._wanted_detail: int | None = None  # the application whose detail is shown or being read
        self._detail: dict | None = None
        self._pinned: tuple[int, ...] = ()  # an application shown alone (a duplicate link)
        self._history: list[tuple[QueueFilter, int | None, int]] = []  # where Back returns to
        self._build()
        self._building = False
        self.model.modelReset.connect(self._model_reset)  # a reset clears the selection without a signal
        self.update_actions()
        self.apply_filter()

    # ---- layout ------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        bar = QHBoxLayout()
        self.saved = QComboBox()
        self.saved.setAccessibleName(self.tr("Saved filters"))
        self._load_saved_filters()
        self.saved.activated.connect(lambda _: self.use_saved(self.saved.currentText()))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search company, contact, e-mail, domain (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search"))
        self.search_timer = QTimer(self, singleShot=True, interval=250)
        self.search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _: self.search_timer.start())
        self.status = self._combo(
            self.tr("Status"),
            [(self.tr("Open"), OPEN), (self.tr("Any status"), ())] + [(status_label(s), (s,)) for s in STATUSES],
        )
        self.eligibility = self._combo(
            self.tr("Eligibility"),
            [
                (self.tr("Any eligibility"), ()),
                (self.tr("Eligible"), ("eligible",)),
                (self.tr("Ineligible"), ("ineligible",)),
                (self.tr("Incomplete"), ("incomplete",)),
            ],
        )
        self.country = self._combo(self.tr("Country"), [(self.tr("Any country"), "")])
        self.partner = self._combo(self.tr("Partner"), [(self.tr("Any partner"), "")])
        database = self.database
        self.runner.run(
            lambda progress, cancelled: database.query(lambda uow: queue_choices(uow.conn)), self._choices_read
        )
        self.date_from = self._date(self.tr("Submitted from"))
        self.date_to = self._date(self.tr("Submitted until"))
        self.flagged = QCheckBox(self.tr("Duplicates only"))
        self.flagged.toggled.connect(self.apply_filter)
        save = QPushButton(self.tr("Save filter…"))
        save.clicked.connect(self.save_filter)
        # two rows, so that the pane fits a 1024-pixel-wide screen
        bar.addWidget(self.saved)
        bar.addWidget(self.search, 1)
        bar.addWidget(save)
        filters = QHBoxLayout()
        for widget in (self.status, self.eligibility, self.country, self.partner):
            filters.addWidget(widget)
        filters.addWidget(QLabel(self.tr("Submitted from")))
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.date_to)
        filters.addWidget(self.flagged)
        filters.addStretch(1)
        layout.addLayout(bar)
        layout.addLayout(filters)

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
        for column, width in enumerate((260, 70, 95, 120, 110, 95, 110)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(ApplicationTableModel.COMPANY, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self.sync_detail)
        self.splitter.addWidget(self.table)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        self.actions: dict[str, QAction] = {}
        self.keys: dict[int, QAction] = {}
        self.buttons: dict[str, QPushButton] = {}
        for key, label, letter in (
            ("accept", self.tr("&Accept"), Qt.Key.Key_A),
            ("reject", self.tr("&Reject"), Qt.Key.Key_R),
            ("needs-info", self.tr("Needs &info"), Qt.Key.Key_I),
            ("withdraw", self.tr("&Withdraw"), Qt.Key.Key_W),
        ):
            hint = QKeySequence(letter).toString()
            # "\t" shows the key in menus; the key itself is handled by the queue's
            # event filter, so it acts only there and never while typing in a field.
            action = QAction(f"{label}\t{hint}", self)
            action.setToolTip(f"{label.replace('&', '')} ({hint})")
            action.triggered.connect(lambda _=False, k=key: self.decide(k))
            self.actions[key] = action
            self.keys[int(letter.value)] = action
            button = QPushButton(f"{label.replace('&', '')}  [{hint}]")
            button.setAccessibleName(label.replace("&", ""))
            button.clicked.connect(action.trigger)
            action.enabledChanged.connect(button.setEnabled)
            self.buttons[key] = button
            buttons.addWidget(button)
        self.table.installEventFilter(self)
        right_layout.addLayout(buttons)
        self.back_action = QAction(self.tr("Back"), self)
        self.back_action.setShortcut(QKeySequence("Alt+Left"))
        self.back_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.back_action.setToolTip(self.tr("Back to the filters and selection before the link (Alt+Left)"))
        self.back_action.setEnabled(False)
        self.back_action.triggered.connect(self.go_back)
        self.addAction(self.back_action)
        links = QHBoxLayout()
        back = QPushButton(self.tr("◀ Back  [Alt+Left]"))
        back.setAccessibleName(self.tr("Back"))
        back.setEnabled(False)
        back.clicked.connect(self.back_action.trigger)
        self.back_action.enabledChanged.connect(back.setEnabled)
        self.back_button = back
        self.alone = QLabel(self.tr("Showing a linked application alone, whatever the filters say."))
        self.alone.setVisible(False)
        links.addWidget(back)
        links.addWidget(self.alone, 1)
        right_layout.addLayout(links)
        self.detail = DetailView()
        self.detail.open_application.connect(self.open_application)
        self.detail.installEventFilter(self)
        right_layout.addWidget(self.detail, 1)
        self.splitter.addWidget(right)
        self.splitter.setSizes([700, 500])
        layout.addWidget(self.splitter, 1)

    def _choices_read(self, choices: dict[str, list[str]]) -> None:
        """The countries and partners to filter by, read on the worker; what is chosen stays."""
        self._building = True
        for box, values in ((self.country, choices["countries"]), (self.partner, choices["partners"])):
            chosen = box.currentData()
            while box.count() > 1:
                box.removeItem(1)
            for value in values:
                box.addItem(value, value)
            _select_data(box, chosen)
        self._building = False

    def _combo(self, name: str, items: list[tuple[str, object]]) -> QComboBox:
        box = QComboBox()
        box.setAccessibleName(name)
        for label, data in items:
            box.addItem(label, data)
        box.currentIndexChanged.connect(self.apply_filter)
        return box

    def _date(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setAccessibleName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(QDate(1999, 12, 31))
        edit.setSpecialValueText(self.tr("any"))
        edit.setDate(edit.minimumDate())
        edit.dateChanged.connect(self.apply_filter)
        return edit

    def eventFilter(self, watched, event) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress and self._navigate(event):
            return True
        if watched in (self.table, self.detail) and event.type() == QEvent.Type.KeyPress:
            action = self.keys.get(event.key())
            if action is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                if action.isEnabled():
                    action.trigger()
                else:
                    self.status_message.emit(self.why_not(next(k for k, a in self.actions.items() if a is action)))
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
            plain = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier)
            QApplication.sendEvent(self.table, plain)
            return True
        return False

    # ---- filters -----------------------------------------------------------------

    def current_filter(self) -> QueueFilter:
        def day(edit: QDateEdit):
            return None if edit.date() == edit.minimumDate() else edit.date().toPython()

        return QueueFilter(
            statuses=tuple(self.status.currentData() or ()),
            eligibility=tuple(self.eligibility.currentData() or ()),
            country=self.country.currentData() or "",
            partner=self.partner.currentData() or "",
            submitted_from=day(self.date_from),
            submitted_to=day(self.date_to),
            text=self.search.text(),
            flagged_only=self.flagged.isChecked(),
            ids=self._pinned,
        )

    def apply_filter(self, *_args) -> None:
        """A filter widget changed: the person filters anew (an application shown alone is let go)."""
        if self._building:
            return
        self._pinned = ()
        self._apply(None, 0)

    def _apply(self, application: int | None, row: int) -> None:
        self.alone.setVisible(bool(self._pinned))
        self._reselect_after_reset(application, row)
        self.model.set_filter(self.current_filter())  # the count is announced when it lands

    def set_filter(self, queue: QueueFilter, application: int | None = None, row: int = 0) -> None:
        """Put a filter into the widgets (saved filters, Back, tests) and apply it; then select
        `application` if it is on the row's page, else the row."""
        self._building = True
        _select_data(self.status, queue.statuses)
        _select_data(self.eligibility, queue.eligibility)
        _select_data(self.country, queue.country)
        _select_data(self.partner, queue.partner)
        self.search.setText(queue.text)
        self.flagged.setChecked(queue.flagged_only)
        for edit, value in ((self.date_from, queue.submitted_from), (self.date_to, queue.submitted_to)):
            edit.setDate(QDate(value) if value else edit.minimumDate())
        self._building = False
        self.search_timer.stop()
        self._pinned = tuple(queue.ids)
        self._apply(application, row)

    def _load_saved_filters(self) -> None:
        self.saved.clear()
        self.saved.addItem(self.tr("Saved filters…"))
        self._saved = dict(presets())
        stored = QSettings().value("queue/saved_filters", "{}")
        try:
            for name, fields in json.loads(stored).items():
                self._saved[name] = _filter_from_json(fields)
        except (ValueError, TypeError):
            pass
        for name in self._saved:
            self.saved.addItem(name)

    def use_saved(self, name: str) -> None:
        if name in self._saved:
            self.set_filter(self._saved[name])

    def save_filter(self) -> None:
        name = ask_text(self, self.tr("Save filter"), self.tr("Name of this filter:"))
        if not name:
            return
        stored = json.loads(QSettings().value("queue/saved_filters", "{}") or "{}")
        stored[name] = _filter_to_json(self.current_filter())
        QSettings().setValue("queue/saved_filters", json.dumps(stored))
        self._load_saved_filters()

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

    def selected_tuples(self) -> list[tuple] | None:
        """The selected rows' tuples; None while one of them is not loaded yet."""
        tuples = [self.model.row_tuple(row) for row in self.selected_rows()]
        return None if any(t is None for t in tuples) else tuples

    def update_actions(self, *_args) -> None:
        """Offer only the decisions every selected application can take (the workflow's rules, in models/)."""
        tuples = self.selected_tuples() or []
        for key, action in self.actions.items():
            target = ACTIONS[key]
            action.setEnabled(bool(tuples) and all(can_decide(Status(t[STATUS]), target) for t in tuples))

    def why_not(self, key: str) -> str:
        """Why a decision is not offered, for the status bar."""
        tuples = self.selected_tuples()
        if not tuples:
            return self.tr("Select an application first.")
        target = ACTIONS[key]
        stuck = [t for t in tuples if not can_decide(Status(t[STATUS]), target)]
        return self.tr("%s is %s: it cannot be decided that way.") % (
            application_label(stuck[0]),
            status_label(stuck[0][STATUS]).lower(),
        )

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

        self.runner.run(work, lambda detail: self._detail_read(application, detail), self._detail_failed)

    def _detail_read(self, application: int, detail: dict) -> None:
        if application != self._wanted_detail:
            return  # the selection moved on meanwhile
        self._detail = detail
        self.detail.show_detail(detail)

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

    # ---- decisions ---------------------------------------------------------------

    def decide(self, action: str) -> None:
        rows = self.selected_rows()
        tuples = self.selected_tuples()
        if not tuples or not self.actions[action].isEnabled():
            return
        reason = self._ask_reason(action, tuples)
        if reason is None:
            return
        ids = [t[ID] for t in tuples]
        versions = {t[ID]: t[VERSION] for t in tuples}
        first_row = rows[0]
        label = {
            "accept": self.tr("Accept"),
            "reject": self.tr("Reject"),
            "needs-info": self.tr("Needs info"),
            "withdraw": self.tr("Withdraw"),
        }[action]
        text = (
            self.tr("%s %d applications") % (label, len(ids))
            if len(ids) > 1
            else f"{label} {application_label(tuples[0])}"
        )

        database = self.database

        def work(progress, cancelled):
            return database.run(decide_many, DecideMany(ids, action, reason, versions=versions))

        def done(results) -> None:
            transitions = tuple(t for r in results for t in r.transitions)
            undo = decision_undo(database, ids, action, reason, transitions, text)
            self.undo_stack.push(TaskCommand(self.runner, self, text, undo, None, lambda _: self.after_write(ids[0])))
            self.after_write(None, first_row)
            self.status_message.emit(self.tr("%s: done") % text)

        self.runner.run(work, done, lambda error: self._refused(error))

    def _refused(self, error: Exception) -> None:
        show_error(self, self.tr("Not decided"), error)
        self.after_write(None, self.selected_rows()[0] if self.selected_rows() else 0)

    def _ask_reason(self, action: str, tuples: list[tuple]) -> str | None:
        if action == "reject":
            suggestions = self._failed_rule_reasons(tuples) + ["duplicate"]
            return ReasonDialog.ask(self, self.tr("Reject"), self.tr("Why is this application rejected?"), suggestions)
        if action == "accept":
            doubtful = [t for t in tuples if t[ELIGIBILITY] != "eligible"]
            if not doubtful:
                return ""
            return ReasonDialog.ask(
                self,
                self.tr("Accept with an override"),
                self.tr(
                    "%d of the selected applications are not eligible (ineligible or incomplete). Why accept them anyway?"
                )
                % len(doubtful),
                [],
            )
        if action == "needs-info":
            return ReasonDialog.ask(
                self,
                self.tr("Ask for information"),
                self.tr("What is missing?"),
                [
                    "incorporation date",
                    "total funding in USD",
                    "whether a Segment discount was received before",
                    "proof of incorporation",
                ],
                required=False,
            )
        return ReasonDialog.ask(
            self,
            self.tr("Withdraw"),
            self.tr("Why is it withdrawn? (optional)"),
            ["withdrawn by the applicant"],
            required=False,
        )

    def _failed_rule_reasons(self, tuples: list[tuple]) -> list[str]:
        """The failed rules of the one selected application, from the detail already read (never a read here)."""
        detail = self._detail
        if len(tuples) != 1 or detail is None or detail["row"]["id"] != tuples[0][ID]:
            return []
        return [f"{RULE_REASONS[rule]} ({reason})" for rule, outcome, reason in detail["rules"] if outcome == "fail"]

    def after_write(self, application: int | None = None, row: int | None = None) -> None:
        """Read again after a write: `application` stays selected if it is still there, else the
        same row position is (so the next application is selected after a decision)."""
        if row is None:
            rows = self.selected_rows()
            row = rows[0] if rows else 0
        self._reselect_after_reset(application, row)
        self.model.refresh()


def _select_data(box: QComboBox, value) -> None:
    """Select the item whose data is `value` (Qt hands tuples back as lists)."""

    def plain(data):
        return tuple(data) if isinstance(data, (tuple, list)) else data

    for index in range(box.count()):
        if plain(box.itemData(index)) == plain(value):
            box.setCurrentIndex(index)
            return
    box.setCurrentIndex(0)


def _filter_to_json(queue: QueueFilter) -> dict:
    return {
        "statuses": list(queue.statuses),
        "eligibility": list(queue.eligibility),
        "country": queue.country,
        "partner": queue.partner,
        "submitted_from": queue.submitted_from.isoformat() if queue.submitted_from else None,
        "submitted_to": queue.submitted_to.isoformat() if queue.submitted_to else None,
        "text": queue.text,
        "flagged_only": queue.flagged_only,
    }


def _filter_from_json(fields: dict) -> QueueFilter:
    from datetime import date

    return QueueFilter(
        statuses=tuple(fields.get("statuses", ())),
        eligibility=tuple(fields.get("eligibility", ())),
        country=fields.get("country", ""),
        partner=fields.get("partner", ""),
        submitted_from=date.fromisoformat(fields["submitted_from"]) if fields.get("submitted_from") else None,
        submitted_to=date.fromisoformat(fields["submitted_to"]) if fields.get("submitted_to") else None,
        text=fields.get("text", ""),
        flagged_only=bool(fields.get("flagged_only")),
    )
