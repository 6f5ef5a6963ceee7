"""Issue 12's cross-check: on every closed month of the demo, the Ledger pane's figures, `ledger`,
the statements, the billing adjustments and the close agree to the cent."""

from collections import defaultdict
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from app.demo import LoadDemo, load_demo
from app.exports.adjustments import Totals
from app.exports.month_data import month_members
from app.ledger_queries import ledger_overview
from app.services import exports, ledger
from app.services.verify import verify


@pytest.fixture
def demo(database):
    database.run(load_demo, LoadDemo())
    return database


def cents(value) -> int:
    return 0 if value is None else int((Decimal(str(value)) * 100).to_integral_value())


def closed_months(database) -> list[str]:
    return database.query(exports.closed_months)


def test_every_closed_month_tells_one_truth(demo, tmp_path):
    months = sorted(closed_months(demo))
    assert len(months) >= 6, "the demo closes months"
    members, totals = demo.query(ledger_overview)
    pane = {month: (applied, expired) for month, applied, expired in totals.by_month}
    applied_in_ledger: dict[str, int] = defaultdict(int)
    for member in members:
        for entry in demo.query(ledger.ledger_of, member.workspace)["entries"]:
            if entry["month"] and entry["kind"] in ("apply", "reverse") and entry["reverses"] is None:
                applied_in_ledger[entry["month"]] -= entry["amount"] if entry["kind"] == "apply" else 0
    for month in months:
        close = demo.query(ledger.preview_close, month)  # the close of a closed month: its standing figures
        assert close.already_closed
        target = tmp_path / f"adjustments-{month}.xlsx"
        result = demo.run(exports.export_adjustments, exports.ExportAdjustments(month, target))
        exported = Totals.of(demo.query(lambda uow, m=month: month_members(uow.conn, m)))
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
        statement = tmp_path / f"statements-{month}.xlsx"
        demo.run(exports.export_statements, exports.ExportStatements(month, statement))
        rows = list(load_workbook(statement).worksheets[0].iter_rows(min_row=2, values_only=True))
        total = next(row for row in rows if row[0] == "Total")
        # what members read: the month's credit applied (dated in it), the bills and what is due
        assert (cents(total[6]), cents(total[10]), cents(total[11])) == (
            -close.credit_applied,
            close.billed,
            close.due,
        ), month
    assert demo.query(verify) == []
