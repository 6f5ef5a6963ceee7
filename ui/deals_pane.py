"""The Deals pane: the partner-deal catalogue, redemption requests, and the program partners."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
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
from app.services import deal_files, deals, partners
from models.money import display
from ui import file_dialogs
from ui.dialogs import ReasonDialog, ask_text, show_error
from ui.pane_reads import LatestReads
from ui.row_models import ROW_ROLE, Column, RowTableModel, sorting_proxy
from ui.tasks import TaskRunner
from ui.undo import TaskCommand

UNLIMITED = 10**12  # sorts "unlimited" after any number of places


def _date(value) -> str:
    return value.isoformat() if value else ""


def deal_columns(tr) -> list[Column]:
    return [
        Column(tr("Partner"), lambda d: d.partner),
        Column(tr("Deal"), lambda d: d.title),
        Column(tr("Category"), lambda d: d.category),
        Column(
            tr("Value"),
            lambda d: display(d.value_cents) if d.value_cents is not None else d.value_text,
            lambda d: d.value_cents if d.value_cents is not None else -1,
            right=True,
        ),
        Column(tr("Valid until"), lambda d: _date(d.valid_until), lambda d: _date(d.valid_until) or "9999"),
        Column(
            tr("Remaining"),
            lambda d: tr("unlimited") if d.remaining is None else str(d.remaining),
            lambda d: UNLIMITED if d.remaining is None else d.remaining,
            right=True,
        ),
        Column(tr("Waiting"), lambda d: str(d.open_requests), lambda d: d.open_requests, right=True),
        Column(tr("Active"), lambda d: tr("yes") if d.active else tr("retired")),
    ]


def request_columns(tr) -> list[Column]:
    return [
        Column(tr("#"), lambda r: str(r.id), lambda r: r.id, right=True),
        Column(tr("Workspace"), lambda r: r.workspace),
        Column(tr("Company"), lambda r: r.company),
        Column(tr("Deal"), lambda r: f"{r.partner}: {r.title}"),
        Column(tr("Status"), lambda r: r.status),
        Column(tr("Requested"), lambda r: f"{r.requested_at:%Y-%m-%d}", lambda r: r.requested_at.isoformat()),
        Column(tr("Decided by"), lambda r: r.decided_by),
        Column(tr("Reason or note"), lambda r: r.reason),
        Column(tr("Code or link"), lambda r: r.redeem),  # blank until approved
    ]


def partner_columns(tr) -> list[Column]:
    return [
        Column(tr("Code"), lambda p: p.code),
        Column(tr("Name"), lambda p: p.name),
        Column(tr("Kind"), lambda p: p.kind),
        Column(tr("Status"), lambda p: p.status),
        Column(tr("Contact"), lambda p: p.contact),
        Column(
            tr("Annual credit"),
            lambda p: display(p.annual_credit_cents) if p.annual_credit_cents else tr("default"),
            lambda p: p.annual_credit_cents or 0,
            right=True,
        ),
        Column(tr("Members"), lambda p: str(p.members), lambda p: p.members, right=True),
        Column(tr("Credit granted"), lambda p: display(p.granted_cents), lambda p: p.granted_cents, right=True),
    ]


def table(proxy) -> QTableView:
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    proxy.modelReset.connect(lambda: fit_columns(view))
    return view


def fit_columns(view: QTableView, widest: int = 320) -> None:
    """Columns as wide as their text (a few hundred rows: cheap), none wider than `widest`."""
    header = view.horizontalHeader()
    for column in range(header.count() - 1):
        view.resizeColumnToContents(column)
        header.resizeSection(column, min(header.sectionSize(column), widest))


def history_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names and reasons are typed by people: never markup
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def history_text(steps: list[dict]) -> str:
    """Who changed what, when (UTC) and why, one step a line."""
    return "\n" + "\n".join(
        f"{step['at']:%Y-%m-%d %H:%M}  {step['actor']}  {step['from_status'] or '—'} → {step['to_status']}"
        + (f"  ({step['reason']})" if step["reason"] else "")
        for step in steps
    )


def selected(view: QTableView):
    indexes = view.selectionModel().selectedRows()
    return indexes[0].data(ROW_ROLE) if indexes else None


def reselect(view: QTableView, matches) -> None:
    """After a reload, select the row that was selected before (if it is still there)."""
    model = view.model()
    for row in range(model.rowCount()):
        if matches(model.index(row, 0).data(ROW_ROLE)):
            view.selectRow(row)
            return


class DealDialog(QDialog):
    """Add or edit a deal: the deal file's columns as fields; the service checks them."""

    FIELDS = (
        "partner",
        "title",
        "category",
        "value_text",
        "value_usd",
        "redeem",
        "valid_from",
        "valid_until",
        "capacity",
    )

    def __init__(self, parent, deal: DealRow | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit deal") if deal else self.tr("Add deal"))
        form = QFormLayout(self)
        labels = {
            "partner": self.tr("Partner company"),
            "title": self.tr("Title"),
            "category": self.tr("Category"),
            "value_text": self.tr("Value (text)"),
            "value_usd": self.tr("Estimated value (USD)"),
            "redeem": self.tr("How to redeem (code, link or contact)"),
            "valid_from": self.tr("Valid from (YYYY-MM-DD)"),
            "valid_until": self.tr("Valid until (YYYY-MM-DD)"),
            "capacity": self.tr("Capacity (blank: unlimited)"),
        }
        current = {}
        if deal is not None:
            current = {
                "partner": deal.partner,
                "title": deal.title,
                "category": deal.category,
                "value_text": deal.value_text,
                "value_usd": f"{deal.value_cents / 100:.2f}" if deal.value_cents is not None else "",
                "redeem": deal.redeem,
                "valid_from": _date(deal.valid_from),
                "valid_until": _date(deal.valid_until),
                "capacity": "" if deal.capacity is None else str(deal.capacity),
            }
        self.edits = {}
        for name in self.FIELDS:
            edit = QLineEdit(current.get(name, ""))
            self.edits[name] = edit
            form.addRow(labels[name], edit)
        self.description = QPlainTextEdit(deal.description if deal else "")
        self.description.setMaximumHeight(90)
        form.addRow(self.tr("Description"), self.description)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.active = "yes" if deal is None or deal.active else "no"
        self.resize(520, self.sizeHint().height())

    def values(self) -> dict[str, str]:
        return {
            **{k: e.text() for k, e in self.edits.items()},
            "description": self.description.toPlainText(),
            "active": self.active,
        }

    @classmethod
    def ask(cls, parent, deal: DealRow | None = None) -> dict[str, str] | None:
        dialog = cls(parent, deal)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None


class DealsPane(QWidget):
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
        detail_layout.addWidget(table(sorting_proxy(self.deal_requests, self)), 1)
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
        self.partner_table = table(sorting_proxy(self.partners, self))
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
            validity = f"{_date(deal.valid_from) or '…'} – {_date(deal.valid_until) or '…'}"
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

    # ---- writing (on the task runner; the pane refreshes when done) ----------------------------

    def _run(self, title: str, work, done_text, command=None) -> None:
        """Run a use case on the worker; `command(result)` gives (text, undo_work, redo_work) for Edit → Undo."""

        def done(result) -> None:
            self.status_message.emit(done_text(result) if callable(done_text) else done_text)
            if command is not None:
                text, undo_work, redo_work = command(result)
                self.undo_stack.push(
                    TaskCommand(self.runner, self, text, undo_work, redo_work, lambda _result: self.refresh())
                )
            self.refresh()

        self.runner.run(lambda progress, cancelled: work(), done, lambda error: show_error(self, title, error))

    def add_deal(self) -> None:
        values = DealDialog.ask(self)
        if not values:
            return
        database = self.database

        def undo_of(deal_id: int):
            def undo():
                database.run(deals.delete_deal, deals.DeleteDeal(deal_id))
                return redo

            return undo

        def redo():
            return undo_of(database.run(deals.save_deal, deals.SaveDeal(values)))

        self._run(
            self.tr("Deal not added"),
            lambda: database.run(deals.save_deal, deals.SaveDeal(values)),
            self.tr("Deal added"),
            lambda deal_id: (self.tr("Add deal %s: %s") % (values["partner"], values["title"]), undo_of(deal_id), redo),
        )

    def edit_deal(self) -> None:
        deal = selected(self.deal_table)
        if deal is None:
            return
        values = DealDialog.ask(self, deal)
        if not values:
            return
        database = self.database

        def put(text: dict):
            """Work that puts `text` in the deal and returns the work that puts back what was there."""

            def work():
                return put(database.run(deals.edit_deal, deals.EditDeal(deal.id, text)))

            return work

        self._run(
            self.tr("Deal not saved"),
            lambda: database.run(deals.edit_deal, deals.EditDeal(deal.id, values)),
            self.tr("Deal saved"),
            lambda before: (self.tr("Edit deal %s: %s") % (deal.partner, deal.title), put(before), put(values)),
        )

    def toggle_deal(self) -> None:
        deal = selected(self.deal_table)
        if deal is None:
            return
        database = self.database

        def set_active(active: bool):
            return lambda: database.run(deals.set_deal_active, deals.SetDealActive(deal.id, active))

        retire = deal.active
        text = (self.tr("Retire deal %s: %s") if retire else self.tr("Reactivate deal %s: %s")) % (
            deal.partner,
            deal.title,
        )
        self._run(
            self.tr("Deal unchanged"),
            set_active(not deal.active),
            self.tr("Deal retired") if retire else self.tr("Deal reactivated"),
            lambda _: (text, set_active(deal.active), set_active(not deal.active)),
        )

    def request_for_member(self) -> None:
        deal = selected(self.deal_table)
        if deal is None:
            return
        workspace = ask_text(
            self, self.tr("Request a deal"), self.tr("Workspace of the member asking for “%s”") % deal.title
        )
        if not workspace:
            return
        database = self.database

        def undo_of(request_id: int):
            def undo():
                database.run(deals.withdraw_request, deals.WithdrawRequest(request_id))
                return redo

            return undo

        def redo():
            return undo_of(database.run(deals.request_deal, deals.RequestDeal(workspace, deal.id)).id)

        self._run(
            self.tr("Request refused"),
            lambda: database.run(deals.request_deal, deals.RequestDeal(workspace, deal.id)),
            lambda outcome: self.tr("Request %d recorded") % outcome.id,
            lambda outcome: (self.tr("Request %s for %s") % (deal.title, workspace), undo_of(outcome.id), redo),
        )

    def decide(self, action: str) -> None:
        request: RequestRow | None = selected(self.request_table)
        if request is None:
            return
        reason = ""
        if action == "decline":
            reason = ReasonDialog.ask(
                self,
                self.tr("Decline request"),
                self.tr("Why is this request declined?"),
                [self.tr("Not eligible for this deal"), self.tr("The partner withdrew the offer")],
            )
            if reason is None:
                return
        database = self.database

        def done_text(outcome) -> str:
            text = self.tr("Request %d: %s") % (outcome.id, outcome.status)
            return text + (self.tr(" — code or link: %s") % outcome.redeem if outcome.redeem else "")

        def undo_of(status: str):
            def undo():
                database.run(deals.undo_decision, deals.UndoDecision(request.id, status))
                return redo

            return undo

        def redo():
            outcome = database.run(deals.decide_request, deals.DecideRequest(request.id, action, reason))
            return undo_of(outcome.status)

        verb = {"approve": self.tr("Approve"), "decline": self.tr("Decline"), "fulfil": self.tr("Fulfil")}[action]
        self._run(
            self.tr("Request not changed"),
            lambda: database.run(
                deals.decide_request, deals.DecideRequest(request.id, action, reason, expected_version=request.version)
            ),
            done_text,
            lambda outcome: (
                self.tr("%s request %d (%s: %s)") % (verb, request.id, request.workspace, request.title),
                undo_of(outcome.status),
                redo,
            ),
        )

    def import_deals(self) -> None:
        name = file_dialogs.open_file(
            self, self.tr("Import deals"), str(Path.home()), self.tr("Deal files (*.csv *.xlsx)")
        )
        if not name:
            return
        from app.services.mappings import find_mapping, mapping_names

        database = self.database

        def chosen(names: list[str]) -> None:
            choices = [self.tr("(the deal file's own columns)")] + names
            guess = 1 + names.index("startup-perks") if "perks" in Path(name).name and "startup-perks" in names else 0
            choice, ok = QInputDialog.getItem(
                self, self.tr("Import deals"), self.tr("Column mapping"), choices, guess, False
            )
            if not ok:
                return

            def work():
                mapping = None if choice == choices[0] else find_mapping(database, choice)
                return database.run(deal_files.import_deals, deal_files.ImportDealFile(name, mapping))

            self._run(
                self.tr("Deals not imported"),
                work,
                lambda report: self._report(report, self.tr("Imported %d deals; %d already there; %d invalid rows")),
            )

        self.runner.run(
            lambda progress, cancelled: mapping_names(database),
            chosen,
            lambda error: show_error(self, self.tr("Deals not imported"), error),
        )

    def import_requests(self) -> None:
        name = file_dialogs.open_file(
            self, self.tr("Import requests"), str(Path.home()), self.tr("Request form export (*.csv *.xlsx)")
        )
        if name:
            self._run(
                self.tr("Requests not imported"),
                lambda: self.database.run(deal_files.import_requests, deal_files.ImportDealFile(name)),
                lambda report: self._report(report, self.tr("Imported %d requests; %d already open; %d invalid rows")),
            )

    def _report(self, report, template: str) -> str:
        """The import's summary; the rows left out are listed (row, column, reason) so they can be fixed."""
        text = template % (report.imported, report.duplicates, report.invalid_rows)
        if report.invalid:
            lines = [str(error) for error in report.invalid[:30]]
            if len(report.invalid) > 30:
                lines.append(self.tr("… and %d more") % (len(report.invalid) - 30))
            show_error(self, self.tr("Rows left out"), text + "\n\n" + "\n".join(lines))
        return text

    def _save_csv(self, title: str, suggested: str, work, done) -> None:
        name = file_dialogs.save_file(self, title, str(Path.home() / suggested), "CSV (*.csv)")
        if name:
            self._run(title, lambda: work(self.database, name), done)

    def export_catalogue(self) -> None:
        self._save_csv(
            self.tr("Export catalogue"), "deals.csv", deals.export_catalogue, lambda n: self.tr("%d deals exported") % n
        )

    def export_approved(self) -> None:
        self._save_csv(
            self.tr("Export approved requests"),
            "approved-requests.csv",
            deals.export_approved,
            lambda n: self.tr("%d approved requests exported") % n,
        )

    def add_partner(self) -> None:
        code = ask_text(self, self.tr("Partner application"), self.tr("Partner code (as applications will name it)"))
        if not code:
            return
        name = ask_text(self, self.tr("Partner application"), self.tr("Name of the accelerator, incubator or VC firm"))
        if not name:
            return
        kind, ok = QInputDialog.getItem(
            self, self.tr("Partner application"), self.tr("Kind"), ["accelerator", "incubator", "vc"], 0, False
        )
        if not ok:
            return
        database, command = self.database, partners.AddPartnerApplication(code, name, kind)

        def undo():
            database.run(partners.withdraw_partner_application, partners.WithdrawPartnerApplication(command.code))
            return redo

        def redo():
            database.run(partners.add_partner_application, command)
            return undo

        self._run(
            self.tr("Partner application refused"),
            lambda: database.run(partners.add_partner_application, command),
            self.tr("Partner application recorded"),
            lambda _: (self.tr("Partner application %s (%s)") % (code.strip(), name.strip()), undo, redo),
        )

    def decide_partner(self, action: str) -> None:
        partner: PartnerRow | None = selected(self.partner_table)
        if partner is None:
            return
        reason = ""
        if action == "deactivate":
            action = "reject" if partner.status == "applied" else "deactivate"
            reason = ReasonDialog.ask(self, self.tr("Partner"), self.tr("Why?"), [self.tr("Program ended")])
            if reason is None:
                return
        database = self.database

        def undo_of(status: str):
            def undo():
                database.run(partners.undo_partner_decision, partners.UndoPartnerDecision(partner.code, status))
                return redo

            return undo

        def redo():
            return undo_of(database.run(partners.decide_partner, partners.DecidePartner(partner.code, action, reason)))

        verb = {"activate": self.tr("Activate"), "deactivate": self.tr("Deactivate"), "reject": self.tr("Reject")}
        self._run(
            self.tr("Partner unchanged"),
            lambda: database.run(partners.decide_partner, partners.DecidePartner(partner.code, action, reason)),
            lambda status: self.tr("%s is now %s") % (partner.code, status),
            lambda status: (self.tr("%s partner %s") % (verb[action], partner.code), undo_of(status), redo),
        )

    def link_code(self) -> None:
        if not self.unknown_codes:
            self.status_message.emit(self.tr("No unknown partner codes"))
            return
        code, ok = QInputDialog.getItem(
            self, self.tr("Link a partner code"), self.tr("Unknown code"), self.unknown_codes, 0, False
        )
        if not ok:
            return
        registered = [p.code for p in self.partners.rows]
        target, ok = QInputDialog.getItem(
            self, self.tr("Link a partner code"), self.tr("Registered partner"), registered, 0, False
        )
        if not ok:
            return
        database = self.database

        def undo_of(linked):
            def undo():
                database.run(partners.unlink_code, partners.UnlinkCode(code, target, linked))
                return redo

            return undo

        def redo():
            return undo_of(database.run(partners.link_code_undoably, partners.LinkCode(code, target)))

        self._run(
            self.tr("Not linked"),
            lambda: database.run(partners.link_code_undoably, partners.LinkCode(code, target)),
            lambda linked: self.tr("%d applications linked to %s") % (linked.count, target),
            lambda linked: (self.tr("Link code %s to %s") % (code, target), undo_of(linked), redo),
        )
