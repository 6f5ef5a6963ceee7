"""A duplicate link opens the linked application, even one the filter hides, and Back returns."""

import re

import pytest
from PySide6.QtCore import Qt, QUrl

from app.queries import QueueFilter
from app.services.applications import Decide, decide
from tests.importing import import_file
from tests.ui.queue_support import CSV, companies, make_pane, row_of, settle
from ui.queue_model import COMPANY
from ui.queue_pane import OPEN


@pytest.fixture
def pane(qtbot, sqlite_database, write_csv):
    import_file(sqlite_database, write_csv(CSV))  # T5 "Alpha Again" shares T1's domain
    pane = make_pane(qtbot, sqlite_database)
    yield pane
    pane.runner.wait()


def selected_company(pane) -> str | None:
    rows = pane.selected_rows()
    return pane.model.row_tuple(rows[0])[COMPANY] if len(rows) == 1 else None


def click_duplicate_link(qtbot, pane) -> None:
    links = re.findall(r'href="(app:\d+)"', pane.detail.toHtml())
    assert len(links) == 1, links
    pane.detail.anchorClicked.emit(QUrl(links[0]))
    settle(qtbot, pane)


def assert_shows(pane, company: str) -> None:
    assert selected_company(pane) == company
    assert pane.detail.application == pane.selected_ids()[0]
    assert pane.detail.toPlainText().startswith(company + "\n")


def test_a_link_to_an_application_the_filter_hides_shows_it_alone_and_back_returns(qtbot, pane):
    pane.database.run(decide, Decide("T1", "reject", reason="duplicate"))  # the open queue hides it now
    pane.set_filter(QueueFilter(statuses=OPEN, text="again"))
    settle(qtbot, pane)
    assert companies(pane) == ["Alpha Again"]
    assert_shows(pane, "Alpha Again")
    assert not pane.back_button.isEnabled()

    click_duplicate_link(qtbot, pane)
    assert companies(pane) == ["Alpha Analytics"], "the linked application, not the first of another filter"
    assert_shows(pane, "Alpha Analytics")
    assert pane.alone.isVisible() and pane.back_button.isEnabled()
    assert not pane.actions["accept"].isEnabled(), "it is rejected: nothing to decide"

    pane.table.setFocus()
    qtbot.keyClick(pane.table, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    settle(qtbot, pane)
    assert pane.current_filter() == QueueFilter(statuses=OPEN, text="again")
    assert pane.search.text() == "again" and pane.status.currentText() == "Open"
    assert_shows(pane, "Alpha Again")
    assert not pane.alone.isVisible() and not pane.back_button.isEnabled()


def test_a_link_to_an_application_in_view_selects_it_and_back_selects_the_first_again(qtbot, pane):
    pane.set_filter(QueueFilter())
    settle(qtbot, pane)
    pane.select_row(row_of(pane, "Alpha Again"))
    settle(qtbot, pane)
    click_duplicate_link(qtbot, pane)
    assert len(companies(pane)) == 5, "the filter stays"
    assert_shows(pane, "Alpha Analytics")
    pane.back_button.click()
    settle(qtbot, pane)
    assert_shows(pane, "Alpha Again")


def test_changing_a_filter_while_a_linked_application_is_shown_alone_filters_anew(qtbot, pane):
    pane.set_filter(QueueFilter(text="again"))
    settle(qtbot, pane)
    click_duplicate_link(qtbot, pane)
    assert companies(pane) == ["Alpha Analytics"]
    pane.search.setText("Gamma")
    qtbot.waitUntil(lambda: companies(pane) == ["Gamma Games"], timeout=5_000)
    settle(qtbot, pane)
    assert not pane.alone.isVisible()
    assert_shows(pane, "Gamma Games")


def test_overdue_answers_is_a_filter_of_its_own(qtbot, sqlite_database, write_csv):
    """SPEC 9: a needs-info application whose answer-by date has passed shows in its own filter."""
    from datetime import timedelta

    from app.queries import QueueFilter
    from app.services.applications import Decide, decide
    from tests.importing import import_file
    from tests.ui.queue_support import CSV, companies, make_pane, settle

    import_file(sqlite_database, write_csv(CSV))
    sqlite_database.run(decide, Decide("T1", "needs-info", reason="which country?"))
    pane = make_pane(qtbot, sqlite_database)
    index = pane.filters.saved.findText("Overdue answers")
    assert index > 0
    pane.filters.saved.setCurrentIndex(index)
    pane.filters.saved.activated.emit(index)
    settle(qtbot, pane)
    assert pane.filters.overdue.isChecked() and companies(pane) == []  # asked today: not overdue yet
    sqlite_database.clock.at += timedelta(days=15)  # past the 14 days of the answer-by date
    pane.set_filter(pane.filters.current())
    settle(qtbot, pane)
    assert companies(pane) == ["Alpha Analytics"]
    assert pane.filters.current().overdue_on == sqlite_database.clock.today()
    assert isinstance(pane.filters.current(), QueueFilter)
