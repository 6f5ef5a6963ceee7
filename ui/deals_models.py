"""The Deals pane's tables: columns of deals, requests and partners, and the views that show them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView

from models.money import display
from ui.row_models import ROW_ROLE, Column

UNLIMITED = 10**12  # sorts "unlimited" after any number of places


def date_text(value) -> str:
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
        Column(tr("Valid until"), lambda d: date_text(d.valid_until), lambda d: date_text(d.valid_until) or "9999"),
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


def table(proxy, stretch: int | None = None) -> QTableView:
    """A sortable table of rows; column `stretch` takes the spare width (default: the last)."""
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)  # as dense as the ledger
    if stretch is None:
        view.horizontalHeader().setStretchLastSection(True)
    else:  # a number in the last column stays beside its neighbours
        view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    proxy.modelReset.connect(lambda: fit_columns(view))
    return view


def fit_columns(view: QTableView, widest: int = 320) -> None:
    """Columns as wide as their text (a few hundred rows: cheap), none wider than `widest`."""
    header = view.horizontalHeader()
    last = header.count() - 1 if header.stretchLastSection() else header.count()
    for column in range(last):
        if header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch:
            continue
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
