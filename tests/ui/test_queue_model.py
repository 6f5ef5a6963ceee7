from datetime import date

import pytest
from PySide6.QtCore import Qt

from app.queries import QueueFilter
from tests.importing import import_file
from ui.queue_model import PAGE, ApplicationIdRole, ApplicationTableModel
from ui.tasks import TaskRunner

HEADER = (
    "application_id,submitted_on,company,contact_email,country,incorporated_on,total_funding_usd,previous_discount\n"
)


@pytest.fixture
def many(sqlite_database, tmp_path):
    lines = [HEADER]
    for index in range(PAGE * 2 + 17):
        day = date(2026, 1, 1 + index % 28)
        funding = "" if index % 5 == 0 else str(1000 * (index % 7))
        country = ("GB", "US", "IR")[index % 3]
        lines.append(f"Q{index},{day},Company {index:04d},c{index}@c{index}.io,{country},2025-06-01,{funding},no\n")
    path = tmp_path / "many.csv"
    path.write_text("".join(lines))
    import_file(sqlite_database, path)
    return sqlite_database


@pytest.fixture
def make_model(qtbot, many):
    """A queue model over `many` whose reads run on a task runner, as in the window."""
    runner = TaskRunner()
    models = []

    def make():
        models.append(ApplicationTableModel(many, runner))
        return models[-1]

    yield make
    runner.wait()


def loaded(qtbot, model) -> None:
    """Wait until the model's count and the pages asked for are read."""
    qtbot.waitUntil(lambda: not model.pending, timeout=10_000)


def column(qtbot, model, column: int) -> list:
    """Every row's text in a column, once the pages are read (asking for them first)."""
    for row in range(0, model.rowCount(), PAGE):
        model.row_tuple(row)
    loaded(qtbot, model)
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def test_the_queue_model_passes_qts_model_tester(qtbot, make_model, model_tester):
    model = make_model()
    model_tester(model)
    model.refresh()
    loaded(qtbot, model)
    model.sort(ApplicationTableModel.COMPANY, Qt.SortOrder.DescendingOrder)
    loaded(qtbot, model)
    assert model.data(model.index(0, ApplicationTableModel.COMPANY)) == f"Company {PAGE * 2 + 16:04d}"
    model.set_filter(QueueFilter(text="company 01"))
    loaded(qtbot, model)
    assert model.rowCount() == 100


def test_rows_load_page_by_page_and_the_last_row_is_reachable(qtbot, make_model):
    model = make_model()
    model.refresh()
    loaded(qtbot, model)
    assert model.rowCount() == PAGE * 2 + 17
    assert model._pages == {}
    last = model.index(model.rowCount() - 1, ApplicationTableModel.COMPANY)
    assert model.data(last) is None, "not read yet: asked for, on the worker"
    with qtbot.waitSignal(model.page_loaded) as page:
        pass
    assert page.args == [PAGE * 2, PAGE * 2 + 16]
    assert model.data(last) is not None
    assert list(model._pages) == [2], "reading the last row loads only the last page"


def test_sorting_and_filtering_happen_in_sql_and_show_what_a_person_expects(qtbot, make_model):
    model = make_model()
    model.set_filter(QueueFilter(text="Company 000"))
    loaded(qtbot, model)
    companies = column(qtbot, model, ApplicationTableModel.COMPANY)
    assert sorted(companies) == [f"Company {i:04d}" for i in range(10)]
    model.sort(ApplicationTableModel.FUNDING, Qt.SortOrder.DescendingOrder)
    loaded(qtbot, model)
    funding = column(qtbot, model, ApplicationTableModel.FUNDING)
    assert funding[0] == "6,000.00" and funding[-1] == ""
    eligibility = model.index(0, ApplicationTableModel.ELIGIBILITY)
    assert model.data(eligibility) in {"Eligible", "Ineligible", "Incomplete"}
    assert model.data(eligibility, Qt.ItemDataRole.DecorationRole) is not None, "an icon, not colour alone"
    assert isinstance(model.data(eligibility, ApplicationIdRole), int)


def test_money_sorts_by_cents_not_text(qtbot, make_model):
    model = make_model()
    model.set_filter(QueueFilter(country="GB"))
    model.sort(ApplicationTableModel.FUNDING, Qt.SortOrder.AscendingOrder)
    loaded(qtbot, model)
    column(qtbot, model, ApplicationTableModel.FUNDING)
    values = [model.row_tuple(r)[5] for r in range(model.rowCount())]
    numbers = [v for v in values if v is not None]
    assert numbers == sorted(numbers)


