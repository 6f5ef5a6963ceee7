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


def _database_message(exc) -> str:
    """SQLAlchemy's errors: the driver's own first line, which says what went wrong."""
    original = getattr(exc, "orig", None) or exc
    text = str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__
    lowered = text.lower()
    if "readonly database" in lowered or "read-only" in lowered:
        return f"the database cannot be written ({text}): is the file or its folder read-only?"
    if "disk is full" in lowered or "database or disk is full" in lowered:
        return "the disk is full: nothing was written"
    if "not a database" in lowered or "malformed" in lowered:
        return f"the file is not a readable database ({text})"
    if "database is locked" in lowered:
        return "the database is busy with another program's write; try again in a moment"
    if "connection" in lowered or "could not translate host" in lowered or "timeout" in lowered:
        return f"the database server cannot be reached ({text})"
    return f"the database refused: {text}"


def log_folder() -> Path:
    from app.db import user_data_dir

    return user_data_dir() / "logs"


def log_unexpected(exc: BaseException) -> Path | None:
    """The whole traceback in the log folder; its path, or None when it cannot be written."""
    from app.clock import utcnow

    try:
        folder = log_folder()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "startup-desk.log"
        with path.open("a", encoding="utf-8") as log:
            log.write(f"--- {utcnow():%Y-%m-%d %H:%M:%S} UTC\n")
            log.write("".join(traceback.format_exception(exc)))
        return path
    except OSError:
        return None


def explain(exc: BaseException) -> tuple[str, int]:
    """(one line for a person, exit code) for any failure."""
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
    if isinstance(exc, UnicodeError):
        return f"text that cannot be read or written in its encoding ({exc})", EXIT_REFUSED
    if isinstance(exc, MemoryError):
        return "not enough memory for this: nothing was changed", EXIT_REFUSED
    logged = log_unexpected(exc)
    where = f"; the details are in {logged}" if logged else ""
    return f"unexpected error ({type(exc).__name__}: {exc}); nothing was changed{where}", EXIT_REFUSED
