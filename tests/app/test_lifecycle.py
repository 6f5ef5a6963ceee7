"""Extensions and bonus grants through their use cases, on SQLite and PostgreSQL (SPEC 4)."""

from datetime import date

import pytest

from app.ledger_queries import ledger_overview
from app.services import ledger
from app.services.ledger.lifecycle import Bonus, Extend, bonus, extend
from app.services.verify import verify
from tests.app.ledger_helpers import bills, close

MONTHS_2026 = [f"2026-{m:02d}" for m in range(1, 13)]


def on(clock, day: date) -> None:
    clock.at = clock.at.replace(year=day.year, month=day.month, day=day.day)


def read(database, use_case, command):
    """A read-only use case `use_case(command, uow)`, in a transaction that writes nothing."""
    return database.query(lambda uow: use_case(command, uow))


def grant_entry(database, workspace: str, year: int = 1) -> int:
    entries = database.query(ledger.ledger_of, workspace)["entries"]
    return next(x["id"] for x in entries if x["kind"] == "grant" and x["program_year"] == year)


def test_a_member_extended_past_the_original_expiry_draws_the_extended_credit_next_month(members, write_csv, clock):
    bills(members, write_csv, [("half", m, "500") for m in MONTHS_2026] + [("half", "2027-01", "500")])
    close(members, *MONTHS_2026)
    on(clock, date(2027, 1, 10))
    made = members.run(
        extend, Extend(grant_entry(members, "half"), date(2027, 6, 30), "bridge while year 2 is decided")
    )
    assert (made["was_valid_until"], made["valid_until"], made["credit"]) == (
        date(2027, 1, 14),
        date(2027, 6, 30),
        1_900_000,
    )
    on(clock, date(2027, 2, 1))
    january = close(members, "2027-01")[0]
    # half's credit no longer expires on 2027-01-15 and pays the January bill; the others' grants expire
    assert (january.credit_applied, january.due) == (50_000, 0)
    assert january.expired == 2_500_000 + 5_000_000
    data = members.query(ledger.ledger_of, "half")
    assert data["balance"] == 1_850_000
    kinds = [(x["kind"], x["valid_until"]) for x in data["entries"] if x["kind"] in ("extend", "expire")]
    assert kinds == [("extend", date(2027, 6, 30))]
    assert members.query(verify) == []
    summary = next(m for m in members.query(ledger_overview)[0] if m.workspace == "half")
    assert summary.expires_on == date(2027, 7, 1)
    # the pane's forecast walks the extended grant: 500 a month to June, then what is left expires
    assert (summary.run_out, summary.first_full_bill) == (None, date(2027, 7, 31))
    # the January bill drew on the extension: taking it back now is refused
    with pytest.raises(ledger.RuleRefused, match="credit was drawn on 2027-01-31"):
        members.run(ledger.reverse, ledger.Reverse(made["entry"], "mistake"))


def test_an_extension_that_ends_expires_what_is_left_at_its_new_expiry(members, write_csv, clock):
    on(clock, date(2027, 1, 10))
    members.run(extend, Extend(grant_entry(members, "worked"), date(2027, 2, 20), "goodwill"))
    bills(members, write_csv, [("worked", "2027-02", "100")])
    on(clock, date(2027, 3, 1))
    close(members, "2027-01")
    february = close(members, "2027-02")[0]
    assert february.credit_applied == 0  # the bill is dated 2027-02-28, after the extended last day
    entries = members.query(ledger.ledger_of, "worked")["entries"]
    expire = next(x for x in entries if x["kind"] == "expire")
    assert (expire["date"], expire["amount"]) == (date(2027, 2, 21), -2_500_000)
    assert members.query(verify) == []


def test_an_extension_is_refused_unless_later_with_a_reason_on_credit_not_yet_expired(members, write_csv, clock):
    entry = grant_entry(members, "worked")
    on(clock, date(2026, 6, 1))
    with pytest.raises(ledger.RuleRefused, match="needs a reason"):
        members.run(extend, Extend(entry, date(2027, 6, 30), "  "))
    with pytest.raises(ledger.RuleRefused, match="must end later than that"):
        members.run(extend, Extend(entry, date(2027, 1, 14), "same day"))
    with pytest.raises(ledger.RuleRefused, match="not a grant"):
        bills(members, write_csv, [("worked", "2026-01", "1000")])
        close(members, "2026-01")
        apply = next(x["id"] for x in members.query(ledger.ledger_of, "worked")["entries"] if x["kind"] == "apply")
        members.run(extend, Extend(apply, date(2027, 6, 30), "not a grant"))
    on(clock, date(2027, 1, 15))
    with pytest.raises(ledger.RuleRefused, match="ended on 2027-01-14: expired credit cannot be extended"):
        members.run(extend, Extend(entry, date(2027, 6, 30), "too late"))


def test_an_extension_not_yet_drawn_on_is_reversed_and_the_grant_ends_as_before(members, clock):
    on(clock, date(2026, 12, 1))
    made = members.run(extend, Extend(grant_entry(members, "worked"), date(2027, 3, 31), "goodwill"))
    with pytest.raises(ledger.RuleRefused, match="reverse the extension first"):
        members.run(ledger.reverse, ledger.Reverse(grant_entry(members, "worked"), "wrong grant"))
    members.run(ledger.reverse, ledger.Reverse(made["entry"], "made by mistake"))
    summary = next(m for m in members.query(ledger_overview)[0] if m.workspace == "worked")
    assert summary.expires_on == date(2027, 1, 15)
    assert members.query(verify) == []