def test_deep_pages_read_from_the_other_end_match_the_forward_order(qtbot, many):
    from app.queries import queue_page

    with many.read() as conn:
        queue = QueueFilter()
        forward = queue_page(conn, queue, "total_funding_cents", False, 0, 10_000)
        total = len(forward)
        for offset in (0, total // 2 + 1, total - 7):
            assert (
                queue_page(conn, queue, "total_funding_cents", False, offset, 50, total)
                == forward[offset : offset + 50]
            )


def test_a_broad_search_within_a_filter_shows_an_upper_bound_then_the_exact_count(
    qtbot, make_model, model_tester, monkeypatch
):
    """Above BROAD search hits (20,000 in use; 10 here), the exact count comes from a second task."""
    from app import queries

    monkeypatch.setattr(queries, "BROAD", 10)
    model = make_model()
    model_tester(model)
    with qtbot.waitSignal(model.estimated, timeout=10_000) as estimated:
        model.set_filter(QueueFilter(text="company", country="GB"))
    assert not model.exact and model.rowCount() == 11 and estimated.args == [10]  # stopped at BROAD + 1 hits
    with qtbot.waitSignal(model.counted, timeout=10_000) as counted:
        pass
    exact = sum(1 for index in range(PAGE * 2 + 17) if index % 3 == 0)
    assert counted.args == [exact] and model.rowCount() == exact and model.exact
    countries = column(qtbot, model, ApplicationTableModel.COUNTRY)
    assert countries[0] == "GB" and countries[exact - 1] == "GB"


def test_a_stale_count_is_ignored_after_the_filter_changed(qtbot, make_model, model_tester, monkeypatch):
    from app import queries

    monkeypatch.setattr(queries, "BROAD", 10)
    model = make_model()
    model_tester(model)
    announced = []
    model.counted.connect(announced.append)
    model.estimated.connect(announced.append)
    model.set_filter(QueueFilter(text="company", country="GB"))
    model.set_filter(QueueFilter(country="US"))  # before the first count landed
    loaded(qtbot, model)
    qtbot.wait(300)  # the first filter's count, had it run, would land now and must change nothing
    us = sum(1 for index in range(PAGE * 2 + 17) if index % 3 == 1)
    # the US filter's own upper bound (BROAD + 1 rows) then its exact count; nothing of the GB search
    assert model.exact and model.rowCount() == us and announced == [queries.BROAD, us]


def test_a_page_of_a_replaced_filter_is_never_shown(qtbot, make_model, model_tester):
    model = make_model()
    model_tester(model)
    model.set_filter(QueueFilter(country="GB"))
    loaded(qtbot, model)
    model.row_tuple(0)  # asked for under GB ...
    model.set_filter(QueueFilter(country="US"))  # ... and the filter changes before it is read
    loaded(qtbot, model)
    assert set(column(qtbot, model, ApplicationTableModel.COUNTRY)) == {"US"}


def test_a_broad_search_grows_to_its_exact_count(qtbot, make_model, model_tester, monkeypatch):
    from app import queries

    monkeypatch.setattr(queries, "BROAD", 10)
    model = make_model()
    model_tester(model)
    with qtbot.waitSignal(model.estimated, timeout=10_000):
        model.set_filter(QueueFilter(text="company", statuses=("new",)))
    assert model.rowCount() == 11
    with qtbot.waitSignal(model.counted, timeout=10_000):
        pass
    assert model.rowCount() == PAGE * 2 + 17 and model.exact
    assert column(qtbot, model, ApplicationTableModel.COMPANY)[PAGE * 2 + 16] is not None


def test_the_in_state_column_counts_days_and_sorts_nothing(qtbot, sqlite_database, write_csv):
    from datetime import timedelta

    from tests.importing import import_file
    from tests.ui.queue_support import CSV, make_pane, settle
    from ui.queue_model import ApplicationTableModel

    import_file(sqlite_database, write_csv(CSV))
    pane = make_pane(qtbot, sqlite_database)
    model = pane.model
    column = ApplicationTableModel.IN_STATE
    assert model.headerData(column, Qt.Orientation.Horizontal) == "In state"
    assert model.data(model.index(0, column)) == "today"
    sqlite_database.clock.at += timedelta(days=3)
    assert model.data(model.index(0, column)) == "3 days"
    before = [model.data(model.index(r, ApplicationTableModel.COMPANY)) for r in range(model.rowCount())]
    pane.table.horizontalHeader().setSortIndicator(column, Qt.SortOrder.DescendingOrder)
    settle(qtbot, pane)
    assert [model.data(model.index(r, ApplicationTableModel.COMPANY)) for r in range(model.rowCount())] == before
    assert pane.table.horizontalHeader().sortIndicatorSection() == ApplicationTableModel.SUBMITTED
