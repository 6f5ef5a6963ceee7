"""Starting the window: the Qt application, the database, the demo data."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

ORGANIZATION = "Startup Desk"
APPLICATION = "startup-desk"


def make_qt_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Startup Desk")
    return app


def open_window(args):
    """The main window on the database of `args` (and the demo data when asked)."""
    from app.database import Database
    from app.db import default_url
    from ui.main_window import MainWindow

    database = Database(args.db or default_url(), args.user)
    window = MainWindow(database)
    if getattr(args, "demo", False):
        from app.demo import load_demo

        window.statusBar().showMessage(window.tr("Loading the demo data…"))
        window.runner.run(
            lambda progress, cancelled: load_demo(database),
            lambda text: (window.queue.after_write(None, 0), window.statusBar().showMessage(text, 10000)),
        )
    return window


def run(args) -> int:
    app = make_qt_app()
    try:
        window = open_window(args)
    except Exception as exc:  # a refused or broken database: say so in a window, not a traceback
        QMessageBox.critical(None, "Startup Desk", str(exc))
        return 1
    window.show()
    return app.exec()
