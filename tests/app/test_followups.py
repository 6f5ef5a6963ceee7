"""Follow-up clocks: the needs-info deadline, reminders, overdue and withdrawing for "no answer"."""

from datetime import date

import pytest

from app.errors import AppError
from app.services import outbox
from app.services.applications import Decide, decide, history
from app.services.followups import (
    MakeReminders,
    WithdrawOverdue,
    make_reminders,
    overdue,
    time_to_decision,
    withdraw_overdue,
)
from tests.importing import import_file

CSV = (
    "application_id,submitted_on,company,contact_email,country,incorporated_on,total_funding_usd,previous_discount,workspace,partner_code\n"
    "U1,2027-06-01,Quiet Co,q@quiet.io,GB,,100000,no,quiet,\n"
    "U2,2027-06-01,Chatty Co,c@chatty.io,GB,,100000,no,chatty,\n"
    "E1,2027-06-01,Eligible Co,e@eligible.io,GB,2026-06-01,100000,no,eligible,\n"
)


@pytest.fixture
def asked(database, write_csv, clock):
    import_file(database, write_csv(CSV))
    for ref in ("U1", "U2"):
        database.run(decide, Decide(ref, "needs-info"))
    return database


def kinds(database):
    return [(d["kind"], d["status"]) for d in database.query(outbox.messages)]


def test_a_reminder_draft_is_made_a_few_days_before_the_deadline_once(asked, clock):
    assert asked.run(make_reminders, MakeReminders(on=date(2027, 6, 25))) == []
    made = asked.run(make_reminders, MakeReminders(on=date(2027, 6, 26)))
    assert len(made) == 2
    reminder = asked.query(outbox.message, made[0])
    assert reminder["kind"] == "reminder" and "by 29 June 2027" in reminder["body"]
    assert "- The date on which your company was incorporated." in reminder["body"]
    assert asked.run(make_reminders, MakeReminders(on=date(2027, 6, 27))) == []


def test_an_answered_application_gets_no_reminder_and_is_never_overdue(asked, clock):
    asked.run(decide, Decide("U2", "review", reason="founder answered"))
    assert len(asked.run(make_reminders, MakeReminders(on=date(2027, 6, 26)))) == 1
    clock.advance(days=30)
    assert [row["application_id"] for row in asked.query(overdue)] == ["U1"]


def test_overdue_applications_are_withdrawn_in_bulk_for_no_answer(asked, clock):
    assert asked.query(overdue) == []
    clock.advance(days=14)  # 29 June: the last day to answer
    assert asked.query(overdue) == []
    clock.advance(days=1)
    late = asked.query(overdue)
    assert [(r["application_id"], r["days_overdue"]) for r in late] == [("U1", 1), ("U2", 1)]
    with pytest.raises(AppError, match="not overdue"):
        asked.run(withdraw_overdue, WithdrawOverdue(("U1", "E1")))
    assert asked.run(withdraw_overdue, WithdrawOverdue()) == [r["id"] for r in late]
    assert asked.query(history, "U1")[-1]["reason"] == "no answer"
    assert asked.query(overdue) == []
    assert kinds(asked).count(("withdrawal", "draft")) == 2


def test_time_to_decision_by_month_and_partner(asked, clock):
    clock.advance(days=15)
    asked.run(withdraw_overdue, WithdrawOverdue())
    asked.run(decide, Decide("E1", "accept", on=date(2027, 6, 30)))
    assert asked.query(time_to_decision) == [
        {"month": "2027-06", "partner": "", "decided": 3, "average_days": 29.0, "longest_days": 29}
    ]
