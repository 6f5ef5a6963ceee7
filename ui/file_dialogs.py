"""File dialogs that never open the files they list.

Qt's file dialogs guess each file's type and icon from its *contents*
(`QMimeDatabase` reads the first bytes), so listing the folder that holds the
database opens and closes the database, its `-wal` and its `-shm`. Closing any
descriptor of a file drops every POSIX lock the process holds on it, and
SQLite's locks are POSIX locks: the next write from another process can then
delete our WAL. Every dialog here is Qt's own (never the platform's native one,
which sniffs too) with an icon provider that looks only at names.

Each function returns the chosen path, or None when the person cancelled; tests
replace them with `monkeypatch.setattr(file_dialogs, "open_file", ...)`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileInfo
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QStyle, QWidget


class NameOnlyIconProvider(QAbstractFileIconProvider):
    """Icons and type names from the file name alone: never opens a file."""

    def icon(self, what):  # both overloads: QFileInfo or IconType
        style = QApplication.style()
        if isinstance(what, QFileInfo):
            is_folder = what.isDir()
        else:
            is_folder = what in (QAbstractFileIconProvider.IconType.Folder, QAbstractFileIconProvider.IconType.Drive)
        pixmap = QStyle.StandardPixmap.SP_DirIcon if is_folder else QStyle.StandardPixmap.SP_FileIcon
        return style.standardIcon(pixmap) if style else QIcon()

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return "Folder"
        suffix = info.suffix()
        return f"{suffix.upper()} file" if suffix else "File"


_PROVIDER: NameOnlyIconProvider | None = None
_PROTECTED: list[str] = []  # URLs of the databases the window has open


def protect(url: str | None) -> None:
    """The window has this database open: no dialog may hand out its files."""
    _PROTECTED[:] = [url] if url else []


def refuse_database_file(parent: QWidget | None, path: str | None) -> str | None:
    """`path`, unless it is one of the open database's own files (then say so, and None)."""
    from app.db import is_database_file

    if path and any(is_database_file(url, path) for url in _PROTECTED):
        from ui.dialogs import show_error

        show_error(
            parent,
            parent.tr("Not that file") if parent else "Not that file",
            f"{path} is the database Startup Desk has open: choose another file.",
        )
        return None
    return path


def _provider() -> NameOnlyIconProvider:
    # One for the whole application: the dialog's model keeps a pointer to it.
    global _PROVIDER
    if _PROVIDER is None:
        _PROVIDER = NameOnlyIconProvider()
    return _PROVIDER


def make_dialog(parent: QWidget | None, title: str, directory: str | Path, name_filter: str = "") -> QFileDialog:
    """A file dialog that lists folders without reading any file in them."""
    dialog = QFileDialog(parent, title, str(directory), name_filter)
    dialog.setOptions(
        QFileDialog.Option.DontUseNativeDialog
        | QFileDialog.Option.DontResolveSymlinks
        | QFileDialog.Option.DontUseCustomDirectoryIcons
    )
    dialog.setIconProvider(_provider())
    return dialog


def _run(dialog: QFileDialog) -> str | None:
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted:
            return None
        chosen = dialog.selectedFiles()
        return refuse_database_file(dialog.parentWidget(), chosen[0] if chosen else None)
    finally:
        dialog.deleteLater()


def open_file(parent: QWidget | None, title: str, directory: str | Path, name_filter: str = "") -> str | None:
    dialog = make_dialog(parent, title, directory, name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return _run(dialog)


def save_file(parent: QWidget | None, title: str, suggested: str | Path, name_filter: str = "") -> str | None:
    dialog = make_dialog(parent, title, Path(suggested).parent if Path(suggested).suffix else suggested, name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    if Path(suggested).suffix:
        dialog.selectFile(Path(suggested).name)
    return _run(dialog)


def existing_folder(parent: QWidget | None, title: str, directory: str | Path) -> str | None:
    dialog = make_dialog(parent, title, directory)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return _run(dialog)
