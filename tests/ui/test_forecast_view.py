"""The program forecast chart (SPEC 10): credit forecast to be applied, by partner, and to expire,
for 12 months, read on the runner, and the same figures in a workbook."""

from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from ui import file_dialogs
from ui.ledger_pane import LedgerPane
from ui.tasks import TaskRunner

APPS = (
    "application_id,submitted_on,company,contact_email,country,incorporated_on,total_funding_usd,previous_discount,workspace,partner_code\n"
    "W1,2026-01-10,Worked Example,w@worked.io,GB,2025-06-01,100000,no,worked,\n"
    "P1,2026-01-10,Partnered,p@partnered.io,GB,2025-06-01,100000,no,partnered,yc\n"
)


@pytest.fixture
def program(sqlite_database, tmp_path):
    """worked (25,000.00) and partnered (yc, 50,000.00) accepted 2026-01-15; January billed 1,000.00
    and 2,000.00 and closed: the forecast runs from February at those paces."""
    from app.services.applications import Decide, decide
    from app.services.ledger import CloseMonth, close_month
    from tests.importing import import_bill_file, import_file, import_partner_file

    (tmp_path / "p.csv").write_text(
        "code,name,kind,status,annual_credit_usd\nyc,Y Combinator,accelerator,active,50000\n"
    )
    import_partner_file(sqlite_database, tmp_path / "p.csv")
    (tmp_path / "apps.csv").write_text(APPS)
    import_file(sqlite_database, tmp_path / "apps.csv")
    for ref in ("W1", "P1"):
        sqlite_database.run(decide, Decide(ref, "accept", on=date(2026, 1, 15)))
    (tmp_path / "usage.csv").write_text("workspace,month,amount_usd\nworked,2026-01,1000\npartnered,2026-01,2000\n")
    import_bill_file(sqlite_database, tmp_path / "usage.csv")
    sqlite_database.run(close_month, CloseMonth("2026-01"))
    return sqlite_database


@pytest.fixture
def dialog(qtbot, program, gui_thread_queries):
    pane = LedgerPane(program, TaskRunner())
    qtbot.addWidget(pane)
    dialog = pane.open_forecast()
    qtbot.waitUntil(lambda: dialog.view.loaded and not pane.runner._running, timeout=10_000)
    assert gui_thread_queries == [], gui_thread_queries[0]
    return dialog


def bars(view) -> dict[str, list[Decimal]]:
    """Each bar set's heights; what expires is drawn below the axis (read back as positive)."""
    (stacked,) = view.chart.chart().series()
    drawn = {s.label(): [Decimal(str(s.at(i))) for i in range(s.count())] for s in stacked.barSets()}
    expiring = drawn.pop("to expire unused (below the axis)")
    assert all(height <= 0 for height in expiring)
    drawn["to expire"] = [-height for height in expiring]
    return drawn


def test_the_chart_shows_twelve_months_of_credit_to_be_applied_by_partner_and_to_expire(dialog, tmp_path):
    view = dialog.view
    drawn = bars(view)
    assert view.figures.months[0] == "2026-02" and len(view.figures.months) == 12
    # worked applies 1,000.00 a month to December, partnered 2,000.00; both grants expire in January 2027
    assert drawn["Direct: to be applied"] == [Decimal(1000)] * 11 + [Decimal(0)]
    assert drawn["yc: to be applied"] == [Decimal(2000)] * 11 + [Decimal(0)]
    assert drawn["to expire"] == [Decimal(0)] * 11 + [Decimal(13_000 + 26_000)]
    assert "USD 33,000.00 forecast to be applied, USD 39,000.00 to expire" in view.summary.text()
    last = view.table.columnCount() - 1
    assert view.table.rowCount() == 13 and view.table.item(11, last).text() == "39,000.00"
    assert view.table.item(12, 0).text() == "Total" and view.table.item(12, last).text() == "39,000.00"
    view.resize(980, 620)
    view.grab().save(str(tmp_path / "forecast.png"))  # to look at: packaging/screenshots/ holds one

    view.partner.setCurrentIndex(view.partner.findData("yc"))
    drawn = bars(view)
    assert set(drawn) == {"yc: to be applied", "to expire"}
    assert drawn["to expire"][-1] == Decimal(26_000)


def test_the_forecast_workbook_has_the_charts_figures(dialog, qtbot, monkeypatch, tmp_path, gui_thread_queries):
    target = tmp_path / "forecast.xlsx"
    monkeypatch.setattr(file_dialogs, "save_file", lambda *a, **k: str(target))
    view = dialog.view
    view.export()
    qtbot.waitUntil(lambda: target.exists() and not view.runner._running, timeout=10_000)
    assert gui_thread_queries == [], gui_thread_queries[0]
    book = load_workbook(target)
    assert book.sheetnames == ["Forecast", "By month"]
    wide = list(book["By month"].iter_rows(values_only=True))
    assert wide[0] == ("Month", "Direct: applied (USD)", "yc: applied (USD)", "Applied (USD)", "To expire (USD)")
    assert wide[1] == ("2026-02", 1000, 2000, 3000, 0)
    assert wide[12] == ("2027-01", 0, 0, 0, 39000)
    assert wide[13] == ("Total", 11000, 22000, 33000, 39000)
    long = list(book["Forecast"].iter_rows(min_row=2, values_only=True))
    assert long[0] == ("2026-02", "Direct", 1000, 0) and long[-1] == ("Total", None, 33000, 39000)
