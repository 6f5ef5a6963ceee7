"""The Deals pane: catalogue, requests and partners, and the per-member view from the ledger."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.deal_queries import request_rows
from app.services import deal_files, deals, partners
from ui.deals_pane import DealsPane
from ui.dialogs import ReasonDialog
from ui.tasks import TaskRunner

DEALS = (
    "partner,title,category,value_usd,redeem,capacity\n"
    "Acme Analytics,One free year,Analytics,12000,CODE-ACME-1,1\n"
    "Warehouse Co,Credits,Data warehouse,5000,https://warehouse.example,\n"
)


def settle(qtbot, pane: DealsPane) -> None:
    qtbot.waitUntil(lambda: not pane.runner._running, timeout=10_000)


def rows_of(view) -> list[list[str]]:
    model = view.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def make_pane(qtbot, ledger_db, tmp_path) -> DealsPane:
    path = tmp_path / "deals.csv"
    path.write_text(DEALS)
    ledger_db.run(deal_files.import_deals, deal_files.ImportDealFile(path))
    pane = DealsPane(ledger_db, TaskRunner())
    qtbot.addWidget(pane)
    pane.show()
    assert pane.deals.rowCount() == 0  # nothing is read until the pane is first shown
    pane.refresh()
    settle(qtbot, pane)
    return pane


def save_deal(qtbot, pane: DealsPane, **fields: str) -> None:
    """Type into the open deal dialog and press Save; wait for the answer."""
    dialog = pane.deal_dialog
    for name, text in fields.items():
        dialog.edits[name].setText(text)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    settle(qtbot, pane)


def select(view, row: int) -> None:
    """Select a row and wait for what the selection reads (the runner is the pane's)."""
    view.selectRow(row)
    pane = view.parent()
    while not isinstance(pane, DealsPane):
        pane = pane.parent()
    pane.runner.wait()
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()


def test_every_model_of_the_pane_passes_qts_model_tester_and_money_sorts_by_cents(
    qtbot, ledger_db, tmp_path, model_tester
):
    path = tmp_path / "deals.csv"
    path.write_text(DEALS)
    ledger_db.run(deal_files.import_deals, deal_files.ImportDealFile(path))
    ledger_db.run(deals.request_deal, deals.RequestDeal("light", 2))
    pane = DealsPane(ledger_db, TaskRunner())
    qtbot.addWidget(pane)
    pane.show()
    views = (pane.deal_table, pane.request_table, pane.partner_table, pane.deal_requests_table)
    for model in (pane.deals, pane.requests, pane.partners, pane.deal_requests, *(v.model() for v in views)):
        model_tester(model)
    pane.refresh()
    settle(qtbot, pane)
    select(pane.deal_table, 1)  # Warehouse Co: its request fills the detail's table
    assert [row[1] for row in rows_of(pane.deal_requests_table)] == ["light"]
    pane.deal_table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    assert [row[3] for row in rows_of(pane.deal_table)] == ["5,000.00", "12,000.00"]  # not text order
    pane.deal_table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    assert [row[3] for row in rows_of(pane.deal_table)] == ["12,000.00", "5,000.00"]
    pane.category.setCurrentIndex(pane.category.findData("Analytics"))
    settle(qtbot, pane)
    assert [row[1] for row in rows_of(pane.deal_table)] == ["One free year"]
    pane.refresh()
    settle(qtbot, pane)


def test_approving_from_the_pane_reveals_the_code_and_a_full_deal_is_refused(qtbot, ledger_db, tmp_path, shown_errors):
    pane = make_pane(qtbot, ledger_db, tmp_path)
    first = ledger_db.run(deals.request_deal, deals.RequestDeal("light", 1))
    ledger_db.run(deals.request_deal, deals.RequestDeal("heavy", 1))
    pane.refresh()
    settle(qtbot, pane)
    pane.tabs.setCurrentIndex(1)
    table = pane.request_table
    by_id = {int(row[0]): index for index, row in enumerate(rows_of(table))}
    assert all(row[8] == "" for row in rows_of(table))  # no code before approval
    select(table, by_id[first.id])
    pane.decide("approve")
    settle(qtbot, pane)
    codes = {row[1]: row[8] for row in rows_of(table)}
    assert codes == {"light": "CODE-ACME-1", "heavy": ""}
    heavy = next(i for i, row in enumerate(rows_of(table)) if row[1] == "heavy")
    select(table, heavy)
    pane.decide("approve")
    settle(qtbot, pane)
    assert shown_errors and "full (1 of 1 taken)" in shown_errors[-1]
    with ledger_db.read() as conn:
        assert {r.workspace: r.status for r in request_rows(conn)} == {"light": "approved", "heavy": "requested"}


def test_declining_asks_for_a_reason_and_cancel_changes_nothing(qtbot, ledger_db, tmp_path, monkeypatch):
    pane = make_pane(qtbot, ledger_db, tmp_path)
    ledger_db.run(deals.request_deal, deals.RequestDeal("light", 2))
    pane.refresh()
    settle(qtbot, pane)
    select(pane.request_table, 0)
    monkeypatch.setattr(ReasonDialog, "ask", classmethod(lambda cls, *a, **k: None))
    pane.decide("decline")
    settle(qtbot, pane)
    assert rows_of(pane.request_table)[0][4] == "requested"
    monkeypatch.setattr(ReasonDialog, "ask", classmethod(lambda cls, *a, **k: "not a fit"))
    pane.decide("decline")
    settle(qtbot, pane)
    assert rows_of(pane.request_table)[0][4] == "declined" and rows_of(pane.request_table)[0][7] == "not a fit"


def test_the_ledger_opens_one_members_deals(qtbot, ledger_db, tmp_path):
    from ui.main_window import MainWindow

    path = tmp_path / "deals.csv"
    path.write_text(DEALS)
    ledger_db.run(deal_files.import_deals, deal_files.ImportDealFile(path))
    ledger_db.run(deals.request_deal, deals.RequestDeal("light", 1))
    ledger_db.run(deals.request_deal, deals.RequestDeal("heavy", 2))
    window = MainWindow(ledger_db)
    qtbot.addWidget(window)
    window.ledger.member_deals_requested.emit("heavy")
    settle(qtbot, window.deals)
    assert window.tabs.currentWidget() is window.deals and window.deals.tabs.currentIndex() == 1
    assert [row[1] for row in rows_of(window.deals.request_table)] == ["heavy"]
    window.runner.wait()


def test_an_applications_detail_lists_the_members_deal_requests(qtbot, ledger_db, tmp_path):
    from app.queries import application_detail
    from app.services.applications import find_application_row
    from ui.detail_view import render

    path = tmp_path / "deals.csv"
    path.write_text(DEALS)
    ledger_db.run(deal_files.import_deals, deal_files.ImportDealFile(path))
    request = ledger_db.run(deals.request_deal, deals.RequestDeal("light", 1))
    ledger_db.run(deals.decide_request, deals.DecideRequest(request.id, "decline", "not a fit"))
    with ledger_db.read() as conn:
        html = render(application_detail(conn, find_application_row(conn, "L1").id))
        other = render(application_detail(conn, find_application_row(conn, "L2").id))
    assert "Acme Analytics: One free year: <b>declined</b>" in html
    assert "Partner deals requested" not in other


def test_importing_requests_lists_the_rows_left_out(qtbot, ledger_db, tmp_path, monkeypatch, shown_errors):
    from ui import file_dialogs

    pane = make_pane(qtbot, ledger_db, tmp_path)
    export = tmp_path / "requests.csv"
    export.write_text("workspace,deal,note\nlight,1,please\nghost,1,\n")
    monkeypatch.setattr(file_dialogs, "open_file", lambda *a, **k: str(export))
    pane.import_requests()
    settle(qtbot, pane)
    qtbot.waitUntil(lambda: bool(shown_errors), timeout=5000)
    assert "row 3, workspace: 'ghost' is not a member" in shown_errors[-1]
    assert [(row[1], row[7]) for row in rows_of(pane.request_table)] == [("light", "please")]


def test_selecting_a_request_or_a_partner_shows_who_decided_what_and_why(qtbot, ledger_db, tmp_path):
    pane = make_pane(qtbot, ledger_db, tmp_path)
    request = ledger_db.run(deals.request_deal, deals.RequestDeal("light", 2, "for the data team"))
    ledger_db.run(deals.decide_request, deals.DecideRequest(request.id, "decline", "<b>not</b> a fit"))
    ledger_db.run(partners.add_partner_application, partners.AddPartnerApplication("sc", "Seedcamp", "vc"))
    ledger_db.run(partners.decide_partner, partners.DecidePartner("sc", "activate"))
    pane.refresh()
    settle(qtbot, pane)
    select(pane.request_table, 0)
    text = pane.request_steps.text()
    assert "— → requested  (for the data team)" in text and "requested → declined  (<b>not</b> a fit)" in text
    row = next(i for i, r in enumerate(rows_of(pane.partner_table)) if r[0] == "sc")
    select(pane.partner_table, row)
    assert "applied → active" in pane.partner_steps.text() and "ui.tester" in pane.partner_steps.text()


def test_deal_request_and_partner_actions_are_undone_and_redone_from_the_panes_own_stack(
    qtbot, ledger_db, tmp_path, monkeypatch
):
    from PySide6.QtGui import QUndoStack

    from ui import deals_actions

    path = tmp_path / "deals.csv"
    path.write_text(DEALS)
    ledger_db.run(deal_files.import_deals, deal_files.ImportDealFile(path))
    stack = QUndoStack()
    pane = DealsPane(ledger_db, TaskRunner(), stack)
    qtbot.addWidget(pane)
    pane.refresh()
    settle(qtbot, pane)
    assert pane.undo_stack is stack

    def undo_redo(check_undone, check_done):
        stack.undo()
        settle(qtbot, pane)
        check_undone()
        stack.redo()
        settle(qtbot, pane)
        check_done()

    def titles():
        return {row.title: row.active for row in pane.deals.rows}

    select(pane.deal_table, 0)  # Acme Analytics: One free year
    pane.toggle_deal()
    settle(qtbot, pane)
    assert stack.undoText() == "Retire deal Acme Analytics: One free year"
    undo_redo(lambda: titles()["One free year"] is True or pytest.fail("not reactivated"), lambda: None)
    assert titles()["One free year"] is False

    pane.add_deal()
    save_deal(qtbot, pane, partner="New Co", title="Trial", capacity="10")
    assert stack.undoText() == "Add deal New Co: Trial"
    undo_redo(lambda: "Trial" not in titles() or pytest.fail("still there"), lambda: None)
    assert "Trial" in titles()

    monkeypatch.setattr(deals_actions, "ask_text", lambda *a, **k: "light")
    select(pane.deal_table, next(i for i, r in enumerate(rows_of(pane.deal_table)) if r[1] == "Credits"))
    pane.request_for_member()
    settle(qtbot, pane)
    assert stack.undoText() == "Request Credits for light"
    undo_redo(lambda: pane.requests.rowCount() == 0 or pytest.fail("not withdrawn"), lambda: None)
    assert [r.workspace for r in pane.requests.rows] == ["light"]

    ledger_db.run(partners.add_partner_application, partners.AddPartnerApplication("sc", "Seedcamp", "vc"))
    pane.refresh()
    settle(qtbot, pane)
    select(pane.partner_table, next(i for i, r in enumerate(rows_of(pane.partner_table)) if r[0] == "sc"))
    pane.decide_partner("activate")
    settle(qtbot, pane)
    assert stack.undoText() == "Activate partner sc"

    def status_of_sc():
        return next(p.status for p in pane.partners.rows if p.code == "sc")

    undo_redo(lambda: status_of_sc() == "applied" or pytest.fail(status_of_sc()), lambda: None)
    assert status_of_sc() == "active"
    assert stack.count() == 4


def test_a_partner_application_and_a_linked_code_are_undone(qtbot, ledger_db, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from tests.importing import import_file
    from ui import partner_actions

    apps = tmp_path / "typo.csv"
    apps.write_text(
        "application_id,submitted_on,company,contact_email,country,workspace,partner_code\n"
        "T1,2026-02-01,Typo Co,t@typo.io,GB,typo,sc-typo\n"
    )
    import_file(ledger_db, apps)
    pane = make_pane(qtbot, ledger_db, tmp_path)
    answers = iter(["sc", "Seedcamp"])
    monkeypatch.setattr(partner_actions, "ask_text", lambda *a, **k: next(answers))
    monkeypatch.setattr(QInputDialog, "getItem", lambda parent, title, label, items, *a: (items[-1], True))
    pane.add_partner()  # kind: the last offered, vc
    settle(qtbot, pane)
    assert pane.undo_stack.undoText() == "Partner application sc (Seedcamp)"
    assert pane.unknown_codes == ["sc-typo"]

    def pick(parent, title, label, items, *a):
        return ("sc-typo" if "sc-typo" in items else "sc", True)

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    pane.link_code()
    settle(qtbot, pane)
    assert pane.undo_stack.undoText() == "Link code sc-typo to sc" and pane.unknown_codes == []
    pane.undo_stack.undo()
    settle(qtbot, pane)
    assert pane.unknown_codes == ["sc-typo"]
    pane.undo_stack.undo()  # the application itself
    settle(qtbot, pane)
    assert "sc" not in [p.code for p in pane.partners.rows]
    pane.undo_stack.redo()
    pane.undo_stack.redo()
    settle(qtbot, pane)
    assert pane.unknown_codes == [] and "sc" in [p.code for p in pane.partners.rows]


def test_the_catalogue_and_approved_requests_export_from_the_pane(qtbot, ledger_db, tmp_path, monkeypatch):
    from ui import file_dialogs

    pane = make_pane(qtbot, ledger_db, tmp_path)
    for action, name in ((pane.export_catalogue, "exported-deals.csv"), (pane.export_approved, "approved.csv")):
        monkeypatch.setattr(file_dialogs, "save_file", lambda *a, n=name, **k: str(tmp_path / n))
        action()
        settle(qtbot, pane)
        assert (tmp_path / name).read_text(encoding="utf-8").splitlines()[0]  # a header row at least
