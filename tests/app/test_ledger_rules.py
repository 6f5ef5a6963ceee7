"""SPEC 4's newer rules: months close once ended, year 2's timing, net figures, pre-acceptance bills."""

from datetime import date

import pytest

from app.kept_sums import add_entry
from app.ledger_queries import ledger_overview
from app.services import ledger
from app.services.verify import verify
from tests.app.ledger_helpers import bills, close


def test_a_month_that_has_not_ended_cannot_be_closed_and_expires_nothing(members, clock):
    clock.at = clock.at.replace(year=2026, month=12, day=31)
    with pytest.raises(ledger.RuleRefused, match="2026-12 has not ended yet: it can be closed from 2027-01-01"):
        members.run(ledger.close_month, ledger.CloseMonth("2026-12"))
    with pytest.raises(ledger.RuleRefused, match="2099-12 has not ended yet"):
        members.run(ledger.close_month, ledger.CloseMonth("2099-12"))
    entries = members.query(ledger.ledger_of, "worked")["entries"]
    assert [x["kind"] for x in entries] == ["grant"]


def test_the_last_day_of_a_month_is_not_yet_its_end(members, write_csv, clock):
    bills(members, write_csv, [("worked", "2026-01", "1000")])
    clock.at = clock.at.replace(year=2026, month=1, day=31)
    with pytest.raises(ledger.RuleRefused, match="has not ended"):
        close(members, "2026-01")
    clock.advance(days=1)
    assert close(members, "2026-01")[0].credit_applied == 100_000


def test_year_two_is_confirmed_from_sixty_days_before_the_anniversary_and_counts_from_it(members, clock):
    with pytest.raises(ledger.RuleRefused, match="can be confirmed from 2026-11-16"):
        members.run(ledger.grant_year_two, ledger.GrantYearTwo("worked", date(2026, 3, 1)))
    clock.at = clock.at.replace(year=2026, month=11, day=20)
    granted = members.run(ledger.grant_year_two, ledger.GrantYearTwo("worked"))
    assert (granted["valid_from"], granted["program_year"]) == (date(2027, 1, 15), 2)
    data = members.query(ledger.ledger_of, "worked")
    assert (data["balance"], data["committed"]) == (2_500_000, 2_500_000)
    members_, totals = members.query(ledger_overview)
    worked = next(m for m in members_ if m.workspace == "worked")
    assert (worked.program_year, worked.balance, worked.committed) == (1, 2_500_000, 2_500_000)
    assert totals.committed == 2_500_000 and totals.liability == 2_500_000 + 2_500_000 + 5_000_000
    clock.at = clock.at.replace(year=2027, month=1, day=15)
    assert members.query(ledger.ledger_of, "worked")["committed"] == 0


def test_used_this_year_counts_a_close_undone_and_redone_once(members, write_csv, clock):
    bills(members, write_csv, [("worked", "2026-01", "1000"), ("worked", "2026-02", "4000")])
    close(members, "2026-01", "2026-02")
    members.run(ledger.reopen_month, ledger.ReopenMonth("2026-02", "wrong bills"))
    close(members, "2026-02")
    clock.at = clock.at.replace(year=2026, month=3, day=10)
    worked = next(m for m in members.query(ledger_overview)[0] if m.workspace == "worked")
    assert (worked.used_this_year, worked.balance) == (500_000, 2_000_000)
    assert members.query(verify) == []


def test_a_bill_before_acceptance_gets_no_credit_and_counts_in_the_close(members, write_csv):
    bills(members, write_csv, [("worked", "2025-12", "700.50"), ("worked", "2026-01", "1000")])
    december, january = close(members, "2025-12", "2026-01")
    assert (december.bills, december.credit_applied, december.due) == (1, 0, 70_050)
    assert january.credit_applied == 100_000


