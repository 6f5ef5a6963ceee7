from datetime import date

import pytest
from PySide6.QtCore import QSettings

_ENGLISH: list = []


def _english_once(qapp) -> None:
    if not _ENGLISH:
        from PySide6.QtCore import QLocale

        from ui.application import install_translation

        _ENGLISH.append(install_translation(qapp, QLocale(QLocale.Language.Icelandic)))


@pytest.fixture(autouse=True)
def isolated_settings(request, tmp_path):
    if "qapp" not in request.fixturenames and "qtbot" not in request.fixturenames:
        yield
        return
    qapp = request.getfixturevalue("qapp")
    """Each test gets its own QSettings file: nothing leaks into the user's. And the window speaks
    as it does to a person whose language has no translation: English, with its plural forms."""
    _english_once(qapp)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    qapp.setOrganizationName("Startup Desk Tests")
    qapp.setApplicationName("startup-desk-tests")
    QSettings().clear()
    yield


@pytest.fixture
def sqlite_database(tmp_path):
    from app.clock import FixedClock
    from app.database import Database

    # the window's tests bill January and February 2026 and work in March
    database = Database(f"sqlite:///{tmp_path / 'ui.sqlite3'}", "ui.tester", clock=FixedClock("2026-03-16"))
    yield database
    database.close()


@pytest.fixture(autouse=True)
def shown_errors(monkeypatch):
    """Message boxes would block a test: record their text instead."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []

    def record(box):
        shown.append(box.text())
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", record)
    return shown


APPS = (
    "application_id,submitted_on,company,contact_email,country,incorporated_on,total_funding_usd,previous_discount,workspace\n"
    "L1,2026-01-10,Light User,l@light.io,GB,2025-06-01,100000,no,light\n"
    "L2,2026-01-10,Heavy User,h@heavy.io,GB,2025-06-01,100000,no,heavy\n"
)


@pytest.fixture
def ledger_db(sqlite_database, tmp_path):
    """Two members accepted 2026-01-15, January billed and closed."""
    from app.services.applications import Decide, decide
    from app.services.ledger import CloseMonth, close_month
    from tests.importing import import_bill_file, import_file

    apps = tmp_path / "apps.csv"
    apps.write_text(APPS)
    import_file(sqlite_database, apps)
    sqlite_database.run(decide, Decide("L1", "accept", on=date(2026, 1, 15)))
    sqlite_database.run(decide, Decide("L2", "accept", on=date(2026, 1, 15)))
    usage = tmp_path / "usage.csv"
    usage.write_text("workspace,month,amount_usd\nlight,2026-01,100\nheavy,2026-01,30000\n")
    import_bill_file(sqlite_database, usage)
    sqlite_database.run(close_month, CloseMonth("2026-01"))
    return sqlite_database


@pytest.fixture
def model_tester(qapp):
    """`model_tester(model)` checks an item model with Qt's QAbstractItemModelTester for the
    whole test: the testers are kept alive until teardown (a collected tester tests
    nothing), and what they report fails this test instead of aborting the run (Fatal
    mode would kill the interpreter)."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler
    from PySide6.QtTest import QAbstractItemModelTester

    testers: list = []
    failures: list[str] = []

    def handler(kind, context, message):
        if "QAbstractItemModelTester" in (context.category or "") or "FAIL!" in message:
            failures.append(message)
        elif previous is not None:
            previous(kind, context, message)
        elif kind != QtMsgType.QtDebugMsg:
            print(message)

    previous = qInstallMessageHandler(handler)

    def check(model):
        testers.append(QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning))
        return testers[-1]

    yield check
    qInstallMessageHandler(previous)
    assert not failures, "item model tester: " + "\n".join(failures)
    testers.clear()


ENTRY_POINTS = ("read", "query", "apply", "run", "unit_of_work")


@pytest.fixture
def gui_thread_queries(monkeypatch):
    """Every call of a Database entry point made on the GUI thread, with where it came from:
    the window reads and writes only on its task runner (issue 11), so a test asserts this
    stays empty."""
    import threading
    import traceback

    from app.database import Database

    calls: list[str] = []
    for name in ENTRY_POINTS:
        original = getattr(Database, name)

        def spy(self, *args, _original=original, _name=name, **kwargs):
            if threading.current_thread() is threading.main_thread():
                calls.append(f"Database.{_name}\n" + "".join(traceback.format_stack(limit=8)))
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(Database, name, spy)
    return calls
