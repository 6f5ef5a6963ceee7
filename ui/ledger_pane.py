"""The Ledger pane: members with balances, a member's entries and burn-down, program totals,
and the month's work (import bills, close month, corrections, program years)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QPainter, QPen, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.ledger_queries import MemberSummary, balance_history, ledger_overview
from app.services import ledger
from app.services.imports import import_usage
from models.forecast import projection as forecast_projection
from models.ledger import expiring_soon
from models.money import display, parse_usd
from ui import file_dialogs
from ui.dialogs import ReasonDialog, show_error
from ui.pane_reads import LatestReads
from ui.tasks import TaskRunner
from ui.undo import TaskCommand

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class MemberTableModel(QAbstractTableModel):
    WORKSPACE, COMPANY, PARTNER, YEAR, BALANCE, USED, EXPIRES, RUN_OUT, STATUS = range(9)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[MemberSummary] = []
        self.sort_column, self.descending = self.WORKSPACE, False

    def set_rows(self, rows: list[MemberSummary]) -> None:
        self.beginResetModel()
        self.rows = sorted(rows, key=self._key, reverse=self.descending)
        self.endResetModel()

    def _key(self, row: MemberSummary):
        value = _values(row)[self.sort_column]
        # money sorts by integer cents, dates by date; blanks last
        if value is None:
            return date.max if self.sort_column in (self.EXPIRES, self.RUN_OUT) else -1
        return value

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A Python sort of the rows (milliseconds for 10,000): a sorting proxy would call data()
        for every comparison, 300,000 calls on the GUI thread."""
        self.sort_column, self.descending = column, order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        moved = [(index, self.rows[index.row()]) for index in before]
        self.rows.sort(key=self._key, reverse=self.descending)
        position = {id(row): number for number, row in enumerate(self.rows)}
        self.changePersistentIndexList(
            [index for index, _ in moved], [self.index(position[id(row)], index.column()) for index, row in moved]
        )
        self.layoutChanged.emit()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 9

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Workspace"),
            self.tr("Company"),
            self.tr("Partner"),
            self.tr("Year"),
            self.tr("Balance (USD)"),
            self.tr("Used this year"),
            self.tr("Credit expires"),
            self.tr("Projected run-out"),
            self.tr("Status"),
        )[section]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        value = _values(row)[column]
        if role == Qt.ItemDataRole.DisplayRole:
            if column in (self.BALANCE, self.USED):
                return display(value)
            if value is None:
                return "—" if column == self.RUN_OUT else ""
            return str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.BALANCE, self.USED, self.YEAR):
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and column == self.RUN_OUT and row.run_out:
            return self.tr("At the last three months' average use of %s a month") % display(row.burn_per_month)
        return None


def _values(row: MemberSummary) -> tuple:
    return (
        row.workspace,
        row.company,
        row.partner,
        row.program_year,
        row.balance,
        row.used_this_year,
        row.expires_on,
        row.run_out,
        row.status,
    )


