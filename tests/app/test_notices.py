"""Credit notices at month close and by `notices`, once per grant and threshold (SPEC 10)."""

from datetime import date

from app.services.ledger.lifecycle import Bonus, bonus
from app.services.ledger.notices import MakeNotices, credit_notices, make_notices
from tests.app.ledger_helpers import bills, close
from tests.app.test_lifecycle import on


def kinds(notices):
    return sorted((n["workspace"], n["program_year"], n["kind"], n["threshold"]) for n in notices)


def test_the_close_makes_the_used_notices_once_and_the_spec_example_reaches_each_threshold(members, write_csv, clock):
    bills(
        members, write_csv, [("worked", "2026-01", "1000")] + [("worked", f"2026-{m:02d}", "4000") for m in range(2, 8)]
    )
    on(clock, date(2026, 4, 1))
    close(members, "2026-01", "2026-02", "2026-03")  # 9,000 of 25,000 used
    assert members.query(credit_notices) == []
    on(clock, date(2026, 5, 1))
    close(members, "2026-04")  # 13,000: past 50 %
    assert kinds(members.query(credit_notices)) == [("worked", 1, "used", 50)]
    on(clock, date(2026, 8, 1))
    close(members, "2026-05", "2026-06", "2026-07")  # 17,000, 21,000, 25,000: 75 %, then all of it
    made = members.query(credit_notices)
    assert kinds(made) == [("worked", 1, "used", 50), ("worked", 1, "used", 75), ("worked", 1, "used", 100)]
    assert "worked has used all of the credit of its program year 1 (25,000.00 of 25,000.00)" in made[0]["text"]
    # running `notices` again the same day makes nothing new
    assert members.run(make_notices, MakeNotices()) == []


def test_notices_on_a_date_warn_90_30_and_0_days_before_credit_left_expires(members, clock):
    on(clock, date(2026, 10, 20))
    made = members.run(make_notices, MakeNotices())  # 86 days before 2027-01-14
    assert kinds(made) == [("half", 1, "expiry", 90), ("partnered", 1, "expiry", 90), ("worked", 1, "expiry", 90)]
    assert members.run(make_notices, MakeNotices(date(2026, 11, 1))) == []
    thirty = members.run(make_notices, MakeNotices(date(2026, 12, 20)))
    assert {n["threshold"] for n in thirty} == {30}
    last = members.run(make_notices, MakeNotices(date(2027, 1, 14)))
    assert {(n["threshold"], n["balance"]) for n in last if n["workspace"] == "worked"} == {(0, 2_500_000)}
    assert len(members.query(credit_notices, "worked")) == 3


def test_a_bonus_grant_gets_its_own_notices(members, clock):
    on(clock, date(2026, 3, 1))
    members.run(bonus, Bonus("worked", 10_000, date(2026, 3, 1), date(2026, 3, 31), "bridge", priority=0))
    made = members.run(make_notices, MakeNotices())
    assert kinds(made) == [("worked", 1001, "expiry", 30)]
    assert "of the bonus grant 1 of worked expires after 2026-03-31" in made[0]["text"]


def test_each_notice_becomes_one_outbox_draft_to_the_member(members, clock):
    from app.services import outbox

    on(clock, date(2026, 10, 20))
    members.run(make_notices, MakeNotices())
    drafts = [m for m in members.query(outbox.messages) if m["kind"] == "credit_notice"]
    assert len(drafts) == 3  # half, partnered, worked: 90 days before their credit expires
    worked = next(members.query(outbox.message, m["id"]) for m in drafts if "w@worked.io" in str(m))
    assert "25,000.00" in worked["body"] and worked["status"] == "draft"
    members.run(make_notices, MakeNotices(date(2026, 11, 1)))  # nothing new: no new draft
    assert len([m for m in members.query(outbox.messages) if m["kind"] == "credit_notice"]) == 3
