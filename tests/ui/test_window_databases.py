"""Which database the window is on: the demo's own, New, Open, Open Recent, settings per
database; plain-text messages; one line when there is no display; undo per pane."""

from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QMessageBox

from ui import databases, file_dialogs


@pytest.fixture
def data_home(tmp_path, monkeypatch):
    """The user data folder (platformdirs follows XDG_DATA_HOME) in the test's own folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("STARTUP_DESK_DB", raising=False)
    return tmp_path / "xdg" / "startup-desk"


def _open(qtbot, url, **kwargs):
    from ui.application import open_database_window

    window = open_database_window(url, "pm", **kwargs)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.database is not None, timeout=20_000)
    return window


def test_the_demo_lives_in_its_own_database_and_says_so(qtbot, data_home):
    from ui.application import open_window

    window = open_window(SimpleNamespace(db=None, user="pm", demo=True))
    qtbot.addWidget(window)
    messages: list[str] = []  # a later count may replace the message before the test looks
    window.statusBar().messageChanged.connect(messages.append)
    qtbot.waitUntil(lambda: any("demo data loaded" in m for m in messages), timeout=60_000)
    window.runner.wait()
    assert window.database.describe() == str(data_home / "demo.sqlite3")
    assert "Demo" in window.windowTitle()
    assert not (data_home / "startup-desk.sqlite3").exists()  # the person's own database is untouched


def test_new_then_open_recent_switches_database_and_keeps_each_ones_layout(qtbot, tmp_path, monkeypatch):
    first = _open(qtbot, f"sqlite:///{tmp_path / 'first.sqlite3'}")
    assert "Demo" not in first.windowTitle()
    first.show_pane(1)
    first.close()  # remembers the Ledger pane for first.sqlite3

    second = _open(qtbot, f"sqlite:///{tmp_path / 'second.sqlite3'}")
    assert second.tabs.currentIndex() == 0  # its own layout, not first's
    recent = [action.text() for action in second.recent_menu.actions()]
    assert recent == [str(tmp_path / "first.sqlite3")]

    monkeypatch.setattr(file_dialogs, "save_file", lambda *a, **k: str(tmp_path / "third.sqlite3"))
    second.new_database()
    qtbot.waitUntil(lambda: not second.isVisible() and (tmp_path / "third.sqlite3").exists(), timeout=20_000)

    from ui.application import WINDOWS

    third = WINDOWS[-1]
    qtbot.addWidget(third)
    qtbot.waitUntil(lambda: third.database is not None, timeout=20_000)
    assert third.database.describe() == str(tmp_path / "third.sqlite3")
    again = next(a for a in third.recent_menu.actions() if a.text() == str(tmp_path / "first.sqlite3"))
    again.trigger()
    reopened = WINDOWS[-1]
    qtbot.addWidget(reopened)
    qtbot.waitUntil(lambda: reopened.database is not None, timeout=20_000)
    assert reopened.tabs.currentIndex() == 1  # first.sqlite3 opens where it was left
    for window in (third, reopened):
        window.runner.wait()


def test_new_database_never_replaces_an_existing_file(qtbot, tmp_path, monkeypatch, shown_errors):
    window = _open(qtbot, f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    precious = tmp_path / "precious.sqlite3"
    precious.write_bytes(b"someone's work")
    monkeypatch.setattr(file_dialogs, "save_file", lambda *a, **k: str(precious))
    window.new_database()
    assert precious.read_bytes() == b"someone's work"
    assert "already exists" in shown_errors[0]
    window.runner.wait()


def test_a_refused_database_leaves_the_window_as_it_was(qtbot, tmp_path, monkeypatch, shown_errors):
    window = _open(qtbot, f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    window.show()
    (tmp_path / "notes.txt").write_text("not a database\n" * 100)
    monkeypatch.setattr(file_dialogs, "open_file", lambda *a, **k: str(tmp_path / "notes.txt"))
    window.open_database()
    qtbot.waitUntil(lambda: bool(shown_errors), timeout=20_000)
    assert "notes.txt" in shown_errors[0]
    assert window.isVisible() and window.database.describe() == str(tmp_path / "desk.sqlite3")
    window.runner.wait()


def test_the_window_will_not_import_its_own_database(qtbot, tmp_path, shown_errors):
    window = _open(qtbot, f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    assert window.open_import(tmp_path / "desk.sqlite3-wal") is None
    assert window.open_import(tmp_path / "desk.sqlite3") is None
    assert shown_errors == [
        f"{tmp_path / 'desk.sqlite3-wal'} is the database Startup Desk has open: choose another file.",
        f"{tmp_path / 'desk.sqlite3'} is the database Startup Desk has open: choose another file.",
    ]
    window.runner.wait()


def test_messages_show_applicant_text_as_typed(qtbot, monkeypatch):
    from ui.dialogs import show_error

    formats = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: formats.append((box.textFormat(), box.text())))
    show_error(None, "Not decided", 'Acme <b>Bold</b> <a href="http://x">here</a> was already rejected')
    from PySide6.QtCore import Qt

    assert formats == [(Qt.TextFormat.PlainText, 'Acme <b>Bold</b> <a href="http://x">here</a> was already rejected')]


def test_edit_undo_follows_the_pane_in_view(qtbot, tmp_path):
    from PySide6.QtGui import QUndoCommand

    window = _open(qtbot, f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    window.ledger.undo_stack.push(QUndoCommand("Adjust light −400.00"))
    undo = next(a for a in window.menuBar().actions() if a.text() == "&Edit").menu().actions()[0]
    window.show_pane(0)
    assert not undo.isEnabled()  # nothing to undo in the queue: Ctrl+Z cannot reach the ledger
    window.show_pane(1)
    assert undo.isEnabled() and "Adjust light −400.00" in undo.text()
    window.show_pane(2)
    assert window.undo_stack is window.deals.undo_stack and not undo.isEnabled()
    window.runner.wait()


def test_a_panes_status_message_does_not_follow_into_another_pane(qtbot, tmp_path):
    window = _open(qtbot, f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    window.show_pane(1)
    window.runner.wait()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "0 members")
    window.show_pane(3)  # the Outbox says its counts in its own summary line
    assert window.statusBar().currentMessage() == ""
    window.runner.wait()


@pytest.mark.parametrize(
    "environment, expected",
    [
        ({}, "no display to show the window on"),
        ({"DISPLAY": ":0"}, None),  # this machine has Qt's X11 libraries (CI installs them)
        ({"QT_QPA_PLATFORM": "offscreen"}, None),
    ],
)
def test_no_display_is_one_line(monkeypatch, environment, expected):
    from ui.application import no_display_message

    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    message = no_display_message()
    assert (message is None) if expected is None else (expected in message and "\n" not in message)


def test_missing_x11_libraries_are_named_by_their_packages(monkeypatch):
    import ctypes.util

    from ui.application import no_display_message

    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    real = ctypes.util.find_library
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None if name == "xcb-cursor" else real(name))
    assert no_display_message() == "startup-desk: the window needs these system packages for X11: libxcb-cursor0"


def test_settings_never_keep_a_password():
    assert "secret" not in databases.storable("postgresql+psycopg://pm:secret@db.example/desk")
