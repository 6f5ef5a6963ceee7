"""The Deals pane: the partner-deal catalogue, redemption requests, and the program partners."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.deal_queries import (
    DealRow,
    PartnerRow,
    RequestRow,
    categories,
    deal_rows,
    partner_history,
    partner_rows,
    request_history,
    request_rows,
    unknown_partner_codes,
)
from models.money import display
from ui.deals_actions import DealActions
from ui.deals_models import (
    date_text,
    deal_columns,
    history_label,
    history_text,
    partner_columns,
    request_columns,
    reselect,
    selected,
    table,
)
from ui.pane_reads import LatestReads
from ui.partner_actions import PartnerActions
from ui.row_models import RowTableModel, sorting_proxy
from ui.tasks import TaskRunner


class DealsPane(QWidget, DealActions, PartnerActions):
    status_message = Signal(str)

    def __init__(self, database, runner: TaskRunner, undo_stack: QUndoStack | None = None, parent=None):
        super().__init__(parent)
        self.database, self.runner = database, runner
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self.reads = LatestReads(runner, self)
        self.unknown_codes: list[str] = []
        self.category_names: list[str] = []
        self.deals = RowTableModel(deal_columns(self.tr), self)
        self.requests = RowTableModel(request_columns(self.tr), self)
        self.partners = RowTableModel(partner_columns(self.tr), self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._catalogue_tab(), self.tr("Catalogue"))
        self.tabs.addTab(self._requests_tab(), self.tr("Requests"))
        self.tabs.addTab(self._partners_tab(), self.tr("Partners"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tabs)
        self.loaded = False  # read when first shown (the main window calls refresh): not at startup

    # ---- building ---------------------------------------------------------------------

    def _buttons(self, layout: QHBoxLayout, items) -> None:
        for label, slot in items:
            button = QPushButton(label)
            button.clicked.connect(slot)
            layout.addWidget(button)
        layout.addStretch(1)

    def _catalogue_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        bar = QHBoxLayout()
        self.category = QComboBox()
        self.category.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.category.setAccessibleName(self.tr("Category"))
        self.category.currentIndexChanged.connect(self.load_deals)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search partner, deal or description"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.load_deals)
        bar.addWidget(QLabel(self.tr("Category")))
        bar.addWidget(self.category)
        bar.addWidget(self.search, 1)
        layout.addLayout(bar)
        actions = QHBoxLayout()
        self._buttons(
            actions,
            (
                (self.tr("Add…"), self.add_deal),
                (self.tr("Edit…"), self.edit_deal),
                (self.tr("Retire / reactivate"), self.toggle_deal),
                (self.tr("Request for a member…"), self.request_for_member),
                (self.tr("Import deals…"), self.import_deals),
                (self.tr("Export catalogue…"), self.export_catalogue),
            ),
        )
        layout.addLayout(actions)
        self.deal_proxy = sorting_proxy(self.deals, self)
        self.deal_table = table(self.deal_proxy)
        self.deal_table.selectionModel().selectionChanged.connect(self.show_deal)
        self.deal_detail = QLabel()
        self.deal_detail.setWordWrap(True)
        self.deal_detail.setTextFormat(Qt.TextFormat.PlainText)
        self.deal_detail.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.deal_requests = RowTableModel(request_columns(self.tr), self)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.addWidget(self.deal_detail)
        detail_layout.addWidget(QLabel(self.tr("Requests for this deal")))
        self.deal_requests_table = table(sorting_proxy(self.deal_requests, self))
        detail_layout.addWidget(self.deal_requests_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.deal_table)
        splitter.addWidget(detail)
        splitter.setSizes([500, 260])
        layout.addWidget(splitter, 1)
        return page

    def _requests_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        bar = QHBoxLayout()
        self.request_status = QComboBox()
        self.request_status.addItem(self.tr("All states"), "")
        for status in ("requested", "approved", "fulfilled", "declined"):
            self.request_status.addItem(status, status)
        self.request_status.currentIndexChanged.connect(self.load_requests)
        self.member = QLineEdit()
        self.member.setPlaceholderText(self.tr("Workspace: one member's deals"))
        self.member.setClearButtonEnabled(True)
        self.member.editingFinished.connect(self.load_requests)
        bar.addWidget(self.request_status)
        bar.addWidget(self.member, 1)
        layout.addLayout(bar)
        actions = QHBoxLayout()
        self._buttons(
            actions,
            (
                (self.tr("Approve"), lambda: self.decide("approve")),
                (self.tr("Decline…"), lambda: self.decide("decline")),
                (self.tr("Fulfilled"), lambda: self.decide("fulfil")),
                (self.tr("Import requests…"), self.import_requests),
                (self.tr("Export approved for mailing…"), self.export_approved),
            ),
        )
        layout.addLayout(actions)
        self.request_table = table(sorting_proxy(self.requests, self))
        layout.addWidget(self.request_table, 1)
        self.request_steps = history_label()
        layout.addWidget(self.request_steps)
        self.request_table.selectionModel().selectionChanged.connect(self.show_request_history)
        return page

    def _partners_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        actions = QHBoxLayout()
        self._buttons(
            actions,
            (
                (self.tr("Partner application…"), self.add_partner),
                (self.tr("Activate"), lambda: self.decide_partner("activate")),
                (self.tr("Deactivate or reject…"), lambda: self.decide_partner("deactivate")),
                (self.tr("Link an unknown code…"), self.link_code),
            ),
        )
        layout.addLayout(actions)
        self.unknown = QLabel()
        self.unknown.setWordWrap(True)
        layout.addWidget(self.unknown)
        self.partner_table = table(sorting_proxy(self.partners, self), stretch=1)
        layout.addWidget(self.partner_table, 1)
        self.partner_steps = history_label()
        layout.addWidget(self.partner_steps)
        self.partner_table.selectionModel().selectionChanged.connect(self.show_partner_history)
        return page

    # ---- reading (small tables: a few hundred rows at most) ----------------------------------

    def refresh(self) -> None:
        """Read every tab on the worker; each table fills in when its read comes back."""
        self.loaded = True
        database = self.database
        self.reads.read("categories", lambda: database.query(lambda uow: categories(uow.conn)), self._categories)
        self.load_deals()
        self.load_requests()
        self.load_partners()

    def _categories(self, names: list[str]) -> None:
        current = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem(self.tr("All categories"), "")
        for name in names:
            self.category.addItem(name, name)
        self.category.setCurrentIndex(max(self.category.findData(current), 0))
        self.category.blockSignals(False)
        self.category_names = names
        if self.category.currentData() != current:  # the chosen category is gone: show all
            self.load_deals()

    def load_deals(self, *_args) -> None:
        database, category, text = self.database, self.category.currentData() or "", self.search.text().strip()
        self.reads.read(
            "deals", lambda: database.query(lambda uow: deal_rows(uow.conn, category, text)), self._deals_loaded
        )

    def _deals_loaded(self, rows: list[DealRow]) -> None:
        current = selected(self.deal_table)
        self.deals.set_rows(rows)
        if current is not None:
            reselect(self.deal_table, lambda row: row.id == current.id)
        self.show_deal()

    def load_requests(self, *_args) -> None:
        database, workspace, status = self.database, self.member.text().strip(), self.request_status.currentData()
        self.reads.read(
            "requests",
            lambda: database.query(lambda uow: request_rows(uow.conn, workspace=workspace, status=status)),
            self._requests_loaded,
        )

    def _requests_loaded(self, rows: list[RequestRow]) -> None:
        current = selected(self.request_table)
        self.requests.set_rows(rows)
        if current is not None:
            reselect(self.request_table, lambda row: row.id == current.id)
        self.show_request_history()

    def load_partners(self) -> None:
        database = self.database

        def read(uow):
            return partner_rows(uow.conn), unknown_partner_codes(uow.conn)

        self.reads.read("partners", lambda: database.query(read), self._partners_loaded)

    def _partners_loaded(self, result) -> None:
        rows, unknown = result
        current = selected(self.partner_table)
        self.partners.set_rows(rows)
        if current is not None:
            reselect(self.partner_table, lambda row: row.id == current.id)
        self.show_partner_history()
        self.unknown.setText(
            self.tr("Unknown partner codes in applications: ") + ", ".join(f"{c} ({n})" for c, n in unknown)
            if unknown
            else self.tr("Every partner code named by an application is registered.")
        )
        self.unknown_codes = [code for code, _ in unknown]

    def show_deal(self, *_args) -> None:
        deal: DealRow | None = selected(self.deal_table)
        if deal is None:
            self.deal_detail.setText(self.tr("Select a deal to see its details and requests."))
            self.reads.read("deal requests", lambda: [], self.deal_requests.set_rows)
            return
        if deal.valid_from or deal.valid_until:
            validity = f"{date_text(deal.valid_from) or '…'} – {date_text(deal.valid_until) or '…'}"
        else:
            validity = self.tr("no end date")
        places = self.tr("unlimited") if deal.capacity is None else f"{deal.remaining} / {deal.capacity}"
        self.deal_detail.setText(
            f"{deal.partner}: {deal.title}\n{deal.description}\n\n"
            + self.tr("Value: %s · Valid: %s · Places left: %s · %s")
            % (
                deal.value_text or (display(deal.value_cents) if deal.value_cents is not None else "—"),
                validity,
                places,
                self.tr("active") if deal.active else self.tr("retired"),
            )
            + "\n"
            + self.tr("How to redeem: %s (a member sees it only once the request is approved)") % (deal.redeem or "—")
        )
        database = self.database
        self.reads.read(
            "deal requests",
            lambda: database.query(lambda uow: request_rows(uow.conn, deal=deal.id)),
            self.deal_requests.set_rows,
        )

    def show_request_history(self, *_args) -> None:
        request: RequestRow | None = selected(self.request_table)
        if request is None:
            self.reads.read("request history", lambda: None, lambda _: self.request_steps.setText(""))
            return
        database = self.database

        def shown(steps) -> None:
            self.request_steps.setText(
                self.tr("Request %d (%s, %s): ") % (request.id, request.workspace, request.title) + history_text(steps)
            )

        self.reads.read(
            "request history", lambda: database.query(lambda uow: request_history(uow.conn, request.id)), shown
        )

    def show_partner_history(self, *_args) -> None:
        partner: PartnerRow | None = selected(self.partner_table)
        if partner is None:
            self.reads.read("partner history", lambda: None, lambda _: self.partner_steps.setText(""))
            return
        database = self.database
        self.reads.read(
            "partner history",
            lambda: database.query(lambda uow: partner_history(uow.conn, partner.id)),
            lambda steps: self.partner_steps.setText(self.tr("%s: ") % partner.name + history_text(steps)),
        )

    def show_member(self, workspace: str) -> None:
        """The per-member view: that member's requests, in every state."""
        if not self.loaded:
            self.refresh()
        self.tabs.setCurrentIndex(1)
        self.request_status.blockSignals(True)
        self.request_status.setCurrentIndex(0)
        self.request_status.blockSignals(False)
        self.member.setText(workspace)
        self.load_requests()
