"""File → Export…, the letter settings with their preview, and printing, from the window's side."""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from app.services import exports
from ui.export_dialog import ADJUSTMENTS, LETTERS, STATEMENTS, ExportDialog
from ui.letters_dialog import LetterSettingsDialog, print_pdf
from ui.tasks import TaskRunner


def open_dialog(qtbot, database, kind: int, **kwargs) -> ExportDialog:
    """The dialog, once it has read the closed months and pending letters (on the worker)."""
    dialog = ExportDialog(database, TaskRunner(), kind, **kwargs)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.run_button.isEnabled, timeout=10_000)
    return dialog


def run_export(qtbot, dialog: ExportDialog) -> None:
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        dialog.run_button.click()
    qtbot.waitUntil(lambda: dialog.handle is None)


def test_adjustments_export_from_the_dialog_and_the_file_matches_the_ledger(qtbot, ledger_db, tmp_path):
    dialog = open_dialog(qtbot, ledger_db, ADJUSTMENTS)
    assert dialog.month.currentText() == "2026-01"
    assert dialog.path.text().endswith("billing-adjustments-2026-01.xlsx")
    dialog.path.setText(str(tmp_path / "adjustments.xlsx"))
    run_export(qtbot, dialog)
    assert dialog.open_button.isVisible() or not dialog.isVisible()
    assert "adjustments.xlsx" in dialog.message.text()
    rows = {
        r[0]: r
        for r in load_workbook(tmp_path / "adjustments.xlsx")["Adjustments"].iter_rows(min_row=2, values_only=True)
    }
    assert rows["heavy"][5] == -25_000 and rows["heavy"][7] == 5_000  # 30,000 billed, 25,000 credit
    assert rows["light"][8] == 24_900


def test_statement_of_one_workspace_is_a_pdf_and_a_csv_choice_changes_the_file(qtbot, ledger_db, tmp_path):
    dialog = open_dialog(qtbot, ledger_db, STATEMENTS)
    dialog.workspace.setText("light")
    dialog.workspace.editingFinished.emit()
    assert dialog.path.text().endswith("statement-2026-01-light.pdf")
    dialog.path.setText(str(tmp_path / "light.pdf"))
    run_export(qtbot, dialog)
    assert "24,900.00" in PdfReader(tmp_path / "light.pdf").pages[0].extract_text()
    dialog.kind.setCurrentIndex(ADJUSTMENTS)
    dialog.csv.setChecked(True)
    assert dialog.path.text().endswith("billing-adjustments-2026-01.csv")


def test_a_refused_export_says_why_and_writes_nothing(qtbot, ledger_db, tmp_path, shown_errors):
    dialog = open_dialog(qtbot, ledger_db, ADJUSTMENTS)
    dialog.path.setText(str(tmp_path / "adjustments.txt"))
    with qtbot.waitSignal(dialog.runner.busy_changed, check_params_cb=lambda busy: not busy, timeout=10_000):
        dialog.run_button.click()
    assert shown_errors and ".xlsx or .csv" in shown_errors[-1]
    assert list(tmp_path.glob("adjustments*")) == []
    assert dialog.run_button.isEnabled()


def test_letters_for_the_selection_or_for_everyone_not_yet_written(qtbot, ledger_db, tmp_path):
    dialog = open_dialog(qtbot, ledger_db, LETTERS, selected=[])
    assert not dialog.only_selected.isEnabled() and dialog.all_pending.isChecked()
    assert "(2)" in dialog.all_pending.text()
    dialog.path.setText(str(tmp_path / "letters.pdf"))
    run_export(qtbot, dialog)
    assert len(PdfReader(tmp_path / "letters.pdf").pages) == 2
    assert ledger_db.query(exports.letters_pending) == 0
    dialog.each.setChecked(True)
    dialog.drafts.setChecked(True)
    assert dialog.path.text().endswith("acceptance-letters")


def test_letter_settings_preview_what_is_typed_and_refuse_an_unknown_placeholder(qtbot, ledger_db, shown_errors):
    dialog = LetterSettingsDialog(ledger_db, TaskRunner())
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()  # nothing to save before the stored settings are in
    with qtbot.waitSignal(dialog.previewed, timeout=10_000) as rendered:
        pass  # the settings are read, then the preview renders, on the worker
    assert rendered.args == [True] and dialog.document.pageCount() == 1
    assert dialog.program.text() == "Startup Program"
    dialog.program.setText("Segment Startup Program")
    dialog.template.setPlainText("Dear $founder, your $amount awaits at $nowhere.")
    with qtbot.waitSignal(dialog.previewed, timeout=10_000) as rendered:
        dialog.preview()
    assert rendered.args == [False] and "unknown placeholder $nowhere" in shown_errors[-1]
    with qtbot.waitSignal(dialog.runner.busy_changed, check_params_cb=lambda busy: not busy, timeout=10_000):
        dialog.save()
    assert dialog.result() == 0 and ledger_db.query(exports.letter_settings).program == "Startup Program"
    dialog.template.setPlainText("Dear $founder, your $amount awaits.")
    with qtbot.waitSignal(dialog.previewed, timeout=10_000) as rendered:
        dialog.preview()
    assert rendered.args == [True]
    with qtbot.waitSignal(dialog.finished, timeout=10_000):
        dialog.save()
    saved = ledger_db.query(exports.letter_settings)
    assert saved.program == "Segment Startup Program" and saved.template.startswith("Dear $founder")


def test_print_preview_prints_every_page_of_the_letters(qtbot, ledger_db, tmp_path):
    letters = tmp_path / "letters.pdf"
    ledger_db.run(exports.export_letters, exports.ExportLetters(None, letters))
    dialog = print_pdf(letters)
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    dialog.paintRequested.emit(printer)
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 2


def test_a_mixed_selection_exports_and_counts_only_its_accepted_applications(qtbot, ledger_db, tmp_path):
    """Three selected rows, one of them rejected: the letters dialog offers "the 2 selected"
    and writes two letters (it counted the selection, and the rejected row refused the export)."""
    from app.queries import QueueFilter
    from app.services.applications import Decide, decide
    from tests.importing import import_file
    from tests.ui.queue_support import settle
    from ui.main_window import MainWindow

    more = tmp_path / "more.csv"
    more.write_text(
        "application_id,submitted_on,company,contact_email,country,incorporated_on,total_funding_usd,previous_discount\n"
        "L3,2026-01-11,Third Try,t@third.io,GB,2025-06-01,100000,no\n"
    )
    import_file(ledger_db, more)
    ledger_db.run(decide, Decide("L3", "reject", reason="not_a_startup", on=date(2026, 1, 16)))
    window = MainWindow(ledger_db)
    qtbot.addWidget(window)
    window.queue.set_filter(QueueFilter())  # any status
    settle(qtbot, window.queue)
    assert window.queue.model.rowCount() == 3
    window.queue.table.selectAll()
    assert len(window.queue.selected_ids()) == 3
    dialog = window.open_export()
    qtbot.waitUntil(dialog.run_button.isEnabled, timeout=10_000)
    assert dialog.kind.currentIndex() == LETTERS
    assert dialog.only_selected.isChecked() and "2 selected" in dialog.only_selected.text()
    dialog.path.setText(str(tmp_path / "letters.pdf"))
    run_export(qtbot, dialog)
    assert len(PdfReader(tmp_path / "letters.pdf").pages) == 2
    dialog.close()
    window.runner.wait()
