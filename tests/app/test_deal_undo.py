"""Edit → Undo of deal, request and partner actions: each undo is one transaction, on both databases,
and an undo that no longer describes the data is refused and changes nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app import schema
from app.deal_queries import (
    deal_rows,
    partner_history,
    partner_rows,
    request_history,
    request_rows,
    unknown_partner_codes,
)
from app.services import deal_files, deals, partners
from models.errors import ConcurrentChange
from tests.importing import import_file

DEALS = (
    "partner,title,category,description,value_text,value_usd,redeem,valid_from,valid_until,capacity,active\n"
    'Acme Analytics,One free year,Analytics,Product analytics,1 year free,"$12,000.50",CODE-1,2026-01-01,2027-12-31,3,yes\n'
)


@pytest.fixture
def deal(members, write_csv):
    members.run(deal_files.import_deals, deal_files.ImportDealFile(write_csv(DEALS, "deals.csv")))
    with members.read() as conn:
        return deal_rows(conn)[0]


def test_an_edit_is_undone_to_exactly_what_the_deal_was(members, deal):
    with members.read() as conn:
        row = conn.execute(select(schema.deals)).first()
    text = deals.deal_text(row)
    before = members.run(deals.edit_deal, deals.EditDeal(deal.id, {**text, "title": "Two free years", "capacity": ""}))
    assert before == text
    with members.read() as conn:
        assert [(d.title, d.capacity) for d in deal_rows(conn)] == [("Two free years", None)]
    members.run(deals.edit_deal, deals.EditDeal(deal.id, before))
    with members.read() as conn:
        again = conn.execute(select(schema.deals)).first()
    assert deals.deal_text(again) == text and again.value_cents == 1_200_050


def test_a_request_is_withdrawn_but_not_once_decided(members, deal):
    first = members.run(deals.request_deal, deals.RequestDeal("half", deal.id, "please"))
    members.run(deals.withdraw_request, deals.WithdrawRequest(first.id))
    with members.read() as conn:
        assert request_rows(conn) == []
        assert conn.execute(select(func.count()).select_from(schema.deal_request_events)).scalar() == 0
    second = members.run(deals.request_deal, deals.RequestDeal("half", deal.id))
    members.run(deals.decide_request, deals.DecideRequest(second.id, "approve"))
    with pytest.raises(ConcurrentChange, match="decided meanwhile"):
        members.run(deals.withdraw_request, deals.WithdrawRequest(second.id))
    with members.read() as conn:
        assert [r.status for r in request_rows(conn)] == ["approved"]


def test_a_decision_is_undone_into_the_history_and_redone(members, deal):
    request = members.run(deals.request_deal, deals.RequestDeal("half", deal.id))
    members.run(deals.decide_request, deals.DecideRequest(request.id, "decline", "not a fit"))
    back = members.run(deals.undo_decision, deals.UndoDecision(request.id, "declined"))
    assert back.status == "requested"
    with members.read() as conn:
        assert [(s["from_status"], s["to_status"], s["reason"]) for s in request_history(conn, request.id)] == [
            ("", "requested", ""),
            ("requested", "declined", "not a fit"),
            ("declined", "requested", "undo"),
        ]
        assert request_rows(conn)[0].status == "requested"
    members.run(deals.decide_request, deals.DecideRequest(request.id, "approve"))
    with pytest.raises(ConcurrentChange, match="approved now, not declined"):
        members.run(deals.undo_decision, deals.UndoDecision(request.id, "declined"))


def test_undoing_a_decline_is_refused_when_the_member_asked_again(members, deal):
    request = members.run(deals.request_deal, deals.RequestDeal("half", deal.id))
    members.run(deals.decide_request, deals.DecideRequest(request.id, "decline", "not a fit"))
    members.run(deals.request_deal, deals.RequestDeal("half", deal.id))
    with pytest.raises(deals.RequestRefused, match="asked for this deal again"):
        members.run(deals.undo_decision, deals.UndoDecision(request.id, "declined"))
    with members.read() as conn:
        assert sorted(r.status for r in request_rows(conn)) == ["declined", "requested"]


def test_a_partner_application_is_withdrawn_and_a_decision_undone(members):
    members.run(partners.add_partner_application, partners.AddPartnerApplication("sc", "Seedcamp", "vc"))
    members.run(partners.withdraw_partner_application, partners.WithdrawPartnerApplication("sc"))
    with members.read() as conn:
        assert [p.code for p in partner_rows(conn)] == ["yc"]
    members.run(partners.add_partner_application, partners.AddPartnerApplication("sc", "Seedcamp", "vc"))
    members.run(partners.decide_partner, partners.DecidePartner("sc", "activate"))
    with pytest.raises(ConcurrentChange, match="decided or linked"):
        members.run(partners.withdraw_partner_application, partners.WithdrawPartnerApplication("sc"))
    assert members.run(partners.undo_partner_decision, partners.UndoPartnerDecision("sc", "active")) == "applied"
    with members.read() as conn:
        sc = next(p for p in partner_rows(conn) if p.code == "sc")
        assert sc.status == "applied"
        assert [(h["from_status"], h["to_status"]) for h in partner_history(conn, sc.id)][-1] == ("active", "applied")


def test_linking_an_unknown_code_is_undone(members, write_csv):
    from datetime import date

    from app.services.applications import Decide, decide

    members.run(partners.add_partner_application, partners.AddPartnerApplication("sc", "Seedcamp", "vc"))
    import_file(
        members,
        write_csv(
            "application_id,submitted_on,company,contact_email,country,incorporated_on,total_funding_usd,"
            "previous_discount,workspace,partner_code\n"
            "S1,2026-01-10,Seeded,s@seeded.io,GB,2025-06-01,100000,no,seeded,seedcamp-typo\n",
            "seeded.csv",
        ),
    )
    members.run(decide, Decide("S1", "accept", on=date(2026, 1, 15)))
    linked = members.run(partners.link_code_undoably, partners.LinkCode("seedcamp-typo", "sc"))
    assert linked.count == 1 and len(linked.enrollments) == 1
    with members.read() as conn:
        assert unknown_partner_codes(conn) == []
        assert next(p for p in partner_rows(conn) if p.code == "sc").members == 1
    members.run(partners.unlink_code, partners.UnlinkCode("seedcamp-typo", "sc", linked))
    with members.read() as conn:
        assert unknown_partner_codes(conn) == [("seedcamp-typo", 1)]
        assert next(p for p in partner_rows(conn) if p.code == "sc").members == 0


def test_an_undone_deal_decision_takes_its_unsent_message_back(members, deal):
    from app.services import outbox

    def deal_messages():
        return sorted((m["kind"], m["status"]) for m in members.query(outbox.messages) if m["kind"].startswith("deal_"))

    request = members.run(deals.request_deal, deals.RequestDeal("half", deal.id))
    members.run(deals.decide_request, deals.DecideRequest(request.id, "decline", "not a fit"))
    assert deal_messages() == [("deal_declined", "draft")]
    members.run(deals.undo_decision, deals.UndoDecision(request.id, "declined"))
    assert deal_messages() == [("deal_declined", "discarded")]
    members.run(deals.decide_request, deals.DecideRequest(request.id, "approve"))
    assert deal_messages() == [("deal_approved", "draft"), ("deal_declined", "discarded")]
