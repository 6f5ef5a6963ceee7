"""Issue 12's cross-check, shared by the test (the demo) and the ledger benchmark (its ledger):
on every closed month, the Ledger pane's figures, `ledger`, the statements, the billing
adjustments and the close agree to the cent, and `verify` is clean."""

from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from app.database import Database
from app.exports.adjustments import Totals
from app.exports.month_data import month_members
from app.ledger_queries import ledger_overview
from app.services import exports, ledger
from app.services.verify import verify


def cents(value) -> int:
    return 0 if value is None else int((Decimal(str(value)) * 100).to_integral_value())


def check_every_closed_month(database: Database, folder: Path) -> int:
    """Assert the one truth on every closed month; return how many months were checked."""
    months = sorted(database.query(exports.closed_months))
    members, totals = database.query(ledger_overview)
    pane = {month: (applied, expired) for month, applied, expired in totals.by_month}
    applied_in_ledger: dict[str, int] = defaultdict(int)
    for member in members:
        for entry in database.query(ledger.ledger_of, member.workspace)["entries"]:
            if entry["month"] and entry["kind"] in ("apply", "reverse") and entry["reverses"] is None:
                applied_in_ledger[entry["month"]] -= entry["amount"] if entry["kind"] == "apply" else 0
    for month in months:
        close = database.query(ledger.preview_close, month)  # the close of a closed month: its standing figures
        assert close.already_closed
        target = folder / f"adjustments-{month}.xlsx"
        result = database.run(exports.export_adjustments, exports.ExportAdjustments(month, target))
        exported = Totals.of(database.query(lambda uow, m=month: month_members(uow.conn, m)))
        assert result.totals["bills"] == f"{close.billed / 100:.2f}", month
        assert (exported.bills, -exported.credit_applied, -exported.discount, exported.due) == (
            close.billed,
            close.credit_applied,
            close.discounts,
            close.due,
        ), month
        assert applied_in_ledger[month] == close.credit_applied, month
        if month in pane:
            assert pane[month] == (close.credit_applied, close.expired), month
        statement = folder / f"statements-{month}.xlsx"
        database.run(exports.export_statements, exports.ExportStatements(month, statement))
        rows = list(load_workbook(statement, read_only=True).worksheets[0].iter_rows(min_row=2, values_only=True))
        total = next(row for row in rows if row[0] == "Total")
        # what members read: the month's credit applied (dated in it), the bills and what is due
        assert (cents(total[6]), cents(total[10]), cents(total[11])) == (
            -close.credit_applied,
            close.billed,
            close.due,
        ), month
    assert database.query(verify) == []
    return len(months)