class MemberFilter(QSortFilterProxyModel):
    """Filters members (a Python test per row: 10,000 in milliseconds); sorting is the source's."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.mode = "all"
        self.text = ""
        self.today: date | None = None

    def set_filter(self, mode: str, text: str, today: date | None = None) -> None:
        self.mode, self.text = mode, text.strip().casefold()
        self.today = today or self.today
        self.invalidate()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        row: MemberSummary = self.sourceModel().rows[source_row]
        if self.text and self.text not in row.workspace.casefold() and self.text not in row.company.casefold():
            return False
        if self.mode == "expiring":
            return expiring_soon(row.expires_on, row.balance, self.today)
        if self.mode == "over":
            return row.due_last_month > 0
        if self.mode in ("active", "graduated", "renewal"):
            return row.status == self.mode
        return True


class LedgerPane(QWidget):
    status_message = Signal(str)
    member_deals_requested = Signal(str)  # a workspace: show its partner-deal requests

    def __init__(self, database, runner: TaskRunner, undo_stack: QUndoStack | None = None, parent=None):
        super().__init__(parent)
        self.database, self.runner = database, runner
        self.reads = LatestReads(runner, self)
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self.model = MemberTableModel(self)
        self.proxy = MemberFilter(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        self.loaded = False

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.totals = QLabel(self.tr("Loading the ledger…"))
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        self.totals.setWordWrap(True)
        self.totals.setAccessibleName(self.tr("Program totals"))
        layout.addWidget(self.totals)

        actions = QHBoxLayout()
        for label, slot in (
            (self.tr("Import bills…"), self.import_bills),
            (self.tr("Close month…"), self.close_month),
            (self.tr("Adjust…"), self.adjust),
            (self.tr("Reverse entry…"), self.reverse),
            (self.tr("Year two…"), self.year_two),
            (self.tr("Graduate…"), self.graduate),
            (self.tr("Renew…"), self.renew),
            (self.tr("Deals…"), self.member_deals),
        ):
            button = QPushButton(label)
            button.clicked.connect(slot)
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addLayout(actions)

        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search workspace or company"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search members"))
        self.search.textChanged.connect(self.apply_filter)
        self.mode = QComboBox()
        self.mode.setAccessibleName(self.tr("Member filter"))
        for label, key in (
            (self.tr("All members"), "all"),
            (self.tr("Expiring in 60 days"), "expiring"),
            (self.tr("Over budget last month"), "over"),
            (self.tr("Active"), "active"),
            (self.tr("Graduated"), "graduated"),
            (self.tr("Renewal year"), "renewal"),
        ):
            self.mode.addItem(label, key)
        self.mode.currentIndexChanged.connect(self.apply_filter)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.mode)
        layout.addLayout(bar)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Members"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(MemberTableModel.WORKSPACE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        for column, width in enumerate((150, 170, 90, 45, 110, 110, 100, 110, 80)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_member())
        splitter.addWidget(self.table)

        right = QSplitter(Qt.Orientation.Vertical)
        self.chart = _make_chart_view()
        right.addWidget(self.chart)
        self.entries = QTableWidget(0, 7)
        self.entries.setAccessibleName(self.tr("Ledger entries"))
        self.entries.setHorizontalHeaderLabels(
            [
                self.tr("Entry"),
                self.tr("Date"),
                self.tr("Kind"),
                self.tr("Amount"),
                self.tr("Balance"),
                self.tr("Reason"),
                self.tr("By"),
            ]
        )
        self.entries.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.entries.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.entries.verticalHeader().setVisible(False)
        self.entries.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        right.addWidget(self.entries)
        splitter.addWidget(right)
        splitter.setSizes([650, 550])
        layout.addWidget(splitter, 1)

    # ---- loading -----------------------------------------------------------------

    def refresh(self) -> None:
        """Read members and totals on the worker; the pane paints at once and fills in."""
        database = self.database

        self.reads.read(
            "overview",
            lambda: database.query(ledger_overview),
            self._loaded,
            lambda error: show_error(self, self.tr("Cannot read the ledger"), error),
        )

    def _loaded(self, result) -> None:
        members, totals = result
        current = self.selected_workspace()
        self.model.set_rows(members)
        self.loaded = True
        self.totals.setText(_totals_html(totals, self.tr))
        self.apply_filter()
        if current:
            self.select_workspace(current)
        elif self.proxy.rowCount():
            self.table.selectRow(0)

    def apply_filter(self, *_args) -> None:
        self.proxy.set_filter(self.mode.currentData(), self.search.text(), self.database.clock.today())
        self.status_message.emit(self.tr("%d members") % self.proxy.rowCount())

    def selected_member(self) -> MemberSummary | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid():
            return None
        return self.model.rows[self.proxy.mapToSource(index).row()]

    def selected_workspace(self) -> str | None:
        member = self.selected_member()
        return member.workspace if member is not None else None

    def select_workspace(self, workspace: str) -> None:
        for row, member in enumerate(self.model.rows):
            if member.workspace == workspace:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                if index.isValid():
                    self.table.selectRow(index.row())
                return

    def show_member(self) -> None:
        """The selected member's entries and burn-down, read on the worker."""
        member = self.selected_member()
        if member is None:
            return
        database = self.database

        def read(uow):
            return ledger.ledger_of(uow, member.workspace), balance_history(uow.conn, member.enrollment)

        self.reads.read("member", lambda: database.query(read), lambda result: self._member_read(member, *result))

    def _member_read(self, member: MemberSummary, data: dict, history) -> None:
        self.entries.setRowCount(len(data["entries"]))
        for row, entry in enumerate(data["entries"]):
            cells = (
                str(entry["id"]),
                entry["date"].isoformat(),
                entry["kind"] + (f" → {entry['reverses']}" if entry["reverses"] else ""),
                display(entry["amount"]),
                display(entry["balance"]) if entry["kind"] != "discount" else "",
                entry["reason"],
                entry["actor"],
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (3, 4):
                    item.setTextAlignment(_RIGHT)
                self.entries.setItem(row, column, item)
        self.entries.resizeColumnsToContents()
        _draw_burn_down(self.chart, member.workspace, history, member, self.tr, self.database.clock.today())

    # ---- actions -----------------------------------------------------------------

    def _run(self, title: str, work, done_text, undoable=None) -> None:
        """Run a use case on the worker; `undoable(result)` gives (text, undo_work, redo_work) for Edit → Undo."""

        def done(result) -> None:
            text = done_text(result) if callable(done_text) else done_text
            self.status_message.emit(text)
            if undoable is not None:
                self.undo_stack.push(self._command(*undoable(result)))
            self.refresh()

        self.runner.run(lambda progress, cancelled: work(), done, lambda error: show_error(self, title, error))

    def _command(self, text: str, undo_work, redo_work) -> TaskCommand:
        """Edit → Undo for an action done: its work runs on the runner; the pane reads again after."""
        return TaskCommand(self.runner, self, text, undo_work, redo_work, lambda _result: self.refresh())

    def member_deals(self) -> None:
        workspace = self._workspace_or_warn()
        if workspace:
            self.member_deals_requested.emit(workspace)

    def import_bills(self) -> None:
        name = file_dialogs.open_file(self, self.tr("Import bills"), str(Path.home()), self.tr("Usage (*.csv *.xlsx)"))
        if not name:
            return

        def done(report) -> None:
            text = self.tr("Bills: %d imported, %d already there, %d invalid rows") % (
                report.imported,
                report.duplicates,
                report.invalid_rows,
            )
            if report.invalid or report.restatements:
                details = [str(e) for e in report.invalid[:30]] + [
                    self.tr("needs restatement: %s") % r for r in report.restatements
                ]
                QMessageBox.information(self, self.tr("Bills imported"), text + "\n\n" + "\n".join(details))
            self.status_message.emit(text)
            if report.bills_added or report.bills_changed:
                added, changed, database = report.bills_added, report.bills_changed, self.database

                def undo():
                    database.run(ledger.undo_bills, ledger.UndoBills(added, changed))

                def redo():
                    database.run(ledger.redo_bills, ledger.RedoBills(added, changed))
                    return undo

                self.undo_stack.push(self._command(self.tr("Import bills from %s") % Path(name).name, undo, redo))
            self.refresh()

        self.runner.run(
            lambda p, c: import_usage(self.database, name),
            done,
            lambda e: show_error(self, self.tr("Import failed"), e),
        )

    def close_month(self) -> None:
        from app.ledger_queries import last_closed_month

        database = self.database
        self.runner.run(
            lambda p, c: database.query(lambda uow: last_closed_month(uow.conn)),
            self._ask_close,
            lambda e: show_error(self, self.tr("Close month"), e),
        )

    def _ask_close(self, last: str | None) -> None:
        month, ok = QInputDialog.getText(
            self, self.tr("Close month"), self.tr("Month to close (YYYY-MM):"), text=self._next_month(last)
        )
        if not ok or not month.strip():
            return
        month = month.strip()

        def preview() -> ledger.CloseSummary:
            return self.database.query(ledger.preview_close, month)

        def confirm(summary: ledger.CloseSummary) -> None:
            if summary.already_closed:
                QMessageBox.information(
                    self, self.tr("Close month"), self.tr("%s is already closed; nothing changes.") % month
                )
                return
            text = self.tr(
                "Closing %s will settle %d bills of %s:\n\ncredit applied: %s\nrenewal discounts: %s\ndue (overage): %s\ncredit expired: %s\n\nClose it?"
            ) % (
                month,
                summary.bills,
                display(summary.billed),
                display(summary.credit_applied),
                display(summary.discounts),
                display(summary.due),
                display(summary.expired),
            )
            if QMessageBox.question(self, self.tr("Close month"), text) == QMessageBox.StandardButton.Yes:
                database = self.database

                def reopen():
                    return database.run(ledger.reopen_month, ledger.ReopenMonth(month, "undo of the close"))

                def close_again():
                    database.run(ledger.close_month, ledger.CloseMonth(month))
                    return reopen

                self._run(
                    self.tr("Close month"),
                    lambda: database.run(ledger.close_month, ledger.CloseMonth(month)),
                    lambda s: self.tr("%s closed") % s.month,
                    lambda _summary: (self.tr("Close %s") % month, reopen, close_again),
                )

        self.runner.run(
            lambda p, c: preview(), confirm, lambda e: show_error(self, self.tr("Cannot close %s") % month, e)
        )

    def _next_month(self, last: str | None) -> str:
        if not last:
            return self.database.clock.today().strftime("%Y-%m")
        year, number = int(last[:4]), int(last[5:])
        return f"{year + number // 12}-{number % 12 + 1:02d}"

    def _workspace_or_warn(self) -> str | None:
        workspace = self.selected_workspace()
        if workspace is None:
            QMessageBox.information(self, self.tr("Ledger"), self.tr("Select a member first."))
        return workspace

    def adjust(self) -> None:
        workspace = self._workspace_or_warn()
        if not workspace:
            return
        text, ok = QInputDialog.getText(
            self, self.tr("Adjust credit"), self.tr("Amount for %s (negative to take credit away):") % workspace
        )
        if not ok or not text.strip():
            return
        try:
            amount = parse_usd(text)
        except Exception as exc:
            show_error(self, self.tr("Adjust credit"), exc)
            return
        reason = ReasonDialog.ask(self, self.tr("Adjust credit"), self.tr("Why?"), [])
        if reason:
            database = self.database

            def adjust_again():
                entry = database.run(ledger.adjust, ledger.Adjust(workspace, amount, reason))
                return lambda: database.run(ledger.reverse, ledger.Reverse(entry, f"undo: {reason}"))

            self._run(
                self.tr("Adjust credit"),
                lambda: database.run(ledger.adjust, ledger.Adjust(workspace, amount, reason)),
                self.tr("Adjustment of %s to %s") % (display(amount), workspace),
                lambda entry: (
                    self.tr("Adjust %s %s") % (workspace, display(amount).replace("-", "−")),
                    lambda: database.run(ledger.reverse, ledger.Reverse(entry, f"undo: {reason}")),
                    adjust_again,
                ),
            )

    def reverse(self) -> None:
        row = self.entries.currentRow()
        if row < 0:
            QMessageBox.information(self, self.tr("Reverse entry"), self.tr("Select an entry of the member first."))
            return
        entry_id, workspace = int(self.entries.item(row, 0).text()), self.selected_workspace()
        reason = ReasonDialog.ask(
            self, self.tr("Reverse entry %d") % entry_id, self.tr("Why is this entry reversed?"), []
        )
        if reason:
            database = self.database

            def undo_of(reversal: int):
                def undo():
                    copy = database.run(ledger.reinstate_entry, ledger.ReinstateEntry(reversal, "undo"))

                    def redo():
                        return undo_of(database.run(ledger.reverse, ledger.Reverse(copy, reason)))

                    return redo

                return undo

            self._run(
                self.tr("Reverse entry"),
                lambda: database.run(ledger.reverse, ledger.Reverse(entry_id, reason)),
                self.tr("Entry %d reversed") % entry_id,
                lambda reversal: (self.tr("Reverse entry %d of %s") % (entry_id, workspace), undo_of(reversal), None),
            )

    def _confirm_program_year(self, title: str, question: str, work, done: str, undo=None, undo_text="") -> None:
        """Year two, graduate, renew: ask about the selected member, then run the use case.

        `undo(database, workspace, result)` takes the decision back (for Edit → Undo)."""
        workspace = self._workspace_or_warn()
        if not workspace or QMessageBox.question(self, title, question % workspace) != QMessageBox.StandardButton.Yes:
            return
        database = self.database

        def again():
            result = work(database, workspace)
            return lambda: undo(database, workspace, result)

        undoable = (
            None
            if undo is None
            else (lambda result: (undo_text % workspace, lambda: undo(database, workspace, result), again))
        )
        self._run(title, lambda: work(database, workspace), done % workspace, undoable)

    def year_two(self) -> None:
        self._confirm_program_year(
            self.tr("Year two"),
            self.tr(
                "Confirm that %s still meets the requirements (funding, territory, no other discount) on its anniversary?"
            ),
            lambda database, workspace: database.run(ledger.grant_year_two, ledger.GrantYearTwo(workspace)),
            self.tr("Year two granted to %s"),
            lambda database, workspace, result: database.run(
                ledger.reverse, ledger.Reverse(result["grant_entry"], "undo: year two")
            ),
            self.tr("Year two for %s"),
        )

    def graduate(self) -> None:
        self._confirm_program_year(
            self.tr("Graduate"),
            self.tr("%s no longer qualifies: graduate it?"),
            lambda database, workspace: database.run(ledger.graduate, ledger.Graduate(workspace)),
            self.tr("%s graduated"),
            lambda database, workspace, result: database.run(
                ledger.reinstate_member, ledger.ReinstateMember(workspace)
            ),
            self.tr("Graduate %s"),
        )

    def renew(self) -> None:
        member = self.selected_member()
        before = member.status if member is not None and member.status in ("active", "graduated") else "active"
        self._confirm_program_year(
            self.tr("Renew"),
            self.tr("Offer %s a renewal year at the renewal discount?"),
            lambda database, workspace: database.run(ledger.renew, ledger.Renew(workspace)),
            self.tr("%s renewed"),
            lambda database, workspace, result: database.run(
                ledger.cancel_renewal, ledger.CancelRenewal(workspace, before)
            ),
            self.tr("Renew %s"),
        )


def _totals_html(totals, tr) -> str:
    last = totals.by_month[-1] if totals.by_month else None
    members = " · ".join(f"{label}: {count}" for label, count in totals.members_by_year.items()) or "—"
    recent = "".join(
        f"<tr><td>{month}</td><td align='right'>{display(applied)}</td><td align='right'>{display(expired)}</td></tr>"
        for month, applied, expired in totals.by_month[-3:]
    )
    return (
        f"<b>{tr('Outstanding credit liability')}:</b> USD {display(totals.liability)} {tr('available now')}"
        + (f", USD {display(totals.committed)} {tr('committed for later')}" if totals.committed else "")
        + " &nbsp;&nbsp; "
        f"<b>{tr('Last closed month')}:</b> {totals.last_closed or '—'}"
        + (f" (applied {display(last[1])}, expired {display(last[2])})" if last else "")
        + f" &nbsp;&nbsp; <b>{tr('Members')}:</b> {members}"
        + (
            f"<table cellspacing='0' cellpadding='1'><tr><th align='left'>{tr('Month')}</th><th>{tr('Credit applied')}</th>"
            f"<th>{tr('Credit expired')}</th></tr>{recent}</table>"
            if recent
            else ""
        )
    )


def _make_chart_view():
    from PySide6.QtCharts import QChart, QChartView

    chart = QChart()
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(220)
    view.setAccessibleName("Credit left over time")
    return view


def _draw_burn_down(
    view, workspace: str, history: list[tuple[date, int]], member: MemberSummary, tr, today: date
) -> None:
    """Credit left over time (a step line) and where the recent burn rate leads."""
    from PySide6.QtCharts import QDateTimeAxis, QLineSeries, QValueAxis
    from PySide6.QtCore import QDate, QDateTime, QTime

    chart = view.chart()
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)
    chart.setTitle(tr("Credit left — %s") % workspace)
    if not history:
        return

    def moment(day: date) -> QDateTime:
        return QDateTime(QDate(day), QTime(0, 0))

    def stamp(day: date) -> float:
        return moment(day).toMSecsSinceEpoch()

    balance = QLineSeries()
    balance.setName(tr("balance (USD)"))
    previous = None
    for day, cents in history:
        if previous is not None:
            balance.append(stamp(day), previous / 100)
        balance.append(stamp(day), cents / 100)
        previous = cents
    last_day = max(history[-1][0], today)
    balance.append(stamp(last_day), history[-1][1] / 100)
    chart.addSeries(balance)
    end = last_day
    if member.burn_per_month > 0 and member.balance > 0:
        projection = QLineSeries()
        projection.setName(tr("projection at the recent bills' pace"))
        pen = QPen(projection.pen())
        pen.setStyle(Qt.PenStyle.DashLine)
        projection.setPen(pen)
        after = (last_day.year, last_day.month)
        for day, cents in forecast_projection(member.balance, member.burn_per_month, after, member.expires_on):
            projection.append(stamp(day), cents / 100)
            end = day
        chart.addSeries(projection)
    x_axis = QDateTimeAxis()
    x_axis.setFormat("yyyy-MM")
    x_axis.setRange(moment(history[0][0]), moment(end))
    y_axis = QValueAxis()
    y_axis.setLabelFormat("%.0f")
    y_axis.setRange(0, max(c for _, c in history) / 100 * 1.05 or 1)
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    for series in chart.series():
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
