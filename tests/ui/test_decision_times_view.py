"""Time to decision in the window: a table by month and partner, and a chart of each month's average."""

from app.services.applications import DecideMany, decide_many
from tests.importing import import_file
from ui.decision_times_view import DecisionTimesTableModel, DecisionTimesView, monthly_average
from ui.tasks import TaskRunner

APPS = (
    "application_id,submitted_on,company,contact_email,country,incorporated_on,total_funding_usd,previous_discount,partner_code\n"
    "R1,2026-03-01,One,a@one.io,GB,2020-01-01,100000,no,\n"
    "R2,2026-02-14,Two,b@two.io,GB,2020-01-01,100000,no,\n"
)


def test_the_table_and_the_chart_show_days_to_decision(qtbot, sqlite_database, tmp_path, model_tester):
    path = tmp_path / "apps.csv"
    path.write_text(APPS)
    import_file(sqlite_database, path)
    sqlite_database.run(decide_many, DecideMany(("R1", "R2"), "reject", reason="failed rule: age"))
    runner = TaskRunner()
    view = DecisionTimesView(sqlite_database, runner)
    model_tester(view.model)
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    qtbot.waitUntil(lambda: view.loaded, timeout=10_000)
    cells = [[view.model.data(view.model.index(r, c)) for c in range(5)] for r in range(view.model.rowCount())]
    assert cells == [["2026-03", "(none)", "2", "22.5", "30"]]  # decided 16 March: 15 and 30 days
    assert view.chart.bars == [("2026-03", 22.5)] and view.summary.text() == "2 decisions"
    view.chart.repaint()
    runner.wait()
    assert DecisionTimesTableModel.AVERAGE == 3


def test_a_months_average_is_weighted_by_how_many_were_decided():
    rows = [
        {"month": "2026-03", "partner": "", "decided": 3, "average_days": 10.0, "longest_days": 12},
        {"month": "2026-03", "partner": "yc", "decided": 1, "average_days": 30.0, "longest_days": 30},
    ]
    assert monthly_average(rows) == [("2026-03", 15.0)]
