"""File → Print acceptance letters: the preview survives the garbage collector (it crashed when
its QPrinter was collected), a letter counts as written only once printed, and the temporary
print folder is removed whether the person prints or cancels."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog

from app.services import exports
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, ledger_db):
    window = MainWindow(ledger_db)
    qtbot.addWidget(window)
    yield window
    window.runner.wait()


def open_preview(qtbot, window):
    window.print_letters()
    qtbot.waitUntil(lambda: window.print_preview is not None, timeout=20_000)
    return window.print_preview


def test_the_preview_paints_after_a_collection_and_printing_records_the_letters(qtbot, window, ledger_db, tmp_path):
    assert ledger_db.query(exports.letters_pending) == 2
    preview = open_preview(qtbot, window)
    folder = preview.path.parent
    gc.collect()  # the printer it was made with must still be there
    printer = preview.printer
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    preview.paintRequested.emit(printer)
    assert (tmp_path / "printed.pdf").stat().st_size > 0
    assert ledger_db.query(exports.letters_pending) == 2, "not printed yet: no letter written"
    preview.done(QDialog.DialogCode.Accepted)
    qtbot.waitUntil(lambda: ledger_db.query(exports.letters_pending) == 0, timeout=10_000)
    assert window.print_preview is None
    assert not folder.exists()


def test_a_cancelled_print_writes_no_letter_and_leaves_no_folder(qtbot, window, ledger_db):
    preview = open_preview(qtbot, window)
    folder = preview.path.parent
    preview.done(QDialog.DialogCode.Rejected)
    window.runner.wait()
    assert ledger_db.query(exports.letters_pending) == 2
    assert not folder.exists()
