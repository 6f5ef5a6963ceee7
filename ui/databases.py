"""Which database a window is on: File → New, Open and Open Recent, and the settings kept
per database (the Ledger pane of the team's database need not open where the demo's did)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QSettings

from ui import file_dialogs
from ui.dialogs import show_error

RECENT_KEY = "recent/databases"
MAX_RECENT = 8
DATABASE_FILES = "Startup Desk database (*.sqlite3 *.db);;All files (*)"


def settings_prefix(url: str) -> str:
    """The QSettings group of one database's window layout."""
    return "databases/" + hashlib.sha256(storable(url).encode()).hexdigest()[:16] + "/"


def storable(url: str) -> str:
    """The URL as settings keep it: never a password (PostgreSQL finds it in ~/.pgpass)."""
    from app.db import without_password

    return without_password(url)


def label(url: str) -> str:
    """How a recent database is named in the menu: its file, or its server and name."""
    from app.db import sqlite_path

    path = sqlite_path(url)
    return str(path) if path is not None else storable(url)


def remember(url: str) -> None:
    kept = [u for u in recent() if u != storable(url)]
    QSettings().setValue(RECENT_KEY, [storable(url), *kept][:MAX_RECENT])


def forget(url: str) -> None:
    QSettings().setValue(RECENT_KEY, [u for u in recent() if u != storable(url)])


def recent() -> list[str]:
    value = QSettings().value(RECENT_KEY, [])
    if isinstance(value, str):  # QSettings gives a one-item list back as a string
        value = [value]
    return [str(u) for u in value or []]


def choose_new(parent) -> str | None:
    """A file for a new, empty database; an existing file is opened with Open, never replaced."""
    name = file_dialogs.save_file(
        parent, parent.tr("New database"), Path.home() / "startup-desk.sqlite3", DATABASE_FILES
    )
    if not name:
        return None
    path = Path(name)
    if path.exists() and path.stat().st_size > 0:
        show_error(
            parent,
            parent.tr("New database"),
            parent.tr("%s already exists: open it with File → Open database, or choose a new name.") % path,
        )
        return None
    return f"sqlite:///{path.resolve()}"


def choose_existing(parent) -> str | None:
    name = file_dialogs.open_file(parent, parent.tr("Open database"), Path.home(), DATABASE_FILES)
    return f"sqlite:///{Path(name).resolve()}" if name else None
