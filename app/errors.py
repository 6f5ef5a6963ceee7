"""Errors of the application layer, and the one place a failure becomes a message.

Domain refusals are `models.errors.DomainError`. `explain()` turns any exception the
command line or the window meets into one line for a person and an exit code:
foreseeable failures (a rule, a file, the disk, the database) name the thing and the
reason; an unforeseen one is logged whole and the line says where.
"""

from __future__ import annotations

import errno
import traceback
from pathlib import Path


class AppError(Exception):
    """Something refused or failed; the message is for the person using the app."""


class UsageError(AppError):
    """The request itself is malformed (exit code 2 on the command line)."""


class Cancelled(AppError):
    """The person cancelled long work; nothing was changed or written."""


EXIT_REFUSED, EXIT_USAGE = 1, 2

_OS_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOENT: "no such file or folder",
    errno.EISDIR: "it is a folder, not a file",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.ENAMETOOLONG: "the name is too long",
    errno.EEXIST: "it exists already",
}


def _os_message(exc: OSError) -> str:
    reason = _OS_REASONS.get(exc.errno or -1) or exc.strerror or str(exc)
    where = exc.filename or ""
    return f"{where}: {reason}" if where else reason


#: what a driver says when the server is not there (refused, no such host, timed out)
_UNREACHABLE = (
    "connection",
    "could not translate host",
    "failed to resolve host",
    "name or service not known",
    "nodename nor servname",
    "no route to host",
    "timeout",
    "timed out",
)


def _database_message(exc) -> str:
    """SQLAlchemy's errors: the driver's own first line, which says what went wrong."""
    original = getattr(exc, "orig", None) or exc
    text = str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__
    lowered = text.lower()
    if "readonly database" in lowered or "read-only" in lowered:
        return f"the database cannot be written ({text}): is the file or its folder read-only?"
    if "disk is full" in lowered or "database or disk is full" in lowered:
        return "the disk is full: nothing was written"
    if "disk i/o error" in lowered:
        return f"the database file cannot be read or written ({text}): is the disk full or failing?"
    if "not a database" in lowered or "malformed" in lowered:
        return f"the file is not a readable database ({text})"
    if "database is locked" in lowered:
        return "the database is busy with another program's write; try again in a moment"
    if (
        "authentication failed" in lowered
        or "no password supplied" in lowered
        or "role" in lowered
        and "does not exist" in lowered
    ):
        return f"the database server refused the login ({text}): check the user and password of --db"
    if "database" in lowered and "does not exist" in lowered:
        return f"the database server has no such database ({text}): create it first, or check the name in --db"
    if any(sign in lowered for sign in _UNREACHABLE):
        return f"the database server cannot be reached ({text})"
    return f"the database refused: {text}"


def _file_message(exc: BaseException) -> str | None:
    """A file that is not what it claims: not a zip (xlsx), not well-formed XML, XML that
    declares entities, a CSV the reader gives up on. None for anything else."""
    import csv
    import xml.parsers.expat
    import zipfile
    from xml.etree.ElementTree import ParseError

    if isinstance(exc, zipfile.BadZipFile | zipfile.LargeZipFile):
        return f"the file is not a readable .xlsx workbook (not a whole zip archive: {exc})"
    if isinstance(exc, ParseError | xml.parsers.expat.ExpatError):
        return f"the file holds XML that is not well-formed ({exc})"
    if type(exc).__module__.startswith("defusedxml"):  # EntitiesForbidden, DTDForbidden, …
        return f"the file's XML declares entities or a DTD, which are refused ({exc})"
    if type(exc).__name__ == "InvalidFileException" and type(exc).__module__.startswith("openpyxl"):
        return f"the file is not a workbook openpyxl can read ({exc})"
    if isinstance(exc, csv.Error):
        return f"the file is not readable CSV ({exc})"
    return None


def log_folder() -> Path:
    from app.db import user_data_dir

    return user_data_dir() / "logs"


def log_unexpected(exc: BaseException) -> Path | None:
    """The whole traceback in the log folder; its path, or None when it cannot be written."""
    from app.clock import utcnow

    try:
        stamp = f"{utcnow():%Y-%m-%d %H:%M:%S} UTC"
    except Exception:  # the failure may be the clock itself (STARTUP_DESK_TODAY not a day)
        stamp = "(no time: the clock could not be read)"
    try:
        folder = log_folder()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "startup-desk.log"
        with path.open("a", encoding="utf-8") as log:
            log.write(f"--- {stamp}\n")
            log.write("".join(traceback.format_exception(exc)))
        return path
    except Exception:  # no log folder (unwritable, or the data folder cannot be found)
        return None


def explain(exc: BaseException) -> tuple[str, int]:
    """(one line for a person, exit code) for any failure."""
    import sqlite3

    from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

    from models.errors import DomainError

    if isinstance(exc, UsageError):
        return str(exc), EXIT_USAGE
    if isinstance(exc, AppError | DomainError):
        return str(exc), EXIT_REFUSED
    if isinstance(exc, OSError):
        return _os_message(exc), EXIT_REFUSED
    if isinstance(exc, NoSuchModuleError | ArgumentError):
        return f"not a database address Startup Desk knows ({exc}); give a SQLite file or postgresql://…", EXIT_USAGE
    if isinstance(exc, SQLAlchemyError):
        return _database_message(exc), EXIT_REFUSED
    if isinstance(exc, sqlite3.Error):  # the driver itself, outside SQLAlchemy (backup, probe)
        return _database_message(exc), EXIT_REFUSED
    file_problem = _file_message(exc)
    if file_problem:
        return file_problem, EXIT_REFUSED
    if isinstance(exc, OverflowError):
        return "a number too large for what the program holds: nothing was changed", EXIT_REFUSED
    if isinstance(exc, RecursionError):  # a file nested too deeply, most likely; logged in case it is not
        return f"the input is nested too deeply to be read: nothing was changed{_logged(exc)}", EXIT_REFUSED
    if isinstance(exc, UnicodeError):
        return f"text that cannot be read or written in its encoding ({exc})", EXIT_REFUSED
    if isinstance(exc, MemoryError):
        return "not enough memory for this: nothing was changed", EXIT_REFUSED
    return f"unexpected error ({type(exc).__name__}: {exc}); nothing was changed{_logged(exc)}", EXIT_REFUSED


def _logged(exc: BaseException) -> str:
    logged = log_unexpected(exc)
    return f"; the details are in {logged}" if logged else ""
