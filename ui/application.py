"""Starting the window: the Qt application, the database, the demo data."""

from __future__ import annotations

import sys
from importlib import resources

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

ORGANIZATION = "Startup Desk"
APPLICATION = "startup-desk"


def make_qt_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Startup Desk")
    # the menu entry (packaging/startup-desk.desktop) and the window are one program to the desktop
    app.setDesktopFileName("startup-desk")
    icon = resources.files("resources").joinpath("icons", "startup-desk.svg")
    with resources.as_file(icon) as path:
        app.setWindowIcon(QIcon(str(path)))
    install_translation(app, QLocale())
    return app


class _Translator(QTranslator):
    """Also finds a string lupdate filed under another context: a module's own `tr()` (context "")
    or `dialog.tr(…)` (context "dialog"), where the running code asks for its class's context."""

    FALLBACKS = ("", "dialog", "parent", "window", "self.widget", "self.pane")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.qt_own = QTranslator(self)  # Qt's own words (Save, Cancel, Yes, No), removed with this one

    def translate(self, context, source, disambiguation=None, n=-1) -> str | None:
        for name in (context, *self.FALLBACKS):
            found = super().translate(name, source, disambiguation, n)
            if found:
                return found
        # not found: a null string (not ""), so Qt asks the next translator or shows the source
        return self.qt_own.translate(context, source, disambiguation, n) or None


def install_translation(app: QApplication, locale: QLocale) -> QTranslator | None:
    """The window in the person's language where resources/translations has it; English otherwise,
    whose file holds only the plural forms ("1 application", "2 applications") of `%n` strings."""
    folder = resources.files("resources").joinpath("translations")
    translator = _Translator(app)
    with resources.as_file(folder) as path:
        if translator.load(locale, "startup_desk", "_", str(path)):
            qt_words = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            translator.qt_own.load(locale, "qtbase", "_", qt_words)
        elif not translator.load("startup_desk_en", str(path)):
            return None
    app.installTranslator(translator)
    return translator


#: the open windows: a window nothing refers to would be collected (File → Open makes a new one)
WINDOWS: list = []


def open_window(args):
    """The main window of `args.db` (the default database; with `--demo` and no `--db`, the
    demo's own), painted at once; the database (and the demo data when asked) opens on the
    worker and the panes arrive when it is ready. A refused database is said in a message."""
    from app.db import demo_url

    demo = getattr(args, "demo", False)
    url = args.db or (demo_url() if demo else None)
    return open_database_window(url, args.user, demo=demo)


def open_database_window(url: str | None, user: str | None, *, demo: bool = False, replacing=None):
    """A window on `url` (None: the default database). `replacing` is a window to close once
    this one has its database (File → Open); if the database is refused, it stays."""
    from ui.dialogs import show_error
    from ui.main_window import MainWindow

    window = MainWindow(demo=demo)
    WINDOWS.append(window)
    window.destroyed.connect(lambda *_: WINDOWS.remove(window) if window in WINDOWS else None)

    def open_database(progress, cancelled):
        from app.database import Database
        from app.db import default_url

        return Database(url or default_url(), user)  # imports SQLAlchemy, checks or migrates the schema

    def opened(database) -> None:
        window.attach(database)
        if replacing is not None:
            replacing.close()
        if demo:
            from app.demo import LoadDemo, load_demo

            window.statusBar().showMessage(window.tr("Loading the demo data…"))
            window.runner.run(
                lambda progress, cancelled: database.run(load_demo, LoadDemo()),
                lambda text: (window.reload(), window.statusBar().showMessage(text, 10000)),
                lambda error: show_error(window, window.tr("Demo data not loaded"), error),
                owner=window,
            )

    def refused(error) -> None:
        show_error(replacing or window, "Startup Desk", error)
        window.close()

    window.opening = window.runner.run(open_database, opened, refused, owner=window)
    return window


def no_display_message() -> str | None:
    """One line when the window cannot be shown, instead of Qt's abort: no display at all, or
    an X11 display without the libraries Qt's xcb platform needs."""
    import ctypes.util
    import os

    if os.environ.get("QT_QPA_PLATFORM") or not sys.platform.startswith("linux"):
        return None  # the person chose a platform (offscreen, wayland …), or not Linux: Qt knows
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        return (
            "startup-desk: no display to show the window on (DISPLAY and WAYLAND_DISPLAY are unset); "
            "every task also works from the command line: startup-desk --help"
        )
    if os.environ.get("WAYLAND_DISPLAY"):
        return None
    missing = [package for library, package in X11_LIBRARIES if ctypes.util.find_library(library) is None]
    if missing:
        return "startup-desk: the window needs these system packages for X11: " + " ".join(missing)
    return None


#: what Qt's xcb platform loads (packaging/debian-packages.txt lists the same packages)
X11_LIBRARIES = (
    ("xcb-cursor", "libxcb-cursor0"),
    ("xcb-icccm", "libxcb-icccm4"),
    ("xcb-keysyms", "libxcb-keysyms1"),
    ("xcb-image", "libxcb-image0"),
    ("xcb-render-util", "libxcb-render-util0"),
    ("xcb-randr", "libxcb-randr0"),
    ("xcb-shape", "libxcb-shape0"),
    ("xcb-xkb", "libxcb-xkb1"),
    ("xkbcommon-x11", "libxkbcommon-x11-0"),
    ("EGL", "libegl1"),
    ("fontconfig", "libfontconfig1"),
)


def run(args) -> int:
    message = no_display_message()
    if message:
        print(message, file=sys.stderr)
        return 1
    app = make_qt_app()
    window = open_window(args)
    window.show()
    return app.exec()
