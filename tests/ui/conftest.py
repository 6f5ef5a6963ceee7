import pytest
from PySide6.QtCore import QSettings


@pytest.fixture(autouse=True)
def isolated_settings(request, tmp_path):
    if "qapp" not in request.fixturenames and "qtbot" not in request.fixturenames:
        yield
        return
    qapp = request.getfixturevalue("qapp")
    """Each test gets its own QSettings file: nothing leaks into the user's."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    qapp.setOrganizationName("Startup Desk Tests")
    qapp.setApplicationName("startup-desk-tests")
    QSettings().clear()
    yield


@pytest.fixture
def sqlite_database(tmp_path):
    from app.database import Database

    database = Database(f"sqlite:///{tmp_path / 'ui.sqlite3'}", "ui.tester")
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
