"""The Ledger pane: members with balances, a member's entries and burn-down, program totals,
and the month's work (import bills, close month, corrections, program years)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
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
from models.money import display
from ui.dialogs import show_error
from ui.ledger_actions import LedgerActions
from ui.ledger_chart import draw_burn_down, make_chart_view, totals_html
from ui.ledger_lifecycle import LifecycleActions
from ui.ledger_models import RIGHT, MemberFilter, MemberTableModel, entry_kind_label
from ui.pane_reads import LatestReads
from ui.tasks import TaskRunner


class LedgerPane(QWidget, LedgerActions, LifecycleActions):
    status_message = Signal(str)
    member_deals_requested = Signal(str)  # a workspace: show its partner-deal requests
    application_requested = Signal(int)  # an application's row id, from the what-if's list: show it

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
        self.member_data: dict | None = None  # the selected member's `ledger_of`, once read

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
            (self.tr("Extend grant…"), self.extend_grant),
            (self.tr("Bonus credit…"), self.bonus_credit),
            (self.tr("Forecast…"), self.open_forecast),
            (self.tr("What-if…"), self.open_whatif),
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
        self.chart = make_chart_view()
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

    def open_forecast(self):
        """The program forecast chart, in its own window (read on the runner)."""
        from ui.forecast_view import open_forecast_dialog

        self.forecast_dialog = open_forecast_dialog(self, self.database, self.runner)
        self.forecast_dialog.view.status_message.connect(self.status_message)
        return self.forecast_dialog

    def open_whatif(self):
        """The policy what-if, in its own window: it writes nothing."""
        from ui.whatif_dialog import open_whatif_dialog

        self.whatif_dialog = open_whatif_dialog(self, self.database, self.runner, self.undo_stack)
        self.whatif_dialog.open_application.connect(self.application_requested)
        return self.whatif_dialog

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
        self.totals.setText(totals_html(totals, self.tr))
        self.apply_filter()
        if current:
            self.select_workspace(current)
        elif self.proxy.rowCount():
            self.table.selectRow(0)

    def apply_filter(self, *_args) -> None:
        self.proxy.set_filter(self.mode.currentData(), self.search.text(), self.database.clock.today())
        self.status_message.emit(self.tr("%Ln member(s)", "", self.proxy.rowCount()))

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
        self.member_data = data
        self.entries.setRowCount(len(data["entries"]))
        for row, entry in enumerate(data["entries"]):
            cells = (
                str(entry["id"]),
                entry["date"].isoformat(),
                entry_kind_label(entry["kind"], entry.get("program_year"))
                + (f" → {entry['reverses']}" if entry["reverses"] else "")
                + (self.tr(" (valid until %s)") % entry["valid_until"] if entry.get("valid_until") else ""),
                display(entry["amount"]),
                display(entry["balance"]) if entry["kind"] != "discount" else "",
                entry["reason"],
                entry["actor"],
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (3, 4):
                    item.setTextAlignment(RIGHT)
                self.entries.setItem(row, column, item)
        self.entries.resizeColumnsToContents()
        draw_burn_down(self.chart, member.workspace, history, member, self.tr, self.database.clock.today())
