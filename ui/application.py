"""Starting the window: the Qt application, the database, the demo data."""

from __future__ import annotations

import sys
from importlib import resources

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

ORGANIZATION = "Startup Desk"
APPLICATION = "startup-desk"


def make_qt_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Startup Desk")
    install_translation(app, QLocale())
    return app


def install_translation(app: QApplication, locale: QLocale) -> QTranslator | None:
    """The window in the person's language where resources/translations has it (English otherwise)."""
    folder = resources.files("resources").joinpath("translations")
    translator = QTranslator(app)
    with resources.as_file(folder) as path:
        if not translator.load(locale, "startup_desk", "_", str(path)):
            return None
    app.installTranslator(translator)
    return translator


def open_window(args):
    """The main window, painted at once; its database (and the demo data when asked) opens on
    the worker and the panes arrive when it is ready. A refused database is said in a message."""
    from ui.main_window import MainWindow

    window = MainWindow()
    url, user, demo = args.db, args.user, getattr(args, "demo", False)

    def open_database(progress, cancelled):
        from app.database import Database
        from app.db import default_url

        return Database(url or default_url(), user)  # imports SQLAlchemy, checks or migrates the schema

    def opened(database) -> None:
        window.attach(database)
        if demo:
            from app.demo import LoadDemo, load_demo

            window.statusBar().showMessage(window.tr("Loading the demo data…"))
            window.runner.run(
                lambda progress, cancelled: database.run(load_demo, LoadDemo()),
                lambda text: (window.reload(), window.statusBar().showMessage(text, 10000)),
            )

    def refused(error) -> None:
        QMessageBox.critical(window, "Startup Desk", str(error))
        window.close()

    window.opening = window.runner.run(open_database, opened, refused)
    return window


def run(args) -> int:
    app = make_qt_app()
    window = open_window(args)
    window.show()
    return app.exec()
