"""A program manager's morning: import, filter, decide with the keyboard, undo."""

import time
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QElapsedTimer, Qt, QTimer

from app.queries import QueueFilter
from app.services.applications import history
from tests.benchmarks.common import write_applications_csv
from tests.ui.queue_support import settle
from ui.dialogs import ReasonDialog
from ui.main_window import MainWindow
from ui.queue_model import ApplicationTableModel

CSV = (
    "Application ID;Submitted;Company Name;E-mail;Country;Incorporated;Total Funding;Previous Discount\n"
    "T1;2026-03-01;Alpha Analytics;a@alpha.io;GB;2025-06-01;100000;no\n"
    "T2;2026-03-02;Beta Bank;b@beta.io;DEU;2019-01-01;100000;no\n"
    "T3;2026-03-03;Gamma Games;g@gamma.io;France;2025-06-01;100000;no\n"
    "T4;2026-03-04;Broken;not-an-email;Narnia;2025-06-01;;\n"
)


@pytest.fixture
def window(qtbot, sqlite_database):
    window = MainWindow(sqlite_database)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    yield window
    window.runner.wait()


def import_through_dialog(qtbot, window, path):
    dialog = window.open_import(path)
    qtbot.waitUntil(lambda: "to import" in dialog.summary.text(), timeout=10_000)
    with qtbot.waitSignal(dialog.imported, timeout=30_000) as imported:
        dialog.import_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    window.activateWindow()
    qtbot.waitActive(window)
    return dialog, imported.args[0]


def queue_companies(qtbot, window):
    """The companies the queue shows, once its reads on the worker are done."""
    settle(qtbot, window.queue)
    model = window.queue.model
    return [model.data(model.index(r, ApplicationTableModel.COMPANY)) for r in range(model.rowCount())]


def test_import_filter_decide_with_keys_undo_and_history(qtbot, window, write_csv, monkeypatch):
    dialog, report = import_through_dialog(qtbot, window, write_csv(CSV))
    assert report.imported == 3 and report.invalid_rows == 1
    assert [dialog.errors.item(i).text().split(":")[0] for i in range(dialog.errors.count())] == ["row 5"]  # once
    assert queue_companies(qtbot, window) == ["Alpha Analytics", "Beta Bank", "Gamma Games"]

    # filter: only eligible applications
    pane = window.queue
    pane.set_filter(QueueFilter(statuses=("new",), eligibility=("eligible",)))
    assert queue_companies(qtbot, window) == ["Alpha Analytics", "Gamma Games"]

    # accept the first with the keyboard: the next one is selected afterwards
    pane.table.setFocus()
    pane.select_row(0)
    settle(qtbot, pane)
    qtbot.keyClick(pane.table, Qt.Key.Key_A)
    assert queue_companies(qtbot, window) == ["Gamma Games"]
    assert pane.selected_rows() == [0]

    # reject the next one with a reason picked in the dialog
    monkeypatch.setattr(ReasonDialog, "ask", classmethod(lambda cls, *a, **k: "duplicate"))
    qtbot.keyClick(pane.table, Qt.Key.Key_R)
    assert queue_companies(qtbot, window) == []

    # undo the rejection: it comes back, and history shows a reversal, never a deletion
    window.undo_stack.undo()
    assert queue_companies(qtbot, window) == ["Gamma Games"]
    assert window.queue.detail.toPlainText().startswith("Gamma Games\n"), "shown again, and selected"
    steps = [(h["from_status"], h["to_status"], h["reason"]) for h in window.database.query(history, "T3")]
    assert steps[0] == ("new", "rejected", "duplicate")
    assert steps[1][:2] == ("rejected", "new") and steps[1][2].startswith("undo")
    # redo decides again
    window.undo_stack.redo()
    settle(qtbot, window.queue)
    assert [h["to_status"] for h in window.database.query(history, "T3")] == ["rejected", "new", "rejected"]
    assert [h["to_status"] for h in window.database.query(history, "T1")] == ["accepted"]


def test_single_key_shortcuts_do_not_fire_while_typing_in_search(qtbot, window, write_csv):
    import_through_dialog(qtbot, window, write_csv(CSV))
    pane = window.queue
    pane.search.setFocus()
    qtbot.keyClicks(pane.search, "a")
    qtbot.wait(400)
    assert all(h == [] for h in (window.database.query(history, ref) for ref in ("T1", "T2", "T3")))


