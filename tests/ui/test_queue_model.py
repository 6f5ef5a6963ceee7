from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from app.queries import QueueFilter
from app.services.imports import import_applications
from ui.queue_model import PAGE, ApplicationIdRole, ApplicationTableModel

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
    import_applications(sqlite_database, path)
    return sqlite_database


def test_the_queue_model_passes_qts_model_tester(qtbot, many):
    model = ApplicationTableModel(many)
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.refresh()
    model.sort(ApplicationTableModel.COMPANY, Qt.SortOrder.DescendingOrder)
    model.set_filter(QueueFilter(text="company 01"))
    assert tester is not None


def test_rows_load_page_by_page_and_the_last_row_is_reachable(qtbot, many):
    model = ApplicationTableModel(many)
    model.refresh()
    assert model.rowCount() == PAGE * 2 + 17
    assert model._pages == {}
    last = model.index(model.rowCount() - 1, ApplicationTableModel.COMPANY)
    assert model.data(last) is not None
    assert list(model._pages) == [2], "reading the last row loads only the last page"


def test_sorting_and_filtering_happen_in_sql_and_show_what_a_person_expects(qtbot, many):
    model = ApplicationTableModel(many)
    model.set_filter(QueueFilter(text="Company 000"))
    companies = [model.data(model.index(r, ApplicationTableModel.COMPANY)) for r in range(model.rowCount())]
    assert sorted(companies) == [f"Company {i:04d}" for i in range(10)]
    model.sort(ApplicationTableModel.FUNDING, Qt.SortOrder.DescendingOrder)
    funding = [model.data(model.index(r, ApplicationTableModel.FUNDING)) for r in range(model.rowCount())]
    assert funding[0] == "6,000.00" and funding[-1] == ""
    eligibility = model.index(0, ApplicationTableModel.ELIGIBILITY)
    assert model.data(eligibility) in {"Eligible", "Ineligible", "Incomplete"}
    assert model.data(eligibility, Qt.ItemDataRole.DecorationRole) is not None, "an icon, not colour alone"
    assert isinstance(model.data(eligibility, ApplicationIdRole), int)


def test_money_sorts_by_cents_not_text(qtbot, many):
    model = ApplicationTableModel(many)
    model.set_filter(QueueFilter(country="GB"))
    model.sort(ApplicationTableModel.FUNDING, Qt.SortOrder.AscendingOrder)
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


def test_a_broad_search_within_a_filter_shows_an_upper_bound_then_the_exact_count(qtbot, many, monkeypatch):
    """Above BROAD search hits (20,000 in use; 10 here), the exact count comes from a thread."""
    from app import queries

    monkeypatch.setattr(queries, "BROAD", 10)
    model = ApplicationTableModel(many)
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    with qtbot.waitSignal(model.counted, timeout=10_000) as counted:
        model.set_filter(QueueFilter(text="company", country="GB"))
        assert not model.exact and model.rowCount() == 11  # the search stopped at BROAD + 1 hits
        first = model.data(model.index(0, ApplicationTableModel.COUNTRY))
    exact = sum(1 for index in range(PAGE * 2 + 17) if index % 3 == 0)
    assert counted.args == [exact] and model.rowCount() == exact and model.exact
    assert first == "GB" and model.data(model.index(exact - 1, ApplicationTableModel.COUNTRY)) == "GB"
    assert tester is not None


def test_a_stale_count_is_ignored_after_the_filter_changed(qtbot, many, monkeypatch):
    from app import queries

    monkeypatch.setattr(queries, "BROAD", 10)
    model = ApplicationTableModel(many)
    model.set_filter(QueueFilter(text="company", country="GB"))
    model.set_filter(QueueFilter(country="US"))  # exact at once
    qtbot.wait(300)  # the first filter's count lands now, and must change nothing
    assert model.exact and model.rowCount() == sum(1 for index in range(PAGE * 2 + 17) if index % 3 == 1)


def test_a_broad_search_grows_to_its_exact_count(qtbot, many, monkeypatch):
    from app import queries

    monkeypatch.setattr(queries, "BROAD", 10)
    model = ApplicationTableModel(many)
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    with qtbot.waitSignal(model.counted, timeout=10_000):
        model.set_filter(QueueFilter(text="company", statuses=("new",)))
        assert model.rowCount() == 11
    assert model.rowCount() == PAGE * 2 + 17 and model.exact
    assert model.data(model.index(PAGE * 2 + 16, ApplicationTableModel.COMPANY)) is not None
    assert tester is not None