def test_a_bonus_of_priority_0_is_drawn_before_the_year_one_grant(members, write_csv, clock):
    on(clock, date(2026, 1, 20))
    made = members.run(
        bonus, Bonus("worked", 100_000, date(2026, 1, 1), date(2026, 12, 31), "partner top-up", priority=0)
    )
    assert made["program_year"] == 1001
    bills(members, write_csv, [("worked", "2026-01", "1500")])
    on(clock, date(2026, 2, 1))
    assert close(members, "2026-01")[0].credit_applied == 150_000
    draws = [
        (x["program_year"], x["amount"])
        for x in members.query(ledger.ledger_of, "worked")["entries"]
        if x["kind"] == "apply"
    ]
    assert draws == [(1001, -100_000), (1, -50_000)]
    assert members.query(verify) == []


def test_a_bonus_of_the_default_priority_waits_for_the_grant_that_expires_first(members, write_csv, clock):
    on(clock, date(2026, 1, 20))
    members.run(bonus, Bonus("worked", 100_000, date(2026, 1, 1), date(2027, 6, 30), "goodwill"))
    bills(members, write_csv, [("worked", "2026-01", "1500")])
    on(clock, date(2026, 2, 1))
    close(members, "2026-01")
    entries = members.query(ledger.ledger_of, "worked")["entries"]
    assert [(x["program_year"], x["amount"]) for x in entries if x["kind"] == "apply"] == [(1, -150_000)]


def test_the_liability_counts_bonus_credit_and_a_bonus_is_no_program_year(members, clock):
    before = members.query(ledger_overview)[1].liability
    on(clock, date(2026, 3, 1))
    members.run(bonus, Bonus("worked", 123_456, date(2026, 3, 1), date(2026, 9, 30), "bridge", priority=10))
    members_, totals = members.query(ledger_overview)
    assert totals.liability == before + 123_456
    worked = next(m for m in members_ if m.workspace == "worked")
    assert (worked.program_year, worked.balance) == (1, 2_500_000 + 123_456)
    assert totals.members_by_year == {"year 1": 3}
    on(clock, date(2026, 12, 1))
    assert members.run(ledger.grant_year_two, ledger.GrantYearTwo("worked"))["program_year"] == 2
    with pytest.raises(ledger.RuleRefused, match="most the program gives"):
        members.run(ledger.grant_year_two, ledger.GrantYearTwo("worked"))
    second = members.run(bonus, Bonus("worked", 100, date(2026, 12, 1), date(2026, 12, 31), "again"))
    assert second["program_year"] == 1002
    assert members.query(verify) == []


def test_a_bonus_is_refused_without_reason_amount_valid_priority_or_days(members, clock):
    on(clock, date(2026, 3, 1))
    cases = [
        (Bonus("worked", 100, date(2026, 3, 1), date(2026, 9, 30), ""), "needs a reason"),
        (Bonus("worked", 0, date(2026, 3, 1), date(2026, 9, 30), "x"), "positive amount"),
        (Bonus("worked", 100, date(2026, 3, 1), date(2026, 9, 30), "x", priority=101), "0 .drawn first. to 100"),
        (Bonus("worked", 100, date(2026, 3, 1), date(2026, 2, 1), "x"), "cannot end before"),
        (Bonus("worked", 100, date(2026, 1, 1), date(2026, 2, 1), "x"), "would already have ended"),
    ]
    for command, message in cases:
        with pytest.raises(ledger.RuleRefused, match=message):
            members.run(bonus, command)
    assert members.query(ledger.ledger_of, "worked")["balance"] == 2_500_000


def test_verify_names_an_extension_that_extends_nothing_and_a_bonus_numbered_as_a_program_year(members, clock):
    from sqlalchemy import update

    from app import schema
    from app.kept_sums import add_entry

    on(clock, date(2026, 6, 1))
    made = members.run(extend, Extend(grant_entry(members, "worked"), date(2027, 3, 31), "goodwill"))
    members.run(bonus, Bonus("half", 100, date(2026, 6, 1), date(2026, 6, 30), "bridge"))
    assert members.query(verify) == []
    with members.engine.begin() as conn:
        le = schema.ledger_entries
        row = conn.execute(le.select().where(le.c.id == made["entry"])).first()._asdict()
        row.update(id=None, extends_entry=made["entry"], extended_until=date(2026, 12, 1))
        add_entry(conn, **{k: v for k, v in row.items() if k != "id"})
        conn.execute(update(schema.program_years).where(schema.program_years.c.number == 1001).values(number=3))
    breaches = members.query(verify)
    assert any("which is not a grant of the same member and grant" in b for b in breaches)
    assert any("half: grant 3 (bonus, priority 50) is numbered or prioritised outside its range" in b for b in breaches)


@pytest.mark.postgres
def test_an_extension_and_a_reversal_of_its_grant_at_once_leave_exactly_one(members, database_url):
    from tests.app.race import released_together

    made = members.run(bonus, Bonus("worked", 100_000, date(2027, 6, 1), date(2027, 6, 30), "bridge"))
    entry = str(made["grant_entry"])
    outcomes = released_together(
        database_url,
        [["extend", entry, "--until", "2027-12-31", "--reason", "race"], ["reverse", entry, "--reason", "race"]],
    )
    assert sorted(code for code, _, _ in outcomes) == [0, 1], outcomes
    refusal = next(err for code, _, err in outcomes if code == 1)
    assert "reverse the extension first" in refusal or "was reversed: there is nothing to extend" in refusal
    assert "Traceback" not in refusal
    assert members.query(verify) == []
