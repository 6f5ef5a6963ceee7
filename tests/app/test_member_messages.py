"""Drafts for members: a deal approved carries its code, declined names the deal; year 2; renewal."""

from datetime import date

import pytest
from sqlalchemy import select

from app import schema
from app.services import deal_files, deals, ledger, outbox
from app.services.member_messages import draft_renewal_offer, draft_year_two
from models.messages import Kind, Template

DEALS = (
    "partner,title,category,description,value_text,value_usd,redeem,valid_from,valid_until,capacity,active\n"
    "Warehouse Co,Credits,Data warehouse,,USD 5k,5000,https://warehouse.example/apply?code=W-77,,,,true\n"
)


def enrollment_of(database, workspace):
    with database.read() as conn:
        return conn.execute(select(schema.enrollments.c.id).where(schema.enrollments.c.workspace == workspace)).scalar()


def body(database, message):
    return database.query(outbox.message, message)


@pytest.fixture
def requested(members, write_csv):
    members.run(deal_files.import_deals, deal_files.ImportDealFile(write_csv(DEALS, "deals.csv")))
    with members.read() as conn:
        deal = conn.execute(select(schema.deals.c.id)).scalar()
    return members, members.run(deals.request_deal, deals.RequestDeal("worked", deal)).id


def test_an_approved_deal_carries_its_code_and_survives_regenerating(requested):
    database, request = requested
    database.run(deals.decide_request, deals.DecideRequest(request, "approve"))  # drafts the message
    (message,) = [d["id"] for d in database.query(outbox.messages) if d["kind"] == "deal_approved"]
    full = body(database, message)
    assert full["kind"] == "deal_approved" and full["to_address"] == "w@worked.io"
    assert 'the deal "Credits" from Warehouse Co has been approved' in full["body"]
    assert "https://warehouse.example/apply?code=W-77" in full["body"]
    new = Template(Kind.DEAL_APPROVED, "en", "Your code for $deal", "Redeem: $redeem")
    database.run(outbox.save_template, outbox.SaveTemplate(new))
    database.run(outbox.regenerate, outbox.Regenerate(Kind.DEAL_APPROVED))
    again = body(database, message)
    assert (again["subject"], again["body"]) == (
        "Your code for Credits",
        "Redeem: https://warehouse.example/apply?code=W-77\n",
    )


def test_a_declined_deal_names_the_deal_and_never_the_code(requested):
    database, request = requested
    database.run(deals.decide_request, deals.DecideRequest(request, "decline", "not a fit"))
    (message,) = [d["id"] for d in database.query(outbox.messages) if d["kind"] == "deal_declined"]
    full = body(database, message)
    assert '"Credits" from Warehouse Co could not be approved' in full["body"] and "W-77" not in full["body"]


def test_year_two_granted_names_its_credit_and_dates_and_a_renewal_its_discount(members):
    members.run(ledger.grant_year_two, ledger.GrantYearTwo("worked", on=date(2026, 12, 1)))  # drafts the message
    enrollment = enrollment_of(members, "worked")
    (granted,) = [body(members, d["id"]) for d in members.query(outbox.messages) if d["kind"] == "year2_granted"]
    assert "granted USD 25,000.00 of credit, valid from 15 January 2027 until 14 January 2028" in granted["body"]
    refused = body(
        members,
        members.run(
            lambda _c, uow: draft_year_two(uow, enrollment_of(members, "half"), False, "no longer a startup"), None
        ),
    )
    assert refused["kind"] == "year2_refused"
    offer = body(members, members.run(lambda _c, uow: draft_renewal_offer(uow, enrollment, date(2028, 2, 14)), None))
    assert "at a discount of 50 % for one year; the offer is open until 14 February 2028" in offer["body"]


def test_graduation_and_renewal_put_their_messages_in_the_outbox_and_their_undo_takes_them_back(members, clock):
    from datetime import date, datetime

    from app.services import ledger, outbox

    def kinds(status="draft"):
        return sorted(m["kind"] for m in members.query(outbox.messages, status) if m["kind"] != "acceptance")

    members.run(ledger.graduate, ledger.Graduate("worked"))
    assert kinds() == ["year2_refused"]
    members.run(ledger.reinstate_member, ledger.ReinstateMember("worked"))
    assert kinds() == [] and kinds("discarded") == ["year2_refused"]
    clock.at = datetime(2027, 1, 20, 12)  # year 1 over, its credit expired: a renewal year
    members.run(ledger.renew, ledger.Renew("worked", date(2027, 1, 15)))
    assert kinds() == ["renewal_offer"]
    members.run(ledger.cancel_renewal, ledger.CancelRenewal("worked"))
    assert kinds() == [] and sorted(kinds("discarded")) == ["renewal_offer", "year2_refused"]


def test_a_year_two_grant_reversed_takes_its_unsent_message_back(members):
    from datetime import date

    from app.services import ledger, outbox

    granted = members.run(ledger.grant_year_two, ledger.GrantYearTwo("worked", date(2027, 1, 10)))
    assert [m["status"] for m in members.query(outbox.messages) if m["kind"] == "year2_granted"] == ["draft"]
    members.run(ledger.reverse, ledger.Reverse(granted["grant_entry"], "granted by mistake"))
    assert [m["status"] for m in members.query(outbox.messages) if m["kind"] == "year2_granted"] == ["discarded"]