def test_accepting_an_ineligible_application_asks_for_the_override_reason(qtbot, window, write_csv, monkeypatch):
    import_through_dialog(qtbot, window, write_csv(CSV))
    asked = []
    monkeypatch.setattr(
        ReasonDialog, "ask", classmethod(lambda cls, parent, title, prompt, *a, **k: asked.append(prompt) or None)
    )
    pane = window.queue
    pane.set_filter(QueueFilter(eligibility=("ineligible",)))
    settle(qtbot, pane)
    pane.table.setFocus()
    qtbot.keyClick(pane.table, Qt.Key.Key_A)
    assert asked and "not eligible" in asked[0]
    assert window.database.query(history, "T2") == [], "cancelling the reason decides nothing"


def test_the_window_keeps_processing_events_during_a_long_import(qtbot, window, tmp_path):
    path = write_applications_csv(tmp_path / "big.csv", 30_000)
    dialog = window.open_import(path)
    qtbot.waitUntil(lambda: "to import" in dialog.summary.text(), timeout=60_000)
    gaps = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick():
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(10)
    started = time.perf_counter()
    with qtbot.waitSignal(dialog.imported, timeout=120_000):
        dialog.import_button.click()
    took = time.perf_counter() - started
    timer.stop()
    assert took > 0.5, "the import should be long enough to notice a frozen window"
    assert len(gaps) > 10
    assert max(gaps) < 400, f"the GUI thread stalled for {max(gaps)} ms"


def test_cancelling_an_import_imports_nothing(qtbot, window, tmp_path):
    path = write_applications_csv(tmp_path / "big.csv", 30_000)
    dialog = window.open_import(path)
    qtbot.waitUntil(lambda: "to import" in dialog.summary.text(), timeout=60_000)
    dialog.import_button.click()
    dialog.cancel()
    window.runner.wait()
    qtbot.wait(50)
    window.queue.after_write(None, 0)
    settle(qtbot, window.queue)
    assert window.queue.model.rowCount() == 0


def test_window_layout_is_restored_on_the_next_start(qtbot, sqlite_database):
    first = MainWindow(sqlite_database)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.tabs.setCurrentIndex(1)
    first.queue.table.setColumnWidth(ApplicationTableModel.COUNTRY, 140)
    first.close()
    second = MainWindow(sqlite_database)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.tabs.currentIndex() == 1
    assert second.queue.table.columnWidth(ApplicationTableModel.COUNTRY) == 140
    assert sqlite_database.describe() in second.windowTitle()


