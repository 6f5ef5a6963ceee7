"""The program forecast workbook (SPEC 10) has the figures of `forecast`, by partner and month,
on SQLite and PostgreSQL."""

from decimal import Decimal

from openpyxl import load_workbook

from app.exports.forecast import ExportForecast, export_forecast
from app.services.ledger.forecasts import Forecast, forecast
from tests.app.ledger_helpers import bills, close


def money(value) -> int:
    return int((Decimal(str(value)) * 100).to_integral_value())


def test_the_forecast_workbook_agrees_with_the_forecast_command(members, write_csv, tmp_path):
    bills(
        members,
        write_csv,
        [("worked", "2026-01", "1000"), ("half", "2026-01", "500"), ("partnered", "2026-01", "2000")],
    )
    close(members, "2026-01")
    target = tmp_path / "forecast.xlsx"
    members.query(lambda uow: export_forecast(ExportForecast(target), uow))
    program = members.query(lambda uow: forecast(Forecast(), uow))["program"]
    book = load_workbook(target)
    rows = [r for r in book["Forecast"].iter_rows(min_row=2, values_only=True) if r[0] != "Total"]
    expected = [
        (row["month"], row["partner"] or "Direct", row["applied"], row["expiring"])
        for row in program
        if row["applied"] or row["expiring"]
    ]
    assert [(m, p, money(a), money(x)) for m, p, a, x in rows] == expected
    wide = list(book["By month"].iter_rows(values_only=True))
    assert wide[0][1:3] == ("Direct: applied (USD)", "yc: applied (USD)")
    # February: worked and half direct (1,000.00 + 500.00), partnered through yc (2,000.00)
    assert [money(v) for v in wide[1][1:5]] == [150_000, 200_000, 350_000, 0]
    # January 2027: what is left of the three grants expires (24,000 - 11 x 1,000; 24,500 - 11 x 500; 48,000 - 11 x 2,000)
    assert wide[12][0] == "2027-01" and money(wide[12][4]) == 1_300_000 + 1_900_000 + 2_600_000
    assert wide[13][0] == "Total" and money(wide[13][3]) == 11 * 350_000