def test_the_pane_forecasts_the_run_out_of_a_member_with_a_constant_bill(members, write_csv, clock):
    # SPEC 4's worked example: 4,000.00 a month leaves 0 after July; the pace of the last three bills is 4,000.00
    rows = [("worked", "2026-01", "1000")] + [("worked", f"2026-{m:02d}", "4000") for m in (2, 3, 4)]
    bills(members, write_csv, rows)
    close(members, "2026-01", "2026-02", "2026-03", "2026-04")
    clock.at = clock.at.replace(year=2026, month=5, day=5)
    worked = next(m for m in members.query(ledger_overview)[0] if m.workspace == "worked")
    assert worked.balance == 1_200_000 and worked.burn_per_month == 400_000
    assert (worked.run_out, worked.first_full_bill) == (date(2026, 7, 31), date(2026, 8, 31))


def test_a_bill_of_a_workspace_that_is_no_member_never_reaches_a_close(members, write_csv):
    report = bills(members, write_csv, [("worked", "2026-01", "1000"), ("stranger", "2026-01", "99")])
    assert [(error.row, error.field) for error in report.invalid] == [(3, "workspace")]
    first = close(members, "2026-01")[0]
    again = close(members, "2026-01")[0]
    assert again.already_closed
    assert (first.bills, first.billed) == (again.bills, again.billed) == (1, 100_000)


def test_verify_names_a_month_whose_export_and_close_disagree(members, write_csv):
    from sqlalchemy import select

    from app import schema

    bills(members, write_csv, [("worked", "2026-01", "1000")])
    close(members, "2026-01")
    assert members.query(verify) == []
    with members.unit_of_work() as uow:  # credit applied with no month: the close does not know it
        worked = uow.conn.execute(
            select(schema.enrollments.c.id).where(schema.enrollments.c.workspace == "worked")
        ).scalar()
        add_entry(
            uow.conn,
            enrollment=worked,
            kind="apply",
            counts_as="apply",
            entry_date=date(2026, 1, 31),
            amount_cents=-100,
            program_year=1,
            month=None,
            reason="tampered",
            actor="mallory",
            created_at=uow.now(),
        )
        uow.commit()
    breaches = members.query(verify)
    assert any(
        "2026-01: the billing adjustments and the close disagree (credit applied 1,001.00 vs 1,000.00" in breach
        for breach in breaches
    ), breaches


def test_verify_totals_each_closed_month_as_the_billing_adjustments_do(members, write_csv, clock):
    """verify sums every month in one pass: its totals are the export's rows' totals, month by month,
    through reopened months, a restatement and a renewal's discount."""
    from app.exports.adjustments import Totals
    from app.exports.month_data import month_members
    from app.services.verify import close_totals, export_totals

    bills(members, write_csv, [("worked", "2026-01", "1000"), ("half", "2026-01", "30000")])
    bills(members, write_csv, [("worked", "2026-02", "4000"), ("partnered", "2026-02", "10")], "b2.csv")
    close(members, "2026-01", "2026-02")
    members.run(ledger.reopen_month, ledger.ReopenMonth("2026-02", "wrong bills"))
    close(members, "2026-02")
    bills(members, write_csv, [("worked", "2026-01", "1500")], "b3.csv")
    close(members, "2026-01", restate=True)
    members.run(ledger.graduate, ledger.Graduate("half"))
    members.run(ledger.renew, ledger.Renew("half", date(2027, 1, 15)))
    bills(members, write_csv, [("half", "2027-02", "1000.01")], "b4.csv")
    clock.at = clock.at.replace(year=2027, month=3, day=2)
    close(members, *[f"2026-{m:02d}" for m in range(3, 13)], "2027-01", "2027-02")
    exported = members.query(lambda uow: export_totals(uow.conn))
    for month in ("2026-01", "2026-02", "2027-02"):
        rows = Totals.of(members.query(lambda uow, m=month: month_members(uow.conn, m, balances=False)))
        assert exported[month] == (rows.bills, -rows.credit_applied, -rows.discount), month
    assert exported["2027-02"][2] == 50_001  # the renewal's discount is counted
    closed = members.query(lambda uow: close_totals(uow.conn))
    assert {m: closed[m] for m in exported} == exported
    assert members.query(verify) == []