def test_dropping_a_csv_on_the_window_opens_the_import_and_other_files_are_refused(qtbot, window, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    def drag(path):
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(path))])
        enter = QDragEnterEvent(
            QPointF(20, 20).toPoint(),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        window.dragEnterEvent(enter)
        drop = QDropEvent(
            QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        )
        return enter.isAccepted(), drop, mime

    letter = tmp_path / "letter.pdf"
    letter.write_bytes(b"%PDF")
    accepted, _, _ = drag(letter)
    assert not accepted
    path = tmp_path / "applications.csv"
    path.write_text(CSV)
    accepted, drop, mime = drag(path)
    assert accepted
    opened = []
    window.open_import = lambda p: opened.append(p)
    window.dropEvent(drop)
    assert opened == [path]


def test_the_window_speaks_german_where_the_locale_asks_for_it(qtbot, qapp, sqlite_database):
    from PySide6.QtCore import QLocale

    from ui.application import install_translation

    translator = install_translation(qapp, QLocale(QLocale.Language.German, QLocale.Country.Germany))
    assert translator is not None
    try:
        window = MainWindow(sqlite_database)
        qtbot.addWidget(window)
        menus = [action.text() for action in window.menuBar().actions()]
        assert menus[:3] == ["&Datei", "&Bearbeiten", "&Ansicht"]
        assert window.tabs.tabText(0) == "&Bewerbungen"
    finally:
        qapp.removeTranslator(translator)
    english = install_translation(qapp, QLocale(QLocale.Language.Icelandic))  # no such file: English
    try:
        assert english.translate("OutboxPane", "%n application(s) overdue", None, 1) == "%n application overdue"
        assert english.translate("OutboxPane", "%n application(s) overdue", None, 2) == "%n applications overdue"
        assert english.translate("MainWindow", "&File") is None  # only plurals: the rest as written
    finally:
        qapp.removeTranslator(english)


def test_a_new_user_imports_a_real_export_through_a_shipped_mapping_and_triages_it(
    qtbot, window, shared_data, monkeypatch
):
    """The README's path: the real YC directory through its mapping, in the dialog, then keys."""
    source = next((shared_data / "yc-directory-2024").glob("*.csv"))
    dialog = window.open_import(source)
    qtbot.waitUntil(lambda: dialog.mapping_box.findData("yc-directory-2024") >= 0)  # the names come from the worker
    dialog.mapping_box.setCurrentIndex(dialog.mapping_box.findData("yc-directory-2024"))
    import re

    def valid_rows() -> int:
        found = re.search(r"(\d+) to import", dialog.summary.text())
        return int(found.group(1)) if found else 0

    qtbot.waitUntil(lambda: valid_rows() > 4_000 and dialog.import_button.isEnabled(), timeout=30_000)
    assert dialog.errors.count() > 0  # the rows with blank countries are listed before importing
    with qtbot.waitSignal(dialog.imported, timeout=120_000) as imported:
        dialog.import_button.click()
    report = imported.args[0]
    assert report.imported > 4_000 and report.invalid_rows < 300  # blank countries are reported, not guessed
    window.queue.set_filter(QueueFilter(statuses=("new",), text="stripe"))
    qtbot.waitUntil(lambda: window.queue.model.rowCount() >= 1, timeout=5_000)
    window.queue.table.setFocus()
    window.queue.select_row(0)
    settle(qtbot, window.queue)
    company = window.queue.model.row_tuple(0)[2]
    monkeypatch.setattr(ReasonDialog, "ask", classmethod(lambda cls, *a, **k: "please send the funding history"))
    qtbot.keyClick(window.queue.table, Qt.Key.Key_I)
    qtbot.waitUntil(lambda: not window.runner._running, timeout=10_000)
    steps = window.database.query(history, _id_of(window, company))
    assert (steps[-1]["to_status"], steps[-1]["reason"]) == ("needs_info", "please send the funding history")


def _id_of(window, company: str) -> int:
    from sqlalchemy import select

    from app import schema

    with window.database.read() as conn:
        return conn.execute(select(schema.applications.c.id).where(schema.applications.c.company == company)).scalar()


def test_the_demo_reaches_the_ledger_when_the_window_opens_on_it(qtbot, tmp_path):
    # README command 1 for someone who last left the app on the Ledger: the ledger read
    # at once (empty) and must read again once the demo data is in
    from PySide6.QtCore import QSettings

    from app.db import normalise_url
    from ui import databases
    from ui.application import open_window

    args = SimpleNamespace(db=str(tmp_path / "demo.sqlite3"), user="pm", demo=True)
    QSettings().setValue(databases.settings_prefix(normalise_url(args.db)) + "window/pane", 1)
    window = open_window(args)
    qtbot.addWidget(window)
    messages: list[str] = []  # a later count may replace the message before the test looks
    window.statusBar().messageChanged.connect(messages.append)
    window.show()
    qtbot.waitUntil(lambda: any("demo data loaded" in m for m in messages), timeout=60_000)
    assert window.tabs.currentWidget() is window.ledger
    qtbot.waitUntil(lambda: window.ledger.model.rowCount() > 0, timeout=20_000)
    window.runner.wait()


def test_the_preview_of_a_cumulative_export_says_how_many_rows_are_new(qtbot, window, write_csv):
    header = "application_id,submitted_on,company,contact_email,country\n"
    monday = header + "M1,2026-03-02,Acme,a@acme.io,GB\nM2,2026-03-02,Beta,b@beta.io,US\n"
    import_through_dialog(qtbot, window, write_csv(monday, "monday.csv"))
    tuesday = monday + "T1,2026-03-03,Gamma,g@gamma.io,FR\nT2,2026-03-03,,x@y.io,FR\n"
    dialog = window.open_import(write_csv(tuesday, "tuesday.csv"))
    qtbot.waitUntil(lambda: "to import" in dialog.summary.text(), timeout=10_000)
    assert dialog.summary.text().startswith("4 rows: 1 to import, 2 already imported, 1 invalid")
    dialog.reject()
