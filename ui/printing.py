"""File → Print acceptance letters: a print preview of the letters, recorded only once printed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog

from ui.dialogs import show_error


def print_letters(window) -> None:
    """Letters of the selected accepted applications (else every one without a letter), then
    print preview. They count as written only once printed; the temporary folder goes after."""
    import shutil
    import tempfile

    from app.services.exports import ExportLetters, RecordLetters, export_letters, record_letters

    selected = window.queue.selected_accepted_ids() if window.tabs.currentWidget() is window.queue else []
    folder = Path(tempfile.mkdtemp(prefix="startup-desk-print-"))
    target = folder / "acceptance-letters.pdf"
    database = window.database

    def printed(result) -> None:
        window.runner.run(
            lambda progress, cancelled: database.run(record_letters, RecordLetters(result.applications, target.name)),
            lambda count: window.statusBar().showMessage(window.tr("%d letters printed") % count, 8000),
            lambda error: show_error(window, window.tr("Letters printed but not recorded"), error),
            owner=window,
        )

    def ready(result) -> None:
        from ui.letters_dialog import print_pdf

        window.statusBar().showMessage(window.tr("%d letters ready to print") % result.rows, 8000)
        dialog = print_pdf(target, window)
        window.print_preview = dialog  # the dialog, its printer and document live until it closes

        def finished(code: int) -> None:
            window.print_preview = None
            dialog.deleteLater()
            shutil.rmtree(folder, ignore_errors=True)
            if code == QDialog.DialogCode.Accepted:
                printed(result)

        dialog.finished.connect(finished)
        dialog.open()

    def failed(error) -> None:
        shutil.rmtree(folder, ignore_errors=True)
        show_error(window, window.tr("No letters to print"), error)

    window.runner.run(
        lambda progress, cancelled: database.run(
            export_letters,
            ExportLetters(tuple(selected) or None, target, progress=progress, cancelled=cancelled, record=False),
        ),
        ready,
        failed,
        owner=window,
    )
