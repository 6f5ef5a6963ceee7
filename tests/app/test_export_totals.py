"""Issue 12, the documents' part: every export total equals the close of the same month, to the
cent; a bill from before the acceptance is in the adjustments; what a member reads nets the
corrections out; statements show the bill and what is due."""

from __future__ import annotations

import csv
from datetime import date, datetime
from decimal import Decimal

from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from app import schema
from app.services import exports, ledger
from app.services.applications import Decide, decide
from tests.app.ledger_helpers import bills, close
from tests.importing import import_file

LATE = (
    "application_id,submitted_on,company,contact_email,country,incorporated_on,total_funding_usd,previous_discount,workspace\n"
    "L1,2026-01-10,Late Starter,l@late.io,GB,2025-06-01,1000,no,late\n"
)


def cents(value) -> int:
    return 0 if value is None else int((Decimal(str(value)) * 100).to_integral_value())


def adjustments(database, month, target):
    return database.run(exports.export_adjustments, exports.ExportAdjustments(month, target))


def statements(database, month, target, workspace=None):
    return database.run(exports.export_statements, exports.ExportStatements(month, target, workspace))


def summary(database, month) -> ledger.CloseSummary:
    """The close's own figures for a closed month (closing it again adds nothing)."""
    result = database.run(ledger.close_month, ledger.CloseMonth(month))
    assert result.already_closed
    return result


def rows_of(path, sheet, columns: int):
    """Data rows by workspace, and the totals row."""
    table = list(load_workbook(path)[sheet].iter_rows(min_row=2, values_only=True))
    total = next(row for row in table if row[0] == "Total")
    return {row[0]: row for row in table[: table.index(total)]}, total


def with_a_late_member(members, write_csv):
    """A fourth member accepted on 2026-03-10, billed for February (before it) and March."""
    import_file(members, write_csv(LATE, "late.csv"))
    members.run(decide, Decide("L1", "accept", on=date(2026, 3, 10)))
    bills(
        members,
        write_csv,
        [("worked", "2026-01", "1000"), ("half", "2026-01", "500")]
        + [("worked", "2026-02", "4000"), ("half", "2026-02", "500"), ("partnered", "2026-02", "1234.56")]
        + [("late", "2026-02", "4000"), ("worked", "2026-03", "4000"), ("late", "2026-03", "777.77")],
    )
    close(members, "2026-01", "2026-02", "2026-03")
    return members


def test_a_bill_from_before_the_acceptance_is_billed_with_no_credit_and_all_due(members, write_csv, tmp_path):
    with_a_late_member(members, write_csv)
    february = summary(members, "2026-02")
    target = tmp_path / "feb.xlsx"
    result = adjustments(members, "2026-02", target)
    rows, total = rows_of(target, "Adjustments", 10)
    late = rows["late"]
    assert (cents(late[4]), cents(late[5]), cents(late[7])) == (400_000, 0, 400_000)
    assert late[3] is None and late[9] is None  # no program year covered February yet
    assert cents(total[7]) == february.due and result.totals["due"] == f"{Decimal(february.due) / 100:.2f}"
    assert february.due == 400_000 + 0 + 0  # worked and partnered were covered; late was not


def test_every_export_total_equals_the_close_of_its_month(members, write_csv, tmp_path, clock):
    with_a_late_member(members, write_csv)
    bills(members, write_csv, [("partnered", "2026-02", "2000")], "changed.csv")  # changed after the close
    members.run(ledger.close_month, ledger.CloseMonth("2026-02", restate=True))
    members.run(ledger.reopen_month, ledger.ReopenMonth("2026-03", "undo of the close"))
    close(members, "2026-03")
    for month in ("2026-01", "2026-02", "2026-03"):
        closed = summary(members, month)
        xlsx, csv_file, book = tmp_path / f"{month}.xlsx", tmp_path / f"{month}.csv", tmp_path / f"s-{month}.xlsx"
        adjustments(members, month, xlsx)
        adjustments(members, month, csv_file)
        statements(members, month, book)
        rows, total = rows_of(xlsx, "Adjustments", 10)
        assert (cents(total[4]), -cents(total[5]), -cents(total[6]), cents(total[7])) == (
            closed.billed,
            closed.credit_applied,
            closed.discounts,
            closed.due,
        ), month
        assert len(rows) == closed.bills or closed.bills < len(rows)  # every bill has its row
        with open(csv_file, encoding="utf-8-sig", newline="") as handle:
            lines = list(csv.DictReader(handle))
        assert sum(cents(r["bill_usd"]) for r in lines) == closed.billed
        assert -sum(cents(r["credit_applied_usd"]) for r in lines) == closed.credit_applied
        assert sum(cents(r["amount_due_usd"]) for r in lines) == closed.due
        members_rows, statement_total = rows_of(book, "Statements", 13)
        assert (cents(statement_total[10]), cents(statement_total[11])) == (closed.billed, closed.due), month
        assert -cents(statement_total[6]) == closed.credit_applied  # no correction crossed a month here
        assert -cents(statement_total[7]) == closed.expired
        for row in members_rows.values():  # and each statement still balances
            assert sum(cents(v) for v in row[4:9]) == cents(row[9])


def test_a_statement_shows_what_happened_once_at_its_net_amount(members, write_csv, tmp_path, clock):
    bills(members, write_csv, [("worked", "2026-01", "1000"), ("worked", "2026-02", "3895.63")])
    clock.at = datetime(2026, 2, 3, 12)
    close(members, "2026-01")
    entry = members.run(ledger.adjust, ledger.Adjust("worked", 250_00, "goodwill for the outage", on=date(2026, 2, 3)))
    wrong = members.run(ledger.adjust, ledger.Adjust("worked", -100_00, "typed twice", on=date(2026, 2, 3)))
    members.run(ledger.reverse, ledger.Reverse(wrong, "a mistake"))
    reversal = members.run(ledger.reverse, ledger.Reverse(entry, "undone by mistake"))
    members.run(ledger.reinstate_entry, ledger.ReinstateEntry(reversal, "it was right"))
    clock.at = datetime(2026, 3, 2, 12)
    close(members, "2026-02")
    members.run(ledger.reopen_month, ledger.ReopenMonth("2026-02", "undo of the close"))
    close(members, "2026-02")

    target = tmp_path / "worked.pdf"
    statements(members, "2026-02", target, "worked")
    text = PdfReader(target).pages[0].extract_text()
    assert "reopened" not in text and "undo of the close" not in text and "reinstated" not in text
    assert "typed twice" not in text and "a mistake" not in text
    assert text.count("goodwill for the outage") == 1 and "250.00" in text
    assert text.count("credit applied to the 2026-02 bill of 3,895.63") == 1 and "-3,895.63" in text
    assert "Team plan bill for February 2026" in text and "Amount due (USD)" in text
    with members.unit_of_work(write=False) as uow:  # the trail itself is all there
        kinds = uow.conn.execute(select(schema.ledger_entries.c.kind)).scalars().all()
    assert kinds.count("reverse") == 3  # two corrections and the undone close: all kept


def test_statements_and_adjustments_write_the_program_year_as_a_number(members, write_csv, tmp_path):
    bills(members, write_csv, [("worked", "2026-01", "1000")])
    close(members, "2026-01")
    for path, sheet, write in (
        (tmp_path / "a.xlsx", "Adjustments", adjustments),
        (tmp_path / "s.xlsx", "Statements", statements),
    ):
        write(members, "2026-01", path)
        cell = load_workbook(path)[sheet]["D2"]
        assert cell.value == 1 and cell.data_type == "n", sheet
