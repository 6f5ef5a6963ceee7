"""File → Import applications: the dialog previews the file and imports it on the task runner."""

from sqlalchemy import func, select

from app import schema
from app.services.mappings import mapping_names
from tests.ui.queue_support import CSV

BAD = "T9,2026-03-09,,nobody@none.io,GB,2025-06-01,100000,no\n"  # no company


def open_dialog(qtbot, database, path):
    from ui.import_dialog import ImportDialog
    from ui.tasks import TaskRunner

    runner = TaskRunner()
    dialog = ImportDialog(database, runner, path)
    dialog._test_keep = runner
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "to import" in dialog.summary.text(), timeout=10_000)
    return dialog


def stored(database) -> int:
    with database.read() as conn:
        return conn.execute(select(func.count()).select_from(schema.applications)).scalar()


def test_the_dialog_names_the_invalid_rows_then_imports_the_valid_ones_off_the_gui_thread(
    qtbot, sqlite_database, tmp_path, gui_thread_queries
):
    path = tmp_path / "form.csv"
    path.write_text(CSV + BAD, encoding="utf-8")
    dialog = open_dialog(qtbot, sqlite_database, path)
    assert "6 rows: 5 to import, 0 already imported, 1 invalid" in dialog.summary.text()
    assert [dialog.errors.item(i).text() for i in range(dialog.errors.count())] == [
        "row 7: company: required, but blank"
    ]
    assert gui_thread_queries == []
    assert stored(sqlite_database) == 0  # the preview wrote nothing
    gui_thread_queries.clear()  # (that count was the test's own read)

    with qtbot.waitSignal(dialog.imported, timeout=10_000) as imported:
        dialog.import_button.click()
    assert (imported.args[0].imported, imported.args[0].invalid_rows) == (5, 1)
    assert gui_thread_queries == []
    assert stored(sqlite_database) == 5


def test_a_mapping_saved_in_the_dialog_is_offered_the_next_time(qtbot, sqlite_database, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QTableWidgetItem

    import ui.import_dialog

    path = tmp_path / "form.csv"
    path.write_text(CSV, encoding="utf-8")
    dialog = open_dialog(qtbot, sqlite_database, path)
    dialog.date_format.setText("%Y-%m-%d")
    dialog.fields.setItem(2, 0, QTableWidgetItem("{company}"))
    monkeypatch.setattr(ui.import_dialog, "ask_text", lambda *args: "Our form")
    dialog.save_mapping()
    qtbot.waitUntil(lambda: dialog.mapping_box.currentData() == "Our form", timeout=10_000)
    assert "Our form" in sqlite_database.query(mapping_names)

    again = open_dialog(qtbot, sqlite_database, path)
    qtbot.waitUntil(lambda: again.mapping_box.findData("Our form") >= 0, timeout=10_000)
    again.mapping_box.setCurrentIndex(again.mapping_box.findData("Our form"))
    qtbot.waitUntil(lambda: again.date_format.text() == "%Y-%m-%d", timeout=10_000)
